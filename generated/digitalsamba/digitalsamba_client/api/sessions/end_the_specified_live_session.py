# Generated from specs/digitalsamba.yaml by scripts/generate_clients.py; every generation overwrites this file.
# Do not edit it: change the spec or its generator configuration, then run `nox -s generate -- digitalsamba`.

from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_message import ErrorMessage
from ...types import RawResponse, Response, status_code_of


def build_request(
    session: str,
) -> dict[str, Any]:
    """Build the request this operation sends, without sending it.

    Returns:
        httpx.Client.request keywords: method, url (path parameters percent-encoded), and
        json/params/headers where the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sessions/{session}/end".format(
            session=quote(str(session), safe=""),
        ),
    }

    return _kwargs


def _get_kwargs(
    session: str,
) -> dict[str, Any]:
    return build_request(
        session=session,
    )


def parse_response(response: RawResponse) -> ErrorMessage | str | None:
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
            response_200 = response.text
            return response_200

        if response.status_code == 404:
            response_404 = ErrorMessage.from_dict(response.json())

            return response_404

        if response.status_code == 422:
            response_422 = ErrorMessage.from_dict(response.json())

            return response_422

        if response.status_code == 429:
            response_429 = ErrorMessage.from_dict(response.json())

            return response_429

    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorMessage | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 404:
        response_404 = ErrorMessage.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorMessage.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorMessage.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorMessage | str]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorMessage | str]:
    """End the specified live session.

     Ends a live session and, as a result, removes all participants from it.

    Args:
        session (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | str]
    """

    kwargs = _get_kwargs(
        session=session,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorMessage | str | None:
    """End the specified live session.

     Ends a live session and, as a result, removes all participants from it.

    Args:
        session (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | str
    """

    return sync_detailed(
        session=session,
        client=client,
    ).parsed


async def asyncio_detailed(
    session: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorMessage | str]:
    """End the specified live session.

     Ends a live session and, as a result, removes all participants from it.

    Args:
        session (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorMessage | str]
    """

    kwargs = _get_kwargs(
        session=session,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorMessage | str | None:
    """End the specified live session.

     Ends a live session and, as a result, removes all participants from it.

    Args:
        session (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorMessage | str
    """

    return (
        await asyncio_detailed(
            session=session,
            client=client,
        )
    ).parsed
