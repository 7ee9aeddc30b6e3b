"""Sending an adapter's request on httpx's public client API, sync or async.

The adapters describe each request (``providers.Request``); these senders only carry it,
so both enders send the same bytes. Each provider gets its own sender: one connection pool,
its base URL and its credential headers.

- The URL is the base URL and the generated client's already percent-encoded path, joined
  as text: nothing re-encodes or normalises the id on the way.
- Requests are built as ``httpx.Request`` and given to the client's ``send``: cookies an
  answer sets are never sent back (an end must not depend on them), redirects are never
  followed (one could carry the credential to another host), and no auth flow runs (the
  credential is a header).
- Proxies named by the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``,
  ``NO_PROXY``) are honoured as httpx's client honours them.
- Both paths send the same headers: ``common_headers()`` (set explicitly, as aiohttp would
  add its own and httpx, sending a built request, adds none), the credentials, the
  adapter's, and ``Content-Length: 0`` on a request without a body (aiohttp sends it on a
  DELETE too).
- At most ``MAX_BODY`` bytes of an answer's body are read.
"""

from __future__ import annotations

import functools
import importlib.metadata
import threading
import time

import httpx

from . import _defaults
from ._core import Connection
from .providers import Answer, Request

__all__ = ["HttpxSender", "common_headers", "declared_too_long", "httpx_request", "pool_limits"]

# Methods whose requests carry no Content-Length when they have no body, on both paths.
_BODILESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


@functools.cache
def _user_agent() -> str:
    try:
        return f"sessionend/{importlib.metadata.version('sessionend')}"
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        return "sessionend"


def common_headers() -> dict[str, str]:
    """The headers every request carries, on the httpx and aiohttp paths alike.

    Only encodings both clients decode are accepted (httpx would also take brotli or zstd
    when their packages happen to be installed, aiohttp not always).
    """
    return {"User-Agent": _user_agent(), "Accept": "*/*", "Accept-Encoding": "gzip, deflate"}


def pool_limits() -> httpx.Limits:
    """At most MAX_CONNECTIONS connections to the provider, all kept alive."""
    return httpx.Limits(
        max_connections=_defaults.MAX_CONNECTIONS,
        max_keepalive_connections=_defaults.MAX_CONNECTIONS,
    )


def httpx_request(connection: Connection, request: Request, timeout: float) -> httpx.Request:
    """The httpx request for ``request``: the same bytes on the sync and async paths."""
    headers = {**common_headers(), **connection.headers, **request.headers}
    if request.body is None and request.method not in _BODILESS_METHODS:
        # httpx adds it to a POST only; aiohttp to a DELETE as well. Same bytes either way.
        headers["Content-Length"] = "0"
    return httpx.Request(
        request.method,
        connection.base_url + request.path,
        headers=headers,
        content=request.body,
        extensions={"timeout": httpx.Timeout(timeout).as_dict()},
    )


def declared_too_long(response: httpx.Response) -> bool:
    """Whether the answer declares a body longer than MAX_BODY."""
    declared = response.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > _defaults.MAX_BODY


class HttpxSender:
    """One provider's pool for SessionEnder."""

    def __init__(self, connection: Connection, transport: httpx.BaseTransport | None) -> None:
        self.connection = connection
        self.client = httpx.Client(
            transport=transport, follow_redirects=False, limits=pool_limits()
        )
        # Ends wait here for a free connection, before their attempt's time starts.
        self._slots = threading.BoundedSemaphore(_defaults.MAX_CONNECTIONS)

    def send(self, request: Request, timeout: float) -> Answer:
        """Send ``request`` once and read the answer, within ``timeout`` seconds.

        ``timeout`` bounds connecting and each read, and the body as a whole.

        Raises:
            httpx.HTTPError: When no answer could be had.
        """
        with self._slots:
            deadline = time.monotonic() + timeout
            response = self.client.send(
                httpx_request(self.connection, request, timeout), stream=True
            )
            try:
                if declared_too_long(response):
                    return Answer(response.status_code, response.headers, b"", request, True)
                chunks: list[bytes] = []
                seen = 0
                for chunk in response.iter_bytes():
                    seen += len(chunk)
                    if seen > _defaults.MAX_BODY:
                        return Answer(response.status_code, response.headers, b"", request, True)
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("the body outlasted the attempt's timeout")
                    chunks.append(chunk)
            finally:
                response.close()
        return Answer(response.status_code, response.headers, b"".join(chunks), request)

    def close(self) -> None:
        """Close the pool."""
        self.client.close()
