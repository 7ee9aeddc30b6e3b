"""The fakes list their live sessions over HTTP as each vendor does: its route, its paging
(page numbers, offsets, or all at once), its fields and time format, its refusals and its
throttle; and the adapters' walks over them find every live session once."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sessionend import Provider
from sessionend.providers import ADAPTERS, Answer, Page
from sessionend.testing import FakeVendors, Fault
from sessionend.testing.vendors.openhands import FakeOpenHands

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def _headers(fakes: FakeVendors, provider: Provider) -> dict[str, str]:
    adapter = ADAPTERS[provider]()
    settings = fakes.settings()[provider]
    return adapter.auth_headers({c.name: settings.get(c.name) for c in adapter.credentials})


def _get(fakes: FakeVendors, provider: Provider, path: str, **headers: str) -> httpx.Response:
    sent = {**_headers(fakes, provider), **headers}
    return httpx.get(fakes.base_url(provider) + path, headers=sent, timeout=10)


def _started(fakes: FakeVendors, provider: Provider, count: int) -> list[str]:
    """``count`` live sessions, the first started at T0 and each a minute later."""
    return [
        fakes.create_session(provider, started_at=T0 + datetime.timedelta(minutes=n))
        for n in range(count)
    ]


def _walk(fakes: FakeVendors, provider: Provider) -> list[Page]:
    adapter = ADAPTERS[provider]()
    pages: list[Page] = []
    request = adapter.list_request()
    with httpx.Client(headers=_headers(fakes, provider), timeout=10) as client:
        while True:
            answer = client.request(request.method, fakes.base_url(provider) + request.path)
            read = adapter.read_page(
                Answer(answer.status_code, answer.headers, answer.content, request)
            )
            assert isinstance(read, Page), read
            pages.append(read)
            if read.next is None:
                return pages
            request = read.next


def test_liveavatar_pages_by_number_newest_first(fakes: FakeVendors) -> None:
    ids = _started(fakes, Provider.LIVEAVATAR, 5)
    first = _get(fakes, Provider.LIVEAVATAR, "/v1/sessions?type=active&page=1&page_size=2").json()
    data = first["data"]
    assert data["count"] == 5 and data["previous"] is None
    assert data["next"].endswith("/v1/sessions?type=active&page=2&page_size=2")
    assert [entry["id"] for entry in data["results"]] == [ids[4], ids[3]]
    assert data["results"][0]["created_at"] == "2026-11-21T09:04:00.000000Z"
    last = _get(fakes, Provider.LIVEAVATAR, "/v1/sessions?type=active&page=3&page_size=2").json()
    assert [entry["id"] for entry in last["data"]["results"]] == [ids[0]]
    assert last["data"]["next"] is None


def test_liveavatar_refuses_a_list_without_its_type(fakes: FakeVendors) -> None:
    answer = _get(fakes, Provider.LIVEAVATAR, "/v1/sessions?page=0")
    assert answer.status_code == 422
    assert {tuple(item["loc"]) for item in answer.json()["detail"]} == {
        ("query", "type"),
        ("query", "page"),
    }


def test_akool_lists_processing_sessions_with_create_time_in_milliseconds(
    fakes: FakeVendors,
) -> None:
    ids = _started(fakes, Provider.AKOOL, 3)
    path = "/api/open/v4/liveAvatar/session/list"
    body = _get(fakes, Provider.AKOOL, f"{path}?page=2&size=2&status=2").json()
    assert body["code"] == 1000 and body["data"]["count"] == 3
    (entry,) = body["data"]["result"]
    assert (entry["_id"], entry["status"]) == (ids[0], 2)
    assert entry["create_time"] == int(T0.timestamp() * 1000)
    queueing = _get(fakes, Provider.AKOOL, f"{path}?page=1&size=2&status=1").json()
    assert queueing["data"] == {"count": 0, "result": []}
    assert _get(fakes, Provider.AKOOL, f"{path}?page=0").json()["code"] == 1003


def test_digitalsamba_pages_by_offset_in_either_order(fakes: FakeVendors) -> None:
    ids = _started(fakes, Provider.DIGITALSAMBA, 5)
    path = "/api/v1/sessions?live=true&limit=2"
    newest = _get(fakes, Provider.DIGITALSAMBA, f"{path}&offset=0").json()
    assert newest["total_count"] == "5"
    assert [entry["id"] for entry in newest["data"]] == [ids[4], ids[3]]
    oldest = _get(fakes, Provider.DIGITALSAMBA, f"{path}&offset=4&order=asc").json()
    (entry,) = oldest["data"]
    assert (entry["id"], entry["live"]) == (ids[4], True)
    assert entry["start_time"] == "2026-11-21T09:04:00.000000Z" and entry["end_time"]
    assert _get(fakes, Provider.DIGITALSAMBA, "/api/v1/sessions?limit=101").status_code == 422


def test_openhands_pages_by_cursor_newest_first_with_sandbox_statuses(fakes: FakeVendors) -> None:
    ids = _started(fakes, Provider.OPENHANDS, 5)
    fake = fakes[Provider.OPENHANDS]
    assert isinstance(fake, FakeOpenHands)
    fake.set_sandbox(ids[3], "PAUSED")
    path = "/api/v1/app-conversations/search?limit=2"
    first = _get(fakes, Provider.OPENHANDS, path).json()
    assert [(e["id"], e["sandbox_status"]) for e in first["items"]] == [
        (ids[4], "RUNNING"),
        (ids[3], "PAUSED"),
    ]
    assert first["items"][0]["created_at"] == "2026-11-21T09:04:00.000000Z"
    assert first["items"][0]["sandbox_id"] == fake.sandbox_of(ids[4])
    fake.finish(ids[4])  # ending one already listed shifts nothing
    second = _get(fakes, Provider.OPENHANDS, f"{path}&page_id={first['next_page_id']}").json()
    assert [e["id"] for e in second["items"]] == [ids[2], ids[1]]
    last = _get(fakes, Provider.OPENHANDS, f"{path}&page_id={second['next_page_id']}").json()
    assert ([e["id"] for e in last["items"]], last["next_page_id"]) == ([ids[0]], None)
    assert _get(fakes, Provider.OPENHANDS, f"{path}&page_id=nonsense").status_code == 422
    refused = _get(fakes, Provider.OPENHANDS, "/api/v1/app-conversations/search?limit=101")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "limit"]


def test_elizaos_lists_every_live_session_at_once(fakes: FakeVendors) -> None:
    ids = _started(fakes, Provider.ELIZAOS, 3)
    fakes[Provider.ELIZAOS].finish(ids[1])
    body = _get(fakes, Provider.ELIZAOS, "/api/messaging/sessions").json()
    assert body["total"] == 2
    assert [entry["sessionId"] for entry in body["sessions"]] == [ids[0], ids[2]]
    assert body["sessions"][0]["createdAt"] == "2026-11-21T09:00:00.000Z"
    assert body["sessions"][0]["timeRemaining"] > 0


LISTING = [provider for provider, adapter in ADAPTERS.items() if adapter.lists_sessions]


@pytest.mark.parametrize("provider", LISTING, ids=str)
def test_a_walk_finds_every_live_session_once_with_its_start(
    fakes: FakeVendors, provider: Provider
) -> None:
    ids = _started(fakes, provider, 230)
    for ended in ids[::7]:
        fakes[provider].finish(ended)
    found = [session for page in _walk(fakes, provider) for session in page.sessions]
    live = [session_id for session_id in ids if session_id not in ids[::7]]
    assert sorted(s.session_id for s in found) == sorted(live)
    starts = {s.session_id: s.started_at for s in found}
    assert starts[ids[1]] == T0 + datetime.timedelta(minutes=1)


@pytest.mark.parametrize("provider", LISTING, ids=str)
def test_an_empty_registry_is_an_empty_list(fakes: FakeVendors, provider: Provider) -> None:
    pages = _walk(fakes, provider)
    assert [s for page in pages for s in page.sessions] == []


def _list_path(provider: Provider) -> str:
    request = ADAPTERS[provider]().list_request()
    return request.path


@pytest.mark.parametrize("provider", LISTING, ids=str)
def test_the_list_route_refuses_wrong_credentials_like_the_end_route(
    fakes: FakeVendors, provider: Provider
) -> None:
    adapter = ADAPTERS[provider]()
    wrong = adapter.auth_headers({c.name: "wrong" for c in adapter.credentials})
    answer = httpx.get(fakes.base_url(provider) + _list_path(provider), headers=wrong, timeout=10)
    read = adapter.read_page(Answer(answer.status_code, answer.headers, answer.content))
    assert not isinstance(read, Page)
    assert read.error is not None and read.error.__name__ == "AuthenticationError"


@pytest.mark.parametrize("provider", LISTING, ids=str)
def test_the_list_route_counts_against_the_rate_limit(
    fakes: FakeVendors, provider: Provider
) -> None:
    fakes.limit(provider, 1, per=3600)
    assert _get(fakes, provider, _list_path(provider)).status_code == 200
    throttled = _get(fakes, provider, _list_path(provider))
    adapter = ADAPTERS[provider]()
    read = adapter.read_page(Answer(throttled.status_code, throttled.headers, throttled.content))
    assert not isinstance(read, Page) and read.retry
    assert read.error is not None and read.error.__name__ == "RateLimited"


@pytest.mark.parametrize("provider", LISTING, ids=str)
def test_an_injected_fault_reaches_the_list_route(fakes: FakeVendors, provider: Provider) -> None:
    fakes.inject(provider, Fault.failing(503))
    assert _get(fakes, provider, _list_path(provider)).status_code == 503
    assert _get(fakes, provider, _list_path(provider)).status_code == 200


def test_a_start_must_be_aware(fakes: FakeVendors) -> None:
    with pytest.raises(ValueError, match="aware"):
        fakes.create_session(Provider.ELIZAOS, started_at=datetime.datetime(2026, 1, 1))


def test_the_control_api_takes_a_start(fakes: FakeVendors) -> None:
    control = f"http://{fakes.host}:{fakes.port}/_fake/elizaos/sessions"
    created = httpx.post(control, json={"started_at": "2026-11-21T10:00:00+01:00"}, timeout=10)
    assert created.status_code == 201
    (session_id,) = created.json()["session_ids"]
    body: dict[str, Any] = _get(fakes, Provider.ELIZAOS, "/api/messaging/sessions").json()
    assert [(e["sessionId"], e["createdAt"]) for e in body["sessions"]] == [
        (session_id, "2026-11-21T09:00:00.000Z")
    ]
    naive = httpx.post(control, json={"started_at": "2026-11-21T10:00:00"}, timeout=10)
    assert naive.status_code == 400
