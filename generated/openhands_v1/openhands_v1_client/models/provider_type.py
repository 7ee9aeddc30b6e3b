# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
from enum import StrEnum


class ProviderType(StrEnum):
    AZURE_DEVOPS = "azure_devops"
    BITBUCKET = "bitbucket"
    BITBUCKET_DATA_CENTER = "bitbucket_data_center"
    ENTERPRISE_SSO = "enterprise_sso"
    FORGEJO = "forgejo"
    GITHUB = "github"
    GITLAB = "gitlab"

    def __str__(self) -> str:
        return str(self.value)
