"""One ender shared by many threads or tasks ends every session exactly once; closing is
idempotent and a closed ender says so."""

from __future__ import annotations

import asyncio
import collections
import threading
from urllib.parse import unquote

import pytest
from sessionend import AsyncSessionEnder, EndResult, Outcome, SessionEnder
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors, SessionState
from sessionend.testing.vendors import Received
from sessionend.testing.vendors.openhands import FakeOpenHands

from ._rel_support import TIMEOUT, clean_environment

PROVIDERS = tuple(provider.value for provider in ADAPTERS)
THREADS = 16
PER_THREAD = 50
TASKS = 200


@pytest.fixture(autouse=True)
def _rel_sharing_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


def received_ids(fakes: FakeVendors, provider: str) -> collections.Counter[str]:
    """How many end requests each session id got at one fake."""
    counts: collections.Counter[str] = collections.Counter()
    for received in fakes[provider].received:
        if provider == "openhands":
            # V1: each end is one lookup (the id in the query) and one pause of its sandbox.
            path, _, query = received.raw_path.partition("?")
            if query:
                counts[unquote(query.removeprefix("ids="))] += 1
            else:
                counts[_conversation_of(fakes, unquote(path.split("/")[-2]))] += 1
        else:
            counts[named_session(fakes, provider, received)] += 1
    return counts


def named_session(fakes: FakeVendors, provider: str, received: Received) -> str:
    """The session one request names (in its path or body), read as the fake's routes read
    it: the vendor's own description of its endpoint, not a copy of it here."""
    fake = fakes[provider]
    path, _, query = received.raw_path.partition("?")
    segments = [unquote(part) for part in path.split("/")[2:]]  # below "/<provider>"
    route = fake.route(segments, query)
    assert route is not None, received.raw_path
    session_id = fake.session_id_for(route, received.body, received.headers)
    assert isinstance(session_id, str), session_id
    return session_id


def _conversation_of(fakes: FakeVendors, sandbox_id: str) -> str:
    fake = fakes["openhands"]
    assert isinstance(fake, FakeOpenHands)
    conversation = fake.conversation_of(sandbox_id)
    assert conversation is not None
    return conversation


CLEAN_ATTEMPTS = {"openhands": 2}
"""Requests one clean end takes, where not one: OpenHands V1 looks up, then pauses."""
REQUESTS_PER_END = CLEAN_ATTEMPTS
"""Requests each session gets at its fake, where not one."""


def make_targets(fakes: FakeVendors, count: int) -> list[tuple[str, str]]:
    return [
        (provider, fakes.create_session(provider))
        for provider in (PROVIDERS[index % len(PROVIDERS)] for index in range(count))
    ]


def check_each_ended_once(
    fakes: FakeVendors, targets: list[tuple[str, str]], results: list[EndResult]
) -> None:
    assert len(results) == len(targets)
    assert sorted((result.provider.value, result.session_id) for result in results) == sorted(
        targets
    )
    assert {result.outcome for result in results} == {Outcome.ENDED}
    for result in results:
        assert result.attempts == CLEAN_ATTEMPTS.get(result.provider.value, 1)
    for provider, session_id in targets:
        assert fakes.state(provider, session_id) is SessionState.ENDED
    for provider in PROVIDERS:
        expected = {session_id for name, session_id in targets if name == provider}
        counts = received_ids(fakes, provider)
        assert set(counts) == expected
        assert set(counts.values()) == {REQUESTS_PER_END.get(provider, 1)}


