# Generated from specs/openhands.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_status import ConversationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversationResponse")


@_attrs_define
class ConversationResponse:
    """
    Attributes:
        status (str):
        conversation_id (str):
        message (None | str | Unset):
        conversation_status (ConversationStatus | None | Unset):
    """

    status: str
    conversation_id: str
    message: None | str | Unset = UNSET
    conversation_status: ConversationStatus | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        conversation_id = self.conversation_id

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        conversation_status: None | str | Unset
        if isinstance(self.conversation_status, Unset):
            conversation_status = UNSET
        elif isinstance(self.conversation_status, ConversationStatus):
            conversation_status = self.conversation_status.value
        else:
            conversation_status = self.conversation_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "conversation_id": conversation_id,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if conversation_status is not UNSET:
            field_dict["conversation_status"] = conversation_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        conversation_id = d.pop("conversation_id")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_conversation_status(data: object) -> ConversationStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conversation_status_type_0 = ConversationStatus(data)

                return conversation_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationStatus | None | Unset, data)

        conversation_status = _parse_conversation_status(d.pop("conversation_status", UNSET))

        conversation_response = cls(
            status=status,
            conversation_id=conversation_id,
            message=message,
            conversation_status=conversation_status,
        )

        conversation_response.additional_properties = d
        return conversation_response

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
