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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from .. import errors
from .._models import EndReason, Outcome, Provider
from ._base import Adapter, Answer, Credential, RateLimit, Request, Verdict, by_status, text_of

__all__ = ["ADAPTER", "DigitalSamba"]

_METHODS = ("POST", "GET")


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


ADAPTER = DigitalSamba
