"""One end across its attempts: what each verdict leads to, shared by the sync and async loops.

The loops only send and sleep; every decision (retry or not, how long to wait, which error,
whether a not-found after a lost answer means the session was ended) is made here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import httpx

from . import errors
from ._models import EndResult, Outcome, Provider
from ._pace import LOOK_AGAIN, Pace, Pacing, Slot
from ._retry import backoff, requested_wait
from .providers import Verdict

__all__ = ["Attempts", "failure_verdict", "logger"]

logger = logging.getLogger("sessionend")

MAX_STEPS = 4
"""The most follow-up requests one end may take (a lookup before the end, and the like)."""

_NOT_DELIVERED = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def failure_verdict(error: httpx.HTTPError) -> Verdict:
    """What an exception from httpx means for the end."""
    # The request may have reached the vendor unless it failed before sending.
    unknown = not isinstance(error, _NOT_DELIVERED)
    name = type(error).__name__
    if isinstance(error, httpx.TimeoutException):
        return Verdict(
            error=errors.EndTimeout,
            message=f"timed out ({name})",
            retry=True,
            outcome_unknown=unknown,
        )
    if isinstance(error, httpx.NetworkError | httpx.RemoteProtocolError):
        return Verdict(
            error=errors.TransportError,
            message=f"connection failed ({name})",
            retry=True,
            outcome_unknown=unknown,
        )
    if isinstance(error, httpx.DecodingError | httpx.TooManyRedirects):
        return Verdict(error=errors.UnexpectedResponse, message=f"unreadable answer ({name})")
    return Verdict(error=errors.TransportError, message=f"request failed ({name})")


class Attempts:
    """Tracks one end and settles each verdict into a result, a wait, or an error."""

    def __init__(
        self,
        provider: Provider,
        session_id: str | None,
        *,
        missing_ok: bool,
        max_retries: int,
        max_retry_wait: float,
        secrets: Iterable[str],
        wait_headers: Sequence[str] = ("retry-after-ms", "retry-after"),
        pace: Pace | None = None,
        deadline: float | None = None,
    ) -> None:
        self.provider = provider
        self.session_id = session_id
        self.missing_ok = missing_ok
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.secrets = tuple(secret for secret in secrets if secret)
        self.wait_headers = wait_headers
        self.count = 0
        self.retries = 0
        self.outcome_unknown = False
        self.fell_back = False
        self.steps = 0
        self.throttled = 0
        self.pace = pace if pace is not None and pace.pacing is not Pacing.OFF else None
        self.started = time.monotonic()
        self.deadline = None if deadline is None else self.started + deadline
        self._waits_end = self.started

    def _now(self) -> float:
        # Time as the end sees it: the waits it asked for count as passed once asked for, so
        # the deadline holds even where sleeping is replaced (tests) or cut short.
        return max(time.monotonic(), self._waits_end)

    def _waiting(self, seconds: float) -> None:
        self._waits_end = max(self._waits_end, time.monotonic()) + seconds

    def slot(self) -> Slot | None:
        """Take a place in the provider's queue of sends (None without pacing).

        Raises:
            errors.RateLimited: When the provider's pace would hold the end past its deadline.
        """
        if self.pace is None:
            return None
        self._within_deadline(self.pace.delay())
        return self.pace.take()

    def wait_for(self, slot: Slot) -> float:
        """Seconds to sleep before asking again whether ``slot`` may be sent; 0: send it now.

        Raises:
            errors.RateLimited: When the provider's pace would hold the end past its deadline.
        """
        assert self.pace is not None  # a slot comes from the pace
        wait = self.pace.wait(slot, self._now())
        if wait <= 0:
            return 0.0
        self._within_deadline(wait)
        # A pause only ever grows, but the pace may quicken after it, and the slot with it.
        sleep = min(wait, max(LOOK_AGAIN, self.pace.state().paused_for))
        self._waiting(sleep)
        return sleep

    def _within_deadline(self, delay: float) -> None:
        if self.deadline is not None and self._now() + delay > self.deadline:
            raise self._paced_out(delay)

    def attempt_timeout(self, timeout: float) -> float:
        """The next attempt's timeout: ``timeout``, or less when the deadline is nearer.

        Raises:
            errors.EndTimeout: When the end's deadline has passed.
        """
        if self.deadline is None:
            return timeout
        left = self.deadline - self._now()
        if left <= 0:
            raise self._error(
                Verdict(error=errors.EndTimeout, message="the end's deadline passed"),
                errors.EndTimeout,
            )
        return min(timeout, left)

    def _paced_out(self, delay: float) -> errors.SessionEndError:
        waited = self._now() - self.started
        verdict = Verdict(
            error=errors.RateLimited,
            message=(
                f"{self.provider.value}'s pace would hold the end past its deadline "
                f"(waited {waited:.1f} s, {self.throttled} throttled answer(s), "
                f"next slot in {delay:.1f} s)"
            ),
        )
        return self._error(verdict, errors.RateLimited)

    def succeeded(self, slot: Slot | None) -> None:
        """Tell the pace an answer came that was no throttle (a page that was read)."""
        if self.pace is not None and slot is not None:
            self.pace.answered(slot, throttled=False)

    def begin(self) -> None:
        """Count an attempt about to be sent."""
        self.count += 1
        logger.debug("%s %s: attempt %d", self.provider.value, self.session_id, self.count)

    def settle(
        self,
        verdict: Verdict,
        headers: Mapping[str, str] | None = None,
        slot: Slot | None = None,
    ) -> EndResult | float:
        """Turn a verdict into the result, or the seconds to wait before the next attempt.

        Raises:
            errors.SessionEndError: When the end failed for good.
        """
        throttle = verdict.error is errors.RateLimited
        if self.pace is not None and slot is not None:
            wait = requested_wait(headers, self.wait_headers) if throttle else None
            self.pace.answered(slot, throttled=throttle, wait=wait)
            if throttle:
                return self._throttled(verdict, wait)
        if verdict.outcome is not None:
            return self._finish(verdict, verdict.outcome)
        if verdict.not_found:
            if self.outcome_unknown:
                # An earlier attempt may have reached the vendor and ended the session.
                return self._finish(verdict, Outcome.ALREADY_ENDED)
            if self.missing_ok:
                return self._finish(verdict, Outcome.NOT_FOUND)
            raise self._error(verdict, errors.SessionNotFound)
        self.outcome_unknown = self.outcome_unknown or verdict.outcome_unknown
        if verdict.follow is not None:
            # One end may take a few steps; an adapter that never settles must not loop.
            self.steps += 1
            if self.steps <= MAX_STEPS:
                return 0.0
            raise self._error(verdict, errors.UnexpectedResponse)
        if verdict.again and not self.fell_back:
            # One fallback per end: an adapter asking again and again must not loop forever.
            self.fell_back = True
            logger.debug("%s %s: %s", self.provider.value, self.session_id, verdict.message)
            return 0.0
        requested = requested_wait(headers, self.wait_headers) if verdict.retry else None
        if not verdict.retry or self.retries >= self.max_retries:
            raise self._error(verdict, verdict.error or errors.UnexpectedResponse, requested)
        if requested is not None and requested > self.max_retry_wait:
            raise self._error(verdict, verdict.error or errors.RateLimited, requested)
        wait = requested if requested is not None else backoff(self.retries)
        if self.deadline is not None and self._now() + wait > self.deadline:
            raise self._error(verdict, verdict.error or errors.UnexpectedResponse, requested)
        self._waiting(wait)
        self.retries += 1
        logger.debug(
            "%s %s: %s; retrying in %.2fs",
            self.provider.value,
            self.session_id,
            verdict.message,
            wait,
        )
        return wait

    def _throttled(self, verdict: Verdict, wait: float | None) -> float:
        """A throttle is a pace to keep: never a retry; bounded by time, not by count."""
        if wait is not None and wait > self.max_retry_wait:
            raise self._error(verdict, errors.RateLimited, wait)
        self.throttled += 1
        logger.debug(
            "%s %s: throttled (%s); waiting for the provider's pace",
            self.provider.value,
            self.session_id,
            verdict.message,
        )
        # The pace holds every end of the provider for the pause; this one sleeps it here,
        # so its own time (its deadline's) counts the pause even where sleeping is replaced.
        assert self.pace is not None  # only a paced end waits out a throttle
        pause = self.pace.state().paused_for
        self._waiting(pause)
        return pause

    def _finish(self, verdict: Verdict, outcome: Outcome) -> EndResult:
        assert self.session_id is not None  # only an end has an outcome
        result = EndResult(
            provider=self.provider,
            session_id=self.session_id,
            outcome=outcome,
            http_status=verdict.http_status,
            vendor_code=verdict.vendor_code,
            vendor_message=self.redact(verdict.vendor_message),
            attempts=self.count,
            throttled=self.throttled,
            elapsed=time.monotonic() - self.started,
            body=verdict.body,
        )
        self._log(outcome.value, result.elapsed)
        return result

    def _error(
        self,
        verdict: Verdict,
        kind: type[errors.SessionEndError],
        retry_after: float | None = None,
    ) -> errors.SessionEndError:
        context: dict[str, Any] = {
            "provider": self.provider.value,
            "session_id": self.session_id,
            "http_status": verdict.http_status,
            "vendor_code": verdict.vendor_code,
            "vendor_message": self.redact(verdict.vendor_message),
            "attempts": self.count,
            "elapsed": time.monotonic() - self.started,
        }
        message = self.redact(verdict.message) or kind.__name__
        if verdict.vendor_message:
            message = f"{message}: {context['vendor_message']}"
        if issubclass(kind, errors.RateLimited):
            error: errors.SessionEndError = kind(message, retry_after=retry_after, **context)
        else:
            error = kind(message, **context)
        self._log(kind.__name__, context["elapsed"])
        return error

    def redact(self, text: str | None) -> str | None:
        """``text`` with any credential replaced: vendors sometimes echo what they refused."""
        if text is None:
            return None
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text

    def _log(self, outcome: str, elapsed: float) -> None:
        logger.info(
            "%s %s: %s after %d attempt(s) in %.3fs",
            self.provider.value,
            self.session_id,
            outcome,
            self.count,
            elapsed,
        )
