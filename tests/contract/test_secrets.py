"""No cassette holds a credential: the recording scrubs them, and a scan of every cassette
fails on anything that looks like one."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
import yaml
from sessionend.testing.vendors import FAKES
from vcr.request import Request

from .documented import UNKNOWN_IDS
from .recording import (
    CREDENTIAL_VARIABLES,
    PLACEHOLDER_HEADERS,
    SECRET_HEADERS,
    SESSION_IDS,
    placeholder,
    placeholder_header,
    scrub_request,
    scrub_response,
)
from .spec_check import CASSETTES

CASSETTE_FILES = sorted(CASSETTES.glob("*/*.yaml"))
_ID_KEY = re.compile(r"(?:^|_)id$|Id$")


def _listed_ids(node: object, key: str = "") -> set[str]:
    """The values of id fields (``id``, ``_id``, ``room_id``, ``sessionId``...) in ``node``."""
    if isinstance(node, dict):
        return set().union(*(_listed_ids(value, name) for name, value in node.items()))
    if isinstance(node, list):
        return set().union(*(_listed_ids(item, key) for item in node))
    return {node} if isinstance(node, str) and _ID_KEY.search(key) else set()


LISTED_IDS = {
    found
    for fake in FAKES.values()
    for name, answer in fake.answers.items()
    if name.startswith("list_")
    for found in _listed_ids(json.loads(answer.render().body))
}
"""The ids the fakes' declared list answers name: documented examples, not credentials."""

DOCUMENTED_VALUES = {
    str(value)
    for fake in FAKES.values()
    for answer in fake.answers.values()
    for value in answer.examples.values()
}
"""The example values the fakes' documented answers are recorded with (a user's or a
sandbox's UUID): documentation, not credentials."""
KNOWN_IDS = {*SESSION_IDS.values(), *UNKNOWN_IDS.values(), *LISTED_IDS, *DOCUMENTED_VALUES}
PLACEHOLDERS = {
    placeholder(variable) for variables in CREDENTIAL_VARIABLES.values() for variable in variables
} | {value for headers in PLACEHOLDER_HEADERS.values() for value in headers.values()}
PATTERNS = {
    "a bearer token": re.compile(r"Bearer\s+(?!<)[A-Za-z0-9._~+/=-]{8,}"),
    "a JSON web token": re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"),
    "a key with a vendor-style prefix": re.compile(
        r"\b(?:sk|pk|ak|rk)[-_](?:live|test|proj)?[-_]?[A-Za-z0-9]{12,}|\bgh[pousr]_[A-Za-z0-9]{20,}"
        r"|\bAKIA[0-9A-Z]{16}\b|\bxox[abprs]-[A-Za-z0-9-]{10,}"
    ),
    "a long random token": re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])"),
}


def suspicious(text: str) -> list[str]:
    """What in a cassette's text looks like a credential."""
    found = []
    for match in re.finditer(r"Basic\s+([A-Za-z0-9+/=]+)", text):
        decoded = base64.b64decode(match.group(1)).decode("utf-8", "replace")
        if set(decoded.split(":")) - PLACEHOLDERS:
            found.append("HTTP Basic credentials that are not the placeholders")
    rest = re.sub(r"Basic\s+[A-Za-z0-9+/=]+", "Basic", text)
    for what, pattern in PATTERNS.items():
        for match in pattern.finditer(rest):
            if match.group(0) not in KNOWN_IDS:
                found.append(f"{what}: {match.group(0)[:12]}...")
    document = yaml.safe_load(text)
    for interaction in document.get("interactions", []):
        for part in ("request", "response"):
            for name, values in (interaction[part].get("headers") or {}).items():
                if name.lower() == "set-cookie":
                    found.append("a set-cookie header")
                if name.lower() in SECRET_HEADERS:
                    for value in values:
                        if (
                            value != "<redacted>"
                            and value not in PLACEHOLDERS
                            and not value.startswith("Basic ")
                        ):
                            found.append(f"header {name} holds something other than a placeholder")
    return found


@pytest.mark.parametrize("cassette", CASSETTE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_cassette_holds_a_credential(cassette: Path) -> None:
    assert suspicious(cassette.read_text(encoding="utf-8")) == []


def test_the_scan_sees_each_kind_of_leak() -> None:
    leaks = [
        "Authorization: Bearer 9f8e7d6c5b4a39281706",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0",
        "key sk-proj-a1b2c3d4e5f6g7h8i9",
        "x 7Hq2vN9sLp4Rt6Wy8Zb1Cd3Fg5Jk7Mn9Px",
        "Authorization: Basic " + base64.b64encode(b"team-42:hunter2-real-key").decode(),
    ]
    for leak in leaks:
        assert suspicious(f"interactions: []\nnote: '{leak}'\n"), leak
    headers = "interactions:\n- request: {headers: {x-api-key: [short-real-key]}}\n  response: {headers: {}}\n"
    assert suspicious(headers) == ["header x-api-key holds something other than a placeholder"]


def test_the_recording_replaces_credential_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "ak-real-9d8c7b6a5f4e")
    request = Request(
        "POST",
        "https://openapi.akool.com/api/open/v4/liveAvatar/session/close",
        b'{"id": "6698c9d69cf7b0d61d1b6420", "echo": "ak-real-9d8c7b6a5f4e"}',
        {"x-api-key": "ak-real-9d8c7b6a5f4e", "Authorization": "Bearer other", "Accept": "*/*"},
    )
    scrubbed = scrub_request("akool")(request)
    assert scrubbed.headers["x-api-key"] == placeholder_header("akool")
    assert scrubbed.headers["Authorization"] == "<redacted>"
    assert b"ak-real" not in scrubbed.body


def test_the_recording_scrubs_credentials_echoed_in_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIGITALSAMBA_TEAM_ID", "team-real-1")
    monkeypatch.setenv("DIGITALSAMBA_DEVELOPER_KEY", "dev-real-key-2")
    basic = base64.b64encode(b"team-real-1:dev-real-key-2").decode()
    response = {
        "status": {"code": 401, "message": "Unauthorized"},
        "headers": {"Set-Cookie": ["session=abc"], "X-Echo": [f"Basic {basic}"]},
        "body": {"string": b'{"message": "key dev-real-key-2 of team team-real-1 refused"}'},
    }
    scrubbed = scrub_response("digitalsamba")(response)
    scrubbed["body"]["string"] = scrubbed["body"]["string"].decode()
    text = yaml.safe_dump(scrubbed)
    assert "real" not in text and basic not in text and "Set-Cookie" not in text
    assert (
        suspicious(yaml.safe_dump({"interactions": [{"request": {}, "response": scrubbed}]})) == []
    )


def test_a_live_session_id_is_recorded_as_the_fixed_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENHANDS_CONTRACT_SESSION_ID", "live-conversation-77")
    request = Request(
        "POST", "https://app.all-hands.dev/api/conversations/live-conversation-77/stop", b"", {}
    )
    scrubbed = scrub_request("openhands")(request)
    assert scrubbed.uri.endswith(f"/api/conversations/{SESSION_IDS['openhands']}/stop")
