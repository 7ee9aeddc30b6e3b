# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.
"""Contains all the data models used in inputs/outputs"""

from .app_conversation import AppConversation
from .app_conversation_page import AppConversationPage
from .app_conversation_tags import AppConversationTags
from .conversation_execution_status import ConversationExecutionStatus
from .conversation_trigger import ConversationTrigger
from .exposed_url import ExposedUrl
from .http_validation_error import HTTPValidationError
from .launched_agent_profile import LaunchedAgentProfile
from .metrics_snapshot import MetricsSnapshot
from .provider_type import ProviderType
from .sandbox_info import SandboxInfo
from .sandbox_page import SandboxPage
from .sandbox_status import SandboxStatus
from .success import Success
from .token_usage import TokenUsage
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext

__all__ = (
    "AppConversation",
    "AppConversationPage",
    "AppConversationTags",
    "ConversationExecutionStatus",
    "ConversationTrigger",
    "ExposedUrl",
    "HTTPValidationError",
    "LaunchedAgentProfile",
    "MetricsSnapshot",
    "ProviderType",
    "SandboxInfo",
    "SandboxPage",
    "SandboxStatus",
    "Success",
    "TokenUsage",
    "ValidationError",
    "ValidationErrorContext",
)
