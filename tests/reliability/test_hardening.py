"""Fixes for what an adversarial review found, each on real loopback sockets, both enders.

Sessions left running (the Digital Samba fallback race, a gateway error then 404, a web page
counted as an end, ids end_many sent that end() refuses), credentials in clear text through
a proxy or in a base URL, timeouts that cannot be honoured, and one async ender driven from
two event loops.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import math
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from sessionend import (
    AsyncSessionEnder,
    EndResult,
    Outcome,
    Provider,
    ProviderSettings,
    SessionEnder,
    errors,
)
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors, Fault, SessionState

from ._rel_support import MODES, clean_environment, no_retry_sleep, outcome_of, scripted_server

PROVIDERS = list(ADAPTERS)


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)
    no_retry_sleep(monkeypatch)


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def end_many(
    mode: str, settings: Mapping[Any, ProviderSettings], targets: list[Any], concurrency: int
) -> list[EndResult | errors.SessionEndError]:
    """Every item end_many yields for ``targets``, through either ender."""
    if mode == "sync":
        with SessionEnder(settings=settings) as ender:
            return list(ender.end_many(targets, concurrency=concurrency))

    async def run() -> list[EndResult | errors.SessionEndError]:
        async with AsyncSessionEnder(settings=settings) as ender:
            return [item async for item in ender.end_many(targets, concurrency=concurrency)]

    return asyncio.run(run())


@pytest.mark.parametrize("mode", MODES)
def test_every_end_that_meets_a_405_tries_the_other_method(mode: str, fakes: FakeVendors) -> None:
    """64 ends at concurrency 32 against a GET-only server: all 64 ended, none given up."""
    fakes.digitalsamba.get_only = True
    try:
        ids = fakes.create_sessions("digitalsamba", 64)
        items = end_many(mode, dict(fakes.settings()), [("digitalsamba", i) for i in ids], 32)
    finally:
        fakes.digitalsamba.get_only = False
    assert [getattr(item, "outcome", item) for item in items] == [Outcome.ENDED] * 64
    assert all(fakes.state("digitalsamba", i) is SessionState.ENDED for i in ids)


@pytest.mark.parametrize("mode", MODES)
def test_a_method_is_remembered_only_after_it_succeeded(mode: str, fakes: FakeVendors) -> None:
    """A 405 whose GET is refused too (this fake takes only POST) leaves POST for the next end."""
    first, second = fakes.create_sessions("digitalsamba", 2)
    fakes.inject("digitalsamba", Fault.failing(405), session_id=first)
    settings = dict(fakes.settings())
    seen = len(fakes.digitalsamba.received)
    if mode == "sync":
        with SessionEnder(settings=settings, max_retries=0) as ender:
            with pytest.raises(errors.RequestRejected):
                ender.end("digitalsamba", first)
            result = ender.end("digitalsamba", second)
    else:

        async def run() -> EndResult:
            async with AsyncSessionEnder(settings=settings, max_retries=0) as ender:
                with pytest.raises(errors.RequestRejected):
                    await ender.end("digitalsamba", first)
                return await ender.end("digitalsamba", second)

        result = asyncio.run(run())
    methods = [request.method for request in list(fakes.digitalsamba.received)[seen:]]
    assert methods == ["POST", "GET", "POST"]
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 1)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [502, 504])
def test_a_gateway_error_then_404_is_already_ended(
    mode: str, status: int, fakes: FakeVendors
) -> None:
    """The gateway may have passed the end on: the 404 after it means it was ended."""
    for provider in ("elizaos", "digitalsamba", "liveavatar"):
        session_id = ADAPTERS[next(p for p in ADAPTERS if p.value == provider)].example_session_id
        fakes.inject(provider, Fault.failing(status), session_id=session_id)
        item = outcome_of(mode, provider, session_id, settings=fakes.settings())
        assert isinstance(item, EndResult), (provider, item)
        assert (item.outcome, item.attempts) == (Outcome.ALREADY_ENDED, 2), provider


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_web_page_under_200_is_never_an_end(
    mode: str, provider: Provider, fakes: FakeVendors
) -> None:
    session_id = fakes.create_session(provider)
    page = b"<!doctype html><html><body>Welcome</body></html>"
    fakes.inject(
        provider,
        Fault.answer(200, page, content_type="text/html; charset=utf-8"),
        session_id=session_id,
    )
    item = outcome_of(mode, str(provider), session_id, settings=fakes.settings())
    assert isinstance(item, errors.UnexpectedResponse)
    assert "web page" in str(item)
    assert fakes.state(provider, session_id) is SessionState.ACTIVE


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("bad_id", [None, b"abc", 1.5, 42, ["x"]])
def test_end_many_refuses_what_end_refuses(mode: str, bad_id: object, fakes: FakeVendors) -> None:
    """A None id never becomes the text "None"; nothing is sent for it."""
    seen = fakes["openhands"].request_count
    items = end_many(mode, dict(fakes.settings()), [("openhands", bad_id)], 4)
    assert len(items) == 1
    assert isinstance(items[0], errors.InvalidSessionId), items[0]
    assert fakes["openhands"].request_count == seen


@pytest.mark.parametrize("mode", MODES)
def test_no_credential_through_a_plain_http_proxy_elsewhere(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loopback http base URL through a proxy on another host would leak the key."""
    with scripted_server() as proxy:
        monkeypatch.setenv("HTTP_PROXY", f"http://proxy-host.invalid:{proxy.port}")
        settings = {
            "elizaos": ProviderSettings(api_key="proxy-leak-key", base_url="http://127.0.0.1:9")
        }
        item = outcome_of(mode, "elizaos", "abc", settings=settings)
        assert isinstance(item, errors.ConfigurationError)
        assert "proxy" in str(item) and "proxy-leak-key" not in str(item)
        assert proxy.seen == []


