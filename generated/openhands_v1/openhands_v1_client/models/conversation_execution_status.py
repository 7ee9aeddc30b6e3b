# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
from enum import StrEnum


class ConversationExecutionStatus(StrEnum):
    DELETING = "deleting"
    ERROR = "error"
    FINISHED = "finished"
    IDLE = "idle"
    PAUSED = "paused"
    RUNNING = "running"
    STUCK = "stuck"
    WAITING_FOR_CONFIRMATION = "waiting_for_confirmation"

    def __str__(self) -> str:
        return str(self.value)
