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

The async client goes one step further when its transport can send plain text and bytes
(``PlainTransport``, as sessionend's aiohttp transport does): a request the generated
clients make (a path, perhaps a JSON body and headers) is sent without building an
``httpx.Request``, whose URL parsing and header handling cost as much as the rest of the
generated client. The answer is still an ``httpx.Response``, but its ``request`` is not set.

``attempt_timeout`` names a function that gives the timeout of the attempt under way (or
None for the client's own); it takes the place of a request hook, which the plain path has
no request to run on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from json import dumps as json_dumps
from typing import Any, Protocol, runtime_checkable

import httpx

__all__ = ["DirectAsyncClient", "DirectClient", "PlainTransport"]

AttemptTimeout = Callable[[], float | None]


@runtime_checkable
class PlainTransport(Protocol):
    """A transport that sends a request given as text and bytes, with no ``httpx.Request``."""

    async def send_plain(
        self,
        method: str,
        url: str,
        headers: Sequence[tuple[str, str]],
        body: bytes | None,
        timeout: Mapping[str, float | None],
        request: httpx.Request | None = None,
    ) -> httpx.Response:
        """The whole answer; its ``request`` is not set."""
        ...


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
    """Joins paths to the base URL as text and applies the attempt's timeout (for both)."""

    def __init__(self, *, attempt_timeout: AttemptTimeout | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._base = str(self.base_url).rstrip("/")
        self._attempt_timeout = attempt_timeout

    def _merge_url(self, url: httpx.URL | str) -> httpx.URL:
        if _joinable(url):
            return httpx.URL(self._base + str(url))
        return super()._merge_url(url)

    def _timeout_for(self, timeout: Any) -> Any:
        """``timeout`` as a caller gave it, or the attempt's when the caller gave none."""
        if timeout is httpx.USE_CLIENT_DEFAULT and self._attempt_timeout is not None:
            attempt = self._attempt_timeout()
            if attempt is not None:
                return attempt
        return timeout

    def build_request(
        self,
        method: str,
        url: httpx.URL | str,
        *,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
        **options: Any,
    ) -> httpx.Request:
        """The request httpx builds, with the attempt's timeout where the caller gave none."""
        return super().build_request(method, url, timeout=self._timeout_for(timeout), **options)


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

    def __init__(self, *, attempt_timeout: AttemptTimeout | None = None, **options: Any) -> None:
        super().__init__(attempt_timeout=attempt_timeout, **options)
        transport = self._transport
        # Mounted transports (proxies named by the environment) take requests elsewhere.
        plain = isinstance(transport, PlainTransport) and not self._mounts
        self._plain: PlainTransport | None = transport if plain else None  # type: ignore[assignment]

    async def request(
        self,
        method: str,
        url: httpx.URL | str,
        *,
        content: Any = None,
        data: Any = None,
        files: Any = None,
        json: Any = None,
        params: Any = None,
        headers: Any = None,
        cookies: Any = None,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
        extensions: Any = None,
    ) -> httpx.Response:
        """Send one request; the generated clients' requests take the plain path."""
        plain = self._plain
        if (
            plain is not None
            and content is None
            and data is None
            and files is None
            and params is None
            and cookies is None
            and extensions is None
            and (headers is None or isinstance(headers, Mapping))
            and _joinable(url)
            and not self.event_hooks["request"]
            and not self.cookies
            and _skips_nothing(self, False, auth, follow_redirects)
        ):
            return await self._send_plain(plain, method, str(url), json, headers, timeout)
        return await super().request(
            method,
            url,
            content=content,
            data=data,
            files=files,
            json=json,
            params=params,
            headers=headers,
            cookies=cookies,
            auth=auth,
            follow_redirects=follow_redirects,
            timeout=timeout,
            extensions=extensions,
        )

    async def _send_plain(
        self,
        plain: PlainTransport,
        method: str,
        path: str,
        json: Any,
        headers: Mapping[str, str] | None,
        timeout: Any,
    ) -> httpx.Response:
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        body = None
        if json is not None:
            # As httpx encodes a json= body.
            body = json_dumps(json, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        fields = _merged(self.headers, headers, json is not None)
        chosen = self._timeout_for(timeout)
        limits = self.timeout if chosen is httpx.USE_CLIENT_DEFAULT else httpx.Timeout(chosen)
        response = await plain.send_plain(
            method.upper(),
            self._base + path,
            fields,
            None if body is None else body.encode(),
            limits.as_dict(),
        )
        try:
            for hook in self.event_hooks["response"]:
                await hook(response)
        except BaseException:
            await response.aclose()
            raise
        return response

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


def _merged(
    defaults: httpx.Headers, given: Mapping[str, str] | None, json_body: bool
) -> list[tuple[str, str]]:
    """The headers httpx would send: the client's, the call's over them, a JSON type if none."""
    fields = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in defaults.raw]
    if given:
        replaced = {name.lower() for name in given}
        fields = [field for field in fields if field[0].lower() not in replaced]
        fields.extend((name, str(value)) for name, value in given.items())
    if json_body and not any(name.lower() == "content-type" for name, _ in fields):
        fields.append(("Content-Type", "application/json"))
    return fields
