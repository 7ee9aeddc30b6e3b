"""Run every benchmark, print the results table, and write results.json and the bulk chart.

    python -m benchmarks.run                      # what `nox -s bench` runs
    python -m benchmarks.run --targets 1000 --rounds 1 --memory-targets 10000   # a quick look

The pacing benchmark ends ``--pace-targets`` sessions (a fifth of ``--targets`` unless given)
per scenario against fakes limited to ``--pace-rate`` requests a second. The sweep benchmark
sweeps ``--sweep-sessions`` live sessions against the listing fakes limited to ``--sweep-rate``
requests a second; ``--only sweep`` runs just that one and merges its result into the
results.json (and README block) an earlier run wrote.

Ratios are taken between measurements of one run. The machine may be busy with other work,
so every bulk variant is measured ``--rounds`` times, interleaved, and its best round kept.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .bulk import VARIANTS, BulkRun, run_variant
from .importtime import ImportRun, run_import
from .memory import MemoryRun, run_memory
from .pacing import MODES, WINDOW, PaceRun, run_scenario, scenarios
from .server import PROVIDERS, FakeServer
from .single import SingleRun, run_single
from .sweep import OLDER_THAN, STALE_AGE, SweepRun, run_sweep
from .sweep import WINDOW as SWEEP_WINDOW

__all__ = ["Results", "main", "results_table"]

README_START = "<!-- bench-results -->"
README_END = "<!-- /bench-results -->"
COMMAND = "nox -s bench"
MB = 1_000_000


@attrs.frozen
class Results:
    """One run of every benchmark."""

    machine: dict[str, Any]
    options: dict[str, Any]
    bulk: tuple[BulkRun, ...]
    single: SingleRun
    imports: ImportRun
    memory: MemoryRun
    pacing: tuple[PaceRun, ...] = ()
    sweep: SweepRun | None = None

    def paced(self, mode: str) -> list[PaceRun]:
        """Every pacing scenario's run with ``pacing=mode``, in the order they ran."""
        return [run for run in self.pacing if run.mode == mode]

    def best(self, name: str) -> BulkRun:
        """The bulk variant ``name``'s fastest round."""
        return max((run for run in self.bulk if run.name == name), key=lambda run: run.rate)

    def round_ratios(self, name: str, against: str) -> list[float]:
        """``name``'s rate over ``against``'s, round by round (each round runs every variant)."""
        ours = [run.rate for run in self.bulk if run.name == name]
        theirs = [run.rate for run in self.bulk if run.name == against]
        return [mine / other for mine, other in zip(ours, theirs, strict=True)]

    def server_capacity(self) -> float:
        """Ends per second the fake server can answer on one core (from the aiohttp loop)."""
        loop = self.best("aiohttp_loop")
        # CPU time comes in clock ticks (10 ms on Linux): a tiny run may show none at all.
        return loop.ends / max(loop.server_cpu, 0.01)

    def checks(self) -> list[tuple[str, str, str, bool]]:
        """(what, measured, target, met) for each target of the issue."""
        ours = self.best("sessionend").rate
        vs_loop = ours / self.best("aiohttp_loop").rate
        vs_generated = ours / self.best("generated_default").rate
        growth = self.memory.growth / MB
        return [
            ("bulk vs hand-written aiohttp loop", f"{vs_loop:.2f}x", "≥ 0.5x", vs_loop >= 0.5),
            (
                "bulk vs generated clients on httpx's default transport",
                f"{vs_generated:.1f}x",
                "≥ 10x",
                vs_generated >= 10,
            ),
            (
                "single end vs raw httpx.Client.post (median)",
                f"{self.single.ratio:.3f}x",
                "≤ 1.15x",
                self.single.ratio <= 1.15,
            ),
            (
                "import time vs httpx (median)",
                f"{self.imports.ratio:.2f}x",
                "≤ 1.5x",
                self.imports.ratio <= 1.5,
            ),
            (
                f"memory growth over {self.memory.targets:,} targets",
                f"{growth:.1f} MB",
                "< 50 MB",
                growth < 50,
            ),
            *self.pacing_checks(),
            *sweep_checks(self.sweep),
        ]

    def pacing_checks(self) -> list[tuple[str, str, str, bool]]:
        """(what, measured, target, met) for adaptive pacing, over every scenario."""
        adaptive = self.paced("adaptive")
        if not adaptive:
            return []
        lost = sum(run.lost for run in adaptive)
        slowest = max(adaptive, key=lambda run: run.slowdown)
        most = max(adaptive, key=lambda run: run.throttled_share)
        return [
            ("paced ends lost to throttling (every scenario)", f"{lost:,}", "0", lost == 0),
            (
                "paced wall time vs ideal (worst scenario)",
                f"{slowest.slowdown:.2f}x ({slowest.scenario})",
                "≤ 1.15x",
                slowest.slowdown <= 1.15,
            ),
            (
                "paced throttled answers / requests sent (worst scenario)",
                f"{most.throttled_share:.1%} ({most.scenario})",
                "≤ 5%",
                most.throttled_share <= 0.05,
            ),
        ]

    def as_json(self) -> dict[str, Any]:
        """Everything measured, for results.json."""
        return {
            "machine": self.machine,
            "options": self.options,
            "server_capacity_per_second": round(self.server_capacity()),
            "bulk": [
                attrs.asdict(run)
                | {
                    "rate": round(run.rate, 1),
                    "client_busy": round(run.client_busy, 3),
                    "server_busy": round(run.server_busy, 3),
                }
                for run in self.bulk
            ],
            "single": attrs.asdict(self.single) | {"ratio": round(self.single.ratio, 4)},
            "import": attrs.asdict(self.imports) | {"ratio": round(self.imports.ratio, 4)},
            "memory": attrs.asdict(self.memory) | {"growth": self.memory.growth},
            "pacing": [
                attrs.asdict(run)
                | {
                    "wall": round(run.wall, 3),
                    "lost": run.lost,
                    "vs_ideal": round(run.slowdown, 3),
                    "throttled_share": round(run.throttled_share, 4),
                }
                for run in self.pacing
            ],
            "sweep": sweep_json(self.sweep),
            "checks": [
                {"what": what, "measured": measured, "target": target, "met": met}
                for what, measured, target, met in self.checks()
            ],
        }


