"""sessionend fake and sessionend demo, run as the console script a user runs."""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sysconfig
import threading
from pathlib import Path
from typing import IO

import httpx
import pytest
from sessionend import Outcome, SessionEnder
from sessionend.testing.vendors import FAKES

SCRIPT = str(Path(sysconfig.get_path("scripts")) / "sessionend")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def read_lines(stream: IO[str], count: int, *, timeout: float) -> list[str]:
    """``count`` lines from ``stream``, or a failure after ``timeout`` seconds, never a hang."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for _ in range(count):
            lines.put(stream.readline())

    threading.Thread(target=read, daemon=True).start()
    try:
        return [lines.get(timeout=timeout) for _ in range(count)]
    except queue.Empty:
        pytest.fail(f"sessionend fake printed fewer than {count} lines in {timeout} s")


def test_fake_prints_the_environment_that_reaches_it(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    with subprocess.Popen(
        [SCRIPT, "fake", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            exports = dict(
                line.removeprefix("export ").strip().split("=", 1)
                for line in read_lines(process.stdout, 11, timeout=60)
            )
            assert exports["AKOOL_BASE_URL"] == f"http://127.0.0.1:{port}/akool"
            for name, value in exports.items():
                monkeypatch.setenv(name, value)
            created = httpx.post(f"http://127.0.0.1:{port}/_fake/akool/sessions", json={})
            (session_id,) = created.json()["session_ids"]
            with SessionEnder() as ender:
                assert ender.end("akool", session_id).outcome is Outcome.ENDED
            state = httpx.get(f"http://127.0.0.1:{port}/_fake/akool/sessions/{session_id}")
            assert state.json() == {"state": "ended"}
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_fake_on_a_busy_port_is_a_one_line_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        finished = subprocess.run(
            [SCRIPT, "fake", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert finished.returncode == 2
    assert finished.stderr.startswith(f"sessionend: error: cannot listen on 127.0.0.1:{port}")
    assert finished.stderr.count("\n") == 1


def test_the_demo_runs_every_reconciliation_and_exits_0() -> None:
    finished = subprocess.run(
        [SCRIPT, "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    showcased = [showcase.scenario for fake in FAKES.values() for showcase in fake.showcases]
    shared = ["end one session", "end the same session again", "503, then success"]
    for scenario in [*shared, f"end_many, {40 * len(FAKES)} targets", *showcased]:
        assert scenario in finished.stdout
    rows = [line for line in finished.stdout.splitlines() if line.startswith("│ ")]
    for provider in FAKES:
        assert sum(f" {provider.value} " in row for row in rows) >= len(shared)
    assert "NO" not in finished.stdout.split()
    for scenario in ("sweep --dry-run --older-than 30m", "sweep --older-than 30m"):
        assert scenario in finished.stdout
    steps = len(shared) * len(FAKES) + 1 + 2 + len(showcased)  # end_many, two sweep steps
    assert f"demo: all {steps} steps behaved as expected" in finished.stderr


def test_the_demo_at_80_columns_never_splits_a_word() -> None:
    finished = subprocess.run(
        [SCRIPT, "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "80"},
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    lines = finished.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    shown = set(re.split(r"[\s│┃|]+", finished.stdout))
    texts = [
        "end one session",
        "end the same session again",
        "AuthenticationError",
        *(showcase.scenario for fake in FAKES.values() for showcase in fake.showcases),
        *(showcase.vendor_did for fake in FAKES.values() for showcase in fake.showcases),
    ]
    split = sorted({word for text in texts for word in text.split() if word not in shown})
    assert split == []
