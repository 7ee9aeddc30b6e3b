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
7. Live sessions are listed with ``GET /v1/sessions?type=active``, by page number, 100 to a
   page, while the page's ``next`` is not null. The next page is asked of the configured base
   URL by number, never by following ``next`` (an absolute URL that could name another host).
   ``created_at`` is the start; one without an offset is UTC.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, ClassVar

from .. import errors
from .._models import EndReason, Outcome, Provider
from . import _listing
from ._base import (
    Adapter,
    Answer,
    Credential,
    LiveSession,
    Page,
    RateLimit,
    Request,
    Verdict,
    by_status,
    json_body,
)

if TYPE_CHECKING:
    from liveavatar_client.models import (
        HTTPValidationError,
        SessionListResponse,
        StopSessionResponse,
    )

__all__ = ["ADAPTER", "LiveAvatar"]

SUCCESS_CODES = (100, 1000)
PAGE_SIZE = 100
"""Sessions asked for per page: the most the list takes."""


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

    lists_sessions: ClassVar[bool] = True

    def list_request(self) -> Request:
        """The first page of the active sessions."""
        return _page_request(1)

    def read_page(self, answer: Answer) -> Page | Verdict:
        """One page of active sessions; the body code, FastAPI's detail or the status otherwise."""
        from liveavatar_client.api.sessions import list_sessions_v1_sessions_get as listing
        from liveavatar_client.models import HTTPValidationError

        verdict = _listing.unreadable(answer)
        if verdict is not None:
            return verdict
        parsed = listing.parse_response(answer)
        body = json_body(answer)
        if parsed is None:
            if answer.status_code == 422:
                return _rejected(answer.status_code, body)
            code = body.get("code") if isinstance(body, dict) else None
            failed = isinstance(code, int) and not isinstance(code, bool)
            if failed and code not in SUCCESS_CODES and 200 <= answer.status_code < 300:
                # A failure's envelope, its data null: the code says why.
                return _list_failed(code, body.get("message"), answer.status_code)
            return _listing.status_verdict(answer)
        if isinstance(parsed, HTTPValidationError):
            return _rejected(answer.status_code, body)
        if parsed.code not in SUCCESS_CODES:
            return _list_failed(parsed.code, parsed.message, answer.status_code)
        page = _listing.query_int(_listing.query_of(answer.request), "page", 1)
        return _page_from_generated(parsed, page)


def _list_failed(code: object, message: object, status: int) -> Verdict:
    return Verdict(
        error=errors.VendorError,
        message="listing failed",
        http_status=status,
        vendor_code=code if isinstance(code, int) else None,
        vendor_message=message if isinstance(message, str) else None,
    )


def _page_request(page: int) -> Request:
    from liveavatar_client.api.sessions import list_sessions_v1_sessions_get as listing
    from liveavatar_client.models import SessionListType

    return Request.from_generated(
        listing.build_request(type_=SessionListType.ACTIVE, page=page, page_size=PAGE_SIZE)
    )


def _page_from_generated(parsed: SessionListResponse, page: int) -> Page:
    """The page read from the generated envelope; ``page`` is the number it answered."""
    results = parsed.data.results
    sessions = [
        LiveSession(
            Provider.LIVEAVATAR,
            str(item.id),
            _listing.utc(item.created_at),
            _listing.frozen(item.to_dict()),
        )
        for item in results
        # type=active lists only running sessions; one that ended while the list was made
        # carries end_at, as the one-session answer does.
        if item.additional_properties.get("end_at") is None
    ]
    # An empty page ends the walk even if next says otherwise, so it always ends.
    more = parsed.data.next_ is not None and len(results) > 0
    return Page(sessions, _page_request(page + 1) if more else None, len(results))


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
