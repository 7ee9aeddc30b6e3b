"""The documented vendors: what each vendor's docs and sources say it answers, per scenario.

The committed cassettes were recorded from these answers (``--documented-vendors``), because
no real vendor account is reachable from CI: the wrapper sent its real requests, vcrpy
recorded them, and this double answered in the vendor's place. Each answer names its source;
``tests/contract/README.md`` has the same table and says how to re-record against the real
vendors, which replaces these answers with the vendors' own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .recording import SESSION_IDS

__all__ = ["ANSWERS", "UNKNOWN_IDS", "Answer", "DocumentedVendor"]

UNKNOWN_IDS: Mapping[str, str] = {
    "liveavatar": "00000000-0000-4000-8000-000000000000",
    "akool": "000000000000000000000000",
    "openhands": "00000000000000000000000000000000",
    "digitalsamba": "00000000-0000-4000-8000-000000000000",
    "elizaos": "00000000-0000-4000-8000-000000000000",
}
"""Ids no vendor knows: the not-found scenarios end these."""


@dataclass(frozen=True)
class Answer:
    """One documented answer."""

    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    source: str = ""

    def response(self) -> httpx.Response:
        """The answer as an ``httpx.Response``: JSON for dicts, text/plain for strings."""
        headers = dict(self.headers)
        if isinstance(self.body, dict):
            content = json.dumps(self.body).encode()
            headers.setdefault("Content-Type", "application/json")
        else:
            content = (self.body or "").encode()
            headers.setdefault("Content-Type", "text/plain; charset=UTF-8")
        return httpx.Response(self.status, headers=headers, content=content)


_AK, _OH, _DS, _EL = (SESSION_IDS[v] for v in ("akool", "openhands", "digitalsamba", "elizaos"))
_FASTAPI = "FastAPI's error body {detail} (assumed: the spec is FastAPI's)"
_AKOOL_CODES = "docs.akool.com/ai-tools-suite/error-code"
_OH_SOURCE = "OpenHands/OpenHands, openhands/server/routes/manage_conversations.py"
_ELIZA_SOURCE = "elizaOS/eliza, packages/server/src/api/messaging/sessions.ts"


def _oh(message: str, status: str) -> dict[str, Any]:
    return {
        "status": "ok",
        "conversation_id": _OH,
        "message": message,
        "conversation_status": status,
    }


ANSWERS: Mapping[str, tuple[Answer, ...]] = {
    # --- LiveAvatar ------------------------------------------------------------------------
    "liveavatar/success": (
        Answer(
            200,
            {"code": 1000, "data": None, "message": "success"},
            source="spec's Response schema; code 1000 as heygen-com/liveavatar-web-sdk, "
            "SessionApiClient.ts, treats success",
        ),
    ),
    "liveavatar/business_error": (
        Answer(
            200,
            {"code": 4000, "data": None, "message": "session is not active"},
            source="spec's Response schema; 4000 is the failure code of the vendor's web SDK "
            "tests (heygen-com/liveavatar-web-sdk); the message is assumed",
        ),
    ),
    "liveavatar/rejected": (
        Answer(
            422,
            {
                "detail": [
                    {
                        "loc": ["body", "session_id"],
                        "msg": "Input should be a valid UUID",
                        "type": "uuid_parsing",
                    }
                ]
            },
            source="spec's 422 HTTPValidationError",
        ),
    ),
    "liveavatar/not_found": (Answer(404, {"detail": "Session not found"}, source=_FASTAPI),),
    "liveavatar/unauthorized": (Answer(401, {"detail": "Invalid API key"}, source=_FASTAPI),),
    "liveavatar/rate_limited": (
        Answer(
            429,
            {"detail": "Rate limit exceeded"},
            {"Retry-After": "1", "X-RateLimit-Reset": "1700000001"},
            source="docs.liveavatar.com, core-concepts/rate-limits (headers); body assumed",
        ),
        Answer(200, {"code": 1000, "data": None, "message": "success"}, source="as success"),
    ),
    # --- Akool -----------------------------------------------------------------------------
    "akool/success": (
        Answer(
            200,
            {
                "code": 1000,
                "msg": "ok",
                "data": {"session_id": _AK, "status": "closed", "closed_at": 1700788730000},
            },
            source="docs.akool.com/ai-tools-suite/live-avatar/close-session, Response Example",
        ),
    ),
    "akool/already_ended": (
        Answer(200, {"code": 1011, "msg": "has been operated"}, source=_AKOOL_CODES),
    ),
    "akool/not_found": (
        Answer(200, {"code": 1014, "msg": "resource does not exist"}, source=_AKOOL_CODES),
    ),
    "akool/unauthorized": (
        Answer(200, {"code": 1101, "msg": "illegal token"}, source=_AKOOL_CODES),
    ),
    "akool/business_error": (
        Answer(200, {"code": 1010, "msg": "cannot be operated"}, source=_AKOOL_CODES),
    ),
    "akool/rate_limited": (
        Answer(200, {"code": 1005, "msg": "frequent operation"}, source=_AKOOL_CODES),
        Answer(200, {"code": 1000, "msg": "ok"}, source="as success, without data"),
    ),
    "akool/rate_limited_exhausted": tuple(
        Answer(200, {"code": 1005, "msg": "frequent operation"}, source=_AKOOL_CODES)
        for _ in range(3)
    ),
    # --- OpenHands -------------------------------------------------------------------------
    "openhands/success": (
        Answer(200, _oh("Conversation stopped successfully", "RUNNING"), source=_OH_SOURCE),
    ),
    "openhands/not_running": (
        Answer(200, _oh("Conversation was not running", "STOPPED"), source=_OH_SOURCE),
    ),
    "openhands/not_found": (
        Answer(
            200,
            {
                "status": "ok",
                "conversation_id": UNKNOWN_IDS["openhands"],
                "message": "Conversation was not running",
                "conversation_status": "STOPPED",
            },
            source=_OH_SOURCE + " (an unknown id is not running)",
        ),
    ),
    "openhands/unauthorized": (
        Answer(401, {"detail": "Unauthorized"}, source="not documented; body assumed"),
    ),
    "openhands/business_error": (
        Answer(
            500,
            {
                "status": "error",
                "conversation_id": _OH,
                "message": "Failed to stop conversation: runtime unavailable",
            },
            source=_OH_SOURCE,
        ),
    ),
    "openhands/rate_limited": (
        Answer(
            429,
            {"detail": "Too Many Requests"},
            {
                "Retry-After": "2",
                "X-RateLimit-Limit": "100",
                "X-RateLimit-Remaining": "0",
            },
            source="OpenHands Cloud rate limits (headers); body assumed",
        ),
        Answer(200, _oh("Conversation stopped successfully", "RUNNING"), source=_OH_SOURCE),
    ),
    # --- Digital Samba ---------------------------------------------------------------------
    "digitalsamba/success": (
        Answer(
            200,
            "",
            source="docs.digitalsamba.com/reference/rest-api/sessions/end.md: 'Response is empty'",
        ),
    ),
    "digitalsamba/method_fallback": (
        Answer(
            405,
            {
                "message": f"The POST method is not supported for route api/v1/sessions/{_DS}/end."
                " Supported methods: GET, HEAD."
            },
            source="the doc page's cURL example sends GET; the body is assumed",
        ),
        Answer(200, "", source="as success"),
    ),
    "digitalsamba/not_found": (
        Answer(404, {"message": "Session not found."}, source="spec's 404 ErrorMessage"),
    ),
    "digitalsamba/unauthorized": (
        Answer(401, {"message": "Unauthenticated."}, source="not documented; ErrorMessage assumed"),
    ),
    "digitalsamba/rejected": (
        Answer(
            422,
            {"message": "The session is not live.", "errors": {"session": ["not live"]}},
            source="spec's 422 ErrorMessage; the message is assumed",
        ),
    ),
    "digitalsamba/rate_limited": (
        Answer(
            429,
            {"message": "Too Many Attempts.", "error": "rate-limit"},
            {"Retry-After": "3"},
            source="docs.digitalsamba.com, rest-api/rate-limiting",
        ),
        Answer(200, "", source="as success"),
    ),
    # --- ElizaOS ---------------------------------------------------------------------------
    "elizaos/success": (
        Answer(
            200,
            {"success": True, "message": f"Session {_EL} deleted successfully"},
            source=_ELIZA_SOURCE,
        ),
    ),
    "elizaos/not_found": (
        Answer(
            404,
            {
                "success": False,
                "error": {
                    "code": "SESSION_NOT_FOUND",
                    "message": f"Session with ID {UNKNOWN_IDS['elizaos']} not found",
                },
            },
            source=_ELIZA_SOURCE + "; the spec's 404 Error",
        ),
    ),
    "elizaos/unauthorized": (
        Answer(
            401,
            "Unauthorized: Invalid or missing X-API-KEY",
            source="elizaOS/eliza, packages/server (older servers: plain text)",
        ),
    ),
    "elizaos/server_error": (
        Answer(
            500,
            {
                "success": False,
                "error": {
                    "code": "SESSION_DELETE_FAILED",
                    "message": "Failed to delete session",
                    "details": "agent runtime unavailable",
                },
            },
            source="spec's 500 Error; code and message assumed",
        ),
    ),
    "elizaos/rate_limited": (
        Answer(
            429,
            {
                "success": False,
                "error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests"},
            },
            {"RateLimit-Limit": "1000", "RateLimit-Remaining": "0", "RateLimit-Reset": "5"},
            source="elizaOS/eliza, packages/server (rate limiting)",
        ),
        Answer(
            200,
            {"success": True, "message": f"Session {_EL} deleted successfully"},
            source=_ELIZA_SOURCE,
        ),
    ),
}


class DocumentedVendor:
    """An httpx handler answering one scenario's requests with its documented answers, in order."""

    def __init__(self, scenario: str) -> None:
        if scenario not in ANSWERS:
            raise KeyError(f"no documented answers for {scenario!r}; add them to ANSWERS")
        self.scenario = scenario
        self.pending = list(ANSWERS[scenario])

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.pending:
            raise AssertionError(f"{self.scenario}: more requests than documented answers")
        return self.pending.pop(0).response()
