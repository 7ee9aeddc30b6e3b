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

Every answer is declared once in ``ANSWERS``; the contract cassettes are checked against it.
"""

from __future__ import annotations

import base64
import binascii
import math
import uuid
from collections.abc import Callable, Mapping
from typing import ClassVar

from typing_extensions import override

from ..._models import Outcome, Provider
from ._base import Documented, Reply, SessionState, Showcase, Vendor, phrase

__all__ = ["ANSWERS", "FAKE", "FakeDigitalSamba"]

_REFERENCE = "docs.digitalsamba.com/reference/rest-api"

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
}
"""Digital Samba's documented answers (and, where the source says so, assumed ones)."""


class FakeDigitalSamba(Vendor):
    """Digital Samba's end-live-session endpoint."""

    provider: ClassVar[Provider] = Provider.DIGITALSAMBA
    method: ClassVar[str] = "POST"
    path: ClassVar[tuple[str, ...]] = ("api", "v1", "sessions", "{id}", "end")
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
