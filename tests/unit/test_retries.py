"""Retries, server-requested waits, and the error each failure ends with."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from sessionend import Outcome, errors
from sessionend._retry import backoff, requested_wait

from .harness import Vendor, reply, run_end

OK = {"status": "ok", "conversation_id": "c", "conversation_status": "RUNNING"}


def test_503_twice_then_200_ends_on_the_third_attempt(mode: str, waits: list[float]) -> None:
    vendor = Vendor([reply(503), reply(503), reply(200, OK)])
    result = run_end(mode, vendor, "openhands", "c")
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 3)
    assert len(waits) == 2
    assert 0.25 <= waits[0] <= 0.5 and 0.5 <= waits[1] <= 1.0  # backoff with jitter


@pytest.mark.parametrize("status", [500, 502, 520, 529, 599])
def test_every_status_from_500_ends_as_server_error_after_retries(mode: str, status: int) -> None:
    vendor = Vendor([reply(status, "<html>bad gateway</html>")])
    with pytest.raises(errors.ServerError) as caught:
        run_end(mode, vendor, "openhands", "c")
    assert (caught.value.http_status, caught.value.attempts) == (status, 3)
    assert caught.value.elapsed is not None and caught.value.elapsed >= 0


def test_an_id_refused_before_sending_has_no_elapsed_time(mode: str) -> None:
    with pytest.raises(errors.InvalidSessionId) as caught:
        run_end(mode, Vendor([]), "openhands", "..")
    assert (caught.value.attempts, caught.value.elapsed) == (0, None)


def test_max_retries_zero_means_one_attempt(mode: str) -> None:
    vendor = Vendor([reply(503)])
    with pytest.raises(errors.ServerError):
        run_end(mode, vendor, "openhands", "c", max_retries=0)
    assert len(vendor.requests) == 1


@pytest.mark.parametrize("status", [400, 409, 410, 418])
def test_other_4xx_are_never_retried(mode: str, status: int) -> None:
    vendor = Vendor([reply(status)])
    with pytest.raises(errors.RequestRejected):
        run_end(mode, vendor, "openhands", "c")
    assert len(vendor.requests) == 1


@pytest.mark.parametrize("status", [401, 403])
def test_401_and_403_are_authentication_errors(mode: str, status: int) -> None:
    with pytest.raises(errors.AuthenticationError):
        run_end(mode, Vendor([reply(status)]), "openhands", "c")


def test_408_is_retried_and_ends_as_a_timeout(mode: str) -> None:
    vendor = Vendor([reply(408)])
    with pytest.raises(errors.EndTimeout):
        run_end(mode, vendor, "openhands", "c")
    assert len(vendor.requests) == 3


def test_retry_after_seconds_is_honoured(mode: str, waits: list[float]) -> None:
    vendor = Vendor([reply(429, headers={"Retry-After": "7"}), reply(200, OK)])
    assert run_end(mode, vendor, "openhands", "c").attempts == 2
    assert waits == [pytest.approx(7.0, abs=0.05)]  # the whole provider pauses


def test_retry_after_ms_is_honoured(mode: str, waits: list[float]) -> None:
    vendor = Vendor([reply(429, headers={"retry-after-ms": "250"}), reply(200, OK)])
    run_end(mode, vendor, "openhands", "c")
    assert waits == [pytest.approx(0.25, abs=0.05)]  # the whole provider pauses


def test_elizaos_ratelimit_reset_is_honoured(mode: str, waits: list[float]) -> None:
    limited = reply(
        429,
        {"success": False, "error": {"code": "RATE_LIMIT_EXCEEDED"}},
        headers={"RateLimit-Limit": "100", "RateLimit-Remaining": "0", "RateLimit-Reset": "3"},
    )
    vendor = Vendor([limited, reply(200, {"success": True, "message": "deleted"})])
    run_end(mode, vendor, "elizaos", "abc")
    assert waits == [pytest.approx(3.0, abs=0.05)]  # the whole provider pauses


def test_a_wait_longer_than_max_retry_wait_raises_at_once(mode: str, waits: list[float]) -> None:
    vendor = Vendor([reply(429, headers={"Retry-After": "120"})])
    with pytest.raises(errors.RateLimited) as caught:
        run_end(mode, vendor, "openhands", "c", max_retry_wait=60)
    assert (caught.value.retry_after, caught.value.attempts) == (120.0, 1)
    assert waits == []


def test_429_to_the_end_without_pacing_is_rate_limited_with_the_last_wait(mode: str) -> None:
    vendor = Vendor([reply(429, headers={"Retry-After": "1"})])
    with pytest.raises(errors.RateLimited) as caught:
        run_end(mode, vendor, "openhands", "c", pacing="off")
    assert (caught.value.retry_after, caught.value.attempts) == (1.0, 3)


def test_429_to_the_end_is_waited_out_until_the_deadline(mode: str, waits: list[float]) -> None:
    """Throttles are not retries: the end keeps the provider's pace until its deadline."""
    vendor = Vendor([reply(429, headers={"Retry-After": "1"})])
    with pytest.raises(errors.RateLimited, match="pace") as caught:
        run_end(mode, vendor, "openhands", "c", deadline=10)
    assert caught.value.attempts > 3  # max_retries does not count throttles
    assert sum(waits) <= 10


