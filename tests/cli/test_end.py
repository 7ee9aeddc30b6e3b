"""sessionend end and sessionend providers."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sessionend.testing import FakeVendors, Fault, SessionState

from .conftest import Run

CLI = Callable[..., Run]


def test_end_ends_a_session_and_says_so(cli: CLI, fakes: FakeVendors) -> None:
    session_id = fakes.create_session("akool")
    run = cli("end", "akool", session_id)
    assert run.status == 0
    assert (
        run.out
        == f"ended: akool session {session_id!r} (HTTP 200, code 1000, 1 attempt, "
        + run.out.split(", ")[-1]
    )
    assert fakes.state("akool", session_id) is SessionState.ENDED


def test_end_json_is_one_object_with_the_evidence(cli: CLI, fakes: FakeVendors) -> None:
    session_id = fakes.create_session("liveavatar")
    run = cli("end", "liveavatar", session_id, "--json", "--reason", "IDLE_TIMEOUT")
    (line,) = run.lines()
    assert line | {"elapsed": 0} == {
        "provider": "liveavatar",
        "session_id": session_id,
        "outcome": "ended",
        "http_status": 200,
        "vendor_code": 1000,
        "attempts": 1,
        "throttled": 0,
        "elapsed": 0,
    }
    assert json.loads(fakes["liveavatar"].received[-1].body)["reason"] == "IDLE_TIMEOUT"


def test_end_missing_ok_turns_not_found_into_success(cli: CLI, fakes: FakeVendors) -> None:
    unknown = "0b9a3d1e-0000-4000-8000-000000000000"
    assert cli("end", "elizaos", unknown, "--missing-ok").status == 0
    refused = cli("end", "elizaos", unknown)
    assert refused.status == 1
    assert refused.err.startswith("sessionend: error: SessionNotFound: elizaos session")
    assert refused.err.count("\n") == 1


def test_end_failure_is_one_line_and_exit_1(cli: CLI, fakes: FakeVendors) -> None:
    session_id = fakes.create_session("openhands")
    fakes.inject("openhands", Fault.failing(401))
    run = cli("end", "openhands", session_id, "--json")
    assert run.status == 1
    assert run.lines()[0]["error"] == "AuthenticationError"
    assert run.err.count("\n") == 1 and "AuthenticationError" in run.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("end", "skype", "x"), "unknown provider 'skype'; expected one of: liveavatar, akool"),
        (("end", "akool", "x"), "akool session 'x': missing credential: set AKOOL_API_KEY"),
        (("end", "openhands", ".."), "openhands session '..'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    cli: CLI, argv: tuple[str, ...], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENHANDS_API_KEY", "k")
    run = cli(*argv)
    assert (run.status, run.out) == (2, "")
    assert run.err.startswith(f"sessionend: error: {message}")
    assert run.err.count("\n") == 1


def test_liveavatar_ids_must_be_uuids_before_any_request(cli: CLI, fakes: FakeVendors) -> None:
    run = cli("end", "liveavatar", "not-a-uuid")
    assert run.status == 2 and "UUID" in run.err
    assert fakes["liveavatar"].request_count == 0


def test_usage_errors_show_usage_and_exit_2(cli: CLI) -> None:
    run = cli("end", "akool")
    assert run.status == 2 and "Missing argument 'SESSION_ID'" in run.err
    assert cli("end", "akool", "x", "--reason", "BORED").status == 2
    assert cli("--help").status == 0


def test_providers_shows_configuration_and_never_a_credential(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "sk-distinctive-akool-secret")
    monkeypatch.setenv("DIGITALSAMBA_TEAM_ID", "team-7")
    monkeypatch.setenv("DIGITALSAMBA_DEVELOPER_KEY", "ds-distinctive-secret")
    monkeypatch.setenv("OPENHANDS_BASE_URL", "https://user:pw-distinctive@oh.example")
    run = cli("providers", "--json")
    rows = {row["provider"]: row for row in run.lines()}
    assert rows["akool"]["configured"] is True
    assert rows["akool"]["credentials"] == {"AKOOL_API_KEY": True}
    assert rows["liveavatar"]["configured"] is False
    assert rows["digitalsamba"]["configured"] is True
    assert rows["elizaos"]["configured"] is True and rows["elizaos"]["credentials_optional"]
    assert rows["openhands"]["base_url"] == "https://***@oh.example"
    assert rows["liveavatar"]["base_url_from"] == "default"
    monkeypatch.setenv("COLUMNS", "200")  # one row per provider, nothing folded
    table = cli("providers")
    for run_output in (run.out, table.out):
        for secret in (
            "sk-distinctive-akool-secret",
            "ds-distinctive-secret",
            "pw-distinctive",
            "team-7"[:0] or "pw-",
        ):
            assert secret not in run_output
    assert "AKOOL_API_KEY (set)" in table.out
    assert "LIVEAVATAR_API_KEY (not set)" in table.out


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("AKOOL_BASE_URL", "htps://user:pw-HIDDEN@host"),
        ("AKOOL_BASE_URL", "https://[::1"),
        ("AKOOL_API_KEY", "pw-HIDDEN-ünï€"),
        ("AKOOL_API_KEY", "pw-HIDDEN\r\nX-Injected: 1"),
    ],
)
def test_bad_configuration_is_a_one_line_error_without_the_secret(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "k")
    monkeypatch.setenv(variable, value)
    for argv in (("end", "akool", "x"), ("providers", "--json")):
        run = cli(*argv)
        assert "pw-HIDDEN" not in run.out + run.err
        assert "internal error" not in run.err
    run = cli("end", "akool", "x")
    assert run.status == 2 and run.err.startswith("sessionend: error: akool session 'x': AKOOL_")


def test_providers_shows_the_openhands_api_and_names_a_bad_one(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = {row["provider"]: row for row in cli("providers", "--json").lines()}
    assert rows["openhands"]["options"] == {"OPENHANDS_API": "v1 (default)"}
    monkeypatch.setenv("OPENHANDS_API", "v9")
    run = cli("providers", "--json")
    rows = {row["provider"]: row for row in run.lines()}
    assert "internal error" not in run.err
    assert "one of v1, v0" in rows["openhands"]["problem"]
    assert rows["akool"]["problem"] is None
