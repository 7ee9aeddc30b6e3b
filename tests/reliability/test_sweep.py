"""Sweeps on real sockets against the fakes, both enders: correct while sessions start and end
during the paging (each vendor's paging style), by the vendor's clock, with a list that fails
or breaks its spec, and with nothing to sweep."""

from __future__ import annotations

import asyncio
import collections
import datetime
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
import sessionend._async
import sessionend._sync
from sessionend import (
    AsyncSessionEnder,
    EndResult,
    LiveSession,
    Outcome,
    Provider,
    SessionEnder,
    Skipped,
    errors,
)
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors, Fault, SessionState
from sessionend.testing.vendors import Reply, Vendor

from ._rel_support import MODES, clean_environment, no_retry_sleep

LISTING = [provider for provider, adapter in ADAPTERS.items() if adapter.lists_sessions]
NOW = datetime.datetime.now(datetime.UTC)
OLD = NOW - datetime.timedelta(hours=2)
HALF_HOUR = datetime.timedelta(minutes=30)
Item = EndResult | errors.SessionEndError | LiveSession


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)
    no_retry_sleep(monkeypatch)


@pytest.fixture
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def sweep(
    mode: str, fakes: FakeVendors, providers: list[Provider], **options: Any
) -> tuple[list[Item], list[Skipped]]:
    skipped: list[Skipped] = []
    options.setdefault("older_than", HALF_HOUR)
    if mode == "sync":
        with SessionEnder(settings=fakes.settings()) as ender:
            return list(ender.sweep(providers, on_skip=skipped.append, **options)), skipped

    async def run() -> list[Item]:
        async with AsyncSessionEnder(settings=fakes.settings()) as ender:
            return [
                item async for item in ender.sweep(providers, on_skip=skipped.append, **options)
            ]

    return asyncio.run(run()), skipped


def churn_between_pages(vendor: Vendor, change: Callable[[int], None]) -> None:
    """Run ``change(n)`` just before the fake answers its n-th list request (from 1)."""
    answer = vendor.listed
    calls = collections.Counter[str]()

    def listed(query: Mapping[str, str]) -> Reply:
        calls["n"] += 1
        change(calls["n"])
        return answer(query)

    vendor.listed = listed  # type: ignore[method-assign]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", LISTING)
def test_churn_during_paging_never_skips_or_repeats(
    mode: str, provider: Provider, fakes: FakeVendors
) -> None:
    """250 stale sessions; while the sweep pages, someone else ends 30 of those already
    listed (shifting offset pages) and 20 new ones start: every stale one still live is
    ended once, the new ones are left alone."""
    vendor = fakes[provider]
    stale = fakes.create_sessions(provider, 250, started_at=OLD)
    listed_first = stale[-30:] if provider is not Provider.ELIZAOS else stale[:30]
    young: list[str] = []

    def change(n: int) -> None:
        if n == 2:
            for session_id in listed_first:  # ended elsewhere, after they were listed
                vendor.finish(session_id)
            young.extend(fakes.create_sessions(provider, 20))

    churn_between_pages(vendor, change)
    items, _ = sweep(mode, fakes, [provider])
    results = [item for item in items if isinstance(item, EndResult)]
    assert [item for item in items if not isinstance(item, EndResult)] == []
    ids = [result.session_id for result in results]
    assert len(ids) == len(set(ids))  # none ended twice
    assert all(fakes.state(provider, s) is SessionState.ENDED for s in stale)
    assert all(fakes.state(provider, s) is SessionState.ACTIVE for s in young)
    assert not set(ids) & set(young)


@pytest.mark.parametrize("mode", MODES)
def test_a_dry_run_ends_nothing_and_names_what_it_would_end(mode: str, fakes: FakeVendors) -> None:
    old = {p: set(fakes.create_sessions(p, 3, started_at=OLD)) for p in LISTING}
    for provider in LISTING:
        fakes.create_sessions(provider, 2)
    items, _ = sweep(mode, fakes, LISTING, dry_run=True)
    assert all(isinstance(item, LiveSession) for item in items)
    assert {(i.provider, i.session_id) for i in items if isinstance(i, LiveSession)} == {
        (p, s) for p, ids in old.items() for s in ids
    }
    assert all(fakes.state(p, s) is SessionState.ACTIVE for p, ids in old.items() for s in ids)


