"""The provider registry: one adapter per vendor; nothing else needs to know the list."""

from __future__ import annotations

from collections.abc import Mapping

from .._models import Provider
from ._base import Adapter, Auth, Verdict
from .akool import Akool
from .digitalsamba import DigitalSamba
from .elizaos import ElizaOS
from .liveavatar import LiveAvatar
from .openhands import OpenHands

__all__ = ["ADAPTERS", "Adapter", "Auth", "Verdict"]

ADAPTERS: Mapping[Provider, type[Adapter]] = {
    adapter.provider: adapter for adapter in (LiveAvatar, Akool, OpenHands, DigitalSamba, ElizaOS)
}
