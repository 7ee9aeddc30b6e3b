"""end-many's output streams: results on stdout whatever stderr is, and stdout's own errors."""

from __future__ import annotations

import json
import os
import subprocess
import sysconfig
import threading
from pathlib import Path

from sessionend.testing import FakeVendors, SessionState

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
