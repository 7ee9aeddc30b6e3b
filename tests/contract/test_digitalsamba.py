"""Digital Samba, replayed from cassettes: POST, and GET once after a 405."""

from __future__ import annotations

import datetime

import pytest
from sessionend import Outcome, ProviderSettings, errors
from sessionend.providers import Verdict

from .conftest import Ender, Lister
from .documented import UNKNOWN_IDS
from .listing import declared_entries, sessions_of
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


# --- listing: GET /api/v1/sessions?live=true, by offset ----------------------------------


def _started(entry: dict[str, object]) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(entry["start_time"]))


def test_list(lister: Lister) -> None:
    entries = declared_entries("digitalsamba", "list_page", "data")
    first, _ = sessions_of(lister.walk("digitalsamba"), [(entries, "id")], _started)
    assert first.started_at == datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    assert first.fields["end_time"]  # live, though it carries an end_time
    assert first.fields["live"] is True


def test_list_paged(lister: Lister) -> None:
    pages = [
        (declared_entries("digitalsamba", "list_first_page", "data"), "id"),
        (declared_entries("digitalsamba", "list_second_page", "data"), "id"),
    ]
    assert len(sessions_of(lister.walk("digitalsamba"), pages, _started)) == 101


def test_list_empty(lister: Lister) -> None:
    assert sessions_of(lister.walk("digitalsamba"), [([], "id")], _started) == []


def test_list_unauthorized(lister: Lister) -> None:
    wrong = {"team_id": "not-a-team", "developer_key": "not-a-valid-key"}
    (verdict,) = lister.walk("digitalsamba", credentials=wrong)
    assert isinstance(verdict, Verdict)
    assert (verdict.error, verdict.http_status) == (errors.AuthenticationError, 401)
