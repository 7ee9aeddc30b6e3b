"""Akool streaming avatar: ``POST /api/open/v4/liveAvatar/session/close``.

Quirks reconciled here:

1. Callers pass a session id; the body carries it as ``id``, as the vendored spec requires
   (the page's code samples send ``session_id``; the vendor's own demo sends ``id``).
2. Success is only body ``code == 1000``, whatever the HTTP status: business errors arrive in
   the body, usually under HTTP 200.
3. Codes: 1011 (has been operated) is ALREADY_ENDED; 1008 and 1014 (does not exist) are not
   found; 1101, 1102, 1009, 1200 are authentication failures; 1003 is a parameter error;
   1005 (frequent operation, the only rate-limit signal) is retried like a 429; any other
   code is a VendorError under a 2xx. Under another status, an undocumented code is ignored
   and the status decides (a 503 is retried like any other).
4. Live sessions are listed with ``GET .../session/list``, one status at a time (2
   processing, then 1 queueing: the list takes one ``status``), by page number, 100 to a page,
   until ``count`` is reached. The page's business code is read as the close's is (1005
   throttles, 1101 refuses the key). The list documents no time field; Akool's other records
   carry ``create_time`` in epoch milliseconds, so one is read when present, and otherwise
   the start is unknown (None).
"""

from __future__ import annotations

from collections.abc import Mapping
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
    Request,
    Verdict,
    by_status,
    json_body,
)

if TYPE_CHECKING:
    from akool_client.models import ApiResponse, SessionListResponse

__all__ = ["ADAPTER", "Akool"]

SUCCESS = 1000
RATE_LIMITED = 1005
ALREADY_ENDED = frozenset({1011})
NOT_FOUND = frozenset({1008, 1014})
MEANINGS: Mapping[int, tuple[type[errors.SessionEndError], str]] = {
    1003: (errors.RequestRejected, "parameter error"),
    1010: (errors.VendorError, "cannot be operated"),
    1104: (errors.VendorError, "insufficient credit"),
    1009: (errors.AuthenticationError, "permission denied"),
    1101: (errors.AuthenticationError, "illegal token"),
    1102: (errors.AuthenticationError, "token empty"),
    1200: (errors.AuthenticationError, "account blocked"),
    RATE_LIMITED: (errors.RateLimited, "frequent operation"),
}
LIVE_STATUSES = (2, 1)
"""Processing and queueing, in the order they are listed: the billed ones first."""
PAGE_SIZE = 100


class Akool(Adapter):
    """Ends Akool streaming-avatar sessions."""

    provider: ClassVar[Provider] = Provider.AKOOL
    title: ClassVar[str] = "Akool"
    default_base_url: ClassVar[str] = "https://openapi.akool.com"
    base_url_variable: ClassVar[str] = "AKOOL_BASE_URL"
    credentials: ClassVar[tuple[Credential, ...]] = (Credential("api_key", "AKOOL_API_KEY"),)
    auth_header: ClassVar[str] = "x-api-key"
    generated_package: ClassVar[str] = "akool_client"
    example_session_id: ClassVar[str] = "6698c9d69cf7b0d61d1b6420"

    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """``{"id": session_id}``, as the spec requires."""
        from akool_client.api.session_management import (
            post_api_open_v_4_live_avatar_session_close as close,
        )
        from akool_client.models import CloseSessionBody

        return Request.from_generated(close.build_request(body=CloseSessionBody(id=session_id)))

    def interpret(self, answer: Answer) -> Verdict:
        """Read the business code; the status decides only where there is none."""
        from akool_client.api.session_management import (
            post_api_open_v_4_live_avatar_session_close as close,
        )

        parsed = close.parse_response(answer)
        if parsed is not None:
            return _from_generated(parsed, answer.status_code, json_body(answer))
        body = json_body(answer)
        code = body.get("code") if isinstance(body, dict) else None
        if isinstance(code, int) and not isinstance(code, bool) and _documented(code):
            # A documented business code under a status the spec does not list.
            message = body.get("msg") or body.get("message")
            return _by_code(
                code, answer.status_code, message if isinstance(message, str) else None, body
            )
        verdict = by_status(answer)
        if verdict.outcome is not None:  # a 2xx without a business code proves nothing
            return Verdict(
                error=errors.UnexpectedResponse,
                message="no business code in the answer",
                http_status=answer.status_code,
            )
        return verdict

    lists_sessions: ClassVar[bool] = True

    def list_request(self) -> Request:
        """The first page of the first live status."""
        return _page_request(LIVE_STATUSES[0], 1)

    def read_page(self, answer: Answer) -> Page | Verdict:
        """One page of one live status; the business code decides, as for the close."""
        from akool_client.api.session_management import (
            get_api_open_v_4_live_avatar_session_list as listing,
        )

        verdict = _listing.unreadable(answer)
        if verdict is not None:
            return verdict
        parsed = listing.parse_response(answer)
        body = json_body(answer)
        if parsed is None:
            code = body.get("code") if isinstance(body, dict) else None
            if isinstance(code, int) and _a_number(code) and code != SUCCESS and _documented(code):
                message = body.get("msg") or body.get("message")
                return _list_refused(
                    code, answer.status_code, message if isinstance(message, str) else None
                )
            return _listing.status_verdict(answer)
        if not _a_number(parsed.code):
            return _listing.broken(answer, "the business code is not a number")
        if parsed.code != SUCCESS:
            message = parsed.msg if isinstance(parsed.msg, str) else None
            return _list_refused(parsed.code, answer.status_code, message)
        query = _listing.query_of(answer.request)
        status = _listing.query_int(query, "status", LIVE_STATUSES[0])
        page = _listing.query_int(query, "page", 1)
        size = _listing.query_int(query, "size", PAGE_SIZE)
        return _page_from_generated(parsed, answer, status, page, size)


