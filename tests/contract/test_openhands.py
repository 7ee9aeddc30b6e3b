"""OpenHands, replayed from cassettes: V1 (``test_v1_*``: the sandbox looked up, then paused)
and V0 (the others: a conversation that is not running answers 200), each against its spec."""

from __future__ import annotations

import pytest
from sessionend import Outcome, ProviderSettings, errors
from sessionend.testing.vendors.openhands import ANSWERS

from .conftest import Ender
from .documented import UNKNOWN_IDS
from .recording import live_session_id

pytestmark = pytest.mark.vcr
WRONG_KEY = {"openhands": ProviderSettings(api_key="not-a-valid-openhands-key")}
SANDBOX = ANSWERS["v1_running"].examples["sandbox_id"]


@pytest.fixture(autouse=True)
def api(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """V1 (the default) for ``test_v1_*``; V0, as its cassettes were recorded, for the rest."""
    if not request.node.originalname.startswith("test_v1_"):
        monkeypatch.setenv("OPENHANDS_API", "v0")


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


def test_v1_success(ender: Ender) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert (result.outcome, result.attempts, result.http_status) == (Outcome.ENDED, 2, 200)
    assert result.vendor_code is None and result.body == {"success": True}


def test_v1_already_paused(ender: Ender) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert (result.outcome, result.attempts, result.vendor_code) == (
        Outcome.ALREADY_ENDED,
        1,
        "PAUSED",
    )


def test_v1_not_found(ender: Ender) -> None:
    with pytest.raises(errors.SessionNotFound):
        ender.end("openhands", UNKNOWN_IDS["openhands"])


def test_v1_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("openhands", live_session_id("openhands"), settings=WRONG_KEY)
    assert caught.value.http_status == 401


def test_v1_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 3)
    assert waits[0] == pytest.approx(2.0, abs=0.1)


def test_v1_pause_gone(ender: Ender) -> None:
    result = ender.end("openhands", live_session_id("openhands"))
    assert (result.outcome, result.attempts, result.http_status) == (
        Outcome.ALREADY_ENDED,
        2,
        404,
    )
