"""LiveAvatar (HeyGen streaming avatars): ``POST /v1/sessions/stop``.

Quirks reconciled here:

1. Session ids are UUIDs (``format: uuid``) in their hyphenated form, in either case;
   anything else is refused before any request.
2. The reason is sent; the spec's two defaults disagree (UNKNOWN vs USER_CLOSED), so it is
   always explicit.
3. Success is a 2xx whose body ``code`` is 100 (the spec's default) or 1000 (what the
   vendor's web SDK checks); any other code is a VendorError.
4. 422 carries FastAPI's validation ``detail``, which the RequestRejected message repeats.
5. The spec's envelope schema is named ``Response``; the generated model is renamed
   ``StopSessionResponse`` by the generator configuration.
6. Rate limits are 429 with ``Retry-After`` (and ``X-RateLimit-Reset``), in one-second windows.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar

from .. import errors
from .._models import EndReason, Outcome, Provider
from ._base import Adapter, Answer, Credential, RateLimit, Request, Verdict, by_status, json_body

if TYPE_CHECKING:
    from liveavatar_client.models import HTTPValidationError, StopSessionResponse

__all__ = ["ADAPTER", "LiveAvatar"]

SUCCESS_CODES = (100, 1000)


class LiveAvatar(Adapter):
    """Ends LiveAvatar sessions."""

    provider: ClassVar[Provider] = Provider.LIVEAVATAR
    title: ClassVar[str] = "LiveAvatar"
    default_base_url: ClassVar[str] = "https://api.liveavatar.com"
    base_url_variable: ClassVar[str] = "LIVEAVATAR_BASE_URL"
    credentials: ClassVar[tuple[Credential, ...]] = (Credential("api_key", "LIVEAVATAR_API_KEY"),)
    auth_header: ClassVar[str] = "X-API-KEY"
    generated_package: ClassVar[str] = "liveavatar_client"
    # X-RateLimit-Reset is not read: whether it counts seconds or names a moment is not
    # documented, and Retry-After comes with it.
    rate_limit: ClassVar[RateLimit] = RateLimit()
    example_session_id: ClassVar[str] = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

    def check_session_id(self, session_id: str) -> None:
        """Only the hyphenated UUID form, in either case."""
        # uuid.UUID() also reads braces, "urn:uuid:", missing or moved dashes, and int()
        # syntax ("+", "_", padding spaces, non-ASCII digits), some of which it turns into a
        # different UUID: only the hyphenated form, in either case, is an id.
        try:
            canonical = str(uuid.UUID(session_id))
        except ValueError:
            canonical = None
        if canonical != session_id.lower():
            raise errors.InvalidSessionId(
                "LiveAvatar session ids are UUIDs (8-4-4-4-12 hex digits)",
                provider=self.provider.value,
                session_id=session_id,
            )

    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """``{"session_id": ..., "reason": ...}``; the reason always explicit."""
        from liveavatar_client.api.sessions import stop_session_v1_sessions_stop_post as stop
        from liveavatar_client.models import SessionEndReasonEnum, StopSessionSchema

        body = StopSessionSchema(
            session_id=uuid.UUID(session_id), reason=SessionEndReasonEnum(reason.value)
        )
        return Request.from_generated(stop.build_request(body=body))

    def interpret(self, answer: Answer) -> Verdict:
        """The body code on a 2xx, FastAPI's detail on a 422, else the shared status rules."""
        from liveavatar_client.api.sessions import stop_session_v1_sessions_stop_post as stop

        parsed = stop.parse_response(answer)
        if parsed is None:
            if answer.status_code == 422:  # a detail FastAPI's model does not describe
                return _rejected(answer.status_code, json_body(answer))
            if 200 <= answer.status_code < 300:
                return Verdict(
                    error=errors.UnexpectedResponse,
                    message="the body does not fit the spec's envelope",
                    http_status=answer.status_code,
                )
            return by_status(answer)
        return _from_generated(parsed, answer.status_code, json_body(answer))


def _from_generated(
    parsed: StopSessionResponse | HTTPValidationError, status: int, body: Any
) -> Verdict:
    """The verdict read from the generated envelope or validation error."""
    from liveavatar_client.models import HTTPValidationError
    from liveavatar_client.types import Unset

    if isinstance(parsed, HTTPValidationError):
        return _rejected(status, body)
    code = None if isinstance(parsed.code, Unset) else parsed.code
    message = parsed.message if isinstance(parsed.message, str) else None
    context: dict[str, Any] = {
        "http_status": status,
        "vendor_code": code,
        "vendor_message": message,
        "body": body,
    }
    if code in SUCCESS_CODES:
        return Verdict(outcome=Outcome.ENDED, **context)
    return Verdict(error=errors.VendorError, message="stop failed", **context)


def _rejected(status: int, body: Any) -> Verdict:
    return Verdict(
        error=errors.RequestRejected,
        message="validation failed",
        http_status=status,
        vendor_message=_validation_detail(body),
        body=body,
    )


def _validation_detail(body: Any) -> str | None:
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str):
        return detail
    if not isinstance(detail, list):
        return None
    parts = []
    for item in detail:
        if isinstance(item, dict):
            location = ".".join(str(part) for part in item.get("loc") or [])
            parts.append(f"{location}: {item.get('msg', '')}".strip(": "))
    return "; ".join(parts) or None


ADAPTER = LiveAvatar
