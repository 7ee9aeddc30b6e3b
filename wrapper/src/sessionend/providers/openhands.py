"""OpenHands (V0 API): ``POST /api/conversations/{conversation_id}/stop``.

Quirks reconciled here:

1. A conversation that is not STARTING or RUNNING, unknown ids included, gets 200
   ``{status: "ok", message: "Conversation was not running", conversation_status: "STOPPED"}``:
   that is ALREADY_ENDED. On a real stop ``conversation_status`` is the status *before*
   stopping (RUNNING or STARTING): ENDED.
2. ``status: "error"`` under a 2xx is a VendorError; a 5xx is retried and ends as a
   ServerError whatever its body says; a malformed id gets 400 (RequestRejected).
3. The credential travels in ``X-Session-API-Key``, which both cloud and self-hosted servers
   accept.
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

__all__ = ["OpenHands"]

_OPERATION = (
    "openhands_client.api.default.stop_conversation_api_conversations_conversation_id_stop_post"
)
_WAS_RUNNING = frozenset({"RUNNING", "STARTING"})


class OpenHands(Adapter):
    """Stops OpenHands conversations."""

    provider: ClassVar[Provider] = Provider.OPENHANDS
    default_base_url: ClassVar[str] = "https://app.all-hands.dev"
    settings_variables: ClassVar[Mapping[str, str]] = {
        "api_key": "OPENHANDS_API_KEY",
        "base_url": "OPENHANDS_BASE_URL",
    }
    api_key_header: ClassVar[str] = "X-Session-API-Key"
    client_package: ClassVar[str] = "openhands_client"
    base_url_variable: ClassVar[str] = "OPENHANDS_BASE_URL"

    @override
    def send(self, client: Any, session_id: str, reason: EndReason, timeout: float) -> Answer:
        stop = generated(_OPERATION)
        return call(lambda: stop.sync_detailed(session_id, client=client), timeout)

    @override
    async def send_async(
        self, client: Any, session_id: str, reason: EndReason, timeout: float
    ) -> Answer:
        stop = generated(_OPERATION)
        return await call_async(lambda: stop.asyncio_detailed(session_id, client=client), timeout)

    @override
    def interpret(self, answer: Answer) -> Verdict:
        if not 200 <= answer.status < 300:
            return by_status(answer)
        body = json_body(answer)
        if not isinstance(body, dict):
            return Verdict(
                error=errors.UnexpectedResponse,
                message="the body is not a JSON object",
                http_status=answer.status,
            )
        status = body.get("status")
        message = body.get("message")
        context: dict[str, Any] = {
            "http_status": answer.status,
            "vendor_code": status if isinstance(status, str) else None,
            "vendor_message": message if isinstance(message, str) else None,
            "response": answer.parsed,
        }
        if status == "error":
            return Verdict(error=errors.VendorError, message="stop failed", **context)
        if status != "ok":
            return Verdict(
                error=errors.UnexpectedResponse, message=f"unknown status {status!r}", **context
            )
        before = body.get("conversation_status")
        not_running = isinstance(message, str) and "not running" in message.lower()
        if before in _WAS_RUNNING or (before is None and not not_running):
            return Verdict(outcome=Outcome.ENDED, **context)
        return Verdict(outcome=Outcome.ALREADY_ENDED, **context)
