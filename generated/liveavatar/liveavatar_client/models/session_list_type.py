# Generated from specs/liveavatar.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- liveavatar`.
from enum import StrEnum


class SessionListType(StrEnum):
    ACTIVE = "active"
    HISTORIC = "historic"

    def __str__(self) -> str:
        return str(self.value)
