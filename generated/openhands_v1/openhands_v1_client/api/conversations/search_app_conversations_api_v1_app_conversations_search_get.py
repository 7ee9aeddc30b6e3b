# Generated from specs/openhands_v1.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- openhands_v1`.

import datetime
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.app_conversation_page import AppConversationPage
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, RawResponse, Response, Unset, status_code_of


def build_request(
    *,
    title_contains: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lt: datetime.datetime | None | Unset = UNSET,
    updated_at_gte: datetime.datetime | None | Unset = UNSET,
    updated_at_lt: datetime.datetime | None | Unset = UNSET,
    sandbox_id_eq: None | str | Unset = UNSET,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    include_sub_conversations: bool | Unset = False,
) -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    params: dict[str, Any] = {}

    json_title_contains: None | str | Unset
    if isinstance(title_contains, Unset):
        json_title_contains = UNSET
    else:
        json_title_contains = title_contains
    params["title__contains"] = json_title_contains

    json_created_at_gte: None | str | Unset
    if isinstance(created_at_gte, Unset):
        json_created_at_gte = UNSET
    elif isinstance(created_at_gte, datetime.datetime):
        json_created_at_gte = created_at_gte.isoformat()
    else:
        json_created_at_gte = created_at_gte
    params["created_at__gte"] = json_created_at_gte

    json_created_at_lt: None | str | Unset
    if isinstance(created_at_lt, Unset):
        json_created_at_lt = UNSET
    elif isinstance(created_at_lt, datetime.datetime):
        json_created_at_lt = created_at_lt.isoformat()
    else:
        json_created_at_lt = created_at_lt
    params["created_at__lt"] = json_created_at_lt

    json_updated_at_gte: None | str | Unset
    if isinstance(updated_at_gte, Unset):
        json_updated_at_gte = UNSET
    elif isinstance(updated_at_gte, datetime.datetime):
        json_updated_at_gte = updated_at_gte.isoformat()
    else:
        json_updated_at_gte = updated_at_gte
    params["updated_at__gte"] = json_updated_at_gte

    json_updated_at_lt: None | str | Unset
    if isinstance(updated_at_lt, Unset):
        json_updated_at_lt = UNSET
    elif isinstance(updated_at_lt, datetime.datetime):
        json_updated_at_lt = updated_at_lt.isoformat()
    else:
        json_updated_at_lt = updated_at_lt
    params["updated_at__lt"] = json_updated_at_lt

    json_sandbox_id_eq: None | str | Unset
    if isinstance(sandbox_id_eq, Unset):
        json_sandbox_id_eq = UNSET
    else:
        json_sandbox_id_eq = sandbox_id_eq
    params["sandbox_id__eq"] = json_sandbox_id_eq

    json_page_id: None | str | Unset
    if isinstance(page_id, Unset):
        json_page_id = UNSET
    else:
        json_page_id = page_id
    params["page_id"] = json_page_id

    params["limit"] = limit

    params["include_sub_conversations"] = include_sub_conversations

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/app-conversations/search",
        "params": params,
    }

    return _kwargs


def _get_kwargs(
    *,
    title_contains: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lt: datetime.datetime | None | Unset = UNSET,
    updated_at_gte: datetime.datetime | None | Unset = UNSET,
    updated_at_lt: datetime.datetime | None | Unset = UNSET,
    sandbox_id_eq: None | str | Unset = UNSET,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    include_sub_conversations: bool | Unset = False,
) -> dict[str, Any]:
    return build_request(
        title_contains=title_contains,
        created_at_gte=created_at_gte,
        created_at_lt=created_at_lt,
        updated_at_gte=updated_at_gte,
        updated_at_lt=updated_at_lt,
        sandbox_id_eq=sandbox_id_eq,
        page_id=page_id,
        limit=limit,
        include_sub_conversations=include_sub_conversations,
    )


