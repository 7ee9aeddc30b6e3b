"""Every path sends the same request: the vendor cannot tell which ender it came from.

For every provider in the registry and ids that stress percent-encoding, SessionEnder,
AsyncSessionEnder on aiohttp and AsyncSessionEnder on an httpx transport must send the same
request line (the id encoded exactly once), the same headers and the same body bytes.
"""

from __future__ import annotations

import pytest
from sessionend import EndReason, Provider, errors
from sessionend.providers import ADAPTERS, Adapter, Request

from tests.transport.loopback import PATHS, RawServer, Reply, Seen, answer, end_all, settings_for

# Valid ids that a careless encoder sends wrongly: a path parameter (;), a scheme or port
# separator (:), userinfo (@), a quote, a space, non-ASCII, and one already percent-encoded.
REASON = EndReason.USER_CLOSED
HOSTILE_IDS = ("a;b", "a:b", "@x", "a'b", "a b", "\u00fc", "%41")


def _ids(adapter: type[Adapter]) -> list[str]:
    """The hostile ids the vendor accepts, and its example id."""
    accepted = []
    for session_id in HOSTILE_IDS:
        try:
            adapter().check_session_id(session_id)
        except errors.InvalidSessionId:
            continue
        accepted.append(session_id)
    return [*accepted, adapter.example_session_id]


TARGETS = [(provider, sid) for provider, adapter in ADAPTERS.items() for sid in _ids(adapter)]


def _comparable(seen: Seen) -> tuple[str, str, list[tuple[str, str]], bytes]:
    # Header order is the client library's business; names keep the case they were sent in.
    return seen.method, seen.target, sorted(seen.headers, key=lambda h: h[0].lower()), seen.body


@pytest.fixture(scope="module")
def sent() -> dict[str, list[Seen]]:
    """What arrived from each path, all at one server (so even the Host header compares)."""
    found: dict[str, list[Seen]] = {}
    # 405 to everything: Digital Samba then sends its other method, so both are compared.
    with RawServer(lambda seen, index: Reply(answer(405))) as server:
        settings = settings_for(server.url, list(ADAPTERS))
        for path in PATHS:
            before = len(server.seen)
            outcomes = end_all(path, settings, TARGETS, max_retries=0)
            assert all(isinstance(item, errors.SessionEndError) for item in outcomes), outcomes
            found[path] = server.seen[before:]
    return found


def test_every_provider_and_id_is_covered(sent: dict[str, list[Seen]]) -> None:
    assert {provider for provider, _ in TARGETS} == set(ADAPTERS)
    hostile_covered = {sid for _, sid in TARGETS} & set(HOSTILE_IDS)
    assert hostile_covered == set(HOSTILE_IDS)
    # One request per end, and both of Digital Samba's methods.
    extra = sum(1 for provider, _ in TARGETS if provider is Provider.DIGITALSAMBA)
    assert len(sent["sync"]) == len(TARGETS) + extra
    assert {seen.method for seen in sent["sync"]} >= {"POST", "GET", "DELETE"}


@pytest.mark.parametrize("path", [p for p in PATHS if p != "sync"])
def test_the_async_paths_send_what_the_sync_path_sends(
    sent: dict[str, list[Seen]], path: str
) -> None:
    assert [_comparable(seen) for seen in sent[path]] == [
        _comparable(seen) for seen in sent["sync"]
    ]


@pytest.mark.parametrize("path", PATHS)
def test_ids_are_percent_encoded_exactly_once(sent: dict[str, list[Seen]], path: str) -> None:
    targets = {seen.target for seen in sent[path]}
    # In the path: the generated clients' encoding, untouched by the HTTP client.
    assert any("/a%3Bb" in target for target in targets)
    assert not any(";" in target or "'" in target or " " in target for target in targets)
    assert any("/%2541" in target for target in targets)  # the % itself, encoded once
    assert any("/%C3%BC" in target for target in targets)
    assert any("/%40x" in target for target in targets) and any("/a%3Ab" in t for t in targets)


@pytest.mark.parametrize("path", PATHS)
def test_what_arrives_is_what_the_adapter_describes(sent: dict[str, list[Seen]], path: str) -> None:
    expected: list[tuple[Adapter, Request]] = []
    for provider, session_id in TARGETS:
        adapter = ADAPTERS[provider]()
        first = adapter.request(session_id, REASON)
        expected.append((adapter, first))
        if provider is Provider.DIGITALSAMBA:  # the server answers 405: the fallback follows
            expected.append((adapter, adapter.request(session_id, REASON, after=first)))
    assert len(sent[path]) == len(expected)
    for seen, (adapter, request) in zip(sent[path], expected, strict=True):
        assert (seen.method, seen.target) == (request.method, request.path)
        assert seen.body == (request.body or b"")
        values = {credential.name: f"{credential.name}-value" for credential in adapter.credentials}
        for name, value in {**adapter.auth_headers(values), **request.headers}.items():
            assert seen.header(name) == value, (adapter.provider, name)
        assert seen.header("Cookie") is None
