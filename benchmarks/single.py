"""Single end: ``SessionEnder.end`` against a raw ``httpx.Client.post`` of the same request.

Both run on a warm connection to the same fake vendor; the calls are interleaved, so a
slower stretch of the machine slows both alike, and the medians are compared. The raw post
sends the bytes the adapter describes, built before its clock starts; each answer is checked
by the adapter after the clock stops.
"""

from __future__ import annotations

import statistics
import time

import attrs
import httpx
from sessionend import Outcome, Provider, SessionEnder
from sessionend.providers import Answer

from .server import FakeServer, adapter, raw_request

__all__ = ["SingleRun", "run_single"]

PROVIDER = Provider.AKOOL
"""A JSON body, a key header and a JSON answer: the commonest shape among the vendors.

Any vendor in the registry would do; this one keeps the published numbers comparable."""


@attrs.frozen
class SingleRun:
    """Per-call times of both, in seconds."""

    calls: int
    sessionend_median: float
    httpx_median: float

    @property
    def ratio(self) -> float:
        """The median time of a sessionend end over that of a raw httpx post."""
        return self.sessionend_median / self.httpx_median


def run_single(server: FakeServer, calls: int, warmup: int = 50) -> SingleRun:
    """Time ``calls`` ends each way, after ``warmup`` untimed ones each."""
    session_ids = server.create_sessions(PROVIDER, 2 * (calls + warmup))
    base_url = server.base_url(PROVIDER)
    ours: list[float] = []
    theirs: list[float] = []
    with (
        SessionEnder(settings=server.settings(), timeout=30) as ender,
        httpx.Client(timeout=30) as client,
    ):
        for index in range(calls + warmup):
            request = raw_request(base_url, PROVIDER, session_ids[2 * index])
            started = time.perf_counter()
            answer = client.request(
                request.method, request.url, content=request.content, headers=request.headers
            )
            elapsed = time.perf_counter() - started
            verdict = adapter(PROVIDER).judge(
                Answer(answer.status_code, answer.headers, answer.content)
            )
            if verdict.outcome is not Outcome.ENDED:
                raise RuntimeError(f"raw httpx end failed: {answer.text}")
            session_id = session_ids[2 * index + 1]
            started = time.perf_counter()
            result = ender.end(PROVIDER, session_id)
            elapsed_ours = time.perf_counter() - started
            if result.outcome is not Outcome.ENDED:
                raise RuntimeError(f"sessionend end failed: {result}")
            if index >= warmup:
                theirs.append(elapsed)
                ours.append(elapsed_ours)
    return SingleRun(calls, statistics.median(ours), statistics.median(theirs))
