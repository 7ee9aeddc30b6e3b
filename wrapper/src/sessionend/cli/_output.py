"""How the command line reports an end: one JSON object per target, or one human line."""

from __future__ import annotations

from typing import Any

from .._models import EndResult, Outcome
from ..errors import SessionEndError

__all__ = [
    "INVALID_INPUT",
    "USAGE_ERROR",
    "human_line",
    "input_record",
    "problem_record",
    "record",
    "succeeded",
    "usage_record",
]

INVALID_INPUT = "InvalidInput"
"""The error type reported for an input line that names no target."""

USAGE_ERROR = "UsageError"
"""The error type reported, under ``--json``, for a command line that cannot be run."""


def record(item: EndResult | SessionEndError) -> dict[str, Any]:
    """One target's result as a JSON-ready object."""
    if isinstance(item, EndResult):
        return {
            "provider": item.provider.value,
            "session_id": item.session_id,
            "outcome": item.outcome.value,
            "http_status": item.http_status,
            "vendor_code": item.vendor_code,
            "attempts": item.attempts,
            "throttled": item.throttled,
            "elapsed": round(item.elapsed, 6),
        }
    return {
        "provider": item.provider,
        "session_id": item.session_id,
        "error": type(item).__name__,
        "message": str(item),
        "http_status": item.http_status,
        "vendor_code": item.vendor_code,
        "attempts": item.attempts,
        "elapsed": None if item.elapsed is None else round(item.elapsed, 6),
    }


def problem_record(line: int, message: str) -> dict[str, Any]:
    """The result of an input line that could not be read as a target."""
    return {
        "line": line,
        "provider": None,
        "session_id": None,
        "error": INVALID_INPUT,
        "message": f"line {line}: {message}",
        "http_status": None,
        "vendor_code": None,
        "attempts": 0,
        "elapsed": None,
    }


def input_record(provider: str, session_id: str, message: str) -> dict[str, Any]:
    """The result of a target refused before any request (an unknown provider)."""
    return {
        "provider": provider,
        "session_id": session_id,
        "error": INVALID_INPUT,
        "message": message,
        "http_status": None,
        "vendor_code": None,
        "attempts": 0,
        "elapsed": None,
    }


def usage_record(message: str) -> dict[str, Any]:
    """A usage error (a missing argument, an unknown option) as one JSON object."""
    return {"error": USAGE_ERROR, "message": message}


def succeeded(item: EndResult | SessionEndError) -> bool:
    """Whether the session is over: ended now, already ended, or not found under missing_ok."""
    return isinstance(item, EndResult) and item.outcome in (
        Outcome.ENDED,
        Outcome.ALREADY_ENDED,
        Outcome.NOT_FOUND,
    )


def human_line(result: EndResult) -> str:
    """One line for a person: what happened, and the evidence."""
    details = [f"HTTP {result.http_status}"] if result.http_status is not None else []
    if result.vendor_code is not None:
        details.append(f"code {result.vendor_code}")
    details.append(f"{result.attempts} attempt{'s' if result.attempts != 1 else ''}")
    if result.throttled:
        details.append(f"{result.throttled} throttled")
    details.append(f"{result.elapsed:.3f} s")
    words = result.outcome.value.replace("_", " ")
    return f"{words}: {result.provider.value} session {result.session_id!r} ({', '.join(details)})"
