# Generated from specs/elizaos.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- elizaos`.

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_sessions_response_200 import ListSessionsResponse200
from ...types import RawResponse, Response, status_code_of


def build_request() -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/messaging/sessions",
    }

    return _kwargs


def _get_kwargs() -> dict[str, Any]:
    return build_request()


def parse_response(response: RawResponse) -> ListSessionsResponse200 | None:
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
            response_200 = ListSessionsResponse200.from_dict(response.json())

            return response_200

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListSessionsResponse200 | None:
    if response.status_code == 200:
        response_200 = ListSessionsResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ListSessionsResponse200]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ListSessionsResponse200]:
    """List all active sessions

     Administrative endpoint to list all active sessions in the system

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListSessionsResponse200]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ListSessionsResponse200 | None:
    """List all active sessions

     Administrative endpoint to list all active sessions in the system

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListSessionsResponse200
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ListSessionsResponse200]:
    """List all active sessions

     Administrative endpoint to list all active sessions in the system

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListSessionsResponse200]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ListSessionsResponse200 | None:
    """List all active sessions

     Administrative endpoint to list all active sessions in the system

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListSessionsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
