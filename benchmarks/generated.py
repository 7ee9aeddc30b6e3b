"""Each vendor's generated client, used as a plain openapi-python-client user would use it.

Nothing here names a vendor. For each adapter in the registry, its ``generated_package``
gives the client class, and the endpoint module whose ``build_request`` describes the
adapter's end request is found among the package's ``api`` modules. A send is what the
generated ``asyncio_detailed`` does: ``build_request``, the client's own
``httpx.AsyncClient.request``, ``parse_response``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import typing
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import attrs
import httpx
from sessionend import EndReason, Provider

from .server import CREDENTIALS, adapter

__all__ = ["Operation", "client", "operation"]


@attrs.frozen
class Operation:
    """One generated endpoint module and how to call its ``build_request``."""

    module: ModuleType
    path_parameter: str | None
    """The parameter the session id is passed as, when it travels in the path."""
    body_model: Any
    """The generated model the request body is, when there is one (built with ``from_dict``)."""

    def arguments(self, provider: Provider, session_id: str) -> dict[str, Any]:
        """``build_request``'s arguments for ``session_id``: built before anything is timed."""
        arguments: dict[str, Any] = {}
        if self.path_parameter is not None:
            arguments[self.path_parameter] = session_id
        if self.body_model is not None:
            # The body the adapter describes, as the generated model: whatever the vendor's
            # body holds (an id field, a reason), no name is needed here.
            request = adapter(provider).request(session_id, EndReason.USER_CLOSED)
            assert request.body is not None, "an operation with a body model sends a body"
            arguments["body"] = self.body_model.from_dict(json.loads(request.body))
        return arguments

    async def send(self, client: Any, arguments: Mapping[str, Any]) -> bool:
        """Build, send and parse one end as ``asyncio_detailed`` does; whether it was a 2xx."""
        keywords = self.module.build_request(**arguments)
        response: httpx.Response = await client.get_async_httpx_client().request(**keywords)
        self.module.parse_response(response)
        return 200 <= response.status_code < 300


def _endpoint_modules(package: str) -> list[ModuleType]:
    api = importlib.import_module(f"{package}.api")
    found = []
    for info in pkgutil.walk_packages(api.__path__, f"{api.__name__}."):
        module = importlib.import_module(info.name)
        if hasattr(module, "build_request") and hasattr(module, "parse_response"):
            found.append(module)
    return found


def _candidate(module: ModuleType) -> Operation | None:
    # An end operation takes the session id as its one path parameter, or a body, or both.
    path_parameter = None
    body_model = None
    for name, parameter in inspect.signature(module.build_request).parameters.items():
        if name == "body":
            models = [
                member
                for member in typing.get_args(parameter.annotation) or (parameter.annotation,)
                if hasattr(member, "from_dict")
            ]
            if len(models) != 1:
                return None
            body_model = models[0]
        elif path_parameter is None and parameter.default is inspect.Parameter.empty:
            path_parameter = name
        elif parameter.default is inspect.Parameter.empty:
            return None  # a second required argument: not an operation on a session id alone
    return Operation(module, path_parameter, body_model)


def operation(provider: Provider) -> Operation:
    """The generated operation that sends exactly the end request ``provider``'s adapter does.

    Raises:
        LookupError: When no endpoint module, or more than one, builds that request.
    """
    described = adapter(provider)
    session_id = described.example_session_id
    wanted = described.request(session_id, EndReason.USER_CLOSED)
    matches = []
    # Every generated client the vendor has (two for a vendor with two APIs): the benchmarks
    # may run it with an option that speaks the other one.
    packages = [f"{name}_client" for name in type(described).spec_names()]
    for module in (found for package in packages for found in _endpoint_modules(package)):
        candidate = _candidate(module)
        if candidate is None or (candidate.body_model is not None) != (wanted.body is not None):
            continue
        keywords = module.build_request(**candidate.arguments(provider, session_id))
        if str(keywords["method"]).upper() == wanted.method and keywords["url"] == wanted.path:
            matches.append(candidate)
    if len(matches) != 1:
        raise LookupError(
            f"{len(matches)} operations of {', '.join(packages)} build "
            f"{wanted.method} {wanted.path}: expected exactly one"
        )
    return matches[0]


def client(provider: Provider, base_url: str, httpx_args: Mapping[str, Any]) -> Any:
    """The vendor's generated client, its credentials set as the generated code sets them.

    One credential header is an ``AuthenticatedClient`` with that header's name and no
    prefix (a Basic value is its own whole header); anything else is a ``Client`` with the
    headers given.
    """
    described = adapter(provider)
    package = importlib.import_module(described.generated_package)
    headers = described.auth_headers(CREDENTIALS[provider])
    if len(headers) == 1:
        ((name, value),) = headers.items()
        return package.AuthenticatedClient(
            base_url=base_url,
            token=value,
            prefix="",
            auth_header_name=name,
            httpx_args=dict(httpx_args),
        )
    return package.Client(base_url=base_url, headers=headers, httpx_args=dict(httpx_args))
