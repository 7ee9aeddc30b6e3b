"""OpenHands, replayed from cassettes: a conversation that is not running answers 200."""

from __future__ import annotations

import pytest
from sessionend import Outcome, ProviderSettings, errors

from .conftest import Ender
from .documented import UNKNOWN_IDS
from .recording import live_session_id

pytestmark = pytest.mark.vcr
WRONG_KEY = {"openhands": ProviderSettings(api_key="not-a-valid-openhands-key")}


def test_success(ender: Ender) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert (result.outcome, result.http_status, result.vendor_code) == (Outcome.ENDED, 200, "ok")


def test_not_running(ender: Ender) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert result.outcome is Outcome.ALREADY_ENDED
    assert result.vendor_message == "Conversation was not running"


def test_not_found(ender: Ender) -> None:
    # The server answers an unknown id as a conversation that is not running.
    result = ender.end("openhands", UNKNOWN_IDS["openhands"])
    assert result.outcome is Outcome.ALREADY_ENDED


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("openhands", live_session_id("openhands"), settings=WRONG_KEY)
    assert caught.value.http_status == 401


def test_business_error(ender: Ender) -> None:
    with pytest.raises(errors.ServerError) as caught:
        ender.end("openhands", live_session_id("openhands"), max_retries=0)
    assert (caught.value.http_status, caught.value.attempts) == (500, 1)


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert waits == [pytest.approx(2.0, abs=0.1)]
