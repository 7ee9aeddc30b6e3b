"""Every recorded interaction follows its vendor's vendored spec, deviations aside; and the
check can fail: a changed spec, method, header or body is caught."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import yaml
from sessionend.providers import ADAPTERS

from .deviations import DEVIATIONS, Deviation
from .spec_check import SPECS, Interaction, interactions, problems, spec_of

ALL = list(interactions())
SPEC_NAMES = {name for adapter in ADAPTERS.values() for name in adapter.spec_names()}
"""Deviations are per spec: a vendor with two APIs has two."""


def _one(vendor: str, cassette: str, index: int = 0) -> Interaction:
    return next(i for i in ALL if (i.vendor, i.cassette.stem, i.index) == (vendor, cassette, index))


@pytest.mark.parametrize("interaction", ALL, ids=[i.label for i in ALL])
def test_interaction_follows_the_spec(interaction: Interaction) -> None:
    assert problems(interaction) == []


@pytest.mark.parametrize("deviation", DEVIATIONS, ids=[f"{d.vendor}/{d.name}" for d in DEVIATIONS])
def test_every_deviation_is_needed(deviation: Deviation) -> None:
    """Without any one deviation, some interaction fails: none is stale or unused."""
    others = tuple(d for d in DEVIATIONS if d is not deviation)
    failing = [
        i.label for i in ALL if spec_of(i) == deviation.vendor and problems(i, SPECS, others)
    ]
    assert failing, f"no cassette needs deviation {deviation.vendor}/{deviation.name}"


def test_every_deviation_names_its_source() -> None:
    for deviation in DEVIATIONS:
        assert deviation.vendor in SPEC_NAMES
        assert deviation.what and deviation.source and deviation.edits


def test_a_changed_spec_shows_which_interactions_it_breaks(tmp_path: Path) -> None:
    """Rename Akool's request body property id in a copy of the specs: every recorded Akool
    close request fails validation, naming the interaction and the property; the others (its
    list requests included) pass."""
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    path = specs / "akool.yaml"
    spec = yaml.safe_load(path.read_text())
    body = spec["paths"]["/api/open/v4/liveAvatar/session/close"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    schema["properties"]["session_id"] = schema["properties"].pop("id")
    schema["required"] = ["session_id"]
    path.write_text(yaml.safe_dump(spec))

    broken = {i.label: problems(i, specs) for i in ALL if problems(i, specs) != problems(i)}
    closes = {i.label for i in ALL if i.vendor == "akool" and i.request.method == "POST"}
    assert set(broken) == closes  # every Akool close, and nothing else, newly fails
    for found in broken.values():
        assert any(p.startswith("request:") and "session_id" in p for p in found), found


def _with_request(interaction: Interaction, **changes: object) -> Interaction:
    old = interaction.request
    request = httpx.Request(
        str(changes.get("method", old.method)),
        str(changes.get("url", old.url)),
        headers=changes.get("headers", old.headers),  # type: ignore[arg-type]
        content=changes.get("content", old.content),  # type: ignore[arg-type]
    )
    return replace(interaction, request=request)


def _with_response(interaction: Interaction, response: httpx.Response) -> Interaction:
    return replace(interaction, response=response)


def _without(headers: httpx.Headers, name: str) -> httpx.Headers:
    copy = httpx.Headers(headers)
    del copy[name]
    return copy


def _json(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


AKOOL = _one("akool", "success")
LIVEAVATAR = _one("liveavatar", "rate_limited")
DIGITALSAMBA = _one("digitalsamba", "success")
ELIZAOS = _one("elizaos", "success")
BROKEN = {
    "wrong method": (_with_request(AKOOL, method="PUT"), "request: Operation put not found"),
    "wrong path": (
        _with_request(AKOOL, url="https://openapi.akool.com/api/open/v4/liveAvatar/session/end"),
        "request: Path not found",
    ),
    "no credential header": (
        _with_request(AKOOL, headers=_without(AKOOL.request.headers, "x-api-key")),
        "request: no credential header x-api-key",
    ),
    "a credential that is not the placeholder": (
        _with_request(AKOOL, headers={**AKOOL.request.headers, "x-api-key": "not-the-placeholder"}),
        "does not hold the placeholder",
    ),
    "the body key the code samples use": (
        _with_request(AKOOL, content=b'{"session_id": "6698c9d69cf7b0d61d1b6420"}'),
        "'id' is a required property",
    ),
    "a code of the wrong type": (
        _with_response(AKOOL, _json(200, {"code": "1000", "msg": "ok"})),
        "is not of type 'integer'",
    ),
    "an undocumented field": (
        _with_response(AKOOL, _json(200, {"code": 1000, "msg": "ok", "extra": 1})),
        "Additional properties are not allowed",
    ),
    "an undocumented status": (
        _with_response(AKOOL, _json(404, {"code": 1000, "msg": "ok"})),
        "Unknown response http status: 404",
    ),
    "a 429 without the documented Retry-After": (
        _with_response(LIVEAVATAR, _json(429, {}, **{"X-RateLimit-Reset": "1"})),
        "Retry-After",
    ),
    "a Digital Samba body that is JSON": (
        _with_response(DIGITALSAMBA, _json(200, {"ended": True})),
        "mimetype",
    ),
    "an ElizaOS 200 beyond the known deviation": (
        _with_response(ELIZAOS, _json(200, {"success": True, "message": "done"})),
        "response:",
    ),
    "a Digital Samba list whose total_count is a number": (
        _with_response(
            _one("digitalsamba", "list_empty"), _json(200, {"data": [], "total_count": 0})
        ),
        "is not of type 'string'",
    ),
    "a LiveAvatar list without its required type": (
        _with_request(
            _one("liveavatar", "list"), url="https://api.liveavatar.com/v1/sessions?page=1"
        ),
        "request:",
    ),
    "an unreal UUID for LiveAvatar": (
        _with_request(
            _one("liveavatar", "success"),
            content=b'{"session_id": "3fa85f64", "reason": "USER_CLOSED"}',
        ),
        "request:",
    ),
}


@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_the_validator_catches(case: tuple[Interaction, str]) -> None:
    interaction, expected = case
    found = problems(interaction)
    assert any(expected in p for p in found), found
