"""The vendoring script: sources in, one spec and one provenance record out, idempotently."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
import yaml

from scripts import vendor_spec

DOC_PAGE = """# Close Thing

> Close a thing

```json
{"code": 1000}
```

## OpenAPI

````yaml POST /things/close
openapi: 3.0.3
info:
  title: Things
  version: 1.0.0
paths:
  /things/close:
    post:
      operationId: closeThing
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/CloseBody'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Envelope'
  /things/open:
    post:
      operationId: openThing
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Unrelated'
      security:
        - OtherKey: []
    parameters:
      - name: shared
        in: query
        schema: {type: string}
components:
  schemas:
    CloseBody:
      type: object
      properties:
        id: {type: string}
    Envelope:
      type: object
      properties:
        code: {type: integer}
        data:
          $ref: '#/components/schemas/Data'
    Data:
      type: object
    Unrelated:
      type: object
  securitySchemes:
    ApiKey: {type: apiKey, in: header, name: x-api-key}
    OtherKey: {type: apiKey, in: header, name: x-other}
security:
  - ApiKey: []
````
"""

MINTLIFY_PAGE = """# End Thing

> End and delete a thing

````yaml delete /things/{thingId}
paths:
  path: /things/{thingId}
  method: delete
  servers:
    - url: http://localhost:3000
  request:
    security: []
    parameters:
      path:
        thingId:
          schema:
            - type: string
              required: true
              description: ID of the thing
      query: {}
      header: {}
      cookie: {}
    body: {}
  response:
    '404':
      application/json:
        schemaArray:
          - type: object
            properties:
              success:
                allOf:
                  - &ref_0
                    type: boolean
            refIdentifier: '#/components/schemas/Error'
        examples:
          example:
            value:
              success: false
        description: Not found
    '500':
      application/json:
        schemaArray:
          - type: object
            properties:
              success:
                allOf:
                  - *ref_0
            refIdentifier: '#/components/schemas/Error'
        description: Broken
  deprecated: false
  type: path
components:
  schemas: {}
````
"""

URL = "https://docs.example.com/things.md"
DAY_ONE = datetime.date(2026, 1, 1)
DAY_TWO = datetime.date(2026, 2, 2)


def _vendor(
    tmp_path: Path, text: str, today: datetime.date = DAY_ONE, **kwargs: object
) -> tuple[dict[str, object], dict[str, object]]:
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    specs = tmp_path / "specs"
    path = vendor_spec.vendor("things", source, specs, url=URL, today=today, **kwargs)  # type: ignore[arg-type]
    provenance = yaml.safe_load((specs / "PROVENANCE.yaml").read_text())
    return yaml.safe_load(path.read_text()), provenance["vendors"]["things"]


def test_rerun_on_the_same_inputs_changes_nothing(tmp_path: Path) -> None:
    """A second run, even on a later day, leaves spec and provenance byte-identical."""
    _vendor(tmp_path, DOC_PAGE, keep=["closeThing"])
    specs = tmp_path / "specs"
    before = {path.name: path.read_bytes() for path in specs.iterdir()}
    _vendor(tmp_path, DOC_PAGE, today=DAY_TWO, keep=["closeThing"])
    assert {path.name: path.read_bytes() for path in specs.iterdir()} == before


def test_a_changed_source_moves_the_date_and_hash(tmp_path: Path) -> None:
    """Provenance follows the source: a new source gets a new sha256 and date."""
    _, first = _vendor(tmp_path, DOC_PAGE)
    _, second = _vendor(tmp_path, DOC_PAGE.replace("Things", "Stuff"), today=DAY_TWO)
    assert first["vendored_on"] == "2026-01-01"
    assert second["vendored_on"] == "2026-02-02"
    assert first["source"] != second["source"]


def test_keep_cuts_operations_and_keeps_every_referenced_component(tmp_path: Path) -> None:
    """Only the kept operation stays, with components reached through nested refs."""
    spec, record = _vendor(tmp_path, DOC_PAGE, keep=["closeThing"])
    assert list(spec["paths"]) == ["/things/close"]  # type: ignore[call-overload]
    components = spec["components"]
    assert list(components["schemas"]) == ["CloseBody", "Envelope", "Data"]  # type: ignore[index]
    assert list(components["securitySchemes"]) == ["ApiKey"]  # type: ignore[index]
    assert record["operations"] == ["POST /things/close (closeThing)"]
    assert record["keep"] == ["closeThing"]
    assert record["source"] == {
        "url": URL,
        "kind": "doc page with embedded OpenAPI",
        "sha256": record["source"]["sha256"],  # type: ignore[index]
    }


def test_without_keep_every_operation_stays(tmp_path: Path) -> None:
    spec, _ = _vendor(tmp_path, DOC_PAGE)
    assert set(spec["paths"]) == {"/things/close", "/things/open"}  # type: ignore[call-overload]
    assert "Unrelated" in spec["components"]["schemas"]  # type: ignore[index]


def test_an_unknown_operation_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(vendor_spec.VendoringError, match="nope"):
        _vendor(tmp_path, DOC_PAGE, keep=["nope"])


def test_json_documents_are_read(tmp_path: Path) -> None:
    document = yaml.safe_load(DOC_PAGE.split("````yaml POST /things/close\n")[1].split("````")[0])
    spec, record = _vendor(tmp_path, json.dumps(document), keep=["openThing"])
    assert list(spec["paths"]) == ["/things/open"]  # type: ignore[call-overload]
    # Path-level parameters travel with their path item.
    assert spec["paths"]["/things/open"]["parameters"][0]["name"] == "shared"  # type: ignore[index]
    assert record["source"]["kind"] == "OpenAPI document (JSON)"  # type: ignore[index]


def test_mintlify_pages_become_openapi_31(tmp_path: Path) -> None:
    """Mintlify's page form converts: refIdentifier to $ref, allOf unwrapped, anchors spelt out."""
    spec, record = _vendor(tmp_path, MINTLIFY_PAGE)
    operation = spec["paths"]["/things/{thingId}"]["delete"]  # type: ignore[index]
    assert spec["openapi"] == "3.1.0"
    assert operation["summary"] == "End Thing"
    assert operation["description"] == "End and delete a thing"
    assert operation["parameters"] == [
        {
            "name": "thingId",
            "in": "path",
            "required": True,
            "description": "ID of the thing",
            "schema": {"type": "string"},
        }
    ]
    assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert spec["components"]["schemas"]["Error"] == {  # type: ignore[index]
        "type": "object",
        "properties": {"success": {"type": "boolean"}},
    }
    assert operation["security"] == []
    assert "&ref" not in (tmp_path / "specs" / "things.yaml").read_text()
    assert record["source"]["kind"] == "doc page with embedded Mintlify page"  # type: ignore[index]


