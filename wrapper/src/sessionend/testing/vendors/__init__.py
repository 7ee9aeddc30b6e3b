"""The fake vendors, one module each, and the registry the server routes by.

Each public module here declares one fake (``FAKE``, a ``Vendor`` subclass) for the provider
of the same name; ``FAKES`` finds them all, so adding a vendor's fake is adding its module.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..._discovery import public_modules
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
    for module in public_modules(__name__, __path__):
        fake: type[Vendor] = module.FAKE
        found[fake.provider] = fake
    return {provider: found[provider] for provider in Provider if provider in found}


FAKES: Mapping[Provider, type[Vendor]] = _discover()
