"""The ``sessionend`` command line (needs the ``sessionend[cli]`` extra)."""

from __future__ import annotations

import sys

__all__ = ["main", "run"]

INTERNAL_ERROR = 70  # EX_SOFTWARE


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
    try:
        status = app(args=argv, prog_name="sessionend", standalone_mode=False)
    except Stop as stop:
        print(f"sessionend: error: {stop}", file=sys.stderr)
        return stop.status
    except typer.Abort:
        print("sessionend: aborted", file=sys.stderr)
        return 130
    except typer.TyperException as error:  # usage errors: show usage and the problem
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            print(f"sessionend: error: {error}", file=sys.stderr)
        return int(getattr(error, "exit_code", 2))
    except BrokenPipeError:  # stdout closed early (| head): not an error of ours
        return 0
    except Exception as error:  # a bug: still one line, never a traceback
        print(f"sessionend: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return INTERNAL_ERROR
    return status if isinstance(status, int) else 0


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())
