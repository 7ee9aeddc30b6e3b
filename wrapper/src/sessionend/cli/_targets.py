"""Reading end-many input: CSV (``provider,session_id``, header optional) or JSON lines.

Each line is read on its own, so one malformed line becomes that line's result and the rest
still run. Lines are read lazily: a million-line file is never held in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

import attrs

from .._models import Provider

__all__ = ["Problem", "Target", "read_targets"]

_HEADER = ["provider", "session_id"]


@attrs.frozen
class Target:
    """A target read from input line ``line``."""

    line: int
    provider: str
    session_id: str


@attrs.frozen
class Problem:
    """Input line ``line`` names no target; ``message`` says why."""

    line: int
    message: str


def read_targets(lines: Iterable[bytes]) -> Iterator[Target | Problem]:
    """Read targets from raw input lines, skipping blank lines and a leading CSV header.

    The header may name the columns in either order (``session_id,provider``); CSV lines
    below it are read in that order.
    """
    first = True
    order = (0, 1)  # the columns of provider and session_id
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError as error:
            yield Problem(number, f"not UTF-8 ({error.reason} at byte {error.start})")
            continue
        if not text:
            continue
        header = _header(text)
        if first and header is not None:
            first = False
            order = header
            continue
        first = False
        if text.startswith("{"):
            yield _checked(_json_target(number, text))
        else:
            yield _checked(_csv_target(number, text, order, header is not None))


def _header(text: str) -> tuple[int, int] | None:
    """The columns of provider and session_id when ``text`` is a header line."""
    try:
        fields = [field.strip().lower() for field in next(csv.reader([text]), [])]
    except csv.Error:
        return None
    if sorted(fields) != sorted(_HEADER):
        return None
    return fields.index("provider"), fields.index("session_id")


def _csv_target(
    number: int, text: str, order: tuple[int, int], is_header: bool
) -> Target | Problem:
    try:
        fields = [field.strip() for field in next(csv.reader([text]))]
    except csv.Error as error:
        return Problem(number, f"not CSV ({error})")
    if is_header:
        return Problem(number, "a header is only allowed on the first line")
    if len(fields) != 2:
        return Problem(number, f"expected provider,session_id, got {len(fields)} field(s)")
    provider, session_id = fields[order[0]], fields[order[1]]
    if not provider:
        return Problem(number, "the provider is empty")
    if not session_id:
        return Problem(number, "the session id is empty")
    return Target(number, provider, session_id)


def _checked(item: Target | Problem) -> Target | Problem:
    # An unknown provider is a line that names no target, as a malformed one is: InvalidInput.
    if isinstance(item, Problem):
        return item
    try:
        Provider.parse(item.provider)
    except ValueError as error:
        return Problem(item.line, str(error))
    return item


def _json_target(number: int, text: str) -> Target | Problem:
    try:
        data = json.loads(text)
    except ValueError as error:
        return Problem(number, f"not JSON ({error})")
    if not isinstance(data, dict):
        return Problem(number, "a JSON line must be an object")
    provider, session_id = data.get("provider"), data.get("session_id")
    if not isinstance(provider, str) or not provider:
        return Problem(number, 'a JSON line needs "provider", a string')
    if not isinstance(session_id, str):
        return Problem(number, 'a JSON line needs "session_id", a string')
    if not session_id:
        return Problem(number, "the session id is empty")
    return Target(number, provider, session_id)
