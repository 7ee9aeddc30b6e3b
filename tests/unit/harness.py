"""A scripted vendor for unit tests: an httpx.MockTransport that answers from a list, and
runs the same end through SessionEnder or AsyncSessionEnder.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from typing import Any

import httpx
import sessionend
from sessionend import AsyncSessionEnder, ProviderSettings, SessionEnder

LIVEAVATAR_KEY = "la-fake-key-7f3a9c1e5b"
AKOOL_KEY = "ak-fake-key-2d8e6b0c4f"
OPENHANDS_KEY = "oh-fake-key-9a1c3e5g7i"
DS_TEAM = "team-fake-1234"
DS_KEY = "ds-fake-key-6h4j2k0m8n"
ELIZA_KEY = "el-fake-key-5p3r1t9v7x"
SECRETS = (LIVEAVATAR_KEY, AKOOL_KEY, OPENHANDS_KEY, DS_KEY, ELIZA_KEY)

SETTINGS = {
    "liveavatar": ProviderSettings(api_key=LIVEAVATAR_KEY),
    "akool": ProviderSettings(api_key=AKOOL_KEY),
    "openhands": ProviderSettings(api_key=OPENHANDS_KEY),
    "digitalsamba": ProviderSettings(team_id=DS_TEAM, developer_key=DS_KEY),
    "elizaos": ProviderSettings(api_key=ELIZA_KEY),
}
UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

Reply = httpx.Response | type[httpx.RequestError] | Callable[[httpx.Request], httpx.Response]


def reply(
    status: int, body: Any = None, *, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A canned answer: JSON for dicts and lists, bytes or text as given."""
    if isinstance(body, dict | list):
        return httpx.Response(status, json=body, headers=headers)
    if isinstance(body, str):
        body = body.encode()
    return httpx.Response(status, content=body or b"", headers=headers)


class Vendor:
    """Answers requests from a script; the last reply repeats."""

    def __init__(self, replies: Iterable[Reply]) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(answer, httpx.Response):
            return answer
        if isinstance(answer, type):
            assert issubclass(answer, httpx.RequestError)
            raise answer("scripted failure", request=request)
        return answer(request)

    def body(self, index: int = 0) -> Any:
        return json.loads(self.requests[index].content)


def run_end(
    mode: str, vendor: Vendor, provider: str, session_id: str, **options: Any
) -> sessionend.EndResult:
    """End one session through the sync or the async ender."""
    end_options = {
        key: options.pop(key) for key in ("reason", "missing_ok", "timeout") if key in options
    }
    options.setdefault("settings", SETTINGS)
    transport = httpx.MockTransport(vendor)
    if mode == "sync":
        with SessionEnder(transport=transport, **options) as ender:
            return ender.end(provider, session_id, **end_options)

    async def main() -> sessionend.EndResult:
        async with AsyncSessionEnder(transport=transport, **options) as ender:
            return await ender.end(provider, session_id, **end_options)

    return asyncio.run(main())
