"""AsyncSessionEnder's default transport: httpx's interface on aiohttp's connection pool.

httpx's own async transport slows down as concurrency rises (on a 2-core machine, about 4 ms
a request at 64 in flight against about 0.4 ms here), so bulk ends run on httpx-aiohttp's
transport, still driven by the generated clients. These things are done differently from
httpx-aiohttp's ``handle_async_request``:

- aiohttp's errors are mapped to the httpx errors that say whether the request may have
  reached the vendor: httpx-aiohttp reports a connection the server dropped after the request
  was sent as ``ConnectTimeout`` ("never sent"), and lets some aiohttp errors through
  unmapped. A retry after a lost answer relies on the difference.
- aiohttp's own resend of an idempotent request on a dropped connection is switched off,
  so every attempt is counted by sessionend's retry loop.
- The proxy variables (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) are
  honoured per request, as httpx's own client does, without aiohttp's ``trust_env`` (which
  would also lend ``~/.netrc`` credentials to vendor hosts).
- The body is read inside the transport, which saves a streaming layer per request;
  end-session answers are small, and a body over ``MAX_BODY`` is never read past it.
- ``send_plain`` takes a request as text and bytes, so the direct async client (``_httpx``)
  sends the generated clients' requests without building an ``httpx.Request`` first.

This module imports aiohttp, so sessionend imports it only when an async client is built.
"""

from __future__ import annotations

import ssl
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence

import aiohttp
import httpx
import httpx_aiohttp

from . import _defaults
from ._transport import BodyTooLarge

__all__ = ["AiohttpTransport", "httpx_error"]


class AiohttpTransport(httpx_aiohttp.AiohttpTransport):
    """One provider's connection pool: at most ``MAX_CONNECTIONS`` to its host, kept alive."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        limits = httpx.Limits(
            max_connections=_defaults.MAX_CONNECTIONS,
            max_keepalive_connections=_defaults.MAX_CONNECTIONS,
        )
        # An SSL context takes milliseconds to build: the enders share one across providers.
        super().__init__(verify=ssl_context or True, limits=limits)
        self._proxies: dict[str, str | None] = {}
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    def get_client(self) -> aiohttp.ClientSession:
        """The aiohttp session, built on first use inside the event loop."""
        connector = aiohttp.TCPConnector(
            limit=_defaults.MAX_CONNECTIONS,
            limit_per_host=_defaults.MAX_CONNECTIONS,
            keepalive_timeout=self.limits.keepalive_expiry or 5.0,
            ssl=self.ssl_context,
        )
        # Cookies are never kept: an end must not depend on what an earlier answer set.
        session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())
        # aiohttp silently resends an idempotent request (ElizaOS's DELETE) once when a reused
        # connection drops. Retries are sessionend's to count: a resend after a lost answer
        # must know the first one may have ended the session, or it reads 404 as "not found".
        # There is no public switch; the fakes' dropped-connection test guards this.
        session._retry_connection = False
        return session

    def proxy_for(self, url: str) -> str | None:
        """The proxy the environment names for ``url``, as httpx's own client would use."""
        # Keyed by the text before the path: a bulk run asks for the same host every time.
        path_start = url.find("/", url.find("://") + 3)
        origin = url if path_start < 0 else url[:path_start]
        if origin not in self._proxies:
            parts = urllib.parse.urlsplit(url)
            proxies = urllib.request.getproxies_environment()
            bypass = not proxies or bool(urllib.request.proxy_bypass(parts.hostname or ""))
            proxy = None if bypass else proxies.get(parts.scheme, proxies.get("all"))
            self._proxies[origin] = proxy
        return self._proxies[origin]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return the whole answer."""
        response = await self.send_plain(
            request.method,
            str(request.url),
            # Decoded here: httpx's own items() guesses each header's encoding every time.
            [
                (name.decode("latin-1"), value.decode("latin-1"))
                for name, value in request.headers.raw
            ],
            request.content or None,
            request.extensions.get("timeout", {}),
            request,
        )
        response.request = request
        return response

    async def send_plain(
        self,
        method: str,
        url: str,
        headers: Sequence[tuple[str, str]],
        body: bytes | None,
        timeout: Mapping[str, float | None],
        request: httpx.Request | None = None,
    ) -> httpx.Response:
        """Send one request given as text and bytes, and return the whole answer.

        The direct clients call this without building an ``httpx.Request``; ``request``,
        when there is one, only goes on the errors. The answer's ``request`` is not set.
        """
        session = self.client
        if not isinstance(session, aiohttp.ClientSession):
            session = self.client = self.get_client()
        try:
            async with session.request(
                method,
                url,
                headers=headers,
                data=body,
                allow_redirects=False,
                proxy=self.proxy_for(url),
                auto_decompress=False,  # httpx decodes, as with its own transport
                timeout=self._timeout(timeout),
            ) as response:
                content = await _read_bounded(response)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise httpx_error(error, request) from error
        return _answer(response, content)

    def _timeout(self, timeout: Mapping[str, float | None]) -> aiohttp.ClientTimeout:
        # Bulk ends use one timeout over and over: one object per distinct timeout will do.
        key = (timeout.get("connect"), timeout.get("read"), timeout.get("pool"))
        found = self._timeouts.get(key)
        if found is None:
            found = aiohttp.ClientTimeout(sock_connect=key[0], sock_read=key[1], connect=key[2])
            if len(self._timeouts) < 64:
                self._timeouts[key] = found
        return found


def _answer(response: aiohttp.ClientResponse, content: bytes) -> httpx.Response:
    """The httpx answer holding ``content``, already read."""
    reason = response.reason
    answer = httpx.Response(
        status_code=response.status,
        headers=response.raw_headers,
        stream=httpx.ByteStream(content),
        extensions={"http_version": b"HTTP/1.1", "reason_phrase": reason.encode()}
        if reason
        else {"http_version": b"HTTP/1.1"},
    )
    if "Content-Encoding" in response.headers:
        answer.read()  # httpx decodes, as with its own transport
    else:
        # Reading runs the body through httpx's stream and decoder layers, a third of the
        # cost of an answer, to get the same bytes back; so a body with no encoding is set
        # as read. ``_content`` is where httpx 0.28 keeps a read body (httpx is pinned below
        # 0.29, and the transport tests check content, text and json of both kinds).
        answer._content = content
        answer.is_stream_consumed = answer.is_closed = True
    return answer


async def _read_bounded(response: aiohttp.ClientResponse) -> bytes:
    """The body, or BodyTooLarge once it is longer than MAX_BODY."""
    declared = response.content_length
    if declared is not None and declared <= _defaults.MAX_BODY:
        return await response.read()  # the usual case: a small body of known length
    chunks: list[bytes] = []
    seen = 0
    if declared is None:
        async for chunk in response.content.iter_any():
            seen += len(chunk)
            if seen > _defaults.MAX_BODY:
                break
            chunks.append(chunk)
        else:
            return b"".join(chunks)
    response.close()  # the rest is never read; the connection is not reused
    headers = {name: value for name, value in response.headers.items()}
    raise BodyTooLarge(
        f"the body is longer than {_defaults.MAX_BODY} bytes", response.status, headers
    )


def httpx_error(error: Exception, request: httpx.Request | None) -> httpx.TransportError:
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
    return kind(message, request=request)
