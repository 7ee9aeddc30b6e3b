# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
"""Contains all the data models used in inputs/outputs"""

from .end_session_response_200 import EndSessionResponse200
from .error import Error
from .error_error import ErrorError

__all__ = (
    "EndSessionResponse200",
    "Error",
    "ErrorError",
)
