"""Digital Samba, replayed from cassettes: POST, and GET once after a 405."""

from __future__ import annotations

import pytest
from sessionend import Outcome, ProviderSettings, errors

from .conftest import Ender
from .documented import UNKNOWN_IDS
from .recording import credential, live_session_id

pytestmark = pytest.mark.vcr


def _wrong_key() -> dict[str, ProviderSettings]:
    team = credential("DIGITALSAMBA_TEAM_ID")
    return {"digitalsamba": ProviderSettings(team_id=team, developer_key="not-a-valid-key")}


def test_success(ender: Ender) -> None:
    result = ender.end("digitalsamba", live_session_id("digitalsamba"))
    assert (result.outcome, result.http_status, result.attempts) == (Outcome.ENDED, 200, 1)


def test_method_fallback(ender: Ender, waits: list[float]) -> None:
    result = ender.end("digitalsamba", live_session_id("digitalsamba"))
    assert (result.outcome, result.http_status, result.attempts) == (Outcome.ENDED, 200, 2)
    # The fallback is not a retry: no backoff, only the documented pace's spacing.
    assert len(waits) <= 1 and all(wait < 0.1 for wait in waits)


def test_not_found(ender: Ender) -> None:
    with pytest.raises(errors.SessionNotFound) as caught:
        ender.end("digitalsamba", UNKNOWN_IDS["digitalsamba"])
    assert caught.value.http_status == 404


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("digitalsamba", live_session_id("digitalsamba"), settings=_wrong_key())
    assert caught.value.http_status == 401


def test_rejected(ender: Ender) -> None:
    with pytest.raises(errors.RequestRejected) as caught:
        ender.end("digitalsamba", live_session_id("digitalsamba"))
    assert caught.value.http_status == 422


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("digitalsamba", live_session_id("digitalsamba"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert waits == [pytest.approx(3.0, abs=0.1)]
