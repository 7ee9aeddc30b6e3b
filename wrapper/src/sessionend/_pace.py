"""Each provider's pace: how fast an ender sends to it, learnt from the vendor's throttles.

A vendor that throttles is asking for a pace, not reporting a failure. Every ender keeps one
``Pace`` per provider, shared by all its ends, in the manner of the AWS SDKs' adaptive retry
mode: a schedule of send slots at ``rate`` per second (a token bucket with no burst) that

- starts from the rate the adapter documents (or the one given in settings), or, where none
  is documented, from no limit at all, so the concurrency alone sets the pace until the
  vendor first throttles;
- probes upward while the vendor does not throttle: before the first throttle the rate
  doubles every half second it is the limit (slow start), so an account with a higher limit
  than the documented one is used fully; as the rate grows, the next slot comes sooner in
  proportion, so ends already holding slots at the old spacing do not hold back the new pace;
- on a throttle drops to ``BETA`` of the rate the vendor accepted over the last second (the
  rate sent, while nothing was accepted yet): the limit as it stands, where the rate sent
  overshoots it by however far the pace had climbed. It then grows back along CUBIC's
  curve: fast at first, flat near the rate that was throttled, then probing past it.
  Only answers to requests sent after the last drop can drop it again: a burst of throttles
  already in flight counts once, as TCP counts one loss per window;
- stops the whole provider, not just one end, for as long as a vendor asks (``Retry-After``,
  ``RateLimit-Reset``).

Sans-I/O: the enders ask for a slot and sleep as told; nothing here sleeps or sends. A lock
makes one Pace safe to share between threads.
"""

from __future__ import annotations

import collections
import dataclasses
import enum
import threading
import time
from collections.abc import Callable

__all__ = ["BETA", "CUBIC_C", "MIN_RATE", "SLOW_START_DOUBLING", "Pace", "PaceState", "Pacing"]

BETA = 0.7
"""The share of the measured rate kept after a throttle (CUBIC's and the AWS SDKs' 0.7)."""

CUBIC_C = 0.4
"""CUBIC's scaling constant: how fast the rate grows back, in requests per second cubed."""

MIN_RATE = 0.5
"""Requests per second the pace never goes below: an end is never starved for good."""

_MEASURE_WINDOW = 1.0
"""Seconds over which the sent and the accepted rates are measured."""

SLOW_START_DOUBLING = 0.5
"""Seconds in which slow start doubles the rate, while the pace holds the ends back."""


class Pacing(enum.StrEnum):
    """How an ender paces each provider."""

    ADAPTIVE = "adaptive"
    """Start from the documented rate, shrink on throttles, grow back while there are none."""
    FIXED = "fixed"
    """Keep the documented (or given) rate; no limit where none is known."""
    OFF = "off"
    """Send as fast as the concurrency allows; a throttle is only a retry."""


@dataclasses.dataclass(frozen=True, slots=True)
class PaceState:
    """One provider's pace as an ender sees it now.

    Attributes:
        rate: Requests per second it sends at; None while unlimited (no rate documented
            and no throttle yet).
        throttles: Answers that were throttles, over the ender's life.
        paused_for: Seconds left of a pause the vendor asked for (0 when none).
    """

    rate: float | None
    throttles: int
    paused_for: float


@dataclasses.dataclass(slots=True)
class Slot:
    """A send slot: when its request may go out, and when it was handed out."""

    wait: float
    """Seconds to wait before sending."""
    taken: float
    """The moment the slot was taken (``time.monotonic``), to tell old answers from new."""


