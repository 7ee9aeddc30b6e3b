"""Fake LiveAvatar: ``POST /v1/sessions/stop``, a FastAPI service.

- ``X-API-KEY`` must be the key, else 401 ``{"detail": ...}``.
- The body is validated with the spec's ``StopSessionSchema``; with an API key ``session_id``
  is required. Failures are FastAPI's 422 ``{"detail": [{"loc", "msg", "type"}]}``.
- Success is 200 ``{"code": 1000, "data": null, "message": "success"}``; the vendor's web SDK
  treats only 1000 as success.
- Not documented, so chosen here: an unknown or already stopped session is 404.
- Rate limits: 429 with ``Retry-After`` and ``X-RateLimit-Reset``, fixed one-second windows.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

import pydantic
from typing_extensions import override
from vendor_models import liveavatar as models

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["FAKE", "FakeLiveAvatar"]


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

    @override
    def new_session_id(self) -> str:
        return str(uuid.uuid4())

    @override
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        if self.key_matches(headers.get("X-API-KEY")):
            return None
        return Reply.json(401, {"detail": "Invalid API key"})

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        try:
            request = models.StopSessionSchema.model_validate_json(body or b"{}")
        except pydantic.ValidationError as error:
            return Reply.json(422, {"detail": _fastapi_detail(error)})
        if request.session_id is None:
            missing = {"loc": ["body", "session_id"], "msg": "Field required", "type": "missing"}
            return Reply.json(422, {"detail": [missing]})
        return str(request.session_id)

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is not SessionState.ACTIVE:
            return Reply.json(404, {"detail": "Session not found"})
        answer = models.Response(code=1000, data=None, message="success")
        return Reply.json(200, answer.model_dump(mode="json"))

    @override
    def rate_limited(self, wait: float) -> Reply:
        headers = self.retry_headers(wait)
        headers["X-RateLimit-Reset"] = str(int(time.time() + wait))
        return Reply.json(429, {"detail": "Too many requests"}, headers)

    @override
    def failure(self, status: int) -> Reply:
        return Reply.json(status, {"detail": phrase(status)})


def _fastapi_detail(error: pydantic.ValidationError) -> list[dict[str, Any]]:
    # FastAPI reports body errors with "body" first in each location.
    return [
        {"loc": ["body", *item["loc"]], "msg": item["msg"], "type": item["type"]}
        for item in error.errors(include_url=False, include_input=False)
    ]


FAKE = FakeLiveAvatar