SWEEP_TARGET = 1.2
"""The sweep's wall time may be this many times the ideal."""


def sweep_checks(sweep: SweepRun | None) -> list[tuple[str, str, str, bool]]:
    """(what, measured, target, met) for the sweep, if it ran; every "what" starts "sweep"."""
    if sweep is None:
        return []
    return [
        (
            "sweep ends every stale session and no other",
            f"{sweep.ended:,} of {sweep.stale:,} stale ended, {sweep.stale_left:,} left; "
            f"{sweep.fresh_ended:,} fresh ended",
            "all; 0",
            sweep.correct,
        ),
        (
            "sweep wall time vs the vendors' limits",
            f"{sweep.slowdown:.2f}x",
            f"≤ {SWEEP_TARGET:g}x",
            sweep.slowdown <= SWEEP_TARGET,
        ),
    ]


def sweep_json(sweep: SweepRun | None) -> dict[str, Any] | None:
    """The sweep's results.json entry."""
    if sweep is None:
        return None
    return attrs.asdict(sweep) | {
        "wall": round(sweep.wall, 3),
        "ideal": round(sweep.ideal, 3),
        "vs_ideal": round(sweep.slowdown, 3),
        "correct": sweep.correct,
    }


SERVER_BOUND = 0.8
"""A variant whose server was busier than this may have been held back by the server..."""
CLIENT_BOUND = 0.9
"""...unless its own process was busier than this: then the client set the pace."""


