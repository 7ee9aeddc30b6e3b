# Generated from specs/openhands.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands`.
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
