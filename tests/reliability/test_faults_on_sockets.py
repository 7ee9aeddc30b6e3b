"""Every fault the wrapper promises to survive, on real loopback sockets, sync and async."""

from __future__ import annotations

import email.utils
import socket
import time

import pytest
from sessionend import EndResult, Outcome, ProviderSettings, errors
from sessionend.testing import FakeVendors, Fault, SessionState

from tests.support import record_retry_waits

from ._faults_support import end_once

TEN_MB = b"x" * (10 * 1024 * 1024)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry waits instead of sleeping them (the sockets stay real)."""
    return record_retry_waits(monkeypatch)


def ended(item: object, outcome: Outcome = Outcome.ENDED, attempts: int = 1) -> bool:
    return isinstance(item, EndResult) and (item.outcome, item.attempts) == (outcome, attempts)


def test_connection_refused_is_a_transport_error_after_retries(
    mode: str, waits: list[float]
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = {"openhands": ProviderSettings(api_key="k", base_url=f"http://127.0.0.1:{port}")}
    with FakeVendors() as fakes:
        item = end_once(
            mode, fakes, "openhands", "3b9f2c51a7d04e6f8c1a2b3c4d5e6f70", settings=settings
        )
    assert type(item) is errors.TransportError and item.attempts == 3
    assert len(waits) == 2


@pytest.mark.parametrize("unread", [True, False], ids=["before-reading", "before-processing"])
def test_reset_before_the_end_then_success(
    mode: str, fake_vendors: FakeVendors, waits: list[float], unread: bool
) -> None:
    session_id = fake_vendors.create_session("digitalsamba")
    fault = Fault.drop(before_reading=unread)
    fake_vendors.inject("digitalsamba", fault, session_id=session_id)
    assert ended(end_once(mode, fake_vendors, "digitalsamba", session_id), attempts=2)


@pytest.mark.parametrize("unread", [True, False], ids=["before-reading", "before-processing"])
def test_reset_before_the_end_every_time(
    mode: str, fake_vendors: FakeVendors, waits: list[float], unread: bool
) -> None:
    session_id = fake_vendors.create_session("digitalsamba")
    fault = Fault.drop(before_reading=unread, times=3)
    fake_vendors.inject("digitalsamba", fault, session_id=session_id)
    item = end_once(mode, fake_vendors, "digitalsamba", session_id)
    assert type(item) is errors.TransportError and item.attempts == 3
    assert fake_vendors.state("digitalsamba", session_id) is SessionState.ACTIVE
    bodies = [received.body for received in fake_vendors["digitalsamba"].received]
    assert len(bodies) == 3


def test_reset_after_processing_is_already_ended(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    """The answer is lost after the vendor ended it; the retry's 404 means it is over."""
    session_id = fake_vendors.create_session("digitalsamba")
    fake_vendors.inject("digitalsamba", Fault.drop(after_processing=True), session_id=session_id)
    assert ended(end_once(mode, fake_vendors, "digitalsamba", session_id), Outcome.ALREADY_ENDED, 2)


def test_a_server_that_never_answers_is_bounded(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.delay(30, times=3), session_id=session_id)
    item = end_once(mode, fake_vendors, "openhands", session_id, timeout=0.3)
    # Each attempt gave up after its own timeout: three requests, none answered.
    assert type(item) is errors.EndTimeout and item.attempts == 3
    assert fake_vendors["openhands"].request_count == 3


