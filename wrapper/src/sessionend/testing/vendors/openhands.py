"""Fake OpenHands: V1 (the conversation's sandbox looked up, then paused) and V0's stop.

V1, as OpenHands Cloud and current servers (the vendored ``specs/openhands_v1.yaml``):

- ``Authorization: Bearer <key>``, else 401. (The cloud also falls back to
  ``X-Session-API-Key``; this fake takes only Bearer on V1, so that tests show what the
  client sends.)
- ``GET /api/v1/app-conversations?ids=<id>`` (repeatable): a list with one conversation, or
  null, per id; an id that is not a UUID (hyphenated or 32 hex digits) is 400. A
  conversation's sandbox is RUNNING while it is active, PAUSED once paused; ``set_sandbox``
  gives it another status (STARTING, ERROR, MISSING). Looking up changes nothing.
- ``POST /api/v1/sandboxes/{sandbox_id}/pause``: ``{success: true}``, the conversation is
  ended; a sandbox never named by a lookup, or MISSING, is 404.

V0, as older self-hosted servers (``openhands/server/routes/manage_conversations.py``):

- ``X-Session-API-Key`` must be the key (``Authorization: Bearer`` is accepted too, as the
  cloud did), else 401.
- A running conversation is stopped: 200 ``{status: "ok", conversation_status: "RUNNING"}``,
  the status *before* stopping. Any other conversation, unknown ids included, is 200
  ``{status: "ok", message: "Conversation was not running", conversation_status: "STOPPED"}``.
- A malformed id is 400; a failure to stop is 500 ``{status: "error", ...}``.

V1's list of conversations, ``GET /api/v1/app-conversations/search?limit=&page_id=``: the
live sessions, newest first (``created_at`` is the session's start), each in a sandbox
RUNNING or of the status ``set_sandbox`` gave it, ``limit`` (1 to 100, else 422) to a page,
and ``next_page_id`` while more follow. The cursor is opaque to clients; this fake's marks
the last conversation served (its start and id), so conversations ending while a client
pages shift nothing, and one starting meanwhile is listed on the next walk. (The list
route, shared by every fake, takes either credential header.)

Both: rate limits are 429 with ``Retry-After`` and ``X-RateLimit-*``. Every answer is
declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import math
import re
import threading
import time
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import parse_qs

from typing_extensions import override

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import (
    END,
    Documented,
    Reply,
    Route,
    SessionState,
    Showcase,
    Vendor,
    iso_utc,
    match,
    phrase,
    query_int,
)

__all__ = ["ANSWERS", "FAKE", "FakeOpenHands"]

_CONVERSATION_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")
_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[0-9a-fA-F]{32}"
)
_SOURCE = "OpenHands/OpenHands, openhands/server/routes/manage_conversations.py"
_V1_SOURCE = (
    "OpenHands Cloud's V1 API document (github.com/OpenHands/docs, openapi/openhands-cloud.json)"
)
LOOKUP = "lookup"
PAUSE = "pause"
_LOOKUP_PATH = ("api", "v1", "app-conversations")
_PAUSE_PATH = ("api", "v1", "sandboxes", "{id}", "pause")
_SANDBOXES = uuid.UUID("6f1c0e52-3b8a-4c1e-9d2f-0a7b5c4d3e21")
"""The namespace each conversation's sandbox id is derived in."""


def _conversation(status: str) -> dict[str, Any]:
    """An AppConversation as the lookup returns it, in a sandbox of ``status``."""
    return {
        "id": "$session_id",
        "created_by_user_id": "$user_id",
        "sandbox_id": "$sandbox_id",
        "title": "$title",
        "created_at": "$created_at",
        "updated_at": "$updated_at",
        "sandbox_status": status,
        "execution_status": "running" if status == "RUNNING" else None,
        "acp_server": None,
        "launched_agent_profile": None,
    }


_LOOKED_UP = {
    "user_id": "8d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
    "sandbox_id": "c0ffee00-1234-4abc-9def-0123456789ab",
    "title": "Fix the flaky test",
    "created_at": "2026-11-20T10:00:00Z",
    "updated_at": "2026-11-20T10:05:00Z",
}
_USER = "8d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"
_EXAMPLE_START = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)


def _entry(
    session_id: str, sandbox_id: str, status: str, started_at: datetime.datetime
) -> dict[str, Any]:
    """One conversation as the search lists it, in a sandbox of ``status``."""
    return {
        "id": session_id,
        "created_by_user_id": _USER,
        "sandbox_id": sandbox_id,
        "title": "Fix the flaky test",
        "created_at": iso_utc(started_at, fraction=6),
        "updated_at": iso_utc(started_at, fraction=6),
        "sandbox_status": status,
        "execution_status": "running" if status == "RUNNING" else None,
        "acp_server": None,
        "launched_agent_profile": None,
    }


