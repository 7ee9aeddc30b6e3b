"""Development tasks for sessionend. A bare ``nox`` runs everything CI needs."""

from __future__ import annotations

from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.error_on_external_run = True
nox.options.sessions = ["specs", "check_generated", "lint", "typecheck", "tests", "contract"]

PYTHON = "3.11"


def install(session: nox.Session, *groups: str) -> None:
    """Install the locked workspace with the given dependency groups into the session's venv."""
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        *(f"--group={group}" for group in groups),
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
        external=True,
    )


@nox.session(python=PYTHON, default=False)
def generate(session: nox.Session) -> None:
    """Regenerate the vendor clients (all, or those named after --) and vendor_models."""
    install(session, "generate")
    session.run("python", "-m", "scripts.generate_clients", "generate", *session.posargs)


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail, naming the files, when generated/ differs from a fresh generation."""
    install(session, "generate")
    session.run("python", "-m", "scripts.generate_clients", "check", *session.posargs)


@nox.session(python=PYTHON)
def specs(session: nox.Session) -> None:
    """Validate the vendored specs and their provenance records."""
    install(session, "specs")
    session.run("python", "-m", "scripts.check_specs", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Run ruff's linter and format check over the hand-written code."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Run mypy --strict over wrapper/, tests/, scripts/ and this file."""
    install(session, "typecheck")
    session.run("mypy", *session.posargs)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (arguments after -- go to pytest)."""
    # The contract group: the secret-hygiene tests reuse the cassettes' credential scan.
    install(session, "contract")
    session.run("pytest", "--ignore=tests/contract", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Replay the vendor cassettes offline, validate them against the specs, fuzz the answers.

    Replays with record mode none and the network blocked (loopback aside). To re-record
    against the real vendors, with their credentials in the environment:
    ``nox -s contract -- --record-mode=once`` (see tests/contract/README.md).
    """
    install(session, "contract")
    session.run(
        "pytest", "tests/contract", "--record-mode=none", "--block-network", *session.posargs
    )


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks, write benchmarks/results.json and bulk.png, refresh README's table.

    Arguments after -- go to the benchmark script instead (e.g. ``-- --targets 1000``); such a
    run writes its results and chart under .nox/bench/tmp (unless given ``--out``) and leaves
    README alone: a quick run's numbers are not the published ones.
    """
    install(session, "bench")
    if session.posargs:
        arguments = ["--out", session.create_tmp(), *session.posargs]
    else:
        arguments = ["--readme", "README.md"]
    session.run("python", "-m", "benchmarks.run", *arguments)


@nox.session(python=PYTHON, default=False)
@nox.parametrize("resolution", ["lowest-direct", "highest"])
def deps(session: nox.Session, resolution: str) -> None:
    """Run the test suite on the lowest and on the highest versions the dependency ranges allow."""
    # The wrapper and the generated clients resolved without the lock: with lowest-direct,
    # each of their own requirements at the lowest version its range allows.
    python = f"--python={session.virtualenv.location}/bin/python"
    packages = [
        "./wrapper[cli,testing]",
        *sorted(str(path.parent) for path in Path("generated").glob("*/pyproject.toml")),
    ]
    tmp = Path(session.create_tmp())
    runtime = tmp / "runtime.in"
    runtime.write_text("".join(f"--editable {package}\n" for package in packages))
    uv = ("uv", "pip")
    session.run_install(
        *uv,
        "compile",
        "--quiet",
        python,
        f"--resolution={resolution}",
        "--no-header",
        str(runtime),
        "-o",
        str(tmp / "runtime.txt"),
        external=True,
    )
    # The test tools at their locked versions, except where they meet what users install:
    # those are resolved with the runtime, together, so each tool's own needs still hold.
    runtime_names = {
        _name(line) for line in (tmp / "runtime.txt").read_text().splitlines() if _name(line)
    }
    session.run_install(
        "uv",
        "export",
        "--quiet",
        "--frozen",
        "--only-group=contract",
        "--no-hashes",
        "--no-emit-workspace",
        "--no-header",
        "-o",
        str(tmp / "tools.txt"),
        external=True,
    )
    tools = [
        line
        for line in (tmp / "tools.txt").read_text().splitlines()
        if _name(line) and _name(line) not in runtime_names
    ]
    (tmp / "tools.txt").write_text("\n".join(tools) + "\n")
    session.run_install(
        *uv,
        "install",
        python,
        f"--resolution={resolution}",
        "-r",
        str(runtime),
        "--group=pyproject.toml:contract",
        "-c",
        str(tmp / "tools.txt"),
        external=True,
    )
    session.run_install(*uv, "list", python, external=True)
    # anyio (httpx's) registers a pytest plugin the suite never uses; the anyio that older
    # httpx resolves to imports a name newer pytest deprecates, an error under the suite's
    # warnings-as-errors before any test runs.
    pytest = ("pytest", "-p", "no:anyio", "-q")
    # A fresh generation matches generated/ only with the locked generator and what it
    # imports (nox -s check_generated); here some of those are resolved anew.
    unlocked = "--deselect=tests/pipeline/test_generated_up_to_date.py"
    session.run(*pytest, "--ignore=tests/contract", unlocked, *session.posargs)
    session.run(
        *pytest, "tests/contract", "--record-mode=none", "--block-network", *session.posargs
    )


def _name(requirement: str) -> str:
    """The normalised package name a requirements-file line pins; empty for anything else."""
    line = requirement.split("#")[0].strip()
    if not line or line.startswith("-"):
        return ""
    name = line.split("==")[0].split(";")[0].strip()
    return name.lower().replace("_", "-").replace(".", "-")
