"""OpenHands: V1 (OpenHands Cloud and current servers) by default, V0 for older servers.

The API is an option: ``OPENHANDS_API`` (or ``ProviderSettings(api=...)``) is ``v1``, the
default, or ``v0`` for a self-hosted server older than the removal of the V0 conversation
endpoints (OpenHands Cloud no longer serves them).

V1 has no "stop conversation" for an ordinary user; what V0's stop did (the runtime stops,
the conversation is kept) is pausing the conversation's sandbox. An end is two requests, one
end (one ``EndResult``; ``attempts`` counts both, ``http_status`` is the last answer's):

1. ``GET /api/v1/app-conversations?ids=<id>``: a list holding the conversation, or null for
   an id the server does not know (not found: ``SessionNotFound``, or NOT_FOUND with
   ``missing_ok``). The conversation names its ``sandbox_id`` and ``sandbox_status``:

   - RUNNING or STARTING: the sandbox is paused (step 2); ENDED.
   - PAUSED or MISSING: nothing runs; ALREADY_ENDED.
   - ERROR: paused too (step 2). The spec documents ERROR only as a state in which the
     sandbox "may not return urls" and whose ``status_detail`` names the runtime's last
     pod or scheduling failure ("surfaced when a sandbox is stuck or errored"); it never
     says an errored sandbox has stopped or been released, and a stuck pod may still hold
     what it was given. Pausing is the documented way to stop a sandbox and is undone by a
     resume, so it is asked for: ENDED when the server pauses it, ALREADY_ENDED when the
     sandbox is gone by then (404), the error the server gives otherwise.

2. ``POST /api/v1/sandboxes/{sandbox_id}/pause``: ``{success: true}`` is ENDED; a 404 (the
   sandbox went away after the lookup) is ALREADY_ENDED. **Pausing a sandbox pauses every
   conversation running in it**, not only the one named.

   A step that fails and is retried starts the end again from the lookup, so a retry after
   a pause whose answer was lost finds the sandbox PAUSED (ALREADY_ENDED).

V1 quirks reconciled here:

- Ids are UUIDs, hyphenated or as 32 hex digits, in either case: the two forms the spec says
  the server converts; anything else, which the server answers with 400, is refused before
  any request. (Python's UUID parser also reads braces, ``urn:uuid:`` and stray signs or
  underscores, some of them as another UUID: those are refused too.)
- The spec names one scheme, header ``X-Access-Token``, for every operation: FastAPI gives
  every API-key header scheme the same name, so the last one registered stands for all. The
  cloud's examples send ``Authorization: Bearer <key>``, which is what is sent (the vendored
  spec records the correction).
- A 404 to the lookup means the server has no V1 API at all (an older self-hosted server):
  a ``RequestRejected`` saying to set ``OPENHANDS_API=v0``, never "not found".
- The lookup's sandbox id is the server's: one that could not travel as one path segment is
  an ``UnexpectedResponse``, never sent.

Listing live conversations (V1 only; an ender set to V0 refuses to list, and a sweep of
every provider leaves it out): ``GET /api/v1/app-conversations/search``, 100 to a page (the
most ``limit`` takes), the next page asked for with the answer's ``next_page_id`` as
``page_id`` until there is none. A conversation is live while its ``sandbox_status`` is
RUNNING or STARTING; PAUSED and MISSING are over, and ERROR is not listed as live either (the
spec never says an errored sandbox runs, and a sweep ends only what runs: an errored one is
ended by naming it). ``created_at`` is the start; one without a zone is UTC.

V0 (``POST /api/conversations/{conversation_id}/stop``, header ``X-Session-API-Key``):

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

import re
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
    Option,
    Page,
    Request,
    Verdict,
    by_status,
    json_body,
)

if TYPE_CHECKING:
    from openhands_client.models import ConversationResponse
    from openhands_v1_client.models import AppConversation, AppConversationPage

__all__ = ["ADAPTER", "API", "OpenHands"]

WAS_RUNNING = frozenset({"RUNNING", "STARTING"})

API = Option(
    "api",
    "OPENHANDS_API",
    "v1",
    ("v1", "v0"),
    "v1 (OpenHands Cloud, current servers) or v0 (older self-hosted servers)",
)
"""Which API the server speaks."""

PAUSE = frozenset({"RUNNING", "STARTING", "ERROR"})
"""Sandbox statuses an end pauses (ERROR: see the module docstring)."""
NOT_RUNNING = frozenset({"PAUSED", "MISSING"})
"""Sandbox statuses that are already over."""
LIVE = frozenset({"RUNNING", "STARTING"})
"""Sandbox statuses a list reports as live (not ERROR: see the module docstring)."""
PAGE_SIZE = 100
"""Conversations asked for per page: the most ``limit`` takes."""

_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[0-9a-fA-F]{32}"
)
_SEGMENT = re.compile(r"[\x21-\x7e]{1,256}")
"""A sandbox id the server may name: printable ASCII without spaces, as one path segment."""


class OpenHands(Adapter):
    """Ends OpenHands conversations: pauses their sandbox (V1) or stops them (V0)."""

    provider: ClassVar[Provider] = Provider.OPENHANDS
    title: ClassVar[str] = "OpenHands"
    default_base_url: ClassVar[str] = "https://app.all-hands.dev"
    base_url_variable: ClassVar[str] = "OPENHANDS_BASE_URL"
    credentials: ClassVar[tuple[Credential, ...]] = (Credential("api_key", "OPENHANDS_API_KEY"),)
    auth_header: ClassVar[str] = "X-Session-API-Key"
    """V0's header; V1 sends the key as ``Authorization: Bearer``."""
    generated_package: ClassVar[str] = "openhands_v1_client"
    """The default API's client; V0's is ``openhands_client`` (see ``specs``)."""
    specs: ClassVar[tuple[str, ...]] = ("openhands", "openhands_v1")
    """V0's vendored spec and V1's."""
    example_session_id: ClassVar[str] = "3b9f2c51a7d04e6f8c1a2b3c4d5e6f70"
    """32 hex digits: a V0 conversation id, and a V1 UUID in the form without dashes."""
    options: ClassVar[tuple[Option, ...]] = (API,)

    def __init__(self, settings: Mapping[str, str | None] | None = None) -> None:
        super().__init__(settings)
        self.v1 = self.chosen[API.name] == "v1"

    def auth_headers(self, values: Mapping[str, str | None]) -> dict[str, str]:
        """``X-Session-API-Key`` for V0, ``Authorization: Bearer`` for V1."""
        headers = super().auth_headers(values)
        if self.v1 and headers:
            return {"Authorization": f"Bearer {headers[self.auth_header]}"}
        return headers

    def check_session_id(self, session_id: str) -> None:
        """V1: a UUID, hyphenated or as 32 hex digits; V0 takes what the shared rules take."""
        if self.v1 and not _UUID.fullmatch(session_id):
            raise errors.InvalidSessionId(
                "OpenHands V1 conversation ids are UUIDs (8-4-4-4-12 or 32 hex digits)",
                provider=self.provider.value,
                session_id=session_id,
            )

    lists_sessions: ClassVar[bool] = True
    """With the default API, V1; ``lists`` is False for V0."""

    def lists(self) -> bool:
        """Only V1 lists live conversations."""
        return self.v1

    def list_request(self) -> Request:
        """The first page of the conversations (V1).

        Raises:
            NotImplementedError: With V0, which has no list of live conversations.
        """
        if not self.v1:
            return super().list_request()
        return _page_request(None)

    def read_page(self, answer: Answer) -> Page | Verdict:
        """One page of running conversations; the status rules otherwise."""
        from openhands_v1_client.api.conversations import (
            search_app_conversations_api_v1_app_conversations_search_get as search,
        )
        from openhands_v1_client.models import AppConversationPage

        verdict = _listing.unreadable(answer)
        if verdict is not None:
            return verdict
        if not 200 <= answer.status_code < 300:
            return _listing.status_verdict(answer)
        parsed = search.parse_response(answer)
        if not isinstance(parsed, AppConversationPage):
            return _listing.broken(answer, "the body does not fit the spec's AppConversationPage")
        return _page_from_generated(parsed, answer)

    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """V1: the lookup of the conversation's sandbox; V0: the stop, which takes no body."""
        if self.v1:
            from openhands_v1_client.api.conversations import (
                batch_get_app_conversations_api_v1_app_conversations_get as lookup,
            )

            return Request.from_generated(lookup.build_request(ids=[session_id]))
        from openhands_client.api.default import (
            stop_conversation_api_conversations_conversation_id_stop_post as stop,
        )

        return Request.from_generated(stop.build_request(session_id))

    def interpret(self, answer: Answer) -> Verdict:
        """The answer of the step it belongs to (``answer.request``)."""
        if not self.v1:
            return _stopped(answer)
        if answer.request is not None and answer.request.method == "POST":
            return _paused(answer)
        return _looked_up(answer)


