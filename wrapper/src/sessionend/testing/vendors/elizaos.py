"""Fake ElizaOS: ``DELETE /api/messaging/sessions/{sessionId}``.

Modelled on the server (``packages/server/src/api/messaging/sessions.ts``), not only the spec:

- ``X-API-KEY`` must equal the server's token when one is set (it is, unless the fake is made
  with ``api_key=""``); a refusal is a plain-text 401, as older servers send.
- Success is 200 ``{success: true, message: "Session <id> deleted successfully"}``; the spec
  promises ``{message: "Session ended successfully"}``.
- Unknown or already deleted sessions: 404 ``{success: false, error: {code:
  "SESSION_NOT_FOUND"}}``. Sessions live in memory, so ``forget_sessions()`` acts as a restart.
- Rate limits: 429 ``{success: false, error: {code: "RATE_LIMIT_EXCEEDED"}}`` with the IETF
  draft headers ``RateLimit-Limit``, ``RateLimit-Remaining``, ``RateLimit-Reset`` and no
  ``Retry-After``.

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import ClassVar

from typing_extensions import override

from ... import errors
from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Documented, Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["ANSWERS", "FAKE", "FakeElizaOS"]

_SOURCE = "elizaOS/eliza, packages/server/src/api/messaging/sessions.ts"

ANSWERS: Mapping[str, Documented] = {
    # The server's body, not the spec's: a known deviation.
    "success": Documented(
        200,
        {"success": True, "message": "Session $session_id deleted successfully"},
        source=_SOURCE,
    ),
    "not_found": Documented(
        404,
        {
            "success": False,
            "error": {
                "code": "SESSION_NOT_FOUND",
                "message": "Session with ID $session_id not found",
            },
        },
        source=_SOURCE + "; the spec's 404 Error",
    ),
    "unauthorized": Documented(
        401,
        "Unauthorized: Invalid or missing X-API-KEY",
        source="elizaOS/eliza, packages/server (older servers: plain text)",
    ),
    "server_error": Documented(
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
    "rate_limited": Documented(
        429,
        {
            "success": False,
            "error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests"},
        },
        {"RateLimit-Limit": "$limit", "RateLimit-Remaining": "0", "RateLimit-Reset": "$reset"},
        source="elizaOS/eliza, packages/server (rate limiting)",
        examples={"limit": 1000, "reset": 5},
    ),
}
"""ElizaOS's documented answers (and, where the source says so, assumed ones)."""


class FakeElizaOS(Vendor):
    """ElizaOS's end-session endpoint."""

    provider: ClassVar[Provider] = Provider.ELIZAOS
    method: ClassVar[str] = "DELETE"
    path: ClassVar[tuple[str, ...]] = ("api", "messaging", "sessions", "{id}")
    rate_window: ClassVar[float] = 900.0  # 1000 requests per 15 minutes per IP
    showcases: ClassVar[tuple[Showcase, ...]] = (
        Showcase(
            "ElizaOS: unknown session, missing_ok",
            "404 SESSION_NOT_FOUND",
            Outcome.NOT_FOUND,
            session="5b0b3c1e-0000-4000-8000-000000000000",
            missing_ok=True,
            vendor_code="SESSION_NOT_FOUND",
        ),
        Showcase(
            "ElizaOS: an older server's plain-text 401",
            "401 text/plain Unauthorized",
            errors.AuthenticationError,
            fault=Fault.answer(401, b"Unauthorized", content_type="text/plain"),
        ),
        Showcase(
            "ElizaOS: 429 with RateLimit-Reset, no Retry-After",
            "429 RATE_LIMIT_EXCEEDED, RateLimit-Reset: 0, then 200",
            Outcome.ENDED,
            fault=Fault.rate_limited(retry_after=0),
        ),
    )
    answers: ClassVar[Mapping[str, Documented]] = ANSWERS
    scenarios: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "success": ("success",),
        "not_found": ("not_found",),
        "unauthorized": ("unauthorized",),
        "server_error": ("server_error",),
        "rate_limited": ("rate_limited", "success"),
    }

    @override
    def new_session_id(self) -> str:
        return str(uuid.uuid4())

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        if not self.credentials.get("api_key") or self.key_matches(headers.get("X-API-KEY")):
            return None
        return self.answer("unauthorized")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        if not path_id:
            return self.answer("not_found", session_id="")
        return path_id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is not SessionState.ACTIVE:
            return self.answer("not_found", session_id=session_id)
        return self.answer("success", session_id=session_id)

    @override
    def rate_limited(self, wait: float) -> Reply:
        return self.answer("rate_limited", limit=self.rate_limit or 0, reset=math.ceil(wait))

    @override
    def failure(self, status: int) -> Reply:
        if status == ANSWERS["server_error"].status:
            return self.answer("server_error")
        # Any other injected failure, not a documented answer: the spec's Error shape.
        code = "INTERNAL_SERVER_ERROR" if status >= 500 else "REQUEST_FAILED"
        body = {"success": False, "error": {"code": code, "message": phrase(status)}}
        return Reply.json(status, body)


FAKE = FakeElizaOS
