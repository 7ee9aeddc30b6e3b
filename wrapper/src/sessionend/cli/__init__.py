"""The ``sessionend`` command line (needs the ``sessionend[cli]`` extra)."""

from __future__ import annotations

import contextlib
import sys

__all__ = ["main", "run"]

INTERNAL_ERROR = 70  # EX_SOFTWARE
OUTPUT_ERROR = 1
"""Exit status when stdout cannot be written to (a full disk): results were lost."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; every error is one line on stderr."""
    try:
        import typer

        from ._app import Stop, app
    except ImportError as error:  # the cli extra is not installed
        print(
            f"sessionend: error: the command line needs its extra, "
            f"pip install 'sessionend[cli]' ({error})",
            file=sys.stderr,
        )
        return 2
    from ._streams import CLOSED_PIPE, StdoutError, flush_out, silence_stdout

    try:
        status = app(args=argv, prog_name="sessionend", standalone_mode=False)
        flush_out()  # what is still buffered is written now, where a failure can be named
    except StdoutError as error:
        if error.closed_pipe:  # | head: the reader has all it wanted; quiet, as by convention
            silence_stdout()
            return CLOSED_PIPE
        silence_stdout()
        print(f"sessionend: error: cannot write to stdout: {error}", file=sys.stderr)
        return OUTPUT_ERROR
    except BrokenPipeError:  # stdout closed early, written to outside write_out
        silence_stdout()
        return CLOSED_PIPE
    except Stop as stop:
        with contextlib.suppress(StdoutError):  # a --json record before the error line
            flush_out()
        print(f"sessionend: error: {stop}", file=sys.stderr)
        return stop.status
    except typer.Abort:
        print("sessionend: aborted", file=sys.stderr)
        return 130
    except typer.TyperException as error:  # usage errors: show usage and the problem
        if "--json" in (sys.argv[1:] if argv is None else argv):
            _json_usage_error(error)
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            print(f"sessionend: error: {error}", file=sys.stderr)
        return int(getattr(error, "exit_code", 2))
    except Exception as error:  # a bug: still one line, never a traceback
        print(f"sessionend: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return INTERNAL_ERROR
    return status if isinstance(status, int) else 0


def _json_usage_error(error: Exception) -> None:
    # With --json, a script reads stdout: the usage error is one JSON object there too.
    import json

    from ._output import usage_record
    from ._streams import StdoutError, flush_out, write_out

    format_message = getattr(error, "format_message", None)
    message = format_message() if callable(format_message) else str(error)
    with contextlib.suppress(StdoutError):
        write_out(json.dumps(usage_record(str(message))) + "\n")
        flush_out()


def run() -> None:
    """The console script's entry point."""
    try:
        status = main()
    except KeyboardInterrupt:  # Ctrl-C while still starting up (imports)
        print("sessionend: aborted", file=sys.stderr)
        status = 130
    sys.exit(status)
