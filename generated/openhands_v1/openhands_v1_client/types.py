# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.

"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, Protocol, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class RawResponse(Protocol):
    """What an endpoint module's parse_response reads from an HTTP answer.

    httpx.Response has these members; so can any other answer object, which then needs no httpx.
    """

    @property
    def status_code(self) -> int:
        """The HTTP status code"""

    @property
    def content(self) -> bytes:
        """The body as read"""

    @property
    def text(self) -> str:
        """The body decoded as text"""

    def json(self) -> Any:
        """The body decoded as JSON; raises ValueError (json.JSONDecodeError) when it is not JSON"""


def status_code_of(code: int) -> HTTPStatus | int:
    """Return the HTTPStatus for ``code``, or ``code`` itself when Python's enum lacks it."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RawResponse",
    "RequestFiles",
    "Response",
    "Unset",
    "status_code_of",
]
