"""The five fake vendors, one class each, and the registry the server routes by."""

from __future__ import annotations

from collections.abc import Mapping

from ..._models import Provider
from ._base import Received, Reply, SessionState, Vendor
from .akool import FakeAkool
from .digitalsamba import FakeDigitalSamba
from .elizaos import FakeElizaOS
from .liveavatar import FakeLiveAvatar
from .openhands import FakeOpenHands

__all__ = [
    "FAKES",
    "FakeAkool",
    "FakeDigitalSamba",
    "FakeElizaOS",
    "FakeLiveAvatar",
    "FakeOpenHands",
    "Received",
    "Reply",
    "SessionState",
    "Vendor",
]

FAKES: Mapping[Provider, type[Vendor]] = {
    Provider.LIVEAVATAR: FakeLiveAvatar,
    Provider.AKOOL: FakeAkool,
    Provider.OPENHANDS: FakeOpenHands,
    Provider.DIGITALSAMBA: FakeDigitalSamba,
    Provider.ELIZAOS: FakeElizaOS,
}
