# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_execution_status import ConversationExecutionStatus
from ..models.conversation_trigger import ConversationTrigger
from ..models.provider_type import ProviderType
from ..models.sandbox_status import SandboxStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.app_conversation_tags import AppConversationTags
    from ..models.launched_agent_profile import LaunchedAgentProfile
    from ..models.metrics_snapshot import MetricsSnapshot


T = TypeVar("T", bound="AppConversation")


@_attrs_define
class AppConversation:
    """
    Attributes:
        created_by_user_id (None | str):
        sandbox_id (str):
        acp_server (None | str): Active ACP provider key ('claude-code', 'codex', 'gemini-cli'), else None.

            A typed projection of the ``acpserver`` tag (same as agent-canvas) so
            the conversation UI can resolve a provider brand label without a dedicated
            column. Riding the tag keeps a single source of truth that
            round-trips through the DB ``tags`` column for free. Gated on
            ``agent_kind`` so a stray tag never reports a provider for an OpenHands
            conversation.
        launched_agent_profile (LaunchedAgentProfile | None): Provenance of the Agent Profile that launched this
            conversation, else None.

            A typed projection of the ``agentprofileid`` / ``agentprofilerevision``
            tags (same pattern as ``acp_server``), so it round-trips through the DB
            ``tags`` column for free. Canvas reads exactly
            ``launched_agent_profile { agent_profile_id, revision }``.
        id (str | Unset):
        selected_repository (None | str | Unset):
        selected_branch (None | str | Unset):
        git_provider (None | ProviderType | Unset):
        title (None | str | Unset):
        trigger (ConversationTrigger | None | Unset):
        pr_number (list[int] | Unset):
        llm_model (None | str | Unset):
        agent_kind (str | Unset):  Default: 'openhands'.
        metrics (MetricsSnapshot | None | Unset):
        parent_conversation_id (None | str | Unset):
        sub_conversation_ids (list[str] | Unset):
        public (bool | None | Unset):
        tags (AppConversationTags | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        sandbox_status (SandboxStatus | Unset):
        execution_status (ConversationExecutionStatus | None | Unset): Current agent status. Will be None if the
            sandbox_status is not RUNNING
        conversation_url (None | str | Unset): The URL where the conversation may be accessed
        session_api_key (None | str | Unset): The Session Api Key for REST operations.
    """

    created_by_user_id: None | str
    sandbox_id: str
    acp_server: None | str
    launched_agent_profile: LaunchedAgentProfile | None
    id: str | Unset = UNSET
    selected_repository: None | str | Unset = UNSET
    selected_branch: None | str | Unset = UNSET
    git_provider: None | ProviderType | Unset = UNSET
    title: None | str | Unset = UNSET
    trigger: ConversationTrigger | None | Unset = UNSET
    pr_number: list[int] | Unset = UNSET
    llm_model: None | str | Unset = UNSET
    agent_kind: str | Unset = "openhands"
    metrics: MetricsSnapshot | None | Unset = UNSET
    parent_conversation_id: None | str | Unset = UNSET
    sub_conversation_ids: list[str] | Unset = UNSET
    public: bool | None | Unset = UNSET
    tags: AppConversationTags | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    sandbox_status: SandboxStatus | Unset = UNSET
    execution_status: ConversationExecutionStatus | None | Unset = UNSET
    conversation_url: None | str | Unset = UNSET
    session_api_key: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.launched_agent_profile import LaunchedAgentProfile  # noqa: PLC0415
        from ..models.metrics_snapshot import MetricsSnapshot  # noqa: PLC0415

        created_by_user_id: None | str
        created_by_user_id = self.created_by_user_id

        sandbox_id = self.sandbox_id

        acp_server: None | str
        acp_server = self.acp_server

        launched_agent_profile: dict[str, Any] | None
        if isinstance(self.launched_agent_profile, LaunchedAgentProfile):
            launched_agent_profile = self.launched_agent_profile.to_dict()
        else:
            launched_agent_profile = self.launched_agent_profile

        id = self.id

        selected_repository: None | str | Unset
        if isinstance(self.selected_repository, Unset):
            selected_repository = UNSET
        else:
            selected_repository = self.selected_repository

        selected_branch: None | str | Unset
        if isinstance(self.selected_branch, Unset):
            selected_branch = UNSET
        else:
            selected_branch = self.selected_branch

        git_provider: None | str | Unset
        if isinstance(self.git_provider, Unset):
            git_provider = UNSET
        elif isinstance(self.git_provider, ProviderType):
            git_provider = self.git_provider.value
        else:
            git_provider = self.git_provider

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        trigger: None | str | Unset
        if isinstance(self.trigger, Unset):
            trigger = UNSET
        elif isinstance(self.trigger, ConversationTrigger):
            trigger = self.trigger.value
        else:
            trigger = self.trigger

        pr_number: list[int] | Unset = UNSET
        if not isinstance(self.pr_number, Unset):
            pr_number = self.pr_number

        llm_model: None | str | Unset
        if isinstance(self.llm_model, Unset):
            llm_model = UNSET
        else:
            llm_model = self.llm_model

        agent_kind = self.agent_kind

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, MetricsSnapshot):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        parent_conversation_id: None | str | Unset
        if isinstance(self.parent_conversation_id, Unset):
            parent_conversation_id = UNSET
        else:
            parent_conversation_id = self.parent_conversation_id

        sub_conversation_ids: list[str] | Unset = UNSET
        if not isinstance(self.sub_conversation_ids, Unset):
            sub_conversation_ids = self.sub_conversation_ids

        public: bool | None | Unset
        if isinstance(self.public, Unset):
            public = UNSET
        else:
            public = self.public

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        sandbox_status: str | Unset = UNSET
        if not isinstance(self.sandbox_status, Unset):
            sandbox_status = self.sandbox_status.value

        execution_status: None | str | Unset
        if isinstance(self.execution_status, Unset):
            execution_status = UNSET
        elif isinstance(self.execution_status, ConversationExecutionStatus):
            execution_status = self.execution_status.value
        else:
            execution_status = self.execution_status

        conversation_url: None | str | Unset
        if isinstance(self.conversation_url, Unset):
            conversation_url = UNSET
        else:
            conversation_url = self.conversation_url

        session_api_key: None | str | Unset
        if isinstance(self.session_api_key, Unset):
            session_api_key = UNSET
        else:
            session_api_key = self.session_api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_by_user_id": created_by_user_id,
                "sandbox_id": sandbox_id,
                "acp_server": acp_server,
                "launched_agent_profile": launched_agent_profile,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if selected_repository is not UNSET:
            field_dict["selected_repository"] = selected_repository
        if selected_branch is not UNSET:
            field_dict["selected_branch"] = selected_branch
        if git_provider is not UNSET:
            field_dict["git_provider"] = git_provider
        if title is not UNSET:
            field_dict["title"] = title
        if trigger is not UNSET:
            field_dict["trigger"] = trigger
        if pr_number is not UNSET:
            field_dict["pr_number"] = pr_number
        if llm_model is not UNSET:
            field_dict["llm_model"] = llm_model
        if agent_kind is not UNSET:
            field_dict["agent_kind"] = agent_kind
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if parent_conversation_id is not UNSET:
            field_dict["parent_conversation_id"] = parent_conversation_id
        if sub_conversation_ids is not UNSET:
            field_dict["sub_conversation_ids"] = sub_conversation_ids
        if public is not UNSET:
            field_dict["public"] = public
        if tags is not UNSET:
            field_dict["tags"] = tags
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if sandbox_status is not UNSET:
            field_dict["sandbox_status"] = sandbox_status
        if execution_status is not UNSET:
            field_dict["execution_status"] = execution_status
        if conversation_url is not UNSET:
            field_dict["conversation_url"] = conversation_url
        if session_api_key is not UNSET:
            field_dict["session_api_key"] = session_api_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.app_conversation_tags import AppConversationTags  # noqa: PLC0415
        from ..models.launched_agent_profile import LaunchedAgentProfile  # noqa: PLC0415
        from ..models.metrics_snapshot import MetricsSnapshot  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_created_by_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by_user_id = _parse_created_by_user_id(d.pop("created_by_user_id"))

        sandbox_id = d.pop("sandbox_id")

        def _parse_acp_server(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acp_server = _parse_acp_server(d.pop("acp_server"))

        def _parse_launched_agent_profile(data: object) -> LaunchedAgentProfile | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                launched_agent_profile_type_0 = LaunchedAgentProfile.from_dict(data)

                return launched_agent_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LaunchedAgentProfile | None, data)

        launched_agent_profile = _parse_launched_agent_profile(d.pop("launched_agent_profile"))

        id = d.pop("id", UNSET)

        def _parse_selected_repository(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        selected_repository = _parse_selected_repository(d.pop("selected_repository", UNSET))

        def _parse_selected_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        selected_branch = _parse_selected_branch(d.pop("selected_branch", UNSET))

        def _parse_git_provider(data: object) -> None | ProviderType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                git_provider_type_0 = ProviderType(data)

                return git_provider_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderType | Unset, data)

        git_provider = _parse_git_provider(d.pop("git_provider", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_trigger(data: object) -> ConversationTrigger | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trigger_type_0 = ConversationTrigger(data)

                return trigger_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationTrigger | None | Unset, data)

        trigger = _parse_trigger(d.pop("trigger", UNSET))

        pr_number = cast(list[int], d.pop("pr_number", UNSET))

        def _parse_llm_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        llm_model = _parse_llm_model(d.pop("llm_model", UNSET))

        agent_kind = d.pop("agent_kind", UNSET)

        def _parse_metrics(data: object) -> MetricsSnapshot | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = MetricsSnapshot.from_dict(data)

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricsSnapshot | None | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_parent_conversation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_conversation_id = _parse_parent_conversation_id(d.pop("parent_conversation_id", UNSET))

        sub_conversation_ids = cast(list[str], d.pop("sub_conversation_ids", UNSET))

        def _parse_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        public = _parse_public(d.pop("public", UNSET))

        _tags = d.pop("tags", UNSET)
        tags: AppConversationTags | Unset
        if isinstance(_tags, Unset):
            tags = UNSET
        else:
            tags = AppConversationTags.from_dict(_tags)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _sandbox_status = d.pop("sandbox_status", UNSET)
        sandbox_status: SandboxStatus | Unset
        if isinstance(_sandbox_status, Unset):
            sandbox_status = UNSET
        else:
            sandbox_status = SandboxStatus(_sandbox_status)

        def _parse_execution_status(data: object) -> ConversationExecutionStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                execution_status_type_0 = ConversationExecutionStatus(data)

                return execution_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationExecutionStatus | None | Unset, data)

        execution_status = _parse_execution_status(d.pop("execution_status", UNSET))

        def _parse_conversation_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conversation_url = _parse_conversation_url(d.pop("conversation_url", UNSET))

        def _parse_session_api_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_api_key = _parse_session_api_key(d.pop("session_api_key", UNSET))

        app_conversation = cls(
            created_by_user_id=created_by_user_id,
            sandbox_id=sandbox_id,
            acp_server=acp_server,
            launched_agent_profile=launched_agent_profile,
            id=id,
            selected_repository=selected_repository,
            selected_branch=selected_branch,
            git_provider=git_provider,
            title=title,
            trigger=trigger,
            pr_number=pr_number,
            llm_model=llm_model,
            agent_kind=agent_kind,
            metrics=metrics,
            parent_conversation_id=parent_conversation_id,
            sub_conversation_ids=sub_conversation_ids,
            public=public,
            tags=tags,
            created_at=created_at,
            updated_at=updated_at,
            sandbox_status=sandbox_status,
            execution_status=execution_status,
            conversation_url=conversation_url,
            session_api_key=session_api_key,
        )

        app_conversation.additional_properties = d
        return app_conversation

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
