# Generated from specs/liveavatar.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- liveavatar`.
from enum import StrEnum


class SessionEndReasonEnum(StrEnum):
    AGENT_HANG_UP = "AGENT_HANG_UP"
    AVATAR_DELETED = "AVATAR_DELETED"
    IDLE_TIMEOUT = "IDLE_TIMEOUT"
    MAX_DURATION_REACHED = "MAX_DURATION_REACHED"
    NO_CREDITS = "NO_CREDITS"
    SERVER_ERROR = "SERVER_ERROR"
    UNKNOWN = "UNKNOWN"
    USER_CLOSED = "USER_CLOSED"
    USER_DISCONNECTED = "USER_DISCONNECTED"
    ZOMBIE_SESSION_REAP = "ZOMBIE_SESSION_REAP"

    def __str__(self) -> str:
        return str(self.value)