def parse_response(response: RawResponse) -> AppConversationPage | HTTPValidationError | None:
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
            response_200 = AppConversationPage.from_dict(response.json())

            return response_200

        if response.status_code == 422:
            response_422 = HTTPValidationError.from_dict(response.json())

            return response_422

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppConversationPage | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = AppConversationPage.from_dict(response.json())

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
) -> Response[AppConversationPage | HTTPValidationError]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    title_contains: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lt: datetime.datetime | None | Unset = UNSET,
    updated_at_gte: datetime.datetime | None | Unset = UNSET,
    updated_at_lt: datetime.datetime | None | Unset = UNSET,
    sandbox_id_eq: None | str | Unset = UNSET,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    include_sub_conversations: bool | Unset = False,
) -> Response[AppConversationPage | HTTPValidationError]:
    """Search App Conversations

     Search / List sandboxed conversations.

    Args:
        title_contains (None | str | Unset):
        created_at_gte (datetime.datetime | None | Unset):
        created_at_lt (datetime.datetime | None | Unset):
        updated_at_gte (datetime.datetime | None | Unset):
        updated_at_lt (datetime.datetime | None | Unset):
        sandbox_id_eq (None | str | Unset):
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        include_sub_conversations (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppConversationPage | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        title_contains=title_contains,
        created_at_gte=created_at_gte,
        created_at_lt=created_at_lt,
        updated_at_gte=updated_at_gte,
        updated_at_lt=updated_at_lt,
        sandbox_id_eq=sandbox_id_eq,
        page_id=page_id,
        limit=limit,
        include_sub_conversations=include_sub_conversations,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    title_contains: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lt: datetime.datetime | None | Unset = UNSET,
    updated_at_gte: datetime.datetime | None | Unset = UNSET,
    updated_at_lt: datetime.datetime | None | Unset = UNSET,
    sandbox_id_eq: None | str | Unset = UNSET,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    include_sub_conversations: bool | Unset = False,
) -> AppConversationPage | HTTPValidationError | None:
    """Search App Conversations

     Search / List sandboxed conversations.

    Args:
        title_contains (None | str | Unset):
        created_at_gte (datetime.datetime | None | Unset):
        created_at_lt (datetime.datetime | None | Unset):
        updated_at_gte (datetime.datetime | None | Unset):
        updated_at_lt (datetime.datetime | None | Unset):
        sandbox_id_eq (None | str | Unset):
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        include_sub_conversations (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppConversationPage | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        title_contains=title_contains,
        created_at_gte=created_at_gte,
        created_at_lt=created_at_lt,
        updated_at_gte=updated_at_gte,
        updated_at_lt=updated_at_lt,
        sandbox_id_eq=sandbox_id_eq,
        page_id=page_id,
        limit=limit,
        include_sub_conversations=include_sub_conversations,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    title_contains: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lt: datetime.datetime | None | Unset = UNSET,
    updated_at_gte: datetime.datetime | None | Unset = UNSET,
    updated_at_lt: datetime.datetime | None | Unset = UNSET,
    sandbox_id_eq: None | str | Unset = UNSET,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    include_sub_conversations: bool | Unset = False,
) -> Response[AppConversationPage | HTTPValidationError]:
    """Search App Conversations

     Search / List sandboxed conversations.

    Args:
        title_contains (None | str | Unset):
        created_at_gte (datetime.datetime | None | Unset):
        created_at_lt (datetime.datetime | None | Unset):
        updated_at_gte (datetime.datetime | None | Unset):
        updated_at_lt (datetime.datetime | None | Unset):
        sandbox_id_eq (None | str | Unset):
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        include_sub_conversations (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppConversationPage | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        title_contains=title_contains,
        created_at_gte=created_at_gte,
        created_at_lt=created_at_lt,
        updated_at_gte=updated_at_gte,
        updated_at_lt=updated_at_lt,
        sandbox_id_eq=sandbox_id_eq,
        page_id=page_id,
        limit=limit,
        include_sub_conversations=include_sub_conversations,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    title_contains: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lt: datetime.datetime | None | Unset = UNSET,
    updated_at_gte: datetime.datetime | None | Unset = UNSET,
    updated_at_lt: datetime.datetime | None | Unset = UNSET,
    sandbox_id_eq: None | str | Unset = UNSET,
    page_id: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    include_sub_conversations: bool | Unset = False,
) -> AppConversationPage | HTTPValidationError | None:
    """Search App Conversations

     Search / List sandboxed conversations.

    Args:
        title_contains (None | str | Unset):
        created_at_gte (datetime.datetime | None | Unset):
        created_at_lt (datetime.datetime | None | Unset):
        updated_at_gte (datetime.datetime | None | Unset):
        updated_at_lt (datetime.datetime | None | Unset):
        sandbox_id_eq (None | str | Unset):
        page_id (None | str | Unset):
        limit (int | Unset):  Default: 100.
        include_sub_conversations (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppConversationPage | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            title_contains=title_contains,
            created_at_gte=created_at_gte,
            created_at_lt=created_at_lt,
            updated_at_gte=updated_at_gte,
            updated_at_lt=updated_at_lt,
            sandbox_id_eq=sandbox_id_eq,
            page_id=page_id,
            limit=limit,
            include_sub_conversations=include_sub_conversations,
        )
    ).parsed
