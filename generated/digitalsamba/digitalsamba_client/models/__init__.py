"""Contains all the data models used in inputs/outputs"""

from .error_message import ErrorMessage
from .error_message_errors import ErrorMessageErrors

__all__ = (
    "ErrorMessage",
    "ErrorMessageErrors",
)
