# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_info_metadata import SessionInfoMetadata
    from ..models.session_info_timeout_config import SessionInfoTimeoutConfig


T = TypeVar("T", bound="SessionInfo")


@_attrs_define
class SessionInfo:
    """Complete session information with status and timeout details

    Attributes:
        session_id (str | Unset): Unique session identifier
        agent_id (UUID | Unset): UUID of the agent
        user_id (UUID | Unset): UUID of the user
        created_at (datetime.datetime | Unset): Session creation timestamp
        last_activity (datetime.datetime | Unset): Last activity timestamp
        metadata (SessionInfoMetadata | Unset): Session metadata
        expires_at (datetime.datetime | Unset): When the session will expire
        timeout_config (SessionInfoTimeoutConfig | Unset): Current timeout configuration
        renewal_count (int | Unset): Number of times the session has been renewed
        time_remaining (int | Unset): Milliseconds until session expiration
        is_near_expiration (bool | Unset): Whether the session is within the warning threshold
    """

    session_id: str | Unset = UNSET
    agent_id: UUID | Unset = UNSET
    user_id: UUID | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    last_activity: datetime.datetime | Unset = UNSET
    metadata: SessionInfoMetadata | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    timeout_config: SessionInfoTimeoutConfig | Unset = UNSET
    renewal_count: int | Unset = UNSET
    time_remaining: int | Unset = UNSET
    is_near_expiration: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        agent_id: str | Unset = UNSET
        if not isinstance(self.agent_id, Unset):
            agent_id = str(self.agent_id)

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        last_activity: str | Unset = UNSET
        if not isinstance(self.last_activity, Unset):
            last_activity = self.last_activity.isoformat()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        timeout_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timeout_config, Unset):
            timeout_config = self.timeout_config.to_dict()

        renewal_count = self.renewal_count

        time_remaining = self.time_remaining

        is_near_expiration = self.is_near_expiration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_activity is not UNSET:
            field_dict["lastActivity"] = last_activity
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if timeout_config is not UNSET:
            field_dict["timeoutConfig"] = timeout_config
        if renewal_count is not UNSET:
            field_dict["renewalCount"] = renewal_count
        if time_remaining is not UNSET:
            field_dict["timeRemaining"] = time_remaining
        if is_near_expiration is not UNSET:
            field_dict["isNearExpiration"] = is_near_expiration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_info_metadata import SessionInfoMetadata  # noqa: PLC0415
        from ..models.session_info_timeout_config import SessionInfoTimeoutConfig  # noqa: PLC0415

        d = dict(src_dict)
        session_id = d.pop("sessionId", UNSET)

        _agent_id = d.pop("agentId", UNSET)
        agent_id: UUID | Unset
        if isinstance(_agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = UUID(_agent_id)

        _user_id = d.pop("userId", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_activity = d.pop("lastActivity", UNSET)
        last_activity: datetime.datetime | Unset
        if isinstance(_last_activity, Unset):
            last_activity = UNSET
        else:
            last_activity = datetime.datetime.fromisoformat(_last_activity)

        _metadata = d.pop("metadata", UNSET)
        metadata: SessionInfoMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = SessionInfoMetadata.from_dict(_metadata)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        _timeout_config = d.pop("timeoutConfig", UNSET)
        timeout_config: SessionInfoTimeoutConfig | Unset
        if isinstance(_timeout_config, Unset):
            timeout_config = UNSET
        else:
            timeout_config = SessionInfoTimeoutConfig.from_dict(_timeout_config)

        renewal_count = d.pop("renewalCount", UNSET)

        time_remaining = d.pop("timeRemaining", UNSET)

        is_near_expiration = d.pop("isNearExpiration", UNSET)

        session_info = cls(
            session_id=session_id,
            agent_id=agent_id,
            user_id=user_id,
            created_at=created_at,
            last_activity=last_activity,
            metadata=metadata,
            expires_at=expires_at,
            timeout_config=timeout_config,
            renewal_count=renewal_count,
            time_remaining=time_remaining,
            is_near_expiration=is_near_expiration,
        )

        session_info.additional_properties = d
        return session_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
