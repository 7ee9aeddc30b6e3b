# Generated from specs/digitalsamba.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- digitalsamba`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_message_errors import ErrorMessageErrors


T = TypeVar("T", bound="ErrorMessage")


@_attrs_define
class ErrorMessage:
    """
    Attributes:
        message (str | Unset):
        error (str | Unset):
        errors (ErrorMessageErrors | Unset):
    """

    message: str | Unset = UNSET
    error: str | Unset = UNSET
    errors: ErrorMessageErrors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        error = self.error

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if error is not UNSET:
            field_dict["error"] = error
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_message_errors import ErrorMessageErrors  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message", UNSET)

        error = d.pop("error", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: ErrorMessageErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ErrorMessageErrors.from_dict(_errors)

        error_message = cls(
            message=message,
            error=error,
            errors=errors,
        )

        error_message.additional_properties = d
        return error_message

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
