"""Per-provider lanes for end_many: a throttled vendor never holds the slots of another.

``concurrency`` is per provider: each provider's ends run in a lane of their own, at most
``concurrency`` at once. Targets are read lazily; a target whose lane is full waits in that
lane's queue, and reading stops while any queue is full, so memory stays bounded (at most
``queue_limit`` waiting per lane) whatever the number of targets. The queues are long
enough that a run of targets for a slow vendor rarely keeps the others' targets unread.
Sans-I/O: the sync and async ``end_many`` start what this says to start.
"""

from __future__ import annotations

import collections
from collections.abc import Hashable

from ._models import Provider

__all__ = ["QUEUE_LIMIT", "Lanes", "lane_of"]

QUEUE_LIMIT = 256
"""Targets that may wait per lane (at least four times the concurrency)."""

_OTHER = "?"
"""The lane of targets that name no provider: they fail at once, but still take a slot."""


def lane_of(target: object) -> Hashable:
    """The lane a target runs in: its provider, or the lane of malformed targets."""
    if isinstance(target, tuple | list) and len(target) == 2:
        try:
            return Provider.parse(target[0])
        except (ValueError, TypeError):
            return _OTHER
    return _OTHER


class Lanes:
    """Which targets may start: at most ``concurrency`` running per lane."""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = concurrency
        self.queue_limit = max(QUEUE_LIMIT, 4 * concurrency)
        self.running: collections.Counter[Hashable] = collections.Counter()
        self.waiting: dict[Hashable, collections.deque[object]] = collections.defaultdict(
            collections.deque
        )
        self._queued = 0

    @property
    def full(self) -> bool:
        """Whether reading must pause: some lane's queue is as long as it may be."""
        return any(len(queue) >= self.queue_limit for queue in self.waiting.values())

    @property
    def idle(self) -> bool:
        """Nothing runs and nothing waits."""
        return not self._queued and not sum(self.running.values())

    def offer(self, target: object) -> bool:
        """Take a target just read; True when it may start now (its slot is then taken)."""
        lane = lane_of(target)
        if self.running[lane] < self.concurrency:
            self.running[lane] += 1
            return True
        self.waiting[lane].append(target)
        self._queued += 1
        return False

    def finished(self, lane: Hashable) -> list[object]:
        """Free a slot of ``lane``; return the target that starts in it now, if one waits.

        A list of one or none, since a target may itself be None (and is reported as bad).
        """
        queue = self.waiting.get(lane)
        if queue:
            self._queued -= 1
            return [queue.popleft()]  # the slot passes straight to it
        self.running[lane] -= 1
        return []
