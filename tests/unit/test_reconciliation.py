"""Each vendor's quirks, reconciled behind end(): through both the sync and async enders."""

from __future__ import annotations

import base64

import pytest
from sessionend import EndReason, EndResult, Outcome, errors
from sessionend._pace import BETA

from .harness import (
    AKOOL_KEY,
    DS_KEY,
    DS_TEAM,
    ELIZA_KEY,
    LIVEAVATAR_KEY,
    OPENHANDS_KEY,
    UUID,
    Vendor,
    reply,
    run_end,
)

# --- LiveAvatar -------------------------------------------------------------------------


@pytest.mark.parametrize("code", [100, 1000])
def test_liveavatar_sends_the_reason_and_accepts_both_success_codes(mode: str, code: int) -> None:
    vendor = Vendor([reply(200, {"code": code, "data": None, "message": "ok"})])
    result = run_end(mode, vendor, "liveavatar", UUID, reason=EndReason.IDLE_TIMEOUT)
    assert (result.outcome, result.vendor_code, result.attempts) == (Outcome.ENDED, code, 1)
    request = vendor.requests[0]
    assert (request.method, request.url.path) == ("POST", "/v1/sessions/stop")
    assert request.headers["X-API-KEY"] == LIVEAVATAR_KEY
    assert vendor.body() == {"session_id": UUID, "reason": "IDLE_TIMEOUT"}


def test_liveavatar_default_reason_is_user_closed(mode: str) -> None:
    vendor = Vendor([reply(200, {"code": 1000})])
    run_end(mode, vendor, "liveavatar", UUID)
    assert vendor.body()["reason"] == "USER_CLOSED"


def test_liveavatar_another_code_is_a_vendor_error(mode: str) -> None:
    vendor = Vendor([reply(200, {"code": 4000, "message": "session not active"})])
    with pytest.raises(errors.VendorError) as caught:
        run_end(mode, vendor, "liveavatar", UUID)
    assert (caught.value.vendor_code, caught.value.vendor_message) == (4000, "session not active")


def test_liveavatar_422_is_rejected_with_the_validation_detail(mode: str) -> None:
    detail = {
        "detail": [{"loc": ["body", "session_id"], "msg": "field required", "type": "missing"}]
    }
    vendor = Vendor([reply(422, detail)])
    with pytest.raises(errors.RequestRejected) as caught:
        run_end(mode, vendor, "liveavatar", UUID)
    assert caught.value.vendor_message == "body.session_id: field required"
    assert caught.value.http_status == 422


def test_liveavatar_ids_must_be_uuids_before_any_request(mode: str) -> None:
    vendor = Vendor([reply(200, {"code": 1000})])
    with pytest.raises(errors.InvalidSessionId, match="UUID"):
        run_end(mode, vendor, "liveavatar", "not-a-uuid")
    assert vendor.requests == []


# --- Akool --------------------------------------------------------------------------------


def test_akool_sends_the_id_as_id_and_ends_on_code_1000(mode: str) -> None:
    vendor = Vendor([reply(200, {"code": 1000, "msg": "ok", "data": {"status": "closed"}})])
    result = run_end(mode, vendor, "akool", "6698c9d69cf7b0d61d1b6420")
    assert (result.outcome, result.vendor_code, result.vendor_message) == (
        Outcome.ENDED,
        1000,
        "ok",
    )
    assert vendor.body() == {"id": "6698c9d69cf7b0d61d1b6420"}
    request = vendor.requests[0]
    assert (request.method, request.url.path) == ("POST", "/api/open/v4/liveAvatar/session/close")
    assert request.headers["x-api-key"] == AKOOL_KEY
    assert isinstance(result.body, dict) and result.body["code"] == 1000


def test_akool_1011_is_already_ended(mode: str) -> None:
    vendor = Vendor([reply(200, {"code": 1011, "msg": "has been operated"})])
    assert run_end(mode, vendor, "akool", "s").outcome is Outcome.ALREADY_ENDED


@pytest.mark.parametrize("code", [1008, 1014])
def test_akool_missing_codes_are_not_found(mode: str, code: int) -> None:
    vendor = Vendor([reply(200, {"code": code, "msg": "does not exist"})])
    with pytest.raises(errors.SessionNotFound):
        run_end(mode, vendor, "akool", "s")
    assert run_end(mode, vendor, "akool", "s", missing_ok=True).outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (1101, errors.AuthenticationError),
        (1102, errors.AuthenticationError),
        (1009, errors.AuthenticationError),
        (1200, errors.AuthenticationError),
        (1003, errors.RequestRejected),
        (1010, errors.VendorError),
        (1104, errors.VendorError),
    ],
)
def test_akool_business_codes_map_to_errors_whatever_the_status(
    mode: str, code: int, error: type[errors.SessionEndError]
) -> None:
    for status in (200, 400):
        vendor = Vendor([reply(status, {"code": code, "msg": "no"})])
        with pytest.raises(error) as caught:
            run_end(mode, vendor, "akool", "s")
        assert type(caught.value) is error
        assert (caught.value.vendor_code, caught.value.attempts) == (code, 1)


