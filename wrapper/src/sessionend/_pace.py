"""Each provider's pace: how fast an ender sends to it, learnt from the vendor's throttles.

A vendor that throttles is asking for a pace, not reporting a failure. Every ender keeps one
``Pace`` per provider, shared by all its ends, in the manner of the AWS SDKs' adaptive retry
mode: a queue of send slots served at ``rate`` per second (a token bucket with no burst) that

- starts from the rate the adapter documents (or the one given in settings), or, where none
  is documented, from ``FIRST_RATE``;
- probes upward while the vendor does not throttle: before the first throttle the rate
  doubles every ``SLOW_START_DOUBLING`` seconds it is the limit (slow start), so an account
  with a higher limit than the documented one is used fully. The climb takes time, not one
  burst of every end at once, so processes sharing one account meet its limit together, at
  rates alike, rather than the first of them taking it all;
- on a throttle drops to ``BETA`` of the rate the vendor accepted over the last second (the
  rate sent, while nothing was accepted yet): the limit as it stands, where the rate sent
  overshoots it by however far the pace had climbed. It then grows back along the concave
  half of CUBIC's curve, scaled to that limit: most of the way back within a few seconds,
  flat near the rate that was throttled until ``RECOVERY`` seconds have passed. Each probe
  past a vendor's limit costs a throttle and, where the vendor names a wait, the rest of its
  window rounded up to a whole second, so a pace that has found the limit stays near it a
  while. Past that, it probes upward again in slow start's manner, doubling every
  ``PROBE_DOUBLING`` seconds: a limit that was raised, or shared with a process that has
  finished, is found within seconds. Only an answer to a request sent after the last
  drop, when one such request has got through, drops it again: throttles heard from one
  overshoot count once, as TCP counts one loss per window;
- stops the whole provider, not just one end, for as long as a vendor asks (``Retry-After``,
  ``RateLimit-Reset``); where a throttle names no wait (Akool's 1005), it stops the provider
  for ``NO_WAIT_PAUSE`` (or one slot, if longer), doubled while throttles go on (up to
  ``NO_WAIT_PAUSE_MAX``), since a vendor that throttles without saying for how long stays
  closed a while.

A slot is a place in the provider's queue, not a moment: when it may be sent follows the pace
as it changes. A faster pace brings the places already handed out sooner; a slower one or a
pause puts them later, so a throttle costs only the requests already on the wire, and ends
that took places at a slow documented rate are not held to it once the pace has grown. An end
asks how long its place still has to wait, sleeps at most ``LOOK_AGAIN`` seconds, and asks
again.

Sans-I/O: the enders ask and sleep as told; nothing here sleeps or sends. A lock makes one
Pace safe to share between threads.
"""

from __future__ import annotations

import collections
import dataclasses
import enum
import math
import threading
import time
import weakref
from collections.abc import Callable

__all__ = [
    "BETA",
    "FIRST_RATE",
    "LOOK_AGAIN",
    "MIN_RATE",
    "NO_WAIT_PAUSE",
    "NO_WAIT_PAUSE_MAX",
    "PROBE_DOUBLING",
    "RECOVERY",
    "SLOW_START_DOUBLING",
    "Pace",
    "PaceState",
    "Pacing",
    "Slot",
]

BETA = 0.9
"""The share of the measured limit kept after a throttle.

Higher than CUBIC's 0.7: the rate it applies to is what the vendor accepted, the limit as
measured, not a rate sent past it."""

RECOVERY = 20.0
"""Seconds CUBIC's curve takes to climb back to the rate that was throttled (its K)."""

PROBE_DOUBLING = 2.0
"""Seconds in which the rate doubles while it probes past the rate that was throttled."""

MIN_RATE = 0.5
"""Requests per second the pace never goes below: an end is never starved for good."""

FIRST_RATE = 50.0
"""Requests per second to a provider that documents no rate, before anything is learnt.

Of the order of the documented limits (10 to 17 a second); slow start doubles it while the
vendor takes it, to 800 a second within one second."""

SLOW_START_DOUBLING = 0.25
"""Seconds in which slow start doubles the rate, while the pace holds the ends back."""

