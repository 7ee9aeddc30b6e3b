"""AsyncSessionEnder's senders against the fakes: aiohttp by default, httpx when given one.

The unit tests give every ender a MockTransport; these run the senders over real loopback
HTTP, where what a failure means depends on where it happened.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import zlib
from collections.abc import Iterator

import aiohttp
import httpx
import pytest
import sessionend
from sessionend import AsyncSessionEnder, EndResult, Outcome, errors
from sessionend._aiohttp import AiohttpSender, httpx_error
from sessionend.providers import ADAPTERS, Answer, Request
from sessionend.testing import FakeVendors, Fault, SessionState

# The default sender, and the httpx sender a given transport selects.
SENDERS = ["aiohttp", "httpx"]


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def ender(fakes: FakeVendors, sender: str, max_retries: int = 2) -> AsyncSessionEnder:
    transport = httpx.AsyncHTTPTransport() if sender == "httpx" else None
    return AsyncSessionEnder(
        settings=fakes.settings(), transport=transport, max_retries=max_retries
    )


def end(
    fakes: FakeVendors,
    sender: str,
    provider: str,
    session_id: str,
    *,
    max_retries: int = 2,
    timeout: float | None = None,
) -> EndResult:
    async def main() -> EndResult:
        async with ender(fakes, sender, max_retries) as running:
            return await running.end(provider, session_id, timeout=timeout)

    return asyncio.run(main())


@pytest.mark.parametrize("sender", SENDERS)
def test_ends_at_every_provider_in_bulk(fakes: FakeVendors, sender: str) -> None:
    targets = [
        (provider, session_id)
        for provider in ADAPTERS
        for session_id in fakes.create_sessions(provider, 20)
    ]

    async def main() -> list[object]:
        async with ender(fakes, sender) as running:
            return [item async for item in running.end_many(targets, concurrency=16)]

    items = asyncio.run(main())
    assert len(items) == len(targets)
    assert all(isinstance(item, EndResult) and item.outcome is Outcome.ENDED for item in items)
    assert all(fakes.state(provider, sid) is SessionState.ENDED for provider, sid in targets)


def test_the_default_sender_is_aiohttp_and_a_given_transport_is_used(
    fakes: FakeVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    carried: list[str] = []
    original = AiohttpSender.send

    async def counted(self: AiohttpSender, request: Request, timeout: float) -> Answer:
        carried.append("aiohttp")
        return await original(self, request, timeout)

    class Counted(httpx.AsyncHTTPTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            carried.append("given")
            return await super().handle_async_request(request)

    monkeypatch.setattr(AiohttpSender, "send", counted)

    async def main() -> None:
        async with (
            AsyncSessionEnder(settings=fakes.settings()) as default,
            AsyncSessionEnder(settings=fakes.settings(), transport=Counted()) as custom,
        ):
            await default.end("akool", fakes.create_session("akool"))
            await custom.end("akool", fakes.create_session("akool"))

    asyncio.run(main())
    assert carried == ["aiohttp", "given"]


@pytest.mark.parametrize("sender", SENDERS)
def test_a_connection_dropped_after_the_end_is_an_unknown_outcome(
    fakes: FakeVendors, sender: str
) -> None:
    # The first attempt ends the session but its answer is lost; the retry finds it ended.
    session_id = fakes.create_session("elizaos")
    fakes.inject("elizaos", Fault.drop(after_processing=True), session_id=session_id)
    result = end(fakes, sender, "elizaos", session_id)
    assert (result.outcome, result.attempts) == (Outcome.ALREADY_ENDED, 2)


@pytest.mark.parametrize("sender", SENDERS)
def test_a_connection_dropped_before_the_end_is_retried(fakes: FakeVendors, sender: str) -> None:
    session_id = fakes.create_session("openhands")
    fakes.inject("openhands", Fault.drop(), session_id=session_id)
    result = end(fakes, sender, "openhands", session_id)
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)


@pytest.mark.parametrize("sender", SENDERS)
def test_a_slow_answer_times_out_per_attempt(fakes: FakeVendors, sender: str) -> None:
    session_id = fakes.create_session("akool")
    fakes.inject("akool", Fault.delay(2.0, times=3), session_id=session_id)
    with pytest.raises(errors.EndTimeout) as raised:
        end(fakes, sender, "akool", session_id, max_retries=1, timeout=0.2)
    assert raised.value.attempts == 2


@pytest.mark.parametrize("sender", SENDERS)
def test_a_refused_connection_is_a_transport_error(sender: str) -> None:
    # A bound socket that does not listen: connecting to it is refused at once.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{closed.getsockname()[1]}"
        settings = {"openhands": sessionend.ProviderSettings(api_key="k", base_url=url)}
        transport = httpx.AsyncHTTPTransport() if sender == "httpx" else None

        async def main() -> None:
            async with AsyncSessionEnder(
                settings=settings, max_retries=1, transport=transport
            ) as running:
                await running.end("openhands", "abc")

        with pytest.raises(errors.TransportError) as raised:
            asyncio.run(main())
    assert raised.value.attempts == 2


@pytest.mark.parametrize(
    ("error", "mapped"),
    [
        (aiohttp.ServerDisconnectedError("lost"), httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError("lost"), httpx.ReadError),
        (aiohttp.SocketTimeoutError("lost"), httpx.ReadTimeout),
        (aiohttp.ConnectionTimeoutError("lost"), httpx.ConnectTimeout),
        (aiohttp.ClientConnectionResetError("lost"), httpx.ReadError),
        (aiohttp.ClientConnectionError("lost"), httpx.ReadError),
        (TimeoutError(), httpx.ReadTimeout),
        (aiohttp.InvalidURL("x"), httpx.UnsupportedProtocol),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else "",
)
def test_aiohttp_errors_keep_where_the_request_got_to(
    error: Exception, mapped: type[httpx.TransportError]
) -> None:
    # ConnectError means nothing was sent (retried freely); a read or protocol error means
    # the vendor may have acted (a later 404 is ALREADY_ENDED).
    assert type(httpx_error(error)) is mapped


def test_a_refused_connector_error_means_nothing_was_sent() -> None:
    key = aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None)
    error = aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "refused"))
    assert type(httpx_error(error)) is httpx.ConnectError


def test_a_plain_os_error_is_a_read_error_so_the_end_is_retried() -> None:
    assert type(httpx_error(ConnectionResetError("reset"))) is httpx.ReadError


@pytest.mark.parametrize("sender", SENDERS)
@pytest.mark.parametrize("encoding", [None, "gzip", "deflate"])
@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_answers_read_the_same_with_or_without_a_content_encoding(
    fakes: FakeVendors, sender: str, encoding: str | None, chunked: bool
) -> None:
    document = {"code": 1000, "msg": "ok \u00e9", "data": {"id": "x" * 300}}
    plain = json.dumps(document).encode()
    body = {None: plain, "gzip": gzip.compress(plain), "deflate": zlib.compress(plain)}[encoding]
    headers = {"Content-Encoding": encoding} if encoding else {}
    session_id = fakes.create_session("akool")
    fakes.inject(
        "akool", Fault.answer(200, body, headers=headers, chunked=chunked), session_id=session_id
    )
    result = end(fakes, sender, "akool", session_id)
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 1)
    assert result.body == document
