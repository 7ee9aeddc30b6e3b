"""The httpx clients sessionend gives the generated clients: what they keep of httpx."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sessionend._httpx import DirectAsyncClient, DirectClient

BASES = ["http://127.0.0.1:8080/akool", "https://api.liveavatar.com", "https://h.example/a/b/"]
# Built once: each client builds an SSL context, which takes milliseconds.
NULL = httpx.MockTransport(lambda request: httpx.Response(204))
DIRECT = {base: DirectClient(base_url=base, transport=NULL) for base in BASES}
HTTPX = {base: httpx.Client(base_url=base, transport=NULL) for base in BASES}


def echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"url": str(request.url)})


@given(base=st.sampled_from(BASES), session_id=st.text(min_size=1, max_size=40))
def test_urls_are_joined_as_httpx_merges_them(base: str, session_id: str) -> None:
    # The generated clients percent-encode every path parameter, as here.
    path = f"/api/conversations/{quote(session_id, safe='')}/stop"
    assert DIRECT[base]._merge_url(path) == HTTPX[base]._merge_url(path)


@pytest.mark.parametrize("path", ["/a?b=1", "/a#b", "relative", "https://other.example/x"])
def test_other_urls_are_merged_by_httpx(path: str) -> None:
    base = "https://api.example/v1"
    assert DirectClient(base_url=base)._merge_url(path) == httpx.Client(base_url=base)._merge_url(
        path
    )


def test_hooks_headers_and_timeouts_are_kept() -> None:
    seen: list[str] = []
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, text="ok")

    with DirectClient(
        base_url="https://api.example",
        headers={"X-API-KEY": "k"},
        timeout=2.5,
        transport=httpx.MockTransport(answer),
        event_hooks={
            "request": [lambda request: seen.append("request")],
            "response": [lambda response: seen.append(f"response {response.text}")],
        },
    ) as client:
        response = client.request("post", "/v1/stop", json={"id": "x"})
    assert response.text == "ok"
    assert seen == ["request", "response ok"]
    assert sent[0].headers["X-API-KEY"] == "k"
    assert sent[0].url == "https://api.example/v1/stop"
    assert sent[0].extensions["timeout"] == httpx.Timeout(2.5).as_dict()


def test_a_redirect_is_returned_not_followed() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(302, headers={"Location": "https://elsewhere.example/"})
    )
    with DirectClient(base_url="https://api.example", transport=transport) as client:
        assert client.request("post", "/stop").status_code == 302


def test_mounted_transports_are_used() -> None:
    mounted = httpx.MockTransport(lambda request: httpx.Response(200, text="mounted"))
    with DirectClient(
        base_url="https://api.example",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, text="default")),
        mounts={"https://api.example": mounted},
    ) as client:
        assert client.request("post", "/stop").text == "mounted"


def test_what_is_skipped_falls_back_to_httpx() -> None:
    with DirectClient(
        base_url="https://api.example", transport=httpx.MockTransport(echo)
    ) as client:
        request = client.build_request("post", "/stop")
        streamed = client.send(request, stream=True)
        streamed.read()
        assert streamed.json()["url"] == "https://api.example/stop"
        authenticated = client.send(request, auth=("user", "password"))
        assert authenticated.request.headers["Authorization"].startswith("Basic ")


def test_a_closed_client_refuses_to_send() -> None:
    client = DirectClient(base_url="https://api.example", transport=httpx.MockTransport(echo))
    client.close()
    with pytest.raises(RuntimeError, match="closed"):
        client.request("post", "/stop")


def test_the_async_client_keeps_hooks_and_refuses_when_closed() -> None:
    seen: list[str] = []

    async def request_hook(request: httpx.Request) -> None:
        seen.append("request")

    async def response_hook(response: httpx.Response) -> None:
        seen.append("response")

    async def main() -> httpx.Response:
        client = DirectAsyncClient(
            base_url="https://api.example",
            transport=httpx.MockTransport(echo),
            event_hooks={"request": [request_hook], "response": [response_hook]},
        )
        async with client:
            response = await client.request("delete", "/sessions/a%2Fb")
        with pytest.raises(RuntimeError, match="closed"):
            await client.request("delete", "/sessions/c")
        return response

    response = asyncio.run(main())
    assert response.json()["url"] == "https://api.example/sessions/a%2Fb"
    assert seen == ["request", "response"]


class _PlainRecorder(httpx.AsyncBaseTransport):
    """A PlainTransport that records what it is given and answers 200, or falls back."""

    def __init__(self) -> None:
        self.plain: list[tuple[str, str, list[tuple[str, str]], bytes | None, dict[str, Any]]] = []
        self.requests: list[httpx.Request] = []

    async def send_plain(
        self,
        method: str,
        url: str,
        headers: Sequence[tuple[str, str]],
        body: bytes | None,
        timeout: Mapping[str, float | None],
        request: httpx.Request | None = None,
    ) -> httpx.Response:
        self.plain.append((method, url, list(headers), body, dict(timeout)))
        return httpx.Response(200, json={"plain": True})

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"plain": False}, request=request)

    async def aclose(self) -> None:
        pass


def _async_client(transport: _PlainRecorder, **options: Any) -> DirectAsyncClient:
    return DirectAsyncClient(
        base_url="https://api.example/v1",
        headers={"X-API-KEY": "k"},
        timeout=7.0,
        transport=transport,
        **options,
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
_HEADER_NAMES = st.sampled_from(["Content-Type", "content-type", "X-API-KEY", "Accept", "X-Extra"])


@given(
    method=st.sampled_from(["post", "DELETE", "get"]),
    session_id=st.text(min_size=1, max_size=20),
    json=st.none() | _JSON,
    headers=st.none() | st.dictionaries(_HEADER_NAMES, st.text("abc/json", max_size=8), max_size=3),
)
def test_the_plain_path_sends_what_httpx_would(
    method: str, session_id: str, json: Any, headers: dict[str, str] | None
) -> None:
    # What reaches the wire: method, URL, headers (by name, last one wins), body, timeouts.
    transport = _PlainRecorder()
    path = f"/sessions/{quote(session_id, safe='')}/end"

    async def main() -> httpx.Request:
        async with _async_client(transport) as client:
            response = await client.request(method, path, json=json, headers=headers)
            assert response.json() == {"plain": True}
            return client.build_request(method, path, json=json, headers=headers)

    expected = asyncio.run(main())
    [(sent_method, url, sent_headers, body, timeout)] = transport.plain
    assert transport.requests == []
    assert (sent_method, url, body or b"") == (expected.method, str(expected.url), expected.content)
    wanted = sorted(
        (name.lower(), value)
        for name, value in expected.headers.multi_items()
        if name.lower() not in ("host", "content-length")  # aiohttp writes both itself
    )
    assert sorted((name.lower(), value) for name, value in sent_headers) == wanted
    assert timeout == expected.extensions["timeout"] == httpx.Timeout(7.0).as_dict()


@pytest.mark.parametrize(
    "options",
    [
        {"params": {"a": "1"}},
        {"content": b"raw"},
        {"auth": ("user", "password")},
        {"follow_redirects": True},
        {"extensions": {"trace": None}},
    ],
)
def test_what_the_plain_path_cannot_send_goes_through_httpx(options: dict[str, Any]) -> None:
    transport = _PlainRecorder()

    async def main() -> httpx.Response:
        async with _async_client(transport) as client:
            return await client.request("post", "/stop", **options)

    assert asyncio.run(main()).json() == {"plain": False}
    assert transport.plain == []
    assert [request.url.path for request in transport.requests] == ["/v1/stop"]


def test_a_client_with_cookies_goes_through_httpx() -> None:
    transport = _PlainRecorder()

    async def main() -> None:
        async with _async_client(transport, cookies={"c": "1"}) as client:
            await client.request("post", "/stop")

    asyncio.run(main())
    assert transport.plain == []
    assert transport.requests[0].headers["Cookie"] == "c=1"


@pytest.mark.parametrize("path", ["/a?b=1", "relative", "https://other.example/x"])
def test_urls_httpx_must_merge_go_through_httpx(path: str) -> None:
    transport = _PlainRecorder()

    async def main() -> None:
        async with _async_client(transport) as client:
            await client.request("post", path)

    asyncio.run(main())
    assert transport.plain == []
    assert len(transport.requests) == 1


def test_request_hooks_and_mounts_turn_the_plain_path_off() -> None:
    transport = _PlainRecorder()
    seen: list[str] = []

    async def request_hook(request: httpx.Request) -> None:
        seen.append(str(request.url))

    async def main() -> None:
        async with _async_client(transport, event_hooks={"request": [request_hook]}) as client:
            await client.request("post", "/stop")
        mounted = _PlainRecorder()
        async with _async_client(transport, mounts={"https://api.example": mounted}) as client:
            await client.request("post", "/stop")
        assert len(mounted.requests) == 1

    asyncio.run(main())
    assert seen == ["https://api.example/v1/stop"]
    assert transport.plain == []


def test_the_attempt_timeout_wins_over_the_client_default_on_every_path() -> None:
    attempt: list[float | None] = [None]
    transport = _PlainRecorder()

    async def main() -> None:
        async with _async_client(transport, attempt_timeout=lambda: attempt[0]) as client:
            await client.request("post", "/stop")  # the client's 7 s
            attempt[0] = 0.25
            await client.request("post", "/stop")
            await client.request("post", "/stop", params={"slow": "path"})
            await client.request("post", "/stop", timeout=3.0)  # the caller's wins

    asyncio.run(main())
    assert [sent[4]["read"] for sent in transport.plain] == [7.0, 0.25, 3.0]
    assert transport.requests[0].extensions["timeout"] == httpx.Timeout(0.25).as_dict()
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    with DirectClient(
        base_url="https://api.example",
        transport=httpx.MockTransport(answer),
        attempt_timeout=lambda: attempt[0],
    ) as client:
        client.request("post", "/stop")
    assert sent[0].extensions["timeout"] == httpx.Timeout(0.25).as_dict()


def test_the_plain_path_runs_response_hooks_and_refuses_when_closed() -> None:
    transport = _PlainRecorder()
    seen: list[int] = []

    async def response_hook(response: httpx.Response) -> None:
        seen.append(response.status_code)

    async def main() -> None:
        client = _async_client(transport, event_hooks={"response": [response_hook]})
        async with client:
            await client.request("delete", "/sessions/a")
        with pytest.raises(RuntimeError, match="closed"):
            await client.request("delete", "/sessions/b")

    asyncio.run(main())
    assert seen == [200]
    assert len(transport.plain) == 1
