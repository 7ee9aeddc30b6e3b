# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LaunchedAgentProfile")


@_attrs_define
class LaunchedAgentProfile:
    """Provenance snapshot recorded when an agent profile launches a conversation.

    Stored on ``StoredConversation`` and projected onto ``ConversationInfo`` so
    ts-client ``deriveSwitchPlan`` can identify which agent profile is current
    without fragile settings-comparison. See #3720.

        Attributes:
            agent_profile_id (UUID): Stable id of the agent profile that launched the conversation.
            revision (int): Revision of the agent profile at launch time.
    """

    agent_profile_id: UUID
    revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_profile_id = str(self.agent_profile_id)

        revision = self.revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_profile_id": agent_profile_id,
                "revision": revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agent_profile_id = UUID(d.pop("agent_profile_id"))

        revision = d.pop("revision")

        launched_agent_profile = cls(
            agent_profile_id=agent_profile_id,
            revision=revision,
        )

        launched_agent_profile.additional_properties = d
        return launched_agent_profile

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
