"""Fake Akool: ``POST /api/open/v4/liveAvatar/session/close``; every answer is HTTP 200.

- ``Authorization: Bearer <key>`` or ``x-api-key: <key>``; when both are sent Authorization
  wins. No credential is code 1102 (token empty), a wrong one 1101 (illegal token).
- The body is validated with the spec's request model: ``{"id": ...}`` is required. Anything
  else is code 1003 (parameter error), which also catches a client sending ``session_id``.
- Success is code 1000 with ``data: {session_id, status: "closed", closed_at}``.
- Not documented, so chosen here: closing a closed session is 1011 (has been operated), an
  unknown one 1008 (content does not exist).
- The only rate-limit signal is code 1005 (frequent operation).
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping
from typing import ClassVar

import pydantic
from typing_extensions import override
from vendor_models import akool as models

from ..._models import Outcome, Provider
from .._faults import Fault
from ._base import Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["FAKE", "FakeAkool"]


def _answer(code: int, msg: str, data: object = None) -> Reply:
    body = models.ApiResponse(code=code, msg=msg).model_dump(mode="json")
    if data is not None:
        body["data"] = data
    return Reply.json(200, body)


class FakeAkool(Vendor):
    """Akool's close-session endpoint."""

    provider: ClassVar[Provider] = Provider.AKOOL
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("api", "open", "v4", "liveAvatar", "session", "close")
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
            return _answer(1102, "token empty")
        return None if self.key_matches(given) else _answer(1101, "illegal token")

    @override
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        try:
            request = models.ApiOpenV4LiveAvatarSessionClosePostRequest.model_validate_json(body)
        except pydantic.ValidationError:
            return _answer(1003, "parameter error")
        return request.id

    @override
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        if before is None:
            return _answer(1008, "content does not exist")
        if before is SessionState.ENDED:
            return _answer(1011, "has been operated")
        data = {"session_id": session_id, "status": "closed", "closed_at": int(time.time() * 1000)}
        return _answer(1000, "OK", data)

    @override
    def rate_limited(self, wait: float) -> Reply:
        return _answer(1005, "frequent operation")

    @override
    def failure(self, status: int) -> Reply:
        return Reply.json(status, {"code": status, "msg": phrase(status)})


FAKE = FakeAkool
