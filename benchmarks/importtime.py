"""Import time: ``import sessionend`` against ``import httpx``, each in fresh interpreters.

``python -X importtime`` reports each module's cumulative import time; the medians of
several fresh processes, run alternately, are compared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

import attrs

__all__ = ["ImportRun", "import_microseconds", "run_import"]

TIMEOUT = 60.0
"""Seconds one interpreter may take to start and import."""


@attrs.frozen
class ImportRun:
    """Median cumulative import times, in seconds."""

    runs: int
    sessionend: float
    httpx: float

    @property
    def ratio(self) -> float:
        """Sessionend's import time over httpx's."""
        return self.sessionend / self.httpx


def import_microseconds(module: str) -> int:
    """The cumulative import time of ``module`` in a fresh interpreter, in microseconds."""
    # Bytecode caches are allowed even where the environment turns them off: an installed
    # package has them, and without them every run would time the compiler, not the import.
    environment = {
        name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
    }
    finished = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
        env=environment,
    )
    # Lines read "import time: <self> | <cumulative> | <indented name>"; the module's own
    # line is the one whose name is not indented.
    for line in finished.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].rstrip() == f" {module}":
            return int(parts[1])
    raise RuntimeError(f"no import time reported for {module}:\n{finished.stderr[-2000:]}")


def run_import(runs: int) -> ImportRun:
    """Median import times of sessionend and httpx over ``runs`` fresh interpreters each."""
    import_microseconds("sessionend")  # the first run may write bytecode caches
    sessionend: list[int] = []
    httpx: list[int] = []
    for _ in range(runs):
        sessionend.append(import_microseconds("sessionend"))
        httpx.append(import_microseconds("httpx"))
    return ImportRun(runs, statistics.median(sessionend) / 1e6, statistics.median(httpx) / 1e6)
