"""What every provider adapter declares and provides, and the status rules they share.

An adapter is the one place a vendor is described: its name, credentials and how they
travel, environment variables, default base URL, id rules, rate-limit signals and generated
package (class attributes, read by everything else through the registry), the options it
takes besides credentials (``Option``: which API version a server speaks, say), and the two
things only it knows: the request that ends a session, built by its generated client's
``build_request``, and what an answer means, parsed by its generated ``parse_response``.

Adapters do no I/O: the sync and async enders send what ``request`` describes and hand the
answer to ``judge``. The retry loop, timeouts and errors live elsewhere.
"""

from __future__ import annotations

import abc
import base64
import dataclasses
import datetime
import json
import types
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import httpx

from .. import errors
from .._defaults import MAX_BODY
from .._models import Body, EndReason, Outcome, Provider

__all__ = [
    "Adapter",
    "Answer",
    "Credential",
    "LiveSession",
    "Option",
    "Page",
    "RateLimit",
    "Request",
    "Verdict",
    "by_status",
    "json_body",
    "text_of",
    "unreadable",
]


@dataclasses.dataclass(frozen=True, slots=True)
class Credential:
    """One credential a provider takes.

    Attributes:
        name: Its ``ProviderSettings`` keyword (``api_key``, ``team_id``, ...).
        variable: The environment variable it is read from.
        secret: Whether it must never be shown (a team id is not secret; a key is).
    """

    name: str
    variable: str
    secret: bool = True


@dataclasses.dataclass(frozen=True, slots=True)
class Option:
    """One setting a provider takes besides its credentials; never secret.

    Attributes:
        name: Its ``ProviderSettings`` keyword (``api``, ...).
        variable: The environment variable it is read from.
        default: The value when neither the keyword nor the variable is given.
        choices: Every value it may take; anything else is refused when an ender is built.
        description: What it chooses, for ``sessionend providers``.
    """

    name: str
    variable: str
    default: str
    choices: tuple[str, ...]
    description: str = ""

    def check(self, value: str | None) -> str:
        """``value``, or the default when it is None or empty.

        Raises:
            ValueError: When ``value`` is not one of the choices (the message names them).
        """
        if not value:
            return self.default
        if value not in self.choices:
            valid = ", ".join(self.choices)
            raise ValueError(f"{self.name} ({self.variable}) must be one of {valid}, got {value!r}")
        return value


@dataclasses.dataclass(frozen=True, slots=True)
class RateLimit:
    """How a vendor says it is throttling.

    Attributes:
        wait_headers: Headers, lower-case, that give seconds to wait before asking again,
            in the order they are read (``retry-after`` may also be an HTTP date).
        documented_rate: Requests per second the vendor documents, or None.
    """

    wait_headers: tuple[str, ...] = ("retry-after-ms", "retry-after")
    documented_rate: float | None = None


# Not frozen: one is built for every attempt, and a frozen dataclass takes twice as long.
@dataclasses.dataclass(slots=True)
class Request:
    """One request as an adapter describes it: the enders only send it.

    ``path`` starts at ``/`` and is already percent-encoded, as the generated clients encode
    it, query included; it is appended to the base URL as text, never re-encoded.
    """

    method: str
    path: str
    body: bytes | None = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def from_generated(cls, keywords: Mapping[str, Any]) -> Request:
        """The request a generated ``build_request`` describes (``httpx.Client.request`` keywords).

        Query parameters (``params``) are encoded into the path here, once, exactly as httpx
        encodes ``params=`` for the generated client's own calls (a list as the key
        repeated, booleans as ``true``/``false``), so that every sender sends the same bytes.

        Raises:
            ValueError: When the operation needs something sessionend does not send (cookies,
                form data): a pipeline change made it so.
        """
        unexpected = set(keywords) - {"method", "url", "json", "headers", "params"}
        if unexpected:
            raise ValueError(f"generated request carries {sorted(unexpected)}, not sent here")
        path = str(keywords["url"])
        params = keywords.get("params")
        if params:
            # Encoded as httpx encodes ``params=`` (lists as repeated keys), once, here: both
            # enders then send the same query.
            path = f"{path}?{httpx.QueryParams(params)}"
        body = keywords.get("json")
        # Encoded as httpx encodes ``json=``, so both enders send the same bytes.
        content = (
            None
            if body is None
            else json.dumps(
                body, ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ).encode()
        )
        headers = {str(name): str(value) for name, value in (keywords.get("headers") or {}).items()}
        return cls(str(keywords["method"]).upper(), path, content, headers)


