"""The errors sessionend raises: one tree, rooted at SessionEndError.

::

    SessionEndError
    ├── ConfigurationError        missing credential, unusable base URL, unknown target
    ├── InvalidSessionId          (also ValueError) rejected before any request
    ├── AuthenticationError       401, 403, vendor auth codes
    ├── SessionNotFound           the vendor does not know the session (missing_ok=False)
    ├── RequestRejected           other 4xx, vendor parameter codes
    ├── RateLimited               429 or vendor rate codes once retries are spent; .retry_after
    ├── VendorError               a failing business code or status field
    ├── ServerError               any status >= 500 once retries are spent
    ├── TransportError            connection failures once retries are spent
    │   └── EndTimeout            (also TimeoutError) every attempt timed out
    └── UnexpectedResponse        an undocumented status, a 3xx, or a body that cannot be parsed

Every error carries ``provider``, ``session_id``, ``http_status``, ``vendor_code``,
``vendor_message``, ``attempts`` and ``elapsed`` (seconds from the first attempt; None when
nothing was sent). Messages never contain credentials.
"""

from __future__ import annotations

__all__ = [
    "AuthenticationError",
    "ConfigurationError",
    "EndTimeout",
    "InvalidSessionId",
    "RateLimited",
    "RequestRejected",
    "ServerError",
    "SessionEndError",
    "SessionNotFound",
    "TransportError",
    "UnexpectedResponse",
    "VendorError",
]


class SessionEndError(Exception):
    """Base of every error an end can finish with."""

    def __init__(
        self,
        message: str,
        *,
        provider: str | None = None,
        session_id: str | None = None,
        http_status: int | None = None,
        vendor_code: int | str | None = None,
        vendor_message: str | None = None,
        attempts: int = 0,
        elapsed: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider
        self.session_id = session_id
        self.http_status = http_status
        self.vendor_code = vendor_code
        self.vendor_message = vendor_message
        self.attempts = attempts
        self.elapsed = elapsed

    def __str__(self) -> str:
        where = self.provider or ""
        if self.provider and self.session_id is not None:
            where = f"{self.provider} session {_shortened(self.session_id)!r}"
        details = []
        if self.http_status is not None:
            details.append(f"HTTP {self.http_status}")
        if self.vendor_code is not None:
            details.append(f"code {self.vendor_code}")
        if self.attempts > 1:
            details.append(f"{self.attempts} attempts")
        suffix = f" ({', '.join(details)})" if details else ""
        return f"{where}: {self.message}{suffix}" if where else f"{self.message}{suffix}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


def _shortened(session_id: str) -> str:
    # A 10 KB id would drown the message; the whole id stays on the error's session_id.
    return session_id if len(session_id) <= 64 else session_id[:64] + "…"


class ConfigurationError(SessionEndError):
    """A provider cannot be used as configured (credential, base URL, target)."""


class InvalidSessionId(SessionEndError, ValueError):
    """The session id cannot be sent safely; rejected before any request."""


class AuthenticationError(SessionEndError):
    """The vendor refused the credentials (401, 403 or a vendor auth code)."""


class SessionNotFound(SessionEndError):
    """The vendor does not know the session."""


class RequestRejected(SessionEndError):
    """The vendor rejected the request (a 4xx or a vendor parameter code)."""


class RateLimited(SessionEndError):
    """The vendor kept rate-limiting the end, or asked for a wait longer than allowed.

    Attributes:
        retry_after: Seconds the vendor asked to wait, when it said.
    """

    def __init__(
        self, message: str, *, retry_after: float | None = None, **context: object
    ) -> None:
        super().__init__(message, **context)  # type: ignore[arg-type]
        self.retry_after = retry_after


class VendorError(SessionEndError):
    """The vendor answered with a failing business code or status field."""


class ServerError(SessionEndError):
    """The vendor kept failing with a status of 500 or more."""


class TransportError(SessionEndError):
    """The vendor could not be reached, or the connection failed, on every attempt."""


class EndTimeout(TransportError, TimeoutError):
    """Every attempt timed out."""


class UnexpectedResponse(SessionEndError):
    """An answer the vendor does not document: a 3xx, an unknown status, an unparsable body."""
