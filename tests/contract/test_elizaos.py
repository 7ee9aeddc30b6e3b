"""ElizaOS, replayed from cassettes: the server's 200 body is not the spec's."""

from __future__ import annotations

import datetime

import pytest
from sessionend import Outcome, ProviderSettings, errors
from sessionend.providers import Verdict

from .conftest import Ender, Lister
from .documented import UNKNOWN_IDS
from .listing import declared_entries, sessions_of
from .recording import live_session_id

pytestmark = pytest.mark.vcr
WRONG_KEY = {"elizaos": ProviderSettings(api_key="not-a-valid-elizaos-key")}


def test_success(ender: Ender) -> None:
    session_id = live_session_id("elizaos")
    result = ender.end("elizaos", session_id)
    assert (result.outcome, result.http_status) == (Outcome.ENDED, 200)
    assert result.vendor_message == f"Session {session_id} deleted successfully"


def test_not_found(ender: Ender) -> None:
    # Unknown and already deleted sessions answer alike.
    with pytest.raises(errors.SessionNotFound) as caught:
        ender.end("elizaos", UNKNOWN_IDS["elizaos"])
    assert (caught.value.http_status, caught.value.vendor_code) == (404, "SESSION_NOT_FOUND")


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("elizaos", live_session_id("elizaos"), settings=WRONG_KEY)
    assert caught.value.http_status == 401


def test_server_error(ender: Ender) -> None:
    with pytest.raises(errors.ServerError) as caught:
        ender.end("elizaos", live_session_id("elizaos"), max_retries=0)
    assert (caught.value.http_status, caught.value.vendor_code) == (500, "SESSION_DELETE_FAILED")


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("elizaos", live_session_id("elizaos"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert waits == [
        pytest.approx(5.0, abs=0.1)
    ]  # RateLimit-Reset honoured: there is no Retry-After


# --- listing: GET /api/messaging/sessions, every session at once -------------------------


def _created(entry: dict[str, object]) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(entry["createdAt"]))


def test_list(lister: Lister) -> None:
    entries = declared_entries("elizaos", "list_page", "sessions")
    first, _ = sessions_of(lister.walk("elizaos"), [(entries, "sessionId")], _created)
    assert first.started_at == datetime.datetime(2026, 11, 21, 8, 58, tzinfo=datetime.UTC)
    assert first.fields["timeRemaining"] == 1_800_000


def test_list_empty(lister: Lister) -> None:
    assert sessions_of(lister.walk("elizaos"), [([], "sessionId")], _created) == []


def test_list_unauthorized(lister: Lister) -> None:
    (verdict,) = lister.walk("elizaos", credentials={"api_key": "not-the-server-token"})
    assert isinstance(verdict, Verdict)
    assert (verdict.error, verdict.http_status) == (errors.AuthenticationError, 401)
