"""Ending at the vendors' pace: many ends against fakes that throttle, paced three ways.

Each scenario limits some fake vendors to a number of requests per one-second window (fixed
windows; Digital Samba's own window is a minute, its fake is given one second here like the
others) and ends its targets with ``AsyncSessionEnder.end_many`` three times, against the
same limits: with ``pacing="off"`` (a throttle is a retry like any other, as before pacing
existed), ``pacing="fixed"`` (a fixed rate: the vendor's documented one, or the fake's limit
where the vendor documents none, given with ``ProviderSettings.of(..., rate=...)``), and the
default adaptive pacing. The fakes count what they received and what they throttled.

The scenarios: each vendor alone with its own throttle signal; all of them at once with
different limits (each given ends in proportion to its limit, so every lane ideally takes
as long as the others); and three client processes sharing one limited vendor, each ending
its own third, with no coordination between them.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import multiprocessing.connection
import multiprocessing.synchronize
import time
from collections.abc import Iterable, Mapping, Sequence

import attrs
from sessionend import (
    AsyncSessionEnder,
    EndReason,
    EndResult,
    Outcome,
    Provider,
    ProviderSettings,
    errors,
)
from sessionend.providers import ADAPTERS, Answer
from sessionend.testing.vendors import FAKES

from .server import CREDENTIALS, OPTIONS, PROVIDERS, FakeServer, adapter

__all__ = [
    "MODES",
    "Lane",
    "PaceRun",
    "Scenario",
    "Tally",
    "run_scenario",
    "scenarios",
    "throttle_signal",
]

MODES = ("off", "fixed", "adaptive")
"""``pacing=`` as each run sets it: before pacing, a fixed rate, and the default."""

WINDOW = 1.0
"""Seconds in every fake's rate-limit window in these runs."""

PROCESSES = 3
"""Client processes sharing one vendor in the shared scenario."""

DEADLINE = 900.0
"""Seconds one run may take before it is abandoned."""

Target = tuple[Provider, str]


@attrs.frozen
class Lane:
    """One limited vendor in a scenario."""

    provider: Provider
    limit: int
    """Requests the fake accepts per window."""
    ends: int
    """Targets of this vendor the scenario ends."""

    def fixed_rate(self) -> float:
        """The rate ``pacing="fixed"`` keeps: the documented one, else the fake's limit."""
        documented = ADAPTERS[self.provider].rate_limit.documented_rate
        return documented if documented is not None else self.limit / WINDOW


@attrs.frozen
class Scenario:
    """Fakes limited one way, and the ends sent to them."""

    name: str
    label: str
    lanes: tuple[Lane, ...]
    processes: int = 1

    @property
    def ends(self) -> int:
        """Targets in all."""
        return sum(lane.ends for lane in self.lanes)

    @property
    def ideal(self) -> float:
        """Seconds the slowest lane takes at exactly its limit, plus one window."""
        return max(lane.ends / lane.limit for lane in self.lanes) * WINDOW + WINDOW


@attrs.frozen
class Tally:
    """What one client made of its targets."""

    ended: int = 0
    rate_limited: int = 0
    """Ends that failed with RateLimited: lost to throttling."""
    other_failures: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.ended + other.ended,
            self.rate_limited + other.rate_limited,
            self.other_failures + other.other_failures,
        )


@attrs.frozen
class PaceRun:
    """One scenario ended with one kind of pacing."""

    scenario: str
    label: str
    mode: str
    ends: int
    ended: int
    rate_limited: int
    other_failures: int
    wall: float
    ideal: float
    sent: int
    """Requests the fakes received."""
    throttled: int
    """Of those, the ones answered with the vendor's throttle."""

    @property
    def lost(self) -> int:
        """Targets not ended."""
        return self.ends - self.ended

    @property
    def slowdown(self) -> float:
        """Wall time over the ideal."""
        return self.wall / self.ideal

    @property
    def throttled_share(self) -> float:
        """Throttled answers as a share of the requests sent."""
        return self.throttled / max(self.sent, 1)


