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
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import ClassVar

from typing_extensions import override
from vendor_models import elizaos as models

from ... import errors
from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["FAKE", "FakeElizaOS"]


def _error(status: int, code: str, message: str) -> Reply:
    body = models.Error(success=False, error=models.Error1(code=code, message=message))
    return Reply.json(status, body.model_dump(mode="json", exclude_none=True))


class FakeElizaOS(Vendor):
    """ElizaOS's end-session endpoint."""

    provider: ClassVar[Provider] = Provider.ELIZAOS
    method: ClassVar[str] = "DELETE"
    path: ClassVar[tuple[str, ...]] = ("api", "messaging", "sessions", "{id}")
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

    @override
    def new_session_id(self) -> str:
        return str(uuid.uuid4())

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        if not self.credentials.get("api_key") or self.key_matches(headers.get("X-API-KEY")):
            return None
        return Reply.text(401, "Unauthorized: invalid or missing X-API-KEY")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        if not path_id:
            return _error(404, "NOT_FOUND", "Not found")
        return path_id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is not SessionState.ACTIVE:
            return _error(404, "SESSION_NOT_FOUND", f"Session {session_id} not found")
        # The server's body, not the spec's: a known deviation.
        return Reply.json(
            200, {"success": True, "message": f"Session {session_id} deleted successfully"}
        )

    @override
    def rate_limited(self, wait: float) -> Reply:
        headers = {
            "RateLimit-Limit": str(self.rate_limit or 0),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": str(math.ceil(wait)),
        }
        body = models.Error(
            success=False,
            error=models.Error1(code="RATE_LIMIT_EXCEEDED", message="Too many requests"),
        )
        return Reply.json(429, body.model_dump(mode="json", exclude_none=True), headers)

    @override
    def failure(self, status: int) -> Reply:
        code = "INTERNAL_SERVER_ERROR" if status >= 500 else "REQUEST_FAILED"
        return _error(status, code, phrase(status))


FAKE = FakeElizaOS
