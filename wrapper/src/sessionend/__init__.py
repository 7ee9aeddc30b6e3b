"""End live sessions at LiveAvatar, Akool, OpenHands, Digital Samba and ElizaOS.

import sessionend

result = sessionend.end_session("akool", "6698c9d69cf7b0d61d1b6420")

with sessionend.SessionEnder() as ender:
    result = ender.end("openhands", "conv-123")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors
from ._config import ProviderSettings
from ._models import EndReason, EndResult, Outcome, Provider
from ._pace import PaceState, Pacing
from ._sweep import Skipped
from ._sync import SessionEnder, end_session
from .errors import (
    AuthenticationError,
    ConfigurationError,
    EndTimeout,
    InvalidSessionId,
    RateLimited,
    RequestRejected,
    ServerError,
    SessionEndError,
    SessionNotFound,
    TransportError,
    UnexpectedResponse,
    VendorError,
)
from .providers import LiveSession

if TYPE_CHECKING:
    from ._async import AsyncSessionEnder

__all__ = [
    "AsyncSessionEnder",
    "AuthenticationError",
    "ConfigurationError",
    "EndReason",
    "EndResult",
    "EndTimeout",
    "InvalidSessionId",
    "LiveSession",
    "Outcome",
    "PaceState",
    "Pacing",
    "Provider",
    "ProviderSettings",
    "RateLimited",
    "RequestRejected",
    "ServerError",
    "SessionEndError",
    "SessionEnder",
    "SessionNotFound",
    "Skipped",
    "TransportError",
    "UnexpectedResponse",
    "VendorError",
    "end_session",
    "errors",
]


def __getattr__(name: str) -> Any:
    # AsyncSessionEnder is loaded on first use: asyncio alone takes longer to import than the
    # rest of what synchronous callers need.
    if name == "AsyncSessionEnder":
        from ._async import AsyncSessionEnder

        return AsyncSessionEnder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
