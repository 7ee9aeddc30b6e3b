"""end_many: one item per target, lazily, failures yielded not raised."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sessionend import AsyncSessionEnder, EndResult, Outcome, SessionEnder, errors
from sessionend._lanes import QUEUE_LIMIT

from .harness import SETTINGS, UUID, Vendor, reply


def answer(request: httpx.Request) -> httpx.Response:
    """Every third conversation is unknown to the vendor (a 404); the rest end."""
    conversation = request.url.path.split("/")[3]
    if int(conversation) % 3 == 0:
        return reply(404)
    return reply(
        200, {"status": "ok", "conversation_id": conversation, "conversation_status": "RUNNING"}
    )


def run_many(
    mode: str, targets: object, vendor: Vendor, **options: object
) -> list[EndResult | errors.SessionEndError]:
    transport = httpx.MockTransport(vendor)
    if mode == "sync":
        with SessionEnder(transport=transport, settings=SETTINGS) as ender:
            return list(ender.end_many(targets, **options))  # type: ignore[arg-type]

    async def main() -> list[EndResult | errors.SessionEndError]:
        async with AsyncSessionEnder(transport=transport, settings=SETTINGS) as ender:
            return [item async for item in ender.end_many(targets, **options)]  # type: ignore[arg-type]

    return asyncio.run(main())


def test_one_item_per_target_with_failures_typed(mode: str) -> None:
    targets = [("openhands", str(n)) for n in range(1, 301)]
    items = run_many(mode, targets, Vendor([answer]), concurrency=16)
    assert sorted(str(item.session_id) for item in items) == sorted(t[1] for t in targets)
    missing = [item for item in items if isinstance(item, errors.SessionNotFound)]
    assert len(missing) == 100
    assert all(item.provider == "openhands" for item in missing)
    ended = [item for item in items if isinstance(item, EndResult)]
    assert len(ended) == 200 and all(item.outcome is Outcome.ENDED for item in ended)


def test_missing_ok_applies_to_every_target(mode: str) -> None:
    targets = [("openhands", str(n)) for n in range(1, 31)]
    items = run_many(mode, targets, Vendor([answer]), missing_ok=True)
    assert all(isinstance(item, EndResult) for item in items)
    assert sum(item.outcome is Outcome.NOT_FOUND for item in items) == 10  # type: ignore[union-attr]


def test_bad_targets_are_reported_not_raised(mode: str) -> None:
    targets = [
        ("openhands", "1"),
        ("heygen", "x"),
        ("liveavatar", "not-a-uuid"),
        ("openhands", ".."),
        "not a pair",
        ("liveavatar", UUID),
    ]
    vendor = Vendor(
        [
            lambda request: (
                reply(200, {"code": 1000})
                if "stop" in request.url.path and "conversations" not in request.url.path
                else answer(request)
            )
        ]
    )
    items = run_many(mode, targets, vendor)
    assert len(items) == len(targets)
    errors_by_id = {
        item.session_id: type(item) for item in items if isinstance(item, errors.SessionEndError)
    }
    assert errors_by_id == {
        "x": errors.ConfigurationError,
        "not-a-uuid": errors.InvalidSessionId,
        "..": errors.InvalidSessionId,
        None: errors.ConfigurationError,
    }
    unknown = next(item for item in items if item.session_id == "x")
    assert unknown.provider == "heygen" and "expected one of" in str(unknown)


def test_targets_are_consumed_lazily(mode: str) -> None:
    """An endless generator is fine: only what is in flight or queued in its lane is read."""
    taken: list[int] = []

    def endless() -> Iterator[tuple[str, str]]:
        for n in itertools.count(1):
            taken.append(n)
            yield ("openhands", str(n))

    transport = httpx.MockTransport(Vendor([answer]))
    if mode == "sync":
        with SessionEnder(transport=transport, settings=SETTINGS) as ender:
            stream = ender.end_many(endless(), concurrency=4)
            first = [next(stream) for _ in range(10)]
            stream.close()  # type: ignore[attr-defined]
    else:

        async def main() -> list[EndResult | errors.SessionEndError]:
            async with AsyncSessionEnder(transport=transport, settings=SETTINGS) as ender:
                stream = ender.end_many(endless(), concurrency=4)
                got = [await anext(stream) for _ in range(10)]
                await stream.aclose()  # type: ignore[attr-defined]
                return got

        first = asyncio.run(main())
    assert len(first) == 10
    assert len(taken) <= 10 + 4 + QUEUE_LIMIT


def test_async_end_many_takes_an_async_iterable() -> None:
    async def targets() -> AsyncIterator[tuple[str, str]]:
        for n in range(1, 7):
            yield ("openhands", str(n))

    async def main() -> list[object]:
        transport = httpx.MockTransport(Vendor([answer]))
        async with AsyncSessionEnder(
            transport=transport, settings=SETTINGS, missing_ok=True
        ) as ender:
            return [item async for item in ender.end_many(targets())]

    assert len(asyncio.run(main())) == 6


@pytest.mark.parametrize("concurrency", [0, -1])
def test_concurrency_must_be_positive(concurrency: int) -> None:
    with SessionEnder(settings=SETTINGS) as ender, pytest.raises(ValueError, match="concurrency"):
        ender.end_many([], concurrency=concurrency)


def test_one_ender_shared_by_many_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    vendor = Vendor([answer])
    with (
        SessionEnder(
            transport=httpx.MockTransport(vendor), settings=SETTINGS, missing_ok=True
        ) as ender,
        ThreadPoolExecutor(16) as pool,
    ):
        results = list(pool.map(lambda n: ender.end("openhands", str(n)), range(1, 161)))
    assert len(results) == 160 and len(vendor.requests) == 160


def test_a_none_target_is_reported_and_the_rest_still_run(mode: str) -> None:
    targets = [("openhands", "1"), None, ("openhands", "2")]
    items = run_many(mode, targets, Vendor([answer]))
    assert len(items) == 3
    assert sum(isinstance(item, errors.ConfigurationError) for item in items) == 1
