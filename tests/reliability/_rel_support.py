"""What the reliability tests share: a clean environment, counting transports, scripted
loopback servers, and ways to run one end through either ender.

Nothing here is a conftest fixture, so other test files in this folder are free to add theirs.
"""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import httpx
import pytest
from sessionend import AsyncSessionEnder, EndResult, SessionEnder, errors

from tests.support import clear_provider_environment, record_retry_waits

MODES = ("sync", "async")
UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
TIMEOUT = 5.0
"""Per-attempt timeout for every ender here: a hang fails the test instead of stalling CI."""


def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hide the developer's real credentials and base URLs from the test."""
    clear_provider_environment(monkeypatch)


def no_retry_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry at once: waits are the retry tests' business, not these."""
    record_retry_waits(monkeypatch)


# Transports that see every request the wrapper sends, over real sockets.


# verify=False: these only ever carry plain http to loopback, and building a verifying TLS
# context for every ender costs ~30 ms, which over a thousand cases is most of the run.


class CountingTransport(httpx.HTTPTransport):
    """The ordinary transport, recording each request's URL before it goes out."""

    def __init__(self) -> None:
        super().__init__(verify=False)
        self.urls: list[httpx.URL] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        return super().handle_request(request)


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    """The ordinary async transport, recording each request's URL before it goes out."""

    def __init__(self) -> None:
        super().__init__(verify=False)
        self.urls: list[httpx.URL] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        return await super().handle_async_request(request)


class Nowhere(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Records requests and fails them without opening a socket: for non-loopback URLs."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raise httpx.ConnectError("not sent: this test stays on loopback", request=request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.handle_request(request)


# Running one end, or a batch, through either ender.


def end_with(mode: str, provider: str, session_id: str, **options: Any) -> EndResult:
    """End one session with a fresh ender; ``options`` are the constructor's keywords."""
    options.setdefault("timeout", TIMEOUT)
    if mode == "sync":
        with SessionEnder(**options) as ender:
            return ender.end(provider, session_id)

    async def run() -> EndResult:
        async with AsyncSessionEnder(**options) as ender:
            return await ender.end(provider, session_id)

    return asyncio.run(run())


def outcome_of(
    mode: str, provider: str, session_id: str, **options: Any
) -> EndResult | errors.SessionEndError:
    """The result of one end, or the SessionEndError it raised."""
    try:
        return end_with(mode, provider, session_id, **options)
    except errors.SessionEndError as error:
        return error


# A scripted HTTP/1.1 server on loopback, for answers the fakes do not give.


@attrs.define
class Seen:
    """One request a scripted server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@attrs.define
class Script:
    """What a scripted server answers: status, headers and body, sent as they are."""

    status: int = 200
    headers: list[tuple[str, str]] = attrs.field(factory=list)
    body: bytes = b""

    def raw(self) -> bytes:
        lines = [f"HTTP/1.1 {self.status} Scripted"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        lines += [f"Content-Length: {len(self.body)}", "Connection: close", "", ""]
        return "\r\n".join(lines).encode("latin-1") + self.body


class ScriptedServer:
    """A loopback HTTP server answering every request with ``script``, recording each one."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.script = Script()
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def handle_one_request(self) -> None:
                self.raw_requestline = self.rfile.readline(65537)
                if not self.raw_requestline or not self.parse_request():
                    self.close_connection = True
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with owner._lock:
                    owner.seen.append(Seen(self.command, self.path, dict(self.headers), body))
                    raw = owner.script.raw()
                self.wfile.write(raw)
                self.wfile.flush()
                self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:
                del format, args

        self._server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        self.host = host
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


@contextmanager
def scripted_server(host: str = "127.0.0.1") -> Iterator[ScriptedServer]:
    """A running ScriptedServer, stopped afterwards."""
    server = ScriptedServer(host).start()
    try:
        yield server
    finally:
        server.stop()
