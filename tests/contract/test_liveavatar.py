"""LiveAvatar, replayed from cassettes: success is body code 1000 (or 100) under HTTP 200."""

from __future__ import annotations

import pytest
from sessionend import Outcome, ProviderSettings, errors

from .conftest import Ender
from .documented import UNKNOWN_IDS
from .recording import live_session_id

pytestmark = pytest.mark.vcr
WRONG_KEY = {"liveavatar": ProviderSettings(api_key="not-a-valid-liveavatar-key")}


def test_success(ender: Ender) -> None:
    result = ender.end("liveavatar", live_session_id("liveavatar"))
    assert (result.outcome, result.http_status, result.vendor_code) == (Outcome.ENDED, 200, 1000)


def test_business_error(ender: Ender) -> None:
    with pytest.raises(errors.VendorError) as caught:
        ender.end("liveavatar", live_session_id("liveavatar"))
    assert (caught.value.http_status, caught.value.vendor_code) == (200, 4000)


def test_rejected(ender: Ender) -> None:
    with pytest.raises(errors.RequestRejected) as caught:
        ender.end("liveavatar", live_session_id("liveavatar"))
    assert caught.value.http_status == 422
    assert caught.value.vendor_message == "body.session_id: Input should be a valid UUID"


def test_not_found(ender: Ender) -> None:
    result = ender.end("liveavatar", UNKNOWN_IDS["liveavatar"], missing_ok=True)
    assert (result.outcome, result.http_status) == (Outcome.NOT_FOUND, 404)


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("liveavatar", live_session_id("liveavatar"), settings=WRONG_KEY)
    assert caught.value.http_status == 401


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("liveavatar", live_session_id("liveavatar"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert waits == [pytest.approx(1.0, abs=0.1)]  # Retry-After honoured
