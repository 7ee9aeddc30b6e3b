"""Credentials, placeholders and the scrubbing every recorded interaction goes through.

Tests read credentials from the same environment variables as production; where one is unset
its placeholder (``<VARIABLE>``) is used instead, which is also what every recorded credential
header is replaced with. So a cassette never holds a real credential, and replays need none.

A live session to end (for re-recording ``success`` and ``already_ended`` against a real
vendor) is named by ``<VENDOR>_CONTRACT_SESSION_ID``; the recording replaces it with the
test's fixed id, so the cassette replays without that variable.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Mapping
from typing import Any

from sessionend import Provider
from sessionend.providers import ADAPTERS, Adapter

__all__ = [
    "CREDENTIAL_HEADERS",
    "CREDENTIAL_VARIABLES",
    "PLACEHOLDER_HEADERS",
    "SECRET_HEADERS",
    "SESSION_IDS",
    "VENDORS",
    "credential",
    "live_session_id",
    "placeholder",
    "placeholder_header",
    "real_values",
    "scrub_request",
    "scrub_response",
    "vcr_config_for",
]

# Every table below comes from the provider registry, so a new vendor is covered as it is added.
VENDORS: tuple[str, ...] = tuple(provider.value for provider in ADAPTERS)

CREDENTIAL_VARIABLES: Mapping[str, tuple[str, ...]] = {
    provider.value: tuple(credential.variable for credential in adapter.credentials)
    for provider, adapter in ADAPTERS.items()
}
"""The environment variables of each vendor's credentials."""

CREDENTIAL_HEADERS: Mapping[str, str] = {
    provider.value: "Authorization" if adapter.basic_auth else adapter.auth_header
    for provider, adapter in ADAPTERS.items()
}
"""The header each vendor's credential travels in by default (by class declaration)."""


def _variants(adapter: type[Adapter]) -> list[Adapter]:
    """The adapter built with every combination of its options' choices."""
    choices = [[(option.name, value) for value in option.choices] for option in adapter.options]
    return [adapter(dict(combination)) for combination in itertools.product(*choices)]


PLACEHOLDER_HEADERS: Mapping[str, Mapping[str, str]] = {
    provider.value: {
        name.lower(): value
        for variant in _variants(adapter)
        for name, value in variant.auth_headers(
            {c.name: f"<{c.variable}>" for c in adapter.credentials}  # placeholder(), below
        ).items()
    }
    for provider, adapter in ADAPTERS.items()
}
"""Per vendor, every header (lower-case) its credential may travel in, whatever its options
(OpenHands: ``authorization`` for V1, ``x-session-api-key`` for V0), with the value it
holds in a cassette."""

SECRET_HEADERS = frozenset(
    {"authorization", "cookie", "x-access-token"}
    | {header for headers in PLACEHOLDER_HEADERS.values() for header in headers}
)
"""Every header, lower-case, that can carry a credential at any vendor: scrubbed whatever the
vendor, and never recorded with anything but a placeholder."""
_SECRET_RESPONSE_HEADERS = ("set-cookie",)

SESSION_IDS: Mapping[str, str] = {
    provider.value: adapter.example_session_id for provider, adapter in ADAPTERS.items()
}
"""The session each vendor's live scenarios end, as recorded: its adapter's example id."""


def placeholder(variable: str) -> str:
    """What stands for the value of ``variable`` when it is unset, and in every cassette."""
    return f"<{variable}>"


def credential(variable: str) -> str:
    """The credential in ``variable``, or its placeholder when unset."""
    return os.environ.get(variable) or placeholder(variable)


def _header(vendor: str, values: Mapping[str, str]) -> str:
    """The credential header's value that ``vendor``'s adapter builds from ``values``."""
    adapter = ADAPTERS[Provider(vendor)]
    return adapter().auth_headers(values)[CREDENTIAL_HEADERS[vendor]]


def placeholder_header(vendor: str) -> str:
    """The value of ``vendor``'s credential header in a cassette."""
    credentials = ADAPTERS[Provider(vendor)].credentials
    return _header(vendor, {c.name: placeholder(c.variable) for c in credentials})


