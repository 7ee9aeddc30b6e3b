"""What the adapters share when they read a vendor's list of live sessions.

Reading a page is the adapter's (``read_page``); these are the rules every vendor's page
shares: an answer that cannot be a page, a status that is not a page, times read as aware
datetimes, the query of the request a page answered, and the read-only fields.
"""

from __future__ import annotations

import datetime
import types
import urllib.parse
from collections.abc import Mapping
from typing import Any

from .. import errors
from ._base import Answer, Request, Verdict, by_status, unreadable

__all__ = [
    "broken",
    "epoch_ms",
    "frozen",
    "iso_time",
    "query_int",
    "query_of",
    "status_verdict",
    "unreadable",
    "utc",
]


def broken(answer: Answer, message: str = "the body does not fit the spec's list") -> Verdict:
    """The Verdict for a successful status whose body is not the documented page."""
    return Verdict(error=errors.UnexpectedResponse, message=message, http_status=answer.status_code)


def status_verdict(answer: Answer, **context: Any) -> Verdict:
    """The shared status rules, read for a list: never an outcome, never "not found".

    A 2xx reaching here did not parse as a page; a 404 means there is no such list (a wrong
    base URL or an older server), not that a session is unknown.
    """
    if 200 <= answer.status_code < 300:
        return broken(answer)
    if answer.status_code == 404:
        return Verdict(
            error=errors.RequestRejected,
            message="the vendor has no such list (404): check the base URL",
            **{"http_status": 404, **context},
        )
    return by_status(answer, **context)


def utc(moment: datetime.datetime) -> datetime.datetime:
    """``moment`` as an aware datetime; one without a zone is read as UTC.

    The vendors' servers keep UTC and some serialise it without an offset (FastAPI writes a
    naive datetime as is); the local zone of this machine has nothing to do with it.
    """
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment


def iso_time(value: object) -> datetime.datetime | None:
    """An ISO 8601 timestamp (``Z`` or an offset, or none: UTC) as aware; None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return utc(datetime.datetime.fromisoformat(value))
    except ValueError:
        return None


def epoch_ms(value: object) -> datetime.datetime | None:
    """Milliseconds since the epoch as an aware UTC datetime; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.datetime.fromtimestamp(value / 1000, datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def frozen(fields: Mapping[str, Any]) -> Mapping[str, object]:
    """The vendor's fields for one session, read-only."""
    return types.MappingProxyType(dict(fields))


def query_of(request: Request | None) -> dict[str, str]:
    """The query parameters of the request a page answered (empty when it is not known)."""
    if request is None:
        return {}
    query = request.path.partition("?")[2]
    return dict(urllib.parse.parse_qsl(query, keep_blank_values=True))


def query_int(query: Mapping[str, str], name: str, default: int) -> int:
    """The integer parameter ``name`` of a page's request, or ``default``."""
    try:
        return int(query[name])
    except (KeyError, ValueError):
        return default
