"""Reading end-many input: CSV (``provider,session_id``, header optional) or JSON lines.

Each line is read on its own, so one malformed line becomes that line's result and the rest
still run. Lines are read lazily: a million-line file is never held in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

import attrs

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
    """Read targets from raw input lines, skipping blank lines and a leading CSV header."""
    first = True
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError as error:
            yield Problem(number, f"not UTF-8 ({error.reason} at byte {error.start})")
            continue
        if not text:
            continue
        if first and _is_header(text):
            first = False
            continue
        first = False
        yield _json_target(number, text) if text.startswith("{") else _csv_target(number, text)


def _is_header(text: str) -> bool:
    try:
        fields = next(csv.reader([text]), [])
    except csv.Error:
        return False
    return [field.strip().lower() for field in fields] == _HEADER


def _csv_target(number: int, text: str) -> Target | Problem:
    try:
        fields = [field.strip() for field in next(csv.reader([text]))]
    except csv.Error as error:
        return Problem(number, f"not CSV ({error})")
    if _is_header(text):
        return Problem(number, "a header is only allowed on the first line")
    if len(fields) != 2 or not all(fields):
        return Problem(number, f"expected provider,session_id, got {len(fields)} field(s)")
    return Target(number, fields[0], fields[1])


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
    if not isinstance(session_id, str) or not session_id:
        return Problem(number, 'a JSON line needs "session_id", a string')
    return Target(number, provider, session_id)
