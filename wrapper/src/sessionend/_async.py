"""AsyncSessionEnder: end sessions from asyncio code, one at a time or in bulk on tasks."""

from __future__ import annotations

import asyncio
import datetime
import ssl
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Callable,
    Hashable,
    Iterable,
    Mapping,
)
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

import httpx

from . import _defaults
from ._config import ProviderSettings
from ._core import Core, target_error, unpack
from ._exchange import Exchange, Sleep, end_steps, page_steps
from ._lanes import Lanes, lane_of
from ._models import EndReason, EndResult, Provider
from ._pace import PaceState, Pacing
from ._send_async import AsyncHttpxSender
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

__all__ = ["AsyncSessionEnder"]

_sleep = asyncio.sleep  # tests replace it to keep retry waits out of the wall clock

if TYPE_CHECKING:
    from typing import TypeAlias

    from ._aiohttp import AiohttpSender

    Sender: TypeAlias = AiohttpSender | AsyncHttpxSender

T = TypeVar("T")

Targets = Iterable[tuple[Provider | str, str]] | AsyncIterable[tuple[Provider | str, str]]


class AsyncSessionEnder:
    """Ends sessions at any provider from asyncio code; see SessionEnder for the arguments.

    ``transport`` is an ``httpx.AsyncBaseTransport``; without one, each provider gets its own
    pool on aiohttp (its public API), which keeps up with bulk ends where httpx's
    default async transport does not.
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
        transport: httpx.AsyncBaseTransport | None = None,
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
        # Senders are built synchronously inside the event loop, so no lock is needed.
        self._senders: dict[Provider, Sender] = {}
        self._ssl_context: ssl.SSLContext | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    def __repr__(self) -> str:
        configured = ", ".join(provider.value for provider in self.configured_providers())
        state = "closed" if self._closed else "open"
        return f"<AsyncSessionEnder {state} configured=[{configured}]>"

    def configured_providers(self) -> list[Provider]:
        """The providers whose required credentials are set."""
        return self._core.configured_providers()

    def pace(self, provider: Provider | str) -> PaceState:
        """How fast this ender sends to ``provider`` now, and how often it was throttled.

        Raises:
            ValueError: For an unknown provider.
        """
        return self._core.paces[Provider.parse(provider)].state()

    async def end(
        self,
        provider: Provider | str,
        session_id: str,
        *,
        reason: EndReason = EndReason.USER_CLOSED,
        missing_ok: bool | None = None,
        timeout: float | None = None,
    ) -> EndResult:
        """End one session; see SessionEnder.end.

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
        return await _drive(end_steps(plan), sender)

    async def end_many(
        self,
        targets: Targets,
        *,
        concurrency: int = _defaults.CONCURRENCY,
        missing_ok: bool | None = None,
        stop: asyncio.Event | None = None,
    ) -> AsyncIterator[EndResult | SessionEndError]:
        """End many sessions, ``concurrency`` at a time per provider, one item per target.

        Each provider's ends run in a lane of their own, so a vendor that throttles never
        holds the slots of another. ``targets`` may be an iterable or an async iterable,
        read lazily as slots free up (memory stays bounded for any number of targets).
        Items come in completion order: the EndResult, or the SessionEndError that target
        ended with (yielded, not raised). Once ``stop`` is set, no more targets are read and
        no further end starts: the ends under way finish and are yielded, and targets read
        but not yet started are dropped (a caller that must account for them counts what it
        gave against what came back).

        Raises:
            ValueError: When ``concurrency`` is below 1.
        """
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency!r}")
        self._check_open()
        source = _aiter(targets)
        lanes = Lanes(concurrency)
        pending: dict[asyncio.Task[EndResult | SessionEndError], Hashable] = {}
        # Finished tasks are queued by a done callback: waiting on the whole pending set after
        # every completion would cost time in proportion to the concurrency.
        finished: asyncio.Queue[asyncio.Task[EndResult | SessionEndError]] = asyncio.Queue()

        def start(target: object) -> None:
            task = asyncio.create_task(self._end_target(target, missing_ok))
            task.add_done_callback(finished.put_nowait)
            pending[task] = lane_of(target)

        exhausted = False
        try:
            while True:
                if stop is not None and stop.is_set():
                    exhausted = True
                while not exhausted and not lanes.full:
                    try:
                        target = await anext(source)
                    except StopAsyncIteration:
                        exhausted = True
                    else:
                        if lanes.offer(target):
                            start(target)
                if not pending:
                    return
                task = await finished.get()
                for waiting in lanes.finished(pending.pop(task)):
                    if stop is None or not stop.is_set():
                        start(waiting)
                yield task.result()
        finally:
            for task in pending:
                task.remove_done_callback(finished.put_nowait)
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    def live_sessions(self, provider: Provider | str) -> AsyncIterator[LiveSession]:
        """The vendor's live sessions, read lazily page by page; see SessionEnder.live_sessions.

        Raises:
            ValueError: For an unknown provider, or one that cannot list its sessions.
        """
        parsed = Provider.parse(provider)
        self._core.listing(parsed)  # refused before the first page is asked for
        return self._live_sessions(parsed)

    async def _live_sessions(self, provider: Provider) -> AsyncIterator[LiveSession]:
        async for page, _ in self._pages(provider):
            for session in page.sessions:
                yield session

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
    ) -> AsyncIterator[EndResult | SessionEndError | LiveSession]:
        """End the live sessions older than ``older_than``; see SessionEnder.sweep.

        Raises:
            ValueError: For a bad ``older_than``, ``keep`` or provider, before anything is sent.
        """
        picker = Picker(older_than_of(older_than), keep, end_unknown_age=end_unknown_age)
        if providers is None:
            chosen = [p for p in self.configured_providers() if self._core.adapters[p].lists()]
        else:
            chosen = [Provider.parse(provider) for provider in providers]
            for provider in chosen:
                self._core.listing(provider)  # refuses one that cannot list
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency!r}")
        self._check_open()
        return self._sweep(chosen, picker, dry_run, concurrency, on_skip, on_listed)

    async def _sweep(
        self,
        providers: list[Provider],
        picker: Picker,
        dry_run: bool,
        concurrency: int,
        on_skip: Callable[[Skipped], None] | None,
        on_listed: Callable[[LiveSession], None] | None,
    ) -> AsyncIterator[EndResult | SessionEndError | LiveSession]:
        failed: set[Provider] = set()
        for _ in range(SWEEP_PASSES):
            picked: list[LiveSession] = []
            for provider in providers:
                try:
                    async for page, now in self._pages(provider):
                        picker.begin(provider, now)
                        picked += sweep_page(picker, page, now, on_skip, on_listed)
                except SessionEndError as error:
                    if provider not in failed:  # reported once, however many passes
                        failed.add(provider)
                        yield error
            if dry_run:
                for session in picked:
                    yield session
                return
            if not picked:
                return
            targets = interleaved(picked)
            async for item in self.end_many(targets, concurrency=concurrency, missing_ok=True):
                yield item

    async def _pages(self, provider: Provider) -> AsyncIterator[tuple[Page, datetime.datetime]]:
        adapter = self._core.adapters[provider]
        request: Request | None = adapter.list_request()
        while request is not None:
            page, now = await self._page(provider, adapter, request)
            yield page, now
            request = page.next

    async def _page(
        self, provider: Provider, adapter: Adapter, request: Request
    ) -> tuple[Page, datetime.datetime]:
        steps = page_steps(adapter, self._core.listing(provider), request, self._core.timeout)
        return await _drive(steps, self._sender(provider))

    async def _end_target(
        self, target: object, missing_ok: bool | None
    ) -> EndResult | SessionEndError:
        try:
            provider, session_id = unpack(target)
            return await self.end(provider, session_id, missing_ok=missing_ok)
        except (SessionEndError, ValueError) as problem:
            return target_error(target, problem)

    def _sender(self, provider: Provider) -> Sender:
        self._check_open()
        # Connection pools belong to the event loop they were opened on.
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise RuntimeError(
                "this AsyncSessionEnder belongs to the event loop it first ran on; "
                "create one AsyncSessionEnder per event loop"
            )
        sender = self._senders.get(provider)
        if sender is None:
            connection = self._core.connection(provider)
            if self._transport is not None:
                sender = AsyncHttpxSender(connection, self._transport)
            else:
                # Imported here: aiohttp takes longer to import than all else sessionend needs.
                from ._aiohttp import AiohttpSender

                if self._ssl_context is None:
                    self._ssl_context = httpx.create_ssl_context()
                sender = AiohttpSender(connection, self._ssl_context)
            self._senders[provider] = sender
        return sender

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this AsyncSessionEnder is closed; create a new one")

    async def aclose(self) -> None:
        """Close every connection pool. Closing twice is harmless."""
        self._closed = True
        senders, self._senders = list(self._senders.values()), {}
        for sender in senders:
            await sender.close()

    async def __aenter__(self) -> AsyncSessionEnder:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()


async def _drive(steps: Exchange[T], sender: Sender) -> T:
    """Carry out an exchange's steps on asyncio: send, sleep, and hand back each reply."""
    step = next(steps)
    while True:
        reply: Answer | httpx.HTTPError | None = None
        if isinstance(step, Sleep):
            await _sleep(step.seconds)
        else:
            try:
                reply = await sender.send(step.request, step.timeout)
            except httpx.HTTPError as error:
                reply = error
        try:
            step = steps.send(reply)
        except StopIteration as done:
            result: T = done.value
            return result


async def _aiter(
    targets: Targets,
) -> AsyncIterator[tuple[Provider | str, str]]:
    if isinstance(targets, AsyncIterable):
        async for target in targets:
            yield target
    else:
        for target in targets:
            yield target