def _page_request(status: int, page: int) -> Request:
    from akool_client.api.session_management import (
        get_api_open_v_4_live_avatar_session_list as listing,
    )
    from akool_client.models import GetApiOpenV4LiveAvatarSessionListStatus as Status

    return Request.from_generated(
        listing.build_request(page=page, size=PAGE_SIZE, status=Status(status))
    )


def _page_from_generated(
    parsed: SessionListResponse, answer: Answer, status: int, page: int, size: int
) -> Page | Verdict:
    """The page read from the generated envelope, and the request for the next one.

    ``status``, ``page`` and ``size`` are those of the request the page answered.
    """
    from akool_client.types import Unset

    if isinstance(parsed.data, Unset):
        return _listing.broken(answer, "code 1000 without data")
    results = parsed.data.result
    sessions = [
        LiveSession(
            Provider.AKOOL,
            item.field_id,
            _listing.epoch_ms(item.additional_properties.get("create_time")),
            _listing.frozen(item.to_dict()),
        )
        for item in results
        if item.status.value in LIVE_STATUSES
    ]
    if results and page * size < parsed.data.count:
        following: Request | None = _page_request(status, page + 1)
    elif status in LIVE_STATUSES[:-1]:
        following = _page_request(LIVE_STATUSES[LIVE_STATUSES.index(status) + 1], 1)
    else:
        following = None
    return Page(sessions, following, len(results))


def _list_refused(code: int, status: int, message: str | None) -> Verdict:
    """A business code other than success under a list: the close's meanings, never an outcome."""
    error, meaning = MEANINGS.get(code, (errors.VendorError, "listing failed"))
    return Verdict(
        error=error,
        message=meaning,
        retry=code == RATE_LIMITED,
        http_status=status,
        vendor_code=code,
        vendor_message=message,
    )


def _a_number(code: object) -> bool:
    return isinstance(code, int) and not isinstance(code, bool)


def _from_generated(parsed: ApiResponse, status: int, body: Any) -> Verdict:
    """The verdict read from the generated envelope."""
    # The generated model does not check its fields' types: a code that is not a number
    # proves nothing, and a message that is not text is not shown.
    if not isinstance(parsed.code, int) or isinstance(parsed.code, bool):
        return Verdict(
            error=errors.UnexpectedResponse,
            message="the business code is not a number",
            http_status=status,
        )
    message = parsed.msg if isinstance(parsed.msg, str) else None
    return _by_code(parsed.code, status, message, body)


def _by_code(code: int, status: int, message: str | None, body: Any) -> Verdict:
    context: dict[str, Any] = {
        "http_status": status,
        "vendor_code": code,
        "vendor_message": message,
        "body": body,
    }
    if code == SUCCESS:
        return Verdict(outcome=Outcome.ENDED, **context)
    if code in ALREADY_ENDED:
        return Verdict(outcome=Outcome.ALREADY_ENDED, **context)
    if code in NOT_FOUND:
        return Verdict(not_found=True, message="the session does not exist", **context)
    error, meaning = MEANINGS.get(code, (errors.VendorError, "close failed"))
    return Verdict(error=error, message=meaning, retry=code == RATE_LIMITED, **context)


def _documented(code: int) -> bool:
    return code in (SUCCESS, *ALREADY_ENDED, *NOT_FOUND, *MEANINGS)


ADAPTER = Akool
