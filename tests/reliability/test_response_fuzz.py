"""Whatever a vendor answers on a real socket, an end yields an EndResult or a SessionEndError,
never another exception, through both enders.

Statuses are 200 to 599. The 1xx statuses are left out on purpose: they are interim answers,
so an HTTP/1.1 client reads past them waiting for a final one (the end would only time out),
and 101 switches the connection to another protocol.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Iterator

import pytest
import sessionend._async
import sessionend._sync
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sessionend import (
    AsyncSessionEnder,
    EndResult,
    Provider,
    ProviderSettings,
    SessionEnder,
    errors,
)
from sessionend.providers import ADAPTERS

from ._rel_support import (
    UUID,
    AsyncCountingTransport,
    CountingTransport,
    Script,
    ScriptedServer,
    clean_environment,
)

MAX_RETRIES = 1
MAX_RETRY_WAIT = 30.0
DEADLINE = 5.0
"""Seconds an end may take: throttles are waited out at the provider's pace until then."""
SESSION = {"liveavatar": UUID}
# Every registered vendor, with made-up credentials named after it.
CREDENTIALS = {
    provider.value: {
        credential.name: f"fuzz-{provider.value}-{credential.name}"
        for credential in adapter.credentials
    }
    for provider, adapter in ADAPTERS.items()
}

JSON_LEAF = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
JSON = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
# Shaped like the vendors' answers, so the adapters' own branches are reached.
VENDORISH = st.fixed_dictionaries(
    {},
    optional={
        "code": st.sampled_from([100, 1000, 1003, 1005, 1008, 1011, 1101, 1200, 0, -1]) | JSON_LEAF,
        "msg": JSON_LEAF,
        "message": st.sampled_from(["Conversation was not running", "ok"]) | JSON_LEAF,
        "status": st.sampled_from(["ok", "error"]) | JSON_LEAF,
        "success": JSON_LEAF,
        "conversation_status": st.sampled_from(["RUNNING", "STARTING", "STOPPED"]) | JSON_LEAF,
        "data": JSON,
        "detail": JSON,
    },
)
BODY = st.one_of(
    st.binary(max_size=300),
    JSON.map(lambda value: json.dumps(value).encode()),
    VENDORISH.map(lambda value: json.dumps(value).encode()),
    st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")),
)
HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
WAITS = st.sampled_from(["0", "1", "0.5", "-1", "nan", "inf", "1e309", "99999", "abc", ""])
DATES = st.sampled_from(
    ["Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 01 Jan 9999 00:00:00 GMT", "Mon, 99 Foo 2020", ""]
)
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Content-Type": st.sampled_from(
            ["application/json", "text/plain", "text/html", "application/json; charset=utf-16"]
        )
        | HEADER_TEXT,
        "Retry-After": WAITS | DATES | HEADER_TEXT,
        "retry-after-ms": WAITS | HEADER_TEXT,
        "RateLimit-Reset": WAITS | HEADER_TEXT,
        "Content-Encoding": st.sampled_from(["gzip", "deflate", "br", "identity", "bogus"]),
        "Location": st.sampled_from(["http://127.0.0.2:9/x", "/elsewhere"]) | HEADER_TEXT,
    },
)
STATUS = st.sampled_from([200, 201, 204, 301, 304, 307, 401, 404, 405, 408, 422, 429, 503])
STATUS = STATUS | st.integers(200, 599)


