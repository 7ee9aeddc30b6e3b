"""ElizaOS: ``DELETE /api/messaging/sessions/{sessionId}`` on a self-hosted server.

Quirks reconciled here:

1. The spec promises ``{message}``; the server answers ``{success: true, message: ...}``.
   Extra fields are kept, and ``success: false`` under a 2xx is a VendorError.
2. Unknown or already deleted sessions get 404 (sessions live in memory, so after a restart
   every id does): not found.
3. The credential (``X-API-KEY``) is optional: a server without ELIZA_SERVER_AUTH_TOKEN
   checks nothing. Older servers answer 401 as plain text, which is still an
   AuthenticationError.
4. Rate limits come with ``RateLimit-Reset`` and no ``Retry-After``; the retry loop reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import errors
from .._models import EndReason, Outcome, Provider
from .._transport import Answer, call, call_async
from ._base import Adapter, Auth, Verdict, by_status, generated, json_body

if not TYPE_CHECKING:
    # typing_extensions takes 20 ms to import, for a decorator that only type checkers read.
    from ._base import override
else:
    from typing_extensions import override

__all__ = ["ElizaOS"]

_OPERATION = "elizaos_client.api.default.end_session"


class ElizaOS(Adapter):
    """Ends ElizaOS messaging sessions."""

    provider: ClassVar[Provider] = Provider.ELIZAOS
    default_base_url: ClassVar[str] = "http://localhost:3000"
    settings_variables: ClassVar[Mapping[str, str]] = {
        "api_key": "ELIZAOS_API_KEY",
        "base_url": "ELIZAOS_BASE_URL",
    }
    client_package: ClassVar[str] = "elizaos_client"
    credentials_optional: ClassVar[bool] = True
    base_url_variable: ClassVar[str] = "ELIZAOS_BASE_URL"

    @override
    def auth(self, values: Mapping[str, str | None]) -> Auth | None:
        key = values.get("api_key")
        return Auth("X-API-KEY", key) if key else None

    @override
    def send(self, client: Any, session_id: str, reason: EndReason, timeout: float) -> Answer:
        end_session = generated(_OPERATION)
        return call(lambda: end_session.sync_detailed(session_id, client=client), timeout)

    @override
    async def send_async(
        self, client: Any, session_id: str, reason: EndReason, timeout: float
    ) -> Answer:
        end_session = generated(_OPERATION)
        return await call_async(
            lambda: end_session.asyncio_detailed(session_id, client=client), timeout
        )

    @override
    def interpret(self, answer: Answer) -> Verdict:
        body = json_body(answer)
        error = body.get("error") if isinstance(body, dict) else None
        code = error.get("code") if isinstance(error, dict) else None
        message = body.get("message") if isinstance(body, dict) else None
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            message = error["message"]
        context: dict[str, Any] = {
            "http_status": answer.status,
            "vendor_code": code if isinstance(code, str) else None,
            "vendor_message": message if isinstance(message, str) else None,
        }
        if not 200 <= answer.status < 300:
            return by_status(answer, **context)
        if not isinstance(body, dict):
            return Verdict(
                error=errors.UnexpectedResponse, message="the body is not a JSON object", **context
            )
        if body.get("success") is False:
            return Verdict(error=errors.VendorError, message="end failed", **context)
        return Verdict(outcome=Outcome.ENDED, response=answer.parsed, **context)
