"""The vendored specs are valid OpenAPI and match their provenance records."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from sessionend.providers import ADAPTERS

from scripts import check_specs, vendor_spec

SPECS = Path(__file__).resolve().parents[2] / "specs"
# Every spec a registered vendor speaks.
VENDORS = {name for adapter in ADAPTERS.values() for name in adapter.spec_names()}


def test_every_vendored_spec_is_valid_and_recorded() -> None:
    assert check_specs.problems(SPECS) == []
    provenance = yaml.safe_load((SPECS / "PROVENANCE.yaml").read_text())
    assert set(provenance["vendors"]) == VENDORS
    for record in provenance["vendors"].values():
        assert record["source"]["url"].startswith("https://")
        assert len(record["source"]["sha256"]) == 64


def test_a_hand_edited_spec_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "specs"
    shutil.copytree(SPECS, copy)
    spec = copy / "akool.yaml"
    spec.write_text(spec.read_text().replace("- id\n", "- session_id\n"))
    assert check_specs.problems(copy) == [
        "akool.yaml: differs from what scripts/vendor_spec.py recorded "
        "(edited by hand?); re-run the vendoring script"
    ]


def test_an_invalid_spec_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "specs"
    shutil.copytree(SPECS, copy)
    spec = copy / "openhands.yaml"
    spec.write_text(spec.read_text().replace("responses:", "answers:"))
    assert any("not a valid OpenAPI document" in line for line in check_specs.problems(copy))


def test_the_elizaos_conversion_matches_the_vendor_facts() -> None:
    """Seed 004's conversion has operationId endSession, 200/404/500 and the Error schema."""
    spec = yaml.safe_load((SPECS / "elizaos.yaml").read_text())
    operation = spec["paths"]["/api/messaging/sessions/{sessionId}"]["delete"]
    assert spec["openapi"] == "3.1.0"
    assert operation["operationId"] == "endSession"
    assert set(operation["responses"]) == {"200", "404", "500"}
    error = spec["components"]["schemas"]["Error"]["properties"]
    assert error["success"]["type"] == "boolean"
    assert set(error["error"]["properties"]) == {"code", "message", "details"}


def test_digital_samba_is_post_and_get_with_basic_and_bearer() -> None:
    """The GET is the recorded correction: same parameter and answers as the POST."""
    spec = yaml.safe_load((SPECS / "digitalsamba.yaml").read_text())
    item = spec["paths"]["/api/v1/sessions/{session}/end"]
    assert set(item) == {"parameters", "post", "get"}
    assert item["parameters"][0]["name"] == "session"
    assert set(item["post"]["responses"]["200"]["content"]) == {"text/plain"}
    assert item["get"]["operationId"] == "endTheSpecifiedLiveSessionWithGet"
    assert item["get"]["responses"] == item["post"]["responses"]
    assert "parameters" not in item["get"]  # the path's own parameter serves both
    record = yaml.safe_load((SPECS / "PROVENANCE.yaml").read_text())["vendors"]["digitalsamba"]
    correction, listing = record["corrections"]
    assert correction["path"] == "/paths/~1api~1v1~1sessions~1{session}~1end/get"
    assert "cURL example" in correction["reason"]
    # The list operation comes from the API reference, as a correction of the same source.
    assert listing["path"] == "/paths/~1api~1v1~1sessions"
    assert spec["paths"]["/api/v1/sessions"]["get"]["operationId"] == "getAllSessions"
    schemes = spec["components"]["securitySchemes"]
    assert {scheme["scheme"] for scheme in schemes.values()} == {"basic", "bearer"}


def test_vendoring_the_handwritten_source_again_gives_the_committed_spec(tmp_path: Path) -> None:
    """The Digital Samba spec is its kept hand-written source plus the recorded corrections."""
    copy = tmp_path / "specs"
    shutil.copytree(SPECS, copy)
    vendor_spec.vendor(
        "digitalsamba", copy / "handwritten" / "digitalsamba.yaml", copy, handwritten=True
    )
    for name in ("digitalsamba.yaml", "PROVENANCE.yaml"):
        assert (copy / name).read_bytes() == (SPECS / name).read_bytes()


def test_a_changed_handwritten_source_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "specs"
    shutil.copytree(SPECS, copy)
    source = copy / "handwritten" / "digitalsamba.yaml"
    source.write_text(source.read_text().replace("Not found.", "Gone."))
    assert check_specs.problems(copy) == [
        "digitalsamba.yaml: handwritten/digitalsamba.yaml differs from the recorded source; "
        "re-run the vendoring script with --handwritten"
    ]
    source.unlink()
    assert check_specs.problems(copy) == [
        "digitalsamba.yaml: hand-written source handwritten/digitalsamba.yaml is missing"
    ]