def throttle_signal(provider: Provider) -> str:
    """How the vendor's fake says "too fast": its status and wait header, or its code."""
    reply = FAKES[provider]({}).rate_limited(WINDOW)
    waits = ADAPTERS[provider].rate_limit.wait_headers
    named = [name for name in reply.headers if name.lower() in waits]
    if named:
        return f"{reply.status} + {', '.join(named)}"
    headers = {name.lower(): value for name, value in reply.headers.items()}
    verdict = ADAPTERS[provider]().interpret(Answer(reply.status, headers, reply.body))
    return f"code {verdict.vendor_code}, no wait"


def scenarios(targets: int, rate: int) -> tuple[Scenario, ...]:
    """Each vendor alone at ``rate`` per second, all of them mixed, and one shared."""
    alone = tuple(
        Scenario(
            provider.value,
            f"{ADAPTERS[provider].title} ({throttle_signal(provider)})",
            (Lane(provider, rate, targets),),
        )
        for provider in PROVIDERS
    )
    # Mixed: limits in the proportions 1 : 2 : ... : n of ``rate`` in all, and ends in the
    # same proportions, so that no lane finishes long before another.
    weights = range(1, len(PROVIDERS) + 1)
    total = sum(weights)
    limits = [max(1, round(rate * weight / total)) for weight in weights]
    ends = [round(targets * weight / total) for weight in weights]
    ends[-1] += targets - sum(ends)
    mixed = Scenario(
        "mixed",
        "all " + str(len(PROVIDERS)) + " at once, " + " / ".join(map(str, limits)) + " per s",
        tuple(
            Lane(provider, limit, count)
            for provider, limit, count in zip(PROVIDERS, limits, ends, strict=True)
        ),
    )
    shared_provider = PROVIDERS[0]
    shared = Scenario(
        "shared",
        f"{PROCESSES} processes sharing {ADAPTERS[shared_provider].title}",
        (Lane(shared_provider, rate, targets),),
        processes=PROCESSES,
    )
    return (*alone, mixed, shared)


def _settings(
    port: int, mode: str, rates: Mapping[Provider, float]
) -> dict[Provider, ProviderSettings]:
    return {
        provider: ProviderSettings.of(
            {**CREDENTIALS[provider], **OPTIONS.get(provider, {})},
            base_url=f"http://127.0.0.1:{port}/{provider.value}",
            rate=rates.get(provider) if mode == "fixed" else None,
        )
        for provider in PROVIDERS
    }


def _interleaved(per_lane: Mapping[Provider, Sequence[str]]) -> list[Target]:
    # Each lane's targets spread evenly over the whole list, as a sweep would meet them.
    keyed = [
        ((index + 0.5) / len(ids), provider.value, (provider, session_id))
        for provider, ids in per_lane.items()
        for index, session_id in enumerate(ids)
    ]
    return [target for _, _, target in sorted(keyed)]


def _warm(providers: Iterable[Provider]) -> None:
    # Describe one request per vendor before the clock starts: the first end imports its
    # vendor's generated client (about a fifth of a second), and on a busy machine that would
    # start one client process well after the others, a head start no account would see.
    for provider in providers:
        described = adapter(provider)
        described.request(described.example_session_id, EndReason.USER_CLOSED)


async def _end_all(ender: AsyncSessionEnder, targets: Sequence[Target], concurrency: int) -> Tally:
    ended = rate_limited = other = 0
    async for item in ender.end_many(targets, concurrency=concurrency):
        if isinstance(item, EndResult) and item.outcome is Outcome.ENDED:
            ended += 1
        elif isinstance(item, errors.RateLimited):
            rate_limited += 1
        else:
            other += 1
    return Tally(ended, rate_limited, other)


