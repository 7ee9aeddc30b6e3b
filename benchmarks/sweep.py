"""A sweep at the vendors' pace: list every live session, end the stale ones, and no other.

The live sessions are spread evenly over the vendors that list (every adapter with
``lists_sessions``), most of them stale (started two hours ago), the rest fresh (started
now), the two kinds created in alternating batches so that every page of a list mixes
them. Each of those fakes is limited to the same number of requests per one-second window,
then ``AsyncSessionEnder.sweep(older_than=30 min)`` runs once with the default pacing.

Afterwards every fake's state is read session by session through the control API: every
stale session must be ended and every fresh one still active. The fakes count the requests
they received (list pages, ends, and the throttled ones among them).

*Ideal* is the time the vendors' limits allow: the busiest vendor's requests (those it
answered, not the throttled ones) over its limit, plus one window. The vendors run in
parallel lanes, so the busiest one sets the pace.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import time
from collections.abc import Mapping

import attrs
from sessionend import AsyncSessionEnder, EndResult, Outcome, Provider

from .server import PROVIDERS, FakeServer, adapter

__all__ = ["LISTING", "OLDER_THAN", "SweepRun", "run_sweep"]

# As the benchmarks configure each vendor (server.OPTIONS): OpenHands runs through V0 there,
# which does not list.
LISTING = tuple(provider for provider in PROVIDERS if adapter(provider).lists())
"""The vendors a sweep lists, in the registry's order."""

WINDOW = 1.0
"""Seconds in every fake's rate-limit window in this run."""

OLDER_THAN = datetime.timedelta(minutes=30)
"""The sweep's age limit."""

STALE_AGE = datetime.timedelta(hours=2)
"""How long ago the stale sessions started."""

STALE_SHARE = 0.8
"""The share of the sessions that are stale."""

BATCHES = 5
"""Alternating stale and fresh batches per vendor, so that each list mixes the two."""

DEADLINE = 900.0
"""Seconds the sweep may take before it is abandoned."""


@attrs.frozen
class SweepRun:
    """One sweep of ``sessions`` live sessions against fakes limited to ``rate`` per second."""

    sessions: int
    stale: int
    rate: int
    vendors: int
    ended: int
    """Sessions the sweep reported ENDED."""
    other_results: int
    """Items that were not an ENDED result (already ended, failures)."""
    stale_left: int
    """Stale sessions still active at their fake afterwards."""
    fresh_ended: int
    """Fresh sessions no longer active at their fake afterwards."""
    wall: float
    ideal: float
    sent: int
    """Requests the listing fakes received: list pages and ends, throttled ones included."""
    throttled: int
    busiest: str
    """The vendor that received the most answered requests: it sets the ideal."""

    @property
    def correct(self) -> bool:
        """Every stale session ended, and no fresh one."""
        return self.stale_left == 0 and self.fresh_ended == 0 and self.ended == self.stale

    @property
    def slowdown(self) -> float:
        """Wall time over the ideal."""
        return self.wall / self.ideal


def _create(
    server: FakeServer, sessions: int
) -> tuple[dict[Provider, list[str]], dict[Provider, list[str]]]:
    now = datetime.datetime.now(datetime.UTC)
    stale: dict[Provider, list[str]] = {provider: [] for provider in LISTING}
    fresh: dict[Provider, list[str]] = {provider: [] for provider in LISTING}
    for index, provider in enumerate(LISTING):
        count = sessions // len(LISTING) + (index < sessions % len(LISTING))
        stale_count = round(count * STALE_SHARE)
        for batch in range(BATCHES):
            old = _share(stale_count, batch)
            new = _share(count - stale_count, batch)
            if old:
                stale[provider] += server.create_sessions(provider, old, now - STALE_AGE)
            if new:
                fresh[provider] += server.create_sessions(provider, new, now)
    return stale, fresh


def _share(total: int, batch: int) -> int:
    # Batch ``batch``'s part of ``total`` split as evenly as whole numbers allow.
    return total * (batch + 1) // BATCHES - total * batch // BATCHES


async def _sweep(server: FakeServer, concurrency: int) -> tuple[int, int, float]:
    async with AsyncSessionEnder(settings=server.settings()) as ender:
        started = time.perf_counter()
        ended = other = 0
        async for item in ender.sweep(LISTING, older_than=OLDER_THAN, concurrency=concurrency):
            if isinstance(item, EndResult) and item.outcome is Outcome.ENDED:
                ended += 1
            else:
                other += 1
        return ended, other, time.perf_counter() - started


def _left(server: FakeServer, ids: Mapping[Provider, list[str]], *, active: bool) -> int:
    # Sessions whose state at their fake is (``active``) or is not (not ``active``) active.
    return sum(
        (server.state(provider, session_id) == "active") is active
        for provider, session_ids in ids.items()
        for session_id in session_ids
    )


def run_sweep(server: FakeServer, sessions: int, rate: int, concurrency: int) -> SweepRun:
    """Sweep ``sessions`` live sessions against fakes limited to ``rate`` requests a second."""
    stale, fresh = _create(server, sessions)
    for provider in LISTING:
        server.limit(provider, rate, WINDOW)  # a fresh window, as for a new account
    before = {provider: server.counts(provider) for provider in LISTING}
    try:
        ended, other, wall = asyncio.run(asyncio.wait_for(_sweep(server, concurrency), DEADLINE))
        after = {provider: server.counts(provider) for provider in LISTING}
    finally:
        for provider in LISTING:
            with contextlib.suppress(Exception):  # the run's own error matters more
                server.limit(provider, None)
    received = {provider: after[provider][0] - before[provider][0] for provider in LISTING}
    throttled = {provider: after[provider][1] - before[provider][1] for provider in LISTING}
    answered = {provider: received[provider] - throttled[provider] for provider in LISTING}
    busiest = max(LISTING, key=lambda provider: answered[provider])
    return SweepRun(
        sessions=sessions,
        stale=sum(map(len, stale.values())),
        rate=rate,
        vendors=len(LISTING),
        ended=ended,
        other_results=other,
        stale_left=_left(server, stale, active=True),
        fresh_ended=_left(server, fresh, active=False),
        wall=wall,
        ideal=answered[busiest] / rate * WINDOW + WINDOW,
        sent=sum(received.values()),
        throttled=sum(throttled.values()),
        busiest=busiest.value,
    )
