"""End live sessions at LiveAvatar, Akool, OpenHands, Digital Samba and ElizaOS.

import sessionend

result = sessionend.end_session("akool", "6698c9d69cf7b0d61d1b6420")

with sessionend.SessionEnder() as ender:
    result = ender.end("openhands", "conv-123")
"""

from __future__ import annotations

from . import errors
from ._async import AsyncSessionEnder
from ._config import ProviderSettings
from ._models import EndReason, EndResult, Outcome, Provider
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

__all__ = [
    "AsyncSessionEnder",
    "AuthenticationError",
    "ConfigurationError",
    "EndReason",
    "EndResult",
    "EndTimeout",
    "InvalidSessionId",
    "Outcome",
    "Provider",
    "ProviderSettings",
    "RateLimited",
    "RequestRejected",
    "ServerError",
    "SessionEndError",
    "SessionEnder",
    "SessionNotFound",
    "TransportError",
    "UnexpectedResponse",
    "VendorError",
    "end_session",
    "errors",
]
