# Generated from specs/openhands.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands`.
from enum import StrEnum


class ConversationStatus(StrEnum):
    RUNNING = "RUNNING"
    STARTING = "STARTING"
    STOPPED = "STOPPED"

    def __str__(self) -> str:
        return str(self.value)
