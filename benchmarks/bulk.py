"""Bulk termination: the same ends through sessionend and through the clients it competes with.

Every variant ends fresh sessions, ``concurrency`` at a time where it can, after an untimed
warm-up; the rate of each is compared with the others measured in the same run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

import aiohttp
import attrs
import httpx
import httpx_aiohttp
import requests
from sessionend import AsyncSessionEnder, EndResult, Outcome, Provider, SessionEnder, _defaults

from . import generated
from .server import PROVIDERS, FakeServer, RawRequest, Stopwatch, raw_request

__all__ = ["VARIANTS", "BulkRun", "Variant", "run_variant"]

Target = tuple[Provider, str]
Item = TypeVar("Item")
Send = Callable[[Item], Awaitable[bool]]

DEADLINE = 900.0
"""Seconds one variant may take before it is abandoned."""


@attrs.frozen
class BulkRun:
    """One variant's measurement."""

    name: str
    label: str
    ends: int
    ended: int
    """How many ends the vendors confirmed: anything less means the variant is broken."""
    wall: float
    client_cpu: float
    server_cpu: float

    @property
    def rate(self) -> float:
        """Ends per second."""
        return self.ends / self.wall

    @property
    def client_busy(self) -> float:
        """The share of the wall time this process spent on the CPU."""
        return self.client_cpu / self.wall

    @property
    def server_busy(self) -> float:
        """The share of the wall time the server spent on the CPU."""
        return self.server_cpu / self.wall


async def _in_pool(items: Iterable[Item], concurrency: int, send: Send[Item]) -> int:
    # `concurrency` workers draining one iterator: the hand-written equivalent of end_many.
    remaining = iter(items)
    ended = 0

    async def worker() -> None:
        nonlocal ended
        for item in remaining:
            confirmed = await send(item)  # awaited first: `ended += await ...` loses counts
            ended += confirmed

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return ended


async def _timed_pool(
    server: FakeServer,
    warmup: Sequence[Item],
    measured: Sequence[Item],
    concurrency: int,
    send: Send[Item],
) -> tuple[int, Stopwatch]:
    await _in_pool(warmup, concurrency, send)
    with Stopwatch(server) as stopwatch:
        ended = await _in_pool(measured, concurrency, send)
    return ended, stopwatch


def _raw_requests(server: FakeServer, targets: Sequence[Target]) -> list[RawRequest]:
    # Built before the clock starts: the hand-written clients only send.
    return [
        raw_request(server.base_url(provider), provider, session_id)
        for provider, session_id in targets
    ]


