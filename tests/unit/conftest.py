from __future__ import annotations

import pytest

from tests.retry_waits import record_retry_waits

PROVIDER_VARIABLES = (
    "LIVEAVATAR_API_KEY",
    "LIVEAVATAR_BASE_URL",
    "AKOOL_API_KEY",
    "AKOOL_BASE_URL",
    "OPENHANDS_API_KEY",
    "OPENHANDS_BASE_URL",
    "DIGITALSAMBA_TEAM_ID",
    "DIGITALSAMBA_DEVELOPER_KEY",
    "DIGITALSAMBA_BASE_URL",
    "ELIZAOS_API_KEY",
    "ELIZAOS_BASE_URL",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's real credentials or base URLs."""
    for variable in PROVIDER_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry waits instead of sleeping them."""
    return record_retry_waits(monkeypatch)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Run the test through SessionEnder and through AsyncSessionEnder."""
    return str(request.param)
