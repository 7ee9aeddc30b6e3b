"""What no path may do on its own: resend, send cookies back, follow redirects, read on.

Each test runs SessionEnder, AsyncSessionEnder's default aiohttp sender and
AsyncSessionEnder on an httpx transport against a raw loopback server that scripts the
answers and counts what arrives.
"""

from __future__ import annotations

import httpx
import pytest
from sessionend import EndResult, Outcome, Provider, errors
from sessionend._defaults import MAX_BODY

from tests.support import clear_provider_environment
from tests.transport.loopback import PATHS, RawServer, Reply, Seen, answer, end_all, settings_for

JSON = [("Content-Type", "application/json")]
ELIZA_ENDED = answer(200, b'{"success":true,"message":"Session deleted"}', JSON)
ELIZA_NOT_FOUND = answer(
    404, b'{"success":false,"error":{"code":"NOT_FOUND","message":"Session not found"}}', JSON
)


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_provider_environment(monkeypatch)
    monkeypatch.setenv("OPENHANDS_API", "v0")  # the scripted answers are V0's
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize("path", PATHS)
def test_a_request_dropped_on_a_reused_connection_is_one_attempt_with_an_unknown_outcome(
    path: str,
) -> None:
    # aiohttp resends an idempotent request (a DELETE) by itself when a kept-alive
    # connection drops; the vendor may have acted on the first, so the resend must be
    # sessionend's counted retry, and a 404 after it means the first one ended the session.
    def reply(seen: Seen, index: int) -> Reply:
        if index == 0:
            return Reply(ELIZA_ENDED)  # keeps the connection alive for the next end
        if index == 1:
            return Reply(close=True)  # read, then gone without an answer
        return Reply(ELIZA_NOT_FOUND)

    targets = [(Provider.ELIZAOS, "warm-up"), (Provider.ELIZAOS, "target")]
    with RawServer(reply) as server:
        outcomes = end_all(path, settings_for(server.url, [Provider.ELIZAOS]), targets)
    first, second = outcomes
    assert isinstance(first, EndResult) and first.outcome is Outcome.ENDED
    assert isinstance(second, EndResult), second
    assert (second.outcome, second.attempts) == (Outcome.ALREADY_ENDED, 2)
    assert [seen.method for seen in server.seen] == ["DELETE"] * 3
    # The drop came on the reused connection; the retry on a new one.
    assert server.seen[1].connection == server.seen[0].connection
    assert server.seen[2].connection != server.seen[1].connection


@pytest.mark.parametrize("path", PATHS)
def test_cookies_an_answer_sets_are_never_sent_back(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Through the loopback server as a proxy, so the vendor host is a name: cookie jars keep
    # cookies for names, where some refuse them for a bare IP address. A given transport is
    # used as given, without the proxy variables, so that path is handed the proxy itself.
    def reply(seen: Seen, index: int) -> Reply:
        headers = [*JSON, ("Set-Cookie", "vendor_session=abc; Path=/")]
        return Reply(answer(200, b'{"success":true,"message":"Session deleted"}', headers))

    targets = [(Provider.ELIZAOS, "first"), (Provider.ELIZAOS, "second")]
    with RawServer(reply) as server:
        monkeypatch.setenv("HTTP_PROXY", server.url)
        settings = settings_for("http://elizaos.invalid", [Provider.ELIZAOS])
        transport = httpx.AsyncHTTPTransport(proxy=server.url)
        outcomes = end_all(path, settings, targets, allow_insecure_http=True, transport=transport)
    assert all(isinstance(item, EndResult) for item in outcomes), outcomes
    assert [seen.target for seen in server.seen] == [
        "http://elizaos.invalid/api/messaging/sessions/first",
        "http://elizaos.invalid/api/messaging/sessions/second",
    ]
    assert [seen.header("Cookie") for seen in server.seen] == [None, None]


@pytest.mark.parametrize("status", [302, 307])
@pytest.mark.parametrize("path", PATHS)
def test_redirects_are_never_followed(path: str, status: int) -> None:
    # A redirect could take the credential header to another host.
    with RawServer(lambda seen, index: Reply(ELIZA_ENDED)) as server:

        def reply(seen: Seen, index: int) -> Reply:
            if index == 0:
                return Reply(answer(status, headers=[("Location", f"{server.url}/elsewhere")]))
            return Reply(ELIZA_ENDED)

        server.reply = reply
        outcomes = end_all(
            path, settings_for(server.url, [Provider.ELIZAOS]), [(Provider.ELIZAOS, "s")]
        )
    assert [seen.target for seen in server.seen] == ["/api/messaging/sessions/s"]
    (outcome,) = outcomes
    assert isinstance(outcome, errors.UnexpectedResponse), outcome
    assert (outcome.http_status, outcome.attempts) == (status, 1)


def _too_long(chunked: bool) -> bytes:
    """The start of a 200 answer longer than MAX_BODY; the server sends no more of it."""
    if not chunked:
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {10 * MAX_BODY}\r\n\r\n".encode()
        return head + b"x" * 1024
    chunk = b"x" * 65536
    chunks = b"%x\r\n%s\r\n" % (len(chunk), chunk) * (MAX_BODY // len(chunk) + 1)
    return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("path", PATHS)
def test_a_body_over_the_bound_is_never_read_past_it(path: str, chunked: bool) -> None:
    # The server sends the head and at most a little over MAX_BODY, then holds the
    # connection silent: a sender that read on would wait for the rest and time out.
    with RawServer(lambda seen, index: Reply(_too_long(chunked), stall=True)) as server:
        outcomes = end_all(
            path,
            settings_for(server.url, [Provider.OPENHANDS]),
            [(Provider.OPENHANDS, "c")],
            max_retries=0,
            timeout=5,
        )
    (outcome,) = outcomes
    assert isinstance(outcome, errors.UnexpectedResponse), outcome
    assert outcome.http_status == 200
    assert str(MAX_BODY) in str(outcome)
