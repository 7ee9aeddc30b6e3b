"""end-many's output streams: results on stdout whatever stderr is, and stdout's own errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sysconfig
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sessionend.testing import FakeVendors, Fault, SessionState

SCRIPT = str(Path(sysconfig.get_path("scripts")) / "sessionend")


def drain(fd: int, into: list[bytes]) -> threading.Thread:
    """Read a pseudo-terminal until it closes, so the child never blocks writing to it."""

    def read() -> None:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: every writer has closed the terminal
                return
            if not chunk:
                return
            into.append(chunk)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_results_go_to_stdout_while_stderr_is_a_terminal(tmp_path: Path) -> None:
    with FakeVendors() as fakes:
        targets = [("akool", s) for s in fakes.create_sessions("akool", 300)]
        source = tmp_path / "targets.csv"
        source.write_text("".join(f"{p},{s}\n" for p, s in targets))
        results = tmp_path / "results.jsonl"
        primary, secondary = os.openpty()
        shown: list[bytes] = []
        environment = {**os.environ, **fakes.environment(), "TERM": "xterm", "COLUMNS": "80"}
        try:
            with results.open("wb") as stdout:
                process = subprocess.Popen(
                    [SCRIPT, "end-many", str(source), "--concurrency", "4"],
                    stdout=stdout,
                    stderr=secondary,
                    env=environment,
                )
                os.close(secondary)
                reader = drain(primary, shown)
                assert process.wait(timeout=120) == 0
                reader.join(timeout=10)
        finally:
            os.close(primary)
        lines = [json.loads(line) for line in results.read_text().splitlines()]
        assert sorted(line["line"] for line in lines) == list(range(1, 301))
        assert {line["outcome"] for line in lines} == {"ended"}
        assert all(fakes.state(p, s) is SessionState.ENDED for p, s in targets)
        terminal = b"".join(shown).decode(errors="replace")
        assert '"outcome"' not in terminal
        assert "300 targets in " in terminal


def wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds, never hang."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout} s")
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("signum", "status", "from_stdin"),
    [(signal.SIGINT, 130, False), (signal.SIGTERM, 143, False), (signal.SIGINT, 130, True)],
)
def test_an_interrupted_run_reports_every_end_it_sent(
    tmp_path: Path, signum: signal.Signals, status: int, from_stdin: bool
) -> None:
    with FakeVendors() as fakes:
        targets = [("akool", s) for s in fakes.create_sessions("akool", 200)]
        text = "provider,session_id\n" + "".join(f"{p},{s}\n" for p, s in targets)
        source = tmp_path / "targets.csv"
        source.write_text(text)
        # The first four ends wait at the vendor, so they are in flight when the signal comes.
        fakes.inject("akool", Fault.delay(1.0, times=4))
        results = tmp_path / "results.jsonl"
        argv = [SCRIPT, "end-many", "-" if from_stdin else str(source), "--concurrency", "4"]
        with results.open("wb") as stdout:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=stdout,
                stderr=subprocess.PIPE,
                env={**os.environ, **fakes.environment()},
            )
            assert process.stdin is not None and process.stderr is not None
            if from_stdin:  # an open pipe that never ends: reading must not hold the exit
                process.stdin.write(text.encode())
                process.stdin.flush()
            try:
                wait_for(lambda: fakes["akool"].request_count >= 4, timeout=60, what="4 requests")
                process.send_signal(signum)
                assert process.wait(timeout=60) == status
                err = process.stderr.read().decode()
            finally:
                process.kill()
                process.wait()
                process.stdin.close()
                process.stderr.close()
        lines = [json.loads(line) for line in results.read_text().splitlines()]
        ended = {s for p, s in targets if fakes.state(p, s) is SessionState.ENDED}
        assert fakes["akool"].request_count == len(lines) == len(ended) == 4
        assert {line["session_id"] for line in lines} == ended
        assert {line["outcome"] for line in lines} == {"ended"}
        name = signal.Signals(signum).name
        last = err.splitlines()[-1]
        assert last.startswith(f"sessionend: interrupted by {name}: 4 targets reported, ")
        if from_stdin:
            assert "the rest of the input was not read" in last
        else:
            assert "196 targets not attempted" in last
        assert "Traceback" not in err


def test_a_closed_pipe_stops_the_run_quietly_with_status_141(tmp_path: Path) -> None:
    with FakeVendors() as fakes:
        targets = [("akool", s) for s in fakes.create_sessions("akool", 3000)]
        source = tmp_path / "targets.csv"
        source.write_text("".join(f"{p},{s}\n" for p, s in targets))
        process = subprocess.Popen(
            [SCRIPT, "end-many", str(source)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **fakes.environment()},
        )
        assert process.stdout is not None and process.stderr is not None
        head = [process.stdout.readline() for _ in range(3)]  # | head -3
        process.stdout.close()
        try:
            assert process.wait(timeout=120) == 141
            err = process.stderr.read().decode()
        finally:
            process.kill()
            process.wait()
            process.stderr.close()
        assert all(json.loads(line)["outcome"] == "ended" for line in head)
        assert err == ""
        # The run stopped reading input when its results could no longer be written.
        assert fakes["akool"].request_count < len(targets)


@pytest.mark.parametrize("command", ["end", "end-many"])
def test_a_full_disk_names_stdout(tmp_path: Path, command: str) -> None:
    with FakeVendors() as fakes:
        sessions = fakes.create_sessions("akool", 300)
        source = tmp_path / "targets.csv"
        source.write_text("".join(f"akool,{s}\n" for s in sessions))
        argv = ["end", "akool", sessions[0]] if command == "end" else ["end-many", str(source)]
        with open("/dev/full", "wb") as full:
            finished = subprocess.run(
                [SCRIPT, *argv],
                stdout=full,
                stderr=subprocess.PIPE,
                env={**os.environ, **fakes.environment()},
                timeout=120,
                check=False,
            )
    err = finished.stderr.decode()
    assert finished.returncode == 1
    assert (
        err.splitlines()[-1] == "sessionend: error: cannot write to stdout: No space left on device"
    )
    assert "cannot read" not in err and "Traceback" not in err and "Exception ignored" not in err
