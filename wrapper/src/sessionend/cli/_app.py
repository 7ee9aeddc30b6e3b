"""The ``sessionend`` command line: end, end-many, sweep, providers, fake, demo.

Exit status: 0 when every session is over (ended, already ended, or not found with
--missing-ok); 1 when an end failed, or stdout could not be written to (a full disk); 2 for
bad input (unknown provider, missing credentials, an unreadable file, an invalid session id),
reported as one line on stderr; 130 or 143 when end-many was interrupted by SIGINT or SIGTERM
(every end sent is still reported); 141 when stdout's reader went away (``| head``), quietly.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.metadata
import io
import json
import os
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import attrs
import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import _defaults
from .._async import AsyncSessionEnder
from .._models import EndReason, Provider
from .._sync import SessionEnder
from ..errors import ConfigurationError, InvalidSessionId, SessionEndError
from ..providers import ADAPTERS
from ._bulk import Tally, end_all
from ._output import human_line, input_record, record
from ._providers import provider_rows, providers_table
from ._reader import InputError, Reader
from ._streams import StdoutError, flush_out, write_out
from ._sweeping import SweepTally, parse_duration, read_keep, sweep_table, sweeping
from ._targets import read_targets

__all__ = ["app"]

app = typer.Typer(
    name="sessionend",
    help="End live sessions at LiveAvatar, Akool, OpenHands, Digital Samba and ElizaOS.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

OK, FAILED, BAD_INPUT = 0, 1, 2


class Stop(Exception):
    """A one-line error for stderr, and the exit status that goes with it."""

    def __init__(self, message: str, status: int = BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


INSECURE_HTTP = typer.Option(
    "--allow-insecure-http",
    help="Allow plain http base URLs to hosts other than this machine (credentials unencrypted)",
)

PROVIDER_NAMES = ", ".join(provider.value for provider in ADAPTERS)


def _show_version(value: bool) -> None:
    if value:
        write_out(f"sessionend {importlib.metadata.version('sessionend')}\n")
        raise typer.Exit(OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit"
        ),
    ] = False,
) -> None:
    """End live sessions at LiveAvatar, Akool, OpenHands, Digital Samba and ElizaOS."""


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@app.command()
def end(
    provider: Annotated[
        str,
        typer.Argument(metavar="PROVIDER", help=PROVIDER_NAMES),
    ],
    session_id: Annotated[
        str,
        typer.Argument(metavar="SESSION_ID", help="The session (conversation, room session) id"),
    ],
    reason: Annotated[
        EndReason,
        typer.Option(case_sensitive=False, help="Why the session is ended (sent to LiveAvatar)"),
    ] = EndReason.USER_CLOSED,
    missing_ok: Annotated[
        bool,
        typer.Option("--missing-ok", help="A session the vendor does not know is not an error"),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result as one JSON object")
    ] = False,
    allow_insecure_http: Annotated[bool, INSECURE_HTTP] = False,
) -> None:
    """End one session."""
    try:
        chosen = Provider.parse(provider)
    except ValueError as error:
        if as_json:
            write_out(json.dumps(input_record(provider, session_id, str(error))) + "\n")
        raise Stop(str(error)) from None
    with SessionEnder(allow_insecure_http=allow_insecure_http) as ender:
        try:
            result = ender.end(chosen, session_id, reason=reason, missing_ok=missing_ok)
        except (ConfigurationError, InvalidSessionId) as error:
            if as_json:  # exit 2 with --json: the record on stdout too, as for exit 1
                write_out(json.dumps(record(error)) + "\n")
            raise Stop(str(error)) from None
        except SessionEndError as error:
            if as_json:
                write_out(json.dumps(record(error)) + "\n")
            raise Stop(f"{type(error).__name__}: {error}", FAILED) from None
    write_out((json.dumps(record(result)) if as_json else human_line(result)) + "\n")


@app.command("end-many")
def end_many(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-", help="CSV (provider,session_id) or JSON lines; - for stdin"
        ),
    ],
    concurrency: Annotated[
        int, typer.Option(min=1, max=1024, help="Ends in flight at once")
    ] = _defaults.CONCURRENCY,
    missing_ok: Annotated[
        bool,
        typer.Option("--missing-ok", help="A session the vendor does not know is not an error"),
    ] = False,
    allow_insecure_http: Annotated[bool, INSECURE_HTTP] = False,
) -> None:
    """End every session listed in FILE; one JSON line per target on stdout."""
    console = _stderr()
    started = time.monotonic()
    run = _Run()
    with _opened(source) as stream, _progress(console) as display:
        reader = Reader(read_targets(stream), finite=_is_regular(stream))

        def emit(item: dict[str, Any]) -> None:
            if run.output_error is None:
                try:
                    write_out(json.dumps(item) + "\n")
                except StdoutError as error:  # nowhere to report results: start no more ends
                    run.output_error = error
                    run.stop.set()
            display.advance()

        async def ending() -> Tally:
            with _signals_stop(run):
                async with AsyncSessionEnder(allow_insecure_http=allow_insecure_http) as ender:
                    return await end_all(
                        ender,
                        reader,
                        concurrency=concurrency,
                        missing_ok=missing_ok,
                        emit=emit,
                        stop=run.stop,
                        show=display.show,
                    )

        try:
            tally = asyncio.run(ending())
        except InputError as error:
            raise Stop(f"cannot read {source}: {error}") from None
        finally:
            reader.close()
        rest = reader.rest() if run.signal is not None else None
    if run.output_error is None:
        try:
            flush_out()
        except StdoutError as error:
            run.output_error = error
    if run.output_error is not None and run.output_error.closed_pipe and run.signal is None:
        raise run.output_error  # quiet, as a closed pipe is by convention
    console.print(tally.summary(time.monotonic() - started))
    if run.signal is not None:
        console.print(_interrupted(run.signal, tally, rest), soft_wrap=True)
        raise typer.Exit(128 + run.signal)
    if run.output_error is not None:
        raise run.output_error
    if tally.failed:
        raise typer.Exit(FAILED)


@attrs.define
class _Run:
    """What stops an end-many run early, and why."""

    stop: asyncio.Event = attrs.field(factory=asyncio.Event)
    signal: int | None = None
    output_error: StdoutError | None = None


@contextlib.contextmanager
def _signals_stop(run: _Run) -> Iterator[None]:
    """While the run lasts, SIGINT and SIGTERM stop it gently; a second signal acts at once."""
    loop = asyncio.get_running_loop()
    handled: list[int] = []

    def stop(signum: int) -> None:
        run.signal = signum
        run.stop.set()
        for each in handled:  # back to the default: a second Ctrl-C interrupts at once
            loop.remove_signal_handler(each)

    for wanted in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(wanted, stop, int(wanted))
        except (NotImplementedError, RuntimeError):  # no signal handlers here (Windows)
            continue
        handled.append(int(wanted))
    try:
        yield
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)


def _interrupted(signum: int, tally: Tally, rest: int | None) -> str:
    name = signal.Signals(signum).name
    reported = f"{tally.total} target{'s' if tally.total != 1 else ''} reported"
    if rest is None:
        unread = f"{tally.unsent} read but not attempted, the rest of the input was not read"
    else:
        unread = f"{tally.unsent + rest} targets not attempted"
    return (
        f"sessionend: interrupted by {name}: {reported}, {unread}; every target sent has its "
        "line in the output, the input lines whose numbers are not there were not attempted"
    )


def _is_regular(stream: IO[bytes]) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


@contextlib.contextmanager
def _opened(source: str) -> Iterator[IO[bytes]]:
    if source == "-":
        # A file object of its own on stdin: the reading thread may be left blocked in it at
        # exit (an interrupted run), and the interpreter must not find sys.stdin locked then.
        # Never closed: closing waits for a read that may never return; exiting closes it.
        stdin: IO[bytes]
        try:
            stdin = open(os.dup(sys.stdin.fileno()), "rb")  # noqa: SIM115
        except (OSError, ValueError, io.UnsupportedOperation):  # no real file (a test's stdin)
            stdin = sys.stdin.buffer
        yield stdin
        return
    try:
        stream = open(source, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise Stop(f"cannot read {source}: {error.strerror or error}") from None
    with stream:
        yield stream


@attrs.frozen
class _Display:
    """The progress display's two hands: count a result; show each provider's pace."""

    advance: Callable[[], None]
    show: Callable[[str], None]


@contextlib.contextmanager
def _progress(console: Console) -> Iterator[_Display]:
    # A bar only for a person watching; logs and pipes get the summary line alone.
    if not console.is_terminal:
        yield _Display(lambda: None, lambda text: None)
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} ended or failed"),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    # Results are written to stdout directly: by default rich would capture stdout while the
    # bar runs and show the results on the terminal instead of in the file they go to.
    with Progress(
        *columns,
        console=console,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as progress:
        task = progress.add_task("", total=None)
        yield _Display(
            lambda: progress.advance(task),
            lambda text: progress.update(task, description=text),
        )


@app.command()
def sweep(
    providers: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PROVIDER]...", help=f"{PROVIDER_NAMES} (default: every configured one)"
        ),
    ] = None,
    older_than: Annotated[
        str,
        typer.Option(
            "--older-than", help="End sessions started longer ago than this: 90s, 30m, 2h, 1d"
        ),
    ] = "",
    keep_file: Annotated[
        Path | None,
        typer.Option("--keep", help="A file of sessions to leave alone: provider,id or id"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would be ended; end nothing")
    ] = False,
    end_unknown_age: Annotated[
        bool,
        typer.Option("--end-unknown-age", help="Also end sessions whose vendor gives no start"),
    ] = False,
    concurrency: Annotated[
        int, typer.Option(min=1, max=1024, help="Ends in flight at once, per provider")
    ] = _defaults.CONCURRENCY,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per session on stdout")
    ] = False,
    allow_insecure_http: Annotated[bool, INSECURE_HTTP] = False,
) -> None:
    """End the live sessions older than --older-than at each vendor (a table, or JSON lines)."""
    if not older_than:
        raise Stop("--older-than is required (e.g. --older-than 30m)")
    try:
        age = parse_duration(older_than)
        chosen = [Provider.parse(name) for name in providers] if providers else None
        keep = read_keep(keep_file) if keep_file is not None else []
    except OSError as error:
        raise Stop(f"cannot read {keep_file}: {error.strerror or error}") from None
    except ValueError as error:
        raise Stop(str(error)) from None
    console = _stderr()
    started = time.monotonic()
    rows: list[dict[str, Any]] = []

    with _progress(console) as display:

        def emit(item: dict[str, Any]) -> None:
            if as_json:
                write_out(json.dumps(item) + "\n")
            else:
                rows.append(item)
            display.advance()

        async def run() -> SweepTally:
            async with AsyncSessionEnder(allow_insecure_http=allow_insecure_http) as ender:
                return await sweeping(
                    ender,
                    chosen,
                    older_than=age,
                    keep=keep,
                    dry_run=dry_run,
                    end_unknown_age=end_unknown_age,
                    concurrency=concurrency,
                    emit=emit,
                )

        try:
            tally = asyncio.run(run())
        except (ConfigurationError, ValueError) as error:
            raise Stop(str(error)) from None
    if not as_json:
        Console(highlight=False).print(sweep_table(rows, dry_run=dry_run))
    console.print(tally.summary(time.monotonic() - started, dry_run=dry_run))
    if tally.failed:
        raise typer.Exit(FAILED)


@app.command()
def providers(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per provider")
    ] = False,
) -> None:
    """Show each provider: configured or not, base URL, and where its credentials come from."""
    rows = provider_rows()
    if as_json:
        for row in rows:
            write_out(json.dumps(row) + "\n")
        return
    Console(highlight=False).print(providers_table(rows))


@app.command()
def fake(
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port on 127.0.0.1 (0: any free one)")
    ] = 8765,
) -> None:
    """Run the fake vendors in the foreground; print the variables that point sessionend at them."""
    from ..testing import FakeVendors

    fakes = FakeVendors(port=port)

    async def serve() -> None:
        started = asyncio.Event()
        task = asyncio.create_task(fakes.serve(started))
        waiter = asyncio.create_task(started.wait())
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            waiter.cancel()
            await task  # raises why it could not start
        for name, value in fakes.environment().items():
            write_out(f"export {name}={value}\n")
        flush_out()
        _stderr().print(
            f"fake vendors on http://127.0.0.1:{fakes.port}; create sessions with "
            f"POST http://127.0.0.1:{fakes.port}/_fake/<provider>/sessions; Ctrl-C stops"
        )
        await task

    try:
        asyncio.run(serve())
    except OSError as error:
        raise Stop(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error}") from None
    except KeyboardInterrupt:
        pass


@app.command()
def demo() -> None:
    """Run the whole stack against the fake vendors and show each reconciliation at work."""
    from ._demo import run_demo

    if not run_demo(Console(highlight=False), _stderr()):
        raise typer.Exit(FAILED)
