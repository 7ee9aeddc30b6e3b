"""Retry waits recorded instead of slept, for every test folder that drives real ends."""

from __future__ import annotations

import pytest
import sessionend._async
import sessionend._sync


def record_retry_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace the enders' sleeps with a recorder and return what it records."""
    recorded: list[float] = []

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(sessionend._sync, "_sleep", recorded.append)
    monkeypatch.setattr(sessionend._async, "_sleep", async_sleep)
    return recorded
