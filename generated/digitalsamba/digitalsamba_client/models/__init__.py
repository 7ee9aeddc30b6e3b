# Generated from specs/digitalsamba.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- digitalsamba`.
"""Contains all the data models used in inputs/outputs"""

from .error_message import ErrorMessage
from .error_message_errors import ErrorMessageErrors

__all__ = (
    "ErrorMessage",
    "ErrorMessageErrors",
)
