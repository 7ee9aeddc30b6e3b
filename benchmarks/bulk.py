"""Bulk termination: the same ends through sessionend and through the clients it competes with.

Every variant ends fresh sessions, ``concurrency`` at a time where it can, after an untimed
warm-up; the rate of each is compared with the others measured in the same run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import aiohttp
import attrs
import httpx
import httpx_aiohttp
import requests
from sessionend import AsyncSessionEnder, EndResult, Outcome, Provider, SessionEnder, _defaults

from .server import FakeServer, Stopwatch, raw_request

__all__ = ["VARIANTS", "BulkRun", "Variant", "run_variant"]

Target = tuple[Provider, str]
Send = Callable[[Target], Awaitable[bool]]

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


async def _in_pool(targets: Iterable[Target], concurrency: int, send: Send) -> int:
    # `concurrency` workers draining one iterator: the hand-written equivalent of end_many.
    remaining = iter(targets)
    ended = 0

    async def worker() -> None:
        nonlocal ended
        for target in remaining:
            confirmed = await send(target)  # awaited first: `ended += await ...` loses counts
            ended += confirmed

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return ended


async def _timed_pool(
    server: FakeServer,
    warmup: Sequence[Target],
    measured: Sequence[Target],
    concurrency: int,
    send: Send,
) -> tuple[int, Stopwatch]:
    await _in_pool(warmup, concurrency, send)
    with Stopwatch(server) as stopwatch:
        ended = await _in_pool(measured, concurrency, send)
    return ended, stopwatch


async def aiohttp_loop(
    server: FakeServer, warmup: Sequence[Target], measured: Sequence[Target], concurrency: int
) -> tuple[int, Stopwatch]:
    """A hand-written aiohttp loop sending the same requests: the practical limit."""
    connector = aiohttp.TCPConnector(limit=_defaults.MAX_CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def send(target: Target) -> bool:
            provider, session_id = target
            request = raw_request(server.base_url(provider), provider, session_id)
            async with session.request(
                request.method, request.url, headers=request.headers, json=request.json
            ) as response:
                await response.read()
                return 200 <= response.status < 300

        return await _timed_pool(server, warmup, measured, concurrency, send)


def _generated_clients(
    server: FakeServer, transport: Callable[[], httpx.AsyncBaseTransport] | None
) -> dict[Provider, Any]:
    # What a plain openapi-python-client user writes: one client per vendor, defaults kept.
    from akool_client import AuthenticatedClient as AkoolClient
    from digitalsamba_client import AuthenticatedClient as DigitalSambaClient
    from elizaos_client import AuthenticatedClient as ElizaOSClient
    from liveavatar_client import AuthenticatedClient as LiveAvatarClient
    from openhands_client import AuthenticatedClient as OpenHandsClient

    def header(provider: Provider, name: str) -> dict[str, Any]:
        request = raw_request("", provider, "x")
        options = {"token": request.headers[name], "prefix": "", "auth_header_name": name}
        return options | ({"httpx_args": {"transport": transport()}} if transport else {})

    basic = raw_request("", Provider.DIGITALSAMBA, "x").headers["Authorization"].split()[1]
    return {
        Provider.LIVEAVATAR: LiveAvatarClient(
            base_url=server.base_url(Provider.LIVEAVATAR),
            **header(Provider.LIVEAVATAR, "X-API-KEY"),
        ),
        Provider.AKOOL: AkoolClient(
            base_url=server.base_url(Provider.AKOOL), **header(Provider.AKOOL, "x-api-key")
        ),
        Provider.OPENHANDS: OpenHandsClient(
            base_url=server.base_url(Provider.OPENHANDS),
            **header(Provider.OPENHANDS, "X-Session-API-Key"),
        ),
        Provider.DIGITALSAMBA: DigitalSambaClient(
            base_url=server.base_url(Provider.DIGITALSAMBA),
            token=basic,
            prefix="Basic",
            httpx_args={"transport": transport()} if transport else {},
        ),
        Provider.ELIZAOS: ElizaOSClient(
            base_url=server.base_url(Provider.ELIZAOS), **header(Provider.ELIZAOS, "X-API-KEY")
        ),
    }


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
    import uuid

    from akool_client.api.session_management import (
        post_api_open_v_4_live_avatar_session_close as akool_close,
    )
    from akool_client.models import CloseSessionBody
    from digitalsamba_client.api.sessions import end_the_specified_live_session as samba_end
    from elizaos_client.api.default import end_session as eliza_end
    from liveavatar_client.api.sessions import stop_session_v1_sessions_stop_post as avatar_stop
    from liveavatar_client.models import SessionEndReasonEnum, StopSessionSchema
    from openhands_client.api.default import (
        stop_conversation_api_conversations_conversation_id_stop_post as hands_stop,
    )

    clients = _generated_clients(server, transport)

    async def send(target: Target) -> bool:
        provider, session_id = target
        client = clients[provider]
        response: Any
        if provider is Provider.LIVEAVATAR:
            body = StopSessionSchema(
                session_id=uuid.UUID(session_id), reason=SessionEndReasonEnum.USER_CLOSED
            )
            response = await avatar_stop.asyncio_detailed(client=client, body=body)
        elif provider is Provider.AKOOL:
            response = await akool_close.asyncio_detailed(
                client=client, body=CloseSessionBody(id=session_id)
            )
        elif provider is Provider.OPENHANDS:
            response = await hands_stop.asyncio_detailed(session_id, client=client)
        elif provider is Provider.DIGITALSAMBA:
            response = await samba_end.asyncio_detailed(session_id, client=client)
        else:
            response = await eliza_end.asyncio_detailed(session_id, client=client)
        return 200 <= int(response.status_code) < 300

    try:
        return await _timed_pool(server, warmup, measured, concurrency, send)
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

    def send(target: Target) -> bool:
        provider, session_id = target
        request = raw_request(server.base_url(provider), provider, session_id)
        response = requests.request(
            request.method,
            request.url,
            json=request.json,
            headers=dict(request.headers),
            timeout=30,  # the snippet has none; a benchmark must not hang
        )
        return 200 <= response.status_code < 300

    def run() -> tuple[int, Stopwatch]:
        for target in warmup[:10]:
            send(target)
        with Stopwatch(server) as stopwatch:
            ended = sum(send(target) for target in measured)
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
