"""Defaults for timeouts, retries and limits, in one place."""

from __future__ import annotations

__all__ = [
    "BACKOFF_CAP",
    "BACKOFF_INITIAL",
    "CONCURRENCY",
    "DEADLINE",
    "MAX_CONNECTIONS",
    "MAX_RETRIES",
    "MAX_RETRY_WAIT",
    "MAX_SESSION_ID_LENGTH",
    "TIMEOUT",
]

TIMEOUT = 15.0
"""Seconds per attempt (connect, write, read and pool each)."""

DEADLINE = 300.0
"""Seconds one end may take in all: attempts, retry waits and waits for the provider's pace.

Throttles are waited out at the provider's pace rather than counted as retries, so this is
what bounds an end at a vendor that keeps throttling; it also cuts an attempt's timeout short
when less time is left.
"""

MAX_RETRIES = 2
"""Retries after the first attempt: three attempts in all."""

MAX_RETRY_WAIT = 60.0
"""The longest server-requested wait that is slept; a longer one raises RateLimited at once."""

BACKOFF_INITIAL = 0.5
"""Seconds before the first retry, before jitter; doubled each retry."""

BACKOFF_CAP = 8.0
"""The longest backoff between retries, before jitter."""

CONCURRENCY = 32
"""Ends in flight at once in end_many."""

MAX_SESSION_ID_LENGTH = 256
"""Longer ids are refused: no vendor issues them, and they bloat request lines."""

MAX_CONNECTIONS = 100
"""Connections per provider's pool; kept alive so bulk ends reuse them."""

MAX_BODY = 1024 * 1024
"""Bytes of an answer's body read at most; vendors answer an end in a few hundred bytes."""