def test_akool_undocumented_code_under_a_5xx_is_a_server_failure(mode: str) -> None:
    vendor = Vendor(
        [reply(503, {"code": 503, "msg": "Service Unavailable"}), reply(200, {"code": 1000})]
    )
    result = run_end(mode, vendor, "akool", "s")
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)


def test_akool_1005_is_retried_like_a_429(mode: str, waits: list[float]) -> None:
    vendor = Vendor(
        [reply(200, {"code": 1005, "msg": "frequent"}), reply(200, {"code": 1000, "msg": "ok"})]
    )
    result = run_end(mode, vendor, "akool", "s")
    assert (result.outcome, result.attempts, result.throttled) == (Outcome.ENDED, 2, 1)
    # The pace slowed down to BETA of the one request sent in the last second, and 1005
    # names no wait: the provider paused for one slot at that pace.
    assert waits == [pytest.approx(1 / BETA, rel=0.05)]


def test_akool_1005_to_the_end_without_pacing_is_rate_limited(mode: str) -> None:
    vendor = Vendor([reply(200, {"code": 1005, "msg": "frequent"})])
    with pytest.raises(errors.RateLimited) as caught:
        run_end(mode, vendor, "akool", "s", pacing="off")
    assert caught.value.attempts == 3


def test_akool_1005_to_the_end_is_paced_until_the_deadline(mode: str) -> None:
    """1005 carries no wait: the pace slows down, and the end fails only at its deadline."""
    vendor = Vendor([reply(200, {"code": 1005, "msg": "frequent"})])
    with pytest.raises(errors.RateLimited, match="pace") as caught:
        run_end(mode, vendor, "akool", "s", deadline=20)
    assert caught.value.attempts > 3  # max_retries does not count throttles


def test_akool_2xx_without_a_code_is_unexpected(mode: str) -> None:
    vendor = Vendor([reply(200, {"msg": "ok"})])
    with pytest.raises(errors.UnexpectedResponse):
        run_end(mode, vendor, "akool", "s")


# --- OpenHands ------------------------------------------------------------------------------


@pytest.mark.parametrize("before", ["RUNNING", "STARTING"])
def test_openhands_running_conversation_is_ended(mode: str, before: str) -> None:
    body = {"status": "ok", "conversation_id": "conv-123", "conversation_status": before}
    vendor = Vendor([reply(200, body)])
    result = run_end(mode, vendor, "openhands", "conv-123")
    assert result.outcome is Outcome.ENDED
    request = vendor.requests[0]
    assert (request.method, request.url.path) == ("POST", "/api/conversations/conv-123/stop")
    assert request.headers["X-Session-API-Key"] == OPENHANDS_KEY


def test_openhands_not_running_is_already_ended(mode: str) -> None:
    body = {
        "status": "ok",
        "conversation_id": "conv-123",
        "message": "Conversation was not running",
        "conversation_status": "STOPPED",
    }
    result = run_end(mode, Vendor([reply(200, body)]), "openhands", "conv-123")
    assert (result.outcome, result.vendor_message) == (
        Outcome.ALREADY_ENDED,
        "Conversation was not running",
    )


def test_openhands_error_status_under_2xx_is_a_vendor_error(mode: str) -> None:
    body = {"status": "error", "conversation_id": "c", "message": "Failed to stop"}
    with pytest.raises(errors.VendorError, match="Failed to stop"):
        run_end(mode, Vendor([reply(200, body)]), "openhands", "c")


def test_openhands_5xx_is_retried_and_ends_as_server_error(mode: str) -> None:
    vendor = Vendor([reply(500, {"status": "error", "message": "boom"})])
    with pytest.raises(errors.ServerError) as caught:
        run_end(mode, vendor, "openhands", "c")
    assert (caught.value.attempts, len(vendor.requests)) == (3, 3)


def test_openhands_400_is_rejected_without_retry(mode: str) -> None:
    vendor = Vendor([reply(400, {"detail": "bad id"})])
    with pytest.raises(errors.RequestRejected):
        run_end(mode, vendor, "openhands", "c")
    assert len(vendor.requests) == 1


