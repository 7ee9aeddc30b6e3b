"""The cassettes and the fakes are one double: every cassette holds exactly the answers its
vendor's fake declares for the scenario, and every declared scenario is recorded and replayed."""

from __future__ import annotations

import importlib
import json
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from sessionend import Provider
from sessionend.testing.vendors import FAKES, Reply

from .documented import documented_replies
from .spec_check import CASSETTES, Interaction, load_interactions

CASSETTE_FILES = sorted(CASSETTES.glob("*/*.yaml"))
CORE = {"success", "not_found", "unauthorized", "rate_limited"}
"""The scenarios every vendor's cassettes cover, whatever else it documents."""


def _content(body: bytes, content_type: str) -> object:
    """A body as compared: parsed when JSON, so key order and spacing do not matter."""
    if "json" in content_type:
        try:
            return json.loads(body)
        except ValueError:
            pass
    return body.decode("utf-8", "replace")


def differences(recorded: list[Interaction], declared: tuple[Reply, ...]) -> list[str]:
    """Where the recorded answers differ from the declared ones."""
    found = []
    if len(recorded) != len(declared):
        found.append(f"{len(recorded)} answers recorded, {len(declared)} declared")
    for index, (interaction, reply) in enumerate(zip(recorded, declared, strict=False)):
        response = interaction.response
        if response.status_code != reply.status:
            found.append(f"#{index}: status {response.status_code}, declared {reply.status}")
        content_type = response.headers.get("content-type", "")
        if content_type != reply.content_type:
            found.append(
                f"#{index}: Content-Type {content_type!r}, declared {reply.content_type!r}"
            )
        body, expected = (
            _content(response.content, content_type),
            _content(reply.body, reply.content_type),
        )
        if body != expected:
            found.append(f"#{index}: body {body!r}, declared {expected!r}")
        for name, value in reply.headers.items():
            if response.headers.get(name) != value:
                found.append(f"#{index}: {name} {response.headers.get(name)!r}, declared {value!r}")
    return found


def _declared(cassette: Path) -> tuple[Reply, ...]:
    return documented_replies(cassette.parent.name, cassette.stem)


@pytest.mark.parametrize("cassette", CASSETTE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_cassette_holds_the_declared_answers(cassette: Path) -> None:
    assert differences(load_interactions(cassette), _declared(cassette)) == []


@pytest.mark.parametrize("provider", FAKES, ids=str)
def test_every_declared_scenario_is_recorded_and_replayed(provider: Provider) -> None:
    scenarios = set(FAKES[provider].scenarios)
    assert scenarios >= CORE, CORE - scenarios
    recorded = {path.stem for path in (CASSETTES / provider).glob("*.yaml")}
    assert recorded == scenarios, {
        "not declared": recorded - scenarios,
        "not recorded": scenarios - recorded,
    }
    module = importlib.import_module(f"{__package__}.test_{provider}")
    untested = {name for name in scenarios if not hasattr(module, f"test_{name}")}
    assert not untested, f"test_{provider}.py replays no cassette for {sorted(untested)}"


def _json_response(
    interaction: Interaction, status: int, body: object, **headers: str
) -> Interaction:
    response = httpx.Response(status, json=body, headers=headers)
    return replace(interaction, response=response)


AKOOL_NOT_FOUND = CASSETTES / "akool" / "not_found.yaml"
LIVEAVATAR_RATE_LIMITED = CASSETTES / "liveavatar" / "rate_limited.yaml"


def test_a_body_that_differs_from_the_declared_one_is_caught() -> None:
    (recorded,) = load_interactions(AKOOL_NOT_FOUND)
    other = _json_response(recorded, 200, {"code": 1014, "msg": "resource does not exist"})
    found = differences([other], _declared(AKOOL_NOT_FOUND))
    assert len(found) == 1 and "body" in found[0] and "1014" in found[0], found


def test_a_status_header_or_count_that_differs_is_caught() -> None:
    limited, success = load_interactions(LIVEAVATAR_RATE_LIMITED)
    declared = _declared(LIVEAVATAR_RATE_LIMITED)
    body = json.loads(limited.response.content)
    wrong_wait = _json_response(
        limited, 429, body, **{"Retry-After": "9", "X-RateLimit-Reset": "1700000001"}
    )
    assert any("Retry-After" in d for d in differences([wrong_wait, success], declared))
    wrong_status = _json_response(limited, 503, body, **dict(limited.response.headers))
    assert any("status 503" in d for d in differences([wrong_status, success], declared))
    assert differences([limited], declared) == ["1 answers recorded, 2 declared"]
    assert differences([limited, success], declared) == []