def test_one_sessionender_shared_by_sixteen_threads(fake_vendors: FakeVendors) -> None:
    targets = make_targets(fake_vendors, THREADS * PER_THREAD)
    results: list[EndResult] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def work(mine: list[tuple[str, str]]) -> None:
        try:
            start.wait(timeout=10)
            for provider, session_id in mine:
                result = ender.end(provider, session_id)
                # Each result belongs to the end that asked for it, not a neighbour's.
                assert (result.provider.value, result.session_id) == (provider, session_id)
                with lock:
                    results.append(result)
        except BaseException as error:
            with lock:
                failures.append(error)

    with SessionEnder(settings=fake_vendors.settings(), timeout=TIMEOUT) as ender:
        threads = [
            threading.Thread(target=work, args=(targets[index::THREADS],))
            for index in range(THREADS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    check_each_ended_once(fake_vendors, targets, results)


def test_one_asyncsessionender_shared_by_many_tasks(fake_vendors: FakeVendors) -> None:
    targets = make_targets(fake_vendors, TASKS)

    async def one(ender: AsyncSessionEnder, provider: str, session_id: str) -> EndResult:
        result = await ender.end(provider, session_id)
        assert (result.provider.value, result.session_id) == (provider, session_id)
        return result

    async def main() -> list[EndResult]:
        async with AsyncSessionEnder(settings=fake_vendors.settings(), timeout=TIMEOUT) as ender:
            return await asyncio.wait_for(
                asyncio.gather(*(one(ender, *target) for target in targets)), timeout=60
            )

    check_each_ended_once(fake_vendors, targets, asyncio.run(main()))


def test_end_many_on_threads_and_tasks_at_once_share_one_ender(fake_vendors: FakeVendors) -> None:
    # Four end_many runs over one shared ender of each kind, concurrently.
    sync_targets = make_targets(fake_vendors, 200)
    async_targets = make_targets(fake_vendors, 200)
    sync_items: list[object] = []

    with SessionEnder(settings=fake_vendors.settings(), timeout=TIMEOUT) as ender:

        def drain(part: list[tuple[str, str]]) -> None:
            sync_items.extend(ender.end_many(part, concurrency=8))

        threads = [
            threading.Thread(target=drain, args=(sync_targets[index::4],)) for index in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    async def main() -> list[object]:
        async with AsyncSessionEnder(settings=fake_vendors.settings(), timeout=TIMEOUT) as ender:

            async def drain(part: list[tuple[str, str]]) -> list[object]:
                return [item async for item in ender.end_many(part, concurrency=8)]

            parts = await asyncio.gather(*(drain(async_targets[index::4]) for index in range(4)))
            return [item for part in parts for item in part]

    async_items = asyncio.run(main())
    for items in (sync_items, async_items):
        assert all(isinstance(item, EndResult) for item in items), items
    check_each_ended_once(
        fake_vendors,
        sync_targets + async_targets,
        [item for item in sync_items + async_items if isinstance(item, EndResult)],
    )


def test_sessionender_close_twice_then_use(fake_vendors: FakeVendors) -> None:
    session = fake_vendors.create_session("akool")
    ender = SessionEnder(settings=fake_vendors.settings(), timeout=TIMEOUT)
    assert ender.end("akool", session).outcome is Outcome.ENDED
    ender.close()
    ender.close()
    with ender:  # leaving the block closes it a third time
        pass
    assert "closed" in repr(ender)
    other = fake_vendors.create_session("akool")
    with pytest.raises(RuntimeError, match="SessionEnder is closed"):
        ender.end("akool", other)
    with pytest.raises(RuntimeError, match="SessionEnder is closed"):
        ender.end(
            "openhands", "3b9f2c51a7d04e6f8c1a2b3c4d5e6f70"
        )  # a provider whose client was never built
    with pytest.raises(RuntimeError, match="SessionEnder is closed"):
        ender.end_many([("akool", other)])
    assert fake_vendors.state("akool", other) is SessionState.ACTIVE
    assert fake_vendors["akool"].request_count == 1


def test_sessionender_closed_before_any_use() -> None:
    ender = SessionEnder(settings={})
    ender.close()
    ender.close()
    with pytest.raises(RuntimeError, match="SessionEnder is closed"):
        ender.end("elizaos", "s-1")


def test_asyncsessionender_close_twice_then_use(fake_vendors: FakeVendors) -> None:
    session = fake_vendors.create_session("akool")
    other = fake_vendors.create_session("akool")

    async def main() -> None:
        ender = AsyncSessionEnder(settings=fake_vendors.settings(), timeout=TIMEOUT)
        assert (await ender.end("akool", session)).outcome is Outcome.ENDED
        await ender.aclose()
        await ender.aclose()
        async with ender:
            pass
        assert "closed" in repr(ender)
        with pytest.raises(RuntimeError, match="AsyncSessionEnder is closed"):
            await ender.end("akool", other)
        with pytest.raises(RuntimeError, match="AsyncSessionEnder is closed"):
            await ender.end("openhands", "3b9f2c51a7d04e6f8c1a2b3c4d5e6f70")
        with pytest.raises(RuntimeError, match="AsyncSessionEnder is closed"):
            [item async for item in ender.end_many([("akool", other)])]

    asyncio.run(main())
    assert fake_vendors.state("akool", other) is SessionState.ACTIVE
    assert fake_vendors["akool"].request_count == 1
