"""What SessionEnder and AsyncSessionEnder share: options, settings, validation, client parts.

Settings are read from the environment once, when an ender is constructed; credentials and
base URLs are checked per provider when it is first used, so a missing credential for one
provider never stops ends at another.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import httpx

from . import _defaults, _transport, errors
from ._attempts import Attempts
from ._config import ProviderSettings, check_base_url, read_environment
from ._httpx import DirectAsyncClient, DirectClient
from ._models import EndReason, Provider
from ._session_id import check_session_id
from .providers import ADAPTERS, Adapter, Auth

__all__ = ["Core", "Plan", "target_error", "unpack"]


# Not frozen: one is built for every end, and a frozen dataclass takes twice as long.
@dataclasses.dataclass(slots=True)
class Plan:
    """One validated end, ready to send."""

    provider: Provider
    session_id: str
    reason: EndReason
    timeout: float
    adapter: Adapter
    attempts: Attempts


class Core:
    """Options and per-provider state shared by the sync and async enders."""

    def __init__(
        self,
        *,
        timeout: float,
        max_retries: int,
        max_retry_wait: float,
        missing_ok: bool,
        allow_insecure_http: bool,
        settings: Mapping[Provider, ProviderSettings] | Mapping[str, ProviderSettings] | None,
    ) -> None:
        if not timeout > 0:
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries!r}")
        if max_retry_wait < 0:
            raise ValueError(f"max_retry_wait must be 0 or more, got {max_retry_wait!r}")
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.max_retry_wait = float(max_retry_wait)
        self.missing_ok = missing_ok
        self.allow_insecure_http = allow_insecure_http
        given = {Provider.parse(name): value for name, value in (settings or {}).items()}
        self.adapters = {provider: adapter() for provider, adapter in ADAPTERS.items()}
        self.settings = {
            provider: read_environment(given.get(provider), adapter.settings_variables)
            for provider, adapter in self.adapters.items()
        }

    def auth(self, provider: Provider) -> Auth | None:
        """The provider's credential header.

        Raises:
            errors.ConfigurationError: When a required credential is missing, or holds
                characters a header cannot carry.
        """
        adapter = self.adapters[provider]
        auth = adapter.auth(dataclasses.asdict(self.settings[provider]))
        # A header carries printable ASCII only; anything else fails deep inside the HTTP
        # client, differently on each path, and a CR/LF could even split the header.
        if auth is not None and not (auth.token.isascii() and auth.token.isprintable()):
            variable = adapter.settings_variables.get("api_key", "the credential")
            raise errors.ConfigurationError(
                f"{variable} holds characters an HTTP header cannot carry "
                "(only printable ASCII is allowed)",
                provider=provider.value,
            )
        return auth

    def configured_providers(self) -> list[Provider]:
        """The providers whose required credentials are set."""
        configured = []
        for provider in self.adapters:
            try:
                self.auth(provider)
            except errors.ConfigurationError:
                continue
            configured.append(provider)
        return configured

    def build_client(
        self,
        provider: Provider,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
        *,
        asynchronous: bool,
    ) -> Any:
        """Build the provider's generated client, configured for sessionend.

        The generated client is given a direct httpx client (see ``_httpx``), built here with
        the same settings it would use for its own, its credential header included.

        Raises:
            errors.ConfigurationError: On a missing credential or an unusable base URL.
        """
        adapter = self.adapters[provider]
        auth = self.auth(provider)
        base_url = check_base_url(
            self.settings[provider].base_url or adapter.default_base_url,
            provider=provider.value,
            variable=adapter.base_url_variable,
            allow_insecure_http=self.allow_insecure_http,
        )
        options: dict[str, Any] = {
            "base_url": base_url,
            "timeout": httpx.Timeout(self.timeout),
            "follow_redirects": False,  # a redirect could carry the credential to another host
            "event_hooks": _transport.async_hooks() if asynchronous else _transport.sync_hooks(),
            "limits": httpx.Limits(
                max_connections=_defaults.MAX_CONNECTIONS,
                max_keepalive_connections=_defaults.MAX_CONNECTIONS,
            ),
        }
        if transport is not None:
            options["transport"] = transport
        client = adapter.client(
            base_url,
            auth,
            timeout=options["timeout"],
            follow_redirects=False,
            raise_on_unexpected_status=False,
        )
        if auth is not None:
            # As the generated AuthenticatedClient sets it on the httpx client it builds.
            token = f"{auth.prefix} {auth.token}" if auth.prefix else auth.token
            options["headers"] = {auth.header: token}
        if asynchronous:
            client.set_async_httpx_client(
                DirectAsyncClient(attempt_timeout=_transport.attempt_timeout, **options)
            )
        else:
            client.set_httpx_client(
                DirectClient(attempt_timeout=_transport.attempt_timeout, **options)
            )
        return client

    def plan(
        self,
        provider: Provider | str,
        session_id: str,
        reason: EndReason,
        missing_ok: bool | None,
        timeout: float | None,
    ) -> Plan:
        """Validate one end before anything is sent.

        Raises:
            ValueError: For an unknown provider or a bad reason or timeout.
            errors.InvalidSessionId: For an id that cannot be sent safely.
        """
        parsed = Provider.parse(provider)
        adapter = self.adapters[parsed]
        check_session_id(session_id, parsed.value)
        adapter.check_session_id(session_id)
        if timeout is not None and not timeout > 0:
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
        settings = self.settings[parsed]
        attempts = Attempts(
            parsed,
            session_id,
            missing_ok=self.missing_ok if missing_ok is None else missing_ok,
            max_retries=self.max_retries,
            max_retry_wait=self.max_retry_wait,
            secrets=(settings.api_key or "", settings.developer_key or ""),
        )
        return Plan(
            parsed, session_id, EndReason(reason), timeout or self.timeout, adapter, attempts
        )


def target_error(target: object, problem: Exception) -> errors.SessionEndError:
    """The error end_many yields for a target it cannot even try."""
    if isinstance(problem, errors.SessionEndError):
        return problem
    provider = session_id = None
    if isinstance(target, tuple) and len(target) == 2:
        provider, session_id = (str(part) for part in target)
    return errors.ConfigurationError(str(problem), provider=provider, session_id=session_id)


def unpack(target: object) -> tuple[Provider | str, str]:
    """Split an end_many target into provider and session id.

    Raises:
        ValueError: When the target is not a (provider, session_id) pair.
    """
    if not isinstance(target, tuple | list) or len(target) != 2:
        raise ValueError(f"a target is a (provider, session_id) pair, got {target!r}")
    provider, session_id = target
    if not isinstance(provider, Provider | str):
        raise ValueError(f"a provider is a Provider or its name, got {provider!r}")
    return provider, str(session_id) if not isinstance(session_id, str) else session_id
