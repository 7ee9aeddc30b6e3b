"""What every provider adapter provides, and the status rules they share.

An adapter turns ``end(session_id)`` into one call of its vendor's generated client and turns
the answer into a :class:`Verdict`. The retry loop, timeouts and errors live elsewhere; an
adapter only knows its vendor.
"""

from __future__ import annotations

import abc
import dataclasses
import functools
import importlib
import json
import sys
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar

from .. import errors
from .._defaults import MAX_BODY
from .._models import EndReason, Outcome, Provider
from .._transport import Answer

__all__ = [
    "Adapter",
    "Auth",
    "Verdict",
    "by_status",
    "generated",
    "json_body",
    "override",
    "text_of",
]

if sys.version_info >= (3, 12):
    from typing import override
elif TYPE_CHECKING:
    from typing_extensions import override
else:

    def override(method: Any) -> Any:
        """typing.override before Python 3.12; typing_extensions costs 20 ms to import."""
        method.__override__ = True
        return method


@functools.cache
def generated(module: str) -> ModuleType:
    """A module of a generated client, imported on first use.

    The five generated clients together take about as long to import as httpx itself, and a
    program usually ends sessions at one or two vendors.
    """
    return importlib.import_module(module)


@dataclasses.dataclass(frozen=True, slots=True)
class Auth:
    """How a provider's credential is sent: ``header: prefix token``."""

    header: str
    token: str = dataclasses.field(repr=False)
    prefix: str = ""


# Not frozen: one is built for every end, and a frozen dataclass takes twice as long.
@dataclasses.dataclass(slots=True, kw_only=True)
class Verdict:
    """What one answer (or failure to get one) means.

    Exactly one of ``outcome``, ``not_found``, ``error`` or ``again`` says what
    happened; ``retry`` says whether another attempt may change it.
    """

    outcome: Outcome | None = None
    not_found: bool = False
    error: type[errors.SessionEndError] | None = None
    message: str = ""
    retry: bool = False
    retry_after: float | None = None
    outcome_unknown: bool = False
    """The request may have reached the vendor though no answer came back."""
    again: bool = False
    """The adapter changed how it sends (a fallback): try again now, not counted as a retry."""
    http_status: int | None = None
    vendor_code: int | str | None = None
    vendor_message: str | None = None
    response: Any = dataclasses.field(default=None, repr=False)


class Adapter(abc.ABC):
    """One vendor's end-session call and the meaning of its answers."""

    provider: ClassVar[Provider]
    default_base_url: ClassVar[str]
    settings_variables: ClassVar[Mapping[str, str]]
    """ProviderSettings field name to environment variable."""
    base_url_variable: ClassVar[str]
    api_key_header: ClassVar[str] = ""
    """The header carrying ``api_key``, for vendors authenticated by one key."""
    credentials_optional: ClassVar[bool] = False
    """Whether the vendor may be used without a credential (a server with auth turned off)."""
    client_package: ClassVar[str]
    """The generated client's package: its ``AuthenticatedClient``, or ``Client`` without a
    credential (for vendors whose credential is optional)."""

    def auth(self, values: Mapping[str, str | None]) -> Auth | None:
        """Build the credential header from resolved settings (by default, a required key).

        Raises:
            errors.ConfigurationError: When a required credential is missing.
        """
        key = values.get("api_key")
        if not key:
            raise self.missing(self.settings_variables["api_key"])
        return Auth(self.api_key_header, key)

    def check_session_id(self, session_id: str) -> None:
        """Reject ids this vendor can never accept (the shared rules are applied already)."""
        del session_id

    def client(self, base_url: str, auth: Auth | None, **options: Any) -> Any:
        """Build the vendor's generated client; ``options`` are its constructor keywords."""
        package = generated(self.client_package)
        if auth is None:
            return package.Client(base_url=base_url, **options)
        return package.AuthenticatedClient(
            base_url=base_url,
            token=auth.token,
            prefix=auth.prefix,
            auth_header_name=auth.header,
            **options,
        )

    @abc.abstractmethod
    def send(self, client: Any, session_id: str, reason: EndReason, timeout: float) -> Answer:
        """Send the end through the generated client's sync API."""

    @abc.abstractmethod
    async def send_async(
        self, client: Any, session_id: str, reason: EndReason, timeout: float
    ) -> Answer:
        """Send the end through the generated client's asyncio API."""

    @abc.abstractmethod
    def interpret(self, answer: Answer) -> Verdict:
        """Say what the vendor's answer means."""

    def judge(self, answer: Answer) -> Verdict:
        """What the answer means; a body too long to read is never interpreted."""
        if answer.oversized:
            return Verdict(
                error=errors.UnexpectedResponse,
                message=f"the body is longer than {MAX_BODY} bytes and was not read",
                http_status=answer.status,
            )
        return self.interpret(answer)

    def missing(self, variable: str) -> errors.ConfigurationError:
        """The error for a credential that is not set."""
        return errors.ConfigurationError(
            f"missing credential: set {variable} or pass it in ProviderSettings",
            provider=self.provider.value,
        )


def json_body(answer: Answer) -> Any:
    """The answer's body as JSON, or None when it is not JSON."""
    try:
        return json.loads(answer.content)
    except (ValueError, UnicodeDecodeError):
        return None


def text_of(answer: Answer, limit: int = 300) -> str | None:
    """A short, printable excerpt of the body, for messages."""
    text = answer.content[:limit].decode("utf-8", "replace").strip()
    return text or None


def by_status(answer: Answer, **context: Any) -> Verdict:
    """The rules every vendor shares, for answers its adapter has no special meaning for."""
    status = answer.status
    context.setdefault("http_status", status)
    if 200 <= status < 300:
        if answer.parse_failed:
            return Verdict(
                error=errors.UnexpectedResponse, message="the body could not be parsed", **context
            )
        return Verdict(outcome=Outcome.ENDED, **context)
    if 300 <= status < 400:
        return Verdict(
            error=errors.UnexpectedResponse,
            message="the vendor answered with a redirect, which is never followed",
            **context,
        )
    if status in (401, 403):
        return Verdict(error=errors.AuthenticationError, message="credentials refused", **context)
    if status == 404:
        return Verdict(not_found=True, message="the vendor does not know the session", **context)
    if status == 408:
        return Verdict(
            error=errors.EndTimeout, message="the vendor timed out", retry=True, **context
        )
    if status == 429:
        return Verdict(error=errors.RateLimited, message="rate limited", retry=True, **context)
    if 400 <= status < 500:
        return Verdict(error=errors.RequestRejected, message="request rejected", **context)
    if status >= 500:
        return Verdict(
            error=errors.ServerError, message="vendor server error", retry=True, **context
        )
    return Verdict(
        error=errors.UnexpectedResponse, message=f"unexpected status {status}", **context
    )
