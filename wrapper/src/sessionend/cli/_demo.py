"""``sessionend demo``: the whole stack against the fake vendors, each reconciliation shown.

Every step states what it expects; the demo fails (exit status 1) when one does not hold, so
running it is also a check that the wrapper, the generated clients and the fakes agree.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import attrs
from rich.console import Console
from rich.table import Table

from .._models import EndResult, Outcome, Provider
from .._sync import SessionEnder
from ..errors import SessionEndError
from ..testing import FakeVendors, Fault, SessionState

__all__ = ["run_demo"]

BULK_PER_PROVIDER = 40


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
        try:
            return self.ender.end(provider, session_id, missing_ok=missing_ok)
        except SessionEndError as error:
            return error

    def one_by_one(self) -> None:
        """End a fresh session at every vendor."""
        for provider in Provider:
            session_id = self.fakes.create_session(provider)
            item = self.end(provider, session_id)
            state = self.fakes.state(provider, session_id)
            self.record(
                "end one session",
                provider,
                f"session is now {state.value if state else 'unknown'}",
                item,
                lambda item: _is(item, Outcome.ENDED),
            )

    def in_bulk(self) -> None:
        """End many sessions at all five vendors at once."""
        targets = [
            (provider, session_id)
            for provider in Provider
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
                "all five",
                f"{still_active} sessions left active",
                f"{ended} ENDED, {len(items)} results in {time.monotonic() - started:.2f} s",
                ended == len(items) == len(targets) and still_active == 0,
            )
        )

    def idempotency(self) -> None:
        """End an OpenHands conversation twice: the second time it is already over."""
        session_id = self.fakes.create_session(Provider.OPENHANDS)
        self.end(Provider.OPENHANDS, session_id)
        item = self.end(Provider.OPENHANDS, session_id)
        self.record(
            "end the same session again",
            Provider.OPENHANDS,
            '200 "Conversation was not running"',
            item,
            lambda item: _is(item, Outcome.ALREADY_ENDED),
        )

    def akool(self) -> None:
        """Akool: the id travels as ``id``; a business code under HTTP 200 is read."""
        session_id = self.fakes.create_session(Provider.AKOOL)
        item = self.end(Provider.AKOOL, session_id)
        body = json.loads(self.fakes[Provider.AKOOL].received[-1].body)
        self.record(
            "Akool: session id sent as the spec's id",
            Provider.AKOOL,
            f"received body keys {sorted(body)}; code 1000",
            item,
            lambda item: _is(item, Outcome.ENDED) and sorted(body) == ["id"],
        )
        item = self.end(Provider.AKOOL, session_id)
        self.record(
            "Akool: business code under HTTP 200",
            Provider.AKOOL,
            "HTTP 200, code 1011 (has been operated)",
            item,
            lambda item: _is(item, Outcome.ALREADY_ENDED) and item.vendor_code == 1011,
        )

    def digitalsamba(self) -> None:
        """Digital Samba: a server that takes only GET answers POST with 405."""
        fake = self.fakes.digitalsamba
        fake.get_only = True
        session_id = self.fakes.create_session(Provider.DIGITALSAMBA)
        seen = len(fake.received)
        # Its own ender: an ender remembers that GET works, and the other steps use POST.
        with SessionEnder(settings=self.fakes.settings()) as ender:
            try:
                item: EndResult | SessionEndError = ender.end(Provider.DIGITALSAMBA, session_id)
            except SessionEndError as error:
                item = error
        methods = [request.method for request in list(fake.received)[seen:]]
        fake.get_only = False
        self.record(
            "Digital Samba: 405, then GET",
            Provider.DIGITALSAMBA,
            f"received {' then '.join(methods)}; text/plain 200",
            item,
            lambda item: _is(item, Outcome.ENDED) and methods == ["POST", "GET"],
        )

    def not_running_and_missing(self) -> None:
        """OpenHands' "not running" 200 and ElizaOS's 404 for an unknown session."""
        item = self.end(Provider.OPENHANDS, "never-started")
        self.record(
            'OpenHands: "not running" 200',
            Provider.OPENHANDS,
            "200 conversation_status STOPPED",
            item,
            lambda item: _is(item, Outcome.ALREADY_ENDED),
        )
        item = self.end(Provider.ELIZAOS, "5b0b3c1e-0000-4000-8000-000000000000", missing_ok=True)
        self.record(
            "ElizaOS: unknown session, missing_ok",
            Provider.ELIZAOS,
            "404 SESSION_NOT_FOUND",
            item,
            lambda item: _is(item, Outcome.NOT_FOUND),
        )

    def retries(self) -> None:
        """A 503 then success, and a 429 whose Retry-After is honoured."""
        session_id = self.fakes.create_session(Provider.LIVEAVATAR)
        self.fakes.inject(Provider.LIVEAVATAR, Fault.failing(503), session_id=session_id)
        item = self.end(Provider.LIVEAVATAR, session_id)
        self.record(
            "503, then success",
            Provider.LIVEAVATAR,
            "503 once, then 200 code 1000",
            item,
            lambda item: _ended_after(item, attempts=2),
        )
        session_id = self.fakes.create_session(Provider.OPENHANDS)
        self.fakes.inject(
            Provider.OPENHANDS, Fault.rate_limited(retry_after=1), session_id=session_id
        )
        item = self.end(Provider.OPENHANDS, session_id)
        self.record(
            "429 with Retry-After: 1",
            Provider.OPENHANDS,
            "429 with Retry-After and X-RateLimit-*, then 200",
            item,
            lambda item: _ended_after(item, attempts=2, seconds=1.0),
        )


def _is(item: EndResult | SessionEndError, outcome: Outcome) -> bool:
    return isinstance(item, EndResult) and item.outcome is outcome


def _ended_after(item: EndResult | SessionEndError, *, attempts: int, seconds: float = 0.0) -> bool:
    return _is(item, Outcome.ENDED) and item.attempts == attempts and (item.elapsed or 0) >= seconds


def run_demo(out: Console, err: Console) -> bool:
    """Run every step, print the table, and say whether every expectation held."""
    err.print("starting the fake vendors on 127.0.0.1 ...")
    with FakeVendors() as fakes, SessionEnder(settings=fakes.settings()) as ender:
        err.print(f"fake vendors on http://127.0.0.1:{fakes.port}; ending sessions ...")
        demo = Demo(fakes, ender)
        for step in (
            demo.one_by_one,
            demo.in_bulk,
            demo.idempotency,
            demo.akool,
            demo.digitalsamba,
            demo.not_running_and_missing,
            demo.retries,
        ):
            step()
    table = Table(title="sessionend demo: every vendor, every reconciliation")
    for column in ("scenario", "provider", "the vendor", "sessionend", "ok"):
        table.add_column(column, overflow="fold")
    for row in demo.steps:
        table.add_row(
            row.scenario,
            row.provider,
            row.vendor_did,
            row.sessionend_did,
            "yes" if row.held else "NO",
        )
    out.print(table)
    failed = [row.scenario for row in demo.steps if not row.held]
    if failed:
        err.print(f"demo: {len(failed)} step(s) did not behave as expected: {', '.join(failed)}")
        return False
    err.print(f"demo: all {len(demo.steps)} steps behaved as expected")
    return True
