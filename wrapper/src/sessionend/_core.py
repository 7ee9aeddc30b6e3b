"""What SessionEnder and AsyncSessionEnder share: options, settings, validation, connections.

Settings are read from the environment once, when an ender is constructed; credentials and
base URLs are checked per provider when it is first used, so a missing credential for one
provider never stops ends at another.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

from . import _defaults, errors
from ._attempts import Attempts
from ._config import ProviderSettings, check_base_url, check_proxy, read_environment
from ._models import EndReason, Provider
from ._pace import Pace, Pacing
from ._session_id import check_session_id
from .providers import ADAPTERS, Adapter

__all__ = ["Connection", "Core", "Plan", "target_error", "unpack"]


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


@dataclasses.dataclass(frozen=True, slots=True)
class Connection:
    """Where one provider's requests go, and the headers that carry its credentials."""

    base_url: str
    headers: Mapping[str, str] = dataclasses.field(repr=False)


def _seconds(name: str, value: float, *, positive: bool) -> float:
    # inf and nan pass a plain comparison and then fail deep in the HTTP client.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number of seconds, got {value!r}")
    if positive and not value > 0:
        raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, got {value!r}")
    return float(value)


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
        pacing: Pacing | str = Pacing.ADAPTIVE,
        deadline: float | None = _defaults.DEADLINE,
    ) -> None:
        self.timeout = _seconds("timeout", timeout, positive=True)
        self.deadline = None if deadline is None else _seconds("deadline", deadline, positive=True)
        try:
            self.pacing = Pacing(pacing)
        except ValueError:
            valid = ", ".join(member.value for member in Pacing)
            raise ValueError(f"pacing must be one of {valid}, got {pacing!r}") from None
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be a whole number, 0 or more, got {max_retries!r}")
        self.max_retries = max_retries
        self.max_retry_wait = _seconds("max_retry_wait", max_retry_wait, positive=False)
        self.missing_ok = missing_ok
        self.allow_insecure_http = allow_insecure_http
        given = {Provider.parse(name): value for name, value in (settings or {}).items()}
        self.adapters: dict[Provider, Adapter] = {}
        self.settings: dict[Provider, ProviderSettings] = {}
        for provider, kind in ADAPTERS.items():
            try:
                resolved = read_environment(given.get(provider), kind.variables())
                # Options are chosen now: a value outside an option's choices fails here.
                self.adapters[provider] = kind(resolved.credentials)
            except ValueError as error:
                raise ValueError(f"settings for {provider.value}: {error}") from None
            self.settings[provider] = resolved
        self.paces = {
            provider: Pace(
                self.settings[provider].rate or adapter.rate_limit.documented_rate, self.pacing
            )
            for provider, adapter in self.adapters.items()
        }

    def auth_headers(self, provider: Provider) -> dict[str, str]:
        """The provider's credential headers.

        Raises:
            errors.ConfigurationError: When a required credential is missing, or holds
                characters a header cannot carry.
        """
        adapter = self.adapters[provider]
        settings = self.settings[provider]
        for credential in adapter.credentials:
            value = settings.get(credential.name)
            # A header carries printable ASCII only; anything else fails deep inside the HTTP
            # client, differently on each path, and a CR/LF could even split the header.
            if value and not (value.isascii() and value.isprintable()):
                raise errors.ConfigurationError(
                    f"{credential.variable} holds characters an HTTP header cannot carry "
                    "(only printable ASCII is allowed)",
                    provider=provider.value,
                )
        return adapter.auth_headers(settings.credentials)

    def secrets(self, provider: Provider) -> tuple[str, ...]:
        """The provider's secret credentials, to be kept out of every message."""
        settings = self.settings[provider]
        found = (settings.get(c.name) for c in self.adapters[provider].credentials if c.secret)
        return tuple(value for value in found if value)

    def configured_providers(self) -> list[Provider]:
        """The providers whose required credentials are set."""
        configured = []
        for provider in self.adapters:
            try:
                self.auth_headers(provider)
            except errors.ConfigurationError:
                continue
            configured.append(provider)
        return configured

    def connection(self, provider: Provider) -> Connection:
        """Where the provider's requests go, with its credential headers.

        Raises:
            errors.ConfigurationError: On a missing credential or an unusable base URL.
        """
        adapter = self.adapters[provider]
        headers = self.auth_headers(provider)
        base_url = check_base_url(
            self.settings[provider].base_url or adapter.default_base_url,
            provider=provider.value,
            variable=adapter.base_url_variable,
            allow_insecure_http=self.allow_insecure_http,
        )
        if headers:
            check_proxy(
                base_url,
                provider=provider.value,
                variable=adapter.base_url_variable,
                allow_insecure_http=self.allow_insecure_http,
            )
        return Connection(base_url, headers)

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
        chosen = self.timeout if timeout is None else _seconds("timeout", timeout, positive=True)
        attempts = Attempts(
            parsed,
            session_id,
            missing_ok=self.missing_ok if missing_ok is None else missing_ok,
            max_retries=self.max_retries,
            max_retry_wait=self.max_retry_wait,
            secrets=self.secrets(parsed),
            wait_headers=adapter.rate_limit.wait_headers,
            pace=self.paces[parsed],
            deadline=self.deadline,
        )
        return Plan(parsed, session_id, EndReason(reason), chosen, adapter, attempts)

    def listing(self, provider: Provider) -> Attempts:
        """The attempts of one page request of ``provider``'s live sessions."""
        adapter = self.adapters[provider]
        if not adapter.lists():
            raise ValueError(f"{provider.value} cannot list its live sessions{_as_chosen(adapter)}")
        return Attempts(
            provider,
            None,
            missing_ok=False,
            max_retries=self.max_retries,
            max_retry_wait=self.max_retry_wait,
            secrets=self.secrets(provider),
            wait_headers=adapter.rate_limit.wait_headers,
            pace=self.paces[provider],
            deadline=self.deadline,
        )


def _as_chosen(adapter: Adapter) -> str:
    """Which options keep an adapter that lists by default from listing, for the message."""
    if not adapter.lists_sessions or not adapter.options:
        return ""
    chosen = ", ".join(
        f"{option.name}={adapter.chosen[option.name]} ({option.variable})"
        for option in adapter.options
    )
    return f" with {chosen}"


def target_error(target: object, problem: Exception) -> errors.SessionEndError:
    """The error end_many yields for a target it cannot even try."""
    if isinstance(problem, errors.SessionEndError):
        return problem
    provider = session_id = None
    if isinstance(target, tuple | list) and len(target) == 2:
        provider = str(target[0])
        session_id = target[1] if isinstance(target[1], str) else None
    return errors.ConfigurationError(str(problem), provider=provider, session_id=session_id)


def unpack(target: object) -> tuple[Provider | str, str]:
    """Split an end_many target into provider and session id.

    The id is passed on as given: ``end()`` checks it, so a target gets exactly the
    validation a single end does (a None or bytes id is refused, never sent as text).

    Raises:
        ValueError: When the target is not a (provider, session_id) pair.
    """
    if not isinstance(target, tuple | list) or len(target) != 2:
        raise ValueError(f"a target is a (provider, session_id) pair, got {target!r}")
    provider, session_id = target
    if not isinstance(provider, Provider | str):
        raise ValueError(f"a provider is a Provider or its name, got {provider!r}")
    return provider, session_id
