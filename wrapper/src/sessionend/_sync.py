"""SessionEnder: end sessions from synchronous code, one at a time or in bulk on threads."""

from __future__ import annotations

import concurrent.futures
import queue
import threading
import time
from collections.abc import Hashable, Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any

import httpx

from . import _defaults
from ._attempts import failure_verdict
from ._config import ProviderSettings
from ._core import Core, target_error, unpack
from ._lanes import Lanes, lane_of
from ._models import EndReason, EndResult, Provider
from ._pace import PaceState, Pacing
from ._send import HttpxSender
from .errors import ConfigurationError, SessionEndError
from .providers import Request

__all__ = ["SessionEnder", "end_session"]

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
        adapter, attempts = plan.adapter, plan.attempts
        after: Request | None = None
        follow: Request | None = None
        while True:
            slot = attempts.slot()
            if slot is not None and slot.wait > 0:
                _sleep(slot.wait)
            timeout = attempts.attempt_timeout(plan.timeout)
            attempts.begin()
            if follow is None:
                request = adapter.request(plan.session_id, plan.reason, after=after)
            else:
                request, follow = follow, None
            headers = None
            try:
                answer = sender.send(request, timeout)
            except httpx.HTTPError as error:
                verdict = failure_verdict(error)
            else:
                headers = answer.headers
                verdict = adapter.judge(answer)
            step = attempts.settle(verdict, headers, slot)
            if isinstance(step, EndResult):
                return step
            if verdict.again:
                after = request
            follow = verdict.follow
            if step > 0:
                _sleep(step)

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
