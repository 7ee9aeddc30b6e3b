"""end-many: stream targets through AsyncSessionEnder.end_many and report every one of them."""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

import attrs

from .._async import AsyncSessionEnder
from .._models import EndResult, Provider
from ..errors import SessionEndError
from ._output import INVALID_INPUT, problem_record, record, succeeded
from ._reader import Reader
from ._targets import Problem

__all__ = ["Tally", "end_all"]


@attrs.define
class Tally:
    """What a bulk run came to, for the summary and the exit status."""

    outcomes: collections.Counter[str] = attrs.field(factory=collections.Counter)
    errors: collections.Counter[str] = attrs.field(factory=collections.Counter)
    unsent: int = 0
    """Targets read from the input but never sent, because the run was stopped."""
    throttled: collections.Counter[str] = attrs.field(factory=collections.Counter)
    """Answers that were throttles, by provider: waited out at the provider's pace."""

    @property
    def total(self) -> int:
        """Targets reported so far."""
        return sum(self.outcomes.values()) + sum(self.errors.values())

    @property
    def failed(self) -> int:
        """Targets whose session may still be running."""
        return sum(self.errors.values())

    def summary(self, elapsed: float) -> str:
        """One line for stderr."""
        parts = [
            f"{count} {name.replace('_', ' ')}" for name, count in sorted(self.outcomes.items())
        ]
        failures = ", ".join(f"{name} {count}" for name, count in self.errors.most_common())
        parts.append(f"{self.failed} failed" + (f" ({failures})" if failures else ""))
        rate = f", {self.total / elapsed:.0f}/s" if elapsed > 0 else ""
        throttles = sum(self.throttled.values())
        if throttles:
            each = ", ".join(f"{name} {count}" for name, count in self.throttled.most_common())
            parts.append(f"{throttles} throttled answers waited out ({each})")
        return f"{self.total} targets in {elapsed:.2f} s{rate}: {', '.join(parts)}"


def paces(ender: AsyncSessionEnder, providers: Iterable[Provider]) -> str:
    """Each provider's pace and throttles so far, for the progress display."""
    shown = []
    for provider in providers:
        state = ender.pace(provider)
        rate = "unpaced" if state.rate is None else f"{state.rate:.1f}/s"
        paused = f", paused {state.paused_for:.0f} s" if state.paused_for >= 0.5 else ""
        shown.append(f"{provider.value} {rate} ({state.throttles} throttled{paused})")
    return "; ".join(shown)


def _key(provider: object, session_id: object) -> tuple[str, str]:
    # Results name the provider normalised; input may not ("Akool "), so both are normalised.
    try:
        name = Provider.parse(provider).value if isinstance(provider, str | Provider) else ""
    except ValueError:
        name = str(provider)
    return name, str(session_id)


async def end_all(
    ender: AsyncSessionEnder,
    reader: Reader,
    *,
    concurrency: int,
    missing_ok: bool,
    emit: Callable[[dict[str, Any]], None],
    stop: asyncio.Event,
    show: Callable[[str], None] = lambda text: None,
) -> Tally:
    """End every target ``reader`` reads, emitting one record per input target or problem.

    Once ``stop`` is set (a signal, stdout gone), no more input is read and no further end is
    started; the ends already sent are finished and reported, and ``Tally.unsent`` counts the
    targets read but not sent. ``show`` is given each provider's pace now and then.
    """
    tally = Tally()
    # Input line numbers of the targets in flight, so each result names its line.
    lines: dict[tuple[str, str], collections.deque[int]] = {}

    async def targets() -> AsyncIterator[tuple[str, str]]:
        while not stop.is_set():
            batch = await reader.batch(stop)
            if not batch:
                return
            for index, item in enumerate(batch):
                if stop.is_set():
                    tally.unsent += len(batch) - index
                    return
                if isinstance(item, Problem):
                    tally.errors[INVALID_INPUT] += 1
                    emit(problem_record(item.line, item.message))
                    continue
                key = _key(item.provider, item.session_id)
                lines.setdefault(key, collections.deque()).append(item.line)
                yield item.provider, item.session_id

    results = ender.end_many(targets(), concurrency=concurrency, missing_ok=missing_ok, stop=stop)
    seen: set[Provider] = set()
    shown_at = 0.0
    async for result in results:
        emit({"line": _line_of(lines, result)} | record(result))
        if succeeded(result):
            assert isinstance(result, EndResult)
            tally.outcomes[result.outcome.value] += 1
            if result.throttled:
                tally.throttled[result.provider.value] += result.throttled
            seen.add(result.provider)
        else:
            tally.errors[type(result).__name__] += 1
        now = time.monotonic()
        if seen and now - shown_at >= 0.5:
            shown_at = now
            show(paces(ender, sorted(seen)))
    if stop.is_set():  # targets handed over but never started, because the run was stopped
        tally.unsent += sum(len(waiting) for waiting in lines.values())
    return tally


def _line_of(
    lines: dict[tuple[str, str], collections.deque[int]], result: EndResult | SessionEndError
) -> int | None:
    key = _key(result.provider, result.session_id)
    waiting = lines.get(key)
    if not waiting:
        return None
    line = waiting.popleft()
    if not waiting:
        del lines[key]
    return line