class Pace:
    """One provider's pace, shared by every end of one ender."""

    def __init__(
        self,
        rate: float | None,
        pacing: Pacing = Pacing.ADAPTIVE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate is not None and not rate > 0:
            raise ValueError(f"a rate is a positive number of requests per second, got {rate!r}")
        self.pacing = pacing
        self.rate: float | None = None if pacing is Pacing.OFF else rate
        self.throttles = 0
        """Answers that were throttles, over the ender's life."""
        self._clock = clock
        self._lock = threading.Lock()
        self._next = 0.0
        self._paused_until = 0.0
        self._sent: collections.deque[float] = collections.deque()
        self._accepted: collections.deque[float] = collections.deque()
        self._slow_start = True
        self._dropped_at = -1.0
        self._grown_at = clock()
        self._peak = 0.0
        self._recovery = 0.0

    def __repr__(self) -> str:
        rate = "unlimited" if self.rate is None else f"{self.rate:.1f}/s"
        return f"<Pace {self.pacing.value} {rate} throttles={self.throttles}>"

    def state(self) -> PaceState:
        """The pace now."""
        with self._lock:
            paused = max(0.0, self._paused_until - self._clock())
            return PaceState(self.rate, self.throttles, paused)

    def take(self) -> Slot:
        """Take the next send slot."""
        with self._lock:
            now = self._clock()
            start = max(now, self._paused_until)
            if self.rate is not None:
                start = max(start, self._next)
                self._next = start + 1.0 / self.rate
            self._sent.append(start)
            return Slot(start - now, now)

    def delay(self) -> float:
        """Seconds until the next slot would be free, without taking it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._paused_until)
            if self.rate is not None:
                start = max(start, self._next)
            return start - now

    def answered(self, slot: Slot, *, throttled: bool, wait: float | None = None) -> None:
        """Learn from the answer to the request sent in ``slot``.

        ``wait`` is the pause the vendor asked for with a throttle, if it named one.
        """
        with self._lock:
            now = self._clock()
            if throttled:
                self.throttles += 1
                if wait is not None and wait > 0:
                    self._paused_until = max(self._paused_until, now + wait)
                    self._next = max(self._next, self._paused_until)
                if self.pacing is Pacing.ADAPTIVE and slot.taken > self._dropped_at:
                    self._drop(now, wait)
                return
            if self.pacing is Pacing.ADAPTIVE:
                self._accepted.append(now)
                if self.rate is not None:
                    self._grow(now, limited=slot.wait > 0)

    def _measured(self, now: float) -> float:
        # What got through is the vendor's limit as it stands; what was sent overshoots it
        # by however far the pace had climbed before the throttle was heard.
        for times in (self._sent, self._accepted):
            while times and times[0] < now - _MEASURE_WINDOW:
                times.popleft()
        return len(self._accepted or self._sent) / _MEASURE_WINDOW

    def _drop(self, now: float, wait: float | None) -> None:
        measured = self._measured(now)
        base = measured if self.rate is None else min(self.rate, max(measured, MIN_RATE))
        self._peak = max(base, MIN_RATE)
        self.rate = max(MIN_RATE, self._peak * BETA)
        # CUBIC's K: the seconds the curve takes to climb back to the peak.
        self._recovery = (self._peak * (1 - BETA) / CUBIC_C) ** (1 / 3)
        self._dropped_at = now
        self._grown_at = now
        self._slow_start = False
        # The next send waits what the vendor asked for, or else keeps the new spacing from
        # now on (not from the slot handed out last).
        self._next = max(self._next, now + (wait if wait is not None else 1.0 / self.rate))

    def _grow(self, now: float, *, limited: bool) -> None:
        assert self.rate is not None
        before = self.rate
        elapsed = now - self._grown_at
        if self._slow_start:
            # Double every half second the pace is what holds the ends back (their slots
            # waited): a documented rate far below the account's costs a second or two.
            if limited and elapsed > 0:
                self.rate *= 2.0 ** (min(elapsed, SLOW_START_DOUBLING) / SLOW_START_DOUBLING)
            self._grown_at = now
        else:
            since = now - self._dropped_at
            target = CUBIC_C * (since - self._recovery) ** 3 + self._peak
            self.rate = max(self.rate, target, MIN_RATE)
        if self.rate > before and self._next > now:
            # The slots handed out already were spaced at the old rate, as far ahead as the
            # ends waiting for them: the next ones come as much sooner as the rate grew, or a
            # faster pace would only be felt once every one of those had been sent.
            self._next = now + (self._next - now) * before / self.rate
