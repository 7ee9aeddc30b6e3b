"""check_generated catches drift between specs/ and generated/, and patches fail loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import generate_clients

ROOT = Path(__file__).resolve().parents[2]


def test_a_spec_edit_without_regeneration_is_reported(tmp_path: Path) -> None:
    """Renaming Akool's body key in the spec makes check name the body model file."""
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    spec = specs / "akool.yaml"
    spec.write_text(
        spec.read_text()
        .replace("- id\n", "- session_id\n")
        .replace("        id:\n", "        session_id:\n")
    )
    differing = generate_clients.check(specs, ROOT / "generated", ("akool",))
    assert "akool/akool_client/models/close_session_body.py" in differing
    assert "models/vendor_models/akool.py" in differing


def test_the_committed_clients_and_models_match_a_fresh_generation(tmp_path: Path) -> None:
    assert generate_clients.check(ROOT / "specs", ROOT / "generated", ("elizaos",)) == []


def test_a_hand_edit_of_the_models_is_reported(tmp_path: Path) -> None:
    generated = tmp_path / "generated"
    shutil.copytree(ROOT / "generated" / "models", generated / "models")
    model = generated / "models" / "vendor_models" / "liveavatar.py"
    model.write_text(model.read_text().replace("session_id", "sessionId"))
    assert generate_clients.check(ROOT / "specs", generated, ()) == [
        "models/vendor_models/liveavatar.py"
    ]


def test_a_patch_that_no_longer_matches_fails_loudly(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "client.py").write_text("nothing to patch here\n")
    patch = generate_clients.Patch("demo", "client.py", "timeout=None", "timeout=15", count=2)
    with pytest.raises(generate_clients.GenerationError, match="expected 2 match"):
        patch.apply(package)


def test_a_patch_with_no_file_to_patch_fails_loudly(tmp_path: Path) -> None:
    patch = generate_clients.Patch("demo", "api/*/*.py", "a", "b")
    with pytest.raises(generate_clients.GenerationError, match="no file matches"):
        patch.apply(tmp_path)


def test_diff_trees_names_changed_missing_and_extra_files(tmp_path: Path) -> None:
    left, right = tmp_path / "left", tmp_path / "right"
    for side in (left, right):
        (side / "pkg").mkdir(parents=True)
        (side / "pkg" / "same.py").write_text("same\n")
    (left / "pkg" / "changed.py").write_text("one\n")
    (right / "pkg" / "changed.py").write_text("two\n")
    (left / "only_left.py").write_text("")
    (right / "pkg" / "only_right.py").write_text("")
    assert generate_clients.diff_trees(left, right) == [
        "only_left.py (not committed)",
        "pkg/changed.py",
        "pkg/only_right.py (not generated)",
    ]
