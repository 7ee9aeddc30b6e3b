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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import errors
from .._models import EndReason, Outcome, Provider
from .._transport import Answer, call, call_async
from ._base import Adapter, Verdict, by_status, generated, json_body

if not TYPE_CHECKING:
    # typing_extensions takes 20 ms to import, for a decorator that only type checkers read.
    from ._base import override
else:
    from typing_extensions import override

__all__ = ["Akool"]

SUCCESS = 1000
RATE_LIMITED = 1005
_MEANINGS: Mapping[int, tuple[type[errors.SessionEndError], str]] = {
    1003: (errors.RequestRejected, "parameter error"),
    1010: (errors.VendorError, "cannot be operated"),
    1104: (errors.VendorError, "insufficient credit"),
    1009: (errors.AuthenticationError, "permission denied"),
    1101: (errors.AuthenticationError, "illegal token"),
    1102: (errors.AuthenticationError, "token empty"),
    1200: (errors.AuthenticationError, "account blocked"),
    RATE_LIMITED: (errors.RateLimited, "frequent operation"),
}
_OPERATION = "akool_client.api.session_management.post_api_open_v_4_live_avatar_session_close"
_ALREADY_ENDED = frozenset({1011})
_NOT_FOUND = frozenset({1008, 1014})


class Akool(Adapter):
    """Ends Akool streaming-avatar sessions."""

    provider: ClassVar[Provider] = Provider.AKOOL
    default_base_url: ClassVar[str] = "https://openapi.akool.com"
    settings_variables: ClassVar[Mapping[str, str]] = {
        "api_key": "AKOOL_API_KEY",
        "base_url": "AKOOL_BASE_URL",
    }
    api_key_header: ClassVar[str] = "x-api-key"
    client_package: ClassVar[str] = "akool_client"
    base_url_variable: ClassVar[str] = "AKOOL_BASE_URL"

    @override
    def send(self, client: Any, session_id: str, reason: EndReason, timeout: float) -> Answer:
        body = generated("akool_client.models").CloseSessionBody(id=session_id)
        close = generated(_OPERATION)
        return call(lambda: close.sync_detailed(client=client, body=body), timeout)

    @override
    async def send_async(
        self, client: Any, session_id: str, reason: EndReason, timeout: float
    ) -> Answer:
        body = generated("akool_client.models").CloseSessionBody(id=session_id)
        close = generated(_OPERATION)
        return await call_async(lambda: close.asyncio_detailed(client=client, body=body), timeout)

    @override
    def interpret(self, answer: Answer) -> Verdict:
        body = json_body(answer)
        code = body.get("code") if isinstance(body, dict) else None
        if not isinstance(code, int) or isinstance(code, bool):
            verdict = by_status(answer)
            if verdict.outcome is not None:  # a 2xx without a business code proves nothing
                return Verdict(
                    error=errors.UnexpectedResponse,
                    message="no business code in the answer",
                    http_status=answer.status,
                )
            return verdict
        if not 200 <= answer.status < 300 and not _documented(code):
            # A gateway or server failure that happens to carry a number: the status decides,
            # so a 503 is retried rather than read as a business error.
            return by_status(answer)
        message = body.get("msg") or body.get("message")
        context: dict[str, Any] = {
            "http_status": answer.status,
            "vendor_code": code,
            "vendor_message": message if isinstance(message, str) else None,
            "response": answer.parsed,
        }
        if code == SUCCESS:
            return Verdict(outcome=Outcome.ENDED, **context)
        if code in _ALREADY_ENDED:
            return Verdict(outcome=Outcome.ALREADY_ENDED, **context)
        if code in _NOT_FOUND:
            return Verdict(not_found=True, message="the session does not exist", **context)
        error, meaning = _MEANINGS.get(code, (errors.VendorError, "close failed"))
        return Verdict(error=error, message=meaning, retry=code == RATE_LIMITED, **context)


def _documented(code: int) -> bool:
    return code in (SUCCESS, *_ALREADY_ENDED, *_NOT_FOUND, *_MEANINGS)