def results_table(results: Results) -> str:
    """The Markdown that README's Performance section shows."""
    machine = results.machine
    lines = [
        f"Measured {machine['date']} on {machine['cpus']} cores ({machine['processor']}), "
        f"Python {machine['python']}, {machine['system']}; reproduce with `{COMMAND}`.",
        "",
        "| comparison | measured | target | |",
        "|---|---|---|---|",
    ]
    loop = results.best("aiohttp_loop")
    for what, measured, target, met in results.checks():
        verdict = "met" if met else "not met"
        held_back = loop.server_busy >= SERVER_BOUND and loop.client_busy < CLIENT_BOUND
        if what.startswith("bulk vs hand-written") and held_back:
            # The limit itself was held back by the server: the ratio flatters sessionend.
            verdict += f" (but the loop was server-bound, {loop.server_busy:.0%} busy)"
        lines.append(f"| {what} | {measured} | {target} | {verdict} |")
    loop_rate = loop.rate
    vs_loop = results.round_ratios("sessionend", "aiohttp_loop")
    vs_generated = results.round_ratios("sessionend", "generated_default")
    lines += [
        "",
        f"Round by round, sessionend ran at {min(vs_loop):.2f}x to {max(vs_loop):.2f}x the "
        f"aiohttp loop and {min(vs_generated):.1f}x to {max(vs_generated):.1f}x the generated "
        "clients on httpx's default transport: the table compares each variant's best round.",
        "",
        f"Bulk: {results.options['targets']:,} ends over the {len(PROVIDERS)} providers at "
        f"concurrency "
        f"{results.options['concurrency']} (the snippet: one at a time), best of "
        f"{results.options['rounds']} rounds. The fake server answers about "
        f"{results.server_capacity():,.0f} ends/s on its core (its own process, on "
        f"{machine.get('server_loop') or 'asyncio'}; every client runs on asyncio's loop); "
        "*client busy* and *server busy* are the shares of the wall time each process spent on "
        "the CPU: a variant near 100% on the server's side and well below it on its own was "
        "held back by the server, not the client.",
        "",
        "| client | ends/s | vs aiohttp loop | client busy | server busy |",
        "|---|---|---|---|---|",
    ]
    for variant in VARIANTS:
        run = results.best(variant.name)
        lines.append(
            f"| {variant.label} | {run.rate:,.0f} | {run.rate / loop_rate:.2f}x "
            f"| {run.client_busy:.0%} | {run.server_busy:.0%} |"
        )
    lines += [
        "",
        f"Single end: median of {results.single.calls:,} calls each, "
        f"{results.single.sessionend_median * 1e6:.0f} µs against "
        f"{results.single.httpx_median * 1e6:.0f} µs. Import: median of "
        f"{results.imports.runs} fresh interpreters, {results.imports.sessionend * 1e3:.0f} ms "
        f"against {results.imports.httpx * 1e3:.0f} ms. Memory: resident size "
        f"{results.memory.rss_before / MB:.0f} MB before, peak "
        f"{results.memory.rss_peak / MB:.0f} MB.",
    ]
    if results.pacing:
        lines += ["", *pacing_table(results)]
    if results.sweep is not None:
        lines += ["", *sweep_table(results.sweep)]
    return "\n".join(lines)


SWEEP_HEADING = "Sweep: "
"""How the sweep's paragraph starts: the last part of README's block."""


def sweep_table(sweep: SweepRun) -> list[str]:
    """The Markdown lines of the sweep's results."""
    fresh = sweep.sessions - sweep.stale
    return [
        f"{SWEEP_HEADING}{sweep.sessions:,} live sessions spread over the {sweep.vendors} "
        f"vendors that list, {sweep.stale:,} stale (started {STALE_AGE.seconds // 3600} h ago) "
        f"and {fresh:,} fresh, every listing fake limited to {sweep.rate} requests per "
        f"{SWEEP_WINDOW:g}-second window; `AsyncSessionEnder.sweep(older_than="
        f"{OLDER_THAN.seconds // 60} min)` with the default pacing. *Ideal* is the busiest "
        "vendor's answered requests (list pages and ends) over its limit, plus one window: the "
        "vendors run in parallel lanes. *Sent* counts every request the fakes received, list "
        "pages, ends and throttled ones; each fake's state is read afterwards, session by "
        "session.",
        "",
        "| sessions | stale ended | stale left | fresh ended | sent (throttled) "
        "| wall (ideal) | vs ideal |",
        "|---|---|---|---|---|---|---|",
        f"| {sweep.sessions:,} | {sweep.ended:,} of {sweep.stale:,} | {sweep.stale_left:,} "
        f"| {sweep.fresh_ended:,} | {sweep.sent:,} ({sweep.throttled:,}) "
        f"| {sweep.wall:.1f} s ({sweep.ideal:.1f} s, {sweep.busiest}) "
        f"| {sweep.slowdown:.2f}x (target ≤ {SWEEP_TARGET:g}x) |",
    ]


