"""Each generated endpoint module's build_request and parse_response, without any I/O.

parse_response is fed a plain answer object (``Answer``), not an httpx.Response, as a caller
that sends requests its own way does; these calls are type-checked by mypy --strict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
import pytest


@dataclass(frozen=True)
class Answer:
    """A minimal types.RawResponse: status, body, and the body as text and JSON."""

    status_code: int
    content: bytes = b""

    @property
    def text(self) -> str:
        return self.content.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.content)


def _json(status: int, body: object) -> Answer:
    return Answer(status, json.dumps(body).encode())


@pytest.fixture(autouse=True)
def _no_httpx_response(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_response is on the bulk-end path: it must never build an httpx.Response."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parse_response built an httpx.Response")

    monkeypatch.setattr(httpx.Response, "__init__", refuse)


def test_liveavatar_build_request_and_parse_response() -> None:
    from liveavatar_client.api.sessions import stop_session_v1_sessions_stop_post as stop
    from liveavatar_client.models import (
        HTTPValidationError,
        SessionEndReasonEnum,
        StopSessionResponse,
        StopSessionSchema,
    )

    session_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    body = StopSessionSchema(session_id=UUID(session_id), reason=SessionEndReasonEnum.IDLE_TIMEOUT)
    assert stop.build_request(body=body) == {
        "method": "post",
        "url": "/v1/sessions/stop",
        "json": {"session_id": session_id, "reason": "IDLE_TIMEOUT"},
        "headers": {"Content-Type": "application/json"},
    }
    parsed = stop.parse_response(_json(200, {"code": 1000, "data": None, "message": "stopped"}))
    assert isinstance(parsed, StopSessionResponse)
    assert (parsed.code, parsed.message) == (1000, "stopped")
    invalid = stop.parse_response(
        _json(422, {"detail": [{"loc": ["body"], "msg": "m", "type": "t"}]})
    )
    assert isinstance(invalid, HTTPValidationError)
    assert stop.parse_response(_json(422, {"detail": [{"msg": "m"}]})) is None  # loc is required


def test_akool_build_request_and_parse_response() -> None:
    from akool_client.api.session_management import (
        post_api_open_v_4_live_avatar_session_close as close,
    )
    from akool_client.models import ApiResponse, CloseSessionBody

    request = close.build_request(body=CloseSessionBody(id="6698c9d69cf7b0d61d1b6420"))
    assert request == {
        "method": "post",
        "url": "/api/open/v4/liveAvatar/session/close",
        "json": {"id": "6698c9d69cf7b0d61d1b6420"},
        "headers": {"Content-Type": "application/json"},
    }
    parsed = close.parse_response(_json(200, {"code": 1011, "msg": "closed already"}))
    assert isinstance(parsed, ApiResponse)
    assert (parsed.code, parsed.msg) == (1011, "closed already")
    assert close.parse_response(_json(200, {"code": 1000})) is None  # msg is required


def test_openhands_build_request_and_parse_response() -> None:
    from openhands_client.api.default import (
        stop_conversation_api_conversations_conversation_id_stop_post as stop,
    )
    from openhands_client.models import ConversationResponse, ConversationStatus

    assert stop.build_request("conv/1 ?") == {
        "method": "post",
        "url": "/api/conversations/conv%2F1%20%3F/stop",
    }
    body = {
        "status": "ok",
        "conversation_id": "c",
        "message": None,
        "conversation_status": "STOPPED",
    }
    parsed = stop.parse_response(_json(200, body))
    assert isinstance(parsed, ConversationResponse)
    assert parsed.conversation_status == ConversationStatus.STOPPED
    assert stop.parse_response(_json(200, {"status": "ok"})) is None  # conversation_id is required


@pytest.mark.parametrize("get", [False, True], ids=["post", "get"])
def test_digitalsamba_build_request_and_parse_response(get: bool) -> None:
    from digitalsamba_client.api.sessions import (
        end_the_specified_live_session,
        end_the_specified_live_session_with_get,
    )
    from digitalsamba_client.models import ErrorMessage

    end = end_the_specified_live_session_with_get if get else end_the_specified_live_session
    assert end.build_request("edb7a1cb/..") == {
        "method": "get" if get else "post",
        "url": "/api/v1/sessions/edb7a1cb%2F../end",
    }
    assert end.parse_response(Answer(200, b"")) == ""
    assert end.parse_response(Answer(200, b"HTTP/1.1 200 OK")) == "HTTP/1.1 200 OK"
    missing = end.parse_response(_json(404, {"message": "Session not found."}))
    assert isinstance(missing, ErrorMessage)
    assert missing.message == "Session not found."


def test_elizaos_build_request_and_parse_response() -> None:
    from elizaos_client.api.default import end_session
    from elizaos_client.models import EndSessionResponse200, Error

    assert end_session.build_request("abc") == {
        "method": "delete",
        "url": "/api/messaging/sessions/abc",
    }
    parsed = end_session.parse_response(
        _json(200, {"success": True, "message": "Session abc deleted"})
    )
    assert isinstance(parsed, EndSessionResponse200)
    assert parsed.message == "Session abc deleted"
    error = end_session.parse_response(
        _json(404, {"success": False, "error": {"code": "SESSION_NOT_FOUND"}})
    )
    assert isinstance(error, Error)


@pytest.mark.parametrize(
    "body", [b"<html>Bad gateway</html>", b"", b"\xff\xfe", b"[1, 2]", b'"ok"', b"null"]
)
def test_a_200_that_is_not_the_documented_json_gives_none(body: bytes) -> None:
    from akool_client.api.session_management import (
        post_api_open_v_4_live_avatar_session_close as close,
    )
    from liveavatar_client.api.sessions import stop_session_v1_sessions_stop_post as stop
    from openhands_client.api.default import (
        stop_conversation_api_conversations_conversation_id_stop_post as openhands_stop,
    )

    answer = Answer(200, body)
    assert close.parse_response(answer) is None
    assert stop.parse_response(answer) is None
    assert openhands_stop.parse_response(answer) is None


@pytest.mark.parametrize("status", [201, 204, 401, 405, 502, 520, 599])
def test_an_undocumented_status_gives_none(status: int) -> None:
    from akool_client.api.session_management import (
        post_api_open_v_4_live_avatar_session_close as close,
    )
    from digitalsamba_client.api.sessions import end_the_specified_live_session_with_get as end
    from elizaos_client.api.default import end_session

    body = json.dumps({"code": 1000, "msg": "ok", "message": "m", "success": True}).encode()
    assert close.parse_response(Answer(status, body)) is None
    assert end.parse_response(Answer(status, body)) is None
    assert end_session.parse_response(Answer(status, body)) is None


def test_other_errors_are_not_swallowed() -> None:
    """Only the errors of a body that does not fit are caught: a broken answer object is not."""
    from akool_client.api.session_management import (
        post_api_open_v_4_live_avatar_session_close as close,
    )

    class Broken(Answer):
        def json(self) -> Any:
            raise RuntimeError("connection lost while reading")

    with pytest.raises(RuntimeError, match="connection lost"):
        close.parse_response(Broken(200, b"{}"))


def test_the_private_get_kwargs_still_gives_the_same_request() -> None:
    """sync_detailed and existing callers of _get_kwargs get what build_request builds."""
    from digitalsamba_client.api.sessions import end_the_specified_live_session_with_get as end

    assert end._get_kwargs("s") == end.build_request("s")
