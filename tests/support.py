"""What every test folder that drives real ends needs: a clean environment, no real waits."""

from __future__ import annotations

import pytest
import sessionend._async
import sessionend._sync
from sessionend.providers import ADAPTERS

PROVIDER_VARIABLES = tuple(
    variable for adapter in ADAPTERS.values() for variable in adapter.variables().values()
)
"""Every environment variable sessionend reads: credentials and base URLs."""


def clear_provider_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hide the developer's real credentials and base URLs from the test."""
    for variable in PROVIDER_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def record_retry_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace the enders' sleeps with a recorder and return what it records."""
    recorded: list[float] = []

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(sessionend._sync, "_sleep", recorded.append)
    monkeypatch.setattr(sessionend._async, "_sleep", async_sleep)
    return recorded
