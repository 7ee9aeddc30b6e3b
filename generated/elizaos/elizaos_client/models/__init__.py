# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
"""Contains all the data models used in inputs/outputs"""

from .end_session_response_200 import EndSessionResponse200
from .error import Error
from .error_error import ErrorError
from .list_sessions_response_200 import ListSessionsResponse200
from .list_sessions_response_200_stats import ListSessionsResponse200Stats
from .session_info import SessionInfo
from .session_info_metadata import SessionInfoMetadata
from .session_info_timeout_config import SessionInfoTimeoutConfig

__all__ = (
    "EndSessionResponse200",
    "Error",
    "ErrorError",
    "ListSessionsResponse200",
    "ListSessionsResponse200Stats",
    "SessionInfo",
    "SessionInfoMetadata",
    "SessionInfoTimeoutConfig",
)
