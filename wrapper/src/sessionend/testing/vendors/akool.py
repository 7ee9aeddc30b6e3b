"""Fake Akool: ``POST /api/open/v4/liveAvatar/session/close``; every answer is HTTP 200.

- ``Authorization: Bearer <key>`` or ``x-api-key: <key>``; when both are sent Authorization
  wins. No credential is code 1102 (token empty), a wrong one 1101 (illegal token).
- The body is validated with the spec's request model: ``{"id": ...}`` is required. Anything
  else is code 1003 (parameter error), which also catches a client sending ``session_id``.
- Success is code 1000 with ``data: {session_id, status: "closed", closed_at}``.
- The only rate-limit signal is code 1005 (frequent operation).
- Not documented, so chosen here: closing a closed session is 1011 (has been operated), an
  unknown one 1008 (content does not exist). The error-code page lists two "does not exist"
  codes, 1008 (content) and 1014 (resource), and says for neither which endpoints send it.
  1008 is chosen because it belongs to the page's group of codes about one piece of content
  that an operation names: 1009 (no permission to operate it), 1010 (it cannot be operated)
  and 1011 (it has been operated), the group the close endpoint's other answers already come
  from. The adapter reads both 1008 and 1014 as not found, so either answer ends the same way.
- ``GET /api/open/v4/liveAvatar/session/list?page=&size=&status=`` lists sessions, newest
  first, as ``{code: 1000, msg, data: {count, result}}``. Every live session is processing
  (status 2): ``status=1`` (queueing) lists none, nor do 3 and 4 (the fake keeps no history).
  ``page`` from 1 and ``size`` from 1 (10 by default); anything else is code 1003. The entries
  carry the documented ``_id``, ``uid``, ``type``, ``status``, ``stream_type`` and
  ``credentials`` and, as Akool's other records do (assumed), ``create_time`` in epoch
  milliseconds.

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import datetime
import json
import secrets
import time
from collections.abc import Mapping
from typing import Any, ClassVar

import pydantic
from typing_extensions import override
from vendor_models import akool as models

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Documented, Reply, SessionState, Showcase, Vendor, phrase, query_int

__all__ = ["ANSWERS", "FAKE", "FakeAkool"]

_CODES = "docs.akool.com/ai-tools-suite/error-code"


def _code(code: int, msg: str, source: str = _CODES) -> Documented:
    return Documented(200, {"code": code, "msg": msg}, source=source)


_LIST = "docs.akool.com/ai-tools-suite/live-avatar/list-sessions"
_PROCESSING = 2
_EXAMPLE_START = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)


def _entry(session_id: str, started_at: datetime.datetime) -> dict[str, Any]:
    """One listed session as the list gives it; create_time as Akool's other records carry it."""
    return {
        "_id": session_id,
        "uid": 101400,
        "type": 1,
        "status": _PROCESSING,
        "stream_type": "agora",
        "credentials": {"agora_channel": f"channel-{session_id[-8:]}"},
        "create_time": int(started_at.timestamp() * 1000),
    }


def _examples(count: int, first: int, size: int) -> dict[str, object]:
    """A documented page: entries ``first`` .. of ``count``, one minute apart, newest first."""
    return {
        "count": count,
        "result": [
            _entry(f"6698c9d69cf7b0d6{n:08x}", _EXAMPLE_START - datetime.timedelta(minutes=n))
            for n in range(first, min(first + size, count))
        ],
    }


def _listing(examples: dict[str, object]) -> Documented:
    return Documented(
        200,
        {"code": 1000, "msg": "OK", "data": {"count": "$count", "result": "$result"}},
        source=f"{_LIST}; the entries' values and create_time are assumed",
        examples=examples,
    )


