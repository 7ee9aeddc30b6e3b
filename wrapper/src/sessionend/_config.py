"""Per-provider settings: credentials and base URL, from arguments or the environment."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from .errors import ConfigurationError

__all__ = ["ProviderSettings", "check_base_url", "read_environment", "redact_url"]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ProviderSettings:
    """Settings for one provider; a field left None falls back to the environment.

    Attributes:
        api_key: The API key (LiveAvatar, Akool, OpenHands, ElizaOS).
        team_id: Digital Samba's team id.
        developer_key: Digital Samba's developer key.
        base_url: The vendor's base URL, for a self-hosted server or a test double.
    """

    api_key: str | None = dataclasses.field(default=None, repr=False)
    team_id: str | None = None
    developer_key: str | None = dataclasses.field(default=None, repr=False)
    base_url: str | None = None

    def __repr__(self) -> str:
        # Show which credentials are set, never their values.
        shown = [
            f"api_key={'<set>' if self.api_key else None}",
            f"team_id={self.team_id!r}",
            f"developer_key={'<set>' if self.developer_key else None}",
            f"base_url={self.base_url!r}",
        ]
        return f"ProviderSettings({', '.join(shown)})"


def read_environment(
    override: ProviderSettings | None,
    variables: Mapping[str, str],
    environ: Mapping[str, str] | None = None,
) -> ProviderSettings:
    """Fill the fields ``override`` leaves unset from the environment.

    Args:
        override: Settings given by the caller, or None.
        variables: Field name to environment variable, for this provider.
        environ: The environment (``os.environ`` by default).
    """
    environ = os.environ if environ is None else environ
    given = override or ProviderSettings()
    values = {}
    for field_name, variable in variables.items():
        value = getattr(given, field_name)
        if value is None:
            value = environ.get(variable) or None
        values[field_name] = value
    return dataclasses.replace(given, **values)


def check_base_url(url: str, *, provider: str, variable: str, allow_insecure_http: bool) -> str:
    """Return ``url`` without a trailing slash if credentials may be sent to it.

    Credentials go only over https, or over http to a loopback host.

    Raises:
        ConfigurationError: When the URL is malformed, or plain http to another host.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise ConfigurationError(
            f"{variable} is not a valid URL: {redact_url(url)!r}", provider=provider
        ) from None
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigurationError(
            f"{variable} must be an http(s) URL with a host, got {redact_url(url)!r}",
            provider=provider,
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ConfigurationError(
            f"{variable} must not carry a query, fragment or user info", provider=provider
        )
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(host):
        raise ConfigurationError(
            f"{variable} is plain http to {host!r}: credentials would travel "
            "unencrypted; use https, or pass allow_insecure_http=True",
            provider=provider,
        )
    return url.rstrip("/")


def redact_url(url: str) -> str:
    """``url`` with any ``user:password@`` replaced, so that it can be shown."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        authority = "***@" + authority.rpartition("@")[2]
    return f"{scheme}{separator}{authority}{slash}{path}"


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
