"""What a replayed list walk must show: the declared entries, page by page, read right.

Each vendor's fake declares its list answers (``list_page``, ``list_first_page``, ...) with
example entries; a walk replayed from a cassette must yield, page by page, exactly the live
entries those examples hold, with the start each entry gives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sessionend import Provider
from sessionend.providers import LiveSession, Page, Verdict
from sessionend.testing.vendors import FAKES

__all__ = ["declared_entries", "pages_of", "sessions_of"]


def declared_entries(vendor: str, answer: str, key: str) -> list[dict[str, object]]:
    """The example entries of ``vendor``'s declared list ``answer``, under ``key``."""
    entries = FAKES[Provider(vendor)].answers[answer].examples[key]
    assert isinstance(entries, list)
    return entries


def pages_of(walk: Sequence[Page | Verdict]) -> list[Page]:
    """The walk's pages; it must have ended on a last page, not on a Verdict."""
    assert all(isinstance(page, Page) for page in walk), walk
    pages = [page for page in walk if isinstance(page, Page)]
    assert pages[-1].next is None
    assert all(page.next is not None for page in pages[:-1])
    return pages


def sessions_of(
    walk: Sequence[Page | Verdict],
    expected: Sequence[tuple[list[dict[str, object]], str]],
    started: Callable[[dict[str, object]], object],
) -> list[LiveSession]:
    """Check each page against its declared entries (``(entries, id key)``, in order).

    Every entry of the declared pages is live: each page must list all of them, in order,
    with the start ``started`` reads from the entry, and count them as seen.
    """
    pages = pages_of(walk)
    assert len(pages) == len(expected)
    found: list[LiveSession] = []
    for page, (entries, key) in zip(pages, expected, strict=True):
        assert page.seen == len(entries)
        assert [s.session_id for s in page.sessions] == [entry[key] for entry in entries]
        assert [s.started_at for s in page.sessions] == [started(entry) for entry in entries]
        for session, entry in zip(page.sessions, entries, strict=True):
            assert session.fields[key] == entry[key]
        found.extend(page.sessions)
    return found
