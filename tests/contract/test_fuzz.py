"""Response fuzzing: whatever a vendor answers, end() returns an EndResult or raises a
SessionEndError subclass, never anything else, through both enders.

Bodies come from the vendored specs' response schemas (hypothesis-jsonschema), and from a
list of malformed answers. Generation is derandomized and uses no example database, so CI
sees the same examples every run.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from sessionend import (
    AsyncSessionEnder,
    EndResult,
    Provider,
    ProviderSettings,
    SessionEnder,
    SessionEndError,
)
from sessionend.providers import ADAPTERS, Adapter, Answer, Page, Verdict
from sessionend.testing.vendors import FAKES

from .recording import SESSION_IDS, VENDORS
from .spec_check import SPECS

FUZZ = settings(
    max_examples=15,
    derandomize=True,
    database=None,
    deadline=None,
    # filter_too_much: hypothesis-jsonschema builds OpenHands V1's AppConversationPage (many
    # nullable anyOf fields, date-time formats) by filtering, and rejects enough drafts that
    # the check fails or passes with the run's order; the examples it keeps still test.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
# Keywords that are OpenAPI's, not JSON Schema's, or only annotate.
_ANNOTATIONS = {"example", "examples", "title", "description", "default", "nullable", "xml"}


def _resolve(node: Any, spec: dict[str, Any]) -> Any:
    """``node`` with every local $ref replaced by what it points to (the specs have no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return _resolve(target, spec)
        return {k: _resolve(v, spec) for k, v in node.items() if k not in _ANNOTATIONS}
    if isinstance(node, list):
        return [_resolve(item, spec) for item in node]
    return node


OPTIONS_FOR_SPEC: dict[str, dict[str, str]] = {"openhands": {"api": "v0"}}
"""The options under which a vendor speaks one of its other specs (OpenHands' V0)."""


def documented_answers() -> list[tuple[str, int, str, dict[str, Any]]]:
    """(spec, status, media type, standalone JSON schema) for every documented answer."""
    found = []
    for vendor in VENDORS:
        for name in ADAPTERS[Provider(vendor)].spec_names():
            spec = yaml.safe_load((SPECS / f"{name}.yaml").read_text("utf-8"))
            for operations in spec["paths"].values():
                for method, operation in operations.items():
                    if method == "parameters":
                        continue
                    for status, answer in operation["responses"].items():
                        for media, content in (answer.get("content") or {}).items():
                            schema = _resolve(content.get("schema", {}), spec)
                            found.append((name, int(status), media, schema))
    return found


def vendor_of(spec: str) -> str:
    """The vendor that speaks ``spec``."""
    return next(p.value for p, a in ADAPTERS.items() if spec in a.spec_names())


ANSWERS = documented_answers()


def end_with(
    vendor: str, mode: str, respond: Callable[[], httpx.Response], spec: str | None = None
) -> object:
    """End the vendor's session against ``respond`` (speaking ``spec``); return the outcome."""
    options = OPTIONS_FOR_SPEC.get(spec or "", {})
    settings = {vendor: ProviderSettings.of(options)} if options else None

    def handler(request: httpx.Request) -> httpx.Response:
        return respond()

    transport = httpx.MockTransport(handler)
    try:
        if mode == "sync":
            with SessionEnder(transport=transport, max_retries=1, settings=settings) as ender:
                return ender.end(vendor, SESSION_IDS[vendor])

        async def main() -> EndResult:
            async with AsyncSessionEnder(
                transport=transport, max_retries=1, settings=settings
            ) as ender:
                return await ender.end(vendor, SESSION_IDS[vendor])

        return asyncio.run(main())
    except SessionEndError as error:
        return error


def assert_settles(outcome: object) -> None:
    assert isinstance(outcome, EndResult | SessionEndError), repr(outcome)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("vendor", "status", "media", "schema"),
    ANSWERS,
    ids=[f"{v}-{s}-{m}" for v, s, m, _ in ANSWERS],
)
def test_documented_answers(
    vendor: str, status: int, media: str, schema: dict[str, Any], mode: str
) -> None:
    @FUZZ
    @given(body=from_schema(schema), retry_after=st.none() | st.text(max_size=12))
    def check(body: Any, retry_after: str | None) -> None:
        headers = {"Content-Type": media}
        if retry_after is not None and retry_after.isascii() and retry_after.isprintable():
            headers["Retry-After"] = retry_after
        content = json.dumps(body).encode() if "json" in media else str(body).encode()
        outcome = end_with(
            vendor_of(vendor),
            mode,
            lambda: httpx.Response(status, headers=headers, content=content),
            vendor,
        )
        assert_settles(outcome)

    check()


