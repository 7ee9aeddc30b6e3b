"""Reading end-many's input off the event loop, in a way an interruption never waits for."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import threading
from collections.abc import Iterator

from ._targets import Problem, Target

__all__ = ["AHEAD", "InputError", "Reader"]

AHEAD = 1024
"""Items read ahead of the ends at most: memory stays bounded on a million-line file."""

Item = Target | Problem


class InputError(Exception):
    """Reading the input failed (an I/O error, not a malformed line)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class Reader:
    """Reads ``items`` ahead in a daemon thread; the event loop takes what has arrived.

    A daemon thread of its own, not ``asyncio.to_thread``: a read blocked on a pipe that
    never ends must not keep the run (or the interpreter) from exiting once interrupted, and
    each line is handed over as soon as it is read, not once a batch is full.

    Args:
        items: The targets and problems read from the input, lazily.
        finite: Whether the input is a regular file, whose reads always return: then what is
            left can be counted after an interruption.
    """

    def __init__(self, items: Iterator[Item], *, finite: bool) -> None:
        self._items = items
        self.finite = finite
        self._ready: collections.deque[Item] = collections.deque()
        self._room = threading.Condition()
        self._done = False
        self._error: BaseException | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._arrived: asyncio.Event | None = None

    async def batch(self, stop: asyncio.Event) -> list[Item] | None:
        """What has been read since the last call; [] at the end of input.

        Waits for at least one item; returns None when ``stop`` is set first.

        Raises:
            InputError: When the input cannot be read.
        """
        if self._thread is None:
            self._loop = asyncio.get_running_loop()
            self._arrived = asyncio.Event()
            self._thread = threading.Thread(target=self._run, name="sessionend-input", daemon=True)
            self._thread.start()
        assert self._arrived is not None
        while True:
            with self._room:
                if self._ready:
                    taken = list(self._ready)
                    self._ready.clear()
                    self._room.notify()
                    return taken
                if self._error is not None:
                    raise self._error
                if self._done:
                    return []
                self._arrived.clear()
            arrived = asyncio.ensure_future(self._arrived.wait())
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait((arrived, stopped), return_when=asyncio.FIRST_COMPLETED)
            arrived.cancel()
            stopped.cancel()
            if stop.is_set():
                return None

    def rest(self) -> int | None:
        """After the run: how many items were never taken, when the input is a regular file.

        None when that is unknown (a pipe is never read to its end to find out).
        """
        if not self.finite:
            return None
        with self._room:
            self._closed = True  # the thread stops reading; the rest is counted here
            self._room.notify()
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            return None
        try:
            return len(self._ready) + sum(1 for _ in self._items)
        except OSError:
            return None

    def close(self) -> None:
        """Let the reading thread end without reading on."""
        with self._room:
            self._closed = True
            self._room.notify()

    def _run(self) -> None:
        try:
            for item in self._items:
                with self._room:
                    while len(self._ready) >= AHEAD and not self._closed:
                        self._room.wait()
                    if self._closed:
                        self._ready.append(item)  # read, not taken: counted by rest()
                        return
                    # The loop only waits once it has found nothing: wake it for the first.
                    waiting = not self._ready
                    self._ready.append(item)
                if waiting:
                    self._wake()
        except OSError as error:
            self._error = InputError(error)
        except BaseException as error:  # handed to the event loop, raised there
            self._error = error
        with self._room:
            self._done = True
        self._wake()

    def _wake(self) -> None:
        loop, arrived = self._loop, self._arrived
        if loop is None or arrived is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(arrived.set)