def _client(
    port: int,
    mode: str,
    rates: Mapping[Provider, float],
    targets: Sequence[Target],
    concurrency: int,
    ready: multiprocessing.connection.Connection,
    go: multiprocessing.synchronize.Event,
) -> None:
    # Runs in a child process: one client of several, with its own ender and pace.
    async def main() -> None:
        _warm({provider for provider, _ in targets})
        async with AsyncSessionEnder(settings=_settings(port, mode, rates), pacing=mode) as ender:
            ready.send(None)
            await asyncio.to_thread(go.wait, 60)
            tally = await _end_all(ender, targets, concurrency)
        ready.send(tally)

    asyncio.run(asyncio.wait_for(main(), DEADLINE))


def _in_processes(
    port: int,
    mode: str,
    rates: Mapping[Provider, float],
    shares: Sequence[Sequence[Target]],
    concurrency: int,
) -> tuple[Tally, float]:
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    clients: list[tuple[multiprocessing.process.BaseProcess, multiprocessing.connection.Connection]]
    clients = []
    try:
        for share in shares:
            receive, send = context.Pipe(duplex=False)
            child = context.Process(
                target=_client,
                args=(port, mode, dict(rates), list(share), concurrency, send, go),
                daemon=True,
            )
            child.start()
            clients.append((child, receive))
        for process, receive in clients:
            if not receive.poll(60):
                raise RuntimeError(f"a client process did not start (exit code {process.exitcode})")
            receive.recv()
        started = time.perf_counter()
        go.set()
        tally = Tally()
        for process, receive in clients:
            if not receive.poll(max(0.0, started + DEADLINE - time.perf_counter())):
                raise RuntimeError(
                    f"a client process did not finish (exit code {process.exitcode})"
                )
            tally += receive.recv()
        return tally, time.perf_counter() - started
    finally:
        for process, _ in clients:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join(10)


def _in_this_process(
    port: int,
    mode: str,
    rates: Mapping[Provider, float],
    targets: Sequence[Target],
    concurrency: int,
) -> tuple[Tally, float]:
    async def main() -> tuple[Tally, float]:
        _warm({provider for provider, _ in targets})
        async with AsyncSessionEnder(settings=_settings(port, mode, rates), pacing=mode) as ender:
            started = time.perf_counter()
            tally = await _end_all(ender, targets, concurrency)
            return tally, time.perf_counter() - started

    return asyncio.run(asyncio.wait_for(main(), DEADLINE))


def run_scenario(server: FakeServer, scenario: Scenario, mode: str, concurrency: int) -> PaceRun:
    """End ``scenario``'s targets once with ``pacing=mode``, its fakes limited as it says."""
    per_lane = {
        lane.provider: server.create_sessions(lane.provider, lane.ends) for lane in scenario.lanes
    }
    rates = {lane.provider: lane.fixed_rate() for lane in scenario.lanes}
    for lane in scenario.lanes:
        server.limit(lane.provider, lane.limit, WINDOW)  # a fresh window, as for a new account
    before = {lane.provider: server.counts(lane.provider) for lane in scenario.lanes}
    try:
        targets = _interleaved(per_lane)
        if scenario.processes > 1:
            shares = [targets[index :: scenario.processes] for index in range(scenario.processes)]
            tally, wall = _in_processes(server.port, mode, rates, shares, concurrency)
        else:
            tally, wall = _in_this_process(server.port, mode, rates, targets, concurrency)
        after = {lane.provider: server.counts(lane.provider) for lane in scenario.lanes}
    finally:
        for lane in scenario.lanes:
            with contextlib.suppress(Exception):  # the run's own error matters more
                server.limit(lane.provider, None)
    sent = sum(after[provider][0] - before[provider][0] for provider in before)
    throttled = sum(after[provider][1] - before[provider][1] for provider in before)
    return PaceRun(
        scenario.name,
        scenario.label,
        mode,
        scenario.ends,
        tally.ended,
        tally.rate_limited,
        tally.other_failures,
        wall,
        scenario.ideal,
        sent,
        throttled,
    )
