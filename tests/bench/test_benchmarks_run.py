"""Every benchmark once, on a tiny input, so the benchmark code cannot rot.

Nothing here asserts a time: the machine running the tests may be slow or busy. What is
checked is that each benchmark ran, ended what it was given, and wrote its results.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import pytest
from sessionend import EndReason, Provider
from sessionend.providers import ADAPTERS, Request

from benchmarks import generated, pacing, run, server, sweep
from benchmarks.bulk import VARIANTS


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[run.Results, Path]:
    out = tmp_path_factory.mktemp("bench")
    readme = out / "README.md"
    readme.write_text(f"before\n{run.README_START}\nprevious results\n{run.README_END}\nafter\n")
    measured = run.main(
        [
            "--targets=10",
            "--rounds=1",
            "--warmup=5",
            "--concurrency=4",
            "--single-calls=3",
            "--import-runs=1",
            "--memory-targets=10",
            "--pace-targets=50",
            "--pace-rate=50",
            "--sweep-sessions=100",
            "--sweep-rate=100",
            f"--out={out}",
            f"--readme={readme}",
            "--no-chart",
        ]
    )
    assert isinstance(measured, run.Results)
    return measured, out


def test_every_bulk_variant_ends_every_target(results: tuple[run.Results, Path]) -> None:
    measured, _ = results
    assert {variant.name for variant in VARIANTS} == {item.name for item in measured.bulk}
    assert all(item.ended == item.ends == 10 for item in measured.bulk)


def test_every_pacing_scenario_ends_every_target(results: tuple[run.Results, Path]) -> None:
    # Each vendor alone, all of them mixed, and three processes sharing one, each paced
    # three ways against fakes that throttle: no timing is asserted, only that all ran.
    measured, _ = results
    expected = {
        (scenario.name, mode) for scenario in pacing.scenarios(50, 50) for mode in pacing.MODES
    }
    assert {(item.scenario, item.mode) for item in measured.pacing} == expected
    assert all(item.ended == item.ends == 50 for item in measured.pacing)
    assert all(item.sent >= item.ends for item in measured.pacing)  # the fakes counted them


def test_the_sweep_ends_every_stale_session_and_no_fresh_one(
    results: tuple[run.Results, Path],
) -> None:
    # 100 live sessions over the listing fakes, 80 of them stale, each fake limited to
    # 100 requests a second; the fakes' own state is what counts, not what the sweep said.
    measured, _ = results
    swept = measured.sweep
    assert swept is not None
    assert swept.vendors == len(sweep.LISTING) >= 2
    assert (swept.sessions, swept.stale) == (100, 80)
    assert swept.stale_left == 0
    assert swept.fresh_ended == 0
    assert swept.ended == 80
    assert swept.other_results == 0
    assert swept.correct
    assert swept.sent >= 80 + swept.vendors  # every end, and at least one list page each


def test_a_sweep_alone_is_merged_into_the_earlier_results(
    results: tuple[run.Results, Path], tmp_path: Path
) -> None:
    # ``--only sweep`` keeps everything else an earlier run wrote and replaces the sweep.
    measured, out = results
    swept = measured.sweep
    assert swept is not None
    (tmp_path / "results.json").write_text((out / "results.json").read_text())
    (tmp_path / "README.md").write_text((out / "README.md").read_text())
    again = attrs.evolve(swept, wall=swept.ideal * 3, stale_left=1)
    run.merge_sweep(tmp_path, tmp_path / "README.md", again, {"sweep_rate": 7})
    written = json.loads((tmp_path / "results.json").read_text())
    before = json.loads((out / "results.json").read_text())
    assert written["bulk"] == before["bulk"]
    assert written["pacing"] == before["pacing"]
    assert written["options"]["sweep_rate"] == 7
    assert written["sweep"]["vs_ideal"] == 3.0
    assert [check["met"] for check in written["checks"]] == [
        *(check["met"] for check in before["checks"][:-2]),
        False,
        False,
    ]
    readme = (tmp_path / "README.md").read_text()
    assert readme.count("| sweep wall time vs the vendors' limits | 3.00x |") == 1
    assert readme.count(run.SWEEP_HEADING) == 1
    assert "| scenario | pacing | ended | lost |" in readme
    assert readme.startswith("before\n")
    assert readme.endswith("after\n")
    # The sweep's rows stay in the checks table, right after the other targets.
    lines = readme.splitlines()
    row = lines.index(next(line for line in lines if line.startswith("| sweep wall")))
    assert lines[row - 1].startswith("| sweep ends every stale")
    assert lines[row - 2].startswith("| paced throttled")


def test_the_pacing_chart_is_drawn(results: tuple[run.Results, Path], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    measured, _ = results
    run.write_pacing_chart(measured, tmp_path / "pacing.png")
    assert (tmp_path / "pacing.png").read_bytes().startswith(b"\x89PNG")


def test_the_other_benchmarks_ran(results: tuple[run.Results, Path]) -> None:
    measured, _ = results
    assert measured.single.calls == 3
    assert measured.single.sessionend_median > 0
    assert measured.imports.sessionend > 0
    assert measured.imports.httpx > 0
    assert measured.memory.targets == measured.memory.ended == 10
    assert measured.server_capacity() > 0
    # The server runs on uvloop, so that it outruns the clients it serves.
    assert measured.machine["server_loop"] == ("asyncio" if sys.platform == "win32" else "uvloop")


def test_results_are_written(results: tuple[run.Results, Path]) -> None:
    _, out = results
    written = json.loads((out / "results.json").read_text())
    assert len(written["checks"]) == 10  # the pacing and sweep targets among them
    assert written["sweep"]["correct"] is True
    assert len(written["pacing"]) == len(pacing.scenarios(50, 50)) * len(pacing.MODES)
    readme = (out / "README.md").read_text()
    assert readme.startswith("before\n")
    assert readme.endswith("after\n")
    assert "previous results" not in readme
    assert "| bulk vs hand-written aiohttp loop |" in readme
    assert "Round by round, sessionend ran at" in readme
    assert "| scenario | pacing | ended | lost |" in readme
    assert "| sessions | stale ended | stale left | fresh ended |" in readme


def test_ratios_are_taken_round_by_round(results: tuple[run.Results, Path]) -> None:
    # Two rounds, made up: each ratio pairs the rates measured in the same round.
    measured, _ = results
    rounds = [
        attrs.evolve(item, wall=item.ends / rate)
        for rate, item in [
            (100.0, measured.best("aiohttp_loop")),
            (50.0, measured.best("sessionend")),
            (400.0, measured.best("aiohttp_loop")),
            (100.0, measured.best("sessionend")),
        ]
    ]
    made_up = attrs.evolve(measured, bulk=tuple(rounds))
    assert made_up.round_ratios("sessionend", "aiohttp_loop") == pytest.approx([0.5, 0.25])
    assert made_up.best("aiohttp_loop").rate == pytest.approx(400.0)


def test_the_chart_is_drawn(results: tuple[run.Results, Path], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    measured, _ = results
    run.write_chart(measured, tmp_path / "bulk.png")
    assert (tmp_path / "bulk.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("client_cpu", "server_cpu", "held_back"),
    [(0.5, 0.95, True), (1.0, 0.95, False), (0.5, 0.5, False)],
)
def test_the_table_says_when_the_server_held_the_loop_back(
    results: tuple[run.Results, Path], client_cpu: float, server_cpu: float, held_back: bool
) -> None:
    # Over one second of wall time: a loop whose own process idled while the server was
    # nearly saturated was held back by the server; one that kept its own core busy was not.
    measured, _ = results
    loop = attrs.evolve(
        measured.best("aiohttp_loop"), wall=1.0, client_cpu=client_cpu, server_cpu=server_cpu
    )
    others = tuple(item for item in measured.bulk if item.name != "aiohttp_loop")
    table = run.results_table(attrs.evolve(measured, bulk=(loop, *others)))
    assert ("the loop was server-bound" in table) is held_back
    assert f"| {client_cpu:.0%} | {server_cpu:.0%} |" in table


@pytest.mark.parametrize("provider", list(ADAPTERS))
def test_every_vendor_is_benchmarked_from_its_adapter(provider: Provider) -> None:
    # The hand-written clients send what the adapter describes, and the generated client's
    # operation builds that same request: nothing per vendor is written in benchmarks/.
    assert provider in server.PROVIDERS
    # As the benchmarks configure it (server.OPTIONS), credentials and options alike.
    adapter = server.adapter(provider)
    session_id = adapter.example_session_id
    described = adapter.request(session_id, EndReason.USER_CLOSED)
    raw = server.raw_request("http://127.0.0.1:1/x", provider, session_id)
    assert (raw.method, raw.url, raw.content) == (
        described.method,
        "http://127.0.0.1:1/x" + described.path,
        described.body,
    )
    assert adapter.auth_headers(server.CREDENTIALS[provider]).items() <= raw.headers.items()
    operation = generated.operation(provider)
    keywords = operation.module.build_request(**operation.arguments(provider, session_id))
    assert Request.from_generated(keywords) == described