def merge_sweep(out: Path, readme: Path | None, sweep: SweepRun, options: dict[str, Any]) -> None:
    """Put one sweep's results into the results.json and README block an earlier run wrote.

    The sweep's entry, options and checks replace any earlier ones; the rest is kept as it
    was measured.
    """
    path = out / "results.json"
    written = json.loads(path.read_text())
    written["options"] |= options
    written["sweep"] = sweep_json(sweep)
    checks = sweep_checks(sweep)
    written["checks"] = [
        check for check in written["checks"] if not check["what"].startswith("sweep")
    ] + [
        {"what": what, "measured": measured, "target": target, "met": met}
        for what, measured, target, met in checks
    ]
    path.write_text(json.dumps(written, indent=2, ensure_ascii=False) + "\n")
    if readme is None:
        return
    text = readme.read_text()
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    block = text[start:end].strip("\n")
    if "\n" + SWEEP_HEADING in block:  # the earlier sweep's paragraph and table: the last part
        block = block[: block.index("\n" + SWEEP_HEADING)].rstrip("\n")
    lines = [line for line in block.split("\n") if not line.startswith("| sweep ")]
    # The checks table is the first table: its rows run until the first blank line after it.
    first_row = next(index for index, line in enumerate(lines) if line.startswith("|"))
    after = next(
        (index for index in range(first_row, len(lines)) if not lines[index].startswith("|")),
        len(lines),
    )
    rows = [
        f"| {what} | {measured} | {target} | {'met' if met else 'not met'} |"
        for what, measured, target, met in checks
    ]
    lines[after:after] = rows
    update_readme(readme, "\n".join([*lines, "", *sweep_table(sweep)]))


PACING_LABELS = {
    "off": "off (before pacing)",
    "fixed": "fixed (documented rate)",
    "adaptive": "adaptive (default)",
}


