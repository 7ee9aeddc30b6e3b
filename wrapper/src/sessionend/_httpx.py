"""The httpx clients the generated clients are given: requests go straight to the transport.

httpx's ``send`` runs every request through an auth flow, a redirect loop and a cookie jar.
sessionend uses none of them: credentials travel in a header set on the client, redirects
are never followed (a redirect could carry the credential to another host), and an end must
not depend on cookies an earlier answer set. Skipping that machinery, and joining each
relative URL to the base URL as text, takes about half of httpx's time per request, which
is most of what the generated clients add to the HTTP call.

What is kept: the client's default headers, timeouts, transport (and mounted proxy
transports), event hooks, the closed-client check, and httpx's ``send`` whenever a caller
asks for what is skipped (streaming, an auth, following redirects).
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["DirectAsyncClient", "DirectClient"]


def _joinable(url: Any) -> bool:
    # The generated clients pass a path that starts at "/", with every parameter already
    # percent-encoded; anything else goes through httpx's own merge.
    return isinstance(url, str) and url.startswith("/") and "?" not in url and "#" not in url


def _skips_nothing(
    client: httpx.Client | httpx.AsyncClient, stream: bool, auth: Any, follow_redirects: Any
) -> bool:
    """Whether the direct path does everything httpx's send would for this request."""
    if stream or client.auth is not None:
        return False
    if auth is not httpx.USE_CLIENT_DEFAULT and auth is not None:
        return False
    if follow_redirects is httpx.USE_CLIENT_DEFAULT:
        follow_redirects = client.follow_redirects
    return not follow_redirects


class _TextJoin(httpx._client.BaseClient):
    """Joins the generated clients' paths to the base URL as text (both clients share it)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._base = str(self.base_url).rstrip("/")

    def _merge_url(self, url: httpx.URL | str) -> httpx.URL:
        if _joinable(url):
            return httpx.URL(self._base + str(url))
        return super()._merge_url(url)


class DirectClient(_TextJoin, httpx.Client):
    """An ``httpx.Client`` that sends each request once, straight to its transport."""

    def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        """Send ``request``; only the answer to it, never a redirect, is returned."""
        if not _skips_nothing(self, stream, auth, follow_redirects):
            return super().send(
                request, stream=stream, auth=auth, follow_redirects=follow_redirects
            )
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        for hook in self.event_hooks["request"]:
            hook(request)
        response = self._transport_for_url(request.url).handle_request(request)
        response.request = request
        try:
            # Hooks first, as httpx's send does: one of them bounds how much body is read.
            for hook in self.event_hooks["response"]:
                hook(response)
            response.read()
        except BaseException:
            response.close()
            raise
        return response


class DirectAsyncClient(_TextJoin, httpx.AsyncClient):
    """An ``httpx.AsyncClient`` that sends each request once, straight to its transport."""

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        """Send ``request``; only the answer to it, never a redirect, is returned."""
        if not _skips_nothing(self, stream, auth, follow_redirects):
            return await super().send(
                request, stream=stream, auth=auth, follow_redirects=follow_redirects
            )
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        for hook in self.event_hooks["request"]:
            await hook(request)
        response = await self._transport_for_url(request.url).handle_async_request(request)
        response.request = request
        try:
            # Hooks first, as httpx's send does: one of them bounds how much body is read.
            for hook in self.event_hooks["response"]:
                await hook(response)
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response