LOOK_AGAIN = SLOW_START_DOUBLING
"""Seconds an end waiting for its slot sleeps at most before it asks again: the pace may
double in that time, and the slot come that much sooner."""

NO_WAIT_PAUSE = 0.01
"""Seconds a throttle that names no wait pauses its provider, at least."""

NO_WAIT_PAUSE_MAX = 4.0
"""Seconds such a pause doubles up to while the provider's throttles go on."""

_MEASURE_WINDOW = 1.0
"""Seconds over which the sent and the accepted rates are measured."""


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
        rate: Requests per second it sends at; None while unlimited (pacing off, or fixed
            with no rate known).
        throttles: Answers that were throttles, over the ender's life.
        paused_for: Seconds left of a pause the vendor asked for (0 when none).
    """

    rate: float | None
    throttles: int
    paused_for: float


# Weak references: the pace keeps the slots not sent yet, and an end dropped while it waits
# (a cancelled task) must not stay among them.
@dataclasses.dataclass(slots=True, weakref_slot=True, eq=False)
class Slot:
    """A place in a provider's queue of sends."""

    place: int
    """Its place in the queue."""
    waited: bool = False
    """Whether the pace held it back: the pace, not the concurrency, was the limit."""
    sent: float = math.inf
    """When it was sent (the pace's clock), to tell old answers from new."""


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
        self.rate: float | None = None
        if pacing is Pacing.ADAPTIVE:
            self.rate = FIRST_RATE if rate is None else rate
        elif pacing is Pacing.FIXED:
            self.rate = rate
        self.throttles = 0
        """Answers that were throttles, over the ender's life."""
        self._clock = clock
        self._lock = threading.Lock()
        # The queue: place k is due at _anchor_at + (k - _anchor) / rate. A change of rate
        # re-anchors at the place due at that moment, so the places ahead follow the new rate.
        self._issued = 0
        self._anchor = 0.0
        self._anchor_at = -math.inf
        self._queued: weakref.WeakSet[Slot] = weakref.WeakSet()
        self._paused_until = -math.inf
        self._paused_at = -math.inf
        self._no_wait_pause = 0.0
        # Learning.
        self._sent: collections.deque[float] = collections.deque()
        self._accepted: collections.deque[float] = collections.deque()
        self._slow_start = True
        self._grown_at = clock()
        self._dropped_at = -math.inf
        self._accepted_since_drop = False
        self._peak = 0.0

    def __repr__(self) -> str:
        rate = "unlimited" if self.rate is None else f"{self.rate:.1f}/s"
        return f"<Pace {self.pacing.value} {rate} throttles={self.throttles}>"

    def state(self) -> PaceState:
        """The pace now."""
        with self._lock:
            paused = max(0.0, self._paused_until - self._clock())
            return PaceState(self.rate, self.throttles, paused)

    def take(self) -> Slot:
        """Take the next place in the queue."""
        with self._lock:
            now = self._clock()
            if self._due(self._issued) < now:
                self._anchor, self._anchor_at = self._issued, now  # no credit for idle time
            slot = Slot(self._issued)
            self._issued += 1
            self._queued.add(slot)
            return slot

    def wait(self, slot: Slot, now: float | None = None) -> float:
        """Seconds ``slot`` has still to wait; 0 means send now (and the slot counts as sent).

        ``now`` is the time as the end sees it, where that runs ahead of the pace's clock.
        """
        with self._lock:
            clock = self._clock()
            now = clock if now is None else max(now, clock)
            due = max(self._paused_until, self._due(slot.place))
            if due > now:
                slot.waited = True
                return due - now
            slot.sent = clock
            _record(self._sent, clock)
            self._queued.discard(slot)
            return 0.0

    def delay(self) -> float:
        """Seconds until a place taken now would be due."""
        with self._lock:
            now = self._clock()
            return max(0.0, self._paused_until - now, self._due(self._issued) - now)

    def answered(self, slot: Slot, *, throttled: bool, wait: float | None = None) -> None:
        """Learn from the answer to the request sent in ``slot``.

        ``wait`` is the pause the vendor asked for with a throttle, if it named one.
        """
        with self._lock:
            now = self._clock()
            if throttled:
                self.throttles += 1
                self._throttled(slot, now, wait)
                return
            if slot.sent > self._paused_at:
                self._no_wait_pause = 0.0  # a request sent after the last pause got through
            if self.pacing is Pacing.ADAPTIVE:
                _record(self._accepted, now)
                if slot.sent > self._dropped_at:
                    self._accepted_since_drop = True
                self._grow(now, limited=slot.waited)

    # The queue.

    def _due(self, place: float) -> float:
        if self.rate is None:
            return -math.inf
        return self._anchor_at + (place - self._anchor) / self.rate

    def _set_rate(self, rate: float, now: float) -> None:
        # Re-anchor at the place due now (not past the last one handed out), so the places
        # ahead follow the new rate from here.
        if self.rate is not None and self._anchor_at < now:
            self._anchor += (now - self._anchor_at) * self.rate
            self._anchor = min(self._anchor, float(self._issued))
            self._anchor_at = now
        self.rate = rate

    def _pause(self, now: float, wait: float) -> None:
        if now + wait <= self._paused_until:
            return
        self._paused_until = now + wait
        self._paused_at = now
        # The queue starts again when the pause ends, from the first place not sent yet:
        # the places that fell due meanwhile go one by one, not in a burst.
        first = min((queued.place for queued in self._queued), default=self._issued)
        self._anchor, self._anchor_at = float(first), self._paused_until

    # Learning.

    def _throttled(self, slot: Slot, now: float, wait: float | None) -> None:
        if self.pacing is Pacing.OFF:
            return  # a throttle is only a retry, with its own wait
        if self.pacing is Pacing.ADAPTIVE:
            # One drop per overshoot: throttles to requests sent before the last drop, or
            # before anything sent since it got through, are the same overshoot heard again.
            first = self._dropped_at == -math.inf
            if slot.sent > self._dropped_at and (first or self._accepted_since_drop):
                self._drop(now)
            if wait is None and slot.sent > self._paused_at:
                # Sent after the last pause began, yet throttled: that pause was too short.
                assert self.rate is not None  # adaptive pacing always has a rate
                self._no_wait_pause = min(
                    NO_WAIT_PAUSE_MAX,
                    max(2 * self._no_wait_pause, NO_WAIT_PAUSE, 1.0 / self.rate),
                )
                wait = self._no_wait_pause
        if wait is not None and wait > 0:
            self._pause(now, wait)

    def _measured(self, now: float) -> float:
        # What got through is the vendor's limit as it stands; what was sent overshoots it
        # by however far the pace had climbed before the throttle was heard.
        for times in (self._sent, self._accepted):
            _forget_before(times, now - _MEASURE_WINDOW)
        return len(self._accepted or self._sent) / _MEASURE_WINDOW

    def _drop(self, now: float) -> None:
        assert self.rate is not None
        self._peak = max(min(self.rate, self._measured(now)), MIN_RATE)
        self._set_rate(max(MIN_RATE, self._peak * BETA), now)
        self._dropped_at = now
        self._grown_at = now
        self._slow_start = False
        self._accepted_since_drop = False

    def _grow(self, now: float, *, limited: bool) -> None:
        assert self.rate is not None
        if self._slow_start:
            # Double every SLOW_START_DOUBLING seconds the pace is what holds the ends back
            # (their slots waited): a documented rate far below the account's costs a second.
            elapsed = min(now - self._grown_at, SLOW_START_DOUBLING)
            if limited and elapsed > 0:
                self._set_rate(self.rate * 2.0 ** (elapsed / SLOW_START_DOUBLING), now)
            self._grown_at = now
            return
        since = now - self._dropped_at
        if since < RECOVERY:
            target = self._peak * (1 - (1 - BETA) * (1 - since / RECOVERY) ** 3)
        else:
            target = self._peak * 2.0 ** ((since - RECOVERY) / PROBE_DOUBLING)
        if target > self.rate:
            self._set_rate(target, now)


def _record(times: collections.deque[float], now: float) -> None:
    # Only the last measure window is ever read: what is older goes as new times come, so a
    # pace that never hears a throttle holds a second's worth, not every send of its life.
    times.append(now)
    _forget_before(times, now - _MEASURE_WINDOW)


def _forget_before(times: collections.deque[float], start: float) -> None:
    while times and times[0] < start:
        times.popleft()
