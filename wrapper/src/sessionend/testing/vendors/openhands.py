"""Fake OpenHands: ``POST /api/conversations/{conversation_id}/stop``.

Modelled on the server (``openhands/server/routes/manage_conversations.py``):

- ``X-Session-API-Key`` must be the key (``Authorization: Bearer`` is accepted too, as the
  cloud does), else 401.
- A running conversation is stopped: 200 ``{status: "ok", conversation_status: "RUNNING"}``,
  the status *before* stopping. Any other conversation, unknown ids included, is 200
  ``{status: "ok", message: "Conversation was not running", conversation_status: "STOPPED"}``.
- A malformed id is 400; a failure to stop is 500 ``{status: "error", ...}``.
- Rate limits: 429 with ``Retry-After`` and ``X-RateLimit-*``.

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import math
import re
import time
import uuid
from collections.abc import Mapping
from typing import ClassVar

from typing_extensions import override

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Documented, Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["ANSWERS", "FAKE", "FakeOpenHands"]

_CONVERSATION_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")
_SOURCE = "OpenHands/OpenHands, openhands/server/routes/manage_conversations.py"
_NOT_RUNNING = Documented(
    200,
    {
        "status": "ok",
        "conversation_id": "$session_id",
        "message": "Conversation was not running",
        "conversation_status": "STOPPED",
    },
    source=_SOURCE + " (an unknown id is not running either)",
)

ANSWERS: Mapping[str, Documented] = {
    "success": Documented(
        200,
        {
            "status": "ok",
            "conversation_id": "$session_id",
            "message": "Conversation stopped successfully",
            "conversation_status": "RUNNING",
        },
        source=_SOURCE,
    ),
    "not_running": _NOT_RUNNING,
    "not_found": _NOT_RUNNING,
    "unauthorized": Documented(
        401, {"detail": "Unauthorized"}, source="not documented; body assumed"
    ),
    "invalid_id": Documented(
        400, {"status": "error", "message": "Invalid conversation ID"}, source=_SOURCE
    ),
    "business_error": Documented(
        500,
        {
            "status": "error",
            "conversation_id": "$session_id",
            "message": "Failed to stop conversation: runtime unavailable",
        },
        source=_SOURCE,
    ),
    "rate_limited": Documented(
        429,
        {"detail": "Too Many Requests"},
        {
            "Retry-After": "$retry_after",
            "X-RateLimit-Limit": "$limit",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "$reset",
        },
        source="OpenHands Cloud rate limits (headers); body assumed",
        examples={"retry_after": 2, "limit": 100, "reset": 1700000002},
    ),
}
"""OpenHands' documented answers (and, where the source says so, assumed ones)."""


class FakeOpenHands(Vendor):
    """OpenHands' stop-conversation endpoint."""

    provider: ClassVar[Provider] = Provider.OPENHANDS
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("api", "conversations", "{id}", "stop")
    showcases: ClassVar[tuple[Showcase, ...]] = (
        Showcase(
            'OpenHands: "not running" 200 for a conversation it does not know',
            '200 "Conversation was not running", conversation_status STOPPED',
            Outcome.ALREADY_ENDED,
            session="never-started",
        ),
        Showcase(
            "OpenHands: 429 with Retry-After: 1",
            "429 with Retry-After and X-RateLimit-*, then 200",
            Outcome.ENDED,
            fault=Fault.rate_limited(retry_after=1),
        ),
    )
    answers: ClassVar[Mapping[str, Documented]] = ANSWERS
    scenarios: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "success": ("success",),
        "not_running": ("not_running",),
        "not_found": ("not_found",),
        "unauthorized": ("unauthorized",),
        "business_error": ("business_error",),
        "rate_limited": ("rate_limited", "success"),
    }

    @override
    def new_session_id(self) -> str:
        return uuid.uuid4().hex

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        given = token if scheme.lower() == "bearer" else headers.get("X-Session-API-Key")
        if self.key_matches(given):
            return None
        return self.answer("unauthorized")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        if path_id is None or not _CONVERSATION_ID.fullmatch(path_id):
            return self.answer("invalid_id")
        return path_id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is SessionState.ACTIVE:
            return self.answer("success", session_id=session_id)
        return self.answer("not_running", session_id=session_id)

    @override
    def rate_limited(self, wait: float) -> Reply:
        return self.answer(
            "rate_limited",
            retry_after=math.ceil(wait),
            limit=self.rate_limit or 0,
            reset=int(time.time() + wait),
        )

    @override
    def failure(self, status: int) -> Reply:
        # An injected failure, not a documented answer: it may come before the id is read.
        if status >= 500:
            return Reply.json(status, {"status": "error", "message": "Failed to stop conversation"})
        return Reply.json(status, {"detail": phrase(status)})


FAKE = FakeOpenHands
