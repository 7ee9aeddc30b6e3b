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


@pytest.fixture(autouse=True)
def openhands_v0(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scripted servers here answer OpenHands as V0 does, one request per end.

    ``test_same_request`` builds its adapters itself, with V1 (the default), so the lookup's
    query is checked on every path too.
    """
    monkeypatch.setenv("OPENHANDS_API", "v0")
