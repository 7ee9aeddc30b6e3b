"""Credentials never leak: every error path, both enders, DEBUG logging on, distinctive canary
credentials; they must not show in logs, reprs, errors (with their chains), CLI output or the
committed cassettes."""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sessionend import AsyncSessionEnder, EndResult, ProviderSettings, SessionEnder, errors
from sessionend.cli import main
from sessionend.providers import ADAPTERS, Credential
from sessionend.testing import FakeVendors, Fault

from ..contract.test_secrets import suspicious
from ._rel_support import (
    MODES,
    UUID,
    ScriptedServer,
    clean_environment,
    end_with,
    no_retry_sleep,
)


def canary(provider: str, credential: Credential) -> str:
    """A distinctive value for one credential: named after its vendor and itself, and long
    and random-looking enough that the cassette scan would flag it."""
    tail = hashlib.sha256(f"{provider}:{credential.name}".encode()).hexdigest()[:16]
    prefix = "sk" if credential.secret else "id"
    return f"{prefix}-LEAK-CANARY-{provider}-{credential.name}-{tail}"


CANARY: dict[str, dict[str, str]] = {
    provider.value: {
        credential.name: canary(provider.value, credential) for credential in adapter.credentials
    }
    for provider, adapter in ADAPTERS.items()
}
# Credentials the fakes refuse: leaking a wrong key is a leak too.
WRONG = {
    provider: {
        field: value.replace("CANARY", "CANARY-WRONG") for field, value in credentials.items()
    }
    for provider, credentials in CANARY.items()
}
PROVIDERS = sorted(CANARY)
# Credentials that are not secret (Digital Samba's team id, an account name) may be shown.
TEAM_IDS = {
    table[provider.value][credential.name]
    for table in (CANARY, WRONG)
    for provider, adapter in ADAPTERS.items()
    for credential in adapter.credentials
    if not credential.secret
}


def forms() -> set[str]:
    """Every way a canary could show: as is, base64, and the Basic ``first:second`` encoding."""
    found: set[str] = set()
    for table in (CANARY, WRONG):
        for credentials in table.values():
            for value in credentials.values():
                found |= {value, base64.b64encode(value.encode()).decode()}
        for provider, adapter in ADAPTERS.items():
            if adapter.basic_auth:
                pair = ":".join(table[provider.value][c.name] for c in adapter.credentials)
                found.add(base64.b64encode(pair.encode()).decode())
    return found


FORMS = forms()


def leaks(texts: list[str], *, team_id_shown: bool = False) -> list[str]:
    """The canary forms found in ``texts``; ``team_id_shown`` allows the bare team id."""
    allowed = TEAM_IDS if team_id_shown else set()
    return sorted(
        {
            f"{form[:24]}... in {text[:80]!r}"
            for text in texts
            for form in FORMS - allowed
            if form in text
        }
    )


def error_texts(error: BaseException) -> list[str]:
    """An exception as anything could print it: str, repr, args, attributes and chain."""
    texts = ["".join(traceback.format_exception(error))]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args), repr(vars(current))]
        current = current.__cause__ or current.__context__
    return texts


def log_texts(records: list[logging.LogRecord]) -> list[str]:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return [
        text
        for record in records
        for text in (formatter.format(record), str(record.msg), repr(record.args))
    ]


