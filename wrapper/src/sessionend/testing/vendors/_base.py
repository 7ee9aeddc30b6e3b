"""What every fake vendor shares: its session registry, faults, rate limit and request log.

A vendor subclass says only what differs: its route, how it authenticates, how it reads the
session id, and what it answers. What it answers is declared once, as the vendor's documented
answers (``Documented``, in ``answers``), and the scenarios the contract cassettes record
(``scenarios``): the fake answers with those declarations, and the contract tests check every
cassette against them, so the fake and the cassettes cannot disagree. The server
(``_server.py``) drives the steps in order.
"""

from __future__ import annotations

import abc
import collections
import datetime
import enum
import hmac
import json
import math
import re
import string
import threading
import time
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any, ClassVar

import attrs

from ..._models import Provider
from .._faults import Fault

__all__ = [
    "END",
    "Documented",
    "Received",
    "Reply",
    "Route",
    "SessionState",
    "Showcase",
    "Vendor",
    "iso_utc",
    "match",
    "query_int",
]

END = "end"
"""The name of every vendor's end-session endpoint among its routes."""
RECEIVED_KEPT = 10_000
"""How many requests each fake remembers; older ones are forgotten (counts stay exact)."""


class SessionState(enum.Enum):
    """Where a session is in its life."""

    ACTIVE = "active"
    ENDED = "ended"


