from __future__ import annotations

import pytest

from tests.support import clear_provider_environment, record_retry_waits


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's real credentials or base URLs.

    The scripted answers here are OpenHands V0's, as they were before V1 became the default:
    these tests speak V0 (``OPENHANDS_API=v0``); V1's are in ``test_openhands_v1.py``, which
    sets the API in its settings.
    """
    clear_provider_environment(monkeypatch)
    monkeypatch.setenv("OPENHANDS_API", "v0")


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry waits instead of sleeping them."""
    return record_retry_waits(monkeypatch)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Run the test through SessionEnder and through AsyncSessionEnder."""
    return str(request.param)
