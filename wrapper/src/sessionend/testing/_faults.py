"""Faults a fake vendor can be told to inject into its next answers."""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = ["Fault", "FaultKind"]


class FaultKind(enum.Enum):
    """What a fault does to one request."""

    STATUS = "status"
    """Answer with an HTTP status and the vendor's error body for it; the end is not done."""
    RATE_LIMITED = "rate_limited"
    """Answer with the vendor's own rate-limit signal (429 and its headers, Akool's 1005)."""
    DELAY = "delay"
    """Wait before answering."""
    DROP = "drop"
    """Close the connection without an answer."""
    MALFORMED = "malformed"
    """Answer 200 with truncated JSON; the end is not done."""
    ANSWER = "answer"
    """Answer exactly the given status, body and headers; the end is not done."""


def _check_body(body: object) -> None:
    # A str body would only fail when the fake writes its answer, far from the mistake.
    if not isinstance(body, bytes):
        raise TypeError(
            f"a fault's body must be bytes, got {type(body).__name__}; "
            "encode text first (body.encode())"
        )


@attrs.frozen(kw_only=True)
class Fault:
    """One fault, applied to the next ``times`` requests it matches.

    ``after_processing`` (delay and drop) says whether the end is carried out first: a drop
    after processing is a lost answer (the session is ended, the caller never hears), a drop
    before is a request the vendor never acted on.
    """

    kind: FaultKind
    times: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    status: int = 500
    seconds: float = 0.0
    after_processing: bool = False
    before_reading: bool = False
    body: bytes = attrs.field(default=b"", validator=lambda _, __, value: _check_body(value))
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    chunked: bool = False

    @classmethod
    def failing(cls, status: int, *, times: int = 1) -> Fault:
        """Answer ``status`` (with the vendor's error body) to the next ``times`` requests."""
        if not 100 <= status <= 599:
            raise ValueError(f"status must be an HTTP status (100-599), got {status!r}")
        return cls(kind=FaultKind.STATUS, status=status, times=times)

    @classmethod
    def rate_limited(cls, *, retry_after: float = 1.0, times: int = 1) -> Fault:
        """Answer with the vendor's rate-limit signal, asking for ``retry_after`` seconds."""
        return cls(kind=FaultKind.RATE_LIMITED, seconds=retry_after, times=times)

    @classmethod
    def delay(cls, seconds: float, *, after_processing: bool = False, times: int = 1) -> Fault:
        """Wait ``seconds`` before answering (before or after carrying out the end)."""
        if seconds < 0:
            raise ValueError(f"seconds must be 0 or more, got {seconds!r}")
        return cls(
            kind=FaultKind.DELAY, seconds=seconds, after_processing=after_processing, times=times
        )

    @classmethod
    def drop(
        cls, *, after_processing: bool = False, before_reading: bool = False, times: int = 1
    ) -> Fault:
        """Close the connection without answering.

        ``before_reading``: before the request's body is read (a per-session fault needs the
        id in the path for this); otherwise after reading it, before or after carrying out the
        end.
        """
        if after_processing and before_reading:
            raise ValueError("a drop is either before reading the request or after processing it")
        return cls(
            kind=FaultKind.DROP,
            after_processing=after_processing,
            before_reading=before_reading,
            times=times,
        )

    @classmethod
    def malformed(cls, *, times: int = 1) -> Fault:
        """Answer 200 with a JSON body cut short."""
        return cls(kind=FaultKind.MALFORMED, times=times)

    @classmethod
    def answer(
        cls,
        status: int,
        body: bytes = b"",
        *,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
        chunked: bool = False,
        times: int = 1,
    ) -> Fault:
        """Answer exactly this: any status, any bytes (HTML, a huge body), any headers.

        ``chunked`` sends the body without a Content-Length, as a stream.

        Raises:
            TypeError: When ``body`` is not bytes (text must be encoded first), here rather
                than later in the fake's answer.
            ValueError: When ``status`` is not an HTTP status.
        """
        if not 100 <= status <= 599:
            raise ValueError(f"status must be an HTTP status (100-599), got {status!r}")
        _check_body(body)
        return cls(
            kind=FaultKind.ANSWER,
            status=status,
            body=body,
            content_type=content_type,
            headers=tuple((headers or {}).items()),
            chunked=chunked,
            times=times,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fault:
        """Read a fault from JSON, as the fakes' control endpoint receives it.

        Raises:
            ValueError: Naming the field that is wrong.
        """
        try:
            kind = FaultKind(data.get("kind"))
        except ValueError:
            known = ", ".join(member.value for member in FaultKind)
            raise ValueError(
                f"fault kind must be one of {known}, got {data.get('kind')!r}"
            ) from None
        fields: dict[str, tuple[type, ...]] = {
            "times": (int,),
            "status": (int,),
            "seconds": (int, float),
            "after_processing": (bool,),
            "before_reading": (bool,),
            "body": (str,),
            "content_type": (str,),
            "headers": (dict,),
            "chunked": (bool,),
        }
        values: dict[str, Any] = {}
        for name, kinds in fields.items():
            if name not in data:
                continue
            value = data[name]
            # bool is an int to isinstance; only after_processing may be one.
            if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
                raise ValueError(f"fault {name} must be a {kinds[-1].__name__}, got {value!r}")
            values[name] = value
        if "body" in values:
            values["body"] = values["body"].encode()
        if "headers" in values:
            pairs = values["headers"].items()
            if not all(isinstance(part, str) for pair in pairs for part in pair):
                raise ValueError("fault headers must map strings to strings")
            values["headers"] = tuple(pairs)
        unknown = sorted(set(data) - set(fields) - {"kind"})
        if unknown:
            raise ValueError(f"unknown fault field(s): {', '.join(unknown)}")
        return cls(kind=kind, **values)
