# Generated from specs/liveavatar.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- liveavatar`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_list_item_mode import SessionListItemMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionListItem")


@_attrs_define
class SessionListItem:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime | Unset):
        duration (float | None | Unset):
        source (str | Unset):
        mode (SessionListItemMode | Unset):
        is_sandbox (bool | Unset):
        credits_consumed (float | None | Unset):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime | Unset = UNSET
    duration: float | None | Unset = UNSET
    source: str | Unset = UNSET
    mode: SessionListItemMode | Unset = UNSET
    is_sandbox: bool | Unset = UNSET
    credits_consumed: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        source = self.source

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        is_sandbox = self.is_sandbox

        credits_consumed: float | None | Unset
        if isinstance(self.credits_consumed, Unset):
            credits_consumed = UNSET
        else:
            credits_consumed = self.credits_consumed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
            }
        )
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if duration is not UNSET:
            field_dict["duration"] = duration
        if source is not UNSET:
            field_dict["source"] = source
        if mode is not UNSET:
            field_dict["mode"] = mode
        if is_sandbox is not UNSET:
            field_dict["is_sandbox"] = is_sandbox
        if credits_consumed is not UNSET:
            field_dict["credits_consumed"] = credits_consumed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        def _parse_duration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        source = d.pop("source", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: SessionListItemMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = SessionListItemMode(_mode)

        is_sandbox = d.pop("is_sandbox", UNSET)

        def _parse_credits_consumed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        credits_consumed = _parse_credits_consumed(d.pop("credits_consumed", UNSET))

        session_list_item = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            duration=duration,
            source=source,
            mode=mode,
            is_sandbox=is_sandbox,
            credits_consumed=credits_consumed,
        )

        session_list_item.additional_properties = d
        return session_list_item

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