def pacing_table(results: Results) -> list[str]:
    """The Markdown lines of the pacing comparison."""
    options = results.options
    lines = [
        f"Pacing: {options['pace_targets']:,} ends per scenario at concurrency "
        f"{options['concurrency']}, against fakes limited to {options['pace_rate']} requests "
        f"per {WINDOW:g}-second fixed window, each answering over its limit with its vendor's "
        "own throttle (Digital Samba's window is a minute; its fake is given one second here). "
        "*Ideal* is the ends over the limit, plus one window. *Fixed* keeps the rate the vendor "
        "documents (Digital Samba's 1,000 a minute), or the fake's limit where none is "
        "documented. *Mixed* limits all five at once to different rates, each given ends in "
        "proportion; *shared* is three processes ending a third each against one limit. "
        "*Throttled* counts the fakes' throttle answers against every request they received.",
        "",
        "| scenario | pacing | ended | lost | wall (ideal) | vs ideal | throttled / sent |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in results.pacing:
        lost = f"**{run.lost:,}**" if run.lost else "0"
        lines.append(
            f"| {run.label} | {PACING_LABELS[run.mode]} | {run.ended:,} | {lost} "
            f"| {run.wall:.1f} s ({run.ideal:.0f} s) | {run.slowdown:.2f}x "
            f"| {run.throttled_share:.1%} of {run.sent:,} |"
        )
    return lines


def write_chart(results: Results, path: Path) -> None:
    """A bar chart of the bulk comparison, with the server's capacity marked."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display is needed or wanted
    import matplotlib.pyplot as plt

    runs = [results.best(variant.name) for variant in VARIANTS]
    loop_rate = results.best("aiohttp_loop").rate
    figure, axes = plt.subplots(figsize=(9, 4.2), dpi=110)
    positions = list(range(len(runs)))[::-1]
    colours = ["#2f6db5" if run.name.startswith("sessionend") else "#9aa4ad" for run in runs]
    axes.barh(positions, [run.rate for run in runs], color=colours)
    axes.set_yticks(positions, [run.label for run in runs], fontsize=8)
    for position, run in zip(positions, runs, strict=True):
        axes.text(
            run.rate,
            position,
            f" {run.rate:,.0f}/s ({run.rate / loop_rate:.2f}x)",
            va="center",
            fontsize=8,
        )
    capacity = results.server_capacity()
    axes.axvline(capacity, color="#c0392b", linestyle="--", linewidth=1)
    axes.text(
        capacity, positions[0] + 0.6, " server capacity", color="#c0392b", fontsize=8, va="top"
    )
    axes.set_xlim(0, max(capacity, max(run.rate for run in runs)) * 1.3)
    axes.set_xlabel("ends per second (higher is better)")
    machine = results.machine
    axes.set_title(
        f"{results.options['targets']:,} ends, concurrency {results.options['concurrency']}"
        f" — {machine['cpus']} cores, Python {machine['python']}, {machine['date']}",
        fontsize=9,
    )
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def write_pacing_chart(results: Results, path: Path) -> None:
    """Wall time over the ideal per pacing scenario, one bar per kind of pacing."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display is needed or wanted
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    names = list(dict.fromkeys(run.scenario for run in results.pacing))
    labels = {run.scenario: run.label for run in results.pacing}
    colours = {"off": "#9aa4ad", "fixed": "#e0a458", "adaptive": "#2f6db5"}
    height = 0.8 / len(MODES)
    figure, axes = plt.subplots(figsize=(9, 1.0 + 0.62 * len(names)), dpi=110)
    for index, name in enumerate(names):
        for offset, mode in enumerate(MODES):
            found = [run for run in results.pacing if run.scenario == name and run.mode == mode]
            if not found:
                continue
            run = found[0]
            position = len(names) - 1 - index + (1 - offset) * height
            axes.barh(position, run.slowdown, height=height, color=colours[mode])
            note = f" {run.slowdown:.2f}x, {run.throttled_share:.0%} throttled"
            if run.lost:
                note += f", {run.lost:,} lost"
            axes.text(run.slowdown, position, note, va="center", fontsize=7)
    axes.set_yticks(
        [len(names) - 1 - index for index in range(len(names))],
        [labels[name] for name in names],
        fontsize=8,
    )
    axes.axvline(1.0, color="#555555", linewidth=0.8)
    axes.axvline(1.15, color="#c0392b", linestyle="--", linewidth=1)
    axes.text(1.15, len(names) - 0.45, " target 1.15x", color="#c0392b", fontsize=8, va="top")
    most = max(run.slowdown for run in results.pacing)
    axes.set_xlim(0, max(most, 1.15) * 1.45)
    handles = [Patch(color=colours[mode]) for mode in MODES]
    axes.legend(handles, [PACING_LABELS[mode] for mode in MODES], fontsize=7, loc="lower right")
    axes.set_xlabel("wall time over the ideal (ends / limit + one window); lower is better")
    machine = results.machine
    axes.set_title(
        f"{results.options['pace_targets']:,} ends per scenario against fakes limited to "
        f"{results.options['pace_rate']}/s — {machine['cpus']} cores, {machine['date']}",
        fontsize=9,
    )
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def update_readme(path: Path, table: str) -> None:
    """Replace the results between README's markers."""
    text = path.read_text()
    start, end = text.index(README_START), text.index(README_END)
    path.write_text(text[: start + len(README_START)] + "\n" + table + "\n" + text[end:])


def measure(options: argparse.Namespace) -> Results:
    """Run every benchmark against one fake server."""
    bulk: list[BulkRun] = []
    with FakeServer() as server:
        for round_number in range(options.rounds):
            for variant in VARIANTS:
                run = run_variant(
                    server, variant, options.targets, options.concurrency, options.warmup
                )
                bulk.append(run)
                print(
                    f"round {round_number + 1} {variant.name:18} {run.rate:9,.0f} ends/s "
                    f"(ended {run.ended}/{run.ends}, server busy {run.server_busy:.0%})",
                    flush=True,
                )
        single = run_single(server, options.single_calls)
        print(f"single end: {single.ratio:.3f}x raw httpx", flush=True)
        memory = run_memory(server, options.memory_targets, options.concurrency)
        print(f"memory: {memory.growth / MB:.1f} MB growth", flush=True)
        pacing = measure_pacing(server, options)
        server_loop = server.loop
    # A server of its own: sessions the other benchmarks left active (those pacing="off"
    # lost) would be listed too, and ended once a long run made them older than the limit.
    with FakeServer() as server:
        sweep = measure_sweep(server, options)
    imports = run_import(options.import_runs)
    print(f"import: {imports.ratio:.2f}x httpx", flush=True)
    machine = {
        "date": datetime.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "processor": platform.machine(),
        "python": platform.python_version(),
        "system": platform.system(),
        "server_loop": server_loop,
    }
    settings = {
        name: str(value) if isinstance(value, Path) else value
        for name, value in vars(options).items()
    }
    return Results(machine, settings, tuple(bulk), single, imports, memory, pacing, sweep)


def measure_sweep(server: FakeServer, options: argparse.Namespace) -> SweepRun | None:
    """The sweep, unless ``--sweep-sessions`` is 0."""
    if options.sweep_sessions <= 0:
        return None
    sweep = run_sweep(server, options.sweep_sessions, options.sweep_rate, options.concurrency)
    print(
        f"sweep: ended {sweep.ended:,} of {sweep.stale:,} stale ({sweep.stale_left:,} left, "
        f"{sweep.fresh_ended:,} fresh ended) in {sweep.wall:.1f} s "
        f"({sweep.slowdown:.2f}x ideal), {sweep.throttled:,} of {sweep.sent:,} throttled",
        flush=True,
    )
    return sweep


def measure_pacing(server: FakeServer, options: argparse.Namespace) -> tuple[PaceRun, ...]:
    """Every pacing scenario, each with every kind of pacing, one after the other."""
    runs: list[PaceRun] = []
    if options.pace_targets <= 0:
        return ()
    for scenario in scenarios(options.pace_targets, options.pace_rate):
        for mode in MODES:
            run = run_scenario(server, scenario, mode, options.concurrency)
            runs.append(run)
            print(
                f"pacing {scenario.name:12} {mode:8} ended {run.ended:,}/{run.ends:,} "
                f"in {run.wall:.1f} s ({run.slowdown:.2f}x ideal), "
                f"{run.throttled_share:.1%} of {run.sent:,} throttled",
                flush=True,
            )
    return tuple(runs)


def parse(arguments: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--targets", type=int, default=10_000, help="ends per bulk variant")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5, help="bulk rounds; the best is kept")
    parser.add_argument("--warmup", type=int, default=64, help="untimed ends per variant")
    parser.add_argument("--single-calls", type=int, default=2_000)
    parser.add_argument("--import-runs", type=int, default=9)
    parser.add_argument("--memory-targets", type=int, default=100_000)
    parser.add_argument(
        "--pace-targets",
        type=int,
        help="ends per pacing scenario (default: a fifth of --targets; 0 skips pacing)",
    )
    parser.add_argument(
        "--pace-rate", type=int, default=100, help="requests per second each limited fake accepts"
    )
    parser.add_argument(
        "--sweep-sessions", type=int, default=5_000, help="live sessions to sweep (0 skips)"
    )
    parser.add_argument(
        "--sweep-rate", type=int, default=100, help="requests per second each listing fake accepts"
    )
    parser.add_argument(
        "--only",
        choices=["sweep"],
        help="run just this benchmark and merge it into the results already in --out",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    parser.add_argument("--no-chart", action="store_true", help="skip the PNG (no matplotlib)")
    parser.add_argument("--readme", type=Path, help="rewrite this README's results section")
    options = parser.parse_args(arguments)
    if options.pace_targets is None:
        options.pace_targets = options.targets // 5
    return options


def main(arguments: Sequence[str] | None = None) -> Results | SweepRun | None:
    """Measure, print the table, and write the results (and the chart and README).

    With ``--only sweep``: sweep, and merge the result into what an earlier run wrote.
    """
    options = parse(arguments)
    if options.only == "sweep":
        with FakeServer() as server:
            sweep = measure_sweep(server, options)
        if sweep is not None:
            print("\n" + "\n".join(sweep_table(sweep)))
            merged = {"sweep_sessions": options.sweep_sessions, "sweep_rate": options.sweep_rate}
            merge_sweep(options.out, options.readme, sweep, merged)
        return sweep
    results = measure(options)
    table = results_table(results)
    print("\n" + table)
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "results.json").write_text(
        json.dumps(results.as_json(), indent=2, ensure_ascii=False) + "\n"
    )
    if not options.no_chart:
        write_chart(results, options.out / "bulk.png")
        if results.pacing:
            write_pacing_chart(results, options.out / "pacing.png")
    if options.readme is not None:
        update_readme(options.readme, table)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
