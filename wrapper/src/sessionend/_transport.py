"""Hooks every generated client is given, and the calls that run the generated operations.

The hooks set the per-attempt timeout and keep the raw answer, so that a body the generated
parser chokes on is still reported with its status.

Both travel in context variables: each thread and each asyncio task has its own, so
concurrent ends on one shared client never see each other's values.
"""

from __future__ import annotations

import contextvars
import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

import httpx

__all__ = ["Answer", "async_hooks", "call", "call_async", "sync_hooks"]

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


@dataclasses.dataclass(frozen=True, slots=True)
class Answer:
    """One answer from a vendor, as the adapters interpret it."""

    status: int
    headers: Mapping[str, str] = dataclasses.field(repr=False)
    content: bytes = dataclasses.field(repr=False)
    parsed: Any = dataclasses.field(default=None, repr=False)
    parse_failed: bool = False


def _set_timeout(request: httpx.Request) -> None:
    timeout = _attempt_timeout.get()
    if timeout is not None:
        request.extensions["timeout"] = httpx.Timeout(timeout).as_dict()


def _keep_answer(response: httpx.Response) -> None:
    _raw_answer.set(response)


async def _set_timeout_async(request: httpx.Request) -> None:
    _set_timeout(request)


async def _keep_answer_async(response: httpx.Response) -> None:
    _keep_answer(response)


def sync_hooks() -> dict[str, list[Callable[..., Any]]]:
    """Event hooks for an ``httpx.Client``."""
    return {"request": [_set_timeout], "response": [_keep_answer]}


def async_hooks() -> dict[str, list[Callable[..., Any]]]:
    """Event hooks for an ``httpx.AsyncClient``."""
    return {"request": [_set_timeout_async], "response": [_keep_answer_async]}


def call(send: Callable[[], GeneratedResponse], timeout: float) -> Answer:
    """Run one generated ``sync_detailed`` call with ``timeout`` and return its answer."""
    _attempt_timeout.set(timeout)
    _raw_answer.set(None)
    try:
        return _answer(send())
    except _PARSE_ERRORS as error:
        return _unparsed(error)


async def call_async(send: Callable[[], Awaitable[GeneratedResponse]], timeout: float) -> Answer:
    """Run one generated ``asyncio_detailed`` call with ``timeout`` and return its answer."""
    _attempt_timeout.set(timeout)
    _raw_answer.set(None)
    try:
        return _answer(await send())
    except _PARSE_ERRORS as error:
        return _unparsed(error)


def _answer(response: GeneratedResponse) -> Answer:
    return Answer(int(response.status_code), response.headers, response.content, response.parsed)


def _unparsed(error: Exception) -> Answer:
    raw = _raw_answer.get()
    if raw is None:  # the error came before any answer: not a parse failure
        raise error
    return Answer(raw.status_code, raw.headers, raw.content, None, parse_failed=True)
