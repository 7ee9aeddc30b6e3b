"""Memory: peak RSS growth of ``AsyncSessionEnder.end_many`` over targets from a generator.

The ends run in a fresh child process, so nothing else this run allocated is counted. Its
resident size is read once the ender is warm, and compared with the largest size sampled
while the ends run. The
session ids wait in a file, read a line at a time, so the targets never sit in memory.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import psutil
from sessionend import AsyncSessionEnder, EndResult, Outcome, Provider

from .server import FakeServer, settings_for

__all__ = ["MemoryRun", "run_memory"]

DEADLINE = 900.0
"""Seconds the child may take before it is stopped."""


@attrs.frozen
class MemoryRun:
    """What the child measured; sizes in bytes."""

    targets: int
    ended: int
    rss_before: int
    rss_peak: int
    seconds: float

    @property
    def growth(self) -> int:
        """How far the peak rose above the warm ender's resident size."""
        return max(self.rss_peak - self.rss_before, 0)


def _targets(path: Path) -> Iterator[tuple[Provider, str]]:
    with path.open() as lines:
        for line in lines:
            provider, session_id = line.rstrip("\n").split("\t")
            yield Provider(provider), session_id


class _PeakSampler:
    """Samples this process's resident size on a thread and keeps the largest.

    The kernel's own peak (ru_maxrss) covers the whole life of the process, start-up
    included, so it cannot say what the ends alone needed.
    """

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.peak = 0
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, self._process.memory_info().rss)
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> _PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)


def _child(
    port: int,
    path: str,
    warmup: list[tuple[Provider, str]],
    concurrency: int,
    report: multiprocessing.connection.Connection,
) -> None:
    async def main() -> MemoryRun:
        async with AsyncSessionEnder(settings=settings_for(port)) as ender:
            async for _ in ender.end_many(warmup, concurrency=concurrency):
                pass
            rss_before = psutil.Process().memory_info().rss
            started = time.perf_counter()
            targets = ended = 0
            with _PeakSampler() as sampler:
                async for item in ender.end_many(_targets(Path(path)), concurrency=concurrency):
                    targets += 1
                    ended += isinstance(item, EndResult) and item.outcome is Outcome.ENDED
            seconds = time.perf_counter() - started
        return MemoryRun(targets, ended, rss_before, sampler.peak, seconds)

    report.send(asyncio.run(main()))


def run_memory(server: FakeServer, targets: int, concurrency: int, warmup: int = 64) -> MemoryRun:
    """End ``targets`` fresh sessions in a child process and report its memory."""
    sessions = server.targets(targets + warmup)
    with tempfile.TemporaryDirectory(prefix="sessionend-bench-") as folder:
        path = Path(folder) / "targets.tsv"
        with path.open("w") as file:
            for provider, session_id in sessions[warmup:]:
                file.write(f"{provider.value}\t{session_id}\n")
        context = multiprocessing.get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(
            target=_child,
            args=(server.port, str(path), sessions[:warmup], concurrency, send),
            daemon=True,
        )
        del sessions  # the child reads the file; this process need not hold them meanwhile
        child.start()
        try:
            multiprocessing.connection.wait([receive, child.sentinel], timeout=DEADLINE)
            if not receive.poll():
                raise RuntimeError("the memory benchmark's child failed or ran out of time")
            run: MemoryRun = receive.recv()
        finally:
            child.terminate()
            child.join(10)
    return run
