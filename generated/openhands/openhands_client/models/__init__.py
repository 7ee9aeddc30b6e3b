"""Contains all the data models used in inputs/outputs"""

from .conversation_response import ConversationResponse
from .conversation_status import ConversationStatus
from .http_validation_error import HTTPValidationError
from .validation_error import ValidationError

__all__ = (
    "ConversationResponse",
    "ConversationStatus",
    "HTTPValidationError",
    "ValidationError",
)
