"""Contains all the data models used in inputs/outputs"""

from .end_session_response_200 import EndSessionResponse200
from .error import Error
from .error_error import ErrorError

__all__ = (
    "EndSessionResponse200",
    "Error",
    "ErrorError",
)
