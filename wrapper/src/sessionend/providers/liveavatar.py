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
"""

from __future__ import annotations

import uuid
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

__all__ = ["LiveAvatar"]

_OPERATION = "liveavatar_client.api.sessions.stop_session_v1_sessions_stop_post"
_SUCCESS_CODES = (100, 1000)


class LiveAvatar(Adapter):
    """Ends LiveAvatar sessions."""

    provider: ClassVar[Provider] = Provider.LIVEAVATAR
    default_base_url: ClassVar[str] = "https://api.liveavatar.com"
    settings_variables: ClassVar[Mapping[str, str]] = {
        "api_key": "LIVEAVATAR_API_KEY",
        "base_url": "LIVEAVATAR_BASE_URL",
    }
    api_key_header: ClassVar[str] = "X-API-KEY"
    client_package: ClassVar[str] = "liveavatar_client"
    base_url_variable: ClassVar[str] = "LIVEAVATAR_BASE_URL"

    @override
    def check_session_id(self, session_id: str) -> None:
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

    def _body(self, session_id: str, reason: EndReason) -> Any:
        models = generated("liveavatar_client.models")
        return models.StopSessionSchema(
            session_id=uuid.UUID(session_id), reason=models.SessionEndReasonEnum(reason.value)
        )

    @override
    def send(self, client: Any, session_id: str, reason: EndReason, timeout: float) -> Answer:
        body = self._body(session_id, reason)
        stop = generated(_OPERATION)
        return call(lambda: stop.sync_detailed(client=client, body=body), timeout)

    @override
    async def send_async(
        self, client: Any, session_id: str, reason: EndReason, timeout: float
    ) -> Answer:
        body = self._body(session_id, reason)
        stop = generated(_OPERATION)
        return await call_async(lambda: stop.asyncio_detailed(client=client, body=body), timeout)

    @override
    def interpret(self, answer: Answer) -> Verdict:
        parsed = answer.parsed
        # An answer exists only after a send, which imported the generated client.
        models = generated("liveavatar_client.models")
        unset = generated("liveavatar_client.types").Unset
        if 200 <= answer.status < 300 and isinstance(parsed, models.StopSessionResponse):
            code = parsed.code if not isinstance(parsed.code, unset) else None
            message = parsed.message if isinstance(parsed.message, str) else None
            context: dict[str, Any] = {
                "http_status": answer.status,
                "vendor_code": code,
                "vendor_message": message,
            }
            if code in _SUCCESS_CODES:
                return Verdict(outcome=Outcome.ENDED, response=parsed, **context)
            return Verdict(error=errors.VendorError, message="stop failed", **context)
        if answer.status == 422:
            return Verdict(
                error=errors.RequestRejected,
                message="validation failed",
                http_status=422,
                vendor_message=_validation_detail(json_body(answer)),
            )
        return by_status(answer)


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
