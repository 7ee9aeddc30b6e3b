"""Digital Samba: ``POST /api/v1/sessions/{session}/end``.

Quirks reconciled here:

1. The doc page's prose says POST and its cURL example says GET; the API reference and the
   vendor's own clients use POST, so POST is sent first. An end answered 405 is sent once
   more with the other method (the vendored spec records the GET as a correction, so both
   requests come from the generated client). A method is remembered for later ends only
   after it succeeded, so one odd answer never switches an ender away from a method that
   works, and concurrent ends never see each other's fallback.
2. Success is a 200 with an empty or text/plain body; it is never parsed as JSON.
3. Authentication is HTTP Basic ``team_id:developer_key``, the one form every source accepts.
4. Rate limits are 429 with ``Retry-After``; the documented limit is 1000 requests a minute.
5. Live sessions are listed with ``GET /api/v1/sessions?live=true``, by offset, 100 to a
   page (the most ``limit`` takes), while ``offset + seen`` is below ``total_count`` (a
   string). Only entries whose ``live`` is true are live, whatever their ``end_time`` says (a
   live session can carry one). Offsets shift when sessions end during paging, so each page
   says how many entries it held (``seen``); the next asks at ``offset + limit``.
   ``start_time`` is the start (``2024-03-21T05:09:31.000000Z``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

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
    text_of,
)

if TYPE_CHECKING:
    from digitalsamba_client.models import GetAllSessionsResponse200

__all__ = ["ADAPTER", "DigitalSamba"]

_METHODS = ("POST", "GET")
PAGE_SIZE = 100
"""Sessions asked for per page: the most ``limit`` takes."""


class DigitalSamba(Adapter):
    """Ends Digital Samba live sessions."""

    provider: ClassVar[Provider] = Provider.DIGITALSAMBA
    title: ClassVar[str] = "Digital Samba"
    default_base_url: ClassVar[str] = "https://api.digitalsamba.com"
    base_url_variable: ClassVar[str] = "DIGITALSAMBA_BASE_URL"
    credentials: ClassVar[tuple[Credential, ...]] = (
        Credential("team_id", "DIGITALSAMBA_TEAM_ID", secret=False),
        Credential("developer_key", "DIGITALSAMBA_DEVELOPER_KEY"),
    )
    basic_auth: ClassVar[bool] = True
    generated_package: ClassVar[str] = "digitalsamba_client"
    rate_limit: ClassVar[RateLimit] = RateLimit(documented_rate=1000 / 60)
    example_session_id: ClassVar[str] = "edb7a1cb-0627-44ed-9ae4-62a344d6e8a9"

    def __init__(self, settings: Mapping[str, str | None] | None = None) -> None:
        super().__init__(settings)
        # The method that last ended a session; written only after a success. One attribute
        # write is atomic, and either value is a correct first try.
        self.preferred = "POST"

    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """The preferred method, or after a 405 the other one than this end sent."""
        from digitalsamba_client.api.sessions import (
            end_the_specified_live_session,
            end_the_specified_live_session_with_get,
        )

        method = self.preferred
        if after is not None:
            # Relative to what this end sent: another end may have switched meanwhile.
            method = _METHODS[1 - _METHODS.index(after.method)]
        if method == "POST":
            return Request.from_generated(end_the_specified_live_session.build_request(session_id))
        return Request.from_generated(
            end_the_specified_live_session_with_get.build_request(session_id)
        )

    def interpret(self, answer: Answer) -> Verdict:
        """A 2xx ends it (its text kept); a 405 asks for the other method once."""
        if answer.status_code == 405:
            return Verdict(
                again=True,
                error=errors.RequestRejected,  # once the other method was tried too
                message="method not allowed",
                http_status=405,
            )
        if 200 <= answer.status_code < 300:
            if answer.request is not None:
                self.preferred = answer.request.method
            text = text_of(answer)
            return Verdict(
                outcome=Outcome.ENDED,
                http_status=answer.status_code,
                vendor_message=text,
                body=answer.text,
            )
        return by_status(answer)

    lists_sessions: ClassVar[bool] = True

    def list_request(self) -> Request:
        """The first page of the live sessions."""
        return _page_request(0)

    def read_page(self, answer: Answer) -> Page | Verdict:
        """One page of live sessions; the status rules, with the error's message, otherwise."""
        from digitalsamba_client.api.sessions import get_all_sessions
        from digitalsamba_client.models import ErrorMessage
        from digitalsamba_client.types import Unset

        verdict = _listing.unreadable(answer)
        if verdict is not None:
            return verdict
        parsed = get_all_sessions.parse_response(answer)
        if parsed is None:
            return _listing.status_verdict(answer)
        if isinstance(parsed, ErrorMessage):
            message = parsed.message if isinstance(parsed.message, str) else None
            return _listing.status_verdict(answer, vendor_message=message)
        if isinstance(parsed.data, Unset):
            return _listing.broken(answer, "no data list")
        query = _listing.query_of(answer.request)
        offset = _listing.query_int(query, "offset", 0)
        limit = _listing.query_int(query, "limit", PAGE_SIZE)
        return _page_from_generated(parsed, answer, offset, limit)


def _page_request(offset: int) -> Request:
    from digitalsamba_client.api.sessions import get_all_sessions

    return Request.from_generated(
        get_all_sessions.build_request(live=True, limit=PAGE_SIZE, offset=offset)
    )


def _page_from_generated(
    parsed: GetAllSessionsResponse200, answer: Answer, offset: int, limit: int
) -> Page | Verdict:
    """The page read from the generated answer; ``offset`` and ``limit`` are its request's."""
    from digitalsamba_client.types import Unset

    entries = [] if isinstance(parsed.data, Unset) else parsed.data
    sessions = []
    for item in entries:
        if not isinstance(item.id, str) or not item.id:
            return _listing.broken(answer, "a listed session has no id")
        if item.live is not True:  # live decides; end_time may be set on a live session
            continue
        sessions.append(
            LiveSession(
                Provider.DIGITALSAMBA,
                item.id,
                _listing.iso_time(item.start_time),
                _listing.frozen(item.to_dict()),
            )
        )
    total = _total(parsed.total_count)
    seen = len(entries)
    # Without a usable total, a full page may have a successor.
    more = seen >= limit if total is None else seen > 0 and offset + seen < total
    return Page(sessions, _page_request(offset + limit) if more else None, seen)


def _total(value: object) -> int | None:
    """``total_count``, which the API sends as a string."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        return int(value)
    except ValueError:
        return None


ADAPTER = DigitalSamba
