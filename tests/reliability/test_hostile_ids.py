"""Hostile session ids, on real loopback sockets: each is refused before any request, or sent
as exactly one request to the right endpoint, the id being exactly one path segment (or,
for the body-based vendors, exactly the body's id)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sessionend import EndResult, errors
from sessionend.testing import FakeVendors
from sessionend.testing.vendors import FAKES

from ._rel_support import (
    MODES,
    UUID,
    AsyncCountingTransport,
    CountingTransport,
    clean_environment,
    end_with,
    outcome_of,
)

# The README promises these are refused before any request: empty or whitespace only, "."
# and "..", over 256 characters, control characters; and ids that cannot be UTF-8 encoded
# (lone surrogates) can never be sent at all.
MUST_REFUSE = [
    "",
    " ",
    "\t",
    "\u00a0",
    "\u3000",
    ".",
    "..",
    "\r\n",
    "a\r\nHost: evil.example",
    "a\nb",
    "a\rb",
    "\x00",
    "a\x00b",
    "\x7f",
    "\x1b[31mred",
    "\u0085",
    "x" * 257,
    "a" * 10 * 1024,
    chr(0xD800),  # lone surrogates, built with chr() for the tools' sake
    f"a{chr(0xDFFF)}b",
    chr(0xD83D),
]
# Either refused or sent as one segment: the wrapper may choose, the tests check the wire.
MAY_SEND = [
    "%2e%2e",
    "%2E%2E",
    "%2e",
    ".%2e",
    "%2e.",
    "...",
    ". .",
    "a/../b",
    "../x",
    "./x",
    "x/..",
    "..;/x",
    "?x=1",
    "a?b=c",
    "#frag",
    "a#b",
    "a b",
    " a",
    "a ",
    "/",
    "//",
    "a/b",
    "/etc/passwd",
    "\\",
    "a\\..\\b",
    "..\\x",
    "%",
    "%zz",
    "%2F",
    "a%2Fb",
    "%252e%252e",
    "%00",
    "%0d%0a",
    "http://evil.example/",
    "//evil.example",
    "@evil.example",
    "a;b",
    "a:b",
    "a&b=c",
    "+",
    "=",
    "*",
    "~user",
    "!$&'()*,;=",
    '[]{}|^`"<>',
    "{id}",
    "${jndi:ldap://x}",
    "'; DROP TABLE sessions;--",
    "<script>alert(1)</script>",
    "null",
    "-1",
    "\uff0e\uff0e",  # fullwidth full stops
    "\uff0e",
    "\uff0f",  # fullwidth solidus
    "\uff0e\uff0e\uff0fx",
    "\u2024\u2024",  # one dot leader, twice
    "\u2025",  # two dot leader
    "\u2215",  # division slash
    "\u2044",  # fraction slash
    "\ufe56",  # small question mark
    "\uff03",  # fullwidth number sign
    "\u0430dmin",  # Cyrillic a
    "\u0441\u0435ss\u0456\u043en",  # Cyrillic lookalikes of "session"
    "\u202eabc",  # right-to-left override
    "a\u200bb",  # zero-width space
    "\u200b",
    "\ufeff",  # byte order mark
    "a\u2028b",  # line separator (not a control character)
    "\u00e9",
    "e\u0301",  # combining accent
    "\u00df",
    "\u0130",
    "\ufb01",
    "\U0001f600",  # an emoji
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # emoji joined by zero-width joiners
    "\U0001f1fa\U0001f1f8",  # a flag
    "\U0010ffff",
    "x" * 256,
    "\U0001f600" * 256,
    "conv-123",
]
CORPUS = MUST_REFUSE + MAY_SEND


def must_refuse(session_id: str) -> bool:
    """Whether the documented rules refuse ``session_id`` before any request."""
    return (
        not session_id.strip()
        or session_id in (".", "..")
        or len(session_id) > 256
        or any(unicodedata.category(char) in ("Cc", "Cs") for char in session_id)
    )


def path_endpoints() -> dict[str, tuple[str, str, str]]:
    """Provider: (method, raw path before the id, raw path after it), for every fake whose
    end-session path carries the id; the fakes' base URLs put the provider's name first."""
    endpoints: dict[str, tuple[str, str, str]] = {}
    for provider, fake in FAKES.items():
        if "{id}" not in fake.path:
            continue
        at = fake.path.index("{id}")
        before = "/".join((provider.value, *fake.path[:at]))
        after = "".join(f"/{segment}" for segment in fake.path[at + 1 :])
        endpoints[provider.value] = (fake.method, f"/{before}/", after)
    return endpoints


PATH_ENDPOINTS = path_endpoints()
# RFC 3986 pchar: unreserved, sub-delims, ":" and "@", or a percent-encoded octet.
PCHAR = re.compile(r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+")


def shown(session_id: str) -> str:
    """A short, printable test id."""
    text = ascii(session_id)
    return text if len(text) <= 40 else f"{text[:30]}...len{len(session_id)}"


@pytest.fixture(autouse=True)
def _rel_hostile_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture(scope="module")
def rel_hostile_fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as fakes:
        yield fakes


def counting(mode: str) -> CountingTransport | AsyncCountingTransport:
    return CountingTransport() if mode == "sync" else AsyncCountingTransport()


def check_path_end(fakes: FakeVendors, mode: str, provider: str, session_id: str) -> None:
    """The either/or rule for one id at one path-based provider."""
    vendor = fakes[provider]
    before = vendor.request_count
    transport = counting(mode)
    outcome = outcome_of(
        mode, provider, session_id, settings=fakes.settings(), transport=transport, max_retries=0
    )
    if isinstance(outcome, errors.InvalidSessionId):
        assert transport.urls == [], "refused, but a request went out"
        assert vendor.request_count == before
        assert outcome.provider == provider
        return
    assert not must_refuse(session_id), f"{session_id!r} was not refused: {outcome!r}"
    assert isinstance(outcome, EndResult | errors.SessionEndError)
    assert len(transport.urls) == 1, transport.urls
    assert vendor.request_count == before + 1, "the request did not reach the endpoint"
    received = vendor.received[-1]
    method, prefix, suffix = PATH_ENDPOINTS[provider]
    assert received.method == method
    raw = received.raw_path
    assert transport.urls[0].raw_path == raw.encode("ascii"), "what arrived is not what was sent"
    assert raw.startswith(prefix), raw
    assert raw.endswith(suffix), raw
    segment = raw[len(prefix) : len(raw) - len(suffix)]
    assert PCHAR.fullmatch(segment), f"not one clean segment: {segment!r}"
    assert not {"/", "?", "#"} & set(segment)
    assert unquote(segment, errors="strict") == session_id


@pytest.mark.parametrize("session_id", CORPUS, ids=shown)
@pytest.mark.parametrize("provider", sorted(PATH_ENDPOINTS))
@pytest.mark.parametrize("mode", MODES)
def test_a_hostile_id_is_refused_or_sent_as_one_segment(
    rel_hostile_fakes: FakeVendors, mode: str, provider: str, session_id: str
) -> None:
    check_path_end(rel_hostile_fakes, mode, provider, session_id)


@pytest.mark.parametrize("session_id", CORPUS, ids=shown)
@pytest.mark.parametrize("mode", MODES)
def test_akool_sends_a_hostile_id_exactly_in_the_body(
    rel_hostile_fakes: FakeVendors, mode: str, session_id: str
) -> None:
    vendor = rel_hostile_fakes["akool"]
    before = vendor.request_count
    transport = counting(mode)
    outcome = outcome_of(
        mode,
        "akool",
        session_id,
        settings=rel_hostile_fakes.settings(),
        transport=transport,
        max_retries=0,
    )
    if isinstance(outcome, errors.InvalidSessionId):
        assert transport.urls == []
        assert vendor.request_count == before
        return
    assert not must_refuse(session_id), f"{session_id!r} was not refused: {outcome!r}"
    assert len(transport.urls) == 1
    assert vendor.request_count == before + 1
    received = vendor.received[-1]
    assert (received.method, received.raw_path) == (
        "POST",
        "/akool/api/open/v4/liveAvatar/session/close",
    )
    assert json.loads(received.body) == {"id": session_id}


LIVEAVATAR_REFUSED = [
    "{" + UUID + "}",
    "urn:uuid:" + UUID,
    UUID.replace("-", ""),
    UUID[:8] + UUID[9:13] + "-" + UUID[8] + UUID[13:],  # a dash moved
    "+" + UUID.replace("-", "")[:26] + "_" + UUID.replace("-", "")[26:30],  # int() syntax
    " " + UUID.replace("-", "")[:30] + " ",  # int() strips whitespace
    "\uff13" + UUID[1:],  # a fullwidth digit, which int() reads as 3
    UUID + "\n",
    UUID + " ",
    UUID[:-1],
    UUID + "0",
    "00000000-0000-0000-0000-00000000000g",
]


@pytest.mark.parametrize("session_id", CORPUS + LIVEAVATAR_REFUSED, ids=shown)
@pytest.mark.parametrize("mode", MODES)
def test_liveavatar_refuses_anything_but_a_uuid_before_any_request(
    rel_hostile_fakes: FakeVendors, mode: str, session_id: str
) -> None:
    vendor = rel_hostile_fakes["liveavatar"]
    before = vendor.request_count
    transport = counting(mode)
    with pytest.raises(errors.InvalidSessionId):
        end_with(
            mode,
            "liveavatar",
            session_id,
            settings=rel_hostile_fakes.settings(),
            transport=transport,
        )
    assert transport.urls == []
    assert vendor.request_count == before


@pytest.mark.parametrize("session_id", [UUID, UUID.upper(), UUID[:18] + UUID[18:].upper()])
@pytest.mark.parametrize("mode", MODES)
def test_liveavatar_sends_a_uuid_exactly_in_the_body(
    rel_hostile_fakes: FakeVendors, mode: str, session_id: str
) -> None:
    vendor = rel_hostile_fakes["liveavatar"]
    rel_hostile_fakes.create_session("liveavatar", session_id.lower())
    result = outcome_of(mode, "liveavatar", session_id, settings=rel_hostile_fakes.settings())
    assert isinstance(result, EndResult), result
    body = json.loads(vendor.received[-1].body)
    # UUIDs are case-insensitive (RFC 9562); the canonical form is lower case.
    assert body["session_id"] == session_id.lower()
    assert result.session_id == session_id


PRINTABLE = st.characters(codec=None, exclude_categories=("Cc", "Cs"))
PATH_TRICKS = st.sampled_from(
    [*"./\\%?#&=;:@+ ~", "%2e", "%2F", "%25", "..", "\uff0e", "\uff0f", "\u202e", "\u200b"]
)
ANY_ID = st.one_of(
    st.text(PRINTABLE, max_size=64),
    st.lists(st.one_of(PATH_TRICKS, st.characters(codec="ascii")), max_size=24).map("".join),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=40),  # surrogates too
    st.text(PRINTABLE, min_size=250, max_size=262),  # around the length limit
)


@settings(
    derandomize=True,
    database=None,
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(session_id=ANY_ID, provider=st.sampled_from(sorted(PATH_ENDPOINTS)))
def test_any_text_id_is_refused_or_sent_as_one_segment(
    rel_hostile_fakes: FakeVendors, session_id: str, provider: str
) -> None:
    for mode in MODES:
        check_path_end(rel_hostile_fakes, mode, provider, session_id)


def test_the_corpus_matches_the_documented_rules() -> None:
    assert all(must_refuse(session_id) for session_id in MUST_REFUSE)
    assert not any(must_refuse(session_id) for session_id in MAY_SEND)