def live_session_id(vendor: str) -> str:
    """The session a live scenario ends: ``<VENDOR>_CONTRACT_SESSION_ID`` or the fixed id."""
    return os.environ.get(f"{vendor.upper()}_CONTRACT_SESSION_ID") or SESSION_IDS[vendor]


def real_values(vendor: str) -> dict[str, str]:
    """Real values found in the environment, each mapped to what replaces it in a cassette.

    Credentials of every vendor (a vendor may echo any of them) and the header each vendor
    builds from them (its HTTP Basic token, say), and ``vendor``'s live session id.
    """
    replacements: dict[str, str] = {}
    for provider, adapter in ADAPTERS.items():
        real = {c.name: os.environ.get(c.variable) or "" for c in adapter.credentials}
        found = False
        for credential in adapter.credentials:
            value = real[credential.name]
            if value and value != placeholder(credential.variable):
                replacements[value] = placeholder(credential.variable)
                found = True
        if found and all(real.values()):
            # A header that combines credentials (HTTP Basic) may be echoed without its scheme.
            token = _header(provider.value, real).rpartition(" ")[2]
            replacements.setdefault(token, placeholder_header(provider.value).rpartition(" ")[2])
    live = os.environ.get(f"{vendor.upper()}_CONTRACT_SESSION_ID")
    if live and live != SESSION_IDS[vendor]:
        replacements[live] = SESSION_IDS[vendor]
    return replacements


def _replace(text: str, replacements: Mapping[str, str]) -> str:
    # Longest first, so that a value containing another is replaced whole.
    for value in sorted(replacements, key=len, reverse=True):
        text = text.replace(value, replacements[value])
    return text


def _replace_body(body: Any, replacements: Mapping[str, str]) -> Any:
    if isinstance(body, bytes):
        try:
            return _replace(body.decode("utf-8"), replacements).encode("utf-8")
        except UnicodeDecodeError:
            return body
    if isinstance(body, str):
        return _replace(body, replacements)
    return body


def scrub_request(vendor: str) -> Callable[[Any], Any]:
    """A ``before_record_request`` hook for ``vendor``: placeholders for credentials and ids.

    vcrpy also runs it on each request before matching it against a cassette, so a live id
    matches the fixed id it was recorded as.
    """

    def scrub(request: Any) -> Any:
        replacements = real_values(vendor)
        for name in list(request.headers):
            if name.lower() in SECRET_HEADERS:
                own = PLACEHOLDER_HEADERS[vendor].get(name.lower())
                request.headers[name] = own if own is not None else "<redacted>"
            else:
                request.headers[name] = _replace(request.headers[name], replacements)
        request.uri = _replace(request.uri, replacements)
        # No body is b"", whichever client sent it: httpx's transport says b"", aiohttp's None.
        request.body = _replace_body(request.body or b"", replacements)
        return request

    return scrub


def scrub_response(vendor: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A ``before_record_response`` hook: no cookie, and no credential echoed anywhere."""

    def scrub(response: dict[str, Any]) -> dict[str, Any]:
        replacements = real_values(vendor)
        headers: dict[str, list[str]] = response.get("headers") or {}
        response["headers"] = {
            name: [_replace(value, replacements) for value in values]
            for name, values in headers.items()
            if name.lower() not in _SECRET_RESPONSE_HEADERS
        }
        body = response.get("body") or {}
        if "string" in body:
            body["string"] = _replace_body(body["string"], replacements)
        return response

    return scrub


def vcr_config_for(vendor: str) -> dict[str, Any]:
    """The vcrpy configuration of ``vendor``'s cassettes."""
    return {
        # Base URLs are configuration: a cassette recorded against a self-hosted server
        # replays against the default one. Bodies must match, so a changed body is noticed.
        "match_on": ("method", "path", "query", "body"),
        "before_record_request": scrub_request(vendor),
        "before_record_response": scrub_response(vendor),
        # Recorded bodies are stored readable, whatever encoding the vendor chose.
        "decode_compressed_response": True,
        "record_on_exception": False,
    }
