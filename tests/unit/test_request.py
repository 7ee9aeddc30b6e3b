"""A generated operation's keywords become one request both enders send byte for byte."""

from __future__ import annotations

import httpx
import pytest
from sessionend.providers import Request


def test_query_parameters_are_encoded_once_as_httpx_encodes_them() -> None:
    params: dict[str, str | int | list[str]] = {
        "live": "true",
        "limit": 100,
        "ids": ["a b", "c;d", "é"],
    }
    request = Request.from_generated({"method": "get", "url": "/api/v1/sessions", "params": params})
    assert request.method == "GET"
    expected = httpx.Request("GET", "https://h/api/v1/sessions", params=params).url.raw_path
    assert request.path.encode() == expected


def test_a_json_body_is_encoded_as_httpx_encodes_json() -> None:
    body = {"id": "x", "note": "é"}
    request = Request.from_generated({"method": "post", "url": "/close", "json": body})
    assert request.body == httpx.Request("POST", "https://h/close", json=body).content


def test_keywords_sessionend_does_not_send_are_refused() -> None:
    with pytest.raises(ValueError, match="cookies"):
        Request.from_generated({"method": "get", "url": "/x", "cookies": {"a": "b"}})
