"""Configuration from the environment, safe base URLs, safe session ids, and no leaked secrets."""

from __future__ import annotations

import logging
from urllib.parse import unquote

import httpx
import pytest
import sessionend
from sessionend import Outcome, Provider, ProviderSettings, SessionEnder, errors

from .harness import AKOOL_KEY, SECRETS, SETTINGS, UUID, Vendor, reply, run_end

OK = {"status": "ok", "conversation_id": "c", "conversation_status": "RUNNING"}


@pytest.mark.parametrize(
    ("provider", "variable"),
    [
        ("liveavatar", "LIVEAVATAR_API_KEY"),
        ("akool", "AKOOL_API_KEY"),
        ("openhands", "OPENHANDS_API_KEY"),
        ("digitalsamba", "DIGITALSAMBA_TEAM_ID"),
    ],
)
def test_a_missing_credential_names_its_variable_before_any_request(
    mode: str, provider: str, variable: str
) -> None:
    vendor = Vendor([reply(200, {})])
    session = UUID if provider == "liveavatar" else "s"
    with pytest.raises(errors.ConfigurationError, match=variable) as caught:
        run_end(mode, vendor, provider, session, settings={})
    assert vendor.requests == []
    assert (caught.value.provider, caught.value.session_id) == (provider, session)


def test_digitalsamba_needs_the_developer_key_too(mode: str) -> None:
    settings = {"digitalsamba": ProviderSettings(team_id="t")}
    with pytest.raises(errors.ConfigurationError, match="DIGITALSAMBA_DEVELOPER_KEY"):
        run_end(mode, Vendor([reply(200)]), "digitalsamba", "s", settings=settings)


def test_the_environment_is_read_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENHANDS_API_KEY", "from-env-key-123")
    monkeypatch.setenv("OPENHANDS_BASE_URL", "https://openhands.internal.example/")
    vendor = Vendor([reply(200, OK)])
    ender = SessionEnder(transport=httpx.MockTransport(vendor))
    monkeypatch.setenv("OPENHANDS_API_KEY", "changed-later")
    with ender:
        ender.end("openhands", "c")
    request = vendor.requests[0]
    assert request.headers["X-Session-API-Key"] == "from-env-key-123"
    assert str(request.url) == "https://openhands.internal.example/api/conversations/c/stop"


def test_settings_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "env-key")
    vendor = Vendor([reply(200, {"code": 1000, "msg": "ok"})])
    settings = {Provider.AKOOL: ProviderSettings(api_key="given-key")}
    with SessionEnder(transport=httpx.MockTransport(vendor), settings=settings) as ender:
        ender.end("akool", "s")
    assert vendor.requests[0].headers["x-api-key"] == "given-key"


def test_configured_providers_lists_those_with_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "k")
    monkeypatch.setenv("DIGITALSAMBA_TEAM_ID", "t")  # the developer key is missing
    with SessionEnder() as ender:
        assert ender.configured_providers() == [Provider.AKOOL, Provider.ELIZAOS]


@pytest.mark.parametrize(
    "url",
    [
        "http://api.example.com",
        "http://10.0.0.5:3000",
        "ftp://example.com",
        "not a url",
        "https://u:p@x.example",
    ],
)
def test_unsafe_base_urls_are_refused_before_any_request(mode: str, url: str) -> None:
    vendor = Vendor([reply(200, OK)])
    settings = {"openhands": ProviderSettings(api_key="k", base_url=url)}
    with pytest.raises(errors.ConfigurationError, match="OPENHANDS_BASE_URL"):
        run_end(mode, vendor, "openhands", "c", settings=settings)
    assert vendor.requests == []


@pytest.mark.parametrize(
    "url", ["http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:9000"]
)
def test_plain_http_to_loopback_is_allowed(mode: str, url: str) -> None:
    vendor = Vendor([reply(200, OK)])
    settings = {"openhands": ProviderSettings(api_key="k", base_url=url)}
    assert run_end(mode, vendor, "openhands", "c", settings=settings).outcome is Outcome.ENDED


def test_allow_insecure_http_permits_other_hosts(mode: str) -> None:
    vendor = Vendor([reply(200, OK)])
    settings = {"openhands": ProviderSettings(api_key="k", base_url="http://openhands.lan:3000")}
    run_end(mode, vendor, "openhands", "c", settings=settings, allow_insecure_http=True)
    assert vendor.requests[0].url.host == "openhands.lan"


def test_an_unknown_provider_is_a_value_error_listing_the_valid_ones(mode: str) -> None:
    with pytest.raises(ValueError, match="liveavatar, akool, openhands, digitalsamba, elizaos"):
        run_end(mode, Vendor([reply(200)]), "heygen", "s")


def test_provider_takes_the_enum_or_its_value() -> None:
    assert Provider.parse("akool") is Provider.AKOOL
    assert Provider.parse(Provider.AKOOL) is Provider.AKOOL
    assert Provider.parse(" Akool ") is Provider.AKOOL


@pytest.mark.parametrize(
    "session_id", ["", "   ", ".", "..", "a\r\nb", "nul\x00", "tab\there", "x" * 257, "\x7f"]
)
def test_unsafe_session_ids_are_refused_before_any_request(mode: str, session_id: str) -> None:
    vendor = Vendor([reply(200, OK)])
    with pytest.raises(errors.InvalidSessionId) as caught:
        run_end(mode, vendor, "openhands", session_id)
    assert isinstance(caught.value, ValueError)
    assert vendor.requests == []


