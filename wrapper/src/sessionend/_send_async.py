"""AsyncSessionEnder's sender on an httpx transport the caller gives (see ``_send``).

Its own module: the sync path must not import asyncio.
"""

from __future__ import annotations

import asyncio

import httpx

from . import _defaults
from ._core import Connection
from ._send import declared_too_long, httpx_request, pool_limits
from .providers import Answer, Request

__all__ = ["AsyncHttpxSender"]


class AsyncHttpxSender:
    """One provider's pool for AsyncSessionEnder on a given httpx transport."""

    def __init__(self, connection: Connection, transport: httpx.AsyncBaseTransport | None) -> None:
        self.connection = connection
        self.client = httpx.AsyncClient(
            transport=transport, follow_redirects=False, limits=pool_limits()
        )
        self._slots: asyncio.Semaphore | None = None

    async def send(self, request: Request, timeout: float) -> Answer:
        """Send ``request`` once and read the answer, all within ``timeout`` seconds.

        Raises:
            httpx.HTTPError: When no answer could be had.
        """
        if self._slots is None:  # made inside the event loop that uses it
            self._slots = asyncio.Semaphore(_defaults.MAX_CONNECTIONS)
        async with self._slots:
            try:
                async with asyncio.timeout(timeout):
                    return await self._send(request, timeout)
            except TimeoutError:
                raise httpx.ReadTimeout("the attempt outlasted its timeout") from None

    async def _send(self, request: Request, timeout: float) -> Answer:
        response = await self.client.send(
            httpx_request(self.connection, request, timeout), stream=True
        )
        try:
            if declared_too_long(response):
                return Answer(response.status_code, response.headers, b"", request, True)
            chunks: list[bytes] = []
            seen = 0
            async for chunk in response.aiter_bytes():
                seen += len(chunk)
                if seen > _defaults.MAX_BODY:
                    return Answer(response.status_code, response.headers, b"", request, True)
                chunks.append(chunk)
        finally:
            await response.aclose()
        return Answer(response.status_code, response.headers, b"".join(chunks), request)

    async def close(self) -> None:
        """Close the pool."""
        await self.client.aclose()
