"""end_many over 20,000 targets with 10% failures: every target once, nothing left behind."""

from __future__ import annotations

import asyncio
import collections
import random
import threading

import psutil
import pytest
from sessionend import AsyncSessionEnder, EndResult, Outcome, SessionEnder, errors
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors, Fault

PROVIDERS = tuple(provider.value for provider in ADAPTERS)
TARGETS = 20_000
CONCURRENCY = 64

Target = tuple[str, str]


def client_sockets(port: int) -> int:
    """This process's TCP connections to the fakes' port (the client ends of them)."""
    return sum(
        1
        for connection in psutil.Process().net_connections(kind="tcp")
        if connection.raddr and connection.raddr.port == port
    )


def shares(total: int) -> dict[str, int]:
    """``total`` split over every vendor, as evenly as whole numbers allow."""
    each, rest = divmod(total, len(PROVIDERS))
    return {provider: each + (index < rest) for index, provider in enumerate(PROVIDERS)}


def build_targets(
    fakes: FakeVendors,
) -> tuple[list[Target], dict[Target, type[errors.SessionEndError]]]:
    """19,000 live sessions and 1,000 unknown ones; 2,000 fail: the unknown, and 1,000 refused."""
    live, unknown = shares(19_000), shares(1_000)
    targets = [(p, s) for p in PROVIDERS for s in fakes.create_sessions(p, live[p])]
    failing: dict[Target, type[errors.SessionEndError]] = {}
    for provider in PROVIDERS:
        for _ in range(unknown[provider]):
            failing[(provider, fakes[provider].new_session_id())] = errors.SessionNotFound
    for target in random.Random(7).sample(targets, 1_000):
        provider, session_id = target
        fakes.inject(provider, Fault.failing(400), session_id=session_id)
        failing[target] = errors.RequestRejected
    targets += [target for target in failing if failing[target] is errors.SessionNotFound]
    random.Random(11).shuffle(targets)
    assert len(targets) == TARGETS and len(failing) == TARGETS // 10
    return targets, failing


def end_all(
    mode: str, fakes: FakeVendors, targets: list[Target]
) -> list[EndResult | errors.SessionEndError]:
    if mode == "sync":
        with SessionEnder(settings=fakes.settings()) as ender:
            return list(ender.end_many(iter(targets), concurrency=CONCURRENCY))

    async def run() -> list[EndResult | errors.SessionEndError]:
        async with AsyncSessionEnder(settings=fakes.settings()) as ender:
            items = [item async for item in ender.end_many(iter(targets), concurrency=CONCURRENCY)]
        # Every task end_many started has finished: only this one is left.
        assert asyncio.all_tasks() == {asyncio.current_task()}
        return items

    return asyncio.run(run())


def target_of(item: EndResult | errors.SessionEndError) -> Target:
    if isinstance(item, EndResult):
        return item.provider.value, item.session_id
    return str(item.provider), str(item.session_id)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_twenty_thousand_targets_each_reported_once(mode: str) -> None:
    threads_before = {thread.ident for thread in threading.enumerate()}
    with FakeVendors() as fakes:
        targets, failing = build_targets(fakes)
        assert client_sockets(fakes.port) == 0
        items = end_all(mode, fakes, targets)
        assert client_sockets(fakes.port) == 0  # every connection closed with the ender
    assert len(items) == TARGETS
    reported = collections.Counter(
        (
            str(item.provider.value if isinstance(item, EndResult) else item.provider),
            item.session_id,
        )
        for item in items
    )
    assert reported == collections.Counter(targets)
    for item in items:
        target = (
            item.provider.value if isinstance(item, EndResult) else str(item.provider),
            item.session_id,
        )
        # On a machine busy with other work an attempt may time out after the vendor acted;
        # the retry then rightly finds the session gone (ALREADY_ENDED), never on a first try.
        retried_gone = (
            isinstance(item, EndResult)
            and item.outcome is Outcome.ALREADY_ENDED
            and item.attempts > 1
        )
        if target in failing:
            assert type(item) is failing[target] or retried_gone, (target, item)
        else:
            ended = isinstance(item, EndResult) and item.outcome is Outcome.ENDED
            assert ended or retried_gone, (target, item)
    leftover = [thread for thread in threading.enumerate() if thread.ident not in threads_before]
    assert leftover == []  # no worker thread outlives end_many, nor the fakes' thread
