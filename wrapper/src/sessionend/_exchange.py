"""The steps of one end, and of one page of a list, written once for both enders.

Each exchange is a generator that yields what to do next (``Send`` a request, ``Sleep``) and
is sent back what came of a send (the ``Answer``, or the ``httpx.HTTPError`` it raised); it
returns the result. The sync and async enders only drive it: they send and sleep, the one
with threads, the other with asyncio. Every decision (pace, retries, fallbacks, follow-up
steps, deadlines) is made here or in ``Attempts``, so the two paths cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Generator
from typing import TypeAlias, TypeVar

import httpx

from ._attempts import Attempts, failure_verdict
from ._core import Plan
from ._models import EndResult
from ._pace import Slot
from ._sweep import vendor_now
from .providers import Adapter, Answer, Page, Request

__all__ = ["Exchange", "Send", "Sleep", "end_steps", "page_steps"]


# Not frozen: one is built for every attempt.
@dataclasses.dataclass(slots=True)
class Send:
    """Send ``request`` within ``timeout`` seconds; send back its Answer or HTTPError."""

    request: Request
    timeout: float


@dataclasses.dataclass(slots=True)
class Sleep:
    """Wait ``seconds`` before going on."""

    seconds: float


T = TypeVar("T")

Exchange: TypeAlias = Generator[Send | Sleep, Answer | httpx.HTTPError | None, T]
"""An exchange's steps, returning a T: yields what to do, is sent what a send came to."""


def _slot(attempts: Attempts) -> Exchange[Slot | None]:
    """Wait for the end's turn in its provider's pace (None without pacing)."""
    slot = attempts.slot()
    if slot is not None:
        while (sleep := attempts.wait_for(slot)) > 0:
            yield Sleep(sleep)
    return slot


def end_steps(plan: Plan) -> Exchange[EndResult]:
    """The steps of one end, to its EndResult.

    Raises:
        errors.SessionEndError: When the end fails for good.
    """
    adapter, attempts = plan.adapter, plan.attempts
    after: Request | None = None
    follow: Request | None = None
    while True:
        slot = yield from _slot(attempts)
        timeout = attempts.attempt_timeout(plan.timeout)
        attempts.begin()
        if follow is None:
            request = adapter.request(plan.session_id, plan.reason, after=after)
        else:
            request, follow = follow, None
        reply = yield Send(request, timeout)
        if isinstance(reply, Answer):
            headers = reply.headers
            verdict = adapter.judge(reply)
        else:
            assert isinstance(reply, httpx.HTTPError)
            headers, verdict = None, failure_verdict(reply)
        step = attempts.settle(verdict, headers, slot)
        if isinstance(step, EndResult):
            return step
        if verdict.again:
            after = request  # the fallback is described relative to what this end sent
        follow = verdict.follow
        if step > 0:
            yield Sleep(step)


def page_steps(
    adapter: Adapter, attempts: Attempts, request: Request, timeout: float
) -> Generator[Send | Sleep, Answer | httpx.HTTPError | None, tuple[Page, datetime.datetime]]:
    """The steps of one page of a vendor's live sessions, to the page and the vendor's time.

    Raises:
        errors.SessionEndError: When the page cannot be had.
    """
    while True:
        slot = yield from _slot(attempts)
        limit = attempts.attempt_timeout(timeout)
        attempts.begin()
        reply = yield Send(request, limit)
        if isinstance(reply, Answer):
            headers = reply.headers
            read = adapter.read_page(reply)  # it refuses an unreadable answer itself
            if isinstance(read, Page):
                attempts.succeeded(slot)
                local = datetime.datetime.now(datetime.UTC)
                return read, vendor_now(reply.headers, local)
            verdict = read
        else:
            assert isinstance(reply, httpx.HTTPError)
            headers, verdict = None, failure_verdict(reply)
        step = attempts.settle(verdict, headers, slot)
        assert not isinstance(step, EndResult)  # a page's verdict has no outcome
        if step > 0:
            yield Sleep(step)
