"""Contract-test fixtures: cassettes per vendor and scenario, credentials, the ender, no network.

A test in ``test_<vendor>.py`` named ``test_<scenario>`` replays
``cassettes/<vendor>/<scenario>.yaml`` (the same cassette through SessionEnder and
AsyncSessionEnder; a ``list`` scenario through the adapter's list walk, on the sync and async
httpx senders). Record modes are pytest-recording's (``--record-mode``, "none" unless
given); with ``CONTRACT_DOCUMENTED_VENDORS=1`` a recording is answered by the documented
vendors of ``documented.py`` (the fakes' declared answers) instead of the real ones.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from sessionend import AsyncSessionEnder, EndResult, Provider, ProviderSettings, SessionEnder
from sessionend._core import Connection
from sessionend._send import HttpxSender
from sessionend._send_async import AsyncHttpxSender
from sessionend.providers import ADAPTERS, Adapter, Page, Verdict

from tests.support import record_retry_waits

from .documented import DocumentedVendor
from .recording import CREDENTIAL_VARIABLES, placeholder, vcr_config_for

CASSETTES = Path(__file__).resolve().parent / "cassettes"
LOOPBACK = [r"^127(\.\d{1,3}){3}$", r"^::1$", r"^localhost$"]
"""The only hosts a contract test may connect to when it is not recording."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Block the network, loopback aside, for every contract test (not only with --block-network)."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in item.path.resolve().parents:
            item.add_marker(pytest.mark.block_network(allowed_hosts=LOOPBACK))


def _vendor_of(module: Any) -> str:
    match = re.fullmatch(r"test_(\w+)", module.__name__.rsplit(".", 1)[-1])
    assert match, module.__name__
    return match.group(1)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    """``cassettes/<vendor>`` for ``test_<vendor>.py``."""
    return str(CASSETTES / _vendor_of(request.module))


@pytest.fixture
def default_cassette_name(request: pytest.FixtureRequest) -> str:
    """``<scenario>`` for ``test_<scenario>[...]``: one cassette for the sync and async runs."""
    return str(request.node.originalname).removeprefix("test_")


@pytest.fixture
def vcr_config(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Scrubbing and matching for the module's vendor (see recording.py)."""
    return vcr_config_for(_vendor_of(request.module))


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials come from the production variables; placeholders stand in for unset ones."""
    for variables in CREDENTIAL_VARIABLES.values():
        for variable in variables:
            if not os.environ.get(variable):
                monkeypatch.setenv(variable, placeholder(variable))


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry waits instead of sleeping them."""
    return record_retry_waits(monkeypatch)


class Ender:
    """Runs one end through SessionEnder or AsyncSessionEnder, as a user would."""

    def __init__(self, mode: str, handler: Callable[[httpx.Request], httpx.Response] | None):
        self.mode = mode
        self.handler = handler

    def end(
        self,
        provider: str,
        session_id: str,
        *,
        settings: Mapping[str, ProviderSettings] | None = None,
        max_retries: int = 2,
        missing_ok: bool | None = None,
        pacing: str = "adaptive",
    ) -> EndResult:
        """End ``session_id``; settings not given come from the environment."""
        options: dict[str, Any] = {
            "settings": settings,
            "max_retries": max_retries,
            "pacing": pacing,
        }
        if self.mode == "sync":
            transport = httpx.MockTransport(self.handler) if self.handler else None
            with SessionEnder(transport=transport, **options) as ender:
                return ender.end(provider, session_id, missing_ok=missing_ok)

        async def main() -> EndResult:
            transport = httpx.MockTransport(self.handler) if self.handler else None
            async with AsyncSessionEnder(transport=transport, **options) as ender:
                return await ender.end(provider, session_id, missing_ok=missing_ok)

        return asyncio.run(main())


@pytest.fixture(params=["sync", "async"])
def ender(request: pytest.FixtureRequest, default_cassette_name: str) -> Ender:
    """The ender of the test's scenario; the real network (or the cassette) unless
    CONTRACT_DOCUMENTED_VENDORS=1 has a recording answered by the documented vendors."""
    handler = None
    if os.environ.get("CONTRACT_DOCUMENTED_VENDORS") == "1":
        handler = DocumentedVendor(_vendor_of(request.module), default_cassette_name)
    return Ender(str(request.param), handler)


class Lister:
    """Walks one vendor's list of live sessions, page by page, as its adapter describes it.

    The enders' own listing is not used here: this checks the adapter's requests and its
    reading of each answer, on both httpx senders, against the recorded answers.
    """

    def __init__(self, mode: str, handler: Callable[[httpx.Request], httpx.Response] | None):
        self.mode = mode
        self.handler = handler

    def walk(
        self, provider: str, *, credentials: Mapping[str, str] | None = None, pages: int = 10
    ) -> list[Page | Verdict]:
        """Every page (or the Verdict that stopped the walk), at most ``pages`` of them.

        Credentials not given come from the environment, as the enders read them.
        """
        adapter = ADAPTERS[Provider(provider)]()
        values = dict(credentials or {})
        for credential in adapter.credentials:
            values.setdefault(credential.name, os.environ.get(credential.variable, ""))
        base_url = os.environ.get(adapter.base_url_variable) or adapter.default_base_url
        connection = Connection(base_url.rstrip("/"), adapter.auth_headers(values))
        if self.mode == "sync":
            transport = httpx.MockTransport(self.handler) if self.handler else None
            sender = HttpxSender(connection, transport)
            try:
                return _walk(adapter, sender.send, pages)
            finally:
                sender.close()

        async def main() -> list[Page | Verdict]:
            transport = httpx.MockTransport(self.handler) if self.handler else None
            sender = AsyncHttpxSender(connection, transport)
            try:
                found: list[Page | Verdict] = []
                request = adapter.list_request()
                while len(found) < pages:
                    found.append(adapter.read_page(await sender.send(request, 10.0)))
                    last = found[-1]
                    if not isinstance(last, Page) or last.next is None:
                        break
                    request = last.next
                return found
            finally:
                await sender.close()

        return asyncio.run(main())


def _walk(adapter: Adapter, send: Callable[..., Any], pages: int) -> list[Page | Verdict]:
    found: list[Page | Verdict] = []
    request = adapter.list_request()
    while len(found) < pages:
        found.append(adapter.read_page(send(request, 10.0)))
        last = found[-1]
        if not isinstance(last, Page) or last.next is None:
            break
        request = last.next
    return found


@pytest.fixture(params=["sync", "async"])
def lister(request: pytest.FixtureRequest, default_cassette_name: str) -> Lister:
    """The list walk of the test's scenario; the real network (or the cassette) unless
    CONTRACT_DOCUMENTED_VENDORS=1 has a recording answered by the documented vendors."""
    handler = None
    if os.environ.get("CONTRACT_DOCUMENTED_VENDORS") == "1":
        handler = DocumentedVendor(_vendor_of(request.module), default_cassette_name)
    return Lister(str(request.param), handler)