def _page_request(page_id: str | None) -> Request:
    from openhands_v1_client.api.conversations import (
        search_app_conversations_api_v1_app_conversations_search_get as search,
    )

    return Request.from_generated(search.build_request(page_id=page_id, limit=PAGE_SIZE))


def _page_from_generated(parsed: AppConversationPage, answer: Answer) -> Page | Verdict:
    """The page read from the generated answer: its running conversations and the cursor."""
    from openhands_v1_client.models import SandboxStatus
    from openhands_v1_client.types import Unset

    sessions = []
    for item in parsed.items:
        if not isinstance(item.id, str) or not item.id:
            return _listing.broken(answer, "a listed conversation has no id")
        sandbox = item.sandbox_status
        if not isinstance(sandbox, SandboxStatus) or sandbox.value not in LIVE:
            continue
        created = None if isinstance(item.created_at, Unset) else _listing.utc(item.created_at)
        sessions.append(
            LiveSession(Provider.OPENHANDS, item.id, created, _listing.frozen(item.to_dict()))
        )
    cursor = parsed.next_page_id
    # An empty page ends the walk even if a cursor came with it, so it always ends.
    if not isinstance(cursor, str) or not cursor or not parsed.items:
        return Page(sessions, None, len(parsed.items))
    return Page(sessions, _page_request(cursor), len(parsed.items))


