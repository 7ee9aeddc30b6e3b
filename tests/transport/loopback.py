"""A raw HTTP/1.1 server on 127.0.0.1 that records requests as they arrived, and the enders.

The fakes answer as vendors do; this server answers exactly what a test scripts, byte for
byte, and keeps what each client sent: the request line with its raw (still percent-encoded)
target, the header lines with their case, and the body. It also serves as a forward proxy:
a request sent through it arrives with an absolute target.

``end_all`` runs the same ends on each of the three paths an end can take: SessionEnder
(httpx), AsyncSessionEnder on its default aiohttp sender, and AsyncSessionEnder given an
httpx transport.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socketserver
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx
from sessionend import AsyncSessionEnder, EndResult, Provider, ProviderSettings, SessionEnder
from sessionend.errors import SessionEndError

__all__ = ["PATHS", "RawServer", "Reply", "Seen", "answer", "end_all", "settings_for"]

PATHS = ("sync", "aiohttp", "httpx-async")
"""SessionEnder, AsyncSessionEnder's default sender, AsyncSessionEnder(transport=...)."""


@dataclasses.dataclass(frozen=True)
class Seen:
    """One request as it arrived."""

    connection: int
    """Which connection it came on, counted from 0 in the order they were accepted."""
    method: str
    target: str
    """The request target as sent: a percent-encoded path, or a URL when proxied."""
    headers: tuple[tuple[str, str], ...]
    """Header lines in the order sent, names in the case sent."""
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (any case), or None."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@dataclasses.dataclass(frozen=True)
class Reply:
    """What the server does after reading a request."""

    data: bytes = b""
    """Bytes written back (an answer, or part of one)."""
    close: bool = False
    """Close the connection after writing ``data`` (with no data: no answer at all)."""
    stall: bool = False
    """After ``data``, hold the connection open and say nothing more until the server stops."""


def answer(status: int, body: bytes = b"", headers: Sequence[tuple[str, str]] = ()) -> bytes:
    """A complete HTTP/1.1 answer with a Content-Length; the connection stays open."""
    lines = [f"HTTP/1.1 {status} Status", *(f"{k}: {v}" for k, v in headers)]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class RawServer:
    """Reads requests on kept-alive connections; ``reply(seen, index)`` says what to do.

    ``index`` counts requests from 0 across all connections.
    """

    def __init__(self, reply: Callable[[Seen, int], Reply]) -> None:
        self.reply = reply
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections = 0
        owner = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = 30  # no test waits this long; a stuck client cannot hang the suite

            def handle(self) -> None:
                owner._serve(self)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    def _serve(self, handler: socketserver.StreamRequestHandler) -> None:
        with self._lock:
            connection = self._connections
            self._connections += 1
        try:
            self._exchange(handler, connection)
        except OSError:
            return  # the client dropped the connection: nothing more to read or answer

    def _exchange(self, handler: socketserver.StreamRequestHandler, connection: int) -> None:
        while not self.stopping.is_set():
            seen = _read(handler, connection)
            if seen is None:
                return  # the client closed the connection
            with self._lock:
                index = len(self.seen)
                self.seen.append(seen)
            step = self.reply(seen, index)
            handler.wfile.write(step.data)
            handler.wfile.flush()
            if step.stall:
                self.stopping.wait(30)
                return
            if step.close:
                return


def _read(handler: socketserver.StreamRequestHandler, connection: int) -> Seen | None:
    line = handler.rfile.readline(65537)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: list[tuple[str, str]] = []
    while (raw := handler.rfile.readline(65537)) not in (b"\r\n", b"\n", b""):
        name, _, value = raw.decode("latin-1").partition(":")
        headers.append((name, value.strip()))
    length = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
    body = handler.rfile.read(length) if length else b""
    return Seen(connection, method, target, tuple(headers), body)


def settings_for(base_url: str, providers: Sequence[Provider]) -> dict[Provider, ProviderSettings]:
    """Settings sending every given provider's ends to ``base_url``, each credential set."""
    from sessionend.providers import ADAPTERS

    return {
        provider: ProviderSettings(
            base_url=base_url,
            **{c.name: f"{c.name}-value" for c in ADAPTERS[provider].credentials},
        )
        for provider in providers
    }


def end_all(
    path: str,
    settings: Mapping[Provider, ProviderSettings],
    targets: Sequence[tuple[Provider, str]],
    **options: Any,
) -> list[EndResult | SessionEndError]:
    """End ``targets`` one after another on one ender of ``path``; errors are returned.

    ``transport=`` in ``options`` is the httpx-async path's transport (ignored elsewhere).
    """
    options.setdefault("timeout", 10)
    transport = options.pop("transport", None)
    if path == "sync":
        found: list[EndResult | SessionEndError] = []
        with SessionEnder(settings=settings, **options) as ender:
            for provider, session_id in targets:
                try:
                    found.append(ender.end(provider, session_id))
                except SessionEndError as error:
                    found.append(error)
        return found
    if path == "httpx-async":
        options["transport"] = transport or httpx.AsyncHTTPTransport()
    elif path != "aiohttp":
        raise ValueError(f"unknown path {path!r}")

    async def run() -> list[EndResult | SessionEndError]:
        found: list[EndResult | SessionEndError] = []
        async with AsyncSessionEnder(settings=settings, **options) as ender:
            for provider, session_id in targets:
                try:
                    found.append(await ender.end(provider, session_id))
                except SessionEndError as error:
                    found.append(error)
        return found

    return asyncio.run(run())