def test_corrections_are_applied_and_recorded_with_their_reason(tmp_path: Path) -> None:
    _vendor(tmp_path, MINTLIFY_PAGE)
    provenance_path = tmp_path / "specs" / "PROVENANCE.yaml"
    provenance = yaml.safe_load(provenance_path.read_text())
    correction = {
        "op": "add",
        "path": "/paths/~1things~1{thingId}/delete/operationId",
        "value": "endThing",
        "reason": "the page drops operationIds",
    }
    provenance["vendors"]["things"]["corrections"] = [correction]
    provenance_path.write_text(yaml.safe_dump(provenance))
    spec, record = _vendor(tmp_path, MINTLIFY_PAGE)
    assert spec["paths"]["/things/{thingId}"]["delete"]["operationId"] == "endThing"  # type: ignore[index]
    assert record["corrections"] == [correction]
    assert record["operations"] == ["DELETE /things/{thingId} (endThing)"]


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        ({"op": "add", "path": "/info/title", "value": "x", "reason": "r"}, "already there"),
        ({"op": "replace", "path": "/info/nothing", "value": "x", "reason": "r"}, "not there"),
        ({"op": "remove", "path": "/nowhere/x", "reason": "r"}, "remove /nowhere/x .* not there"),
        ({"op": "add", "path": "/nowhere/x", "value": "x", "reason": "r"}, "not there"),
        ({"op": "add", "path": "/info/x-note", "value": "x"}, "has no reason"),
        ({"op": "also", "path": "/info/x-note", "value": "x", "reason": "r"}, "is not valid"),
    ],
)
def test_corrections_fail_loudly_when_they_do_not_apply(
    correction: dict[str, object], message: str
) -> None:
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    with pytest.raises(vendor_spec.VendoringError, match=message):
        vendor_spec.apply_corrections(document, [correction])


def test_a_public_https_url_is_required(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text(DOC_PAGE)
    with pytest.raises(vendor_spec.VendoringError, match="public https URL"):
        vendor_spec.vendor("things", source, tmp_path / "specs", url="/local/path")


def test_a_page_without_a_document_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(vendor_spec.VendoringError, match="no OpenAPI document"):
        _vendor(tmp_path, "# Just prose\n\nNothing to see.\n")


def test_the_command_line_reports_errors_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "page.md"
    source.write_text(DOC_PAGE)
    argv = ["things", str(source), "--url", URL, "--keep", "nope", "--specs-dir", str(tmp_path)]
    assert vendor_spec.main(argv) == 1
    assert "operations not in the source: nope" in capsys.readouterr().err


def test_corrections_are_json_patch_operations() -> None:
    """move, copy and list indexes work as RFC 6902 says; the reason is not part of the patch."""
    document = {"info": {"title": "t"}, "tags": ["a", "c"], "paths": {"/x": {"post": {"a": 1}}}}
    vendor_spec.apply_corrections(
        document,
        [
            {"op": "add", "path": "/tags/1", "value": "b", "reason": "r"},
            {"op": "copy", "from": "/paths/~1x/post", "path": "/paths/~1x/get", "reason": "r"},
            {"op": "move", "from": "/info/title", "path": "/info/summary", "reason": "r"},
        ],
    )
    assert document == {
        "info": {"summary": "t"},
        "tags": ["a", "b", "c"],
        "paths": {"/x": {"post": {"a": 1}, "get": {"a": 1}}},
    }


def test_a_handwritten_source_is_corrected_too(tmp_path: Path) -> None:
    """Digital Samba's case: a spec written by hand still gets its recorded corrections."""
    document = yaml.safe_load(DOC_PAGE.split("````yaml POST /things/close\n")[1].split("````")[0])
    source = tmp_path / "handwritten.yaml"
    source.write_text(yaml.safe_dump(document))
    specs = tmp_path / "specs"
    specs.mkdir()
    correction = {"op": "add", "path": "/info/x-note", "value": "added", "reason": "r"}
    (specs / "PROVENANCE.yaml").write_text(
        yaml.safe_dump({"vendors": {"things": {"corrections": [correction]}}})
    )
    path = vendor_spec.vendor("things", source, specs, url=URL, handwritten=True, today=DAY_ONE)
    assert yaml.safe_load(path.read_text())["info"]["x-note"] == "added"
    record = yaml.safe_load((specs / "PROVENANCE.yaml").read_text())["vendors"]["things"]
    assert record["source"]["kind"] == "hand-written from the source pages"
    assert record["corrections"] == [correction]
