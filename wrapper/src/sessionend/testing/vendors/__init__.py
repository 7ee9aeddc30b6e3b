"""The fake vendors, one module each, and the registry the server routes by.

Each public module here declares one fake (``FAKE``, a ``Vendor`` subclass) for the provider
of the same name; ``FAKES`` finds them all, so adding a vendor's fake is adding its module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

from ..._models import Provider
from ._base import Documented, Received, Reply, Route, SessionState, Showcase, Vendor
from .digitalsamba import FakeDigitalSamba

__all__ = [
    "FAKES",
    "Documented",
    "FakeDigitalSamba",
    "Received",
    "Reply",
    "Route",
    "SessionState",
    "Showcase",
    "Vendor",
]


def _discover() -> dict[Provider, type[Vendor]]:
    found: dict[Provider, type[Vendor]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        fake: type[Vendor] = module.FAKE
        found[fake.provider] = fake
    return {provider: found[provider] for provider in Provider if provider in found}


FAKES: Mapping[Provider, type[Vendor]] = _discover()
