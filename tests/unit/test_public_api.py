"""The public names are exactly the documented contract."""

from __future__ import annotations

import sessionend
from sessionend import errors


def test_public_all_is_sorted_and_complete() -> None:
    assert sessionend.__all__ == sorted(sessionend.__all__)
    for name in sessionend.__all__:
        assert hasattr(sessionend, name), name
    for name in errors.__all__:
        assert getattr(sessionend, name) is getattr(errors, name)


def test_every_error_is_in_one_tree() -> None:
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.SessionEndError)
    assert issubclass(errors.InvalidSessionId, ValueError)


def test_enums_have_the_documented_values() -> None:
    assert [p.value for p in sessionend.Provider] == [
        "liveavatar",
        "akool",
        "openhands",
        "digitalsamba",
        "elizaos",
    ]
    assert {o.name for o in sessionend.Outcome} == {"ENDED", "ALREADY_ENDED", "NOT_FOUND"}
    assert len(sessionend.EndReason) == 10
