"""sessionend end-many: every target reported once, malformed lines included."""

from __future__ import annotations

import collections
import io
import json
import os
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from sessionend.cli._app import _progress
from sessionend.testing import FakeVendors, Fault, SessionState

from .conftest import Run

CLI = Callable[..., Run]


def test_csv_with_header_and_json_lines_mixed(cli: CLI, fakes: FakeVendors, tmp_path: Path) -> None:
    akool = fakes.create_session("akool")
    openhands = fakes.create_session("openhands")
    elizaos = fakes.create_session("elizaos")
    source = tmp_path / "targets.csv"
    source.write_text(
        "provider,session_id\n"
        f"akool,{akool}\n"
        "\n"
        f'{{"provider": "openhands", "session_id": "{openhands}"}}\n'
        f" ElizaOS , {elizaos} \n"
    )
    run = cli("end-many", str(source))
    assert run.status == 0
    by_line = {line["line"]: line for line in run.lines()}
    assert sorted(by_line) == [2, 4, 5]
    assert (by_line[2]["provider"], by_line[2]["session_id"], by_line[2]["outcome"]) == (
        "akool",
        akool,
        "ended",
    )
    assert by_line[4]["outcome"] == "ended" and by_line[5]["provider"] == "elizaos"
    for line in by_line.values():
        assert set(line) >= {"provider", "session_id", "attempts", "elapsed"}
    assert all(
        fakes.state(p, s) is SessionState.ENDED
        for p, s in [("akool", akool), ("openhands", openhands), ("elizaos", elizaos)]
    )
    assert run.err.startswith("3 targets in ") and "3 ended" in run.err and "0 failed" in run.err


def test_malformed_lines_are_reported_and_the_rest_still_run(cli: CLI, fakes: FakeVendors) -> None:
    good = fakes.create_sessions("openhands", 2)
    stdin = (
        f"openhands,{good[0]}\n"
        "just-one-field\n"
        '{"provider": "akool"}\n'
        "{not json\n"
        "provider,session_id\n"
        "skype,abc\n"
        f"openhands,{good[1]}\n"
    ).encode() + b"akool,\xff\xfe\n"
    run = cli("end-many", "-", stdin=stdin)
    assert run.status == 1
    lines = {line["line"]: line for line in run.lines()}
    assert sorted(lines) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert lines[1]["outcome"] == lines[7]["outcome"] == "ended"
    assert lines[2]["error"] == "InvalidInput" and "provider,session_id" in lines[2]["message"]
    assert 'needs "session_id"' in lines[3]["message"]
    assert "not JSON" in lines[4]["message"]
    assert "header is only allowed on the first line" in lines[5]["message"]
    assert lines[6]["error"] == "InvalidInput" and "unknown provider 'skype'" in lines[6]["message"]
    assert "not UTF-8" in lines[8]["message"]
    assert "2 ended" in run.err and "6 failed (InvalidInput 6)" in run.err


def test_a_failed_end_fails_the_run_and_missing_ok_forgives_unknown_sessions(
    cli: CLI, fakes: FakeVendors
) -> None:
    unknown = "0b9a3d1e-0000-4000-8000-000000000000"
    failing = fakes.create_session("liveavatar")
    fakes.inject("liveavatar", Fault.failing(400), session_id=failing)
    run = cli("end-many", "-", stdin=f"elizaos,{unknown}\nliveavatar,{failing}\n".encode())
    assert run.status == 1
    errors = sorted(line["error"] for line in run.lines())
    assert errors == ["RequestRejected", "SessionNotFound"]
    forgiven = cli("end-many", "-", "--missing-ok", stdin=f"elizaos,{unknown}\n".encode())
    assert forgiven.status == 0 and forgiven.lines()[0]["outcome"] == "not_found"


def test_duplicate_targets_are_each_reported_with_their_own_line(
    cli: CLI, fakes: FakeVendors
) -> None:
    session_id = fakes.create_session("openhands")
    run = cli("end-many", "-", "--concurrency", "1", stdin=f"openhands,{session_id}\n".encode() * 3)
    outcomes = sorted((line["line"], line["outcome"]) for line in run.lines())
    assert outcomes == [(1, "ended"), (2, "already_ended"), (3, "already_ended")]


