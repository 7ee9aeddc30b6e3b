"""Credentials, placeholders and the scrubbing every recorded interaction goes through.

Tests read credentials from the same environment variables as production; where one is unset
its placeholder (``<VARIABLE>``) is used instead, which is also what every recorded credential
header is replaced with. So a cassette never holds a real credential, and replays need none.

A live session to end (for re-recording ``success`` and ``already_ended`` against a real
vendor) is named by ``<VENDOR>_CONTRACT_SESSION_ID``; the recording replaces it with the
test's fixed id, so the cassette replays without that variable.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "CREDENTIAL_HEADERS",
    "CREDENTIAL_VARIABLES",
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

VENDORS = ("liveavatar", "akool", "openhands", "digitalsamba", "elizaos")

CREDENTIAL_VARIABLES: Mapping[str, tuple[str, ...]] = {
    "liveavatar": ("LIVEAVATAR_API_KEY",),
    "akool": ("AKOOL_API_KEY",),
    "openhands": ("OPENHANDS_API_KEY",),
    "digitalsamba": ("DIGITALSAMBA_TEAM_ID", "DIGITALSAMBA_DEVELOPER_KEY"),
    "elizaos": ("ELIZAOS_API_KEY",),
}

CREDENTIAL_HEADERS: Mapping[str, str] = {
    "liveavatar": "X-API-KEY",
    "akool": "x-api-key",
    "openhands": "X-Session-API-Key",
    "digitalsamba": "Authorization",
    "elizaos": "X-API-KEY",
}
"""The header each vendor's credential travels in, as the wrapper sends it."""

# Every header that can carry a credential at any of the vendors, scrubbed whatever the vendor.
_SECRET_HEADERS = ("authorization", "x-api-key", "x-session-api-key", "x-access-token", "cookie")
_SECRET_RESPONSE_HEADERS = ("set-cookie",)

SESSION_IDS: Mapping[str, str] = {
    "liveavatar": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "akool": "6698c9d69cf7b0d61d1b6420",
    "openhands": "5e0f7c2a9b8d4e6f8a1b3c5d7e9f0a2b",
    "digitalsamba": "edb7a1cb-0627-44ed-9ae4-62a344d6e8a9",
    "elizaos": "6f1c2a4e-0d3b-4c8e-9a71-5b2e8d4f7c10",
}
"""The session each vendor's live scenarios end, as recorded (the vendors' example ids
where their docs give one)."""


def placeholder(variable: str) -> str:
    """What stands for the value of ``variable`` when it is unset, and in every cassette."""
    return f"<{variable}>"


def credential(variable: str) -> str:
    """The credential in ``variable``, or its placeholder when unset."""
    return os.environ.get(variable) or placeholder(variable)


def _basic(team: str, key: str) -> str:
    return "Basic " + base64.b64encode(f"{team}:{key}".encode()).decode("ascii")


def placeholder_header(vendor: str) -> str:
    """The value of ``vendor``'s credential header in a cassette."""
    if vendor == "digitalsamba":
        return _basic(
            placeholder("DIGITALSAMBA_TEAM_ID"), placeholder("DIGITALSAMBA_DEVELOPER_KEY")
        )
    (variable,) = CREDENTIAL_VARIABLES[vendor]
    return placeholder(variable)


def live_session_id(vendor: str) -> str:
    """The session a live scenario ends: ``<VENDOR>_CONTRACT_SESSION_ID`` or the fixed id."""
    return os.environ.get(f"{vendor.upper()}_CONTRACT_SESSION_ID") or SESSION_IDS[vendor]


def real_values(vendor: str) -> dict[str, str]:
    """Real values found in the environment, each mapped to what replaces it in a cassette.

    Credentials of every vendor (a vendor may echo any of them) and their Basic form, and
    ``vendor``'s live session id.
    """
    replacements: dict[str, str] = {}
    for variables in CREDENTIAL_VARIABLES.values():
        for variable in variables:
            value = os.environ.get(variable)
            if value and value != placeholder(variable):
                replacements[value] = placeholder(variable)
    team, key = os.environ.get("DIGITALSAMBA_TEAM_ID"), os.environ.get("DIGITALSAMBA_DEVELOPER_KEY")
    if team and key:
        replacements[_basic(team, key).removeprefix("Basic ")] = placeholder_header(
            "digitalsamba"
        ).removeprefix("Basic ")
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
            if name.lower() in _SECRET_HEADERS:
                own = name.lower() == CREDENTIAL_HEADERS[vendor].lower()
                request.headers[name] = placeholder_header(vendor) if own else "<redacted>"
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
