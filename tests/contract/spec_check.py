"""Validate recorded interactions against the vendored specs with openapi-core.

Each interaction's request (method, path, parameters, security, body) and response (status,
headers the spec declares, and body where the spec documents one) is checked against the
vendor's spec, read strictly: an object schema that lists its properties accepts no others
(``additionalProperties: false`` unless it says otherwise), so an undocumented field is
noticed. The known deviations (``deviations.py``) are applied as edits of the spec first.

Two rules go beyond openapi-core: the credential header must be present and hold the
placeholder (``recording.py``), and the base URL is not part of the contract, so each request
is validated as if sent to the spec's first server.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jsonpatch
import jsonpointer
import yaml
from openapi_core import OpenAPI
from openapi_core.exceptions import OpenAPIError
from openapi_core.validation.response.exceptions import MissingData
from sessionend import Provider
from sessionend.providers import ADAPTERS

from .deviations import DEVIATIONS, Deviation, Edit
from .openapi_httpx import HttpxOpenAPIRequest, HttpxOpenAPIResponse
from .recording import PLACEHOLDER_HEADERS

__all__ = [
    "CASSETTES",
    "SPECS",
    "Interaction",
    "interactions",
    "load_interactions",
    "openapi_for",
    "problems",
    "spec_of",
    "strict_spec",
]

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
CASSETTES = Path(__file__).resolve().parent / "cassettes"


@dataclass(frozen=True)
class Interaction:
    """One recorded request and its answer."""

    vendor: str
    cassette: Path
    index: int
    request: httpx.Request
    response: httpx.Response

    @property
    def label(self) -> str:
        """``vendor/cassette#index METHOD path -> status``, for messages and test ids."""
        name = f"{self.vendor}/{self.cassette.stem}#{self.index}"
        return (
            f"{name} {self.request.method} {self.request.url.path} -> {self.response.status_code}"
        )


def _body(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def _headers(raw: dict[str, Any] | None) -> list[tuple[str, str]]:
    pairs = []
    for name, values in (raw or {}).items():
        for value in values if isinstance(values, list) else [values]:
            pairs.append((str(name), str(value)))
    return pairs


def load_interactions(cassette: Path) -> list[Interaction]:
    """The interactions of one vcrpy cassette, as httpx objects."""
    document = yaml.safe_load(cassette.read_text(encoding="utf-8"))
    found = []
    for index, recorded in enumerate(document["interactions"]):
        request_data, response_data = recorded["request"], recorded["response"]
        request = httpx.Request(
            request_data["method"],
            request_data["uri"],
            headers=_headers(request_data.get("headers")),
            content=_body(request_data.get("body")),
        )
        response = httpx.Response(
            response_data["status"]["code"],
            headers=_headers(response_data.get("headers")),
            content=_body((response_data.get("body") or {}).get("string")),
            request=request,
        )
        found.append(Interaction(cassette.parent.name, cassette, index, request, response))
    return found


def interactions(directory: Path = CASSETTES) -> Iterator[Interaction]:
    """Every interaction of every cassette under ``directory`` (``<vendor>/<name>.yaml``)."""
    for cassette in sorted(directory.glob("*/*.yaml")):
        yield from load_interactions(cassette)


# --- the spec, read strictly, with the deviations applied -------------------------------


def _close(node: Any) -> None:
    """Make every object schema that lists properties refuse unlisted ones."""
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict) and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close(value)
    elif isinstance(node, list):
        for item in node:
            _close(item)


def _patch(document: dict[str, Any], edit: Edit, where: str) -> list[dict[str, Any]]:
    """The RFC 6902 operations that carry out ``edit`` on ``document``.

    Raises:
        KeyError: When ``edit`` would overwrite: a deviation only adds to the spec.
    """
    pointer = jsonpointer.JsonPointer(edit.path)
    if edit.op == "add":
        # RFC 6902's add overwrites an existing member; a deviation must not.
        parent, last = pointer.to_last(document)
        if isinstance(parent, dict) and last in parent:
            raise KeyError(f"{where}: {edit.path} exists already; a deviation only adds")
        return [{"op": "add", "path": edit.path, "value": copy.deepcopy(edit.value)}]
    current = pointer.resolve(document)
    if isinstance(current, list):  # "also" on a list: one more item each
        return [
            {"op": "add", "path": f"{edit.path}/-", "value": item}
            for item in copy.deepcopy(edit.value)
        ]
    # "also" on a schema: this shape as well.
    anyof = {"anyOf": [current, copy.deepcopy(edit.value)]}
    return [{"op": "replace", "path": edit.path, "value": anyof}]


def _apply(document: dict[str, Any], edit: Edit, where: str) -> None:
    try:
        jsonpatch.JsonPatch(_patch(document, edit, where)).apply(document, in_place=True)
    except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as error:
        raise KeyError(f"{where}: the spec has nothing at {edit.path}: {error}") from None


def strict_spec(
    specs: Path, vendor: str, deviations: Iterable[Deviation] = DEVIATIONS
) -> dict[str, Any]:
    """``vendor``'s spec from ``specs``, with its deviations applied, read strictly."""
    document: dict[str, Any] = yaml.safe_load((specs / f"{vendor}.yaml").read_text("utf-8"))
    for deviation in deviations:
        if deviation.vendor == vendor:
            for edit in deviation.edits:
                _apply(document, edit, f"deviation {vendor}/{deviation.name}")
    _close(document)
    return document


