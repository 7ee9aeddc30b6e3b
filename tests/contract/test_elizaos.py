"""ElizaOS, replayed from cassettes: the server's 200 body is not the spec's."""

from __future__ import annotations

import pytest
from sessionend import Outcome, ProviderSettings, errors

from .conftest import Ender
from .documented import UNKNOWN_IDS
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
