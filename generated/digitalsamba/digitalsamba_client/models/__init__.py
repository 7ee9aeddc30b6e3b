# Generated from specs/digitalsamba.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- digitalsamba`.
"""Contains all the data models used in inputs/outputs"""

from .error_message import ErrorMessage
from .error_message_errors import ErrorMessageErrors
from .get_all_sessions_response_200 import GetAllSessionsResponse200
from .get_all_sessions_response_200_data_item import GetAllSessionsResponse200DataItem

__all__ = (
    "ErrorMessage",
    "ErrorMessageErrors",
    "GetAllSessionsResponse200",
    "GetAllSessionsResponse200DataItem",
)
