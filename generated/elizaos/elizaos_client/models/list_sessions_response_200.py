# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.list_sessions_response_200_stats import ListSessionsResponse200Stats
    from ..models.session_info import SessionInfo


T = TypeVar("T", bound="ListSessionsResponse200")


@_attrs_define
class ListSessionsResponse200:
    """
    Attributes:
        sessions (list[SessionInfo] | Unset):
        total (int | Unset): Total number of active sessions
        stats (ListSessionsResponse200Stats | Unset):
    """

    sessions: list[SessionInfo] | Unset = UNSET
    total: int | Unset = UNSET
    stats: ListSessionsResponse200Stats | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sessions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions, Unset):
            sessions = []
            for sessions_item_data in self.sessions:
                sessions_item = sessions_item_data.to_dict()
                sessions.append(sessions_item)

        total = self.total

        stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stats, Unset):
            stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sessions is not UNSET:
            field_dict["sessions"] = sessions
        if total is not UNSET:
            field_dict["total"] = total
        if stats is not UNSET:
            field_dict["stats"] = stats

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_sessions_response_200_stats import ListSessionsResponse200Stats  # noqa: PLC0415
        from ..models.session_info import SessionInfo  # noqa: PLC0415

        d = dict(src_dict)
        _sessions = d.pop("sessions", UNSET)
        sessions: list[SessionInfo] | Unset = UNSET
        if _sessions is not UNSET:
            sessions = []
            for sessions_item_data in _sessions:
                sessions_item = SessionInfo.from_dict(sessions_item_data)

                sessions.append(sessions_item)

        total = d.pop("total", UNSET)

        _stats = d.pop("stats", UNSET)
        stats: ListSessionsResponse200Stats | Unset
        if isinstance(_stats, Unset):
            stats = UNSET
        else:
            stats = ListSessionsResponse200Stats.from_dict(_stats)

        list_sessions_response_200 = cls(
            sessions=sessions,
            total=total,
            stats=stats,
        )

        list_sessions_response_200.additional_properties = d
        return list_sessions_response_200

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
