"""``sessionend demo``: the whole stack against the fake vendors, each reconciliation shown.

Every step states what it expects; the demo fails (exit status 1) when one does not hold, so
running it is also a check that the wrapper, the generated clients and the fakes agree.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

import attrs
from rich.console import Console
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .._config import ProviderSettings
from .._models import EndResult, Outcome, Provider
from .._sync import SessionEnder
from ..errors import SessionEndError
from ..providers import ADAPTERS, LiveSession
from ..testing import FakeVendors, Fault, SessionState
from ..testing.vendors import Showcase

__all__ = ["render", "run_demo"]

BULK_PER_PROVIDER = 40
SWEPT = 3
"""Stale sessions (and as many fresh ones) per vendor in the sweep step."""


@attrs.frozen
class Step:
    """One line of the demo's table."""

    scenario: str
    provider: str
    vendor_did: str
    sessionend_did: str
    held: bool


def _outcome(item: EndResult | SessionEndError) -> str:
    if isinstance(item, SessionEndError):
        return f"{type(item).__name__} after {item.attempts} attempt(s)"
    plural = "s" if item.attempts != 1 else ""
    return f"{item.outcome.name} after {item.attempts} attempt{plural} ({item.elapsed:.2f} s)"


class Demo:
    """The demo's steps, run against one set of fakes."""

    def __init__(self, fakes: FakeVendors, ender: SessionEnder) -> None:
        self.fakes = fakes
        self.ender = ender
        self.steps: list[Step] = []
        self.clean_attempts: dict[Provider, int] = {}
        """Requests one clean end takes at each vendor (two where an end looks up first)."""

    def record(
        self,
        scenario: str,
        provider: Provider,
        vendor_did: str,
        item: EndResult | SessionEndError,
        expected: Callable[[EndResult | SessionEndError], bool],
    ) -> None:
        """Add a step and whether its expectation held."""
        self.steps.append(
            Step(scenario, provider.value, vendor_did, _outcome(item), expected(item))
        )

    def end(
        self, provider: Provider, session_id: str, *, missing_ok: bool = False
    ) -> EndResult | SessionEndError:
        """End one session, returning the error rather than raising it."""
        return _ended(self.ender, provider, session_id, missing_ok)

    def one_by_one(self) -> None:
        """End a fresh session at every vendor."""
        for provider in ADAPTERS:
            session_id = self.fakes.create_session(provider)
            item = self.end(provider, session_id)
            if isinstance(item, EndResult):
                self.clean_attempts[provider] = item.attempts
            state = self.fakes.state(provider, session_id)
            self.record(
                "end one session",
                provider,
                f"session is now {state.value if state else 'unknown'}",
                item,
                lambda item: _is(item, Outcome.ENDED),
            )

    def in_bulk(self) -> None:
        """End many sessions at every vendor at once."""
        targets = [
            (provider, session_id)
            for provider in ADAPTERS
            for session_id in self.fakes.create_sessions(provider, BULK_PER_PROVIDER)
        ]
        started = time.monotonic()
        items = list(self.ender.end_many(targets, concurrency=32))
        ended = sum(_is(item, Outcome.ENDED) for item in items)
        still_active = sum(
            self.fakes.state(provider, session_id) is SessionState.ACTIVE
            for provider, session_id in targets
        )
        self.steps.append(
            Step(
                f"end_many, {len(targets)} targets",
                f"all {len(ADAPTERS)}",
                f"{still_active} sessions left active",
                f"{ended} ENDED, {len(items)} results in {time.monotonic() - started:.2f} s",
                ended == len(items) == len(targets) and still_active == 0,
            )
        )

    def again(self) -> None:
        """End a session twice at every vendor: the second end finds it over."""
        for provider in ADAPTERS:
            session_id = self.fakes.create_session(provider)
            self.end(provider, session_id)
            item = self.end(provider, session_id, missing_ok=True)
            self.record(
                "end the same session again",
                provider,
                "the session was already ended",
                item,
                lambda item: _is(item, Outcome.ALREADY_ENDED) or _is(item, Outcome.NOT_FOUND),
            )

    def retries(self) -> None:
        """A 503 then success, at every vendor."""
        for provider in ADAPTERS:
            session_id = self.fakes.create_session(provider)
            self.fakes.inject(provider, Fault.failing(503), session_id=session_id)
            item = self.end(provider, session_id)
            # One attempt more than a clean end: the 503's retry.
            attempts = self.clean_attempts.get(provider, 1) + 1

            def retried(item: EndResult | SessionEndError, attempts: int = attempts) -> bool:
                return _ended_after(item, attempts=attempts)

            self.record("503, then success", provider, "503 once, then its success", item, retried)

    def sweep(self) -> None:
        """Stale and fresh sessions at every vendor that lists them: a dry run, then a sweep."""
        old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=2)
        listing = [provider for provider, adapter in ADAPTERS.items() if adapter.lists_sessions]
        stale = {p: set(self.fakes.create_sessions(p, SWEPT, started_at=old)) for p in listing}
        fresh = {p: set(self.fakes.create_sessions(p, SWEPT)) for p in listing}
        half_hour = datetime.timedelta(minutes=30)
        would = [
            item
            for item in self.ender.sweep(listing, older_than=half_hour, dry_run=True)
            if isinstance(item, LiveSession)
        ]
        picked = {(item.provider, item.session_id) for item in would}
        expected = {(p, s) for p, ids in stale.items() for s in ids}
        self.steps.append(
            Step(
                "sweep --dry-run --older-than 30m",
                f"{len(listing)} that list",
                f"{len(expected)} sessions 2 h old, {len(expected)} just started",
                f"would end {len(picked)}, ended none",
                picked == expected,
            )
        )
        items = list(self.ender.sweep(listing, older_than=half_hour))
        ended = sum(isinstance(item, EndResult) and item.outcome is Outcome.ENDED for item in items)
        stale_left = sum(
            self.fakes.state(p, s) is SessionState.ACTIVE for p, ids in stale.items() for s in ids
        )
        fresh_left = sum(
            self.fakes.state(p, s) is SessionState.ACTIVE for p, ids in fresh.items() for s in ids
        )
        self.steps.append(
            Step(
                "sweep --older-than 30m",
                f"{len(listing)} that list",
                f"{stale_left} stale and {fresh_left} fresh sessions left live",
                f"{ended} ENDED",
                ended == len(expected) and stale_left == 0 and fresh_left == len(expected),
            )
        )

    def showcases(self) -> None:
        """Each vendor's own quirks, as its fake module declares them."""
        for provider in ADAPTERS:
            fake = self.fakes[provider]
            for showcase in fake.showcases:
                self.show(provider, showcase)

    def show(self, provider: Provider, showcase: Showcase) -> None:
        """Run one showcase and record whether it held."""
        fake = self.fakes[provider]
        if showcase.session == "active":
            session_id = self.fakes.create_session(provider)
        elif showcase.session == "ended":
            session_id = self.fakes.create_session(provider)
            self.end(provider, session_id)
        else:
            session_id = showcase.session
        if showcase.fault is not None:
            self.fakes.inject(provider, showcase.fault, session_id=session_id)
        seen = len(fake.received)
        if showcase.mode is None and not showcase.options:
            item = self.end(provider, session_id, missing_ok=showcase.missing_ok)
        else:
            undo = showcase.mode(fake) if showcase.mode is not None else _nothing
            settings = self.fakes.settings()
            given = settings[provider]
            settings[provider] = ProviderSettings.of(
                {**given.credentials, **showcase.options}, base_url=given.base_url
            )
            try:
                # Its own ender: what an ender learns in a mode must not reach other steps.
                with SessionEnder(settings=settings) as ender:
                    item = _ended(ender, provider, session_id, showcase.missing_ok)
            finally:
                undo()
        received = list(fake.received)[seen:]

        def held(item: EndResult | SessionEndError) -> bool:
            if isinstance(showcase.expected, Outcome):
                if not _is(item, showcase.expected):
                    return False
            elif not isinstance(item, showcase.expected):
                return False
            if showcase.vendor_code is not None and item.vendor_code != showcase.vendor_code:
                return False
            return showcase.sent is None or showcase.sent(received)

        self.record(showcase.scenario, provider, showcase.vendor_did, item, held)


