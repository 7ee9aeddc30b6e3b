"""The provider registry: every adapter module in this package, found when it is imported.

Each public module here describes one vendor with one ``Adapter`` subclass (see ``_base``).
Everything that lists vendors reads ``ADAPTERS``: adding a vendor is adding its module.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._discovery import public_modules
from .._models import Provider
from ._base import (
    Adapter,
    Answer,
    Credential,
    LiveSession,
    Option,
    Page,
    RateLimit,
    Request,
    Verdict,
)

__all__ = [
    "ADAPTERS",
    "Adapter",
    "Answer",
    "Credential",
    "LiveSession",
    "Option",
    "Page",
    "RateLimit",
    "Request",
    "Verdict",
]


def _discover() -> dict[Provider, type[Adapter]]:
    found: dict[Provider, type[Adapter]] = {}
    for module in public_modules(__name__, __path__):
        adapter: type[Adapter] = module.ADAPTER
        if adapter.provider in found:
            raise RuntimeError(f"two adapters for {adapter.provider.value}")
        found[adapter.provider] = adapter
    # In the order the Provider enum declares, so every listing reads the same.
    return {provider: found[provider] for provider in Provider if provider in found}


ADAPTERS: Mapping[Provider, type[Adapter]] = _discover()
