# Generated from specs/akool.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- akool`.
"""Contains all the data models used in inputs/outputs"""

from .api_response import ApiResponse
from .close_session_body import CloseSessionBody
from .get_api_open_v4_live_avatar_session_list_status import GetApiOpenV4LiveAvatarSessionListStatus
from .session_list_item import SessionListItem
from .session_list_item_credentials import SessionListItemCredentials
from .session_list_item_status import SessionListItemStatus
from .session_list_response import SessionListResponse
from .session_list_response_data import SessionListResponseData

__all__ = (
    "ApiResponse",
    "CloseSessionBody",
    "GetApiOpenV4LiveAvatarSessionListStatus",
    "SessionListItem",
    "SessionListItemCredentials",
    "SessionListItemStatus",
    "SessionListResponse",
    "SessionListResponseData",
)