def _nothing() -> None:
    """Undoes no mode."""


def _ended(
    ender: SessionEnder, provider: Provider, session_id: str, missing_ok: bool
) -> EndResult | SessionEndError:
    try:
        return ender.end(provider, session_id, missing_ok=missing_ok)
    except SessionEndError as error:
        return error


def _is(item: EndResult | SessionEndError, outcome: Outcome) -> bool:
    return isinstance(item, EndResult) and item.outcome is outcome


def _ended_after(item: EndResult | SessionEndError, *, attempts: int, seconds: float = 0.0) -> bool:
    return _is(item, Outcome.ENDED) and item.attempts == attempts and (item.elapsed or 0) >= seconds


TITLE = "sessionend demo: every vendor, every reconciliation"


def render(steps: list[Step], out: Console) -> None:
    """Print the steps as a table, or line by line where a table would split words."""
    table = Table(title=TITLE)
    for column in ("scenario", "provider", "the vendor", "sessionend", "ok"):
        table.add_column(column, overflow="fold")
    for row in steps:
        table.add_row(
            Text(row.scenario),
            Text(row.provider),
            Text(row.vendor_did),
            Text(row.sessionend_did),
            Text("yes" if row.held else "NO"),
        )
    # The narrowest the table can be is its longest word per column; below that a table folds
    # words across lines (AuthenticationErr|or), which is unreadable.
    # Measured unbounded: a measurement within the console's width is clamped to that width.
    unbounded = out.options.update_width(1_000_000)
    if Measurement.get(out, unbounded, table).minimum <= out.width:
        out.print(table)
        return
    out.print(Text(TITLE, style="bold"))
    for row in steps:
        out.print()
        out.print(Text(f"{'yes' if row.held else 'NO'}: {row.scenario} ({row.provider})"))
        for label, text in (("the vendor", row.vendor_did), ("sessionend", row.sessionend_did)):
            out.print(Padding(Text(f"{label}: {text}"), (0, 0, 0, 4), expand=False))


def run_demo(out: Console, err: Console) -> bool:
    """Run every step, print the table, and say whether every expectation held."""
    err.print("starting the fake vendors on 127.0.0.1 ...")
    with FakeVendors() as fakes, SessionEnder(settings=fakes.settings()) as ender:
        err.print(f"fake vendors on http://127.0.0.1:{fakes.port}; ending sessions ...")
        demo = Demo(fakes, ender)
        for step in (
            demo.one_by_one,
            demo.in_bulk,
            demo.again,
            demo.retries,
            demo.sweep,
            demo.showcases,
        ):
            step()
    render(demo.steps, out)
    failed = [row.scenario for row in demo.steps if not row.held]
    if failed:
        err.print(f"demo: {len(failed)} step(s) did not behave as expected: {', '.join(failed)}")
        return False
    err.print(f"demo: all {len(demo.steps)} steps behaved as expected")
    return True