def _example_entries(first: int, count: int, statuses: tuple[str, ...]) -> list[dict[str, Any]]:
    """Documented-style entries ``first`` .. ``first + count``, one minute apart, newest first."""
    return [
        _entry(
            str(uuid.UUID(int=0x3B9F2C51_A7D0_4E6F_8C1A_000000000000 + n)),
            str(uuid.UUID(int=0xC0FFEE00_1234_4ABC_9DEF_000000000000 + n)),
            statuses[n % len(statuses)],
            _EXAMPLE_START - datetime.timedelta(minutes=n),
        )
        for n in range(first, first + count)
    ]


def _listing(items: list[dict[str, Any]], next_page_id: str | None) -> Documented:
    return Documented(
        200,
        {"items": "$items", "next_page_id": "$next_page_id"},
        source=_V1_SOURCE + ": AppConversationPage; values assumed",
        examples={"items": items, "next_page_id": next_page_id},
    )


def cursor_of(started_at: datetime.datetime, session_id: str) -> str:
    """The fake's ``next_page_id`` after the conversation ``session_id``, started then."""
    marker = json.dumps([started_at.astimezone(datetime.UTC).isoformat(), session_id])
    return base64.urlsafe_b64encode(marker.encode()).decode("ascii").rstrip("=")


def _after(cursor: str) -> tuple[datetime.datetime, str] | None:
    """The (start, id) a cursor of ``cursor_of`` marks; None when it is not one."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        started, session_id = json.loads(base64.urlsafe_b64decode(padded))
        moment = datetime.datetime.fromisoformat(started)
    except (binascii.Error, ValueError, TypeError):
        return None
    if moment.tzinfo is None or not isinstance(session_id, str):
        return None
    return moment, session_id


_FIRST_PAGE = _example_entries(0, 100, ("RUNNING", "STARTING"))
"""The first of two declared pages: a full one, with the cursor after its last entry."""
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
    "v1_running": Documented(
        200, [_conversation("RUNNING")], source=_V1_SOURCE, examples=_LOOKED_UP
    ),
    "v1_paused": Documented(200, [_conversation("PAUSED")], source=_V1_SOURCE, examples=_LOOKED_UP),
    "v1_unknown": Documented(200, [None], source=_V1_SOURCE + ": null for an id it does not know"),
    "v1_pause": Documented(200, {"success": True}, source=_V1_SOURCE),
    "v1_pause_gone": Documented(
        404, {"detail": "Not Found"}, source=_V1_SOURCE + ": 404 (no body documented; FastAPI's)"
    ),
    "v1_invalid_id": Documented(
        400,
        {"detail": "Invalid UUID"},
        source=_V1_SOURCE + ": 400 for an id that is not a UUID; body assumed",
    ),
    # Every answer below is live but for the first page's PAUSED, MISSING and ERROR entries.
    "list_page": _listing(
        _example_entries(0, 5, ("RUNNING", "STARTING", "PAUSED", "MISSING", "ERROR")), None
    ),
    "list_first_page": _listing(
        _FIRST_PAGE,
        cursor_of(_EXAMPLE_START - datetime.timedelta(minutes=99), _FIRST_PAGE[-1]["id"]),
    ),
    "list_second_page": _listing(_example_entries(100, 1, ("RUNNING",)), None),
    "list_empty": _listing([], None),
    "list_rejected": Documented(
        422,
        {
            "detail": [
                {
                    "type": "$type",
                    "loc": ["query", "$parameter"],
                    "msg": "$msg",
                    "input": "$input",
                }
            ]
        },
        source=_V1_SOURCE + ": HTTPValidationError for a query parameter out of its schema",
        examples={
            "type": "less_than_equal",
            "parameter": "limit",
            "msg": "Input should be less than or equal to 100",
            "input": "101",
        },
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
            "OpenHands V1: the conversation's sandbox is paused",
            "lookup: sandbox RUNNING; then POST .../pause with Bearer",
            Outcome.ENDED,
            sent=lambda received: _v1_pause(received),
        ),
        Showcase(
            "OpenHands V1: a sandbox already paused",
            "lookup: sandbox PAUSED; nothing else sent",
            Outcome.ALREADY_ENDED,
            session="ended",
            sent=lambda received: [r.method for r in received] == ["GET"],
        ),
        Showcase(
            'OpenHands V0: "not running" 200 for an unknown conversation',
            '200 "Conversation was not running", conversation_status STOPPED',
            Outcome.ALREADY_ENDED,
            session="never-started",
            options={"api": "v0"},
            sent=lambda received: all(r.raw_path.endswith("/stop") for r in received),
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
        "v1_success": ("v1_running", "v1_pause"),
        "v1_already_paused": ("v1_paused",),
        "v1_not_found": ("v1_unknown",),
        "v1_unauthorized": ("unauthorized",),
        "v1_rate_limited": ("rate_limited", "v1_running", "v1_pause"),
        "v1_pause_gone": ("v1_running", "v1_pause_gone"),
        "v1_list": ("list_page",),
        "v1_list_paged": ("list_first_page", "list_second_page"),
        "v1_list_empty": ("list_empty",),
        "v1_list_unauthorized": ("unauthorized",),
    }
    list_path: ClassVar[tuple[str, ...] | None] = ("api", "v1", "app-conversations", "search")

    def __init__(self, credentials: Mapping[str, str]) -> None:
        super().__init__(credentials)
        self._sandbox_status: dict[str, str] = {}
        self._sandboxes: dict[str, str] = {}
        """Sandbox id to conversation id, for sandboxes a lookup has named."""
        self._v1_lock = threading.Lock()

    def set_sandbox(self, session_id: str, status: str) -> None:
        """Give a conversation's sandbox ``status`` (STARTING, ERROR, MISSING, ...)."""
        with self._v1_lock:
            self._sandbox_status[session_id] = status

    def sandbox_of(self, session_id: str) -> str:
        """The id of the conversation's sandbox (one per conversation here)."""
        return str(uuid.uuid5(_SANDBOXES, session_id))

    def conversation_of(self, sandbox_id: str) -> str | None:
        """The conversation whose sandbox a lookup named ``sandbox_id``, if any."""
        with self._v1_lock:
            return self._sandboxes.get(sandbox_id)

    @override
    def route(self, segments: list[str], query: str) -> Route | None:
        if match(_LOOKUP_PATH, segments)[0]:
            ids = tuple(parse_qs(query, keep_blank_values=True).get("ids", []))
            return Route(LOOKUP, ids[0] if len(ids) == 1 else None, "GET", ids)
        matched, sandbox_id = match(_PAUSE_PATH, segments)
        if matched and sandbox_id is not None:
            with self._v1_lock:
                conversation = self._sandboxes.get(sandbox_id)
            return Route(PAUSE, conversation, "POST", (sandbox_id,))
        return super().route(segments, query)

    @override
    def authenticate_route(self, route: Route, headers: Mapping[str, str]) -> Reply | None:
        if route.name == END:
            return self.authenticate(headers)
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and self.key_matches(token):
            return None
        return self.answer("unauthorized")

    @override
    def session_id_for(self, route: Route, body: bytes, headers: Mapping[str, str]) -> str | Reply:
        if route.name == LOOKUP:
            if not route.target or not all(_UUID.fullmatch(given) for given in route.target):
                return self.answer("v1_invalid_id")
            return route.target[0]
        if route.name == PAUSE:
            if route.path_id is None:
                return self.answer("v1_pause_gone")
            return route.path_id
        return self.session_id_of(route.path_id, body, headers)

    @override
    def carry_out(self, route: Route, session_id: str) -> Reply:
        if route.name == LOOKUP:
            return Reply.json(200, [self._looked_up(given) for given in route.target])
        if route.name == PAUSE:
            with self._v1_lock:
                missing = self._sandbox_status.pop(session_id, None) == "MISSING"
            if missing or self.state(session_id) is None:
                return self.answer("v1_pause_gone")
            self.finish(session_id)
            return self.answer("v1_pause")
        return super().carry_out(route, session_id)

    def _looked_up(self, session_id: str) -> object:
        state = self.state(session_id)
        if state is None:
            return None
        sandbox_id = self.sandbox_of(session_id)
        with self._v1_lock:
            self._sandboxes[sandbox_id] = session_id
            status = self._sandbox_status.get(session_id)
        if status is None:
            status = "RUNNING" if state is SessionState.ACTIVE else "PAUSED"
        name = "v1_running" if status == "RUNNING" else "v1_paused"
        reply = self.answer(name, session_id=session_id, sandbox_id=sandbox_id)
        conversation: dict[str, Any] = json.loads(reply.body)[0]
        conversation["sandbox_status"] = status
        if status != "RUNNING":
            conversation["execution_status"] = None
        return conversation

    @override
    def listed(self, query: Mapping[str, str]) -> Reply:
        limit = query_int(query, "limit", 100)
        if limit is None or not 1 <= limit <= 100:
            return self.answer("list_rejected", input=query.get("limit", ""))
        after = None
        if query.get("page_id"):
            after = _after(query["page_id"])
            if after is None:
                return self.answer(
                    "list_rejected",
                    type="value_error",
                    parameter="page_id",
                    msg="Value error, invalid page_id",
                    input=query["page_id"],
                )
        # Newest first, as the server's default order (created_at descending).
        listed = sorted(((started, sid) for sid, started in self.live_sessions()), reverse=True)
        if after is not None:
            listed = [entry for entry in listed if entry < after]
        shown, more = listed[:limit], len(listed) > limit
        with self._v1_lock:
            statuses = {sid: self._sandbox_status.get(sid, "RUNNING") for _, sid in shown}
        items = [
            _entry(sid, self.sandbox_of(sid), statuses[sid], started) for started, sid in shown
        ]
        cursor = cursor_of(*shown[-1]) if more else None
        return self.answer("list_page", items=items, next_page_id=cursor)

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


def _v1_pause(received: list[Any]) -> bool:
    """A lookup, then the pause of the sandbox it named, both with a Bearer header."""
    methods = [request.method for request in received]
    bearer = all(
        request.headers.get("Authorization", "").startswith("Bearer ") for request in received
    )
    return methods == ["GET", "POST"] and received[1].raw_path.endswith("/pause") and bearer


FAKE = FakeOpenHands
