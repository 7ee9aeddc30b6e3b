"""The public value types: providers, outcomes, end reasons and the result of an end."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from typing import TypeAlias

__all__ = ["Body", "EndReason", "EndResult", "Outcome", "Provider"]

Body: TypeAlias = Mapping[str, object] | Sequence[object] | str | int | float | bool | None
"""A vendor's answer as sessionend keeps it: its JSON, or its text when it is not JSON."""


class Provider(enum.StrEnum):
    """A vendor whose sessions sessionend can end."""

    LIVEAVATAR = "liveavatar"
    AKOOL = "akool"
    OPENHANDS = "openhands"
    DIGITALSAMBA = "digitalsamba"
    ELIZAOS = "elizaos"

    @classmethod
    def parse(cls, value: Provider | str) -> Provider:
        """Return the provider named by ``value``.

        Raises:
            ValueError: When ``value`` names no provider; the message lists the valid ones.
        """
        if isinstance(value, Provider):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            valid = ", ".join(member.value for member in cls)
            raise ValueError(f"unknown provider {value!r}; expected one of: {valid}") from None


class Outcome(enum.Enum):
    """How an end finished."""

    ENDED = "ended"
    """This call ended the session."""
    ALREADY_ENDED = "already_ended"
    """The vendor says the session was not running or was already closed."""
    NOT_FOUND = "not_found"
    """The vendor does not know the session (returned only when ``missing_ok`` is true)."""


class EndReason(enum.StrEnum):
    """Why a session is ended. Sent to LiveAvatar; accepted and not sent elsewhere."""

    USER_CLOSED = "USER_CLOSED"
    USER_DISCONNECTED = "USER_DISCONNECTED"
    IDLE_TIMEOUT = "IDLE_TIMEOUT"
    MAX_DURATION_REACHED = "MAX_DURATION_REACHED"
    SERVER_ERROR = "SERVER_ERROR"
    NO_CREDITS = "NO_CREDITS"
    AVATAR_DELETED = "AVATAR_DELETED"
    ZOMBIE_SESSION_REAP = "ZOMBIE_SESSION_REAP"
    AGENT_HANG_UP = "AGENT_HANG_UP"
    UNKNOWN = "UNKNOWN"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class EndResult:
    """What one end achieved.

    Attributes:
        provider: The vendor.
        session_id: The session, as the caller gave it.
        outcome: ENDED, ALREADY_ENDED or NOT_FOUND.
        http_status: The status of the answer that settled the outcome.
        vendor_code: The body's business code, where the vendor has one.
        vendor_message: The vendor's message, where it gave one.
        attempts: How many requests were sent.
        throttled: How many of their answers were throttles (kept apart from retries: a
            throttle is waited out at the provider's pace, never counted against
            ``max_retries``).
        elapsed: Seconds from the first attempt to the result.
        body: The answer's body: parsed JSON, or the text of a vendor that answers in text
            (Digital Samba); None when there was none to keep.
    """

    provider: Provider
    session_id: str
    outcome: Outcome
    http_status: int | None
    vendor_code: int | str | None = None
    vendor_message: str | None = None
    attempts: int = 1
    throttled: int = 0
    elapsed: float = 0.0
    body: Body = dataclasses.field(default=None, repr=False, compare=False)
