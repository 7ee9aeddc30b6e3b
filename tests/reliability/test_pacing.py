"""Ending at the vendors' pace, on real sockets against rate-limited fakes, both enders.

A throttle is a pace to keep: no end is lost to throttling before its deadline, whatever the
vendor's signal (429 with Retry-After, ElizaOS's RateLimit-Reset, Akool's code 1005); a
throttled vendor never holds back another; throttles are counted apart from retries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sessionend import AsyncSessionEnder, EndResult, Outcome, Provider, SessionEnder, errors
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors

from ._rel_support import MODES, clean_environment

Item = EndResult | errors.SessionEndError


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def run_many(
    mode: str,
    fakes: FakeVendors,
    targets: list[tuple[Provider, str]],
    concurrency: int,
    **options: object,
) -> list[Item]:
    """Every item of one end_many, in the order they came."""
    if mode == "sync":
        with SessionEnder(settings=fakes.settings(), **options) as ender:  # type: ignore[arg-type]
            return list(ender.end_many(targets, concurrency=concurrency))

    async def run() -> list[Item]:
        async with AsyncSessionEnder(settings=fakes.settings(), **options) as ender:  # type: ignore[arg-type]
            return [item async for item in ender.end_many(targets, concurrency=concurrency)]

    return asyncio.run(run())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", list(ADAPTERS))
def test_no_end_is_lost_to_throttling(mode: str, provider: Provider, fakes: FakeVendors) -> None:
    """40 ends at concurrency 16 against 20 requests a second: every one ENDED."""
    fakes.limit(provider, 20, per=1.0)
    ids = fakes.create_sessions(provider, 40)
    items = run_many(mode, fakes, [(provider, i) for i in ids], 16)
    assert [getattr(item, "outcome", item) for item in items] == [Outcome.ENDED] * 40
    results = [item for item in items if isinstance(item, EndResult)]
    # Every request was counted, throttled or not.
    assert fakes[provider].request_count == sum(result.attempts for result in results)
    # Throttles are waited out, not retried: besides its throttled answers every end took
    # its clean requests (two at OpenHands V1, the lookup and the pause; three where the
    # pause was throttled and the end started again from the lookup).
    steps = {result.attempts - result.throttled for result in results}
    assert steps <= {1, 2, 3}
    assert sum(result.throttled for result in results) == fakes[provider].request_count - sum(
        result.attempts - result.throttled for result in results
    )


@pytest.mark.parametrize("mode", MODES)
def test_without_pacing_the_same_run_loses_ends(mode: str, fakes: FakeVendors) -> None:
    """The contrast that shows what the pace is for: throttles used up as retries."""
    fakes.limit("akool", 5, per=1.0)
    ids = fakes.create_sessions("akool", 40)
    items = run_many(mode, fakes, [(Provider.AKOOL, i) for i in ids], 16, pacing="off")
    assert any(isinstance(item, errors.RateLimited) for item in items)


@pytest.mark.parametrize("mode", MODES)
def test_a_throttled_vendor_never_holds_back_another(mode: str, fakes: FakeVendors) -> None:
    """Akool at 4 requests a second, ElizaOS free: ElizaOS's ends all finish first."""
    fakes.limit("akool", 4, per=1.0)
    slow = [(Provider.AKOOL, i) for i in fakes.create_sessions("akool", 12)]
    fast = [(Provider.ELIZAOS, i) for i in fakes.create_sessions("elizaos", 20)]
    items = run_many(mode, fakes, slow + fast, 4)
    assert all(isinstance(item, EndResult) for item in items), items
    order = [item.provider for item in items if isinstance(item, EndResult)]
    last_fast = max(n for n, provider in enumerate(order) if provider is Provider.ELIZAOS)
    assert order[: last_fast + 1].count(Provider.AKOOL) < len(slow) // 2


@pytest.mark.parametrize("mode", MODES)
def test_a_vendors_wait_pauses_its_whole_lane(mode: str, fakes: FakeVendors) -> None:
    """One Retry-After of 2 s, heard by the first end, holds back every end after it."""
    fakes.limit("liveavatar", 1, per=2.0)
    ids = fakes.create_sessions("liveavatar", 3)
    items = run_many(mode, fakes, [(Provider.LIVEAVATAR, i) for i in ids], 3)
    results = [item for item in items if isinstance(item, EndResult)]
    assert len(results) == 3
    # Three windows of one request each: the pace waited out two pauses, not three ends
    # hammering in parallel (each end would then see many throttles).
    assert fakes["liveavatar"].request_count - 3 <= 4
