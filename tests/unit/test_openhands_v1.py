"""OpenHands V1: the conversation's sandbox looked up, then paused, as one end; the api option.

The scripts answer as a V1 server does; the unit conftest's ``OPENHANDS_API=v0`` is
overridden by each test's settings (``api="v1"``), or removed where the default is tested.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sessionend import Outcome, ProviderSettings, SessionEnder, errors
from sessionend.providers import Request
from sessionend.providers.openhands import OpenHands

from .harness import OPENHANDS_KEY, Vendor, reply, run_end

CONVERSATION = "3b9f2c51-a7d0-4e6f-8c1a-2b3c4d5e6f70"
SANDBOX = "c0ffee00-1234-4abc-9def-0123456789ab"
V1 = {"openhands": ProviderSettings(api_key=OPENHANDS_KEY, api="v1")}


def looked_up(status: str, sandbox_id: str = SANDBOX) -> httpx.Response:
    conversation: dict[str, Any] = {
        "id": CONVERSATION,
        "created_by_user_id": None,
        "sandbox_id": sandbox_id,
        "sandbox_status": status,
        "acp_server": None,
        "launched_agent_profile": None,
    }
    return reply(200, [conversation])


def paused() -> httpx.Response:
    # A fresh answer each time: a response is read once.
    return reply(200, {"success": True})


def end(mode: str, vendor: Vendor, session_id: str = CONVERSATION, **options: Any) -> Any:
    options.setdefault("settings", V1)
    return run_end(mode, vendor, "openhands", session_id, **options)


@pytest.mark.parametrize("status", ["RUNNING", "STARTING", "ERROR"])
def test_a_live_or_errored_sandbox_is_paused_in_the_same_end(mode: str, status: str) -> None:
    vendor = Vendor([looked_up(status), paused()])
    result = end(mode, vendor)
    assert (result.outcome, result.attempts, result.http_status) == (Outcome.ENDED, 2, 200)
    lookup, pause = vendor.requests
    assert (lookup.method, lookup.url.raw_path) == (
        "GET",
        f"/api/v1/app-conversations?ids={CONVERSATION}".encode(),
    )
    assert (pause.method, pause.url.path) == ("POST", f"/api/v1/sandboxes/{SANDBOX}/pause")
    for request in vendor.requests:
        assert request.headers["Authorization"] == f"Bearer {OPENHANDS_KEY}"
        assert "X-Session-API-Key" not in request.headers
        assert "/api/conversations/" not in request.url.path


@pytest.mark.parametrize("status", ["PAUSED", "MISSING"])
def test_a_paused_or_missing_sandbox_is_already_ended_without_a_pause(
    mode: str, status: str
) -> None:
    vendor = Vendor([looked_up(status)])
    result = end(mode, vendor)
    assert (result.outcome, result.attempts, result.vendor_code) == (
        Outcome.ALREADY_ENDED,
        1,
        status,
    )
    assert len(vendor.requests) == 1


def test_an_unknown_conversation_is_not_found(mode: str) -> None:
    with pytest.raises(errors.SessionNotFound):
        end(mode, Vendor([reply(200, [None])]))
    result = end(mode, Vendor([reply(200, [None])]), missing_ok=True)
    assert result.outcome is Outcome.NOT_FOUND


def test_a_pause_answered_404_after_the_lookup_is_already_ended(mode: str) -> None:
    vendor = Vendor([looked_up("RUNNING"), reply(404, {"detail": "Not Found"})])
    result = end(mode, vendor)
    assert (result.outcome, result.attempts, result.http_status) == (
        Outcome.ALREADY_ENDED,
        2,
        404,
    )


def test_a_failed_pause_restarts_the_end_from_the_lookup(mode: str) -> None:
    vendor = Vendor([looked_up("RUNNING"), reply(503), looked_up("RUNNING"), paused()])
    result = end(mode, vendor)
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 4)
    assert [request.method for request in vendor.requests] == ["GET", "POST", "GET", "POST"]


def test_a_lost_pause_answer_then_a_paused_sandbox_is_already_ended(mode: str) -> None:
    vendor = Vendor([looked_up("RUNNING"), httpx.ReadError, looked_up("PAUSED")])
    result = end(mode, vendor)
    assert (result.outcome, result.attempts) == (Outcome.ALREADY_ENDED, 3)


def test_a_lost_answer_then_an_unknown_conversation_is_already_ended(mode: str) -> None:
    vendor = Vendor([looked_up("RUNNING"), httpx.ReadError, reply(200, [None])])
    assert end(mode, vendor).outcome is Outcome.ALREADY_ENDED


def test_a_failed_lookup_is_retried_like_any_attempt(mode: str) -> None:
    vendor = Vendor([reply(503), looked_up("RUNNING"), paused()])
    assert (end(mode, vendor).attempts, len(vendor.requests)) == (3, 3)


def test_a_server_without_v1_is_told_to_use_v0(mode: str) -> None:
    with pytest.raises(errors.RequestRejected, match="OPENHANDS_API=v0"):
        end(mode, Vendor([reply(404, {"detail": "Not Found"})]), missing_ok=True)


@pytest.mark.parametrize("sandbox_id", ["..", ".", "", "a b", "x\r\ny"])
def test_a_sandbox_id_that_is_not_one_segment_is_never_sent(mode: str, sandbox_id: str) -> None:
    vendor = Vendor([looked_up("RUNNING", sandbox_id)])
    with pytest.raises(errors.UnexpectedResponse):
        end(mode, vendor)
    assert len(vendor.requests) == 1


@pytest.mark.parametrize(
    "session_id",
    [CONVERSATION, CONVERSATION.upper(), CONVERSATION.replace("-", "")],
)
def test_v1_takes_uuids_hyphenated_or_as_32_hex_digits(mode: str, session_id: str) -> None:
    vendor = Vendor([looked_up("PAUSED")])
    assert end(mode, vendor, session_id).outcome is Outcome.ALREADY_ENDED


@pytest.mark.parametrize(
    "session_id",
    [
        "conv-1",
        f"{{{CONVERSATION}}}",
        f"urn:uuid:{CONVERSATION}",
        CONVERSATION[:-1],
        CONVERSATION.replace("-", "")[:-1] + "g",
    ],
)
def test_v1_refuses_what_the_server_refuses_before_any_request(mode: str, session_id: str) -> None:
    vendor = Vendor([looked_up("RUNNING")])
    with pytest.raises(errors.InvalidSessionId):
        end(mode, vendor, session_id)
    assert vendor.requests == []


def test_v1_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENHANDS_API")
    vendor = Vendor([looked_up("PAUSED")])
    settings = {"openhands": ProviderSettings(api_key=OPENHANDS_KEY)}
    run_end("sync", vendor, "openhands", CONVERSATION, settings=settings)
    assert vendor.requests[0].url.path == "/api/v1/app-conversations"


def test_v0_keeps_its_stop_and_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENHANDS_API", "v0")
    ok = {"status": "ok", "conversation_id": "c", "conversation_status": "RUNNING"}
    vendor = Vendor([reply(200, ok)])
    settings = {"openhands": ProviderSettings(api_key=OPENHANDS_KEY)}
    run_end("sync", vendor, "openhands", "c", settings=settings)
    (request,) = vendor.requests
    assert request.url.path == "/api/conversations/c/stop"
    assert request.headers["X-Session-API-Key"] == OPENHANDS_KEY
    assert "Authorization" not in request.headers


@pytest.mark.parametrize("given", ["v2", "V1", "1"])
def test_an_unknown_api_is_refused_at_construction_naming_the_choices(
    monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.setenv("OPENHANDS_API", given)
    with pytest.raises(ValueError, match=r"settings for openhands: .*one of v1, v0"):
        SessionEnder()
    monkeypatch.delenv("OPENHANDS_API")
    with pytest.raises(ValueError, match="OPENHANDS_API"):
        SessionEnder(settings={"openhands": ProviderSettings(api=given)})


def test_the_option_is_read_like_a_credential(monkeypatch: pytest.MonkeyPatch) -> None:
    assert OpenHands.variables()["api"] == "OPENHANDS_API"
    assert OpenHands({"api": "v0"}).v1 is False
    assert OpenHands().v1 is True


def test_query_parameters_are_encoded_into_the_path() -> None:
    request = Request.from_generated(
        {
            "method": "get",
            "url": "/search",
            "params": {"ids": ["a b", "é/&=?"], "limit": 5, "flag": True},
        }
    )
    # As httpx encodes the generated client's own params= (the generated code drops None).
    assert request.path == "/search?ids=a+b&ids=%C3%A9%2F%26%3D%3F&limit=5&flag=true"
    assert Request.from_generated({"method": "get", "url": "/p", "params": {}}).path == "/p"
    with pytest.raises(ValueError, match="cookies"):
        Request.from_generated({"method": "get", "url": "/p", "cookies": {"a": "b"}})