def _looked_up(answer: Answer) -> Verdict:
    """The lookup's answer: not found, already over, or the pause to send next."""
    from openhands_v1_client.api.conversations import (
        batch_get_app_conversations_api_v1_app_conversations_get as lookup,
    )
    from openhands_v1_client.models import AppConversation

    status = answer.status_code
    if status == 404:
        return Verdict(
            error=errors.RequestRejected,
            message=(
                "the server has no V1 API (GET /api/v1/app-conversations answered 404); "
                "for an older self-hosted server set OPENHANDS_API=v0"
            ),
            http_status=status,
        )
    if not 200 <= status < 300:
        return by_status(answer)
    parsed = lookup.parse_response(answer)
    body = json_body(answer)
    if not isinstance(parsed, list) or len(parsed) != 1:
        return Verdict(
            error=errors.UnexpectedResponse,
            message="the lookup's answer is not a list of one conversation",
            http_status=status,
        )
    found = parsed[0]
    if found is None:
        return Verdict(
            not_found=True,
            message="the vendor does not know the conversation",
            http_status=status,
            body=body,
        )
    if not isinstance(found, AppConversation):
        return Verdict(
            error=errors.UnexpectedResponse,
            message="the conversation does not fit the spec's AppConversation",
            http_status=status,
        )
    return _from_generated(found, status, body)


def _from_generated(found: AppConversation, status: int, body: Any) -> Verdict:
    """The verdict read from the generated AppConversation."""
    from openhands_v1_client.api.sandbox import (
        pause_sandbox_api_v1_sandboxes_sandbox_id_pause_post as pause,
    )
    from openhands_v1_client.models import SandboxStatus

    sandbox = found.sandbox_status
    name = sandbox.value if isinstance(sandbox, SandboxStatus) else None
    context: dict[str, Any] = {"http_status": status, "vendor_code": name, "body": body}
    if name in NOT_RUNNING:
        return Verdict(outcome=Outcome.ALREADY_ENDED, **context)
    if name not in PAUSE:
        return Verdict(
            error=errors.UnexpectedResponse, message=f"unknown sandbox status {name!r}", **context
        )
    sandbox_id = found.sandbox_id
    # The id comes from the server: "." or ".." would be resolved away as a path segment,
    # and nothing unprintable may reach a request line.
    usable = isinstance(sandbox_id, str) and _SEGMENT.fullmatch(sandbox_id) is not None
    if not usable or sandbox_id in (".", ".."):
        return Verdict(
            error=errors.UnexpectedResponse, message="the lookup named no usable sandbox", **context
        )
    return Verdict(
        follow=Request.from_generated(pause.build_request(sandbox_id)),
        message=f"sandbox {name}: pausing it",
        **context,
    )


def _paused(answer: Answer) -> Verdict:
    """The pause's answer: ENDED, or ALREADY_ENDED when the sandbox went away meanwhile."""
    from openhands_v1_client.api.sandbox import (
        pause_sandbox_api_v1_sandboxes_sandbox_id_pause_post as pause,
    )
    from openhands_v1_client.models import Success

    status = answer.status_code
    if status == 404:
        # The lookup found the sandbox a moment ago: it is gone, so nothing runs.
        return Verdict(outcome=Outcome.ALREADY_ENDED, http_status=status, body=json_body(answer))
    if not 200 <= status < 300:
        return by_status(answer)
    parsed = pause.parse_response(answer)
    if not isinstance(parsed, Success) or not isinstance(parsed.success, bool):
        return Verdict(
            error=errors.UnexpectedResponse,
            message="the body does not fit the spec's Success",
            http_status=status,
        )
    context: dict[str, Any] = {"http_status": status, "body": json_body(answer)}
    if not parsed.success:
        return Verdict(error=errors.VendorError, message="pause failed", **context)
    return Verdict(outcome=Outcome.ENDED, **context)


def _stopped(answer: Answer) -> Verdict:
    """V0: ``status`` and ``conversation_status`` on a 2xx; the status rules otherwise."""
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
    return _from_v0(parsed, answer.status_code, json_body(answer))


def _from_v0(parsed: ConversationResponse, status: int, body: Any) -> Verdict:
    """The verdict read from V0's generated ConversationResponse."""
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
