"""Per-provider settings: credentials and base URL, from arguments or the environment."""

from __future__ import annotations

import ipaddress
import os
import urllib.request
from collections.abc import Mapping
from urllib.parse import urlsplit

from .errors import ConfigurationError

__all__ = [
    "ProviderSettings",
    "check_base_url",
    "check_proxy",
    "is_loopback",
    "proxy_for",
    "read_environment",
    "redact_url",
]


class ProviderSettings:
    """Settings for one provider; a setting left None falls back to the environment.

    Credentials are keywords named as the provider's adapter declares them: ``api_key``
    (LiveAvatar, Akool, OpenHands, ElizaOS), ``team_id`` and ``developer_key`` (Digital
    Samba); ``sessionend providers`` lists each provider's. Options a provider takes besides
    credentials are keywords too, read and shown the same way: OpenHands' ``api`` (``"v1"``,
    the default, or ``"v0"`` for an older self-hosted server). ``base_url`` is the vendor's
    base URL, for a self-hosted server or a test double. A keyword the provider does not take,
    or an option's value outside its choices, is a ValueError when an ender is built with
    these settings.

    ``rate``, set with ``ProviderSettings.of(..., rate=...)``, is the requests per second the
    ender's pace for this provider starts from, in place of the rate the vendor documents
    (an account's own limit).
    """

    __slots__ = ("_credentials", "base_url", "rate")

    def __init__(self, *, base_url: str | None = None, **credentials: str | None) -> None:
        self.base_url = base_url
        self.rate: float | None = None
        self._credentials: dict[str, str | None] = dict(credentials)

    @classmethod
    def of(
        cls,
        credentials: Mapping[str, str | None],
        *,
        base_url: str | None = None,
        rate: float | None = None,
    ) -> ProviderSettings:
        """Settings from a mapping of credential keywords to values, and a starting rate."""
        if rate is not None and not (isinstance(rate, int | float) and 0 < rate < float("inf")):
            raise ValueError(f"rate must be a positive number of requests per second, got {rate!r}")
        settings = cls(base_url=base_url)
        settings.rate = rate
        settings._credentials.update(credentials)
        return settings

    @property
    def credentials(self) -> Mapping[str, str | None]:
        """The credentials given, by keyword."""
        return dict(self._credentials)

    def get(self, name: str) -> str | None:
        """The credential ``name``, or None when it was not given."""
        return self._credentials.get(name)

    def __getattr__(self, name: str) -> str | None:
        # settings.api_key and friends, as before the credentials were keywords.
        if name.startswith("_"):
            raise AttributeError(name)
        return self._credentials.get(name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ProviderSettings):
            return NotImplemented
        return (self.base_url, self.rate, self._credentials) == (
            other.base_url,
            other.rate,
            other._credentials,
        )

    def __hash__(self) -> int:
        return hash((self.base_url, self.rate, tuple(sorted(self._credentials.items()))))

    def __repr__(self) -> str:
        # Which credentials are set, never their values.
        shown = [
            f"{name}={'<set>' if value else None}" for name, value in self._credentials.items()
        ]
        shown.append(f"base_url={redact_url(self.base_url) if self.base_url else None!r}")
        if self.rate is not None:
            shown.append(f"rate={self.rate!r}")
        return f"ProviderSettings({', '.join(shown)})"


def read_environment(
    override: ProviderSettings | None,
    variables: Mapping[str, str],
    environ: Mapping[str, str] | None = None,
) -> ProviderSettings:
    """Fill the settings ``override`` leaves unset from the environment.

    Args:
        override: Settings given by the caller, or None.
        variables: Setting name (credential or option keyword, or ``base_url``) to
            environment variable, for this provider.
        environ: The environment (``os.environ`` by default).

    Raises:
        ValueError: When ``override`` names a setting the provider does not take.
    """
    environ = os.environ if environ is None else environ
    given = override or ProviderSettings()
    # A keyword left None is harmless (settings built the same way for every provider).
    unknown = sorted(
        name
        for name, value in given.credentials.items()
        if value is not None and name not in variables
    )
    if unknown:
        valid = ", ".join(sorted(name for name in variables if name != "base_url"))
        raise ValueError(f"unknown setting(s) {', '.join(unknown)}; this provider takes {valid}")
    values: dict[str, str | None] = {}
    for name, variable in variables.items():
        value = given.base_url if name == "base_url" else given.get(name)
        values[name] = value if value is not None else environ.get(variable) or None
    base_url = values.pop("base_url", None)
    return ProviderSettings.of(values, base_url=base_url, rate=given.rate)


def check_base_url(url: str, *, provider: str, variable: str, allow_insecure_http: bool) -> str:
    """Return ``url`` without a trailing slash if credentials may be sent to it.

    Credentials go only over https, or over http to a loopback host.

    Raises:
        ConfigurationError: When the URL is malformed, or plain http to another host.
    """
    if "@" in url:
        # User info has no place in a base URL, and a password holding "/" or "?" would
        # split it elsewhere than "@": refused without showing any of it.
        raise ConfigurationError(
            f"{variable} must not carry user info (user:password@)", provider=provider
        )
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:  # e.g. an unclosed IPv6 bracket, a bad port
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
            "unencrypted; use https, or allow insecure http (allow_insecure_http=True, "
            "or --allow-insecure-http on the command line)",
            provider=provider,
        )
    return url.rstrip("/")


def redact_url(url: str) -> str:
    """``url`` with any ``user:password@`` replaced, so that it can be shown.

    Everything before the last ``@`` of the part after the scheme is hidden: a password may
    itself hold ``/``, ``?`` or ``#``, so where the authority ends cannot be trusted.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    if "@" in rest:
        rest = "***@" + rest.rpartition("@")[2]
    return f"{scheme}{separator}{rest}"


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine: ``localhost`` or a loopback address."""
    return _is_loopback(host)


def check_proxy(base_url: str, *, provider: str, variable: str, allow_insecure_http: bool) -> None:
    """Refuse a proxy that would see credentials sent over plain http.

    A plain-http base URL is allowed to loopback (ElizaOS's default is
    ``http://localhost:3000``), but a proxy named by the environment would then receive the
    credential headers in clear text, whatever host it is on other than this one.

    Raises:
        ConfigurationError: When plain http would go through a proxy on another host.
    """
    parts = urlsplit(base_url)
    if parts.scheme != "http" or allow_insecure_http:
        return
    proxy = proxy_for(base_url)
    if proxy is None:
        return
    try:
        proxy_host = urlsplit(proxy if "://" in proxy else f"http://{proxy}").hostname or ""
    except ValueError:
        proxy_host = ""
    if not _is_loopback(proxy_host):
        raise ConfigurationError(
            f"{variable} is plain http and the environment sends it through the proxy "
            f"{redact_url(proxy)!r}: credentials would reach it unencrypted; use https, set "
            "NO_PROXY for the host, or allow insecure http (allow_insecure_http=True, or "
            "--allow-insecure-http on the command line)",
            provider=provider,
        )


def proxy_for(url: str) -> str | None:
    """The proxy the environment (``HTTP_PROXY`` and friends) names for ``url``, if any."""
    parts = urlsplit(url)
    proxies = urllib.request.getproxies_environment()
    if not proxies or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxies.get(parts.scheme, proxies.get("all"))


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