# --- Digital Samba ----------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "HTTP/1.1 200 OK", "{not json"])
def test_digitalsamba_200_text_is_success_never_json(mode: str, body: str) -> None:
    vendor = Vendor([reply(200, body, headers={"Content-Type": "text/plain"})])
    session = "edb7a1cb-0627-44ed-9ae4-62a344d6e8a9"
    result = run_end(mode, vendor, "digitalsamba", session)
    assert result.outcome is Outcome.ENDED
    request = vendor.requests[0]
    assert (request.method, request.url.path) == ("POST", f"/api/v1/sessions/{session}/end")
    expected = base64.b64encode(f"{DS_TEAM}:{DS_KEY}".encode()).decode()
    assert request.headers["Authorization"] == f"Basic {expected}"


def test_digitalsamba_405_falls_back_to_get_once_and_remembers(mode: str) -> None:
    """After a 405 the same end goes out as GET, and later ends use GET straight away."""
    import asyncio

    import httpx
    from sessionend import AsyncSessionEnder, SessionEnder

    from .harness import SETTINGS

    def answer(request: httpx.Request) -> httpx.Response:
        return reply(405) if request.method == "POST" else reply(200, "")

    vendor = Vendor([answer])
    transport = httpx.MockTransport(vendor)
    if mode == "sync":
        with SessionEnder(transport=transport, settings=SETTINGS) as ender:
            first = ender.end("digitalsamba", "s1")
            second = ender.end("digitalsamba", "s2")
    else:

        async def main() -> tuple[EndResult, EndResult]:
            async with AsyncSessionEnder(transport=transport, settings=SETTINGS) as ender:
                return await ender.end("digitalsamba", "s1"), await ender.end("digitalsamba", "s2")

        first, second = asyncio.run(main())
    assert [(r.method, r.url.path) for r in vendor.requests] == [
        ("POST", "/api/v1/sessions/s1/end"),
        ("GET", "/api/v1/sessions/s1/end"),
        ("GET", "/api/v1/sessions/s2/end"),
    ]
    assert first.outcome is Outcome.ENDED and first.attempts == 2
    assert second.attempts == 1


def test_digitalsamba_405_on_get_too_is_rejected(mode: str) -> None:
    vendor = Vendor([reply(405)])
    with pytest.raises(errors.RequestRejected):
        run_end(mode, vendor, "digitalsamba", "s")
    assert [r.method for r in vendor.requests] == ["POST", "GET"]


# --- ElizaOS ----------------------------------------------------------------------------------


def test_elizaos_deletes_and_accepts_the_servers_real_answer(mode: str) -> None:
    vendor = Vendor([reply(200, {"success": True, "message": "Session abc deleted successfully"})])
    result = run_end(mode, vendor, "elizaos", "abc")
    assert (result.outcome, result.vendor_message) == (
        Outcome.ENDED,
        "Session abc deleted successfully",
    )
    request = vendor.requests[0]
    assert (request.method, request.url.path) == ("DELETE", "/api/messaging/sessions/abc")
    assert request.headers["X-API-KEY"] == ELIZA_KEY


def test_elizaos_404_is_not_found(mode: str) -> None:
    body = {
        "success": False,
        "error": {"code": "SESSION_NOT_FOUND", "message": "Session not found"},
    }
    vendor = Vendor([reply(404, body)])
    with pytest.raises(errors.SessionNotFound) as caught:
        run_end(mode, vendor, "elizaos", "abc")
    assert caught.value.vendor_code == "SESSION_NOT_FOUND"
    result = run_end(mode, vendor, "elizaos", "abc", missing_ok=True)
    assert result.outcome is Outcome.NOT_FOUND


def test_elizaos_plain_text_401_is_an_authentication_error(mode: str) -> None:
    vendor = Vendor([reply(401, "Unauthorized", headers={"Content-Type": "text/plain"})])
    with pytest.raises(errors.AuthenticationError):
        run_end(mode, vendor, "elizaos", "abc")


def test_elizaos_works_without_a_key_and_sends_none(mode: str) -> None:
    from sessionend import ProviderSettings

    vendor = Vendor([reply(200, {"success": True, "message": "deleted"})])
    run_end(mode, vendor, "elizaos", "abc", settings={"elizaos": ProviderSettings()})
    assert "X-API-KEY" not in vendor.requests[0].headers


def test_elizaos_success_false_under_2xx_is_a_vendor_error(mode: str) -> None:
    vendor = Vendor([reply(200, {"success": False, "error": {"code": "X", "message": "no"}})])
    with pytest.raises(errors.VendorError):
        run_end(mode, vendor, "elizaos", "abc")
