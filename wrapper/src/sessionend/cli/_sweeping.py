"""``sessionend sweep``: list each vendor's live sessions and end the stale ones.

Durations are written ``90s``, ``30m``, ``2h``, ``1d`` (or combined, ``1h30m``); a bare
number is seconds. A keep file holds one session per line: ``provider,session_id`` or a bare
id (kept at every provider); blank lines and ``#`` comments are ignored.
"""

from __future__ import annotations

import collections
import datetime
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
from rich.table import Table

from .._async import AsyncSessionEnder
from .._models import EndResult, Outcome, Provider
from .._sweep import Skipped
from ..errors import SessionEndError
from ..providers import LiveSession
from ._output import record, succeeded

__all__ = ["SweepTally", "parse_duration", "read_keep", "sweeping"]

_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> datetime.timedelta:
    """``90s``, ``30m``, ``2h``, ``1d``, ``1h30m`` or bare seconds, as a timedelta.

    Raises:
        ValueError: When the text is no such duration.
    """
    cleaned = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return datetime.timedelta(seconds=float(cleaned))
    parts = _PART.findall(cleaned)
    if not parts or "".join(number + unit for number, unit in parts) != cleaned:
        raise ValueError(f"not a duration: {text!r} (write 90s, 30m, 2h, 1d or 1h30m)")
    return datetime.timedelta(seconds=sum(float(n) * _UNITS[unit] for n, unit in parts))


def read_keep(path: Path) -> list[str | tuple[Provider | str, str]]:
    """The sessions a keep file names.

    Raises:
        OSError: When the file cannot be read.
        ValueError: When a line names an unknown provider or holds no id.
    """
    kept: list[str | tuple[Provider | str, str]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        provider, comma, session_id = line.partition(",")
        if not comma:
            kept.append(line)
            continue
        if not session_id.strip():
            raise ValueError(f"{path}:{number}: the session id is empty")
        try:
            kept.append((Provider.parse(provider), session_id.strip()))
        except ValueError as error:
            raise ValueError(f"{path}:{number}: {error}") from None
    return kept


@attrs.define
class SweepTally:
    """What a sweep came to, for the summary and the exit status."""

    listed: int = 0
    picked: int = 0
    skipped: int = 0
    outcomes: collections.Counter[str] = attrs.field(factory=collections.Counter)
    errors: collections.Counter[str] = attrs.field(factory=collections.Counter)
    throttled: int = 0

    @property
    def failed(self) -> int:
        """Sessions (or lists) the sweep could not end (or read)."""
        return sum(self.errors.values())

    def summary(self, elapsed: float, *, dry_run: bool) -> str:
        """One line for stderr."""
        parts = [f"listed {self.listed}", f"picked {self.picked}"]
        if dry_run:
            parts.append("ended none (dry run)")
        else:
            parts += [
                f"ended {self.outcomes[Outcome.ENDED.value]}",
                f"already ended {self.outcomes[Outcome.ALREADY_ENDED.value]}",
                f"gone {self.outcomes[Outcome.NOT_FOUND.value]}",
            ]
        failures = ", ".join(f"{name} {count}" for name, count in self.errors.most_common())
        parts.append(f"failed {self.failed}" + (f" ({failures})" if failures else ""))
        parts.append(f"skipped {self.skipped}")
        if self.throttled:
            parts.append(f"{self.throttled} throttled answers waited out")
        return f"sweep in {elapsed:.2f} s: {', '.join(parts)}"


def _age(session: LiveSession | None, now: datetime.datetime) -> float | None:
    if session is None or session.started_at is None:
        return None
    return round((now - session.started_at).total_seconds(), 3)


def age_text(seconds: float | None) -> str:
    """An age for people: ``2h 5m``, ``40m 3s``, ``12s``, or ``unknown``."""
    if seconds is None:
        return "unknown"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {secs}s" if minutes else f"{secs}s"


async def sweeping(
    ender: AsyncSessionEnder,
    providers: Iterable[Provider] | None,
    *,
    older_than: datetime.timedelta,
    keep: list[str | tuple[Provider | str, str]],
    dry_run: bool,
    end_unknown_age: bool,
    concurrency: int,
    emit: Callable[[dict[str, Any]], None],
) -> SweepTally:
    """Run one sweep, emitting one record per picked or skipped session and per failed list."""
    tally = SweepTally()
    listed: dict[tuple[str, str], LiveSession] = {}

    def on_listed(session: LiveSession) -> None:
        key = (session.provider.value, session.session_id)
        if key not in listed:
            tally.listed += 1
            listed[key] = session

    def on_skip(skipped: Skipped) -> None:
        tally.skipped += 1
        session = skipped.session
        emit(
            {
                "provider": session.provider.value,
                "session_id": session.session_id,
                "age": None,
                "skipped": skipped.reason,
            }
        )

    items = ender.sweep(
        providers,
        older_than=older_than,
        keep=keep,
        dry_run=dry_run,
        end_unknown_age=end_unknown_age,
        concurrency=concurrency,
        on_skip=on_skip,
        on_listed=on_listed,
    )
    async for item in items:
        now = datetime.datetime.now(datetime.UTC)
        if isinstance(item, LiveSession):
            tally.picked += 1
            emit(
                {
                    "provider": item.provider.value,
                    "session_id": item.session_id,
                    "age": _age(item, now),
                    "outcome": "would_end",
                }
            )
            continue
        key = (str(item.provider), str(item.session_id))
        if isinstance(item, SessionEndError) and item.session_id is None:
            tally.errors[type(item).__name__] += 1  # a list that could not be read
            emit(record(item))
            continue
        tally.picked += 1
        if succeeded(item):
            assert isinstance(item, EndResult)
            tally.outcomes[item.outcome.value] += 1
            tally.throttled += item.throttled
        else:
            tally.errors[type(item).__name__] += 1
        emit({**record(item), "age": _age(listed.get(key), now)})
    return tally


def sweep_table(rows: list[dict[str, Any]], *, dry_run: bool) -> Table:
    """The sweep's records as a table for people."""
    title = "sessionend sweep (dry run: nothing ended)" if dry_run else "sessionend sweep"
    table = Table(title=title)
    for column in ("provider", "session", "age", "what happened"):
        table.add_column(column, overflow="fold")
    for row in rows:
        if "skipped" in row:
            happened = f"skipped: {row['skipped']}"
        elif "error" in row:
            happened = f"{row['error']}: {row.get('message', '')}"
        else:
            happened = str(row["outcome"]).replace("_", " ")
        table.add_row(
            str(row.get("provider") or ""),
            str(row.get("session_id") or "(the list)"),
            age_text(row.get("age")),
            happened,
        )
    return table


def elapsed_since(started: float) -> float:
    """Seconds since ``started`` (``time.monotonic``)."""
    return time.monotonic() - started