# Not frozen: one is built for every answer.
@dataclasses.dataclass(slots=True)
class Answer:
    """One answer from a vendor, read by the enders; the shape generated parsers accept."""

    status_code: int
    headers: Mapping[str, str] = dataclasses.field(repr=False)
    content: bytes = dataclasses.field(repr=False)
    request: Request | None = dataclasses.field(default=None, repr=False)
    oversized: bool = False
    """The body was longer than MAX_BODY and was not read."""

    @property
    def text(self) -> str:
        """The body decoded as UTF-8, undecodable bytes replaced."""
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        """The body parsed as JSON.

        Raises:
            ValueError: When the body is not JSON.
        """
        return json.loads(self.content)

    def media_type(self) -> str:
        """The Content-Type without parameters, lower-case; empty when there is none."""
        return self.headers.get("content-type", "").partition(";")[0].strip().lower()


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
    outcome_unknown: bool = False
    """The request may have reached the vendor though no answer came back."""
    again: bool = False
    """Send the end once more another way (a fallback), now: not counted as a retry."""
    follow: Request | None = None
    """The next step of a multi-step end (a lookup, then the end itself): sent now, as part
    of the same end; not a retry."""
    http_status: int | None = None
    vendor_code: int | str | None = None
    vendor_message: str | None = None
    body: Body = dataclasses.field(default=None, repr=False)


_WEB_PAGES = frozenset({"text/html", "application/xhtml+xml"})


@dataclasses.dataclass(frozen=True, slots=True)
class LiveSession:
    """A session a vendor lists as live.

    Attributes:
        provider: The vendor.
        session_id: The id to end it with.
        started_at: When it started, as an aware datetime; None where the vendor does not say.
        fields: The vendor's own fields for it, read-only.
    """

    provider: Provider
    session_id: str
    started_at: datetime.datetime | None
    fields: Mapping[str, object] = dataclasses.field(
        default_factory=lambda: types.MappingProxyType({}), repr=False, compare=False
    )


@dataclasses.dataclass(slots=True)
class Page:
    """One page of a vendor's list of live sessions.

    Attributes:
        sessions: The live sessions on it (sessions the vendor lists as ended are left out).
        next: The request for the next page, or None on the last one.
        seen: How many entries the page held in all (live or not), for offset paging.
    """

    sessions: Sequence[LiveSession]
    next: Request | None = None
    seen: int = 0


