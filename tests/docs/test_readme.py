"""Every Python block in README runs as written, against the fake vendors.

The blocks read credentials and base URLs from the environment, as a user's program does;
here the environment points at the fakes, where each provider's example session (the ids
README uses) is live. A ``print(...)  # expected`` line must print what its comment says.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
PRINTED = re.compile(r"^print\(.*\)\s+#\s*(.+)$", re.MULTILINE)


def python_blocks() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


@pytest.fixture
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        for provider, adapter in ADAPTERS.items():
            running.create_session(provider, adapter.example_session_id)
        yield running


def test_readme_has_python_blocks() -> None:
    assert len(python_blocks()) >= 2


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_python_block_runs_as_written(fakes: FakeVendors, index: int, tmp_path: Path) -> None:
    block = python_blocks()[index]
    script = tmp_path / f"block{index}.py"
    script.write_text(block, encoding="utf-8")
    environment = {
        name: value
        for name, value in os.environ.items()
        if not any(name.startswith(f"{provider.value.upper()}_") for provider in ADAPTERS)
    }
    finished = subprocess.run(
        [sys.executable, str(script)],
        env={**environment, **fakes.environment()},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.splitlines()
    for expected in PRINTED.findall(block):
        assert expected.strip() in lines, (expected, lines)
