"""Fake LiveAvatar: ``POST /v1/sessions/stop``, a FastAPI service.

- ``X-API-KEY`` must be the key, else 401 ``{"detail": ...}``.
- The body is validated with the spec's ``StopSessionSchema``; with an API key ``session_id``
  is required. Failures are FastAPI's 422 ``{"detail": [{"loc", "msg", "type"}]}``.
- Success is 200 ``{"code": 1000, "data": null, "message": "success"}``; the vendor's web SDK
  treats only 1000 as success.
- Not documented, so chosen here: an unknown or already stopped session is 404.
- Rate limits: 429 with ``Retry-After`` and ``X-RateLimit-Reset``, fixed one-second windows.

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

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
from ._base import Documented, Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["ANSWERS", "FAKE", "FakeLiveAvatar"]

_FASTAPI = "FastAPI's error body {detail} (assumed: the spec is FastAPI's)"
_SUCCESS: dict[str, Any] = {"code": 1000, "data": None, "message": "success"}

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
}
"""LiveAvatar's documented answers (and, where the source says so, assumed ones)."""


class FakeLiveAvatar(Vendor):
    """LiveAvatar's stop-session endpoint."""

    provider: ClassVar[Provider] = Provider.LIVEAVATAR
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("v1", "sessions", "stop")
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
    def rate_limited(self, wait: float) -> Reply:
        return self.answer(
            "rate_limited", retry_after=math.ceil(wait), reset=int(time.time() + wait)
        )

    @override
    def failure(self, status: int) -> Reply:
        # An injected failure, not a documented answer: FastAPI's {detail}.
        return Reply.json(status, {"detail": phrase(status)})


def _fastapi_detail(error: pydantic.ValidationError) -> list[dict[str, Any]]:
    # FastAPI reports body errors with "body" first in each location.
    return [
        {"loc": ["body", *item["loc"]], "msg": item["msg"], "type": item["type"]}
        for item in error.errors(include_url=False, include_input=False)
    ]


FAKE = FakeLiveAvatar
