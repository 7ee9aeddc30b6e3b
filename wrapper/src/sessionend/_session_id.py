"""The rules every session id must pass before anything is sent."""

from __future__ import annotations

import re

from . import _defaults
from .errors import InvalidSessionId

__all__ = ["check_session_id"]

# Unicode's control characters (category Cc) are exactly these; a regex finds one in C, where
# asking unicodedata about every character costs more than the rest of the check.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_session_id(session_id: object, provider: str) -> str:
    """Return ``session_id`` if it can be sent safely.

    Every character other than those refused here is percent-encoded by the generated
    clients into a single path segment, so an id can never reach another endpoint; ``.`` and
    ``..`` would still be resolved as path segments, so they are refused.

    Raises:
        InvalidSessionId: When the id is not a string, is empty or whitespace only, is ``.``
            or ``..``, contains control characters or lone surrogates (which cannot be
            encoded, so cannot be sent), or is too long.
    """

    def invalid(reason: str) -> InvalidSessionId:
        # The whole id stays on the error, so a bulk run can tie it to its target; the
        # message shortens it.
        kept = session_id if isinstance(session_id, str) else None
        return InvalidSessionId(f"invalid session id: {reason}", provider=provider, session_id=kept)

    if not isinstance(session_id, str):
        raise invalid(f"expected a string, got {type(session_id).__name__}")
    if not session_id.strip():
        raise invalid("empty or whitespace only")
    if session_id in (".", ".."):
        raise invalid("'.' and '..' are path segments, not ids")
    if len(session_id) > _defaults.MAX_SESSION_ID_LENGTH:
        raise invalid(f"longer than {_defaults.MAX_SESSION_ID_LENGTH} characters")
    if _CONTROL.search(session_id):
        raise invalid("contains control characters")
    if _SURROGATE.search(session_id):
        raise invalid("contains lone surrogates, which cannot be encoded as UTF-8")
    return session_id