@pytest.mark.parametrize("mode", MODES)
def test_ages_are_read_on_the_vendors_clock(mode: str, fakes: FakeVendors) -> None:
    """Sessions 90 minutes old by this machine's clock, at a vendor whose clock is 2 hours
    behind: by the vendor's clock they are not 30 minutes old, so none is ended."""
    provider = Provider.DIGITALSAMBA
    fakes[provider].clock_skew = -2 * 3600
    ids = fakes.create_sessions(provider, 5, started_at=NOW - datetime.timedelta(minutes=90))
    items, _ = sweep(mode, fakes, [provider])
    assert items == []
    assert all(fakes.state(provider, s) is SessionState.ACTIVE for s in ids)
    fakes[provider].clock_skew = 0.0
    items, _ = sweep(mode, fakes, [provider])
    assert sorted(i.session_id for i in items if isinstance(i, EndResult)) == sorted(ids)


@pytest.mark.parametrize("mode", MODES)
def test_a_list_that_fails_is_reported_and_the_rest_goes_on(mode: str, fakes: FakeVendors) -> None:
    failing, other = Provider.LIVEAVATAR, Provider.ELIZAOS
    fakes.create_sessions(failing, 2, started_at=OLD)
    ids = fakes.create_sessions(other, 2, started_at=OLD)
    fakes.inject(failing, Fault.failing(500, times=30))
    items, _ = sweep(mode, fakes, [failing, other])
    listing_errors = [
        i for i in items if isinstance(i, errors.SessionEndError) and i.session_id is None
    ]
    assert [type(e) for e in listing_errors] == [errors.ServerError]
    assert listing_errors[0].provider == failing.value
    assert sorted(i.session_id for i in items if isinstance(i, EndResult)) == sorted(ids)


@pytest.mark.parametrize("mode", MODES)
def test_a_list_that_breaks_its_spec_is_an_unexpected_response(
    mode: str, fakes: FakeVendors
) -> None:
    provider = Provider.DIGITALSAMBA
    fakes.create_sessions(provider, 2, started_at=OLD)
    fakes.inject(provider, Fault.answer(200, b'{"data": "not a list"}'))
    items, _ = sweep(mode, fakes, [provider])
    assert [type(i) for i in items] == [errors.UnexpectedResponse]


@pytest.mark.parametrize("mode", MODES)
def test_nothing_to_sweep_yields_nothing(mode: str, fakes: FakeVendors) -> None:
    items, skipped = sweep(mode, fakes, LISTING)
    assert (items, skipped) == ([], [])


@pytest.mark.parametrize("mode", MODES)
def test_kept_sessions_and_young_ones_stay(mode: str, fakes: FakeVendors) -> None:
    provider = Provider.LIVEAVATAR
    kept, ended = fakes.create_sessions(provider, 2, started_at=OLD)
    young = fakes.create_session(provider)
    items, _ = sweep(mode, fakes, [provider], keep=[(provider, kept)])
    assert [i.session_id for i in items if isinstance(i, EndResult)] == [ended]
    assert fakes.state(provider, kept) is SessionState.ACTIVE
    assert fakes.state(provider, young) is SessionState.ACTIVE


@pytest.mark.parametrize("mode", MODES)
def test_throttled_lists_and_ends_keep_the_vendors_pace(
    mode: str, fakes: FakeVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Akool at 10 requests a second (code 1005): the waits are real here, as the pace's are."""
    monkeypatch.setattr(sessionend._sync, "_sleep", time.sleep)
    monkeypatch.setattr(sessionend._async, "_sleep", asyncio.sleep)
    provider = Provider.AKOOL
    fakes.limit(provider, 10, per=1.0)
    ids = fakes.create_sessions(provider, 30, started_at=OLD)
    items, _ = sweep(mode, fakes, [provider])
    assert sorted(i.session_id for i in items if isinstance(i, EndResult)) == sorted(ids)
    assert all(isinstance(i, EndResult) and i.outcome is Outcome.ENDED for i in items)