@pytest.mark.parametrize("mode", MODES)
def test_a_loopback_proxy_may_carry_plain_http(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy on this machine sees nothing that leaves it."""
    with scripted_server() as proxy:
        proxy.script.body = b'{"success": true, "message": "deleted"}'
        proxy.script.headers = [("Content-Type", "application/json")]
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "")
        settings = {"elizaos": ProviderSettings(api_key="k", base_url="http://localhost:9")}
        item = outcome_of(mode, "elizaos", "abc", settings=settings)
        assert isinstance(item, EndResult), item
        assert [seen.method for seen in proxy.seen] == ["DELETE"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "base_url",
    [
        "https://user:pa/ss-SECRET@api.example",
        "https://user:pa?ss-SECRET@api.example",
        "https://api.example:99999",
        "https://api.example:port",
        "https://:SECRET@api.example",
    ],
)
def test_a_base_url_with_user_info_or_a_bad_port_is_refused(mode: str, base_url: str) -> None:
    settings = {"akool": ProviderSettings(api_key="k", base_url=base_url)}
    item = outcome_of(mode, "akool", "abc", settings=settings)
    assert isinstance(item, errors.ConfigurationError), item
    assert "SECRET" not in str(item) and "pa/ss" not in str(item)


def test_end_many_yields_a_bad_base_url_as_an_error() -> None:
    settings = {"akool": ProviderSettings(api_key="k", base_url="https://u:p/w-SECRET@h")}
    items = end_many("async", settings, [("akool", "abc"), ("akool", "def")], 2)
    assert [type(item) for item in items] == [errors.ConfigurationError] * 2
    assert not any("SECRET" in str(item) for item in items)


@pytest.mark.parametrize("ender", [SessionEnder, AsyncSessionEnder])
@pytest.mark.parametrize(
    "keywords",
    [
        {"timeout": math.inf},
        {"timeout": math.nan},
        {"timeout": 0},
        {"max_retry_wait": math.nan},
        {"max_retry_wait": math.inf},
        {"max_retry_wait": -1},
        {"max_retries": 1.5},
        {"max_retries": True},
    ],
)
def test_unusable_numbers_are_refused_at_construction(
    ender: type[SessionEnder] | type[AsyncSessionEnder], keywords: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match=next(iter(keywords))):
        ender(**keywords)


def test_a_per_end_timeout_of_inf_is_refused_before_sending(fakes: FakeVendors) -> None:
    with (
        SessionEnder(settings=fakes.settings()) as ender,
        pytest.raises(ValueError, match="finite"),
    ):
        ender.end("akool", "abc", timeout=math.inf)


def test_an_async_ender_belongs_to_its_first_event_loop(fakes: FakeVendors) -> None:
    ender = AsyncSessionEnder(settings=fakes.settings())
    first_loop = asyncio.new_event_loop()
    try:
        first = fakes.create_session("akool")
        assert first_loop.run_until_complete(ender.end("akool", first)).outcome is Outcome.ENDED
        second = fakes.create_session("akool")
        with pytest.raises(RuntimeError, match="event loop"):
            asyncio.run(ender.end("akool", second))

        async def bulk() -> list[object]:
            return [item async for item in ender.end_many([("akool", second)])]

        with pytest.raises(RuntimeError, match="event loop"):
            asyncio.run(bulk())
        assert fakes.state("akool", second) is SessionState.ACTIVE
    finally:
        first_loop.run_until_complete(ender.aclose())
        first_loop.close()


def test_the_pytest_plugin_loads_without_the_testing_extra() -> None:
    """Without aiohttp, pydantic and vendor_models, the plugin module still imports."""
    code = (
        "import sys\n"
        "for name in ('aiohttp', 'pydantic', 'vendor_models'):\n"
        "    sys.modules[name] = None  # as if not installed\n"
        "import sessionend.testing.pytest_plugin\n"
        "print('loaded')\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip() == "loaded"


def test_threads_sharing_one_ender_get_the_fallback_each(fakes: FakeVendors) -> None:
    """The remembered method is one attribute: no thread ever sees half a switch."""
    fakes.digitalsamba.get_only = True
    try:
        ids = fakes.create_sessions("digitalsamba", 48)
        with (
            SessionEnder(settings=fakes.settings()) as ender,
            concurrent.futures.ThreadPoolExecutor(16) as pool,
        ):
            results = list(pool.map(lambda i: ender.end("digitalsamba", i), ids))
    finally:
        fakes.digitalsamba.get_only = False
    assert all(result.outcome is Outcome.ENDED for result in results)


# Bounded time: the timeout bounds an attempt, and waiting for a connection is not one.


class TricklingServer:
    """Answers headers at once, then one body byte every ``pause`` seconds, ``size`` in all."""

    def __init__(self, size: int = 100, pause: float = 0.05, early: bytes = b"") -> None:
        import socket
        import threading

        self.size, self.pause, self.early = size, pause, early
        self.written = 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        import time

        self._socket.settimeout(10)
        try:
            connection, _ = self._socket.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)
            try:
                if self.early:
                    connection.sendall(self.early)
                    time.sleep(self.size * self.pause)  # then silence
                    return
                head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {self.size}\r\n\r\n"
                connection.sendall(head.encode())
                for _ in range(self.size):
                    connection.sendall(b" ")
                    self.written += 1
                    time.sleep(self.pause)
            except OSError:
                return

    def close(self) -> None:
        self._socket.close()
        self._thread.join(timeout=15)


@pytest.mark.parametrize("mode", MODES)
def test_a_trickling_body_cannot_stretch_an_attempt(mode: str) -> None:
    """One byte every 50 ms for 100 bytes: a 1 s attempt gives up long before the end."""
    server = TricklingServer()
    try:
        settings = {"elizaos": ProviderSettings(base_url=server.url)}
        item = outcome_of(mode, "elizaos", "abc", settings=settings, timeout=1.0, max_retries=0)
    finally:
        server.close()
    assert isinstance(item, errors.EndTimeout), item
    assert server.written < server.size


def test_100_continue_then_silence_is_bounded_on_the_async_path() -> None:
    server = TricklingServer(size=100, pause=0.05, early=b"HTTP/1.1 100 Continue\r\n\r\n")
    try:
        settings = {"elizaos": ProviderSettings(base_url=server.url)}
        item = outcome_of("async", "elizaos", "abc", settings=settings, timeout=1.0, max_retries=0)
    finally:
        server.close()
    assert isinstance(item, errors.EndTimeout), item


@pytest.mark.parametrize("mode", MODES)
def test_waiting_for_a_free_connection_is_not_an_attempt(
    mode: str, fakes: FakeVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twice the pool's connections in flight, each answer 0.4 s, attempts of 0.7 s: none
    times out, though half of them wait about 0.4 s for a connection first."""
    from sessionend import _defaults

    monkeypatch.setattr(_defaults, "MAX_CONNECTIONS", 4)  # the same rule, at a size CI affords
    count = 2 * _defaults.MAX_CONNECTIONS
    ids = fakes.create_sessions("akool", count)
    fakes.inject("akool", Fault.delay(0.4, times=count))
    if mode == "sync":
        with SessionEnder(settings=fakes.settings(), timeout=0.7, max_retries=0) as ender:
            items = list(ender.end_many([("akool", i) for i in ids], concurrency=count))
    else:

        async def run() -> list[EndResult | errors.SessionEndError]:
            async with AsyncSessionEnder(
                settings=fakes.settings(), timeout=0.7, max_retries=0
            ) as ender:
                targets = [("akool", i) for i in ids]
                return [item async for item in ender.end_many(targets, concurrency=count)]

        items = asyncio.run(run())
    failed = [item for item in items if not isinstance(item, EndResult)]
    assert failed == []
    assert len(items) == count


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "headers",
    [[("X-Long", "a" * 9000)], [(f"X-Header-{n}", "v") for n in range(150)]],
    ids=["a 9 KB header line", "150 headers"],
)
def test_both_paths_read_the_same_answers(mode: str, headers: list[tuple[str, str]]) -> None:
    """What the sync path reads (h11's 16 KiB header block), the async path reads too."""
    with scripted_server() as server:
        server.script.headers = [("Content-Type", "application/json"), *headers]
        server.script.body = b'{"success": true, "message": "deleted"}'
        settings = {"elizaos": ProviderSettings(base_url=server.url)}
        item = outcome_of(mode, "elizaos", "abc", settings=settings)
    assert isinstance(item, EndResult), item
    assert item.outcome is Outcome.ENDED