def test_retry_after_as_an_http_date() -> None:
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    wait = requested_wait({"retry-after": date}, now=now)
    assert wait is not None and 29 <= wait <= 31


@pytest.mark.parametrize("value", ["soon", "-5", "nan", ""])
def test_unusable_retry_after_falls_back_to_backoff(value: str) -> None:
    assert requested_wait({"retry-after": value}) is None


def test_backoff_starts_near_half_a_second_and_is_capped() -> None:
    assert all(0.25 <= backoff(0) <= 0.5 for _ in range(100))
    assert all(4.0 <= backoff(10) <= 8.0 for _ in range(100))


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.ConnectError, errors.TransportError),
        (httpx.ReadError, errors.TransportError),
        (httpx.RemoteProtocolError, errors.TransportError),
        (httpx.ConnectTimeout, errors.EndTimeout),
        (httpx.ReadTimeout, errors.EndTimeout),
    ],
)
def test_transport_failures_are_retried_then_typed(
    mode: str, failure: type[httpx.RequestError], error: type[errors.SessionEndError]
) -> None:
    vendor = Vendor([failure])
    with pytest.raises(error) as caught:
        run_end(mode, vendor, "openhands", "c")
    assert caught.value.attempts == 3 and len(vendor.requests) == 3
    assert type(caught.value) is error


def test_end_timeout_is_also_a_timeout_error() -> None:
    assert issubclass(errors.EndTimeout, TimeoutError)
    assert issubclass(errors.EndTimeout, errors.TransportError)


def test_not_found_after_a_lost_answer_means_already_ended(mode: str) -> None:
    """Attempt 1 may have ended it before timing out; attempt 2's 404 confirms it is gone."""
    vendor = Vendor([httpx.ReadTimeout, reply(404)])
    result = run_end(mode, vendor, "elizaos", "abc")
    assert (result.outcome, result.attempts) == (Outcome.ALREADY_ENDED, 2)


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
def test_not_found_after_a_gateway_or_server_error_means_it_was_ended(
    mode: str, status: int
) -> None:
    """A 502 or 504 may hide an end the vendor carried out: the 404 after it is that end."""
    vendor = Vendor([reply(status), reply(404)])
    result = run_end(mode, vendor, "elizaos", "abc")
    assert (result.outcome, result.attempts) == (Outcome.ALREADY_ENDED, 2)


def test_not_found_after_a_throttled_attempt_stays_not_found(mode: str) -> None:
    """A 429 says the vendor did not act, so the 404 after it is a plain not-found."""
    vendor = Vendor([reply(429), reply(404)])
    with pytest.raises(errors.SessionNotFound) as caught:
        run_end(mode, vendor, "elizaos", "abc")
    assert caught.value.attempts == 2


def test_not_found_after_a_refused_connection_stays_not_found(mode: str) -> None:
    """A refused connection never reached the vendor, so it proves nothing."""
    vendor = Vendor([httpx.ConnectError, reply(404)])
    with pytest.raises(errors.SessionNotFound):
        run_end(mode, vendor, "elizaos", "abc")


def test_a_redirect_is_never_followed(mode: str) -> None:
    vendor = Vendor([reply(307, headers={"Location": "https://elsewhere.example/steal"})])
    with pytest.raises(errors.UnexpectedResponse, match="redirect"):
        run_end(mode, vendor, "openhands", "c")
    assert [str(r.url.host) for r in vendor.requests] == ["app.all-hands.dev"]


@pytest.mark.parametrize("body", [b"not json", b'{"status": "ok", "conver', b"", b"[1, 2]"])
def test_unparsable_2xx_bodies_are_unexpected(mode: str, body: bytes) -> None:
    vendor = Vendor(
        [httpx.Response(200, content=body, headers={"Content-Type": "application/json"})]
    )
    with pytest.raises(errors.UnexpectedResponse):
        run_end(mode, vendor, "openhands", "c")


def test_an_unparsable_documented_error_body_keeps_its_status(mode: str) -> None:
    """ElizaOS documents a JSON 500; an HTML one still ends as a ServerError, not a crash."""
    vendor = Vendor(
        [httpx.Response(500, content=b"<html>", headers={"Content-Type": "application/json"})]
    )
    with pytest.raises(errors.ServerError) as caught:
        run_end(mode, vendor, "elizaos", "abc")
    assert caught.value.http_status == 500


def test_per_call_timeout_reaches_the_request(mode: str) -> None:
    vendor = Vendor([reply(200, OK)])
    run_end(mode, vendor, "openhands", "c", timeout=2.5)
    assert vendor.requests[0].extensions["timeout"] == httpx.Timeout(2.5).as_dict()


def test_the_default_timeout_reaches_the_request(mode: str) -> None:
    vendor = Vendor([reply(200, OK)])
    run_end(mode, vendor, "openhands", "c")
    assert vendor.requests[0].extensions["timeout"] == httpx.Timeout(15.0).as_dict()
