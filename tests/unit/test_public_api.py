"""The public names are exactly the documented contract."""

from __future__ import annotations

import sessionend
from sessionend import errors
from sessionend.providers import ADAPTERS


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
    values = [p.value for p in sessionend.Provider]
    # Every vendor the registry holds is a Provider, and every Provider has its adapter.
    assert values == [p.value for p in ADAPTERS]
    # The README documents these five; a vendor added later joins them.
    assert {"liveavatar", "akool", "openhands", "digitalsamba", "elizaos"} <= set(values)
    assert {o.name for o in sessionend.Outcome} == {"ENDED", "ALREADY_ENDED", "NOT_FOUND"}
    assert len(sessionend.EndReason) == 10
