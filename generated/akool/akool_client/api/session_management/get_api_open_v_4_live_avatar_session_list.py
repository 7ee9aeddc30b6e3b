# Generated from specs/akool.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- akool`.

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_api_open_v4_live_avatar_session_list_status import GetApiOpenV4LiveAvatarSessionListStatus
from ...models.session_list_response import SessionListResponse
from ...types import UNSET, RawResponse, Response, Unset, status_code_of


def build_request(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    status: GetApiOpenV4LiveAvatarSessionListStatus | Unset = UNSET,
) -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    json_status: int | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/open/v4/liveAvatar/session/list",
        "params": params,
    }

    return _kwargs


def _get_kwargs(
    *,
    page: int | Unset = 1,
    size: int | Unset = 10,
    status: GetApiOpenV4LiveAvatarSessionListStatus | Unset = UNSET,
) -> dict[str, Any]:
    return build_request(
        page=page,
        size=size,
        status=status,
    )


def parse_response(response: RawResponse) -> SessionListResponse | None:
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
            response_200 = SessionListResponse.from_dict(response.json())

            return response_200

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> SessionListResponse | None:
    if response.status_code == 200:
        response_200 = SessionListResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[SessionListResponse]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    status: GetApiOpenV4LiveAvatarSessionListStatus | Unset = UNSET,
) -> Response[SessionListResponse]:
    """List Sessions

     List streaming sessions, a page at a time, optionally of one status

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        status (GetApiOpenV4LiveAvatarSessionListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SessionListResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    status: GetApiOpenV4LiveAvatarSessionListStatus | Unset = UNSET,
) -> SessionListResponse | None:
    """List Sessions

     List streaming sessions, a page at a time, optionally of one status

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        status (GetApiOpenV4LiveAvatarSessionListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SessionListResponse
    """

    return sync_detailed(
        client=client,
        page=page,
        size=size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    status: GetApiOpenV4LiveAvatarSessionListStatus | Unset = UNSET,
) -> Response[SessionListResponse]:
    """List Sessions

     List streaming sessions, a page at a time, optionally of one status

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        status (GetApiOpenV4LiveAvatarSessionListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SessionListResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    size: int | Unset = 10,
    status: GetApiOpenV4LiveAvatarSessionListStatus | Unset = UNSET,
) -> SessionListResponse | None:
    """List Sessions

     List streaming sessions, a page at a time, optionally of one status

    Args:
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 10.
        status (GetApiOpenV4LiveAvatarSessionListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SessionListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            size=size,
            status=status,
        )
    ).parsed