@functools.lru_cache(maxsize=32)
def openapi_for(
    specs: Path, vendor: str, deviations: tuple[Deviation, ...] = DEVIATIONS
) -> OpenAPI:
    """An openapi-core application for ``vendor``'s strict spec (cached)."""
    return OpenAPI.from_dict(strict_spec(specs, vendor, deviations))


# --- validation ---------------------------------------------------------------------------


def _describe(error: BaseException) -> str:
    """The error and its causes, which hold the schema errors, on one line."""
    parts = []
    seen: BaseException | None = error
    while seen is not None:
        text = str(seen).strip() or type(seen).__name__
        details = getattr(seen, "schema_errors", None)
        if details:
            text += " [" + "; ".join(getattr(d, "message", str(d)) for d in details) + "]"
        if text not in parts:
            parts.append(text)
        seen = seen.__cause__ or seen.__context__
    return " <- ".join(parts)


def _empty_body_allowed(spec: dict[str, Any], request: HttpxOpenAPIRequest, status: int) -> bool:
    """Whether the spec's answer for ``status`` is a string that may be empty.

    openapi-core refuses any empty body where content is declared ("Missing response data");
    a text/plain string schema with no minLength accepts "" (Digital Samba's documented 200).
    """
    for operations in spec.get("paths", {}).values():
        answer = operations.get(request.method, {}).get("responses", {}).get(str(status), {})
        schema = answer.get("content", {}).get("text/plain", {}).get("schema", {})
        if schema.get("type") == "string" and not schema.get("minLength"):
            return True
    return False


def _security_headers(spec: dict[str, Any], request: HttpxOpenAPIRequest) -> set[str]:
    """The headers the operation's security schemes name, lowercase."""
    schemes = spec.get("components", {}).get("securitySchemes", {})
    names = set()
    for operations in spec.get("paths", {}).values():
        operation = operations.get(request.method)
        if operation is None:
            continue
        for requirement in operation.get("security", spec.get("security", [])):
            for scheme in (schemes.get(name, {}) for name in requirement):
                if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                    names.add(str(scheme["name"]).lower())
                elif scheme.get("type") == "http":
                    names.add("authorization")
    return names


def _template(path: str) -> re.Pattern[str]:
    """A path template (``/a/{id}/b``) as a pattern of one segment per parameter."""
    parts = re.split(r"\{[^}/]+\}", path)
    return re.compile("[^/]+".join(re.escape(part) for part in parts))


def spec_of(interaction: Interaction, specs: Path = SPECS) -> str:
    """The name of the vendor's spec that has the interaction's method and path.

    A vendor may speak more than one spec (OpenHands' V0 and V1, its adapter's ``specs``).

    The vendor's first spec when none has it, so that validation says what is wrong.
    """
    request = interaction.request
    names = ADAPTERS[Provider(interaction.vendor)].spec_names()
    for name in names:
        document = yaml.safe_load((specs / f"{name}.yaml").read_text("utf-8"))
        for path, operations in document.get("paths", {}).items():
            if request.method.lower() in operations and _template(path).fullmatch(request.url.path):
                return name
    return names[0]


def problems(
    interaction: Interaction,
    specs: Path = SPECS,
    deviations: tuple[Deviation, ...] = DEVIATIONS,
) -> list[str]:
    """What in ``interaction`` its vendor's spec (with ``deviations``) does not allow."""
    vendor = spec_of(interaction, specs)
    spec = strict_spec(specs, vendor, deviations)
    openapi = openapi_for(specs, vendor, deviations)
    # A document without servers (OpenHands' V1) is served at the adapter's default base URL.
    default = ADAPTERS[Provider(interaction.vendor)].default_base_url
    servers = spec.get("servers") or [{"url": default}]
    request = HttpxOpenAPIRequest(interaction.request, host_url=servers[0]["url"])
    found = []
    try:
        openapi.validate_request(request)
    except OpenAPIError as error:
        found.append(f"request: {_describe(error)}")
    # The credential header the wrapper sent, whichever of the vendor's it is (OpenHands
    # sends V1's Authorization or V0's X-Session-API-Key), must be the spec's.
    candidates = PLACEHOLDER_HEADERS[interaction.vendor]
    sent = {
        name: interaction.request.headers[name]
        for name in candidates
        if name in interaction.request.headers
    }
    if not sent:
        found.append(f"request: no credential header {' or '.join(sorted(candidates))}")
    for header, value in sent.items():
        if value != candidates[header]:
            found.append(f"request: credential header {header} does not hold the placeholder")
        if header not in _security_headers(spec, request):
            found.append(f"request: credential header {header} is not in the spec's security")
    response = HttpxOpenAPIResponse(interaction.response)
    try:
        openapi.validate_response(request, response)
    except MissingData:
        if not _empty_body_allowed(spec, request, response.status_code):
            found.append("response: empty body where the spec documents one")
    except OpenAPIError as error:
        found.append(f"response: {_describe(error)}")
    return found
