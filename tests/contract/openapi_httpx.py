"""openapi-core's request and response protocols for httpx, which openapi-core has no adapter for.

``HttpxOpenAPIRequest`` and ``HttpxOpenAPIResponse`` wrap an ``httpx.Request`` and an
``httpx.Response`` (built from a cassette, or seen live) so that ``OpenAPI.validate_request``
and ``OpenAPI.validate_response`` can check them against a spec.
"""

from __future__ import annotations

import httpx
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

__all__ = ["HttpxOpenAPIRequest", "HttpxOpenAPIResponse"]


class HttpxOpenAPIRequest:
    """An ``httpx.Request`` as openapi-core's ``Request`` protocol.

    Args:
        request: The request; its body must have been read (``request.read()``).
        host_url: The scheme and host to validate against, when the spec's server is to be
            assumed rather than the one the request went to (a self-hosted or recorded base
            URL is configuration, not contract).
        method: The method to validate as, when a known deviation maps it to another.
    """

    def __init__(
        self,
        request: httpx.Request,
        *,
        host_url: str | None = None,
        method: str | None = None,
    ) -> None:
        self.request = request
        self._host_url = host_url
        self._method = method
        url = request.url
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(url.params.multi_items())),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        """The scheme and host, e.g. ``https://openapi.akool.com``."""
        if self._host_url is not None:
            return self._host_url.rstrip("/")
        url = self.request.url
        return f"{url.scheme}://{url.netloc.decode('ascii')}"

    @property
    def path(self) -> str:
        """The path, percent-decoded as a server router sees it."""
        return self.request.url.path

    @property
    def method(self) -> str:
        """The method, lowercase."""
        return (self._method or self.request.method).lower()

    @property
    def body(self) -> bytes | None:
        """The body, or None when there is none."""
        content = self.request.content
        return content or None

    @property
    def content_type(self) -> str:
        """The Content-Type, lowercase with its parameters ("" when absent)."""
        return str(self.request.headers.get("Content-Type", "")).lower()


class HttpxOpenAPIResponse:
    """An ``httpx.Response`` as openapi-core's ``Response`` protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        """The status code."""
        return self.response.status_code

    @property
    def content_type(self) -> str:
        """The Content-Type, lowercase with its parameters ("" when absent)."""
        return str(self.response.headers.get("Content-Type", "")).lower()

    @property
    def headers(self) -> Headers:
        """The headers, case-insensitive."""
        return Headers(list(self.response.headers.multi_items()))

    @property
    def data(self) -> bytes | None:
        """The body, or None when there is none."""
        return self.response.content or None
