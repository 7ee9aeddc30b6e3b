# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionInfoTimeoutConfig")


@_attrs_define
class SessionInfoTimeoutConfig:
    """Current timeout configuration

    Attributes:
        timeout_minutes (int | Unset): Inactivity timeout in minutes
        auto_renew (bool | Unset): Whether auto-renewal is enabled
        max_duration_minutes (int | Unset): Maximum total session duration
        warning_threshold_minutes (int | Unset): Minutes before expiration to trigger warning
    """

    timeout_minutes: int | Unset = UNSET
    auto_renew: bool | Unset = UNSET
    max_duration_minutes: int | Unset = UNSET
    warning_threshold_minutes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timeout_minutes = self.timeout_minutes

        auto_renew = self.auto_renew

        max_duration_minutes = self.max_duration_minutes

        warning_threshold_minutes = self.warning_threshold_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timeout_minutes is not UNSET:
            field_dict["timeoutMinutes"] = timeout_minutes
        if auto_renew is not UNSET:
            field_dict["autoRenew"] = auto_renew
        if max_duration_minutes is not UNSET:
            field_dict["maxDurationMinutes"] = max_duration_minutes
        if warning_threshold_minutes is not UNSET:
            field_dict["warningThresholdMinutes"] = warning_threshold_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        timeout_minutes = d.pop("timeoutMinutes", UNSET)

        auto_renew = d.pop("autoRenew", UNSET)

        max_duration_minutes = d.pop("maxDurationMinutes", UNSET)

        warning_threshold_minutes = d.pop("warningThresholdMinutes", UNSET)

        session_info_timeout_config = cls(
            timeout_minutes=timeout_minutes,
            auto_renew=auto_renew,
            max_duration_minutes=max_duration_minutes,
            warning_threshold_minutes=warning_threshold_minutes,
        )

        session_info_timeout_config.additional_properties = d
        return session_info_timeout_config

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
