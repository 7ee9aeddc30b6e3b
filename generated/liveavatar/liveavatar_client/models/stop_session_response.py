# Generated from specs/liveavatar.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- liveavatar`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StopSessionResponse")


@_attrs_define
class StopSessionResponse:
    """
    Attributes:
        code (int | Unset):  Default: 100.
        data (Any | Unset):
        message (str | Unset):
    """

    code: int | Unset = 100
    data: Any | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        data = self.data

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if data is not UNSET:
            field_dict["data"] = data
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        data = d.pop("data", UNSET)

        message = d.pop("message", UNSET)

        stop_session_response = cls(
            code=code,
            data=data,
            message=message,
        )

        stop_session_response.additional_properties = d
        return stop_session_response

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
