"""What a shell user meets: flags the messages suggest, --version, -h, JSON errors, input forms."""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sessionend.testing import FakeVendors, SessionState

from .conftest import Run

CLI = Callable[..., Run]


@pytest.fixture
def insecure_akool(fakes: FakeVendors, monkeypatch: pytest.MonkeyPatch) -> str:
    """Akool's base URL as plain http to a host that is not loopback by name (0.0.0.0)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AKOOL_BASE_URL", f"http://0.0.0.0:{fakes.port}/akool")
    return fakes.create_session("akool")


def test_allow_insecure_http_is_what_the_message_suggests_and_it_works(
    cli: CLI, fakes: FakeVendors, insecure_akool: str
) -> None:
    refused = cli("end", "akool", insecure_akool)
    assert refused.status == 2
    assert "--allow-insecure-http" in refused.err
    assert "ProviderSettings" not in refused.err
    ended = cli("end", "akool", insecure_akool, "--allow-insecure-http")
    assert ended.status == 0 and ended.out.startswith("ended: akool session")
    assert fakes.state("akool", insecure_akool) is SessionState.ENDED


def test_end_many_takes_allow_insecure_http_too(
    cli: CLI, fakes: FakeVendors, insecure_akool: str
) -> None:
    stdin = f"akool,{insecure_akool}\n".encode()
    refused = cli("end-many", "-", stdin=stdin)
    assert refused.status == 1 and "--allow-insecure-http" in refused.lines()[0]["message"]
    run = cli("end-many", "-", "--allow-insecure-http", stdin=stdin)
    assert run.status == 0 and run.lines()[0]["outcome"] == "ended"


def test_no_message_tells_a_shell_user_about_python_settings(cli: CLI) -> None:
    runs = [
        cli("end", "akool", "x"),
        cli("end", "digitalsamba", "x"),
        cli("end-many", "-", stdin=b"akool,x\nliveavatar,x\n"),
    ]
    for run in runs:
        assert "ProviderSettings" not in run.out + run.err
        assert "pass " not in run.out + run.err


def test_version_and_short_help(cli: CLI) -> None:
    version = cli("--version")
    assert version.status == 0
    assert version.out == f"sessionend {importlib.metadata.version('sessionend')}\n"
    for argv in (("-h",), ("end", "-h"), ("end-many", "-h")):
        shown = cli(*argv)
        assert shown.status == 0 and "Usage:" in shown.out


def test_reason_is_read_in_any_case(cli: CLI, fakes: FakeVendors) -> None:
    session_id = fakes.create_session("liveavatar")
    run = cli("end", "liveavatar", session_id, "--reason", "idle_timeout")
    assert run.status == 0
    assert json.loads(fakes["liveavatar"].received[-1].body)["reason"] == "IDLE_TIMEOUT"


@pytest.mark.parametrize(
    ("argv", "error", "message"),
    [
        (("end", "skype", "x", "--json"), "InvalidInput", "unknown provider 'skype'"),
        (("end", "akool", "x", "--json"), "ConfigurationError", "set AKOOL_API_KEY"),
        (("end", "openhands", "..", "--json"), "InvalidSessionId", "openhands session '..'"),
        (("end", "akool", "--json"), "UsageError", "Missing argument 'SESSION_ID'"),
        (("end", "akool", "x", "--json", "--reason", "BORED"), "UsageError", "BORED"),
    ],
)
def test_json_exit_2_errors_are_one_json_object_on_stdout(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], error: str, message: str
) -> None:
    monkeypatch.setenv("OPENHANDS_API_KEY", "k")
    run = cli(*argv)
    assert run.status == 2
    (line,) = run.lines()
    assert line["error"] == error and message in line["message"]
    assert run.err.count("sessionend: error:") + run.err.count("Error:") >= 1


def test_a_header_in_any_column_order(cli: CLI, fakes: FakeVendors, tmp_path: Path) -> None:
    sessions = fakes.create_sessions("openhands", 2)
    source = tmp_path / "targets.csv"
    source.write_text("session_id,provider\n" + "".join(f"{s},openhands\n" for s in sessions))
    run = cli("end-many", str(source))
    assert run.status == 0
    assert sorted((line["line"], line["session_id"]) for line in run.lines()) == [
        (2, sessions[0]),
        (3, sessions[1]),
    ]


def test_unknown_provider_and_empty_fields_are_invalid_input(cli: CLI, fakes: FakeVendors) -> None:
    session_id = fakes.create_session("akool")
    stdin = f"skype,abc\nakool,\n,abc\nakool,{session_id}\n".encode()
    run = cli("end-many", "-", stdin=stdin)
    lines = {line["line"]: line for line in run.lines()}
    assert run.status == 1
    assert lines[1]["error"] == "InvalidInput" and "unknown provider 'skype'" in lines[1]["message"]
    assert lines[2]["error"] == "InvalidInput" and "the session id is empty" in lines[2]["message"]
    assert lines[3]["error"] == "InvalidInput" and "the provider is empty" in lines[3]["message"]
    assert lines[4]["outcome"] == "ended"