class Adapter(abc.ABC):
    """One vendor: what sessionend must know about it, its end request and its answers.

    The class attributes are the vendor's description; everything that lists vendors (the
    ``Provider`` values, settings, the command line, the fakes, the tests) reads them from
    the registry in ``sessionend.providers``.
    """

    provider: ClassVar[Provider]
    title: ClassVar[str]
    """The vendor's name as people write it."""
    default_base_url: ClassVar[str]
    base_url_variable: ClassVar[str]
    credentials: ClassVar[tuple[Credential, ...]]
    credentials_optional: ClassVar[bool] = False
    """Whether the vendor may be used without credentials (a server with auth turned off)."""
    auth_header: ClassVar[str] = ""
    """The header a single credential travels in, as is; empty for other schemes."""
    basic_auth: ClassVar[bool] = False
    """Whether the two credentials travel as HTTP Basic ``first:second``."""
    generated_package: ClassVar[str]
    """The import name of the vendor's generated client (``generated/<vendor>/``)."""
    rate_limit: ClassVar[RateLimit] = RateLimit()
    example_session_id: ClassVar[str]
    """A well-formed id, for documentation and tests."""
    options: ClassVar[tuple[Option, ...]] = ()
    """The settings it takes besides credentials and base URL, each with its choices."""
    specs: ClassVar[tuple[str, ...]] = ()
    """The vendored specs it speaks (``specs/<name>.yaml``), when not only the one named as
    the provider: a vendor with two APIs has two specs and two generated clients."""

    @classmethod
    def spec_names(cls) -> tuple[str, ...]:
        """The names of the vendored specs (and generator configurations) it speaks."""
        return cls.specs or (cls.provider.value,)

    def __init__(self, settings: Mapping[str, str | None] | None = None) -> None:
        """Build the adapter with its options chosen.

        Args:
            settings: Resolved settings by ``ProviderSettings`` keyword; an option missing
                from them takes its default.

        Raises:
            ValueError: When an option's value is not one of its choices.
        """
        given = settings or {}
        self.chosen: dict[str, str] = {
            option.name: option.check(given.get(option.name)) for option in self.options
        }

    @classmethod
    def variables(cls) -> dict[str, str]:
        """Every setting's environment variable, by ``ProviderSettings`` keyword."""
        found = {credential.name: credential.variable for credential in cls.credentials}
        found |= {option.name: option.variable for option in cls.options}
        found["base_url"] = cls.base_url_variable
        return found

    def auth_headers(self, values: Mapping[str, str | None]) -> dict[str, str]:
        """The headers that carry the credentials, from resolved settings.

        Raises:
            errors.ConfigurationError: When a required credential is missing.
        """
        present = [values.get(credential.name) for credential in self.credentials]
        if self.credentials_optional and not any(present):
            return {}
        for credential, value in zip(self.credentials, present, strict=True):
            if not value:
                raise self.missing(credential.variable)
        given = [value or "" for value in present]
        if self.basic_auth:
            token = base64.b64encode(":".join(given).encode()).decode("ascii")
            return {"Authorization": f"Basic {token}"}
        return {self.auth_header: given[0]}

    def check_session_id(self, session_id: str) -> None:
        """Reject ids this vendor can never accept (the shared rules are applied already)."""
        del session_id

    @abc.abstractmethod
    def request(
        self, session_id: str, reason: EndReason, *, after: Request | None = None
    ) -> Request:
        """The request that ends ``session_id``.

        ``after`` is the request this end sent last, when its answer's verdict said
        ``again``: the adapter then describes its fallback.
        """

    @abc.abstractmethod
    def interpret(self, answer: Answer) -> Verdict:
        """Say what the vendor's answer means."""

    lists_sessions: ClassVar[bool] = False
    """Whether the vendor can list its live sessions (``list_request`` and ``read_page``)
    with its default options; ``lists`` says whether this adapter, options chosen, can."""

    def lists(self) -> bool:
        """Whether this adapter, with the options it was built with, lists live sessions."""
        return self.lists_sessions

    def list_request(self) -> Request:
        """The request for the first page of the vendor's live sessions.

        Raises:
            NotImplementedError: When the vendor cannot list its sessions.
        """
        raise NotImplementedError(f"{self.provider.value} cannot list its live sessions")

    def read_page(self, answer: Answer) -> Page | Verdict:
        """One page of live sessions, from a successful answer; a Verdict for any other.

        A Verdict says why the page could not be read (retry it, or fail), exactly as for an
        end; its ``outcome`` is never set.
        """
        raise NotImplementedError(f"{self.provider.value} cannot list its live sessions")

    def judge(self, answer: Answer) -> Verdict:
        """What the answer means; a body too long to read is never interpreted."""
        verdict = unreadable(answer)
        if verdict is not None:
            return verdict
        return self.interpret(answer)

    def missing(self, variable: str) -> errors.ConfigurationError:
        """The error for a credential that is not set."""
        return errors.ConfigurationError(
            f"missing credential: set {variable}", provider=self.provider.value
        )


def unreadable(answer: Answer) -> Verdict | None:
    """A Verdict for an answer nothing can be read from, else None.

    A body too long to read, or a web page under a 2xx: a web front end or captive portal
    answering in the API's place, which proves nothing was ended or listed.
    """
    if answer.oversized:
        return Verdict(
            error=errors.UnexpectedResponse,
            message=f"the body is longer than {MAX_BODY} bytes and was not read",
            http_status=answer.status_code,
        )
    if 200 <= answer.status_code < 300 and answer.media_type() in _WEB_PAGES:
        return Verdict(
            error=errors.UnexpectedResponse,
            message=f"the answer is a web page ({answer.media_type()}), not the API's",
            http_status=answer.status_code,
        )
    return None


def json_body(answer: Answer) -> Any:
    """The answer's body as JSON, or None when it is not JSON."""
    try:
        return answer.json()
    except (ValueError, UnicodeDecodeError):
        return None


def text_of(answer: Answer, limit: int = 300) -> str | None:
    """A short, printable excerpt of the body, for messages."""
    text = answer.content[:limit].decode("utf-8", "replace").strip()
    return text or None


def by_status(answer: Answer, **context: Any) -> Verdict:
    """The rules every vendor shares, for answers its adapter has no special meaning for."""
    status = answer.status_code
    context.setdefault("http_status", status)
    if 200 <= status < 300:
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
            error=errors.EndTimeout,
            message="the vendor timed out",
            retry=True,
            outcome_unknown=True,  # it may have acted on the request before giving up
            **context,
        )
    if status == 429:
        return Verdict(error=errors.RateLimited, message="rate limited", retry=True, **context)
    if 400 <= status < 500:
        return Verdict(error=errors.RequestRejected, message="request rejected", **context)
    if status >= 500:
        # A gateway's 502 or 504, or a server failing after the work, may hide an end the
        # vendor carried out: a later "not found" then means it was ended.
        return Verdict(
            error=errors.ServerError,
            message="vendor server error",
            retry=True,
            outcome_unknown=True,
            **context,
        )
    return Verdict(
        error=errors.UnexpectedResponse, message=f"unexpected status {status}", **context
    )
