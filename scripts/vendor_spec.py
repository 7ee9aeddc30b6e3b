"""Vendor one provider's OpenAPI document into ``specs/`` and record where it came from.

Usage::

    python -m scripts.vendor_spec VENDOR SOURCE [--url URL] [--keep OPERATION_ID ...]

SOURCE is a documentation page with an embedded ```` ```yaml ```` OpenAPI block, a Mintlify
page (its internal ``paths/request/response`` form, converted to OpenAPI 3.1), or a YAML or
JSON OpenAPI document. The script keeps the requested operations (all of them when none is
named) with every component they reference, applies the corrections listed for the vendor
in ``specs/PROVENANCE.yaml``, writes ``specs/VENDOR.yaml`` and records in the provenance
file the source's public URL and sha256, the date, the operations kept and each correction
with its reason (JSON Patch operations, applied with ``jsonpatch``). With ``--handwritten``
the source is a spec written by hand from the pages named by ``--url`` when a vendor
publishes no OpenAPI document; it is kept as ``specs/handwritten/VENDOR.yaml`` and is
normalised, corrected and recorded the same way.

Running it again on the same inputs changes nothing: the date moves only when the source
or the result changes.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonpatch
import jsonpointer
import yaml

from scripts import mintlify

__all__ = ["VendoringError", "extract_document", "keep_operations", "main", "vendor"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PROVENANCE_FILE = "PROVENANCE.yaml"
_FENCED_YAML = re.compile(
    r"^(?P<fence>`{3,})yaml[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL
)
_HEADING = re.compile(r"^# (?P<title>.+)$", re.MULTILINE)
_LEAD = re.compile(r"^> (?P<lead>(?!#).+)$", re.MULTILINE)


class VendoringError(Exception):
    """The source or the vendoring record cannot produce a spec."""


class _NoAliasDumper(yaml.SafeDumper):
    # Mintlify pages use YAML anchors; a vendored spec spells every schema out.
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """Serialise ``data`` the one way every vendored file is written."""
    return yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True, width=100)


def extract_document(text: str) -> tuple[dict[str, Any], str]:
    """Find the API document in a source text and return it as OpenAPI with its kind.

    Raises:
        VendoringError: When the text holds no OpenAPI or Mintlify document.
    """
    for candidate, kind in _candidates(text):
        if isinstance(candidate, dict) and "openapi" in candidate:
            return candidate, kind
        if mintlify.is_mintlify_page(candidate):
            heading = _HEADING.search(text)
            lead = _LEAD.search(text)
            title = heading.group("title").strip() if heading else "API"
            converted = mintlify.to_openapi(
                candidate, title=title, description=lead.group("lead").strip() if lead else None
            )
            return converted, kind.replace("OpenAPI", "Mintlify page")
    raise VendoringError("no OpenAPI document, embedded OpenAPI block or Mintlify page found")


def _candidates(text: str) -> Iterator[tuple[Any, str]]:
    try:
        yield (json.loads(text), "OpenAPI document (JSON)")
        return
    except json.JSONDecodeError:
        pass
    for block in _FENCED_YAML.finditer(text):
        yield (yaml.safe_load(block.group("body")), "doc page with embedded OpenAPI")
    try:
        yield (yaml.safe_load(text), "OpenAPI document (YAML)")
    except yaml.YAMLError:
        return


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and method in item:
                yield path, method, item[method]


def keep_operations(document: dict[str, Any], operation_ids: list[str]) -> dict[str, Any]:
    """Return a copy of ``document`` with only the named operations and what they reference.

    Raises:
        VendoringError: When a named operation is not in the document.
    """
    wanted = set(operation_ids)
    found = {op.get("operationId") for _, _, op in _operations(document)}
    missing = sorted(wanted - found)
    if missing:
        raise VendoringError(f"operations not in the source: {', '.join(missing)}")
    paths: dict[str, Any] = {}
    for path, item in (document.get("paths") or {}).items():
        kept = {
            key: value
            for key, value in item.items()
            if key not in HTTP_METHODS or value.get("operationId") in wanted
        }
        if any(method in kept for method in HTTP_METHODS):
            paths[path] = kept
    result = {key: value for key, value in document.items() if key not in ("paths", "components")}
    result["paths"] = paths
    components = _referenced_components(document, paths)
    if components:
        result["components"] = components
    return result


def _referenced_components(
    document: dict[str, Any], paths: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    available = document.get("components") or {}
    kept: dict[str, dict[str, Any]] = {}
    pending = list(_refs(paths))
    while pending:
        section, name = pending.pop()
        if name in kept.get(section, {}):
            continue
        try:
            target = available[section][name]
        except KeyError:
            raise VendoringError(f"unresolved reference #/components/{section}/{name}") from None
        kept.setdefault(section, {})[name] = target
        pending.extend(_refs(target))
    schemes = available.get("securitySchemes") or {}
    for requirement in _security_requirements(document, paths):
        for name in requirement:
            if name in schemes:
                kept.setdefault("securitySchemes", {})[name] = schemes[name]
    # Keep the source's order of sections and of names inside each section.
    return {
        section: {name: body for name, body in available[section].items() if name in kept[section]}
        for section in available
        if section in kept
    }


def _refs(node: Any) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            section, _, name = ref.removeprefix("#/components/").partition("/")
            yield section, name
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _security_requirements(
    document: dict[str, Any], paths: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    yield from document.get("security") or []
    for _, _, operation in _operations({"paths": paths}):
        yield from operation.get("security") or []


def apply_corrections(document: dict[str, Any], corrections: list[dict[str, Any]]) -> None:
    """Apply the recorded corrections, RFC 6902 operations with a ``reason``, in place.

    Each correction is one JSON Patch operation (``op``, ``path``, ``value`` or ``from``)
    applied by ``jsonpatch``. An ``add`` must find nothing at its path: RFC 6902's add would
    silently overwrite a member, and a source that has since fixed itself (or changed) must be noticed.

    Raises:
        VendoringError: When a correction lacks its reason or no longer applies.
    """
    for correction in corrections:
        op, pointer = correction.get("op"), str(correction.get("path", ""))
        if not correction.get("reason"):
            raise VendoringError(f"correction {op} {pointer} has no reason")
        operation = {key: value for key, value in correction.items() if key != "reason"}
        try:
            if op == "add" and _exists(document, pointer):
                raise VendoringError(f"correction add {pointer} no longer applies: already there")
            jsonpatch.JsonPatch([operation]).apply(document, in_place=True)
        except jsonpatch.InvalidJsonPatch as error:
            raise VendoringError(f"correction {op} {pointer} is not valid: {error}") from None
        except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException):
            # The libraries' messages quote the whole document; the pointer says enough.
            raise VendoringError(
                f"correction {op} {pointer} no longer applies: not there"
            ) from None


def _exists(document: dict[str, Any], pointer: str) -> bool:
    """Whether ``pointer`` names an existing member of an object (an index in a list inserts)."""
    parent, last = jsonpointer.JsonPointer(pointer).to_last(document)
    return isinstance(parent, dict) and last in parent


def vendor(
    vendor_name: str,
    source: Path,
    specs_dir: Path,
    *,
    url: str | None = None,
    keep: list[str] | None = None,
    handwritten: bool = False,
    today: datetime.date | None = None,
) -> Path:
    """Vendor ``source`` as ``specs_dir/<vendor>.yaml`` and update the provenance record.

    Returns:
        The path of the vendored spec.

    Raises:
        VendoringError: When the source, the URL or a correction is unusable.
    """
    raw = source.read_bytes()
    provenance_path = specs_dir / PROVENANCE_FILE
    provenance = _load_provenance(provenance_path)
    entry = dict(provenance["vendors"].get(vendor_name) or {})
    url = url or (entry.get("source") or {}).get("url")
    if not url or not url.startswith("https://"):
        raise VendoringError(f"{vendor_name}: the source's public https URL is required (--url)")
    keep = keep if keep is not None else entry.get("keep")
    document, kind = extract_document(raw.decode("utf-8"))
    if handwritten:
        kind = "hand-written from the source pages"
    if keep:
        document = keep_operations(document, keep)
    corrections = list(entry.get("corrections") or [])
    # A hand-written source is corrected too, so that what the source pages say and what
    # the spec says beyond them stay apart, each correction with its reason.
    apply_corrections(document, corrections)
    text = dump_yaml(document)
    spec_path = specs_dir / f"{vendor_name}.yaml"

    source_record = {"url": url, "kind": kind, "sha256": hashlib.sha256(raw).hexdigest()}
    spec_sha256 = hashlib.sha256(text.encode()).hexdigest()
    unchanged = entry.get("source") == source_record and entry.get("spec_sha256") == spec_sha256
    record: dict[str, Any] = {
        "spec": spec_path.name,
        "source": source_record,
        "vendored_on": entry["vendored_on"]
        if unchanged
        else (today or datetime.date.today()).isoformat(),
        "operations": [
            f"{method.upper()} {path} ({operation.get('operationId', 'no operationId')})"
            for path, method, operation in _operations(document)
        ],
    }
    if keep:
        record["keep"] = list(keep)
    record["corrections"] = corrections
    # Notes written by people (server deviations, doc discrepancies) are kept as they are.
    for key, value in entry.items():
        record.setdefault(key, value)
    record["spec_sha256"] = spec_sha256
    provenance["vendors"][vendor_name] = record
    provenance["vendors"] = dict(sorted(provenance["vendors"].items()))

    specs_dir.mkdir(parents=True, exist_ok=True)
    spec_path.write_text(text, encoding="utf-8")
    provenance_path.write_text(dump_yaml(provenance), encoding="utf-8")
    return spec_path


def _load_provenance(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {
            "about": "Where each vendored spec in this folder came from; "
            "written by scripts/vendor_spec.py.",
            "vendors": {},
        }
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    loaded.setdefault("vendors", {})
    return dict(loaded)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vendor", help="provider name, e.g. akool")
    parser.add_argument("source", type=Path, help="doc page, Mintlify page or OpenAPI document")
    parser.add_argument("--url", help="public URL of the source (kept from the record if omitted)")
    parser.add_argument("--keep", nargs="+", metavar="OPERATION_ID", help="operations to keep")
    parser.add_argument(
        "--handwritten", action="store_true", help="the source is a spec written by hand"
    )
    parser.add_argument("--specs-dir", type=Path, default=Path(__file__).parents[1] / "specs")
    args = parser.parse_args(argv)
    try:
        path = vendor(
            args.vendor,
            args.source,
            args.specs_dir,
            url=args.url,
            keep=args.keep,
            handwritten=args.handwritten,
        )
    except (OSError, VendoringError, yaml.YAMLError) as error:
        print(f"vendor_spec: {args.vendor}: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