@pytest.fixture(autouse=True)
def _rel_fuzz_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    clean_environment(monkeypatch)
    waits: list[float] = []

    def record(seconds: float) -> None:
        waits.append(seconds)

    async def record_async(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(sessionend._sync, "_sleep", record)
    monkeypatch.setattr(sessionend._async, "_sleep", record_async)
    yield waits
    # Any wait the enders asked for was one time.sleep and asyncio.sleep accept, and bounded.
    assert all(math.isfinite(wait) and 0 <= wait <= MAX_RETRY_WAIT for wait in waits), [
        wait for wait in waits if not (math.isfinite(wait) and 0 <= wait <= MAX_RETRY_WAIT)
    ]


@pytest.fixture(scope="module")
def rel_fuzz_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        server.stop()


def end_both(server: ScriptedServer, provider: str) -> list[object]:
    """End once with each ender; return what each ended with."""
    session = SESSION.get(provider) or ADAPTERS[Provider(provider)].example_session_id
    settings = {provider: ProviderSettings.of(CREDENTIALS[provider], base_url=server.url)}
    outcomes: list[object] = []
    sent: list[int] = []
    server.seen.clear()
    transport = CountingTransport()
    with SessionEnder(
        transport=transport,
        settings=settings,
        timeout=5.0,
        max_retries=MAX_RETRIES,
        max_retry_wait=MAX_RETRY_WAIT,
        deadline=DEADLINE,
    ) as ender:
        try:
            outcomes.append(ender.end(provider, session))
        except errors.SessionEndError as error:
            outcomes.append(error)
    sent.append(len(transport.urls))

    async def run() -> None:
        transport = AsyncCountingTransport()
        async with AsyncSessionEnder(
            transport=transport,
            settings=settings,
            timeout=5.0,
            max_retries=MAX_RETRIES,
            max_retry_wait=MAX_RETRY_WAIT,
            deadline=DEADLINE,
        ) as ender:
            try:
                outcomes.append(await ender.end(provider, session))
            except errors.SessionEndError as error:
                outcomes.append(error)
        sent.append(len(transport.urls))

    asyncio.run(run())
    assert sum(sent) == len(server.seen)
    # One try per attempt, plus Digital Samba's single GET after a 405; throttles are waited
    # out at the provider's pace, at most one a second, until the deadline.
    assert all(1 <= count <= MAX_RETRIES + 2 + 20 for count in sent), sent
    return outcomes


@settings(
    derandomize=True,
    database=None,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    provider=st.sampled_from(sorted(CREDENTIALS)),
    status=STATUS,
    headers=HEADERS,
    body=BODY,
)
def test_any_answer_ends_in_a_result_or_a_sessionend_error(
    rel_fuzz_server: ScriptedServer,
    provider: str,
    status: int,
    headers: dict[str, str],
    body: bytes,
) -> None:
    rel_fuzz_server.script = Script(status, list(headers.items()), body)
    for outcome in end_both(rel_fuzz_server, provider):
        # Anything else escaped as an exception and failed the test already.
        assert isinstance(outcome, EndResult | errors.SessionEndError)
        assert outcome.provider == provider
        if isinstance(outcome, EndResult):
            assert outcome.http_status == status
            assert 1 <= outcome.attempts <= MAX_RETRIES + 2
        else:
            assert outcome.http_status in (status, None), outcome
            assert str(outcome)


@pytest.mark.parametrize(
    "script",
    [
        Script(200, [("Content-Type", "application/json")], b'{"code": 10'),
        Script(200, [("Content-Encoding", "gzip")], b"not gzip at all"),
        Script(429, [("Retry-After", "nan")], b""),
        Script(503, [("Retry-After", "Fri, 01 Jan 9999 00:00:00 GMT")], b"\xff\xfe"),
        Script(299, [], b"[1, 2, 3]"),
        Script(599, [], b'{"status": "error"}'),
    ],
    ids=["truncated json", "bad gzip", "nan wait", "far date", "odd 2xx", "599"],
)
@pytest.mark.parametrize("provider", sorted(CREDENTIALS))
def test_known_awkward_answers(
    rel_fuzz_server: ScriptedServer, provider: str, script: Script
) -> None:
    rel_fuzz_server.script = script
    for outcome in end_both(rel_fuzz_server, provider):
        assert isinstance(outcome, EndResult | errors.SessionEndError)
