# Generated from specs/akool.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- akool`.
"""Contains all the data models used in inputs/outputs"""

from .api_response import ApiResponse
from .close_session_body import CloseSessionBody

__all__ = (
    "ApiResponse",
    "CloseSessionBody",
)