@pytest.mark.parametrize(
    "session_id", ["a/../b", "?x=1", "#frag", "%2e%2e", "50% off", "ünï", "x" * 256, "...", "a/b"]
)
def test_other_ids_travel_as_one_percent_encoded_segment(mode: str, session_id: str) -> None:
    """Whatever the id holds, exactly one request goes to the stop endpoint with it intact."""
    vendor = Vendor([reply(200, OK)])
    run_end(mode, vendor, "openhands", session_id)
    assert len(vendor.requests) == 1
    raw_path = vendor.requests[0].url.raw_path.decode("ascii")
    assert raw_path.startswith("/api/conversations/") and raw_path.endswith("/stop")
    segment = raw_path.removeprefix("/api/conversations/").removesuffix("/stop")
    assert "/" not in segment and "?" not in segment and "#" not in segment
    assert unquote(segment) == session_id


def test_credentials_never_appear_in_reprs_errors_or_logs(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Every error path, with DEBUG logging, leaks none of the fake credentials."""
    caplog.set_level(logging.DEBUG, logger="sessionend")
    echoed = {"code": 1101, "msg": f"illegal token {AKOOL_KEY}"}
    texts: list[str] = [repr(SETTINGS), repr(SessionEnder(settings=SETTINGS))]
    scripts: list[tuple[str, list[object]]] = [
        ("akool", [reply(200, echoed)]),
        ("openhands", [reply(401, f"bad key {SECRETS[2]}")]),
        ("openhands", [httpx.ReadTimeout]),
        ("openhands", [reply(503), reply(500)]),
        ("digitalsamba", [reply(404, {"message": "nope"})]),
        ("elizaos", [reply(429, headers={"Retry-After": "999"})]),
    ]
    for provider, replies in scripts:
        with pytest.raises(errors.SessionEndError) as caught:
            run_end(mode, Vendor(replies), provider, "s")  # type: ignore[arg-type]
        texts += [str(caught.value), repr(caught.value), str(caught.value.vendor_message)]
    result = run_end(mode, Vendor([reply(200, {"code": 1000, "msg": "ok"})]), "akool", "s")
    texts += [repr(result), str(result)]
    texts += [record.getMessage() for record in caplog.records]
    for secret in SECRETS:
        assert all(secret not in text for text in texts), secret
    assert any("<redacted>" in text for text in texts)  # the echo was caught, not dropped


def test_one_info_record_per_end(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sessionend")
    run_end(mode, Vendor([reply(503), reply(200, OK)]), "openhands", "conv-9")
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 1
    assert "openhands conv-9: ended after 2 attempt(s)" in infos[0]


def test_end_session_is_a_one_shot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "k")
    vendor = Vendor([reply(200, {"code": 1000, "msg": "ok"})])
    result = sessionend.end_session("akool", "s", transport=httpx.MockTransport(vendor))
    assert result.outcome is Outcome.ENDED


def test_close_twice_is_harmless_and_use_after_close_is_clear() -> None:
    ender = SessionEnder(settings=SETTINGS, transport=httpx.MockTransport(Vendor([reply(200, OK)])))
    ender.end("openhands", "c")
    ender.close()
    ender.close()
    with pytest.raises(RuntimeError, match="closed"):
        ender.end("openhands", "c")


@pytest.mark.parametrize("option", [{"timeout": 0}, {"max_retries": -1}, {"max_retry_wait": -1}])
def test_bad_options_are_refused_at_construction(option: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(option))):
        SessionEnder(**option)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url",
    [
        "htps://user:pw-HIDDEN@host",  # malformed scheme, with a password
        "https://[::1",  # unclosed IPv6 bracket: urlsplit raises ValueError
        "ftp://user:pw-HIDDEN@host/path",
    ],
)
def test_a_bad_base_url_is_a_configuration_error_that_hides_its_password(
    mode: str, url: str
) -> None:
    settings = {"akool": ProviderSettings(api_key=AKOOL_KEY, base_url=url)}
    vendor = Vendor([reply(200, {"code": 1000})])
    with pytest.raises(errors.ConfigurationError, match="AKOOL_BASE_URL") as caught:
        run_end(mode, vendor, "akool", "s", settings=settings)
    assert "pw-HIDDEN" not in str(caught.value) and "pw-HIDDEN" not in repr(caught.value)
    assert vendor.requests == []


@pytest.mark.parametrize("key", ["key-ünï€", "key\r\nX-Injected: 1", "key\x00", "key\twith-tab"])
def test_a_credential_a_header_cannot_carry_is_a_configuration_error(mode: str, key: str) -> None:
    settings = {"openhands": ProviderSettings(api_key=key)}
    vendor = Vendor([reply(200, OK)])
    with pytest.raises(
        errors.ConfigurationError, match="OPENHANDS_API_KEY holds characters"
    ) as caught:
        run_end(mode, vendor, "openhands", "c", settings=settings)
    assert key not in str(caught.value)
    assert vendor.requests == []


def test_an_invalid_id_keeps_the_whole_id_and_shortens_the_message(mode: str) -> None:
    long_id = "a" * 300
    with pytest.raises(errors.InvalidSessionId) as caught:
        run_end(mode, Vendor([]), "openhands", long_id)
    assert caught.value.session_id == long_id
    assert long_id not in str(caught.value) and "a" * 64 + "…" in str(caught.value)
