"""Fake LiveAvatar: ``POST /v1/sessions/stop``, a FastAPI service.

- ``X-API-KEY`` must be the key, else 401 ``{"detail": ...}``.
- The body is validated with the spec's ``StopSessionSchema``; with an API key ``session_id``
  is required. Failures are FastAPI's 422 ``{"detail": [{"loc", "msg", "type"}]}``.
- Success is 200 ``{"code": 1000, "data": null, "message": "success"}``; the vendor's web SDK
  treats only 1000 as success.
- Not documented, so chosen here: an unknown or already stopped session is 404.
- Rate limits: 429 with ``Retry-After`` and ``X-RateLimit-Reset``, fixed one-second windows.
- ``GET /v1/sessions?type=active&page=&page_size=`` lists the live sessions, newest first, as
  ``{code, data: {count, next, previous, results}, message}``; ``next`` and ``previous`` are
  absolute URLs on the public host (as a paginating framework builds them) or null. ``type``
  is required (``historic`` lists nothing: the fake keeps no history), ``page`` from 1,
  ``page_size`` 1 to 100 (20 by default); anything else is a 422. ``created_at`` is the start
  (UTC with ``Z``); the other fields are assumed (``duration`` and ``credits_consumed`` null
  while a session runs).

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import datetime
import math
import time
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

import pydantic
from typing_extensions import override
from vendor_models import liveavatar as models

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Documented, Reply, SessionState, Showcase, Vendor, iso_utc, phrase, query_int

__all__ = ["ANSWERS", "FAKE", "FakeLiveAvatar"]

_FASTAPI = "FastAPI's error body {detail} (assumed: the spec is FastAPI's)"
_SUCCESS: dict[str, Any] = {"code": 1000, "data": None, "message": "success"}
_LIST = "docs.liveavatar.com/api-reference/sessions/list-sessions"
_PUBLIC = "https://api.liveavatar.com/v1/sessions"
_EXAMPLE_START = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)


def _entry(session_id: str, started_at: datetime.datetime) -> dict[str, Any]:
    """One listed session as the list gives it."""
    return {
        "id": session_id,
        "created_at": iso_utc(started_at, fraction=6),
        "updated_at": iso_utc(started_at, fraction=6),
        "duration": None,
        "source": "API",
        "mode": "FULL",
        "is_sandbox": False,
        "credits_consumed": None,
    }


def _link(page: int | None, size: int) -> str | None:
    return None if page is None else f"{_PUBLIC}?type=active&page={page}&page_size={size}"


def _examples(count: int, first: int, size: int, page: int) -> dict[str, object]:
    """A documented page: entries ``first`` .. of ``count``, one minute apart, newest first."""
    last = min(first + size, count)
    return {
        "count": count,
        "next": _link(page + 1 if last < count else None, size),
        "previous": _link(page - 1 if page > 1 else None, size),
        "results": [
            _entry(str(uuid.UUID(int=0x3FA85F64_5717_4562_B3FC_000000000000 + n)), _start(n))
            for n in range(first, last)
        ],
    }


def _start(n: int) -> datetime.datetime:
    return _EXAMPLE_START - datetime.timedelta(minutes=n)


def _listing(examples: dict[str, object]) -> Documented:
    return Documented(
        200,
        {
            "code": 1000,
            "data": {
                "count": "$count",
                "next": "$next",
                "previous": "$previous",
                "results": "$results",
            },
            "message": "success",
        },
        source=f"{_LIST}; code 1000 as the stop's; the entries' values are assumed",
        examples=examples,
    )


ANSWERS: Mapping[str, Documented] = {
    "success": Documented(
        200,
        _SUCCESS,
        source="spec's Response schema; code 1000 as heygen-com/liveavatar-web-sdk, "
        "SessionApiClient.ts, treats success",
    ),
    "business_error": Documented(
        200,
        {"code": 4000, "data": None, "message": "session is not active"},
        source="spec's Response schema; 4000 is the failure code of the vendor's web SDK "
        "tests (heygen-com/liveavatar-web-sdk); the message is assumed",
    ),
    "rejected": Documented(
        422,
        {"detail": "$detail"},
        source="spec's 422 HTTPValidationError",
        examples={
            "detail": [
                {
                    "loc": ["body", "session_id"],
                    "msg": "Input should be a valid UUID",
                    "type": "uuid_parsing",
                }
            ]
        },
    ),
    "not_found": Documented(404, {"detail": "Session not found"}, source=_FASTAPI),
    "unauthorized": Documented(401, {"detail": "Invalid API key"}, source=_FASTAPI),
    "rate_limited": Documented(
        429,
        {"detail": "Rate limit exceeded"},
        {"Retry-After": "$retry_after", "X-RateLimit-Reset": "$reset"},
        source="docs.liveavatar.com, core-concepts/rate-limits (headers); body assumed",
        examples={"retry_after": 1, "reset": 1700000001},
    ),
    "list_page": _listing(_examples(2, 0, 100, 1)),
    "list_first_page": _listing(_examples(101, 0, 100, 1)),
    "list_second_page": _listing(_examples(101, 100, 100, 2)),
    "list_empty": _listing(_examples(0, 0, 100, 1)),
}
"""LiveAvatar's documented answers (and, where the source says so, assumed ones)."""


