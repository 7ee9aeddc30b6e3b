"""ElizaOS: ``DELETE /api/messaging/sessions/{sessionId}`` on a self-hosted server.

Quirks reconciled here:

1. The spec promises ``{message}``; the server answers ``{success: true, message: ...}``.
   Extra fields are kept, and ``success: false`` under a 2xx is a VendorError.
2. Unknown or already deleted sessions get 404 (sessions live in memory, so after a restart
   every id does): not found.
3. The credential (``X-API-KEY``) is optional: a server without ELIZA_SERVER_AUTH_TOKEN
   checks nothing. Older servers answer 401 as plain text, which is still an
   AuthenticationError.
4. Rate limits come with ``RateLimit-Reset`` (seconds until the window resets) and no
   ``Retry-After``.
5. Live sessions are listed with ``GET /api/messaging/sessions``, all at once (no paging);
   the server leaves expired ones out, and one listed with no time remaining is left out
   too. ``createdAt`` is the start.
"""

from __future__ import annotations

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
    from elizaos_client.models import EndSessionResponse200, ListSessionsResponse200

__all__ = ["ADAPTER", "ElizaOS"]


class ElizaOS(Adapter):
    """Ends ElizaOS messaging sessions."""

    provider: ClassVar[Provider] = Provider.ELIZAOS
    title: ClassVar[str] = "ElizaOS"
    default_base_url: ClassVar[str] = "http://localhost:3000"
    base_url_variable: ClassVar[str] = "ELIZAOS_BASE_URL"
    credentials: ClassVar[tuple[Credential, ...]] = (Credential("api_key", "ELIZAOS_API_KEY"),)
    credentials_optional: ClassVar[bool] = True
    auth_header: ClassVar[str] = "X-API-KEY"
    generated_package: ClassVar[str] = "elizaos_client"
    rate_limit: ClassVar[RateLimit] = RateLimit(wait_headers=("ratelimit-reset",))
    example_session_id: ClassVar[str] = "5b0b3c1e-7d2a-4f3e-9c1b-2a3b4c5d6e7f"

    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """The DELETE of one session; it takes no body."""
        from elizaos_client.api.default import end_session

        return Request.from_generated(end_session.build_request(session_id))

    def interpret(self, answer: Answer) -> Verdict:
        """``success`` on a 2xx; the status rules, with the error envelope's code, otherwise."""
        from elizaos_client.api.default import end_session
        from elizaos_client.models import EndSessionResponse200

        body = json_body(answer)
        if not 200 <= answer.status_code < 300:
            # The error envelope comes with statuses the spec does not list (429) and, from
            # older servers, not at all (a plain-text 401): read it where it is.
            return by_status(answer, body=body, **_error_envelope(body))
        parsed = end_session.parse_response(answer)
        if not isinstance(parsed, EndSessionResponse200):
            return Verdict(
                error=errors.UnexpectedResponse,
                message="the body is not a JSON object",
                http_status=answer.status_code,
            )
        return _from_generated(parsed, answer.status_code, body)

    lists_sessions: ClassVar[bool] = True

    def list_request(self) -> Request:
        """The one request that lists every session."""
        from elizaos_client.api.messaging import list_sessions

        return Request.from_generated(list_sessions.build_request())

    def read_page(self, answer: Answer) -> Page | Verdict:
        """Every live session, on one page; the status rules with the error envelope otherwise."""
        from elizaos_client.api.messaging import list_sessions

        verdict = _listing.unreadable(answer)
        if verdict is not None:
            return verdict
        if not 200 <= answer.status_code < 300:
            body = json_body(answer)
            return _listing.status_verdict(answer, body=body, **_error_envelope(body))
        parsed = list_sessions.parse_response(answer)
        if parsed is None:
            return _listing.broken(answer)
        return _page_from_generated(parsed, answer)


def _page_from_generated(parsed: ListSessionsResponse200, answer: Answer) -> Page | Verdict:
    """The one page read from the generated answer."""
    from elizaos_client.types import Unset

    if isinstance(parsed.sessions, Unset):
        return _listing.broken(answer, "no sessions list")
    sessions = []
    for item in parsed.sessions:
        if not isinstance(item.session_id, str) or not item.session_id:
            return _listing.broken(answer, "a listed session has no sessionId")
        remaining = item.time_remaining
        if isinstance(remaining, int) and not isinstance(remaining, bool) and remaining <= 0:
            continue  # expired between the server's sweeps
        started = None if isinstance(item.created_at, Unset) else _listing.utc(item.created_at)
        sessions.append(
            LiveSession(Provider.ELIZAOS, item.session_id, started, _listing.frozen(item.to_dict()))
        )
    return Page(sessions, None, len(parsed.sessions))


def _from_generated(parsed: EndSessionResponse200, status: int, body: Any) -> Verdict:
    """The verdict read from the generated answer; the server adds ``success``."""
    message = parsed.message if isinstance(parsed.message, str) else None
    context: dict[str, Any] = {"http_status": status, "vendor_message": message, "body": body}
    if parsed.additional_properties.get("success") is False:
        return Verdict(error=errors.VendorError, message="end failed", **context)
    return Verdict(outcome=Outcome.ENDED, **context)


def _error_envelope(body: Any) -> dict[str, Any]:
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return {}
    code, message = error.get("code"), error.get("message")
    return {
        "vendor_code": code if isinstance(code, str) else None,
        "vendor_message": message if isinstance(message, str) else None,
    }


ADAPTER = ElizaOS
