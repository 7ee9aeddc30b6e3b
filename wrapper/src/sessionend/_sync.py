"""SessionEnder: end sessions from synchronous code, one at a time or in bulk on threads."""

from __future__ import annotations

import concurrent.futures
import datetime
import queue
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any, TypeVar

import httpx

from . import _defaults
from ._config import ProviderSettings
from ._core import Core, target_error, unpack
from ._exchange import Exchange, Sleep, end_steps, page_steps
from ._lanes import Lanes, lane_of
from ._models import EndReason, EndResult, Provider
from ._pace import PaceState, Pacing
from ._send import HttpxSender
from ._sweep import (
    SWEEP_PASSES,
    Picker,
    Skipped,
    interleaved,
    older_than_of,
    sweep_page,
)
from .errors import ConfigurationError, SessionEndError
from .providers import Adapter, Answer, LiveSession, Page, Request

__all__ = ["SessionEnder", "end_session"]

T = TypeVar("T")

_EXHAUSTED: Any = object()
_sleep = time.sleep  # tests replace it to keep retry waits out of the wall clock


class SessionEnder:
    """Ends sessions at any provider, with pooled connections per provider.

    Args:
        timeout: Seconds per attempt.
        max_retries: Retries after the first attempt.
        max_retry_wait: The longest server-requested wait that is slept; a longer one
            raises RateLimited at once.
        missing_ok: Return NOT_FOUND instead of raising SessionNotFound.
        allow_insecure_http: Allow plain http to hosts other than loopback.
        settings: Per-provider credentials and base URLs; unset fields come from the
            environment, read now.
        transport: An httpx transport for every provider (tests, proxies, custom pools).
    """

    def __init__(
        self,
        *,
        timeout: float = _defaults.TIMEOUT,
        max_retries: int = _defaults.MAX_RETRIES,
        max_retry_wait: float = _defaults.MAX_RETRY_WAIT,
        missing_ok: bool = False,
        allow_insecure_http: bool = False,
        settings: Mapping[Provider, ProviderSettings]
        | Mapping[str, ProviderSettings]
        | None = None,
        transport: httpx.BaseTransport | None = None,
        pacing: Pacing | str = Pacing.ADAPTIVE,
        deadline: float | None = _defaults.DEADLINE,
    ) -> None:
        self._core = Core(
            timeout=timeout,
            max_retries=max_retries,
            max_retry_wait=max_retry_wait,
            missing_ok=missing_ok,
            allow_insecure_http=allow_insecure_http,
            settings=settings,
            pacing=pacing,
            deadline=deadline,
        )
        self._transport = transport
        self._senders: dict[Provider, HttpxSender] = {}
        self._lock = threading.Lock()
        self._closed = False

    def __repr__(self) -> str:
        configured = ", ".join(provider.value for provider in self.configured_providers())
        state = "closed" if self._closed else "open"
        return f"<SessionEnder {state} configured=[{configured}]>"

    def configured_providers(self) -> list[Provider]:
        """The providers whose required credentials are set."""
        return self._core.configured_providers()

    def pace(self, provider: Provider | str) -> PaceState:
        """How fast this ender sends to ``provider`` now, and how often it was throttled.

        Raises:
            ValueError: For an unknown provider.
        """
        return self._core.paces[Provider.parse(provider)].state()

    def end(
        self,
        provider: Provider | str,
        session_id: str,
        *,
        reason: EndReason = EndReason.USER_CLOSED,
        missing_ok: bool | None = None,
        timeout: float | None = None,
    ) -> EndResult:
        """End one session.

        Args:
            provider: The vendor, as a Provider or its value.
            session_id: The vendor's id of the session.
            reason: Why it is ended (sent to LiveAvatar only).
            missing_ok: Override the ender's ``missing_ok`` for this end.
            timeout: Override the ender's per-attempt timeout for this end.

        Returns:
            What the end achieved.

        Raises:
            ValueError: For an unknown provider (the message lists the valid ones).
            SessionEndError: A subclass saying why the session could not be ended.
        """
        plan = self._core.plan(provider, session_id, reason, missing_ok, timeout)
        try:
            sender = self._sender(plan.provider)
        except ConfigurationError as error:
            error.session_id = session_id  # name the session the caller asked about
            raise
        return _drive(end_steps(plan), sender)

    def end_many(
        self,
        targets: Iterable[tuple[Provider | str, str]],
        *,
        concurrency: int = _defaults.CONCURRENCY,
        missing_ok: bool | None = None,
    ) -> Iterator[EndResult | SessionEndError]:
        """End many sessions, ``concurrency`` at a time per provider, one item per target.

        Each provider's ends run in a lane of their own, so a vendor that throttles never
        holds the slots of another. Targets are read lazily, as slots free up (memory stays
        bounded for any number of targets). Items come in completion order: the
        EndResult, or the SessionEndError that target ended with (yielded, not raised).

        Raises:
            ValueError: When ``concurrency`` is below 1.
        """
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency!r}")
        self._check_open()
        return self._end_many(iter(targets), concurrency, missing_ok)

    def _end_many(
        self,
        targets: Iterator[tuple[Provider | str, str]],
        concurrency: int,
        missing_ok: bool | None,
    ) -> Iterator[EndResult | SessionEndError]:
        lanes = Lanes(concurrency)
        # Threads for every lane that fills up; made only as they are needed.
        pool = concurrent.futures.ThreadPoolExecutor(
            concurrency * (len(Provider) + 1), "sessionend"
        )
        pending: dict[concurrent.futures.Future[EndResult | SessionEndError], Hashable] = {}
        finished: queue.SimpleQueue[concurrent.futures.Future[EndResult | SessionEndError]] = (
            queue.SimpleQueue()
        )

        def start(target: object) -> None:
            future = pool.submit(self._end_target, target, missing_ok)
            pending[future] = lane_of(target)
            future.add_done_callback(finished.put)

        exhausted = False
        try:
            while True:
                while not exhausted and not lanes.full:
                    # A sentinel, not None: a None target is bad input to report, not the end.
                    target = next(targets, _EXHAUSTED)
                    if target is _EXHAUSTED:
                        exhausted = True
                    elif lanes.offer(target):
                        start(target)
                if not pending:
                    return
                future = finished.get()
                for waiting in lanes.finished(pending.pop(future)):
                    start(waiting)
                yield future.result()
        finally:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True)

    def live_sessions(self, provider: Provider | str) -> Iterator[LiveSession]:
        """The vendor's live sessions, read lazily page by page.

        Raises:
            ValueError: For an unknown provider, or one that cannot list its sessions.
            SessionEndError: When a page cannot be had (after the usual retries).
        """
        parsed = Provider.parse(provider)
        self._core.listing(parsed)  # refused before the first page is asked for
        return (session for page, _ in self._pages(parsed) for session in page.sessions)

    def sweep(
        self,
        providers: Iterable[Provider | str] | None = None,
        *,
        older_than: datetime.timedelta | float,
        keep: Iterable[str | tuple[Provider | str, str]] = (),
        dry_run: bool = False,
        end_unknown_age: bool = False,
        concurrency: int = _defaults.CONCURRENCY,
        on_skip: Callable[[Skipped], None] | None = None,
        on_listed: Callable[[LiveSession], None] | None = None,
    ) -> Iterator[EndResult | SessionEndError | LiveSession]:
        """End the live sessions older than ``older_than`` at the given providers.

        Lists each provider's live sessions (all configured providers that can list them,
        by default), picks those started more than ``older_than`` (a timedelta or seconds)
        ago by the vendor's clock and not in ``keep`` (ids, or ``(provider, id)`` pairs),
        and ends them through ``end_many`` at each provider's pace. Yields one item per
        picked session: its EndResult (a session gone meanwhile is NOT_FOUND) or
        SessionEndError; with ``dry_run``, the LiveSession instead, and nothing is ended. A
        provider whose list fails yields that error and the sweep goes on. Sessions of
        unknown age are skipped (logged, and given to ``on_skip``) unless
        ``end_unknown_age``; ``on_listed`` sees every live session listed. The lists are
        read again after the ends, until a pass finds nothing new, so that sessions a
        shifting page hid are not missed.

        Raises:
            ValueError: For a bad ``older_than``, ``keep`` or provider, before anything is sent.
        """
        picker = Picker(older_than_of(older_than), keep, end_unknown_age=end_unknown_age)
        chosen = self._sweepable(providers)
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency!r}")
        self._check_open()
        return self._sweep(chosen, picker, dry_run, concurrency, on_skip, on_listed)

    def _sweepable(self, providers: Iterable[Provider | str] | None) -> list[Provider]:
        if providers is None:
            return [p for p in self.configured_providers() if self._core.adapters[p].lists()]
        chosen = [Provider.parse(provider) for provider in providers]
        for provider in chosen:
            self._core.listing(provider)  # refuses one that cannot list
        return chosen

    def _sweep(
        self,
        providers: list[Provider],
        picker: Picker,
        dry_run: bool,
        concurrency: int,
        on_skip: Callable[[Skipped], None] | None,
        on_listed: Callable[[LiveSession], None] | None,
    ) -> Iterator[EndResult | SessionEndError | LiveSession]:
        failed: set[Provider] = set()
        for _ in range(SWEEP_PASSES):
            picked: list[LiveSession] = []
            for provider in providers:
                try:
                    for page, now in self._pages(provider):
                        picker.begin(provider, now)
                        picked += sweep_page(picker, page, now, on_skip, on_listed)
                except SessionEndError as error:
                    if provider not in failed:  # reported once, however many passes
                        failed.add(provider)
                        yield error
            if dry_run:
                yield from picked
                return
            if not picked:
                return
            targets = interleaved(picked)
            yield from self.end_many(targets, concurrency=concurrency, missing_ok=True)

    def _pages(self, provider: Provider) -> Iterator[tuple[Page, datetime.datetime]]:
        adapter = self._core.adapters[provider]
        request: Request | None = adapter.list_request()
        while request is not None:
            page, now = self._page(provider, adapter, request)
            yield page, now
            request = page.next

    def _page(
        self, provider: Provider, adapter: Adapter, request: Request
    ) -> tuple[Page, datetime.datetime]:
        steps = page_steps(adapter, self._core.listing(provider), request, self._core.timeout)
        return _drive(steps, self._sender(provider))

    def _end_target(self, target: object, missing_ok: bool | None) -> EndResult | SessionEndError:
        try:
            provider, session_id = unpack(target)
            return self.end(provider, session_id, missing_ok=missing_ok)
        except (SessionEndError, ValueError) as problem:
            return target_error(target, problem)

    def _sender(self, provider: Provider) -> HttpxSender:
        with self._lock:
            self._check_open()
            sender = self._senders.get(provider)
            if sender is None:
                sender = HttpxSender(self._core.connection(provider), self._transport)
                self._senders[provider] = sender
            return sender

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this SessionEnder is closed; create a new one")

    def close(self) -> None:
        """Close every connection pool. Closing twice is harmless."""
        with self._lock:
            self._closed = True
            senders, self._senders = list(self._senders.values()), {}
        for sender in senders:
            sender.close()

    def __enter__(self) -> SessionEnder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _drive(steps: Exchange[T], sender: HttpxSender) -> T:
    """Carry out an exchange's steps with threads: send, sleep, and hand back each reply."""
    step = next(steps)
    while True:
        reply: Answer | httpx.HTTPError | None = None
        if isinstance(step, Sleep):
            _sleep(step.seconds)
        else:
            try:
                reply = sender.send(step.request, step.timeout)
            except httpx.HTTPError as error:
                reply = error
        try:
            step = steps.send(reply)
        except StopIteration as done:
            result: T = done.value
            return result


def end_session(
    provider: Provider | str,
    session_id: str,
    *,
    reason: EndReason = EndReason.USER_CLOSED,
    missing_ok: bool | None = None,
    timeout: float | None = None,
    **options: Any,
) -> EndResult:
    """End one session with a short-lived SessionEnder configured from the environment.

    ``options`` are SessionEnder's constructor keywords.
    """
    with SessionEnder(**options) as ender:
        return ender.end(
            provider, session_id, reason=reason, missing_ok=missing_ok, timeout=timeout
        )
