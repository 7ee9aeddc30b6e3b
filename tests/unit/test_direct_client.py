"""The httpx clients sessionend gives the generated clients: what they keep of httpx."""

from __future__ import annotations

import asyncio
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
