# Generated from specs/digitalsamba.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- digitalsamba`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetAllSessionsResponse200DataItem")


@_attrs_define
class GetAllSessionsResponse200DataItem:
    """
    Attributes:
        id (str | Unset):
        start_time (str | Unset):
        end_time (str | Unset):
        room_id (str | Unset):
        room_external_id (str | Unset):
        description (str | Unset):
        friendly_url (str | Unset):
        room_is_deleted (bool | Unset):
        participants_live (int | Unset):
        participants_total (int | Unset):
        participants_max (int | Unset):
        live (bool | Unset):
    """

    id: str | Unset = UNSET
    start_time: str | Unset = UNSET
    end_time: str | Unset = UNSET
    room_id: str | Unset = UNSET
    room_external_id: str | Unset = UNSET
    description: str | Unset = UNSET
    friendly_url: str | Unset = UNSET
    room_is_deleted: bool | Unset = UNSET
    participants_live: int | Unset = UNSET
    participants_total: int | Unset = UNSET
    participants_max: int | Unset = UNSET
    live: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        start_time = self.start_time

        end_time = self.end_time

        room_id = self.room_id

        room_external_id = self.room_external_id

        description = self.description

        friendly_url = self.friendly_url

        room_is_deleted = self.room_is_deleted

        participants_live = self.participants_live

        participants_total = self.participants_total

        participants_max = self.participants_max

        live = self.live

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if room_id is not UNSET:
            field_dict["room_id"] = room_id
        if room_external_id is not UNSET:
            field_dict["room_external_id"] = room_external_id
        if description is not UNSET:
            field_dict["description"] = description
        if friendly_url is not UNSET:
            field_dict["friendly_url"] = friendly_url
        if room_is_deleted is not UNSET:
            field_dict["room_is_deleted"] = room_is_deleted
        if participants_live is not UNSET:
            field_dict["participants_live"] = participants_live
        if participants_total is not UNSET:
            field_dict["participants_total"] = participants_total
        if participants_max is not UNSET:
            field_dict["participants_max"] = participants_max
        if live is not UNSET:
            field_dict["live"] = live

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        start_time = d.pop("start_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        room_id = d.pop("room_id", UNSET)

        room_external_id = d.pop("room_external_id", UNSET)

        description = d.pop("description", UNSET)

        friendly_url = d.pop("friendly_url", UNSET)

        room_is_deleted = d.pop("room_is_deleted", UNSET)

        participants_live = d.pop("participants_live", UNSET)

        participants_total = d.pop("participants_total", UNSET)

        participants_max = d.pop("participants_max", UNSET)

        live = d.pop("live", UNSET)

        get_all_sessions_response_200_data_item = cls(
            id=id,
            start_time=start_time,
            end_time=end_time,
            room_id=room_id,
            room_external_id=room_external_id,
            description=description,
            friendly_url=friendly_url,
            room_is_deleted=room_is_deleted,
            participants_live=participants_live,
            participants_total=participants_total,
            participants_max=participants_max,
            live=live,
        )

        get_all_sessions_response_200_data_item.additional_properties = d
        return get_all_sessions_response_200_data_item

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
