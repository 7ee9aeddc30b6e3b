"""Hooks every generated client is given, and the calls that run the generated operations.

The direct clients read each attempt's timeout from here. The hooks keep the raw answer (so
that a body the generated parser chokes on is still reported with its status) and bound how
much of a body is read: a misbehaving server or proxy answering with megabytes must not fill
memory, least of all in a bulk run with many ends in flight.

Both travel in context variables: each thread and each asyncio task has its own, so
concurrent ends on one shared client never see each other's values.
"""

from __future__ import annotations

import contextvars
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import Any, Protocol

import httpx

from ._defaults import MAX_BODY

__all__ = [
    "Answer",
    "BodyTooLarge",
    "async_hooks",
    "attempt_timeout",
    "call",
    "call_async",
    "sync_hooks",
]

_attempt_timeout: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "sessionend_attempt_timeout", default=None
)
_raw_answer: contextvars.ContextVar[httpx.Response | None] = contextvars.ContextVar(
    "sessionend_raw_answer", default=None
)

# What a generated parser raises on a body that does not fit its model.
_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError)


class GeneratedResponse(Protocol):
    """The shape of the generated clients' ``types.Response``."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Any: ...
    @property
    def parsed(self) -> Any: ...


# Not frozen: one is built for every end, and a frozen dataclass takes twice as long.
@dataclasses.dataclass(slots=True)
class Answer:
    """One answer from a vendor, as the adapters interpret it."""

    status: int
    headers: Mapping[str, str] = dataclasses.field(repr=False)
    content: bytes = dataclasses.field(repr=False)
    parsed: Any = dataclasses.field(default=None, repr=False)
    parse_failed: bool = False
    oversized: bool = False
    """The body was longer than MAX_BODY and was not read."""


class BodyTooLarge(Exception):
    """An answer's body is longer than MAX_BODY bytes.

    A transport that reads bodies itself raises it with the answer's status and headers.
    """

    def __init__(
        self, message: str, status: int | None = None, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class _BoundedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if seen > MAX_BODY:
                raise BodyTooLarge(f"the body is longer than {MAX_BODY} bytes")
            yield chunk

    def close(self) -> None:
        self._inner.close()


class _BoundedAsyncStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            if seen > MAX_BODY:
                raise BodyTooLarge(f"the body is longer than {MAX_BODY} bytes")
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


def _check_length(response: httpx.Response) -> None:
    # A declared length over the bound fails before a byte of the body is read.
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BodyTooLarge(f"the body is {declared} bytes, over {MAX_BODY}")


def attempt_timeout() -> float | None:
    """The timeout of the attempt under way in this thread or task, if one is."""
    return _attempt_timeout.get()


def _keep_answer(response: httpx.Response) -> None:
    _raw_answer.set(response)
    _check_length(response)
    if isinstance(response.stream, httpx.SyncByteStream):
        response.stream = _BoundedStream(response.stream)


async def _keep_answer_async(response: httpx.Response) -> None:
    _raw_answer.set(response)
    _check_length(response)
    if isinstance(response.stream, httpx.AsyncByteStream):
        response.stream = _BoundedAsyncStream(response.stream)


def sync_hooks() -> dict[str, list[Callable[..., Any]]]:
    """Event hooks for an ``httpx.Client``."""
    return {"request": [], "response": [_keep_answer]}


def async_hooks() -> dict[str, list[Callable[..., Any]]]:
    """Event hooks for an ``httpx.AsyncClient``."""
    return {"request": [], "response": [_keep_answer_async]}


def call(send: Callable[[], GeneratedResponse], timeout: float) -> Answer:
    """Run one generated ``sync_detailed`` call with ``timeout`` and return its answer."""
    _attempt_timeout.set(timeout)
    _raw_answer.set(None)
    try:
        return _answer(send())
    except _PARSE_ERRORS as error:
        return _unparsed(error)
    except BodyTooLarge as error:
        return _oversized(error)


async def call_async(send: Callable[[], Awaitable[GeneratedResponse]], timeout: float) -> Answer:
    """Run one generated ``asyncio_detailed`` call with ``timeout`` and return its answer."""
    _attempt_timeout.set(timeout)
    _raw_answer.set(None)
    try:
        return _answer(await send())
    except _PARSE_ERRORS as error:
        return _unparsed(error)
    except BodyTooLarge as error:
        return _oversized(error)


def _answer(response: GeneratedResponse) -> Answer:
    return Answer(int(response.status_code), response.headers, response.content, response.parsed)


def _unparsed(error: Exception) -> Answer:
    raw = _raw_answer.get()
    if raw is None:  # the error came before any answer: not a parse failure
        raise error
    return Answer(raw.status_code, raw.headers, raw.content, None, parse_failed=True)


def _oversized(error: BodyTooLarge) -> Answer:
    raw = _raw_answer.get()
    if raw is not None:  # raised by the response hook, or by the body it bounds
        return Answer(raw.status_code, raw.headers, b"", None, parse_failed=True, oversized=True)
    return Answer(error.status or 0, error.headers, b"", None, parse_failed=True, oversized=True)