# Documented and undocumented statuses, with some outside Python's HTTPStatus (from CDNs).
STATUSES = [200, 201, 204, 301, 400, 401, 403, 404, 405, 409, 422, 429, 499, 500, 503, 520, 529]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("vendor", VENDORS)
def test_any_json_under_any_status(vendor: str, mode: str) -> None:
    @FUZZ
    @given(
        status=st.sampled_from(STATUSES),
        body=st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=10), inner, max_size=4)
            ),
            max_leaves=12,
        ),
    )
    def check(status: int, body: Any) -> None:
        assert_settles(end_with(vendor, mode, lambda: httpx.Response(status, json=body)))

    check()


def _other_type(value: Any) -> Any:
    """A value of another JSON type than ``value``."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 7
    if value is None:
        return []
    if isinstance(value, list):
        return {"nested": True}
    return "x"


def _wrong_types(vendor: str) -> bytes:
    """Every field of the vendor's documented JSON answers, each with a value of another type."""
    fake = FAKES[Provider(vendor)]
    wrong: dict[str, Any] = {}
    for name in fake.answers:
        reply = fake.answer(name, session_id=SESSION_IDS[vendor])
        try:
            body = json.loads(reply.body)
        except ValueError:
            continue
        if isinstance(body, dict):
            wrong |= {key: _other_type(value) for key, value in body.items()}
    return json.dumps(wrong).encode()


MALFORMED: dict[str, Callable[[str], tuple[str, bytes]]] = {
    "not json": lambda vendor: ("application/json", b"this is not json"),
    "truncated json": lambda vendor: ("application/json", b'{"code": 1000, "msg": "o'),
    "wrong types": lambda vendor: ("application/json", _wrong_types(vendor)),
    "a json array": lambda vendor: ("application/json", b"[1000, 1011]"),
    "json null": lambda vendor: ("application/json", b"null"),
    "html error page": lambda vendor: (
        "text/html",
        b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
        b"<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
    ),
    "empty body": lambda vendor: ("application/json", b""),
    "invalid utf-8": lambda vendor: ("application/json", b'{"code": "\xff\xfe"}'),
    "very large body": lambda vendor: (
        "application/json",
        json.dumps({"code": 1000, "msg": "ok", "message": "x" * 5_000_000}).encode(),
    ),
}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("status", [200, 404, 429, 500, 520])
@pytest.mark.parametrize("kind", MALFORMED, ids=MALFORMED.keys())
@pytest.mark.parametrize("vendor", VENDORS)
def test_malformed_answers(
    vendor: str, kind: str, status: int, mode: str, request: pytest.FixtureRequest
) -> None:
    media, content = MALFORMED[kind](vendor)
    outcome = end_with(
        vendor,
        mode,
        lambda: httpx.Response(status, headers={"Content-Type": media}, content=content),
    )
    assert_settles(outcome)


def lister_for(spec: str) -> Adapter:
    """The adapter of the vendor speaking ``spec``, with the options under which it does."""
    return ADAPTERS[Provider(vendor_of(spec))](OPTIONS_FOR_SPEC.get(spec, {}))


# Every documented JSON answer of a spec its vendor lists in (OpenHands: V1's, not V0's).
LIST_ANSWERS = [
    answer
    for answer in ANSWERS
    if answer[2] == "application/json" and lister_for(answer[0]).lists()
]


@pytest.mark.parametrize(
    "answer", LIST_ANSWERS, ids=[f"{vendor}-{status}" for vendor, status, _, _ in LIST_ANSWERS]
)
@FUZZ
@given(data=st.data())
def test_read_page_is_a_page_or_a_verdict(answer: tuple[str, int, str, Any], data: Any) -> None:
    """Whatever JSON any of the vendor's documented answers allows, read as a list page, is a
    Page or a Verdict with no outcome: never an exception."""
    spec, status, media, schema = answer
    body = data.draw(from_schema(schema))
    adapter = lister_for(spec)
    content = json.dumps(body).encode()
    read = adapter.read_page(
        Answer(status, {"content-type": media}, content, adapter.list_request())
    )
    assert isinstance(read, Page | Verdict)
    if isinstance(read, Verdict):
        assert read.outcome is None and read.error is not None