@pytest.fixture(autouse=True)
def _rel_secret_env(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    clean_environment(monkeypatch)
    no_retry_sleep(monkeypatch)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sessionend")


@pytest.fixture(scope="module")
def rel_canary_fakes() -> Iterator[FakeVendors]:
    with FakeVendors(credentials=CANARY) as fakes:
        yield fakes


@pytest.fixture(scope="module")
def rel_redirector() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    server.script.status = 307
    server.script.headers = [("Location", "http://127.0.0.2:9/elsewhere")]
    try:
        yield server
    finally:
        server.stop()


def canary_settings(
    fakes: FakeVendors, table: dict[str, dict[str, str]] = CANARY
) -> dict[str, ProviderSettings]:
    return {
        provider: ProviderSettings(**table[provider], base_url=fakes.base_url(provider))
        for provider in PROVIDERS
    }


# Each scenario: (fakes, redirector, provider, session) -> (provider, session id, options).
Scenario = Callable[[FakeVendors, ScriptedServer, str, str], tuple[str, str, dict[str, Any]]]


def with_fault(fault: Fault, **options: Any) -> Scenario:
    def scenario(
        fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
    ) -> tuple[str, str, dict[str, Any]]:
        fakes.inject(provider, fault, session_id=session)
        return provider, session, {"settings": canary_settings(fakes), **options}

    return scenario


def wrong_credentials(
    fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
) -> tuple[str, str, dict[str, Any]]:
    return provider, session, {"settings": canary_settings(fakes, WRONG)}


def redirected(
    fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
) -> tuple[str, str, dict[str, Any]]:
    settings = canary_settings(fakes)
    settings[provider] = ProviderSettings(**CANARY[provider], base_url=redirector.url)
    return provider, session, {"settings": settings}


def invalid_id(
    fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
) -> tuple[str, str, dict[str, Any]]:
    return provider, "..", {"settings": canary_settings(fakes)}


def credential_missing(
    fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
) -> tuple[str, str, dict[str, Any]]:
    # Every other provider's canaries are set; this one's are not.
    settings = canary_settings(fakes)
    settings[provider] = ProviderSettings(base_url=fakes.base_url(provider))
    if provider == "elizaos":  # its key is optional: leave out Digital Samba's instead
        settings["digitalsamba"] = ProviderSettings(team_id=CANARY["digitalsamba"]["team_id"])
        return "digitalsamba", session, {"settings": settings}
    return provider, session, {"settings": settings}


def unknown_provider(
    fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
) -> tuple[str, str, dict[str, Any]]:
    return f"{provider}-cloud", session, {"settings": canary_settings(fakes)}


def bad_base_url(url: str) -> Scenario:
    def scenario(
        fakes: FakeVendors, redirector: ScriptedServer, provider: str, session: str
    ) -> tuple[str, str, dict[str, Any]]:
        settings = canary_settings(fakes)
        settings[provider] = ProviderSettings(**CANARY[provider], base_url=url)
        return provider, session, {"settings": settings}

    return scenario


SCENARIOS: dict[str, Scenario] = {
    "ended": with_fault(Fault.delay(0)),
    "wrong credentials": wrong_credentials,
    "401": with_fault(Fault.failing(401)),
    "403": with_fault(Fault.failing(403)),
    "404": with_fault(Fault.failing(404)),
    "422": with_fault(Fault.failing(422)),
    "429 exhausted": with_fault(Fault.rate_limited(retry_after=0.01, times=3), max_retries=1),
    "429 too long": with_fault(Fault.rate_limited(retry_after=3600)),
    "5xx exhausted": with_fault(Fault.failing(503, times=3), max_retries=1),
    "timeout": with_fault(Fault.delay(1.0), timeout=0.15, max_retries=0),
    "dropped": with_fault(Fault.drop(times=3), max_retries=1),
    "lost answer": with_fault(Fault.drop(after_processing=True)),
    "malformed": with_fault(Fault.malformed()),
    "redirect": redirected,
    "invalid id": invalid_id,
    "credential missing": credential_missing,
    "unknown provider": unknown_provider,
    "bad base url": bad_base_url("ftp://files.example.com"),
    "insecure base url": bad_base_url("http://api.example.com"),
    "user info in base url": bad_base_url("https://user:pw@api.example.com"),
}


def run(mode: str, provider: str, session: str, options: dict[str, Any]) -> list[str]:
    """End once, returning every text the caller could see: result or error, and the ender."""
    texts: list[str] = []
    options.setdefault("timeout", 5.0)
    try:
        result = end_with(mode, provider, session, **options)
    except (errors.SessionEndError, ValueError) as error:
        texts += error_texts(error)
    else:
        assert isinstance(result, EndResult)
        texts += [repr(result), str(result), repr(result.body)]
    ender: SessionEnder | AsyncSessionEnder
    ender = SessionEnder(**options) if mode == "sync" else AsyncSessionEnder(**options)
    texts.append(repr(ender))
    if isinstance(ender, SessionEnder):
        ender.close()
        texts.append(repr(ender))
    return texts


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
def test_no_error_path_shows_a_credential(
    rel_canary_fakes: FakeVendors,
    rel_redirector: ScriptedServer,
    caplog: pytest.LogCaptureFixture,
    mode: str,
    provider: str,
    scenario: str,
) -> None:
    rel_canary_fakes[provider].clear_faults()
    session = rel_canary_fakes.create_session(provider)
    target, session_id, options = SCENARIOS[scenario](
        rel_canary_fakes, rel_redirector, provider, session
    )
    texts = run(mode, target, session_id, options)
    assert leaks(texts) == []
    assert leaks(log_texts(caplog.records)) == []
    settings = options["settings"]
    # The team id is an account name, shown on purpose by ProviderSettings' repr; never a key.
    assert leaks([repr(settings), str(settings)], team_id_shown=True) == []
    if scenario in SENDING:  # the capture works: the attempts were logged
        assert any(record.name == "sessionend" for record in caplog.records)


SENDING = {name for name, scenario in SCENARIOS.items() if scenario.__name__ == "scenario"}
SENDING = (SENDING - {"bad base url", "insecure base url", "user info in base url"}) | {
    "wrong credentials",
    "redirect",
}


def test_the_scan_would_see_each_form(rel_canary_fakes: FakeVendors) -> None:
    # The check is live: a result, an error and a log line holding a canary are all caught.
    key = CANARY["akool"]["api_key"]
    basic = base64.b64encode(
        f"{CANARY['digitalsamba']['team_id']}:{CANARY['digitalsamba']['developer_key']}".encode()
    ).decode()
    assert leaks([f"x-api-key: {key}"])
    assert leaks([f"Authorization: Basic {basic}"])
    assert leaks(error_texts(ValueError(f"echo {key}")))
    outer = errors.TransportError("outer")
    outer.__context__ = RuntimeError(f"inner {key}")
    outer.__suppress_context__ = True  # as "raise ... from None" leaves it
    assert leaks(error_texts(outer))  # the suppressed context is still scanned
    assert leaks([CANARY["digitalsamba"]["team_id"]])
    assert not leaks([CANARY["digitalsamba"]["team_id"]], team_id_shown=True)


# The command line, with the canaries in the environment.


@pytest.fixture
def rel_canary_env(monkeypatch: pytest.MonkeyPatch, rel_canary_fakes: FakeVendors) -> FakeVendors:
    for name, value in rel_canary_fakes.environment().items():
        monkeypatch.setenv(name, value)
    return rel_canary_fakes


def cli_texts(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    stdin: bytes = b"",
) -> tuple[int, list[str]]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, [captured.out, captured.err]


def test_no_command_prints_a_credential(
    rel_canary_env: FakeVendors,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    fakes = rel_canary_env
    akool = fakes.create_session("akool")
    eliza = fakes.create_session("elizaos")
    failing = fakes.create_session("openhands")
    fakes.inject("openhands", Fault.failing(401), session_id=failing)
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "provider,session_id\n"
        f"akool,{fakes.create_session('akool')}\n"
        f"openhands,{failing}\n"
        f"liveavatar,{UUID}\n"
        "digitalsamba,..\n"
        "nosuch,1\n"
        "garbage line without a comma\n",
        encoding="utf-8",
    )
    runs = [
        ("end", "akool", akool),
        ("end", "elizaos", eliza, "--json"),
        ("end", "openhands", failing),
        ("end", "digitalsamba", ".."),
        ("end", "nosuch", "1"),
        ("end-many", str(targets)),
        ("end-many", "-"),
        ("providers",),
        ("providers", "--json"),
    ]
    texts: list[str] = []
    statuses = []
    for argv in runs:
        status, output = cli_texts(
            capsys, monkeypatch, *argv, stdin=b"akool,1\nelizaos,2\n" if "-" in argv else b""
        )
        statuses.append(status)
        texts += output
    assert statuses[0] == 0 and statuses[2] == 1 and statuses[3] == 2  # the paths really ran
    assert "akool" in texts[0]
    assert leaks(texts) == []
    assert leaks(log_texts(caplog.records)) == []
    # With wrong credentials in the environment too.
    for vendor, adapter in ADAPTERS.items():
        for credential in adapter.credentials:
            monkeypatch.setenv(credential.variable, WRONG[vendor.value][credential.name])
    for provider in PROVIDERS:
        session = UUID if provider == "liveavatar" else fakes.create_session(provider)
        status, output = cli_texts(capsys, monkeypatch, "end", provider, session)
        assert status == 1
        assert leaks(output) == []
    assert leaks(log_texts(caplog.records)) == []


# The committed cassettes.

CASSETTES = Path(__file__).parents[1] / "contract" / "cassettes"


def test_no_cassette_holds_a_canary_or_anything_key_shaped() -> None:
    files = sorted(path for path in CASSETTES.rglob("*") if path.is_file())
    assert files, "no cassettes found"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert leaks([text]) == [], path
        assert "LEAK-CANARY" not in text, path
        if path.suffix in (".yaml", ".yml"):
            assert suspicious(text) == [], path


def test_the_cassette_scan_flags_the_canaries() -> None:
    for credentials in CANARY.values():
        for value in credentials.values():
            assert suspicious(f"interactions: []\nnote: '{value}'\n"), value
