"""Contains all the data models used in inputs/outputs"""

from .api_response import ApiResponse
from .close_session_body import CloseSessionBody

__all__ = (
    "ApiResponse",
    "CloseSessionBody",
)
