"""Retry waits are skipped in the transport tests: what is counted is attempts, not time."""

from __future__ import annotations

import pytest
import sessionend._async
import sessionend._sync


@pytest.fixture(autouse=True)
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_async_wait(seconds: float) -> None:
        del seconds

    def no_wait(seconds: float) -> None:
        del seconds

    monkeypatch.setattr(sessionend._async, "_sleep", no_async_wait)
    monkeypatch.setattr(sessionend._sync, "_sleep", no_wait)
