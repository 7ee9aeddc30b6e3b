"""end-many: stream targets through AsyncSessionEnder.end_many and report every one of them."""

from __future__ import annotations

import asyncio
import collections
import itertools
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import attrs

from .._async import AsyncSessionEnder
from .._models import EndResult, Provider
from ..errors import SessionEndError
from ._output import INVALID_INPUT, problem_record, record, succeeded
from ._targets import Problem, Target

__all__ = ["BATCH", "Tally", "end_all"]

BATCH = 256
"""Input lines read per trip to the worker thread."""


@attrs.define
class Tally:
    """What a bulk run came to, for the summary and the exit status."""

    outcomes: collections.Counter[str] = attrs.field(factory=collections.Counter)
    errors: collections.Counter[str] = attrs.field(factory=collections.Counter)

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
        return f"{self.total} targets in {elapsed:.2f} s{rate}: {', '.join(parts)}"


def _key(provider: object, session_id: object) -> tuple[str, str]:
    # Results name the provider normalised; input may not ("Akool "), so both are normalised.
    try:
        name = Provider.parse(provider).value if isinstance(provider, str | Provider) else ""
    except ValueError:
        name = str(provider)
    return name, str(session_id)


async def end_all(
    ender: AsyncSessionEnder,
    items: Iterator[Target | Problem],
    *,
    concurrency: int,
    missing_ok: bool,
    emit: Callable[[dict[str, Any]], None],
) -> Tally:
    """End every target in ``items``, emitting one record per input target or problem."""
    tally = Tally()
    # Input line numbers of the targets in flight, so each result names its line.
    lines: dict[tuple[str, str], collections.deque[int]] = {}

    async def targets() -> AsyncIterator[tuple[str, str]]:
        async for item in _in_batches(items):
            if isinstance(item, Problem):
                tally.errors[INVALID_INPUT] += 1
                emit(problem_record(item.line, item.message))
                continue
            key = _key(item.provider, item.session_id)
            lines.setdefault(key, collections.deque()).append(item.line)
            yield item.provider, item.session_id

    results = ender.end_many(targets(), concurrency=concurrency, missing_ok=missing_ok)
    async for result in results:
        emit({"line": _line_of(lines, result)} | record(result))
        if succeeded(result):
            assert isinstance(result, EndResult)
            tally.outcomes[result.outcome.value] += 1
        else:
            tally.errors[type(result).__name__] += 1
    return tally


async def _in_batches(items: Iterator[Target | Problem]) -> AsyncIterator[Target | Problem]:
    # Input is read in a worker thread, a batch at a time, so a slow pipe never stalls the
    # event loop and the ends in flight on it.
    while batch := await asyncio.to_thread(_take, items, BATCH):
        for item in batch:
            yield item


def _take(items: Iterator[Target | Problem], count: int) -> list[Target | Problem]:
    return list(itertools.islice(items, count))


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
