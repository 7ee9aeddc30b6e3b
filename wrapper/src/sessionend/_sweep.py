"""Which listed sessions a sweep ends: the age rule, the keep list, and the vendor's clock.

Sans-I/O, shared by both enders. The rules, in order:

1. A session the sweep already picked (or tried to end) is never picked again, however many
   pages or passes list it: no session is ended twice by one sweep.
2. A kept session (its id, or its ``(provider, id)`` pair, is in ``keep``) is left alone.
3. A session whose start is unknown is never ended by an age rule: it is reported as skipped,
   unless the caller asked to end sessions of unknown age.
4. Ages are measured on the vendor's clock, not this machine's: "now" is the ``Date`` header
   of the list answer the session came in (to the second), and only where a vendor sends no
   date is this machine's clock used. A skewed local clock therefore never makes a young
   session look old.
5. A session that started after the sweep began at that vendor (by the vendor's clock, the
   date of its first list answer) is left alone, whatever ``older_than`` says.
6. Of the rest, those started more than ``older_than`` ago are picked.
"""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import itertools
import logging
import math
from collections.abc import Callable, Iterable, Mapping

from ._models import Provider
from .providers import LiveSession, Page

__all__ = [
    "SWEEP_PASSES",
    "Picker",
    "Skipped",
    "interleaved",
    "older_than_of",
    "sweep_page",
    "vendor_now",
]

SWEEP_PASSES = 3
"""Times a sweep lists each vendor at most: again after its ends, while it finds new ones."""

logger = logging.getLogger("sessionend")


@dataclasses.dataclass(frozen=True, slots=True)
class Skipped:
    """A listed session a sweep did not end, and why (the caller should know of it)."""

    session: LiveSession
    reason: str


def older_than_of(value: datetime.timedelta | float) -> datetime.timedelta:
    """``older_than`` as a timedelta.

    Raises:
        ValueError: When it is negative, not finite, or not a duration.
    """
    if isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise ValueError(f"older_than is a timedelta or seconds, got {value!r}")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"older_than must be 0 or more seconds, got {value!r}")
    return datetime.timedelta(seconds=seconds)


def vendor_now(headers: Mapping[str, str], local: datetime.datetime) -> datetime.datetime:
    """The vendor's time at its answer: its ``Date`` header, else this machine's ``local``."""
    stamp = headers.get("date")
    if stamp:
        try:
            when = email.utils.parsedate_to_datetime(stamp)
        except (TypeError, ValueError, IndexError):
            return local
        if when.tzinfo is not None:
            return when
    return local


class Picker:
    """Decides, session by session, what one sweep ends."""

    def __init__(
        self,
        older_than: datetime.timedelta,
        keep: Iterable[str | tuple[Provider | str, str]] = (),
        *,
        end_unknown_age: bool = False,
    ) -> None:
        self.older_than = older_than
        self.end_unknown_age = end_unknown_age
        self.kept_ids: set[str] = set()
        self.kept_pairs: set[tuple[Provider, str]] = set()
        for item in keep:
            if isinstance(item, str):
                self.kept_ids.add(item)
            elif isinstance(item, tuple | list) and len(item) == 2:
                self.kept_pairs.add((Provider.parse(item[0]), str(item[1])))
            else:
                raise ValueError(f"keep holds ids or (provider, id) pairs, got {item!r}")
        self.handled: set[tuple[Provider, str]] = set()
        self.began: dict[Provider, datetime.datetime] = {}
        self.skipped: set[tuple[Provider, str]] = set()

    def begin(self, provider: Provider, now: datetime.datetime) -> None:
        """Note when the sweep began at ``provider``, by its clock (its first answer)."""
        self.began.setdefault(provider, now)

    def pick(self, session: LiveSession, now: datetime.datetime) -> bool | Skipped:
        """True to end ``session``; False to leave it silently; Skipped to leave it and say so.

        ``now`` is the vendor's time at the answer that listed it.
        """
        key = (session.provider, session.session_id)
        if key in self.handled:
            return False
        if session.session_id in self.kept_ids or key in self.kept_pairs:
            return False
        started = session.started_at
        if started is None:
            if not self.end_unknown_age:
                if key in self.skipped:
                    return False  # said once is enough
                self.skipped.add(key)
                return Skipped(session, "its age is unknown: the vendor gives no start")
        else:
            began = self.began.get(session.provider, now)
            if started >= began or now - started <= self.older_than:
                return False
        self.handled.add(key)
        return True


def sweep_page(
    picker: Picker,
    page: Page,
    now: datetime.datetime,
    on_skip: Callable[[Skipped], None] | None,
    on_listed: Callable[[LiveSession], None] | None = None,
) -> list[LiveSession]:
    """The sessions of ``page`` the sweep ends; the skipped ones are logged and reported."""
    picked = []
    for session in page.sessions:
        if on_listed is not None:
            on_listed(session)
        decision = picker.pick(session, now)
        if decision is True:
            picked.append(session)
        elif isinstance(decision, Skipped):
            logger.warning(
                "%s %s: skipped: %s", session.provider.value, session.session_id, decision.reason
            )
            if on_skip is not None:
                on_skip(decision)
    return picked


def interleaved(picked: Iterable[LiveSession]) -> list[tuple[Provider, str]]:
    """The picked sessions as end_many targets, one provider after another in turn.

    end_many reads targets as each provider's lane frees up; a list grouped by provider would
    keep every lane but the first one's idle until its queue drains.
    """
    lanes: dict[Provider, list[LiveSession]] = {}
    for session in picked:
        lanes.setdefault(session.provider, []).append(session)
    rounds = itertools.zip_longest(*lanes.values())
    return [(s.provider, s.session_id) for row in rounds for s in row if s is not None]
