"""Shared by the fault tests: run one end through either ender against running fakes."""

from __future__ import annotations

import asyncio
from typing import Any

from sessionend import AsyncSessionEnder, EndResult, SessionEnder, errors
from sessionend.testing import FakeVendors


def end_once(
    mode: str, fakes: FakeVendors, provider: str, session_id: str, **options: Any
) -> EndResult | errors.SessionEndError:
    """End one session with a fresh ender; return the error instead of raising it."""
    options.setdefault("settings", fakes.settings())
    if mode == "sync":
        with SessionEnder(**options) as ender:
            try:
                return ender.end(provider, session_id)
            except errors.SessionEndError as error:
                return error

    async def run() -> EndResult | errors.SessionEndError:
        async with AsyncSessionEnder(**options) as ender:
            try:
                return await ender.end(provider, session_id)
            except errors.SessionEndError as error:
                return error

    return asyncio.run(run())
