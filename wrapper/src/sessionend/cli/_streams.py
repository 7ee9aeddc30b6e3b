"""Writing to stdout, so that its errors are named as stdout's and never blamed on the input."""

from __future__ import annotations

import errno
import os
import sys

__all__ = ["CLOSED_PIPE", "StdoutError", "flush_out", "silence_stdout", "write_out"]

CLOSED_PIPE = 128 + 13
"""Exit status when stdout's reader went away (``| head``): what a shell shows for SIGPIPE."""


class StdoutError(Exception):
    """Writing to stdout failed: a closed pipe, a full disk."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error

    @property
    def closed_pipe(self) -> bool:
        """Whether the reader went away, which is not an error to report."""
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE


def write_out(text: str) -> None:
    """Write ``text`` to stdout.

    Raises:
        StdoutError: When stdout cannot be written to.
    """
    try:
        sys.stdout.write(text)
    except OSError as error:
        raise StdoutError(error) from None


def flush_out() -> None:
    """Flush stdout.

    Raises:
        StdoutError: When what is buffered cannot be written.
    """
    try:
        sys.stdout.flush()
    except OSError as error:
        raise StdoutError(error) from None


def silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail too.

    What is still buffered is lost either way; without this, exiting prints a second error.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real file behind stdout (a test's capture)
        pass
