"""Each generated client parses its vendor's documented success answer.

The call goes through the generated endpoint function to an httpx.MockTransport, which
also checks that the request has the documented method, path and body.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import httpx
import pytest

Handler = Callable[[httpx.Request], httpx.Response]


def _answer(
    method: str, path: str, status: int, body: bytes, content_type: str, seen: list[httpx.Request]
) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        assert request.method == method
        assert request.url.raw_path.decode() == path
        return httpx.Response(status, content=body, headers={"Content-Type": content_type})

    return httpx.MockTransport(handle)


def _json(
    method: str, path: str, body: dict[str, Any], seen: list[httpx.Request]
) -> httpx.MockTransport:
    return _answer(method, path, 200, json.dumps(body).encode(), "application/json", seen)


def test_liveavatar_stop_session_parses_the_envelope() -> None:
    from liveavatar_client import AuthenticatedClient
    from liveavatar_client.api.sessions import stop_session_v1_sessions_stop_post as stop
    from liveavatar_client.models import SessionEndReasonEnum, StopSessionResponse, StopSessionSchema

    seen: list[httpx.Request] = []
    body = {"code": 1000, "data": None, "message": "Session stopped"}
    client = AuthenticatedClient(base_url="https://api.liveavatar.com", token="k")
    client.set_httpx_client(
        httpx.Client(base_url="https://api.liveavatar.com", transport=_json("POST", "/v1/sessions/stop", body, seen))
    )
    session_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    response = stop.sync_detailed(
        client=client,
        body=StopSessionSchema(session_id=session_id, reason=SessionEndReasonEnum.USER_CLOSED),  # type: ignore[arg-type]
    )
    assert response.status_code == HTTPStatus.OK
    assert isinstance(response.parsed, StopSessionResponse)
    assert (response.parsed.code, response.parsed.message) == (1000, "Session stopped")
    assert json.loads(seen[0].content) == {"session_id": session_id, "reason": "USER_CLOSED"}


def test_akool_close_session_parses_code_and_msg() -> None:
    from akool_client import Client
    from akool_client.api.session_management import post_api_open_v_4_live_avatar_session_close as close
    from akool_client.models import ApiResponse, CloseSessionBody

    seen: list[httpx.Request] = []
    body = {
        "code": 1000,
        "msg": "ok",
        "data": {"session_id": "6698c9d69cf7b0d61d1b6420", "status": "closed", "closed_at": 1700788730000},
    }
    transport = _json("POST", "/api/open/v4/liveAvatar/session/close", body, seen)
    client = Client(base_url="https://openapi.akool.com")
    client.set_httpx_client(httpx.Client(base_url="https://openapi.akool.com", transport=transport))
    parsed = close.sync(client=client, body=CloseSessionBody(id="6698c9d69cf7b0d61d1b6420"))
    assert isinstance(parsed, ApiResponse)
    assert (parsed.code, parsed.msg) == (1000, "ok")
    assert parsed["data"]["status"] == "closed"
    assert json.loads(seen[0].content) == {"id": "6698c9d69cf7b0d61d1b6420"}


def test_openhands_stop_conversation_parses_the_status() -> None:
    from openhands_client import AuthenticatedClient
    from openhands_client.api.default import (
        stop_conversation_api_conversations_conversation_id_stop_post as stop,
    )
    from openhands_client.models import ConversationResponse, ConversationStatus

    seen: list[httpx.Request] = []
    body = {"status": "ok", "conversation_id": "conv-123", "message": None, "conversation_status": "RUNNING"}
    transport = _json("POST", "/api/conversations/conv-123/stop", body, seen)
    client = AuthenticatedClient(base_url="https://app.all-hands.dev", token="k")
    client.set_httpx_client(httpx.Client(base_url="https://app.all-hands.dev", transport=transport))
    parsed = stop.sync("conv-123", client=client)
    assert isinstance(parsed, ConversationResponse)
    assert parsed.status == "ok"
    assert parsed.conversation_id == "conv-123"
    assert parsed.conversation_status == ConversationStatus.RUNNING


@pytest.mark.parametrize("body", [b"", b"HTTP/1.1 200 OK"])
def test_digitalsamba_end_reads_the_body_as_text(body: bytes) -> None:
    from digitalsamba_client import Client
    from digitalsamba_client.api.sessions import end_the_specified_live_session as end

    seen: list[httpx.Request] = []
    session = "edb7a1cb-0627-44ed-9ae4-62a344d6e8a9"
    transport = _answer("POST", f"/api/v1/sessions/{session}/end", 200, body, "text/plain", seen)
    client = Client(base_url="https://api.digitalsamba.com")
    client.set_httpx_client(httpx.Client(base_url="https://api.digitalsamba.com", transport=transport))
    response = end.sync_detailed(session, client=client)
    assert response.status_code == HTTPStatus.OK
    assert response.parsed == body.decode()


def test_elizaos_end_session_keeps_undocumented_fields() -> None:
    """The server's real answer has success and another message; nothing is lost parsing it."""
    from elizaos_client import Client
    from elizaos_client.api.default import end_session
    from elizaos_client.models import EndSessionResponse200

    seen: list[httpx.Request] = []
    body = {"success": True, "message": "Session abc deleted successfully"}
    transport = _json("DELETE", "/api/messaging/sessions/abc", body, seen)
    client = Client(base_url="http://localhost:3000")
    client.set_httpx_client(httpx.Client(base_url="http://localhost:3000", transport=transport))
    parsed = end_session.sync("abc", client=client)
    assert isinstance(parsed, EndSessionResponse200)
    assert parsed.message == "Session abc deleted successfully"
    assert parsed["success"] is True


@pytest.mark.parametrize("status", [499, 520, 529, 599])
def test_a_status_outside_httpstatus_does_not_crash_the_client(status: int) -> None:
    """The status_code_of patch: a CDN's 520 is reported as 520, not a ValueError."""
    from openhands_client import AuthenticatedClient
    from openhands_client.api.default import (
        stop_conversation_api_conversations_conversation_id_stop_post as stop,
    )

    seen: list[httpx.Request] = []
    transport = _answer("POST", "/api/conversations/c/stop", status, b"<html>", "text/html", seen)
    client = AuthenticatedClient(base_url="https://app.all-hands.dev", token="k")
    client.set_httpx_client(httpx.Client(base_url="https://app.all-hands.dev", transport=transport))
    response = stop.sync_detailed("c", client=client)
    assert response.status_code == status
    assert response.parsed is None


def test_the_generated_clients_have_a_default_timeout() -> None:
    """The default-timeout patch: no generated client waits forever."""
    import akool_client
    import digitalsamba_client
    import elizaos_client
    import liveavatar_client
    import openhands_client

    for package in (liveavatar_client, akool_client, openhands_client, digitalsamba_client, elizaos_client):
        client = package.Client(base_url="https://example.invalid")
        assert client.get_httpx_client().timeout == httpx.Timeout(15.0)


def test_the_generated_clients_keep_the_token_out_of_their_repr() -> None:
    """The token-out-of-repr patch: printing a client never prints its credential."""
    import akool_client
    import digitalsamba_client
    import elizaos_client
    import liveavatar_client
    import openhands_client

    for package in (liveavatar_client, akool_client, openhands_client, digitalsamba_client, elizaos_client):
        client = package.AuthenticatedClient(base_url="https://example.invalid", token="tok-SECRET-123")
        assert "tok-SECRET-123" not in repr(client)
