"""The ``fake_vendors`` pytest fixture, registered for every project that installs sessionend.

The fakes are imported only when the fixture is used, so installing sessionend without its
``testing`` extra never breaks anyone's pytest run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from . import FakeVendors

__all__ = ["fake_vendors"]


@pytest.fixture
def fake_vendors() -> Iterator[FakeVendors]:
    """Five running fake vendors on a free loopback port, stopped after the test."""
    from . import FakeVendors

    with FakeVendors() as fakes:
        yield fakes
