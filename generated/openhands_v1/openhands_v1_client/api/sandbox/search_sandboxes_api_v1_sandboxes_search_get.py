# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.sandbox_page import SandboxPage
from ...types import UNSET, RawResponse, Response, Unset, status_code_of


def build_request(
    *,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    params: dict[str, Any] = {}

    json_page_id: None | str | Unset
    if isinstance(page_id, Unset):
        json_page_id = UNSET
    else:
        json_page_id = page_id
    params["page_id"] = json_page_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sandboxes/search",
        "params": params,
    }

    return _kwargs


def _get_kwargs(
    *,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:
    return build_request(
        page_id=page_id,
        limit=limit,
    )


def parse_response(response: RawResponse) -> HTTPValidationError | SandboxPage | None:
    """Parse a documented answer of this operation into its generated model, without I/O.

    Args:
        response: Any answer with status_code, content, text and json() (httpx.Response has
            them); no httpx.Response is built.

    Returns:
        The documented answer for response.status_code, parsed. None when that status is not one
        the spec documents for this operation, or when the body does not fit the documented
        schema as far as the models check it (not JSON, another JSON type than the documented
        one, a required field missing, a value outside a documented enum): the ValueError
        (json.JSONDecodeError included), TypeError, KeyError and AttributeError that json() and
        the models' from_dict raise for such a body are caught here, and nothing else is. The
        models do not check the type of every field's value.
    """
    try:
        if response.status_code == 200:
            response_200 = SandboxPage.from_dict(response.json())

            return response_200

        if response.status_code == 422:
            response_422 = HTTPValidationError.from_dict(response.json())

            return response_422

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | SandboxPage | None:
    if response.status_code == 200:
        response_200 = SandboxPage.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | SandboxPage]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[HTTPValidationError | SandboxPage]:
    """Search Sandboxes

     Search / list sandboxes owned by the current user.

    Args:
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | SandboxPage]
    """

    kwargs = _get_kwargs(
        page_id=page_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> HTTPValidationError | SandboxPage | None:
    """Search Sandboxes

     Search / list sandboxes owned by the current user.

    Args:
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | SandboxPage
    """

    return sync_detailed(
        client=client,
        page_id=page_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[HTTPValidationError | SandboxPage]:
    """Search Sandboxes

     Search / list sandboxes owned by the current user.

    Args:
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | SandboxPage]
    """

    kwargs = _get_kwargs(
        page_id=page_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> HTTPValidationError | SandboxPage | None:
    """Search Sandboxes

     Search / list sandboxes owned by the current user.

    Args:
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | SandboxPage
    """

    return (
        await asyncio_detailed(
            client=client,
            page_id=page_id,
            limit=limit,
        )
    ).parsed
