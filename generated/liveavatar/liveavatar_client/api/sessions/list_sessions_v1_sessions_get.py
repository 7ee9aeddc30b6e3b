# Generated from specs/liveavatar.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- liveavatar`.

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.session_list_response import SessionListResponse
from ...models.session_list_type import SessionListType
from ...types import UNSET, RawResponse, Response, Unset, status_code_of


def build_request(
    *,
    type_: SessionListType,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    params: dict[str, Any] = {}

    json_type_ = type_.value
    params["type"] = json_type_

    params["page"] = page

    params["page_size"] = page_size

    params["avatar_id"] = avatar_id

    params["embed_id"] = embed_id

    params["context_id"] = context_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sessions",
        "params": params,
    }

    return _kwargs


def _get_kwargs(
    *,
    type_: SessionListType,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
) -> dict[str, Any]:
    return build_request(
        type_=type_,
        page=page,
        page_size=page_size,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
    )


def parse_response(response: RawResponse) -> HTTPValidationError | SessionListResponse | None:
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

        if response.status_code == 422:
            response_422 = HTTPValidationError.from_dict(response.json())

            return response_422

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | SessionListResponse | None:
    if response.status_code == 200:
        response_200 = SessionListResponse.from_dict(response.json())

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
) -> Response[HTTPValidationError | SessionListResponse]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: SessionListType,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
) -> Response[HTTPValidationError | SessionListResponse]:
    """List Sessions

     List the sessions of the account, active or historic, a page at a time.

    Args:
        type_ (SessionListType):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | SessionListResponse]
    """

    kwargs = _get_kwargs(
        type_=type_,
        page=page,
        page_size=page_size,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    type_: SessionListType,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
) -> HTTPValidationError | SessionListResponse | None:
    """List Sessions

     List the sessions of the account, active or historic, a page at a time.

    Args:
        type_ (SessionListType):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | SessionListResponse
    """

    return sync_detailed(
        client=client,
        type_=type_,
        page=page,
        page_size=page_size,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: SessionListType,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
) -> Response[HTTPValidationError | SessionListResponse]:
    """List Sessions

     List the sessions of the account, active or historic, a page at a time.

    Args:
        type_ (SessionListType):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | SessionListResponse]
    """

    kwargs = _get_kwargs(
        type_=type_,
        page=page,
        page_size=page_size,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: SessionListType,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
) -> HTTPValidationError | SessionListResponse | None:
    """List Sessions

     List the sessions of the account, active or historic, a page at a time.

    Args:
        type_ (SessionListType):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | SessionListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            page=page,
            page_size=page_size,
            avatar_id=avatar_id,
            embed_id=embed_id,
            context_id=context_id,
        )
    ).parsed
