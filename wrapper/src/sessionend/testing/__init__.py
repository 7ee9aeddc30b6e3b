"""Fake vendors for tests and demos: each vendor's end-session endpoint on real loopback HTTP.

::

    from sessionend import SessionEnder
    from sessionend.testing import FakeVendors, Fault

    with FakeVendors() as fakes, SessionEnder(settings=fakes.settings()) as ender:
        session_id = fakes.create_session("akool")
        fakes.inject("akool", Fault.failing(503), session_id=session_id)
        ender.end("akool", session_id)              # retried, then ENDED
        fakes.state("akool", session_id)            # SessionState.ENDED

The fakes behave as the real servers are known to, not only as their specs say; each vendor's
module in ``sessionend.testing.vendors`` lists what it does. Requests are validated with the
``vendor_models`` package, which datamodel-code-generator makes from the vendored specs.
In pytest, the ``fake_vendors`` fixture gives a running ``FakeVendors``. Needs the
``sessionend[testing]`` extra.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._faults import Fault, FaultKind
    from ._server import FakeVendors
    from .vendors import Received, SessionState, Vendor

__all__ = ["FakeVendors", "Fault", "FaultKind", "Received", "SessionState", "Vendor"]

_HOMES = {
    "FakeVendors": "._server",
    "Fault": "._faults",
    "FaultKind": "._faults",
    "Received": ".vendors",
    "SessionState": ".vendors",
    "Vendor": ".vendors",
}


def __getattr__(name: str) -> Any:
    # Loaded on first use: the pytest plugin in this package is registered for every project
    # that installs sessionend, and must load without the ``testing`` extra (aiohttp,
    # pydantic, vendor_models) until a test asks for the fakes.
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
