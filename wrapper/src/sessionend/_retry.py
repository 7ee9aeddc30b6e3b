"""How long to wait before the next attempt: the vendor's request, or backoff with jitter."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping, Sequence

from . import _defaults

__all__ = ["backoff", "requested_wait"]


def backoff(retry: int) -> float:
    """Seconds before retry number ``retry`` (0-based): exponential, capped, with jitter.

    The jitter keeps thousands of ends that failed together from retrying together.
    """
    ceiling = min(_defaults.BACKOFF_CAP, _defaults.BACKOFF_INITIAL * 2.0**retry)
    jitter = random.uniform(0.5, 1.0)  # noqa: S311 - jitter, not cryptography
    return ceiling * jitter


def requested_wait(
    headers: Mapping[str, str] | None,
    names: Sequence[str] = ("retry-after-ms", "retry-after"),
    now: float | None = None,
) -> float | None:
    """Seconds the vendor asked to wait, or None when it did not say.

    ``names`` are the headers the provider's adapter declares (``RateLimit.wait_headers``),
    read in order: ``retry-after-ms`` in milliseconds, ``retry-after`` in seconds or as an
    HTTP date, any other in seconds.
    """
    if not headers:
        return None
    for name in names:
        value = headers.get(name)
        if value is None:
            continue
        if name == "retry-after-ms":
            milliseconds = _number(value)
            if milliseconds is not None:
                return milliseconds / 1000
            continue
        seconds = _number(value)
        if seconds is not None:
            return seconds
        if name == "retry-after":
            try:
                moment = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            return max(0.0, moment.timestamp() - (time.time() if now is None else now))
        return None
    return None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if number >= 0 and number == number else None  # NaN is not a wait
