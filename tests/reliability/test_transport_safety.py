"""Credentials travel only where they should: never over plain http to another host (unless
the caller says so), and never after a redirect."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sessionend import Provider, ProviderSettings, errors
from sessionend.providers import ADAPTERS

from ._rel_support import MODES, UUID, Nowhere, ScriptedServer, clean_environment, end_with

# Every registered vendor, with made-up credentials named after it.
CREDENTIALS = {
    provider.value: {
        credential.name: f"{provider.value}-{credential.name}-transport-0001"
        for credential in adapter.credentials
    }
    for provider, adapter in ADAPTERS.items()
}
VARIABLES = {
    provider.value: {
        **{credential.name: credential.variable for credential in adapter.credentials},
        "base_url": adapter.base_url_variable,
    }
    for provider, adapter in ADAPTERS.items()
}
SESSION = {"liveavatar": UUID}
PROVIDERS = sorted(CREDENTIALS)
INSECURE = [
    "http://api.example.com",
    "HTTP://API.EXAMPLE.COM/v2/",
    "http://10.0.0.1:8080",
    "http://192.168.1.10",
    "http://0.0.0.0:3000",
    "http://[fe80::1]",
    "http://127.0.0.1.nip.io",
    "http://localhost.evil.example",
    "http://localhost@evil.example",
    "http://127.0.0.1:80@evil.example",
    "http://evil.example#@127.0.0.1",
    "http://evil.example?@127.0.0.1",
]


def session_of(provider: str) -> str:
    # A well-formed id, so that the check under test is the base URL's, not the id's.
    return SESSION.get(provider) or ADAPTERS[Provider(provider)].example_session_id


@pytest.fixture(autouse=True)
def _rel_transport_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


def configure(
    monkeypatch: pytest.MonkeyPatch, source: str, provider: str, base_url: str
) -> dict[str, ProviderSettings]:
    """Point ``provider`` at ``base_url`` through settings or the environment."""
    values = {**CREDENTIALS[provider], "base_url": base_url}
    if source == "settings":
        return {provider: ProviderSettings(**values)}
    for field, value in values.items():
        monkeypatch.setenv(VARIABLES[provider][field], value)
    return {}


@pytest.mark.parametrize("base_url", INSECURE)
@pytest.mark.parametrize("source", ["settings", "environment"])
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
def test_credentials_never_go_over_plain_http_to_another_host(
    monkeypatch: pytest.MonkeyPatch, mode: str, provider: str, source: str, base_url: str
) -> None:
    settings = configure(monkeypatch, source, provider, base_url)
    transport = Nowhere()
    with pytest.raises(errors.ConfigurationError) as caught:
        end_with(
            mode,
            provider,
            session_of(provider),
            settings=settings,
            transport=transport,
            max_retries=0,
        )
    assert transport.requests == []
    assert caught.value.provider == provider
    assert VARIABLES[provider]["base_url"] in str(caught.value)


@pytest.mark.parametrize("source", ["settings", "environment"])
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
def test_allow_insecure_http_is_the_only_way_round(
    monkeypatch: pytest.MonkeyPatch, mode: str, provider: str, source: str
) -> None:
    settings = configure(monkeypatch, source, provider, "http://api.example.com")
    transport = Nowhere()  # fails the request without a socket: this test stays on loopback
    with pytest.raises(errors.TransportError):
        end_with(
            mode,
            provider,
            session_of(provider),
            settings=settings,
            transport=transport,
            allow_insecure_http=True,
            max_retries=0,
        )
    assert [str(request.url.host) for request in transport.requests] == ["api.example.com"]
    assert transport.requests[0].url.scheme == "http"


@pytest.fixture(scope="module")
def rel_redirect_servers() -> Iterator[tuple[ScriptedServer, ScriptedServer]]:
    """A vendor that redirects, on 127.0.0.1, and another host, on 127.0.0.2."""
    vendor = ScriptedServer("127.0.0.1").start()
    other = ScriptedServer("127.0.0.2").start()
    try:
        yield vendor, other
    finally:
        vendor.stop()
        other.stop()


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
def test_a_redirect_to_another_host_is_not_followed(
    rel_redirect_servers: tuple[ScriptedServer, ScriptedServer],
    mode: str,
    provider: str,
    status: int,
) -> None:
    vendor, other = rel_redirect_servers
    vendor.seen.clear()
    other.seen.clear()
    vendor.script.status = status
    vendor.script.headers = [("Location", f"{other.url}/stolen"), ("Content-Type", "text/plain")]
    vendor.script.body = b"moved"
    settings = {
        provider: ProviderSettings(**CREDENTIALS[provider], base_url=f"{vendor.url}/{provider}")
    }
    with pytest.raises(errors.UnexpectedResponse) as caught:
        end_with(mode, provider, session_of(provider), settings=settings, max_retries=2)
    assert caught.value.http_status == status
    assert caught.value.attempts == 1
    assert len(vendor.seen) == 1
    assert other.seen == []
    assert f"/{provider}/" in vendor.seen[0].path


@pytest.mark.parametrize("mode", MODES)
def test_the_other_host_would_have_seen_a_followed_redirect(
    rel_redirect_servers: tuple[ScriptedServer, ScriptedServer], mode: str
) -> None:
    # The check above can fail: 127.0.0.2 is reachable and records what it gets.
    _, other = rel_redirect_servers
    other.seen.clear()
    other.script.status = 200
    other.script.headers = [("Content-Type", "application/json")]
    other.script.body = b'{"success": true, "message": "ok"}'
    result = end_with(
        mode, "elizaos", "s-1", settings={"elizaos": ProviderSettings(base_url=other.url)}
    )
    assert result.http_status == 200
    assert [seen.path for seen in other.seen] == ["/api/messaging/sessions/s-1"]
