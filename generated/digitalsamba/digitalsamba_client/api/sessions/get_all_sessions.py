# Generated from specs/digitalsamba.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- digitalsamba`.

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...models.get_all_sessions_response_200 import GetAllSessionsResponse200
from ...types import UNSET, RawResponse, Response, Unset, status_code_of


def build_request(
    *,
    date_start: str | Unset = UNSET,
    date_end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    order: str | Unset = UNSET,
    after: str | Unset = UNSET,
    live: bool | Unset = UNSET,
    room_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    params: dict[str, Any] = {}

    params["date_start"] = date_start

    params["date_end"] = date_end

    params["limit"] = limit

    params["offset"] = offset

    params["order"] = order

    params["after"] = after

    params["live"] = live

    params["room_id"] = room_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions",
        "params": params,
    }

    return _kwargs


def _get_kwargs(
    *,
    date_start: str | Unset = UNSET,
    date_end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    order: str | Unset = UNSET,
    after: str | Unset = UNSET,
    live: bool | Unset = UNSET,
    room_id: str | Unset = UNSET,
) -> dict[str, Any]:
    return build_request(
        date_start=date_start,
        date_end=date_end,
        limit=limit,
        offset=offset,
        order=order,
        after=after,
        live=live,
        room_id=room_id,
    )


def parse_response(response: RawResponse) -> ErrorMessage | GetAllSessionsResponse200 | None:
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
            response_200 = GetAllSessionsResponse200.from_dict(response.json())

            return response_200

        if response.status_code == 429:
            response_429 = ErrorMessage.from_dict(response.json())

            return response_429

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorMessage | GetAllSessionsResponse200 | None:
    if response.status_code == 200:
        response_200 = GetAllSessionsResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 429:
        response_429 = ErrorMessage.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorMessage | GetAllSessionsResponse200]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    date_start: str | Unset = UNSET,
    date_end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    order: str | Unset = UNSET,
    after: str | Unset = UNSET,
    live: bool | Unset = UNSET,
    room_id: str | Unset = UNSET,
) -> Response[ErrorMessage | GetAllSessionsResponse200]:
    """Get all sessions.

     Paginated with limit and offset.

    Args:
        date_start (str | Unset): Period start date. Must be a valid date in the format Y-m-d.
        date_end (str | Unset): Period end date. Must be a valid date in the format Y-m-d.
        limit (int | Unset): Limit the number of returned records. Used for pagination. Maximum
            and default is 100 Example: 20.
        offset (int | Unset): The offset of the first item returned in the records collection.
            Used for pagination. Example: 0.
        order (str | Unset): Order of returned records. Default is desc. Example: asc.
        after (str | Unset): The UUID of the room or room friendly URL after which records will be
            returned.
        live (bool | Unset): Flag to filter live or archive sessions.
        room_id (str | Unset): The UUID of the room to filter session by specific room.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | GetAllSessionsResponse200]
    """

    kwargs = _get_kwargs(
        date_start=date_start,
        date_end=date_end,
        limit=limit,
        offset=offset,
        order=order,
        after=after,
        live=live,
        room_id=room_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    date_start: str | Unset = UNSET,
    date_end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    order: str | Unset = UNSET,
    after: str | Unset = UNSET,
    live: bool | Unset = UNSET,
    room_id: str | Unset = UNSET,
) -> ErrorMessage | GetAllSessionsResponse200 | None:
    """Get all sessions.

     Paginated with limit and offset.

    Args:
        date_start (str | Unset): Period start date. Must be a valid date in the format Y-m-d.
        date_end (str | Unset): Period end date. Must be a valid date in the format Y-m-d.
        limit (int | Unset): Limit the number of returned records. Used for pagination. Maximum
            and default is 100 Example: 20.
        offset (int | Unset): The offset of the first item returned in the records collection.
            Used for pagination. Example: 0.
        order (str | Unset): Order of returned records. Default is desc. Example: asc.
        after (str | Unset): The UUID of the room or room friendly URL after which records will be
            returned.
        live (bool | Unset): Flag to filter live or archive sessions.
        room_id (str | Unset): The UUID of the room to filter session by specific room.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | GetAllSessionsResponse200
    """

    return sync_detailed(
        client=client,
        date_start=date_start,
        date_end=date_end,
        limit=limit,
        offset=offset,
        order=order,
        after=after,
        live=live,
        room_id=room_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    date_start: str | Unset = UNSET,
    date_end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    order: str | Unset = UNSET,
    after: str | Unset = UNSET,
    live: bool | Unset = UNSET,
    room_id: str | Unset = UNSET,
) -> Response[ErrorMessage | GetAllSessionsResponse200]:
    """Get all sessions.

     Paginated with limit and offset.

    Args:
        date_start (str | Unset): Period start date. Must be a valid date in the format Y-m-d.
        date_end (str | Unset): Period end date. Must be a valid date in the format Y-m-d.
        limit (int | Unset): Limit the number of returned records. Used for pagination. Maximum
            and default is 100 Example: 20.
        offset (int | Unset): The offset of the first item returned in the records collection.
            Used for pagination. Example: 0.
        order (str | Unset): Order of returned records. Default is desc. Example: asc.
        after (str | Unset): The UUID of the room or room friendly URL after which records will be
            returned.
        live (bool | Unset): Flag to filter live or archive sessions.
        room_id (str | Unset): The UUID of the room to filter session by specific room.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | GetAllSessionsResponse200]
    """

    kwargs = _get_kwargs(
        date_start=date_start,
        date_end=date_end,
        limit=limit,
        offset=offset,
        order=order,
        after=after,
        live=live,
        room_id=room_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    date_start: str | Unset = UNSET,
    date_end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    order: str | Unset = UNSET,
    after: str | Unset = UNSET,
    live: bool | Unset = UNSET,
    room_id: str | Unset = UNSET,
) -> ErrorMessage | GetAllSessionsResponse200 | None:
    """Get all sessions.

     Paginated with limit and offset.

    Args:
        date_start (str | Unset): Period start date. Must be a valid date in the format Y-m-d.
        date_end (str | Unset): Period end date. Must be a valid date in the format Y-m-d.
        limit (int | Unset): Limit the number of returned records. Used for pagination. Maximum
            and default is 100 Example: 20.
        offset (int | Unset): The offset of the first item returned in the records collection.
            Used for pagination. Example: 0.
        order (str | Unset): Order of returned records. Default is desc. Example: asc.
        after (str | Unset): The UUID of the room or room friendly URL after which records will be
            returned.
        live (bool | Unset): Flag to filter live or archive sessions.
        room_id (str | Unset): The UUID of the room to filter session by specific room.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | GetAllSessionsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            date_start=date_start,
            date_end=date_end,
            limit=limit,
            offset=offset,
            order=order,
            after=after,
            live=live,
            room_id=room_id,
        )
    ).parsed
