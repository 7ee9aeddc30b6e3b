"""AsyncSessionEnder's default sender: aiohttp's connection pool, through its public API.

httpx's own async transport slows down as concurrency rises (on a 2-core machine, about 4 ms
a request at 64 in flight against about 0.4 ms here), so bulk ends run on aiohttp. It sends
what the adapters describe (``providers.Request``), exactly as the httpx senders do:

- The URL is the base URL and the generated client's percent-encoded path, given to aiohttp
  as already encoded, so ``;``, ``:``, ``@`` or ``'`` in an id travel as ``%3B``, ``%3A``,
  ``%40``, ``%27``, byte for byte what the sync path sends.
- aiohttp's errors are mapped to the httpx errors that say whether the request may have
  reached the vendor (a retry after a lost answer relies on the difference).
- aiohttp resends an idempotent request (ElizaOS's DELETE) once, silently, when a reused
  connection drops. Retries are sessionend's to count: a per-request middleware lets the
  request through once and turns the resend into the disconnection it stands for, so the
  retry loop knows the first one may have ended the session.
- The proxy variables (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) are
  honoured per provider, as httpx's own client does, without aiohttp's ``trust_env`` (which
  would also lend ``~/.netrc`` credentials to vendor hosts).
- The headers are the httpx senders' (``_send.common_headers``), none of aiohttp's own.
- At most ``MAX_BODY`` bytes of an answer's body are read; cookies are never kept.

This module imports aiohttp, so sessionend imports it only when an async sender is built.
"""

from __future__ import annotations

import asyncio
import ssl

import aiohttp
import httpx
import yarl

from . import _defaults
from ._config import proxy_for
from ._core import Connection
from ._send import common_headers
from .providers import Answer, Request

__all__ = ["AiohttpSender", "httpx_error"]

_HEADER_BLOCK = 16 * 1024
"""h11's limit on an answer's status line and headers together, which httpx's path keeps."""


class _OneSend:
    """A per-request aiohttp middleware: the request goes out once, never resent."""

    __slots__ = ("sent",)

    def __init__(self) -> None:
        self.sent = False

    async def __call__(
        self, request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        if self.sent:
            raise aiohttp.ServerDisconnectedError("the connection dropped after the request")
        self.sent = True
        return await handler(request)


class AiohttpSender:
    """One provider's pool: at most ``MAX_CONNECTIONS`` to its host, kept alive."""

    def __init__(self, connection: Connection, ssl_context: ssl.SSLContext) -> None:
        self.connection = connection
        self.ssl_context = ssl_context
        self.proxy = proxy_for(connection.base_url)
        self.session: aiohttp.ClientSession | None = None
        self._slots: asyncio.Semaphore | None = None
        self._timeouts: dict[float, aiohttp.ClientTimeout] = {}

    def _session(self) -> aiohttp.ClientSession:
        # Built on first use, inside the event loop it will run on.
        connector = aiohttp.TCPConnector(
            limit=_defaults.MAX_CONNECTIONS,
            limit_per_host=_defaults.MAX_CONNECTIONS,
            ssl=self.ssl_context,
        )
        # Cookies are never kept: an end must not depend on what an earlier answer set.
        # The headers are the httpx path's: aiohttp adds no User-Agent, Accept or
        # Accept-Encoding of its own when they are set, and no Content-Type to a POST
        # without a body once it is told to skip it.
        self.session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            headers={**common_headers(), **self.connection.headers},
            skip_auto_headers=("Content-Type",),
            auto_decompress=True,
            # At least what the httpx path (h11) accepts: a header block of 16 KiB, however
            # it is split into lines. An answer one path reads, the other reads too.
            max_line_size=_HEADER_BLOCK,
            max_field_size=_HEADER_BLOCK,
            max_headers=_HEADER_BLOCK // 4,
        )
        # Ends wait here for a free connection, before their attempt's time starts: waiting
        # for the pool is not an attempt and must never time one out.
        self._slots = asyncio.Semaphore(_defaults.MAX_CONNECTIONS)
        return self.session

    async def send(self, request: Request, timeout: float) -> Answer:
        """Send ``request`` once and read the answer.

        Raises:
            httpx.TransportError: When no answer could be had, of the kind that says
                whether the request may have reached the vendor.
        """
        session = self.session or self._session()
        assert self._slots is not None
        url = yarl.URL(self.connection.base_url + request.path, encoded=True)
        async with self._slots:
            return await self._send(session, url, request, timeout)

    async def _send(
        self, session: aiohttp.ClientSession, url: yarl.URL, request: Request, timeout: float
    ) -> Answer:
        try:
            async with session.request(
                request.method,
                url,
                headers=request.headers,
                data=request.body,
                allow_redirects=False,
                proxy=self.proxy,
                timeout=self._timeout(timeout),
                middlewares=(_OneSend(),),
            ) as response:
                content = await _read_bounded(response)
                if content is None:
                    return Answer(response.status, response.headers, b"", request, True)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise httpx_error(error) from error
        return Answer(response.status, response.headers, content, request)

    def _timeout(self, seconds: float) -> aiohttp.ClientTimeout:
        # The whole attempt, from connecting to the last byte of the body: a server that
        # trickles bytes, or answers "100 Continue" and falls silent, cannot stretch it.
        found = self._timeouts.get(seconds)
        if found is None:
            found = aiohttp.ClientTimeout(total=seconds, sock_connect=seconds)
            if len(self._timeouts) < 64:
                self._timeouts[seconds] = found
        return found

    async def close(self) -> None:
        """Close the pool."""
        if self.session is not None:
            await self.session.close()


async def _read_bounded(response: aiohttp.ClientResponse) -> bytes | None:
    """The body, or None once it is longer than MAX_BODY (the rest is never read)."""
    declared = response.content_length
    if declared is not None and declared <= _defaults.MAX_BODY:
        return await response.read()  # the usual case: a small body of known length
    if declared is None:
        chunks: list[bytes] = []
        seen = 0
        async for chunk in response.content.iter_any():
            seen += len(chunk)
            if seen > _defaults.MAX_BODY:
                break
            chunks.append(chunk)
        else:
            return b"".join(chunks)
    response.close()  # the connection is not reused
    return None


def httpx_error(error: Exception) -> httpx.TransportError:
    """The httpx error that tells as much as ``error`` does about where the request got to."""
    message = str(error) or type(error).__name__
    kind: type[httpx.TransportError]
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        # No connection within the time: the pool was full or the host did not answer.
        kind = httpx.ConnectTimeout
    elif isinstance(error, aiohttp.ServerTimeoutError | TimeoutError):
        kind = httpx.ReadTimeout
    elif isinstance(error, aiohttp.ClientConnectorError):
        kind = httpx.ConnectError  # never connected: nothing was sent
    elif isinstance(error, aiohttp.ServerDisconnectedError | aiohttp.ClientResponseError):
        kind = httpx.RemoteProtocolError  # sent, then no valid answer
    elif isinstance(error, aiohttp.ClientPayloadError | aiohttp.ClientConnectionError | OSError):
        kind = httpx.ReadError  # the connection failed after it was made: the request may be in
    elif isinstance(error, aiohttp.InvalidURL):
        kind = httpx.UnsupportedProtocol
    else:
        kind = httpx.TransportError
    return kind(message)
