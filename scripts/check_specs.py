"""Validate every vendored spec and check it against its provenance record.

Usage::

    python -m scripts.check_specs [SPECS_DIR]

Each ``specs/<vendor>.yaml`` must be a valid OpenAPI document (openapi-spec-validator), have
an entry in ``specs/PROVENANCE.yaml``, and hash to the ``spec_sha256`` recorded there: a spec
edited by hand instead of through ``scripts/vendor_spec.py`` fails here. A spec vendored from
a hand-written source must have that source in ``specs/handwritten/``, hashing to the
recorded source sha256.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

__all__ = ["problems"]

PROVENANCE_FILE = "PROVENANCE.yaml"
HANDWRITTEN_DIR = "handwritten"


def problems(specs_dir: Path) -> list[str]:
    """Return one line per problem found in ``specs_dir``; an empty list means all is well."""
    found: list[str] = []
    provenance = yaml.safe_load((specs_dir / PROVENANCE_FILE).read_text(encoding="utf-8"))
    records = provenance.get("vendors") or {}
    specs = sorted(path for path in specs_dir.glob("*.yaml") if path.name != PROVENANCE_FILE)
    if not specs:
        found.append(f"{specs_dir}: no vendored spec")
    for path in specs:
        vendor = path.stem
        raw = path.read_bytes()
        try:
            validate(yaml.safe_load(raw))
        except OpenAPIValidationError as error:
            found.append(f"{path.name}: not a valid OpenAPI document: {error.message}")
        record = records.get(vendor)
        if record is None:
            found.append(f"{path.name}: no provenance record for {vendor!r}")
            continue
        if record.get("spec_sha256") != hashlib.sha256(raw).hexdigest():
            found.append(
                f"{path.name}: differs from what scripts/vendor_spec.py recorded "
                "(edited by hand?); re-run the vendoring script"
            )
        source = record.get("source") or {}
        if str(source.get("kind", "")).startswith("hand-written"):
            # A hand-written source exists nowhere else: it is kept so that vendoring it
            # again (with its corrections) gives the same spec.
            kept = specs_dir / HANDWRITTEN_DIR / path.name
            if not kept.is_file():
                found.append(
                    f"{path.name}: hand-written source {HANDWRITTEN_DIR}/{path.name} is missing"
                )
            elif hashlib.sha256(kept.read_bytes()).hexdigest() != source.get("sha256"):
                found.append(
                    f"{path.name}: {HANDWRITTEN_DIR}/{path.name} differs from the recorded source; "
                    "re-run the vendoring script with --handwritten"
                )
        for correction in record.get("corrections") or []:
            if not correction.get("reason"):
                found.append(f"{path.name}: correction {correction.get('path')} has no reason")
    for vendor in sorted(set(records) - {path.stem for path in specs}):
        found.append(
            f"{PROVENANCE_FILE}: {vendor!r} is recorded but specs/{vendor}.yaml is missing"
        )
    return found


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    args = sys.argv[1:] if argv is None else argv
    specs_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "specs"
    found = problems(specs_dir)
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print(f"{specs_dir}: every spec is valid and matches its provenance record")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
