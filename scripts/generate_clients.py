"""Generate the vendor clients under ``generated/`` from the vendored specs, or check them.

Usage::

    python -m scripts.generate_clients generate [VENDOR ...]   # all vendors when none is named
    python -m scripts.generate_clients check                    # exit 1, naming files, on drift

The vendors are every ``<vendor>`` with both a spec ``specs/<vendor>.yaml`` and a generator
configuration ``specs/generator/<vendor>.yaml``; one without the other is an error. Each client
is made by openapi-python-client from the spec with that configuration and the custom templates
in ``specs/generator/templates`` (each says what it changes in the generator's default), then
patched by the post-processing steps below, then headed, then formatted by ruff. The generator owns the output: nothing under ``generated/<vendor>``
is edited by hand. Every patch states how many places it must change in each file it touches
and fails loudly when it stops matching, so a generator upgrade cannot silently drop a fix.

Patches (why each exists):

1. ``status_code_of``: the generated endpoints build ``HTTPStatus(response.status_code)``,
   which raises ValueError for statuses outside Python's enum (499, 520-527, 529, 599), so a
   CDN error page crashes the call instead of being reported (openapi-python-client issue
   #1442). Unknown statuses are kept as plain ints.
2. Default timeout: the generated client passes ``timeout=None`` to httpx, so a server that
   never answers blocks forever. The default becomes 15 seconds per request.
3. Token out of repr: ``AuthenticatedClient`` is an attrs class whose ``token`` shows in its
   repr, so logging or printing a client would print the credential.
4. uv_build range: the generator pins its projects' build backend to the uv release it was
   made with (``uv_build>=0.12.0,<0.13.0``), so every later uv warns on each build; the range
   becomes the wrapper's own, which the workspace is tested with.
5. httpx range: the generator caps httpx below its next minor (``<0.29.0``), which would pin
   every user of the wrapper there; the range becomes the wrapper's (``>=0.27,<1``), which
   ``nox -s deps`` tests at both ends.

The templates give every endpoint module two public functions that do no I/O:
``build_request`` (the request as ``httpx.Client.request`` keywords) and ``parse_response``
(a documented answer parsed from any ``types.RawResponse``, or None), so that a caller can send
requests its own way and still use the generated models.

Every generated file starts with a header saying it is generated, from which spec, and how to
regenerate it: the custom templates write it, and a last step adds it to every other file by
its type (a file type it does not know stops generation).

Beside the clients, ``generated/models`` is the ``vendor_models`` package: pydantic models of
every vendor's schemas and request bodies, made by datamodel-code-generator from the same
specs. The fake vendors (``sessionend.testing``) validate what they receive with them, so the
clients and the fakes are both derived from one spec and cannot disagree about it.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MODELS",
    "VENDORS",
    "GenerationError",
    "Patch",
    "add_header",
    "check",
    "diff_trees",
    "find_vendors",
    "generate",
    "generate_models",
    "header_lines",
    "main",
]

ROOT = Path(__file__).resolve().parents[1]
MODELS = "models"
PROVENANCE_FILE = "PROVENANCE.yaml"


class GenerationError(Exception):
    """Generation failed, or a post-processing patch no longer applies."""


def find_vendors(specs_dir: Path) -> tuple[str, ...]:
    """The vendors with a spec and a generator configuration in ``specs_dir``, sorted.

    Raises:
        GenerationError: When a spec has no configuration, or a configuration no spec.
    """
    specs = {path.stem for path in specs_dir.glob("*.yaml") if path.name != PROVENANCE_FILE}
    configs = {path.stem for path in (specs_dir / "generator").glob("*.yaml")}
    problems = [
        f"specs/{name}.yaml has no generator configuration specs/generator/{name}.yaml"
        for name in sorted(specs - configs)
    ] + [
        f"specs/generator/{name}.yaml configures a vendor with no spec specs/{name}.yaml"
        for name in sorted(configs - specs)
    ]
    if problems:
        raise GenerationError("; ".join(problems))
    if not specs:
        raise GenerationError(f"no vendor spec in {specs_dir}")
    return tuple(sorted(specs))


VENDORS = find_vendors(ROOT / "specs")


@dataclass(frozen=True)
class Patch:
    """A text replacement that must change exactly ``count`` places in each file it matches."""

    why: str
    glob: str
    old: str
    new: str
    count: int = 1

    def apply(self, package: Path) -> None:
        """Patch every file under ``package`` that matches ``glob``.

        Raises:
            GenerationError: When no file matches, or a file has another number of matches.
        """
        files = sorted(path for path in package.glob(self.glob) if path.name != "__init__.py")
        if not files:
            raise GenerationError(f"patch {self.why!r}: no file matches {self.glob}")
        for path in files:
            text = path.read_text(encoding="utf-8")
            found = text.count(self.old)
            if found != self.count:
                raise GenerationError(
                    f"patch {self.why!r} expected {self.count} match(es) in "
                    f"{path.relative_to(package.parent)}, found {found}: the generator's "
                    "output changed; update the patch"
                )
            path.write_text(text.replace(self.old, self.new), encoding="utf-8")


_STATUS_HELPER = '''

def status_code_of(code: int) -> HTTPStatus | int:
    """Return the HTTPStatus for ``code``, or ``code`` itself when Python's enum lacks it."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RawResponse",
    "RequestFiles",
    "Response",
    "Unset",
    "status_code_of",
]'''

PATCHES = (
    Patch(
        "unknown statuses stay ints",
        "types.py",
        "    status_code: HTTPStatus\n",
        "    status_code: HTTPStatus | int\n",
    ),
    Patch(
        "unknown statuses stay ints",
        "types.py",
        '\n\n__all__ = ["UNSET", "File", "FileTypes", "RawResponse", "RequestFiles", "Response", "Unset"]',
        _STATUS_HELPER,
    ),
    Patch(
        "unknown statuses stay ints",
        "api/*/*.py",
        "status_code=HTTPStatus(response.status_code),",
        "status_code=status_code_of(response.status_code),",
    ),
    Patch(
        "unknown statuses stay ints",
        "api/*/*.py",
        "from ... import errors\n",
        "from ... import errors\nfrom ...types import status_code_of\n",
    ),
    Patch(
        "default timeout",
        "client.py",
        '_timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")',
        '_timeout: httpx.Timeout | None = field(default=httpx.Timeout(15.0), kw_only=True, alias="timeout")',
        count=2,
    ),
    Patch(
        "token out of repr", "client.py", "    token: str\n", "    token: str = field(repr=False)\n"
    ),
)


PROJECT_PATCHES = (
    Patch(
        "httpx range",
        "pyproject.toml",
        '"httpx>=0.23.1,<0.29.0",',
        '"httpx>=0.27,<1",',
    ),
    Patch(
        "uv_build range",
        "pyproject.toml",
        'requires = ["uv_build>=0.12.0,<0.13.0"]',
        'requires = ["uv_build>=0.9,<0.14"]',
    ),
)


def generate(vendor: str, specs_dir: Path, out_dir: Path) -> Path:
    """Generate one vendor's client project into ``out_dir/<vendor>``, replacing what is there.

    Raises:
        GenerationError: When the generator fails or a patch no longer applies.
    """
    vendors = find_vendors(specs_dir)
    if vendor not in vendors:
        raise GenerationError(f"unknown vendor {vendor!r}; expected one of {', '.join(vendors)}")
    target = out_dir / vendor
    if target.exists():
        shutil.rmtree(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    _run(
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(specs_dir / f"{vendor}.yaml"),
        "--config",
        str(specs_dir / "generator" / f"{vendor}.yaml"),
        "--custom-template-path",
        str(specs_dir / "generator" / TEMPLATES),
        "--meta",
        "uv",
        "--fail-on-warning",
        "--output-path",
        str(target),
    )
    package = target / f"{vendor}_client"
    for patch in PATCHES:
        patch.apply(package)
    for patch in PROJECT_PATCHES:
        patch.apply(target)
    for path in _files(target):
        add_header(path, spec=f"specs/{vendor}.yaml", command=f"nox -s generate -- {vendor}")
    # The generator's own ruff hooks are off (post_hooks: []) so that they run after the patches.
    _format(target)
    return target


_MODELS_PYPROJECT = """\
[project]
name = "vendor-models"
version = "1.0.0"
description = "Pydantic models of the vendored specs' schemas, made by datamodel-code-generator"
requires-python = ">=3.11"
dependencies = ["pydantic>=2.6,<3"]

[tool.uv.build-backend]
module-name = "vendor_models"
module-root = ""

[build-system]
requires = ["uv_build>=0.9,<0.14"]
build-backend = "uv_build"

[tool.ruff]
line-length = 120

[tool.ruff.lint]
select = ["F", "I", "UP"]
"""

_MODELS_INIT = '''"""Pydantic models of each vendor's schemas and request bodies, one module per vendor.

Made by datamodel-code-generator from specs/<vendor>.yaml; never edit by hand.
"""
'''


def generate_models(specs_dir: Path, out_dir: Path) -> Path:
    """Generate the ``vendor_models`` project into ``out_dir/models``, replacing what is there.

    Raises:
        GenerationError: When the generator fails.
    """
    target = out_dir / MODELS
    if target.exists():
        shutil.rmtree(target)
    package = target / "vendor_models"
    package.mkdir(parents=True)
    (target / "pyproject.toml").write_text(_MODELS_PYPROJECT, encoding="utf-8")
    (package / "__init__.py").write_text(_MODELS_INIT, encoding="utf-8")
    (package / "py.typed").write_text("", encoding="utf-8")
    vendors = find_vendors(specs_dir)
    for vendor in vendors:
        _run(
            sys.executable,
            "-m",
            "datamodel_code_generator",
            "--input",
            str(specs_dir / f"{vendor}.yaml"),
            "--input-file-type",
            "openapi",
            # "paths" adds the inline request bodies (Akool's) to the component schemas.
            "--openapi-scopes",
            "schemas",
            "paths",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--disable-timestamp",
            "--formatters",
            "builtin",
            "--output",
            str(package / f"{vendor}.py"),
        )
    every_spec = f"specs/{{{','.join(vendors)}}}.yaml"  # shell brace form: one spec per vendor
    for path in _files(target):
        if path.parent == package and path.stem in vendors:
            add_header(
                path, spec=f"specs/{path.stem}.yaml", command=f"nox -s generate -- {path.stem}"
            )
        else:
            add_header(path, spec=every_spec, command="nox -s generate")
    _format(target)
    return target


TEMPLATES = "templates"
_HEADER_MARK = "Generated from "


def header_lines(spec: str, command: str) -> tuple[str, str]:
    """The two lines every generated file starts with, before its format's comment syntax.

    ``specs/generator/templates/generated_header.jinja`` writes the same text.
    """
    return (
        f"Generated from {spec} by scripts/generate_clients.py; every generation overwrites this file.",
        f"Do not edit it: change the spec or its generator configuration, then run `{command}`.",
    )


def _comment(path: Path, lines: tuple[str, ...]) -> str:
    """``lines`` as a comment in ``path``'s format.

    Raises:
        GenerationError: When the format is not one this script knows how to comment.
    """
    if path.suffix in (".py", ".toml") or path.name in (".gitignore", "py.typed"):
        return "".join(f"# {line}\n" for line in lines)
    if path.suffix == ".md":
        return "<!--\n" + "".join(f"{line}\n" for line in lines) + "-->\n"
    raise GenerationError(
        f"{path}: no header for this kind of generated file; teach add_header its comment syntax"
    )


def add_header(path: Path, *, spec: str, command: str) -> None:
    """Start ``path`` with the generated-file header, unless its template wrote it already.

    Raises:
        GenerationError: When the file's kind is unknown, or it carries another header (a
            template's header that no longer matches ``header_lines``).
    """
    header = _comment(path, header_lines(spec, command))
    text = path.read_text(encoding="utf-8")
    if text.startswith(header):
        return
    if _HEADER_MARK in "".join(text.splitlines(keepends=True)[:3]):
        raise GenerationError(
            f"{path}: starts with a header other than header_lines()'s; "
            "make specs/generator/templates/generated_header.jinja write the same text"
        )
    path.write_text(header + ("\n" if path.suffix == ".md" else "") + text, encoding="utf-8")


def _files(target: Path) -> list[Path]:
    return sorted(
        path for path in target.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    )


def _format(target: Path) -> None:
    _run(
        sys.executable,
        "-m",
        "ruff",
        "check",
        "--no-cache",
        "--fix-only",
        "--quiet",
        ".",
        cwd=target,
    )
    _run(sys.executable, "-m", "ruff", "format", "--no-cache", "--quiet", ".", cwd=target)


def diff_trees(expected: Path, actual: Path) -> list[str]:
    """List the files (relative paths) that differ, or exist on one side only."""
    differing: list[str] = []
    comparison = filecmp.dircmp(expected, actual, ignore=["__pycache__"])
    stack = [(comparison, Path())]
    while stack:
        node, prefix = stack.pop()
        differing += [str(prefix / name) + " (not committed)" for name in node.left_only]
        differing += [str(prefix / name) + " (not generated)" for name in node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        differing += [str(prefix / name) for name in mismatch + errors]
        stack += [(sub, prefix / name) for name, sub in node.subdirs.items()]
    return sorted(differing)


def check(
    specs_dir: Path,
    committed_dir: Path,
    vendors: tuple[str, ...] | None = None,
    *,
    models: bool = True,
) -> list[str]:
    """Regenerate into a temporary folder and list every file that differs from ``committed_dir``.

    ``vendors`` names the clients to check (all when None); ``models`` adds the
    ``vendor_models`` project.
    """
    if vendors is None:
        vendors = find_vendors(specs_dir)
    with tempfile.TemporaryDirectory(prefix="sessionend-generated-") as scratch:
        fresh = Path(scratch)
        for vendor in vendors:
            generate(vendor, specs_dir, fresh)
        if models:
            generate_models(specs_dir, fresh)
        differing: list[str] = []
        for name in (*vendors, *((MODELS,) if models else ())):
            committed = committed_dir / name
            if not committed.is_dir():
                differing.append(f"{name}/ (not committed)")
                continue
            differing += [f"{name}/{path}" for path in diff_trees(fresh / name, committed)]
        return differing


def _run(*command: str, cwd: Path | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerationError(
            f"{' '.join(command[:4])} … failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("generate", "check"))
    parser.add_argument("vendors", nargs="*", help=f"any of {', '.join(VENDORS)} (default: all)")
    parser.add_argument("--specs-dir", type=Path, default=ROOT / "specs")
    parser.add_argument("--generated-dir", type=Path, default=ROOT / "generated")
    args = parser.parse_args(argv)
    try:
        known = find_vendors(args.specs_dir)
    except GenerationError as error:
        print(f"generate_clients: {error}", file=sys.stderr)
        return 1
    unknown = sorted(set(args.vendors) - set(known))
    if unknown:
        parser.error(f"unknown vendor(s) {', '.join(unknown)}; expected {', '.join(known)}")
    vendors = tuple(args.vendors) or known
    try:
        if args.command == "generate":
            for vendor in vendors:
                print(f"generated {generate(vendor, args.specs_dir, args.generated_dir)}")
            # Every spec feeds the models, so they are remade whichever vendors were named.
            print(f"generated {generate_models(args.specs_dir, args.generated_dir)}")
            return 0
        differing = check(args.specs_dir, args.generated_dir, vendors)
    except GenerationError as error:
        print(f"generate_clients: {error}", file=sys.stderr)
        return 1
    if differing:
        print("generated/ is out of date with specs/; run `nox -s generate`. Differing files:")
        print("\n".join(f"  generated/{name}" for name in differing))
        return 1
    print(f"generated/ matches specs/ ({', '.join(vendors)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