class FakeLiveAvatar(Vendor):
    """LiveAvatar's stop-session endpoint."""

    provider: ClassVar[Provider] = Provider.LIVEAVATAR
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("v1", "sessions", "stop")
    list_path: ClassVar[tuple[str, ...] | None] = ("v1", "sessions")
    showcases: ClassVar[tuple[Showcase, ...]] = (
        Showcase(
            "LiveAvatar: code 100, the spec's success",
            "HTTP 200, code 100",
            Outcome.ENDED,
            fault=Fault.answer(200, b'{"code": 100, "data": null, "message": "success"}'),
            vendor_code=100,
        ),
        Showcase(
            "LiveAvatar: code 1000, the vendor SDK's success",
            "HTTP 200, code 1000",
            Outcome.ENDED,
            vendor_code=1000,
        ),
    )
    answers: ClassVar[Mapping[str, Documented]] = ANSWERS
    scenarios: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "success": ("success",),
        "business_error": ("business_error",),
        "rejected": ("rejected",),
        "not_found": ("not_found",),
        "unauthorized": ("unauthorized",),
        "rate_limited": ("rate_limited", "success"),
        "list": ("list_page",),
        "list_paged": ("list_first_page", "list_second_page"),
        "list_empty": ("list_empty",),
        "list_unauthorized": ("unauthorized",),
    }

    @override
    def new_session_id(self) -> str:
        return str(uuid.uuid4())

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        if self.key_matches(headers.get("X-API-KEY")):
            return None
        return self.answer("unauthorized")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        try:
            request = models.StopSessionSchema.model_validate_json(body or b"{}")
        except pydantic.ValidationError as error:
            return self.answer("rejected", detail=_fastapi_detail(error))
        if request.session_id is None:
            missing = {"loc": ["body", "session_id"], "msg": "Field required", "type": "missing"}
            return self.answer("rejected", detail=[missing])
        return str(request.session_id)

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is not SessionState.ACTIVE:
            return self.answer("not_found")
        return self.answer("success")

    @override
    def listed(self, query: Mapping[str, str]) -> Reply:
        kind = query.get("type")
        page = query_int(query, "page", 1)
        size = query_int(query, "page_size", 20)
        problems = []
        if kind not in ("active", "historic"):
            problems.append(_problem("type", "Input should be 'active' or 'historic'", "enum"))
        if page is None or page < 1:
            problems.append(_problem("page", "Input should be greater than or equal to 1"))
        if size is None or not 1 <= size <= 100:
            problems.append(_problem("page_size", "Input should be between 1 and 100"))
        if problems or page is None or size is None:
            return self.answer("rejected", detail=problems)
        # Newest first; the fake keeps no history.
        live = [] if kind == "historic" else self.live_sessions()[::-1]
        start = (page - 1) * size
        shown = live[start : start + size]
        return self.answer(
            "list_page",
            count=len(live),
            next=_link(page + 1 if start + size < len(live) else None, size),
            previous=_link(page - 1 if page > 1 else None, size),
            results=[_entry(session_id, started) for session_id, started in shown],
        )

    @override
    def rate_limited(self, wait: float) -> Reply:
        return self.answer(
            "rate_limited", retry_after=math.ceil(wait), reset=int(time.time() + wait)
        )

    @override
    def failure(self, status: int) -> Reply:
        # An injected failure, not a documented answer: FastAPI's {detail}.
        return Reply.json(status, {"detail": phrase(status)})


def _problem(name: str, message: str, kind: str = "value_error") -> dict[str, Any]:
    return {"loc": ["query", name], "msg": message, "type": kind}


def _fastapi_detail(error: pydantic.ValidationError) -> list[dict[str, Any]]:
    # FastAPI reports body errors with "body" first in each location.
    return [
        {"loc": ["body", *item["loc"]], "msg": item["msg"], "type": item["type"]}
        for item in error.errors(include_url=False, include_input=False)
    ]


FAKE = FakeLiveAvatar