ANSWERS: Mapping[str, Documented] = {
    "success": Documented(
        200,
        {
            "code": 1000,
            "msg": "ok",
            "data": {"session_id": "$session_id", "status": "closed", "closed_at": "$closed_at"},
        },
        source="docs.akool.com/ai-tools-suite/live-avatar/close-session, Response Example",
        examples={"closed_at": 1700788730000},
    ),
    "already_ended": _code(1011, "has been operated"),
    "not_found": _code(1008, "content does not exist", _CODES + " (chosen: see the module)"),
    "unauthorized": _code(1101, "illegal token"),
    "token_empty": _code(1102, "token empty"),
    "parameter_error": _code(1003, "parameter error"),
    "business_error": _code(1010, "cannot be operated"),
    "rate_limited": _code(1005, "frequent operation"),
    "list_page": _listing(_examples(2, 0, 100)),
    "list_first_page": _listing(_examples(101, 0, 100)),
    "list_second_page": _listing(_examples(101, 100, 100)),
    "list_empty": _listing(_examples(0, 0, 100)),
}
"""Akool's documented answers, every one a business code under HTTP 200."""


class FakeAkool(Vendor):
    """Akool's close-session endpoint."""

    provider: ClassVar[Provider] = Provider.AKOOL
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("api", "open", "v4", "liveAvatar", "session", "close")
    list_path: ClassVar[tuple[str, ...] | None] = (
        "api",
        "open",
        "v4",
        "liveAvatar",
        "session",
        "list",
    )
    showcases: ClassVar[tuple[Showcase, ...]] = (
        Showcase(
            "Akool: session id sent as the spec's id",
            'received {"id": ...}; code 1000',
            Outcome.ENDED,
            sent=lambda received: sorted(json.loads(received[-1].body)) == ["id"],
        ),
        Showcase(
            "Akool: business code under HTTP 200",
            "HTTP 200, code 1011 (has been operated)",
            Outcome.ALREADY_ENDED,
            session="ended",
            vendor_code=1011,
        ),
        Showcase(
            "Akool: code 1005, its only throttle",
            "HTTP 200 code 1005, then code 1000",
            Outcome.ENDED,
            fault=Fault.rate_limited(retry_after=0),
        ),
    )
    answers: ClassVar[Mapping[str, Documented]] = ANSWERS
    scenarios: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "success": ("success",),
        "already_ended": ("already_ended",),
        "not_found": ("not_found",),
        "unauthorized": ("unauthorized",),
        "business_error": ("business_error",),
        "rate_limited": ("rate_limited", "success"),
        "rate_limited_exhausted": ("rate_limited",) * 3,
        # A listing asks for the processing sessions, then for the queueing ones.
        "list": ("list_page", "list_empty"),
        "list_paged": ("list_first_page", "list_second_page", "list_empty"),
        "list_empty": ("list_empty", "list_empty"),
        "list_unauthorized": ("unauthorized",),
    }

    @override
    def new_session_id(self) -> str:
        return secrets.token_hex(12)  # a MongoDB ObjectId's shape, as Akool's _id is

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        authorization = headers.get("Authorization")
        if authorization is not None:
            scheme, _, token = authorization.partition(" ")
            given: str | None = token if scheme.lower() == "bearer" else None
        else:
            given = headers.get("x-api-key")
        if not given:
            return self.answer("token_empty")
        return None if self.key_matches(given) else self.answer("unauthorized")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        try:
            request = models.ApiOpenV4LiveAvatarSessionClosePostRequest.model_validate_json(body)
        except pydantic.ValidationError:
            return self.answer("parameter_error")
        return request.id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is None:
            return self.answer("not_found")
        if before is SessionState.ENDED:
            return self.answer("already_ended")
        return self.answer("success", session_id=session_id, closed_at=int(time.time() * 1000))

    @override
    def listed(self, query: Mapping[str, str]) -> Reply:
        page, size = query_int(query, "page", 1), query_int(query, "size", 10)
        status = query_int(query, "status", 0)
        if page is None or page < 1 or size is None or size < 1 or status not in (0, 1, 2, 3, 4):
            return self.answer("parameter_error")
        # Newest first; every live session is processing, and no history is kept.
        live = self.live_sessions()[::-1] if status in (0, _PROCESSING) else []
        shown = live[(page - 1) * size : page * size]
        return self.answer(
            "list_page",
            count=len(live),
            result=[_entry(session_id, started) for session_id, started in shown],
        )

    @override
    def rate_limited(self, wait: float) -> Reply:
        return self.answer("rate_limited")

    @override
    def failure(self, status: int) -> Reply:
        # An injected failure, not a documented answer: Akool documents none but codes.
        return Reply.json(status, {"code": status, "msg": phrase(status)})


FAKE = FakeAkool
