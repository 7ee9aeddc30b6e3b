"""OpenHands, replayed from cassettes: V1 (``test_v1_*``: the sandbox looked up, then paused)
and V0 (the others: a conversation that is not running answers 200), each against its spec."""

from __future__ import annotations

import datetime

import pytest
from sessionend import Outcome, ProviderSettings, errors
from sessionend.providers import Verdict
from sessionend.testing.vendors.openhands import ANSWERS

from .conftest import Ender, Lister
from .documented import UNKNOWN_IDS
from .listing import declared_entries, pages_of, sessions_of
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


# --- listing (V1): GET /api/v1/app-conversations/search, by cursor ------------------------


def _started(entry: dict[str, object]) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(entry["created_at"]))


def test_v1_list(lister: Lister) -> None:
    entries = declared_entries("openhands", "list_page", "items")
    (page,) = pages_of(lister.walk("openhands"))
    live = [entry for entry in entries if entry["sandbox_status"] in ("RUNNING", "STARTING")]
    assert len(live) == 2 and page.seen == len(entries) == 5  # PAUSED, MISSING, ERROR left out
    assert [s.session_id for s in page.sessions] == [entry["id"] for entry in live]
    assert [s.started_at for s in page.sessions] == [_started(entry) for entry in live]
    assert page.sessions[0].started_at == datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    assert page.sessions[1].fields["sandbox_status"] == "STARTING"


def test_v1_list_paged(lister: Lister) -> None:
    pages = [
        (declared_entries("openhands", "list_first_page", "items"), "id"),
        (declared_entries("openhands", "list_second_page", "items"), "id"),
    ]
    assert len(sessions_of(lister.walk("openhands"), pages, _started)) == 101


def test_v1_list_empty(lister: Lister) -> None:
    assert sessions_of(lister.walk("openhands"), [([], "id")], _started) == []


def test_v1_list_unauthorized(lister: Lister) -> None:
    (verdict,) = lister.walk("openhands", credentials={"api_key": "not-a-valid-openhands-key"})
    assert isinstance(verdict, Verdict)
    assert (verdict.error, verdict.http_status) == (errors.AuthenticationError, 401)
