"""Fake Digital Samba: ``POST /api/v1/sessions/{session}/end``, a Laravel service.

- HTTP Basic ``team_id:developer_key`` is the form every source accepts; ``Bearer
  base64(team_id:developer_key)`` and ``Bearer <developer key>`` are accepted too. Anything
  else is 401 ``{"message": "Unauthenticated."}``.
- Success is 200 with an empty ``text/plain`` body.
- ``get_only``: the doc page's cURL example uses GET; in this mode the fake answers POST with
  405, as a server that took the example literally would.
- Not documented, so chosen here: an unknown or already ended session is 404.
- Rate limits: 429 ``{"message": "Too Many Attempts.", "error": "rate-limit"}`` with
  ``Retry-After``; 1000 requests a minute.
- ``GET /api/v1/sessions?live=true&limit=&offset=&order=`` lists sessions as ``{data,
  total_count}`` (the count a string), newest first unless ``order=asc``; ``limit`` 1 to 100
  (100 by default), ``offset`` from 0; anything else is a 422. ``live=false`` lists none (the
  fake keeps no history). A live session carries ``live: true`` and, as the API reference's
  example shows, an ``end_time`` too: here the time of the listing (assumed).

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import math
import uuid
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from typing_extensions import override

from ..._models import Outcome, Provider
from ._base import Documented, Reply, SessionState, Showcase, Vendor, iso_utc, phrase, query_int

__all__ = ["ANSWERS", "FAKE", "FakeDigitalSamba"]

_REFERENCE = "docs.digitalsamba.com/reference/rest-api"
_LIST = "developer.digitalsamba.com/rest-api/openapi.yaml, getAllSessions"
_ROOM = "5b9ca00e-656e-43cc-ba2c-7dcaae63daa9"
_EXAMPLE_START = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)


def _entry(
    session_id: str, started_at: datetime.datetime, now: datetime.datetime
) -> dict[str, Any]:
    """One live session as the list gives it."""
    return {
        "id": session_id,
        "start_time": iso_utc(started_at, fraction=6),
        "end_time": iso_utc(now, fraction=6),
        "room_id": _ROOM,
        "room_external_id": "EXT-ID-123",
        "description": "My room description",
        "friendly_url": "myRoom",
        "room_is_deleted": False,
        "participants_live": 1,
        "participants_total": 1,
        "participants_max": 1,
        "live": True,
    }


def _examples(count: int, first: int, size: int) -> dict[str, object]:
    """A documented page: entries ``first`` .. of ``count``, one minute apart, newest first."""
    return {
        "total_count": str(count),
        "data": [
            _entry(
                str(uuid.UUID(int=0xEDB7A1CB_0627_44ED_9AE4_000000000000 + n)),
                _EXAMPLE_START - datetime.timedelta(minutes=n),
                _EXAMPLE_START,
            )
            for n in range(first, min(first + size, count))
        ],
    }


def _listing(examples: dict[str, object]) -> Documented:
    return Documented(
        200,
        {"data": "$data", "total_count": "$total_count"},
        source=f"{_LIST} (the example's live entry carries an end_time); values assumed",
        examples=examples,
    )


ANSWERS: Mapping[str, Documented] = {
    "success": Documented(200, "", source=f"{_REFERENCE}/sessions/end.md: 'Response is empty'"),
    "method_not_allowed": Documented(
        405,
        {
            "message": "The $method method is not supported for route "
            "api/v1/sessions/$session_id/end. Supported methods: $allowed."
        },
        source="the doc page's cURL example sends GET; the body is assumed (Laravel's)",
        examples={"method": "POST", "allowed": "GET, HEAD"},
    ),
    "not_found": Documented(
        404, {"message": "Session not found."}, source="the API reference's 404 ErrorMessage"
    ),
    "unauthorized": Documented(
        401, {"message": "Unauthenticated."}, source="not documented; ErrorMessage assumed"
    ),
    "rejected": Documented(
        422,
        {"message": "The session is not live.", "errors": {"session": ["not live"]}},
        source="the API reference's 422 ErrorMessage; the message is assumed",
    ),
    "rate_limited": Documented(
        429,
        {"message": "Too Many Attempts.", "error": "rate-limit"},
        {"Retry-After": "$retry_after"},
        source=f"{_REFERENCE}/rate-limiting",
        examples={"retry_after": 3},
    ),
    "list_page": _listing(_examples(2, 0, 100)),
    "list_first_page": _listing(_examples(101, 0, 100)),
    "list_second_page": _listing(_examples(101, 100, 100)),
    "list_empty": _listing(_examples(0, 0, 100)),
}
"""Digital Samba's documented answers (and, where the source says so, assumed ones)."""


