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
- ``GET /api/messaging/sessions`` lists every live session at once, oldest first, as
  ``{sessions, total, stats}``, as the server does from its in-memory map. The fake's
  sessions never expire: each was active just now (``lastActivity``), with the default 30
  minutes of its timeout remaining.

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import datetime
import math
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from typing_extensions import override

from ... import errors
from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Documented, Reply, SessionState, Showcase, Vendor, iso_utc, phrase

__all__ = ["ANSWERS", "FAKE", "FakeElizaOS"]

_SOURCE = "elizaOS/eliza, packages/server/src/api/messaging/sessions.ts"
_TIMEOUT = datetime.timedelta(minutes=30)
_AGENT = "2fbc0c27-50f4-09f2-9fe4-9dd27d76d46f"
_USER = "8a3d2b1c-4e5f-4a6b-9c7d-0e1f2a3b4c5d"
_EXAMPLE_START = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)


def _entry(
    session_id: str, started_at: datetime.datetime, now: datetime.datetime
) -> dict[str, Any]:
    """One live session as the list gives it (dates as JavaScript's toISOString writes them)."""
    return {
        "sessionId": session_id,
        "agentId": _AGENT,
        "userId": _USER,
        "createdAt": iso_utc(started_at, fraction=3),
        "lastActivity": iso_utc(now, fraction=3),
        "metadata": {},
        "expiresAt": iso_utc(now + _TIMEOUT, fraction=3),
        "timeoutConfig": {
            "timeoutMinutes": 30,
            "autoRenew": True,
            "maxDurationMinutes": 720,
            "warningThresholdMinutes": 5,
        },
        "renewalCount": 0,
        "timeRemaining": int(_TIMEOUT.total_seconds() * 1000),
        "isNearExpiration": False,
    }


def _examples(count: int) -> dict[str, object]:
    return {
        "total": count,
        "sessions": [
            _entry(
                str(uuid.UUID(int=0x5B0B3C1E_7D2A_4F3E_9C1B_000000000000 + n)),
                _EXAMPLE_START - datetime.timedelta(minutes=count - n),
                _EXAMPLE_START,
            )
            for n in range(count)
        ],
    }


def _listing(examples: dict[str, object]) -> Documented:
    return Documented(
        200,
        {
            "sessions": "$sessions",
            "total": "$total",
            "stats": {"totalSessions": "$total", "activeSessions": "$total", "expiredSessions": 0},
        },
        source="the upstream document's listSessions (github.com/elizaOS/docs, "
        "rest-reference/openapi.yaml); the entries' values are assumed",
        examples=examples,
    )


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
    "list_page": _listing(_examples(2)),
    "list_empty": _listing(_examples(0)),
}
"""ElizaOS's documented answers (and, where the source says so, assumed ones)."""


class FakeElizaOS(Vendor):
    """ElizaOS's end-session endpoint."""

    provider: ClassVar[Provider] = Provider.ELIZAOS
    method: ClassVar[str] = "DELETE"
    path: ClassVar[tuple[str, ...]] = ("api", "messaging", "sessions", "{id}")
    list_path: ClassVar[tuple[str, ...] | None] = ("api", "messaging", "sessions")
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
        "list": ("list_page",),
        "list_empty": ("list_empty",),
        "list_unauthorized": ("unauthorized",),
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
    def listed(self, query: Mapping[str, str]) -> Reply:
        now = datetime.datetime.now(datetime.UTC)
        live = self.live_sessions()
        return self.answer(
            "list_page",
            sessions=[_entry(session_id, started, now) for session_id, started in live],
            total=len(live),
        )

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
