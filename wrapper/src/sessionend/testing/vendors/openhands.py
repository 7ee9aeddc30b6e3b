"""Fake OpenHands: ``POST /api/conversations/{conversation_id}/stop``.

Modelled on the server (``openhands/server/routes/manage_conversations.py``):

- ``X-Session-API-Key`` must be the key (``Authorization: Bearer`` is accepted too, as the
  cloud does), else 401.
- A running conversation is stopped: 200 ``{status: "ok", conversation_status: "RUNNING"}``,
  the status *before* stopping. Any other conversation, unknown ids included, is 200
  ``{status: "ok", message: "Conversation was not running", conversation_status: "STOPPED"}``.
- A malformed id is 400; a failure is 500 ``{status: "error", ...}``.
- Rate limits: 429 with ``Retry-After`` and ``X-RateLimit-*``.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Mapping
from typing import ClassVar

from typing_extensions import override
from vendor_models import openhands as models

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["FAKE", "FakeOpenHands"]

_CONVERSATION_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")


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

    @override
    def new_session_id(self) -> str:
        return uuid.uuid4().hex

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        given = token if scheme.lower() == "bearer" else headers.get("X-Session-API-Key")
        if self.key_matches(given):
            return None
        return Reply.json(401, {"detail": "Invalid session API key"})

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        if path_id is None or not _CONVERSATION_ID.fullmatch(path_id):
            return Reply.json(400, {"status": "error", "message": "Invalid conversation ID"})
        return path_id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is SessionState.ACTIVE:
            answer = models.ConversationResponse(
                status="ok",
                conversation_id=session_id,
                conversation_status=models.ConversationStatus.RUNNING,
            )
        else:
            answer = models.ConversationResponse(
                status="ok",
                conversation_id=session_id,
                message="Conversation was not running",
                conversation_status=models.ConversationStatus.STOPPED,
            )
        return Reply.json(200, answer.model_dump(mode="json", exclude_none=True))

    @override
    def rate_limited(self, wait: float) -> Reply:
        headers = self.retry_headers(wait)
        headers |= {
            "X-RateLimit-Limit": str(self.rate_limit or 0),
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": str(int(time.time() + wait)),
        }
        return Reply.json(429, {"detail": "Too many requests"}, headers)

    @override
    def failure(self, status: int) -> Reply:
        if status >= 500:
            return Reply.json(status, {"status": "error", "message": "Failed to stop conversation"})
        return Reply.json(status, {"detail": phrase(status)})


FAKE = FakeOpenHands