class FakeDigitalSamba(Vendor):
    """Digital Samba's end-live-session endpoint."""

    provider: ClassVar[Provider] = Provider.DIGITALSAMBA
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("api", "v1", "sessions", "{id}", "end")
    list_path: ClassVar[tuple[str, ...] | None] = ("api", "v1", "sessions")
    rate_window: ClassVar[float] = 60.0
    showcases: ClassVar[tuple[Showcase, ...]] = (
        Showcase(
            "Digital Samba: 405, then GET",
            "a GET-only server: 405 to POST, text/plain 200 to GET",
            Outcome.ENDED,
            sent=lambda received: [request.method for request in received] == ["POST", "GET"],
            mode=lambda fake: _get_only(fake),
        ),
        Showcase(
            "Digital Samba: text/plain 200, never parsed as JSON",
            "text/plain 200",
            Outcome.ENDED,
        ),
    )
    answers: ClassVar[Mapping[str, Documented]] = ANSWERS
    scenarios: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "success": ("success",),
        "method_fallback": ("method_not_allowed", "success"),
        "not_found": ("not_found",),
        "unauthorized": ("unauthorized",),
        "rejected": ("rejected",),
        "rate_limited": ("rate_limited", "success"),
        "list": ("list_page",),
        "list_paged": ("list_first_page", "list_second_page"),
        "list_empty": ("list_empty",),
        "list_unauthorized": ("unauthorized",),
    }

    def __init__(self, credentials: Mapping[str, str]) -> None:
        super().__init__(credentials)
        self.get_only = False
        # Basic and one Bearer form carry the pair, base64-encoded.
        self.credentials["pair"] = (
            f"{credentials.get('team_id', '')}:{credentials.get('developer_key', '')}"
        )

    @override
    def methods(self) -> frozenset[str]:
        return frozenset({"GET"} if self.get_only else {"POST"})

    @override
    def not_allowed(self, method: str, path_id: str | None) -> Reply:
        allowed = "GET, HEAD" if self.get_only else "POST"
        return self.answer(
            "method_not_allowed", method=method, session_id=path_id or "", allowed=allowed
        )

    @override
    def new_session_id(self) -> str:
        return str(uuid.uuid4())

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "basic" and self.key_matches(_decoded(token), "pair"):
            return None
        if scheme.lower() == "bearer" and (
            self.key_matches(_decoded(token), "pair") or self.key_matches(token, "developer_key")
        ):
            return None
        return self.answer("unauthorized")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        if not path_id:
            return self.answer("not_found")
        return path_id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is not SessionState.ACTIVE:
            return self.answer("not_found")
        return self.answer("success")

    @override
    def listed(self, query: Mapping[str, str]) -> Reply:
        limit, offset = query_int(query, "limit", 100), query_int(query, "offset", 0)
        order, live = query.get("order", "desc"), query.get("live")
        if (
            limit is None
            or not 1 <= limit <= 100
            or offset is None
            or offset < 0
            or order not in ("asc", "desc")
            or live not in (None, "true", "false", "1", "0")
        ):
            return self.answer("rejected")
        sessions = [] if live in ("false", "0") else self.live_sessions()
        if order == "desc":
            sessions.reverse()
        now = datetime.datetime.now(datetime.UTC)
        shown = sessions[offset : offset + limit]
        return self.answer(
            "list_page",
            data=[_entry(session_id, started, now) for session_id, started in shown],
            total_count=str(len(sessions)),
        )

    @override
    def rate_limited(self, wait: float) -> Reply:
        return self.answer("rate_limited", retry_after=math.ceil(wait))

    @override
    def failure(self, status: int) -> Reply:
        # An injected failure, not a documented answer: the API's ErrorMessage shape.
        return Reply.json(status, {"message": phrase(status)})


def _get_only(fake: Vendor) -> Callable[[], None]:
    assert isinstance(fake, FakeDigitalSamba)
    fake.get_only = True

    def undo() -> None:
        fake.get_only = False

    return undo


def _decoded(token: str) -> str | None:
    try:
        return base64.b64decode(token, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None


FAKE = FakeDigitalSamba
