"""AsyncSessionEnder's default transport (aiohttp, through httpx-aiohttp) against the fakes.

The unit tests give every ender a MockTransport; these run the transport users get by
default over real loopback HTTP, where what a failure means depends on where it happened.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from collections.abc import Iterator

import httpx
import pytest
import sessionend
import sessionend._async
from sessionend import AsyncSessionEnder, EndResult, Outcome, Provider, errors
from sessionend._aiohttp import AiohttpTransport
from sessionend.testing import FakeVendors, Fault, SessionState


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


@pytest.fixture(autouse=True)
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_wait(seconds: float) -> None:
        del seconds

    monkeypatch.setattr(sessionend._async, "_sleep", no_wait)


def test_ends_at_every_provider_in_bulk(fakes: FakeVendors) -> None:
    targets = [
        (provider, session_id)
        for provider in Provider
        for session_id in fakes.create_sessions(provider, 20)
    ]

    async def main() -> list[object]:
        async with AsyncSessionEnder(settings=fakes.settings()) as ender:
            return [item async for item in ender.end_many(targets, concurrency=16)]

    items = asyncio.run(main())
    assert isinstance(items, list)
    assert len(items) == len(targets)
    assert all(isinstance(item, EndResult) and item.outcome is Outcome.ENDED for item in items)
    assert all(fakes.state(provider, sid) is SessionState.ENDED for provider, sid in targets)


def test_the_default_transport_is_aiohttp_and_a_given_one_wins(fakes: FakeVendors) -> None:
    given = httpx.AsyncHTTPTransport()

    async def main() -> tuple[httpx.AsyncBaseTransport, httpx.AsyncBaseTransport]:
        async with (
            AsyncSessionEnder(settings=fakes.settings()) as default,
            AsyncSessionEnder(settings=fakes.settings(), transport=given) as custom,
        ):
            await default.end("akool", fakes.create_session("akool"))
            await custom.end("akool", fakes.create_session("akool"))
            return (
                default._client(Provider.AKOOL).get_async_httpx_client()._transport,
                custom._client(Provider.AKOOL).get_async_httpx_client()._transport,
            )

    default_transport, custom_transport = asyncio.run(main())
    assert isinstance(default_transport, AiohttpTransport)
    assert custom_transport is given


def test_a_connection_dropped_after_the_end_is_an_unknown_outcome(fakes: FakeVendors) -> None:
    # The first attempt ends the session but its answer is lost; the retry finds it ended.
    session_id = fakes.create_session("elizaos")
    fakes.inject("elizaos", Fault.drop(after_processing=True), session_id=session_id)

    async def main() -> EndResult:
        async with AsyncSessionEnder(settings=fakes.settings()) as ender:
            return await ender.end("elizaos", session_id)

    result = asyncio.run(main())
    assert isinstance(result, EndResult)
    assert result.outcome is Outcome.ALREADY_ENDED
    assert result.attempts == 2


def test_a_connection_dropped_before_the_end_is_retried(fakes: FakeVendors) -> None:
    session_id = fakes.create_session("openhands")
    fakes.inject("openhands", Fault.drop(), session_id=session_id)

    async def main() -> EndResult:
        async with AsyncSessionEnder(settings=fakes.settings()) as ender:
            return await ender.end("openhands", session_id)

    result = asyncio.run(main())
    assert isinstance(result, EndResult)
    assert result.outcome is Outcome.ENDED
    assert result.attempts == 2


def test_a_slow_answer_times_out_per_attempt(fakes: FakeVendors) -> None:
    session_id = fakes.create_session("akool")
    fakes.inject("akool", Fault.delay(2.0, times=3), session_id=session_id)

    async def main() -> None:
        async with AsyncSessionEnder(settings=fakes.settings(), max_retries=1) as ender:
            await ender.end("akool", session_id, timeout=0.2)

    with pytest.raises(errors.EndTimeout) as raised:
        asyncio.run(main())
    assert raised.value.attempts == 2


def test_a_refused_connection_is_a_transport_error() -> None:
    settings = {
        "openhands": sessionend.ProviderSettings(api_key="k", base_url="http://127.0.0.1:9")
    }

    async def main() -> None:
        async with AsyncSessionEnder(settings=settings, max_retries=1) as ender:
            await ender.end("openhands", "abc")

    with pytest.raises(errors.TransportError) as raised:
        asyncio.run(main())
    assert raised.value.attempts == 2


@pytest.mark.parametrize(
    ("aiohttp_error", "httpx_error"),
    [
        ("ServerDisconnectedError", httpx.RemoteProtocolError),
        ("ClientPayloadError", httpx.ReadError),
        ("SocketTimeoutError", httpx.ReadTimeout),
        ("ConnectionTimeoutError", httpx.ConnectTimeout),
        ("ClientConnectionResetError", httpx.ReadError),
        ("ClientConnectionError", httpx.ReadError),
    ],
)
def test_aiohttp_errors_keep_where_the_request_got_to(
    aiohttp_error: str, httpx_error: type[httpx.TransportError]
) -> None:
    import aiohttp
    from sessionend._aiohttp import httpx_error as mapped

    error = getattr(aiohttp, aiohttp_error)("lost")
    request = httpx.Request("POST", "http://127.0.0.1/x")
    assert type(mapped(error, request)) is httpx_error


def test_a_plain_os_error_is_a_read_error_so_the_end_is_retried() -> None:
    from sessionend._aiohttp import httpx_error as mapped

    request = httpx.Request("POST", "http://127.0.0.1/x")
    assert type(mapped(ConnectionResetError("reset"), request)) is httpx.ReadError


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_the_transport_stops_reading_a_body_over_the_bound(
    fakes: FakeVendors, chunked: bool
) -> None:
    """A 10 MB answer is refused by the transport itself, not read into memory first."""
    from sessionend._defaults import MAX_BODY
    from sessionend._transport import BodyTooLarge

    fakes.inject("openhands", Fault.answer(200, b"x" * (10 * MAX_BODY), chunked=chunked))
    url = fakes.base_url("openhands") + "/api/conversations/c/stop"

    async def main() -> None:
        transport = AiohttpTransport()
        try:
            with pytest.raises(BodyTooLarge) as caught:
                await transport.handle_async_request(httpx.Request("POST", url))
            assert caught.value.status == 200
        finally:
            await transport.aclose()

    asyncio.run(main())


def test_the_generated_clients_requests_take_the_plain_path(
    fakes: FakeVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Building an httpx.Request per end costs as much as the generated client itself: with
    # the default transport, no end may go through httpx's request path.
    async def refuse(self: AiohttpTransport, request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"{request.method} {request.url} went through httpx.Request")

    monkeypatch.setattr(AiohttpTransport, "handle_async_request", refuse)
    targets = [(provider, fakes.create_sessions(provider, 1)[0]) for provider in Provider]

    async def main() -> list[object]:
        async with AsyncSessionEnder(settings=fakes.settings(), timeout=5) as ender:
            return [item async for item in ender.end_many(targets)]

    items = asyncio.run(main())
    assert [type(item) for item in items] == [EndResult] * len(targets), items


@pytest.mark.parametrize("encoding", [None, "gzip", "deflate"])
@pytest.mark.parametrize("chunked", [False, True])
def test_answers_read_the_same_with_or_without_a_content_encoding(
    fakes: FakeVendors, encoding: str | None, chunked: bool
) -> None:
    # An unencoded body is handed over as read, skipping httpx's stream layers; an encoded
    # one is decoded by httpx. Either way the answer must read as httpx's own would.
    document = {"code": 1000, "msg": "ok \u00e9", "data": {"id": "x" * 300}}
    plain = json.dumps(document).encode()
    body = {None: plain, "gzip": gzip.compress(plain), "deflate": zlib.compress(plain)}[encoding]
    headers = {"Content-Encoding": encoding} if encoding else {}
    session_id = fakes.create_session("akool")
    fakes.inject(
        "akool",
        Fault.answer(200, body, headers=headers, chunked=chunked, times=2),
        session_id=session_id,
    )
    settings = fakes.settings()[Provider.AKOOL]
    url = f"{settings.base_url}/api/open/v4/liveAvatar/session/close"
    credential = {"x-api-key": settings.api_key or ""}

    async def main() -> list[httpx.Response]:
        transport = AiohttpTransport()
        try:
            request = httpx.Request("POST", url, json={"id": session_id}, headers=credential)
            answers = [
                await transport.send_plain("POST", url, [*credential.items()], request.content, {}),
                await transport.handle_async_request(request),
            ]
        finally:
            await transport.aclose()
        return answers

    for answer in asyncio.run(main()):
        assert answer.status_code == 200
        assert answer.content == plain
        assert answer.json() == document
        assert answer.text == plain.decode()
        assert answer.is_stream_consumed and answer.is_closed
        assert answer.headers.get("Content-Encoding") == encoding
