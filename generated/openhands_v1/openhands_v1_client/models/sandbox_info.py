# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_status import SandboxStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exposed_url import ExposedUrl


T = TypeVar("T", bound="SandboxInfo")


@_attrs_define
class SandboxInfo:
    """Information about a sandbox.

    Attributes:
        id (str):
        created_by_user_id (None | str):
        sandbox_spec_id (str):
        status (SandboxStatus):
        session_api_key (None | str): Key to access sandbox, to be added as an `X-Session-API-Key` header in each
            request. In cases where the sandbox statues is STARTING or PAUSED, or the current user does not have full access
            the session_api_key will be None.
        exposed_urls (list[ExposedUrl] | None | Unset): URLs exposed by the sandbox (App server, Vscode,
            etc...)Sandboxes with a status STARTING / PAUSED / ERROR may not return urls.
        created_at (datetime.datetime | Unset):
        status_detail (None | str | Unset): Last pod/scheduling reason from the runtime (e.g. insufficient kvm,
            ImagePullBackOff), surfaced when a sandbox is stuck or errored.
    """

    id: str
    created_by_user_id: None | str
    sandbox_spec_id: str
    status: SandboxStatus
    session_api_key: None | str
    exposed_urls: list[ExposedUrl] | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    status_detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_by_user_id: None | str
        created_by_user_id = self.created_by_user_id

        sandbox_spec_id = self.sandbox_spec_id

        status = self.status.value

        session_api_key: None | str
        session_api_key = self.session_api_key

        exposed_urls: list[dict[str, Any]] | None | Unset
        if isinstance(self.exposed_urls, Unset):
            exposed_urls = UNSET
        elif isinstance(self.exposed_urls, list):
            exposed_urls = []
            for exposed_urls_type_0_item_data in self.exposed_urls:
                exposed_urls_type_0_item = exposed_urls_type_0_item_data.to_dict()
                exposed_urls.append(exposed_urls_type_0_item)

        else:
            exposed_urls = self.exposed_urls

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        status_detail: None | str | Unset
        if isinstance(self.status_detail, Unset):
            status_detail = UNSET
        else:
            status_detail = self.status_detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_by_user_id": created_by_user_id,
                "sandbox_spec_id": sandbox_spec_id,
                "status": status,
                "session_api_key": session_api_key,
            }
        )
        if exposed_urls is not UNSET:
            field_dict["exposed_urls"] = exposed_urls
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if status_detail is not UNSET:
            field_dict["status_detail"] = status_detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exposed_url import ExposedUrl  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_created_by_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by_user_id = _parse_created_by_user_id(d.pop("created_by_user_id"))

        sandbox_spec_id = d.pop("sandbox_spec_id")

        status = SandboxStatus(d.pop("status"))

        def _parse_session_api_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_api_key = _parse_session_api_key(d.pop("session_api_key"))

        def _parse_exposed_urls(data: object) -> list[ExposedUrl] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                exposed_urls_type_0 = []
                _exposed_urls_type_0 = data
                for exposed_urls_type_0_item_data in _exposed_urls_type_0:
                    exposed_urls_type_0_item = ExposedUrl.from_dict(exposed_urls_type_0_item_data)

                    exposed_urls_type_0.append(exposed_urls_type_0_item)

                return exposed_urls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ExposedUrl] | None | Unset, data)

        exposed_urls = _parse_exposed_urls(d.pop("exposed_urls", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_status_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_detail = _parse_status_detail(d.pop("status_detail", UNSET))

        sandbox_info = cls(
            id=id,
            created_by_user_id=created_by_user_id,
            sandbox_spec_id=sandbox_spec_id,
            status=status,
            session_api_key=session_api_key,
            exposed_urls=exposed_urls,
            created_at=created_at,
            status_detail=status_detail,
        )

        sandbox_info.additional_properties = d
        return sandbox_info

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
