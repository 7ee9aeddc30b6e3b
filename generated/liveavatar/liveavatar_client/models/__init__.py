# Generated from specs/liveavatar.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- liveavatar`.
"""Contains all the data models used in inputs/outputs"""

from .http_validation_error import HTTPValidationError
from .session_end_reason_enum import SessionEndReasonEnum
from .session_list_item import SessionListItem
from .session_list_item_mode import SessionListItemMode
from .session_list_page import SessionListPage
from .session_list_response import SessionListResponse
from .session_list_type import SessionListType
from .stop_session_response import StopSessionResponse
from .stop_session_schema import StopSessionSchema
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext

__all__ = (
    "HTTPValidationError",
    "SessionEndReasonEnum",
    "SessionListItem",
    "SessionListItemMode",
    "SessionListPage",
    "SessionListResponse",
    "SessionListType",
    "StopSessionResponse",
    "StopSessionSchema",
    "ValidationError",
    "ValidationErrorContext",
)
