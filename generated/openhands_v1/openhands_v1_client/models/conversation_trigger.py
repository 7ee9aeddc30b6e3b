# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
from enum import StrEnum


class ConversationTrigger(StrEnum):
    AUTOMATION = "automation"
    BITBUCKET = "bitbucket"
    GUI = "gui"
    JIRA = "jira"
    JIRA_DC = "jira_dc"
    LINEAR = "linear"
    MICROAGENT_MANAGEMENT = "microagent_management"
    OPENHANDS_API = "openhands_api"
    RESOLVER = "resolver"
    SLACK = "slack"
    SUGGESTED_TASK = "suggested_task"

    def __str__(self) -> str:
        return str(self.value)
