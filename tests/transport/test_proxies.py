"""Both enders honour the proxy variables, as httpx's own clients do."""

from __future__ import annotations

import asyncio
import http.server
import json
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from sessionend import AsyncSessionEnder, EndResult, Outcome, ProviderSettings, SessionEnder
from sessionend.testing import FakeVendors

from tests.support import clear_provider_environment


class _Proxy(http.server.BaseHTTPRequestHandler):
    """A forward proxy that answers every request itself and records its target."""

    targets: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.targets.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps(
            {"status": "ok", "conversation_id": "c", "conversation_status": "RUNNING"}
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def proxy() -> Iterator[tuple[int, list[str]]]:
    _Proxy.targets = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server.server_address[1], _Proxy.targets
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def end(mode: str, settings: dict[str, ProviderSettings]) -> object:
    if mode == "sync":
        with SessionEnder(settings=settings, allow_insecure_http=True, timeout=5) as ender:
            return ender.end("openhands", "c")

    async def run() -> object:
        async with AsyncSessionEnder(
            settings=settings, allow_insecure_http=True, timeout=5
        ) as ender:
            return await ender.end("openhands", "c")

    return asyncio.run(run())


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_provider_environment(monkeypatch)
    monkeypatch.setenv("OPENHANDS_API", "v0")  # the scripted answers are V0's
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_requests_go_through_the_proxy_the_environment_names(
    mode: str, variable: str, proxy: tuple[int, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, targets = proxy
    monkeypatch.setenv(variable, f"http://127.0.0.1:{port}")
    # The vendor host is never resolved: the proxy receives the request and answers it.
    settings = {"openhands": ProviderSettings(api_key="k", base_url="http://openhands.invalid")}
    result = end(mode, settings)
    assert isinstance(result, EndResult) and result.outcome is Outcome.ENDED
    assert targets == ["http://openhands.invalid/api/conversations/c/stop"]


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.1", "*"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_no_proxy_sends_straight_to_the_host(
    mode: str, no_proxy: str, proxy: tuple[int, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, targets = proxy
    with FakeVendors() as fakes:
        session_id = fakes.create_session("openhands")
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
        monkeypatch.setenv("NO_PROXY", no_proxy)
        settings = {"openhands": fakes.settings()[fakes["openhands"].provider]}
        if mode == "sync":
            with SessionEnder(settings=settings) as ender:
                result: object = ender.end("openhands", session_id)
        else:

            async def run() -> object:
                async with AsyncSessionEnder(settings=settings) as ender:
                    return await ender.end("openhands", session_id)

            result = asyncio.run(run())
    assert isinstance(result, EndResult) and result.outcome is Outcome.ENDED
    assert targets == []
