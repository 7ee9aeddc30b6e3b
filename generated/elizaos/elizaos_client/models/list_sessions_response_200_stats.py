# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListSessionsResponse200Stats")


@_attrs_define
class ListSessionsResponse200Stats:
    """
    Attributes:
        total_sessions (int | Unset):
        active_sessions (int | Unset):
        expired_sessions (int | Unset):
    """

    total_sessions: int | Unset = UNSET
    active_sessions: int | Unset = UNSET
    expired_sessions: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_sessions = self.total_sessions

        active_sessions = self.active_sessions

        expired_sessions = self.expired_sessions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_sessions is not UNSET:
            field_dict["totalSessions"] = total_sessions
        if active_sessions is not UNSET:
            field_dict["activeSessions"] = active_sessions
        if expired_sessions is not UNSET:
            field_dict["expiredSessions"] = expired_sessions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_sessions = d.pop("totalSessions", UNSET)

        active_sessions = d.pop("activeSessions", UNSET)

        expired_sessions = d.pop("expiredSessions", UNSET)

        list_sessions_response_200_stats = cls(
            total_sessions=total_sessions,
            active_sessions=active_sessions,
            expired_sessions=expired_sessions,
        )

        list_sessions_response_200_stats.additional_properties = d
        return list_sessions_response_200_stats

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
