"""The generated files' header, the derived vendor list and the custom templates' contract."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sessionend.providers import ADAPTERS

from scripts import generate_clients

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
# Every spec a registered vendor speaks, in name order: what specs/ must hold.
VENDORS = tuple(sorted(name for adapter in ADAPTERS.values() for name in adapter.spec_names()))


def _generated_files() -> list[Path]:
    # generated/README.md is the folder's hand-written guide, not generator output.
    return sorted(
        path
        for folder in GENERATED.iterdir()
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def test_every_generated_file_says_it_is_generated_and_how_to_regenerate_it() -> None:
    files = _generated_files()
    assert len(files) > 60
    for path in files:
        relative = path.relative_to(GENERATED)
        folder = relative.parts[0]
        if folder == generate_clients.MODELS and path.stem not in VENDORS:
            spec, command = f"specs/{{{','.join(VENDORS)}}}.yaml", "nox -s generate"
        else:
            vendor = path.stem if folder == generate_clients.MODELS else folder
            spec, command = f"specs/{vendor}.yaml", f"nox -s generate -- {vendor}"
        first, second = generate_clients.header_lines(spec, command)
        if path.suffix == ".md":
            expected = f"<!--\n{first}\n{second}\n-->\n"
        else:
            expected = f"# {first}\n# {second}\n"
        assert path.read_text(encoding="utf-8").startswith(expected), relative


def test_the_header_text_of_the_templates_is_the_scripts() -> None:
    """The custom templates write the header themselves; it must be the script's text."""
    module = GENERATED / "akool/akool_client/api/session_management"
    text = (module / "post_api_open_v_4_live_avatar_session_close.py").read_text()
    first, second = generate_clients.header_lines("specs/akool.yaml", "nox -s generate -- akool")
    assert text.startswith(f"# {first}\n# {second}\n")


def test_a_file_of_an_unknown_kind_stops_generation(tmp_path: Path) -> None:
    odd = tmp_path / "schema.json"
    odd.write_text("{}")
    with pytest.raises(generate_clients.GenerationError, match=r"schema\.json: no header"):
        generate_clients.add_header(odd, spec="specs/x.yaml", command="nox -s generate -- x")


def test_headers_are_added_once_in_each_format(tmp_path: Path) -> None:
    first, second = generate_clients.header_lines("specs/x.yaml", "nox -s generate -- x")
    files = {
        "a.py": '"""Doc."""\n',
        "pyproject.toml": "[project]\n",
        ".gitignore": "dist/\n",
        "py.typed": "# Marker file for PEP 561",
        "README.md": "# x-client\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        for _ in range(2):  # a second pass finds the header and leaves the file alone
            generate_clients.add_header(
                tmp_path / name, spec="specs/x.yaml", command="nox -s generate -- x"
            )
    assert (tmp_path / "a.py").read_text() == f'# {first}\n# {second}\n"""Doc."""\n'
    assert (tmp_path / "README.md").read_text() == f"<!--\n{first}\n{second}\n-->\n\n# x-client\n"
    assert (tmp_path / "py.typed").read_text().endswith("# Marker file for PEP 561")


def test_a_template_header_that_drifted_stops_generation(tmp_path: Path) -> None:
    module = tmp_path / "end.py"
    module.write_text("# Generated from specs/x.yaml by something else.\n\nx = 1\n")
    with pytest.raises(generate_clients.GenerationError, match="header other than"):
        generate_clients.add_header(module, spec="specs/x.yaml", command="nox -s generate -- x")


def test_the_vendors_are_every_spec_with_a_generator_configuration() -> None:
    assert generate_clients.VENDORS == VENDORS
    assert generate_clients.find_vendors(ROOT / "specs") == VENDORS


def _specs_copy(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    return specs


def test_a_new_vendor_with_spec_and_configuration_is_found_in_order(tmp_path: Path) -> None:
    specs = _specs_copy(tmp_path)
    shutil.copy(specs / "akool.yaml", specs / "bravo.yaml")
    shutil.copy(specs / "generator" / "akool.yaml", specs / "generator" / "bravo.yaml")
    assert generate_clients.find_vendors(specs) == tuple(sorted((*VENDORS, "bravo")))


def test_a_spec_without_a_configuration_is_an_error_naming_it(tmp_path: Path) -> None:
    specs = _specs_copy(tmp_path)
    shutil.copy(specs / "akool.yaml", specs / "bravo.yaml")
    with pytest.raises(
        generate_clients.GenerationError, match=r"specs/bravo\.yaml has no generator"
    ):
        generate_clients.find_vendors(specs)
    assert generate_clients.main(["check", "--specs-dir", str(specs)]) == 1


def test_a_configuration_without_a_spec_is_an_error_naming_it(tmp_path: Path) -> None:
    specs = _specs_copy(tmp_path)
    (specs / "akool.yaml").unlink()
    with pytest.raises(
        generate_clients.GenerationError, match=r"specs/generator/akool\.yaml configures"
    ):
        generate_clients.find_vendors(specs)


def test_the_models_follow_the_derived_vendors(tmp_path: Path) -> None:
    """A vendor left out of specs/ (with its configuration) leaves vendor_models too."""
    specs = _specs_copy(tmp_path)
    (specs / "akool.yaml").unlink()
    (specs / "generator" / "akool.yaml").unlink()
    target = generate_clients.generate_models(specs, tmp_path / "out")
    modules = sorted(path.stem for path in (target / "vendor_models").glob("*.py"))
    assert modules == ["__init__", *(vendor for vendor in VENDORS if vendor != "akool")]