@attrs.frozen
class Reply:
    """One answer: status, body bytes, content type and extra headers."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def json(cls, status: int, payload: object, headers: Mapping[str, str] | None = None) -> Reply:
        """A JSON answer."""
        return cls(status, json.dumps(payload).encode(), "application/json", headers or {})

    @classmethod
    def text(cls, status: int, text: str, headers: Mapping[str, str] | None = None) -> Reply:
        """A text/plain answer."""
        return cls(status, text.encode(), "text/plain", headers or {})


_WHOLE = re.compile(r"\$(\w+)")
TEXT = "text/plain; charset=UTF-8"


@attrs.frozen
class Documented:
    """One answer a vendor documents (or, where ``source`` says so, is assumed to give).

    The body is a JSON value, or a ``str`` for a text body. Strings in the body and headers
    may name values filled in per answer as ``$name`` (``string.Template``); a body value that
    is exactly ``"$name"`` is replaced whole, keeping the value's type (a number stays a
    number). ``examples`` gives each name the value the documentation shows: the contract
    cassettes hold the answer filled with them, and a fake fills in live values instead.

    Attributes:
        status: The HTTP status.
        body: The body: a JSON value, or a str sent as text.
        headers: Headers besides Content-Type.
        source: Where the answer is documented, or why it is assumed.
        examples: The documented value of each ``$name`` other than ``session_id``.
        content_type: The Content-Type; by default JSON, or UTF-8 text for a str body.
    """

    status: int
    body: object = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    source: str = ""
    examples: Mapping[str, object] = attrs.field(factory=dict)
    content_type: str | None = None

    def render(self, **values: object) -> Reply:
        """The answer with each ``$name`` filled from ``values``, else from ``examples``.

        Raises:
            KeyError: When a ``$name`` has neither.
        """
        filled = {**self.examples, **values}
        headers = {name: _fill(value, filled) for name, value in self.headers.items()}
        if isinstance(self.body, str):
            body = _fill(self.body, filled).encode()
            return Reply(self.status, body, self.content_type or TEXT, headers)
        payload = _fill_json(self.body, filled)
        content_type = self.content_type or "application/json"
        return Reply(self.status, json.dumps(payload).encode(), content_type, headers)


def _fill(text: str, values: Mapping[str, object]) -> str:
    return string.Template(text).substitute({k: str(v) for k, v in values.items()})


def _fill_json(node: object, values: Mapping[str, object]) -> object:
    if isinstance(node, str):
        whole = _WHOLE.fullmatch(node)
        if whole is not None:
            return values[whole.group(1)]
        return _fill(node, values)
    if isinstance(node, dict):
        return {key: _fill_json(value, values) for key, value in node.items()}
    if isinstance(node, list | tuple):
        return [_fill_json(item, values) for item in node]
    return node


@attrs.frozen
class Route:
    """Which of a vendor's endpoints a request is for.

    Attributes:
        name: ``END`` for the end-session endpoint; a vendor with more endpoints (a lookup
            before the end) names the others.
        path_id: The session the request is about, as far as the path (or query) says: the
            key per-session faults are found by.
        method: The one method the endpoint takes; None for the vendor's ``methods()``.
        target: What else the vendor read from the request to answer it (an id of another
            kind, a query), for its own hooks.
    """

    name: str = END
    path_id: str | None = None
    method: str | None = None
    target: tuple[str, ...] = ()


def match(pattern: tuple[str, ...], segments: list[str]) -> tuple[bool, str | None]:
    """Whether ``segments`` fit ``pattern``, and the segment at its ``"{id}"``."""
    if len(pattern) != len(segments):
        return False, None
    path_id = None
    for expected, segment in zip(pattern, segments, strict=True):
        if expected == "{id}":
            path_id = segment
        elif expected != segment:
            return False, None
    return True, path_id


@attrs.frozen
class Received:
    """One request as a fake received it: method, raw path (still percent-encoded), body."""

    method: str
    raw_path: str
    headers: Mapping[str, str] = attrs.field(repr=False)
    body: bytes = attrs.field(repr=False)


@attrs.frozen
class Showcase:
    """One of a vendor's quirks, as ``sessionend demo`` shows it: a scene and what must happen.

    Attributes:
        scenario: What is shown, for the demo's table.
        vendor_did: What the fake does, for the table.
        expected: The outcome, or the error class, the end must finish with.
        session: ``"active"`` (a fresh session), ``"ended"`` (one already ended) or an id the
            fake does not know.
        fault: A fault injected for this session first.
        missing_ok: Passed to the end.
        vendor_code: The vendor code the result must carry, when it matters.
        sent: Checks the requests the fake received for this end.
        mode: Puts the fake in a mode for this end and returns the function that undoes it;
            the end then runs on an ender of its own, so nothing it remembers reaches the
            other steps.
        options: Settings of the provider's options for this end (``{"api": "v0"}``); the
            end then runs on an ender of its own with them.
    """

    scenario: str
    vendor_did: str
    expected: Any
    session: str = "active"
    fault: Fault | None = None
    missing_ok: bool = False
    vendor_code: int | str | None = None
    sent: Callable[[list[Received]], bool] | None = None
    mode: Callable[[Vendor], Callable[[], None]] | None = None
    options: Mapping[str, str] = attrs.field(factory=dict)


def iso_utc(moment: datetime.datetime, *, fraction: int = 0) -> str:
    """``moment`` in UTC as ISO 8601 with ``Z`` and ``fraction`` digits of seconds (0, 3, 6)."""
    text = moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    return f"{text[: 20 + fraction] if fraction else text[:19]}Z"


def query_int(query: Mapping[str, str], name: str, default: int) -> int | None:
    """The integer parameter ``name``, ``default`` when absent, None when it is not a number."""
    value = query.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return None


def phrase(status: int) -> str:
    """The reason phrase of ``status``, or a generic one for statuses Python does not name."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class Vendor(abc.ABC):
    """One fake vendor's end-session endpoint and its state."""

    provider: ClassVar[Provider]
    method: ClassVar[str]
    """The end-session method, upper case."""
    path: ClassVar[tuple[str, ...]]
    """The end-session path's segments; ``"{id}"`` marks the session id's segment."""
    rate_window: ClassVar[float] = 1.0
    """Seconds in one rate-limit window."""
    showcases: ClassVar[tuple[Showcase, ...]] = ()
    """The vendor's quirks as the demo shows them; every vendor also gets the shared steps."""
    answers: ClassVar[Mapping[str, Documented]]
    """The vendor's documented answers, by name; the fake answers only with these (injected
    faults aside). ``success`` and ``not_found`` are always among them."""
    scenarios: ClassVar[Mapping[str, tuple[str, ...]]]
    """What one end (or one listing, for the ``list`` scenarios) can meet, as the names of
    the answers it gets in order: the contract tests record each scenario as
    ``cassettes/<vendor>/<scenario>.yaml`` and check the cassette holds exactly these
    answers."""
    list_path: ClassVar[tuple[str, ...] | None] = None
    """The path segments of the vendor's list of sessions (always GET); None: no list."""

    def __init__(self, credentials: Mapping[str, str]) -> None:
        self.credentials = dict(credentials)
        self.rate_limit: int | None = None
        self.clock_skew = 0.0
        """Seconds the vendor's clock runs ahead of this machine's (behind when negative);
        its list answers carry that time in their Date header."""
        """At most this many requests per window; None for no limit."""
        self.request_count = 0
        self.throttled = 0
        """Requests answered with the vendor's throttle because they were over the limit."""
        self.received: collections.deque[Received] = collections.deque(maxlen=RECEIVED_KEPT)
        self._sessions: dict[str, SessionState] = {}
        # The live sessions and their start, oldest first: what the list route serves.
        self._live: dict[str, datetime.datetime] = {}
        self._faults: collections.deque[list[Any]] = collections.deque()
        self._session_faults: dict[str, collections.deque[list[Any]]] = {}
        self.window = self.rate_window
        """Seconds in one rate-limit window (the vendor's own by default)."""
        self.sliding = False
        """Whether the window slides (counts the last ``window`` seconds) or is fixed."""
        self._window_start = 0.0
        self._window_count = 0
        self._recent: collections.deque[float] = collections.deque()
        # The server runs on its own thread; tests create sessions and faults from theirs.
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<fake {self.provider.value}: {len(self._sessions)} sessions>"

    # The registry.

    def create_session(
        self, session_id: str | None = None, started_at: datetime.datetime | None = None
    ) -> str:
        """Register an active session and return its id (a new one in the vendor's format).

        Args:
            session_id: Its id; a new one in the vendor's format by default.
            started_at: When it started, an aware datetime; now by default. The list route
                serves it in the vendor's format.

        Raises:
            ValueError: When ``started_at`` has no time zone.
        """
        if started_at is None:
            started_at = datetime.datetime.now(datetime.UTC)
        elif started_at.tzinfo is None or started_at.utcoffset() is None:
            raise ValueError("started_at must be an aware datetime")
        session_id = session_id or self.new_session_id()
        with self._lock:
            self._sessions[session_id] = SessionState.ACTIVE
            self._live.pop(session_id, None)  # started again: listed as the newest
            self._live[session_id] = started_at
        return session_id

    def live_sessions(self) -> list[tuple[str, datetime.datetime]]:
        """The live sessions and when each started, oldest registered first."""
        with self._lock:
            return list(self._live.items())

    def state(self, session_id: str) -> SessionState | None:
        """The session's state, or None when the fake does not know it."""
        with self._lock:
            return self._sessions.get(session_id)

    def finish(self, session_id: str) -> SessionState | None:
        """Mark the session ended and return the state it had before."""
        with self._lock:
            before = self._sessions.get(session_id)
            if before is not None:
                self._sessions[session_id] = SessionState.ENDED
                self._live.pop(session_id, None)
            return before

    def forget_sessions(self) -> None:
        """Forget every session, as a server restart does."""
        with self._lock:
            self._sessions.clear()
            self._live.clear()

    # Faults.

    def inject(self, fault: Fault, session_id: str | None = None) -> None:
        """Apply ``fault`` to the next requests (for ``session_id`` only, when given)."""
        with self._lock:
            queue = (
                self._faults
                if session_id is None
                else self._session_faults.setdefault(session_id, collections.deque())
            )
            queue.append([fault, fault.times])

    def take_fault(
        self, session_id: str | None = None, only: Callable[[Fault], bool] | None = None
    ) -> Fault | None:
        """The fault for this request, if one is due (and passes ``only``), counting it as used."""
        with self._lock:
            queue = self._faults if session_id is None else self._session_faults.get(session_id)
            if not queue or (only is not None and not only(queue[0][0])):
                return None
            entry = queue[0]
            entry[1] -= 1
            if entry[1] <= 0:
                queue.popleft()
            fault: Fault = entry[0]
            return fault

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        with self._lock:
            self._faults.clear()
            self._session_faults.clear()

    # The rate limit: fixed windows, as LiveAvatar documents.

    def limit(
        self, requests: int | None, per: float | None = None, *, sliding: bool = False
    ) -> None:
        """Allow at most ``requests`` per ``per`` seconds (the vendor's own window by default).

        Fixed windows reset at once, as LiveAvatar and Digital Samba count; a sliding window
        counts the last ``per`` seconds at every request, as ElizaOS's limiter does. Over the
        limit, the fake answers with the vendor's own throttle (``rate_limited``). None
        removes the limit.
        """
        with self._lock:
            self.rate_limit = requests
            self.window = self.rate_window if per is None else per
            self.sliding = sliding
            self._window_start, self._window_count = 0.0, 0
            self._recent.clear()

    def over_limit(self) -> float | None:
        """Count this request; return the seconds to wait when it is over the limit."""
        if self.rate_limit is None:
            return None
        now = time.monotonic()
        with self._lock:
            if self.sliding:
                while self._recent and self._recent[0] <= now - self.window:
                    self._recent.popleft()
                if len(self._recent) < self.rate_limit:
                    self._recent.append(now)
                    return None
                self.throttled += 1
                return max(self._recent[0] + self.window - now, 0.0)
            if now - self._window_start >= self.window:
                self._window_start, self._window_count = now, 0
            self._window_count += 1
            if self._window_count <= self.rate_limit:
                return None
            self.throttled += 1
            return max(self._window_start + self.window - now, 0.0)

    def remember(self, received: Received) -> None:
        """Log one request."""
        with self._lock:
            self.request_count += 1
            self.received.append(received)

    # The documented answers.

    @classmethod
    def answer(cls, name: str, **values: object) -> Reply:
        """The documented answer ``name``, filled with ``values`` (see ``Documented``)."""
        return cls.answers[name].render(**values)

    @classmethod
    def scenario(cls, name: str, session_id: str) -> tuple[Reply, ...]:
        """The answers of scenario ``name`` to ends of ``session_id``, as documented."""
        return tuple(cls.answer(step, session_id=session_id) for step in cls.scenarios[name])

    # What each vendor says for itself.

    @abc.abstractmethod
    def new_session_id(self) -> str:
        """A fresh session id in the vendor's format."""

    @abc.abstractmethod
    def authenticate(self, headers: Mapping[str, str]) -> Reply | None:
        """None when the credentials are right, else the vendor's refusal."""

    @abc.abstractmethod
    def session_id_of(
        self, path_id: str | None, body: bytes, headers: Mapping[str, str]
    ) -> str | Reply:
        """The session the request names, or the vendor's answer to a malformed request."""

    @abc.abstractmethod
    def ended(self, session_id: str, before: SessionState | None) -> Reply:
        """The answer to an end of a session that was ``before`` (None: unknown)."""

    @abc.abstractmethod
    def rate_limited(self, wait: float) -> Reply:
        """The vendor's rate-limit answer, asking for ``wait`` seconds."""

    @abc.abstractmethod
    def failure(self, status: int) -> Reply:
        """The vendor's answer for a failing ``status``."""

    def listed(self, query: Mapping[str, str]) -> Reply:
        """The answer to a list request with ``query``: a page of the live sessions.

        Called after authentication and the rate limit passed, as for an end.
        """
        raise NotImplementedError(f"the {self.provider.value} fake lists no sessions")

    # Routes: one end-session endpoint unless a vendor says otherwise.

    def route(self, segments: list[str], query: str) -> Route | None:
        """The endpoint the path (below the vendor's prefix) and query name; None for none."""
        matched, path_id = match(self.path, segments)
        return Route(END, path_id) if matched else None

    def authenticate_route(self, route: Route, headers: Mapping[str, str]) -> Reply | None:
        """:meth:`authenticate`, for one of the vendor's routes."""
        return self.authenticate(headers)

    def session_id_for(self, route: Route, body: bytes, headers: Mapping[str, str]) -> str | Reply:
        """:meth:`session_id_of`, for one of the vendor's routes."""
        return self.session_id_of(route.path_id, body, headers)

    def carry_out(self, route: Route, session_id: str) -> Reply:
        """What the request does and answers; an end by default (:meth:`ended`)."""
        return self.ended(session_id, self.finish(session_id))

    def methods(self) -> frozenset[str]:
        """The methods the endpoint answers; others get :meth:`not_allowed`."""
        return frozenset({self.method})

    def not_allowed(self, method: str, path_id: str | None) -> Reply:
        """The answer to a method the endpoint does not take (at ``path_id``'s session)."""
        return Reply.json(405, {"detail": "Method Not Allowed"})

    def malformed(self) -> Reply:
        """A 200 whose JSON body is cut short."""
        return Reply(200, b'{"code": 10', "application/json")

    # Helpers for the subclasses.

    def retry_headers(self, wait: float) -> dict[str, str]:
        """``Retry-After`` in whole seconds, rounded up, as HTTP requires."""
        return {"Retry-After": str(math.ceil(wait))}

    def key_matches(self, given: str | None, name: str = "api_key") -> bool:
        """Whether ``given`` is the credential ``name`` (compared in constant time)."""
        expected = self.credentials.get(name)
        return bool(given and expected and hmac.compare_digest(given.encode(), expected.encode()))
