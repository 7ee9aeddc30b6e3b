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

from typing import TYPE_CHECKING, Any, ClassVar

from .. import errors
from .._models import EndReason, Outcome, Provider
from ._base import Adapter, Answer, Credential, Request, Verdict, by_status, json_body

if TYPE_CHECKING:
    from openhands_client.models import ConversationResponse

__all__ = ["ADAPTER", "OpenHands"]

WAS_RUNNING = frozenset({"RUNNING", "STARTING"})


class OpenHands(Adapter):
    """Stops OpenHands conversations."""

    provider: ClassVar[Provider] = Provider.OPENHANDS
    title: ClassVar[str] = "OpenHands"
    default_base_url: ClassVar[str] = "https://app.all-hands.dev"
    base_url_variable: ClassVar[str] = "OPENHANDS_BASE_URL"
    credentials: ClassVar[tuple[Credential, ...]] = (Credential("api_key", "OPENHANDS_API_KEY"),)
    auth_header: ClassVar[str] = "X-Session-API-Key"
    generated_package: ClassVar[str] = "openhands_client"
    example_session_id: ClassVar[str] = "3b9f2c51a7d04e6f8c1a2b3c4d5e6f70"

    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """The stop of one conversation; it takes no body."""
        from openhands_client.api.default import (
            stop_conversation_api_conversations_conversation_id_stop_post as stop,
        )

        return Request.from_generated(stop.build_request(session_id))

    def interpret(self, answer: Answer) -> Verdict:
        """``status`` and ``conversation_status`` on a 2xx; the status rules otherwise."""
        from openhands_client.api.default import (
            stop_conversation_api_conversations_conversation_id_stop_post as stop,
        )
        from openhands_client.models import ConversationResponse

        if not 200 <= answer.status_code < 300:
            return by_status(answer)
        parsed = stop.parse_response(answer)
        if not isinstance(parsed, ConversationResponse):
            return Verdict(
                error=errors.UnexpectedResponse,
                message="the body does not fit the spec's ConversationResponse",
                http_status=answer.status_code,
            )
        return _from_generated(parsed, answer.status_code, json_body(answer))


def _from_generated(parsed: ConversationResponse, status: int, body: Any) -> Verdict:
    """The verdict read from the generated ConversationResponse."""
    from openhands_client.models import ConversationStatus

    message = parsed.message if isinstance(parsed.message, str) else None
    context: dict[str, Any] = {
        "http_status": status,
        "vendor_code": parsed.status,
        "vendor_message": message,
        "body": body,
    }
    if parsed.status == "error":
        return Verdict(error=errors.VendorError, message="stop failed", **context)
    if parsed.status != "ok":
        return Verdict(
            error=errors.UnexpectedResponse, message=f"unknown status {parsed.status!r}", **context
        )
    before = parsed.conversation_status
    before_name = before.value if isinstance(before, ConversationStatus) else None
    not_running = message is not None and "not running" in message.lower()
    if before_name in WAS_RUNNING or (before_name is None and not not_running):
        return Verdict(outcome=Outcome.ENDED, **context)
    return Verdict(outcome=Outcome.ALREADY_ENDED, **context)


ADAPTER = OpenHands