def test_missing_credentials_fail_each_target_of_that_provider_only(
    cli: CLI, fakes: FakeVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AKOOL_API_KEY")
    session_id = fakes.create_session("openhands")
    run = cli("end-many", "-", stdin=f"akool,a\nakool,b\nopenhands,{session_id}\n".encode())
    results = sorted((line["line"], line.get("error") or line["outcome"]) for line in run.lines())
    assert results == [(1, "ConfigurationError"), (2, "ConfigurationError"), (3, "ended")]
    assert (
        "AKOOL_API_KEY" in run.lines()[0]["message"] or "AKOOL_API_KEY" in run.lines()[1]["message"]
    )


def test_unreadable_input_and_bad_concurrency_are_one_line_errors(cli: CLI, tmp_path: Path) -> None:
    missing = cli("end-many", str(tmp_path / "absent.csv"))
    assert missing.status == 2
    assert (
        missing.err
        == f"sessionend: error: cannot read {tmp_path / 'absent.csv'}: No such file or directory\n"
    )
    directory = cli("end-many", str(tmp_path))
    assert directory.status == 2 and directory.err.startswith("sessionend: error: cannot read")
    assert cli("end-many", "-", "--concurrency", "0").status == 2


def test_the_progress_bar_shows_only_on_a_terminal() -> None:
    terminal = Console(file=io.StringIO(), force_terminal=True)
    stdout = sys.stdout
    with _progress(terminal) as display:
        assert sys.stdout is stdout  # results written meanwhile still go where stdout goes
        for _ in range(3):
            display.advance()
        display.show("akool 12.5/s (3 throttled)")
    pipe = Console(file=io.StringIO(), force_terminal=False)
    with _progress(pipe) as display:
        display.advance()
        display.show("akool 12.5/s (3 throttled)")
    assert pipe.file.getvalue() == ""  # type: ignore[attr-defined]
    shown = terminal.file.getvalue()  # type: ignore[attr-defined]
    assert "ended or failed" in shown
    assert "akool 12.5/s (3 throttled)" in shown


def script(name: str) -> str:
    return str(Path(sysconfig.get_path("scripts")) / name)


def test_ten_thousand_targets_give_exactly_ten_thousand_lines() -> None:
    """The console script, over stdin, against the fakes: every target once, every one ended."""
    with FakeVendors() as fakes:
        providers = ("liveavatar", "akool", "openhands", "digitalsamba", "elizaos")
        targets = [(p, s) for p in providers for s in fakes.create_sessions(p, 2_000)]
        stdin = "".join(f"{p},{s}\n" for p, s in targets)
        environment = {**os.environ, **fakes.environment()}
        finished = subprocess.run(
            [script("sessionend"), "end-many", "-", "--concurrency", "32"],
            input=stdin,
            capture_output=True,
            text=True,
            env=environment,
            timeout=300,
            check=False,
        )
        assert finished.returncode == 0, finished.stderr
        lines = [json.loads(line) for line in finished.stdout.splitlines()]
        assert len(lines) == 10_000
        seen = collections.Counter((line["provider"], line["session_id"]) for line in lines)
        assert seen == collections.Counter(targets)
        assert {line["outcome"] for line in lines} == {"ended"}
        assert sorted(line["line"] for line in lines) == list(range(1, 10_001))
        assert all(fakes.state(p, s) is SessionState.ENDED for p, s in targets)
        assert finished.stderr.startswith("10000 targets in ")


def test_invalid_ids_are_reported_on_their_own_line(cli: CLI, fakes: FakeVendors) -> None:
    long_id, control_id = "a" * 300, "b" * 80 + "\u0001"
    stdin = json.dumps({"provider": "openhands", "session_id": long_id}) + "\n"
    stdin += json.dumps({"provider": "openhands", "session_id": control_id}) + "\n"
    run = cli("end-many", "-", stdin=stdin.encode())
    lines = sorted((line["line"], line["error"], line["session_id"]) for line in run.lines())
    assert lines == [(1, "InvalidSessionId", long_id), (2, "InvalidSessionId", control_id)]


def test_the_summary_counts_the_throttled_answers_waited_out(cli: CLI, fakes: FakeVendors) -> None:
    """A vendor at 4 requests a second: every end still ENDED, the throttles counted."""
    fakes.limit("akool", 4, per=1.0)
    ids = fakes.create_sessions("akool", 12)
    run = cli("end-many", "-", stdin="".join(f"akool,{i}\n" for i in ids).encode())
    records = [json.loads(line) for line in run.out.splitlines()]
    assert run.status == 0, run.err
    assert [record["outcome"] for record in records] == ["ended"] * 12
    throttled = fakes["akool"].request_count - 12
    assert throttled > 0
    assert f"{throttled} throttled answers waited out (akool {throttled})" in run.err


def test_sweep_ends_the_stale_sessions_and_reports_each(cli: CLI, fakes: FakeVendors) -> None:
    import datetime

    old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=2)
    stale = fakes.create_sessions("digitalsamba", 3, started_at=old)
    fresh = fakes.create_sessions("digitalsamba", 2)
    dry = cli("sweep", "digitalsamba", "--older-than", "30m", "--dry-run", "--json")
    assert dry.status == 0, dry.err
    assert sorted(line["session_id"] for line in dry.lines()) == sorted(stale)
    assert {line["outcome"] for line in dry.lines()} == {"would_end"}
    assert all(fakes.state("digitalsamba", s) is SessionState.ACTIVE for s in stale)
    run = cli("sweep", "digitalsamba", "--older-than", "30m", "--json")
    assert run.status == 0, run.err
    assert sorted(line["session_id"] for line in run.lines()) == sorted(stale)
    assert all(line["age"] > 3600 for line in run.lines())
    assert "listed 5, picked 3, ended 3" in run.err
    assert all(fakes.state("digitalsamba", s) is SessionState.ACTIVE for s in fresh)
    table = cli("sweep", "digitalsamba", "--older-than", "30m")
    assert table.status == 0 and "listed 2, picked 0" in table.err


def test_sweep_needs_a_duration_and_names_bad_input(cli: CLI) -> None:
    assert cli("sweep").status == 2
    bad = cli("sweep", "--older-than", "soon")
    assert bad.status == 2 and "not a duration" in bad.err
    unknown = cli("sweep", "nowhere", "--older-than", "1h")
    assert unknown.status == 2 and "unknown provider" in unknown.err
