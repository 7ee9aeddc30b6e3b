"""The sweep command's input: durations as people write them, keep files, bad input."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sessionend import Provider
from sessionend.cli._sweeping import age_text, parse_duration, read_keep


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("30m", 1800),
        ("2h", 7200),
        ("1d", 86400),
        ("1h30m", 5400),
        ("45", 45),
        (" 2H ", 7200),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == datetime.timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "30x", "m30", "1h 30m", "-5m", "30m2"])
def test_bad_durations_say_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError, match="30m"):
        parse_duration(text)


def test_a_keep_file_holds_pairs_and_bare_ids(tmp_path: Path) -> None:
    keep = tmp_path / "keep.txt"
    keep.write_text("# demo sessions\nakool,abc\n\nshared-id  # any vendor\nElizaOS , def\n")
    assert read_keep(keep) == [(Provider.AKOOL, "abc"), "shared-id", (Provider.ELIZAOS, "def")]


@pytest.mark.parametrize(
    ("line", "problem"), [("nope,abc", "unknown provider"), ("akool,", "empty")]
)
def test_a_bad_keep_line_is_named(tmp_path: Path, line: str, problem: str) -> None:
    keep = tmp_path / "keep.txt"
    keep.write_text(f"akool,ok\n{line}\n")
    with pytest.raises(ValueError, match=problem) as caught:
        read_keep(keep)
    assert ":2:" in str(caught.value)


def test_ages_for_people() -> None:
    assert [age_text(s) for s in (None, 12, 125, 7300)] == ["unknown", "12s", "2m 5s", "2h 1m"]