def test_timeout_after_processing_then_404_is_already_ended(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    session_id = fake_vendors.create_session("elizaos")
    fake_vendors.inject("elizaos", Fault.delay(2, after_processing=True), session_id=session_id)
    item = end_once(mode, fake_vendors, "elizaos", session_id, timeout=0.3)
    assert ended(item, Outcome.ALREADY_ENDED, 2)


def test_503_twice_then_200(mode: str, fake_vendors: FakeVendors, waits: list[float]) -> None:
    session_id = fake_vendors.create_session("liveavatar")
    fake_vendors.inject("liveavatar", Fault.failing(503, times=2), session_id=session_id)
    assert ended(end_once(mode, fake_vendors, "liveavatar", session_id), attempts=3)
    assert len(waits) == 2


@pytest.mark.parametrize("status", [520, 529, 599])
def test_cdn_statuses_are_server_errors_never_value_errors(
    mode: str, fake_vendors: FakeVendors, waits: list[float], status: int
) -> None:
    fake_vendors.inject(
        "akool",
        Fault.answer(status, b"<html>origin down</html>", content_type="text/html", times=3),
    )
    item = end_once(mode, fake_vendors, "akool", "s")
    assert type(item) is errors.ServerError
    assert (item.http_status, item.attempts) == (status, 3)


def test_429_retry_after_in_seconds(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.rate_limited(retry_after=3), session_id=session_id)
    # The throttled lookup, then V1's lookup and pause.
    assert ended(end_once(mode, fake_vendors, "openhands", session_id), attempts=3)
    # The asked-for wait first; the pace then spaces the lookup and pause that follow.
    assert waits[0] == pytest.approx(3.0, abs=0.1)


def test_429_retry_after_as_an_http_date(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    session_id = fake_vendors.create_session("digitalsamba")
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    fault = Fault.answer(429, b'{"message": "Too Many Attempts."}', headers={"Retry-After": when})
    fake_vendors.inject("digitalsamba", fault, session_id=session_id)
    assert ended(end_once(mode, fake_vendors, "digitalsamba", session_id), attempts=2)
    assert len(waits) == 1 and 2.9 <= waits[0] <= 6


def test_429_asking_longer_than_max_retry_wait_is_rate_limited_at_once(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.rate_limited(retry_after=120), session_id=session_id)
    item = end_once(mode, fake_vendors, "openhands", session_id, max_retry_wait=60)
    assert type(item) is errors.RateLimited
    assert (item.retry_after, item.attempts, waits) == (120.0, 1, [])


def test_elizaos_ratelimit_reset_is_honoured(
    mode: str, fake_vendors: FakeVendors, waits: list[float]
) -> None:
    session_id = fake_vendors.create_session("elizaos")
    fake_vendors.inject("elizaos", Fault.rate_limited(retry_after=2), session_id=session_id)
    assert ended(end_once(mode, fake_vendors, "elizaos", session_id), attempts=2)
    assert waits == [pytest.approx(2.0, abs=0.1)]


def test_akool_1005_then_1000(mode: str, fake_vendors: FakeVendors, waits: list[float]) -> None:
    session_id = fake_vendors.create_session("akool")
    fake_vendors.inject("akool", Fault.rate_limited(), session_id=session_id)
    item = end_once(mode, fake_vendors, "akool", session_id)
    assert ended(item, attempts=2)
    assert isinstance(item, EndResult) and item.vendor_code == 1000


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "text/html"),
        (b"not json at all", "application/json"),
        (b'{"code": 1000, "msg"', "application/json"),
        (b"", "application/json"),
        (b"\xff\xfe\x00garbage", "application/octet-stream"),
    ],
)
def test_unreadable_2xx_bodies_are_unexpected_responses(
    mode: str, fake_vendors: FakeVendors, body: bytes, content_type: str
) -> None:
    for provider in ("liveavatar", "akool", "openhands", "elizaos"):
        session_id = fake_vendors.create_session(provider)
        fake_vendors.inject(
            provider, Fault.answer(200, body, content_type=content_type), session_id=session_id
        )
        item = end_once(mode, fake_vendors, provider, session_id)
        assert type(item) is errors.UnexpectedResponse, (provider, item)
        assert item.http_status == 200


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_10_mb_body_is_not_read_whole(
    mode: str, fake_vendors: FakeVendors, chunked: bool
) -> None:
    session_id = fake_vendors.create_session("openhands")
    fault = Fault.answer(200, TEN_MB, chunked=chunked)
    fake_vendors.inject("openhands", fault, session_id=session_id)
    item = end_once(mode, fake_vendors, "openhands", session_id)
    assert type(item) is errors.UnexpectedResponse
    assert "longer than 1048576 bytes" in str(item)
    assert (item.http_status, item.attempts) == (200, 1)