async def aiohttp_loop(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """A hand-written aiohttp loop sending the same requests: the practical limit."""
    connector = aiohttp.TCPConnector(limit=_defaults.MAX_CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def send(request: RawRequest) -> bool:
            async with session.request(
                request.method, request.url, headers=request.headers, data=request.content
            ) as response:
                await response.read()
                return 200 <= response.status < 300

        return await _timed_pool(
            server,
            _raw_requests(server, warmup),
            _raw_requests(server, measured),
            concurrency,
            send,
        )


async def generated_default(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """The generated clients called directly, on httpx's default async transport."""
    return await _generated(server, warmup, measured, concurrency, None)


async def generated_aiohttp(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """The generated clients called directly, on httpx-aiohttp's transport as it comes."""

    def transport() -> httpx.AsyncBaseTransport:
        limits = httpx.Limits(max_connections=_defaults.MAX_CONNECTIONS)
        return httpx_aiohttp.AiohttpTransport(limits=limits)

    return await _generated(server, warmup, measured, concurrency, transport)


async def _generated(
    server: FakeServer,
    warmup: Sequence[Target],
    measured: Sequence[Target],
    concurrency: int,
    transport: Callable[[], httpx.AsyncBaseTransport] | None,
) -> tuple[int, Stopwatch]:
    # What a plain openapi-python-client user writes: one client per vendor, defaults kept,
    # each end through the endpoint module's build_request and parse_response.
    operations = {provider: generated.operation(provider) for provider in PROVIDERS}
    clients = {
        provider: generated.client(
            provider,
            server.base_url(provider),
            {"transport": transport()} if transport is not None else {},
        )
        for provider in PROVIDERS
    }

    def calls(targets: Sequence[Target]) -> list[tuple[Provider, dict[str, Any]]]:
        # The model objects and arguments a caller already holds, made before the clock starts.
        return [
            (provider, operations[provider].arguments(provider, session_id))
            for provider, session_id in targets
        ]

    async def send(call: tuple[Provider, dict[str, Any]]) -> bool:
        provider, arguments = call
        return await operations[provider].send(clients[provider], arguments)

    try:
        return await _timed_pool(server, calls(warmup), calls(measured), concurrency, send)
    finally:
        for client in clients.values():
            await client.get_async_httpx_client().aclose()


async def _sessionend(
    server: FakeServer,
    warmup: Sequence[Target],
    measured: Sequence[Target],
    concurrency: int,
    transport: httpx.AsyncBaseTransport | None,
) -> tuple[int, Stopwatch]:
    async with AsyncSessionEnder(settings=server.settings(), transport=transport) as ender:
        async for _ in ender.end_many(warmup, concurrency=concurrency):
            pass
        ended = 0
        with Stopwatch(server) as stopwatch:
            async for item in ender.end_many(measured, concurrency=concurrency):
                ended += isinstance(item, EndResult) and item.outcome is Outcome.ENDED
    return ended, stopwatch


async def sessionend_async(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """``AsyncSessionEnder.end_many`` as shipped."""
    return await _sessionend(server, warmup, measured, concurrency, None)


async def sessionend_httpx_transport(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """``AsyncSessionEnder.end_many`` given httpx's own async transport (sessionend 0.1)."""
    limits = httpx.Limits(
        max_connections=_defaults.MAX_CONNECTIONS,
        max_keepalive_connections=_defaults.MAX_CONNECTIONS,
    )
    return await _sessionend(
        server, warmup, measured, concurrency, httpx.AsyncHTTPTransport(limits=limits)
    )


async def sessionend_sync(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """``SessionEnder.end_many``, on threads (run off the event loop)."""

    def run() -> tuple[int, Stopwatch]:
        with SessionEnder(settings=server.settings()) as ender:
            for _ in ender.end_many(warmup, concurrency=concurrency):
                pass
            ended = 0
            with Stopwatch(server) as stopwatch:
                for item in ender.end_many(measured, concurrency=concurrency):
                    ended += isinstance(item, EndResult) and item.outcome is Outcome.ENDED
        return ended, stopwatch

    return await asyncio.to_thread(run)


async def requests_snippet(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """The vendors' documented Python snippet: ``requests.request`` per call, in turn."""
    del concurrency  # the snippet has none

    def send(request: RawRequest) -> bool:
        response = requests.request(
            request.method,
            request.url,
            data=request.content,
            headers=dict(request.headers),
            timeout=30,  # the snippet has none; a benchmark must not hang
        )
        return 200 <= response.status_code < 300

    def run() -> tuple[int, Stopwatch]:
        for request in _raw_requests(server, warmup[:10]):
            send(request)
        requests_ = _raw_requests(server, measured)
        with Stopwatch(server) as stopwatch:
            ended = sum(send(request) for request in requests_)
        return ended, stopwatch

    return await asyncio.to_thread(run)


Runner = Callable[
    [FakeServer, Sequence[Target], Sequence[Target], int], Awaitable[tuple[int, Stopwatch]]
]


@attrs.frozen
class Variant:
    """One way of ending sessions in bulk."""

    name: str
    label: str
    run: Runner


VARIANTS: tuple[Variant, ...] = (
    Variant("aiohttp_loop", "hand-written aiohttp loop", aiohttp_loop),
    Variant("sessionend", "sessionend AsyncSessionEnder.end_many", sessionend_async),
    Variant(
        "sessionend_httpx",
        "sessionend on httpx's default async transport",
        sessionend_httpx_transport,
    ),
    Variant("sessionend_sync", "sessionend SessionEnder.end_many (threads)", sessionend_sync),
    Variant(
        "generated_default",
        "generated clients on httpx's default async transport",
        generated_default,
    ),
    Variant(
        "generated_aiohttp",
        "generated clients on httpx-aiohttp's transport",
        generated_aiohttp,
    ),
    Variant("requests_snippet", "vendors' snippet: requests.request, one by one", requests_snippet),
)


def run_variant(
    server: FakeServer, variant: Variant, targets: int, concurrency: int, warmup: int
) -> BulkRun:
    """Measure one variant on ``targets`` fresh sessions after ``warmup`` untimed ends."""
    sessions = server.targets(targets + warmup)
    ended, stopwatch = asyncio.run(
        asyncio.wait_for(
            variant.run(server, sessions[:warmup], sessions[warmup:], concurrency), DEADLINE
        )
    )
    measured = stopwatch.result
    return BulkRun(
        variant.name,
        variant.label,
        targets,
        ended,
        measured.wall,
        measured.client_cpu,
        measured.server_cpu,
    )
