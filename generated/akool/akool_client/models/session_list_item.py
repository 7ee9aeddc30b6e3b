# Generated from specs/akool.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- akool`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_list_item_status import SessionListItemStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_list_item_credentials import SessionListItemCredentials


T = TypeVar("T", bound="SessionListItem")


@_attrs_define
class SessionListItem:
    """
    Attributes:
        field_id (str): Session ID, as Close Session takes it
        status (SessionListItemStatus): 1 queueing, 2 processing, 3 completed, 4 failed
        uid (int | Unset): The owner's user id
        type_ (int | Unset): Session type
        stream_type (str | Unset): Streaming provider
        credentials (SessionListItemCredentials | Unset): The streaming provider's credentials
    """

    field_id: str
    status: SessionListItemStatus
    uid: int | Unset = UNSET
    type_: int | Unset = UNSET
    stream_type: str | Unset = UNSET
    credentials: SessionListItemCredentials | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        status = self.status.value

        uid = self.uid

        type_ = self.type_

        stream_type = self.stream_type

        credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": field_id,
                "status": status,
            }
        )
        if uid is not UNSET:
            field_dict["uid"] = uid
        if type_ is not UNSET:
            field_dict["type"] = type_
        if stream_type is not UNSET:
            field_dict["stream_type"] = stream_type
        if credentials is not UNSET:
            field_dict["credentials"] = credentials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_list_item_credentials import SessionListItemCredentials  # noqa: PLC0415

        d = dict(src_dict)
        field_id = d.pop("_id")

        status = SessionListItemStatus(d.pop("status"))

        uid = d.pop("uid", UNSET)

        type_ = d.pop("type", UNSET)

        stream_type = d.pop("stream_type", UNSET)

        _credentials = d.pop("credentials", UNSET)
        credentials: SessionListItemCredentials | Unset
        if isinstance(_credentials, Unset):
            credentials = UNSET
        else:
            credentials = SessionListItemCredentials.from_dict(_credentials)

        session_list_item = cls(
            field_id=field_id,
            status=status,
            uid=uid,
            type_=type_,
            stream_type=stream_type,
            credentials=credentials,
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
