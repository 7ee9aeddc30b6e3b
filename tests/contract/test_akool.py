"""Akool, replayed from cassettes: success and errors arrive as body codes under HTTP 200."""

from __future__ import annotations

import pytest
from sessionend import Outcome, ProviderSettings, errors

from .conftest import Ender
from .documented import UNKNOWN_IDS
from .recording import live_session_id

pytestmark = pytest.mark.vcr
WRONG_KEY = {"akool": ProviderSettings(api_key="not-a-valid-akool-key")}


def test_success(ender: Ender) -> None:
    result = ender.end("akool", live_session_id("akool"))
    assert (result.outcome, result.http_status, result.vendor_code) == (Outcome.ENDED, 200, 1000)
    assert result.attempts == 1


def test_already_ended(ender: Ender) -> None:
    result = ender.end("akool", live_session_id("akool"))
    assert (result.outcome, result.vendor_code) == (Outcome.ALREADY_ENDED, 1011)


def test_not_found(ender: Ender) -> None:
    with pytest.raises(errors.SessionNotFound) as caught:
        ender.end("akool", UNKNOWN_IDS["akool"])
    assert (caught.value.http_status, caught.value.vendor_code) == (200, 1008)


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("akool", live_session_id("akool"), settings=WRONG_KEY)
    assert caught.value.vendor_code == 1101
    assert "not-a-valid-akool-key" not in str(caught.value)


def test_business_error(ender: Ender) -> None:
    with pytest.raises(errors.VendorError) as caught:
        ender.end("akool", live_session_id("akool"))
    assert (caught.value.vendor_code, caught.value.vendor_message) == (1010, "cannot be operated")


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("akool", live_session_id("akool"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert len(waits) == 1  # code 1005 is retried like a 429, after a backoff


def test_rate_limited_exhausted(ender: Ender) -> None:
    """Without pacing, a throttle is a retry like any other, and the retries run out."""
    with pytest.raises(errors.RateLimited) as caught:
        ender.end("akool", live_session_id("akool"), pacing="off")
    assert (caught.value.vendor_code, caught.value.attempts) == (1005, 3)
