"""Each adapter reads a page of its vendor's live sessions: ids, starts in UTC, its own fields,
only the live ones, the next page's request, and a Verdict (never an exception, never an
outcome) for anything that is not a page."""

from __future__ import annotations

import asyncio
import datetime
import json
from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from sessionend import AsyncSessionEnder, Provider, ProviderSettings, SessionEnder, errors
from sessionend.providers import ADAPTERS, Answer, Page, Request, Verdict
from sessionend.providers.akool import Akool
from sessionend.providers.digitalsamba import DigitalSamba
from sessionend.providers.elizaos import ElizaOS
from sessionend.providers.liveavatar import LiveAvatar
from sessionend.providers.openhands import OpenHands

UTC = datetime.UTC
LISTING = [provider for provider, adapter in ADAPTERS.items() if adapter.lists_sessions]
LA_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
DS_ID = "edb7a1cb-0627-44ed-9ae4-62a344d6e8a9"


def _answer(
    body: object,
    request: Request | None,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Answer:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return Answer(status, headers or {"content-type": "application/json"}, content, request)


def _page(read: Page | Verdict) -> Page:
    assert isinstance(read, Page), read
    return read


def _verdict(read: Page | Verdict) -> Verdict:
    assert isinstance(read, Verdict), read
    assert read.outcome is None and not read.not_found
    return read


# --- LiveAvatar: page numbers --------------------------------------------------------------


def _liveavatar(results: list[dict[str, Any]], next_url: str | None = None) -> dict[str, Any]:
    data = {"count": len(results), "next": next_url, "previous": None, "results": results}
    return {"code": 1000, "data": data, "message": "success"}


def test_liveavatar_asks_for_active_sessions_a_hundred_at_a_time() -> None:
    request = LiveAvatar().list_request()
    assert (request.method, request.path) == (
        "GET",
        "/v1/sessions?type=active&page=1&page_size=100",
    )


@pytest.mark.parametrize(
    ("created_at", "expected"),
    [
        ("2026-11-21T09:00:00Z", datetime.datetime(2026, 11, 21, 9, 0, tzinfo=UTC)),
        ("2026-11-21T11:00:00+02:00", datetime.datetime(2026, 11, 21, 9, 0, tzinfo=UTC)),
        ("2026-11-21T09:00:00.250000", datetime.datetime(2026, 11, 21, 9, 0, 0, 250000, UTC)),
    ],
    ids=["Z", "offset", "no zone is UTC"],
)
def test_liveavatar_reads_created_at_as_an_aware_start(
    created_at: str, expected: datetime.datetime
) -> None:
    adapter = LiveAvatar()
    entry = {"id": LA_ID, "created_at": created_at, "mode": "LITE", "credits_consumed": 1.5}
    (session,) = _page(adapter.read_page(_answer(_liveavatar([entry]), None))).sessions
    assert session.started_at == expected
    assert session.started_at is not None and session.started_at.utcoffset() is not None
    assert (session.provider, session.session_id) == (Provider.LIVEAVATAR, LA_ID)
    assert session.fields["mode"] == "LITE" and session.fields["credits_consumed"] == 1.5
    with pytest.raises(TypeError):
        session.fields["mode"] = "FULL"  # type: ignore[index]


def test_liveavatar_follows_next_by_page_number_never_by_its_url() -> None:
    adapter = LiveAvatar()
    entry = {"id": LA_ID, "created_at": "2026-11-21T09:00:00Z"}
    body = _liveavatar([entry], "https://api.liveavatar.com/v1/sessions?type=active&page=2")
    second = _page(adapter.read_page(_answer(body, adapter.list_request())))
    assert second.next is not None
    assert second.next.path == "/v1/sessions?type=active&page=2&page_size=100"
    body = _liveavatar([entry], "https://elsewhere.example/v1/sessions?page=3")
    third = _page(adapter.read_page(_answer(body, second.next)))
    assert third.next is not None and third.next.path.startswith("/v1/sessions?")
    assert "page=3" in third.next.path
    last = _page(adapter.read_page(_answer(_liveavatar([entry]), third.next)))
    assert last.next is None


def test_liveavatar_an_empty_page_ends_the_walk_whatever_next_says() -> None:
    page = _page(LiveAvatar().read_page(_answer(_liveavatar([], "https://x/?page=2"), None)))
    assert (page.sessions, page.next, page.seen) == ([], None, 0)


def test_liveavatar_leaves_out_a_session_that_carries_end_at() -> None:
    ended = {"id": LA_ID, "created_at": "2026-11-21T09:00:00Z", "end_at": "2026-11-21T09:05:00Z"}
    page = _page(LiveAvatar().read_page(_answer(_liveavatar([ended]), None)))
    assert (page.sessions, page.seen) == ([], 1)


def test_liveavatar_a_failing_code_or_a_422_is_a_verdict() -> None:
    adapter = LiveAvatar()
    failed = _verdict(
        adapter.read_page(_answer({"code": 4000, "data": None, "message": "no"}, None))
    )
    assert (failed.error, failed.vendor_code) == (errors.VendorError, 4000)
    detail = {"detail": [{"loc": ["query", "type"], "msg": "Field required", "type": "missing"}]}
    rejected = _verdict(adapter.read_page(_answer(detail, None, 422)))
    assert rejected.error is errors.RequestRejected
    assert rejected.vendor_message == "query.type: Field required"


# --- Akool: page numbers, one live status after the other ----------------------------------


def _akool(result: list[dict[str, Any]], count: int | None = None) -> dict[str, Any]:
    total = len(result) if count is None else count
    return {"code": 1000, "msg": "OK", "data": {"count": total, "result": result}}


def test_akool_lists_processing_then_queueing_sessions_page_by_page() -> None:
    adapter = Akool()
    first = adapter.list_request()
    assert first.path == "/api/open/v4/liveAvatar/session/list?page=1&size=100&status=2"
    entry = {"_id": "6698c9d69cf7b0d61d1b6420", "status": 2}
    page = _page(adapter.read_page(_answer(_akool([entry] * 100, count=150), first)))
    assert page.next is not None
    assert page.next.path == "/api/open/v4/liveAvatar/session/list?page=2&size=100&status=2"
    page = _page(adapter.read_page(_answer(_akool([entry] * 50, count=150), page.next)))
    assert page.next is not None
    assert page.next.path == "/api/open/v4/liveAvatar/session/list?page=1&size=100&status=1"
    page = _page(adapter.read_page(_answer(_akool([]), page.next)))
    assert page.next is None


def test_akool_keeps_queueing_and_processing_sessions_only() -> None:
    entries = [{"_id": f"6698c9d69cf7b0d61d1b642{n}", "status": n} for n in (1, 2, 3, 4)]
    page = _page(Akool().read_page(_answer(_akool(entries), None)))
    assert [s.session_id for s in page.sessions] == [e["_id"] for e in entries[:2]]
    assert page.seen == 4


def test_akool_reads_create_time_in_milliseconds_else_the_start_is_unknown() -> None:
    entries = [
        {"_id": "a" * 24, "status": 2, "create_time": 1700788730000, "stream_type": "agora"},
        {"_id": "b" * 24, "status": 2},
        {"_id": "c" * 24, "status": 2, "create_time": "yesterday"},
    ]
    timed, untimed, garbled = _page(Akool().read_page(_answer(_akool(entries), None))).sessions
    assert timed.started_at == datetime.datetime(2023, 11, 24, 1, 18, 50, tzinfo=UTC)
    assert timed.fields["stream_type"] == "agora" and timed.fields["create_time"] == 1700788730000
    assert untimed.started_at is None and garbled.started_at is None


@pytest.mark.parametrize(
    ("code", "error", "retry"),
    [
        (1005, errors.RateLimited, True),
        (1101, errors.AuthenticationError, False),
        (1102, errors.AuthenticationError, False),
        (1003, errors.RequestRejected, False),
        (1999, errors.VendorError, False),
    ],
)
def test_akool_business_codes_are_read_as_for_the_close(
    code: int, error: type[errors.SessionEndError], retry: bool
) -> None:
    verdict = _verdict(Akool().read_page(_answer({"code": code, "msg": "m"}, None)))
    assert (verdict.error, verdict.retry, verdict.vendor_code) == (error, retry, code)


# --- Digital Samba: offsets --------------------------------------------------------------


def _samba(data: list[dict[str, Any]], total: int | str | None = None) -> dict[str, Any]:
    return {"data": data, "total_count": str(len(data) if total is None else total)}


def _live(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"edb7a1cb-0627-44ed-9ae4-{n:012x}", "live": True, **extra}


def test_digitalsamba_trusts_live_not_end_time() -> None:
    entries = [
        _live(1, start_time="2026-11-21T09:00:00.000000Z", end_time="2026-11-21T09:30:00Z"),
        {"id": DS_ID, "live": False, "start_time": "2026-11-21T08:00:00Z"},
        {"id": "no-live-field"},
    ]
    page = _page(DigitalSamba().read_page(_answer(_samba(entries), None)))
    (session,) = page.sessions
    assert session.session_id == entries[0]["id"]
    assert session.started_at == datetime.datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    assert session.fields["end_time"] == "2026-11-21T09:30:00Z"
    assert page.seen == 3


def test_digitalsamba_pages_by_offset_plus_limit_until_total_count() -> None:
    adapter = DigitalSamba()
    first = adapter.list_request()
    assert first.path == "/api/v1/sessions?limit=100&offset=0&live=true"
    full = [_live(n) for n in range(100)]
    page = _page(adapter.read_page(_answer(_samba(full, "230"), first)))
    assert page.next is not None and page.seen == 100
    assert page.next.path == "/api/v1/sessions?limit=100&offset=100&live=true"
    # Sessions ended meanwhile: the page is short, and says how many it held.
    page = _page(adapter.read_page(_answer(_samba(full[:90], "250"), page.next)))
    assert page.seen == 90 and page.next is not None
    assert page.next.path == "/api/v1/sessions?limit=100&offset=200&live=true"
    page = _page(adapter.read_page(_answer(_samba([], "250"), page.next)))
    assert page.next is None


def test_digitalsamba_without_a_usable_total_a_full_page_has_a_successor() -> None:
    adapter = DigitalSamba()
    full = _samba([_live(n) for n in range(100)], "many")
    assert _page(adapter.read_page(_answer(full, None))).next is not None
    short = _samba([_live(1)], "many")
    assert _page(adapter.read_page(_answer(short, None))).next is None


def test_digitalsamba_an_unreadable_start_is_unknown_not_an_error() -> None:
    entry = _live(1, start_time="21/11/2026")
    (session,) = _page(DigitalSamba().read_page(_answer(_samba([entry]), None))).sessions
    assert session.started_at is None


def test_digitalsamba_a_listed_session_without_an_id_is_a_broken_answer() -> None:
    verdict = _verdict(DigitalSamba().read_page(_answer(_samba([{"live": True}]), None)))
    assert verdict.error is errors.UnexpectedResponse


def test_digitalsamba_a_429_is_retried_with_its_message() -> None:
    body = {"message": "Too Many Attempts.", "error": "rate-limit"}
    verdict = _verdict(DigitalSamba().read_page(_answer(body, None, 429)))
    assert (verdict.error, verdict.retry) == (errors.RateLimited, True)
    assert verdict.vendor_message == "Too Many Attempts."


# --- ElizaOS: one answer -----------------------------------------------------------------


def _eliza(sessions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"sessions": sessions, "total": len(sessions), "stats": {}}


def test_elizaos_lists_every_session_on_one_page() -> None:
    adapter = ElizaOS()
    assert adapter.list_request().path == "/api/messaging/sessions"
    entries: list[dict[str, Any]] = [
        {"sessionId": "s-1", "createdAt": "2026-11-21T09:00:00.123Z", "timeRemaining": 60_000},
        {"sessionId": "s-2", "createdAt": "2026-11-21T10:00:00+01:00", "timeRemaining": 0},
        {"sessionId": "s-3", "userId": "8a3d2b1c-4e5f-4a6b-9c7d-0e1f2a3b4c5d"},
    ]
    page = _page(adapter.read_page(_answer(_eliza(entries), None)))
    first, third = page.sessions  # s-2 has no time left
    assert first.started_at == datetime.datetime(2026, 11, 21, 9, 0, 0, 123000, UTC)
    assert first.fields["timeRemaining"] == 60_000
    assert (third.session_id, third.started_at) == ("s-3", None)
    assert (page.next, page.seen) == (None, 3)


def test_elizaos_an_error_envelope_is_read_into_the_verdict() -> None:
    body = {"success": False, "error": {"code": "RATE_LIMIT_EXCEEDED", "message": "slow"}}
    verdict = _verdict(ElizaOS().read_page(_answer(body, None, 429)))
    assert (verdict.error, verdict.vendor_code) == (errors.RateLimited, "RATE_LIMIT_EXCEEDED")
    text = _answer(b"Unauthorized", None, 401, {"content-type": "text/plain"})
    assert _verdict(ElizaOS().read_page(text)).error is errors.AuthenticationError


# --- OpenHands V1: a cursor ---------------------------------------------------------------

OH_ID = "3b9f2c51-a7d0-4e6f-8c1a-2b3c4d5e6f70"


def _conversation(n: int, status: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": OH_ID[:-2] + f"{n:02d}",
        "created_by_user_id": None,
        "sandbox_id": f"sandbox-{n}",
        "acp_server": None,
        "launched_agent_profile": None,
        "sandbox_status": status,
        "created_at": f"2026-11-21T09:{n:02d}:00Z",
        **extra,
    }


def _openhands(items: list[dict[str, Any]], next_page_id: str | None = None) -> dict[str, Any]:
    return {"items": items, "next_page_id": next_page_id}


def test_openhands_searches_conversations_a_hundred_at_a_time() -> None:
    request = OpenHands().list_request()
    assert (request.method, request.path) == (
        "GET",
        "/api/v1/app-conversations/search?limit=100&include_sub_conversations=false",
    )


def test_openhands_only_running_or_starting_sandboxes_are_live() -> None:
    statuses = ["RUNNING", "STARTING", "PAUSED", "MISSING", "ERROR"]
    items = [_conversation(n, status) for n, status in enumerate(statuses)]
    adapter = OpenHands()
    page = _page(adapter.read_page(_answer(_openhands(items), adapter.list_request())))
    assert [s.session_id for s in page.sessions] == [items[0]["id"], items[1]["id"]]
    assert (page.seen, page.next) == (5, None)
    assert page.sessions[1].fields["sandbox_status"] == "STARTING"
    with pytest.raises(TypeError):
        page.sessions[0].fields["sandbox_status"] = "PAUSED"  # type: ignore[index]


def test_openhands_follows_next_page_id_as_page_id() -> None:
    adapter = OpenHands()
    answer = _answer(_openhands([_conversation(1, "RUNNING")], "c/+ 2"), adapter.list_request())
    following = _page(adapter.read_page(answer)).next
    assert following is not None
    assert following.path == (
        "/api/v1/app-conversations/search?page_id=c%2F%2B+2&limit=100"
        "&include_sub_conversations=false"
    )
    last = _page(adapter.read_page(_answer(_openhands([_conversation(2, "PAUSED")]), following)))
    assert (last.sessions, last.next) == ([], None)


def test_openhands_an_empty_page_ends_the_walk_whatever_its_cursor() -> None:
    adapter = OpenHands()
    page = _page(adapter.read_page(_answer(_openhands([], "more"), adapter.list_request())))
    assert (page.sessions, page.next, page.seen) == ([], None, 0)


@pytest.mark.parametrize(
    ("created_at", "started"),
    [
        ("2026-11-21T09:05:00Z", datetime.datetime(2026, 11, 21, 9, 5, tzinfo=UTC)),
        (
            "2026-11-21T10:05:00.250000+01:00",
            datetime.datetime(2026, 11, 21, 9, 5, 0, 250000, tzinfo=UTC),
        ),
        ("2026-11-21T09:05:00", datetime.datetime(2026, 11, 21, 9, 5, tzinfo=UTC)),
    ],
    ids=["Z", "offset", "naive is UTC"],
)
def test_openhands_reads_created_at_as_an_aware_start(
    created_at: str, started: datetime.datetime
) -> None:
    item = _conversation(1, "RUNNING", created_at=created_at)
    adapter = OpenHands()
    (session,) = _page(adapter.read_page(_answer(_openhands([item]), None))).sessions
    assert session.started_at == started
    assert session.started_at is not None and session.started_at.utcoffset() is not None


def test_openhands_without_created_at_the_start_is_unknown() -> None:
    item = _conversation(1, "RUNNING")
    del item["created_at"]
    (session,) = _page(OpenHands().read_page(_answer(_openhands([item]), None))).sessions
    assert session.started_at is None


@pytest.mark.parametrize(
    "body",
    [
        {"next_page_id": None},
        {"items": [{"sandbox_id": "s", "sandbox_status": "RUNNING"}]},
        {"items": [_conversation(1, "ASLEEP")]},
        _openhands([_conversation(1, "RUNNING", created_at="yesterday")]),
        _openhands([_conversation(1, "RUNNING", id=7)]),
    ],
    ids=["no items", "required fields missing", "unknown status", "bad created_at", "id not text"],
)
def test_openhands_an_answer_that_breaks_the_spec_is_unexpected(body: dict[str, Any]) -> None:
    verdict = _verdict(OpenHands().read_page(_answer(body, None)))
    assert (verdict.error, verdict.http_status) == (errors.UnexpectedResponse, 200)


def test_openhands_a_401_or_a_422_is_a_verdict() -> None:
    refused = _verdict(OpenHands().read_page(_answer({"detail": "Unauthorized"}, None, 401)))
    assert (refused.error, refused.http_status) == (errors.AuthenticationError, 401)
    detail = {"detail": [{"loc": ["query", "limit"], "msg": "too big", "type": "x"}]}
    rejected = _verdict(OpenHands().read_page(_answer(detail, None, 422)))
    assert (rejected.error, rejected.http_status) == (errors.RequestRejected, 422)


def test_openhands_v0_does_not_list() -> None:
    assert OpenHands().lists() is True
    v0 = OpenHands({"api": "v0"})
    assert v0.lists() is False
    with pytest.raises(NotImplementedError):
        v0.list_request()


def _no_request(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"nothing may be sent: {request.url}")


V0_SETTINGS = {
    "openhands": ProviderSettings(api_key="oh-key", api="v0"),
    "elizaos": ProviderSettings(api_key="eliza-key"),
}


def test_v0_is_refused_before_any_request_and_left_out_of_a_default_sweep() -> None:
    transport = httpx.MockTransport(_no_request)
    with SessionEnder(transport=transport, settings=V0_SETTINGS) as ender:
        with pytest.raises(ValueError, match=r"openhands cannot list .*api=v0 \(OPENHANDS_API\)"):
            ender.live_sessions("openhands")
        with pytest.raises(ValueError, match="openhands cannot list"):
            ender.sweep(["openhands"], older_than=60)
    # A sweep of every configured provider asks ElizaOS only.
    asked: list[str] = []

    def eliza_only(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        return httpx.Response(200, json=_eliza([]))

    with SessionEnder(transport=httpx.MockTransport(eliza_only), settings=V0_SETTINGS) as ender:
        assert list(ender.sweep(older_than=60, dry_run=True)) == []
    assert asked == ["/api/messaging/sessions"]


def test_v0_is_refused_by_the_async_ender_too() -> None:
    async def main() -> None:
        transport = httpx.MockTransport(_no_request)
        async with AsyncSessionEnder(transport=transport, settings=V0_SETTINGS) as ender:
            with pytest.raises(ValueError, match="openhands cannot list"):
                ender.live_sessions("openhands")
            with pytest.raises(ValueError, match="openhands cannot list"):
                ender.sweep(["openhands"], older_than=60)

    asyncio.run(main())


# --- every vendor ------------------------------------------------------------------------

BROKEN = {
    Provider.LIVEAVATAR: {"code": 1000, "data": {"results": [{"id": "not-a-uuid"}]}},
    Provider.AKOOL: {"code": 1000, "msg": "OK", "data": {"count": 1, "result": [{"_id": 1}]}},
    Provider.DIGITALSAMBA: {"data": "none", "total_count": "0"},
    Provider.ELIZAOS: {"sessions": [{"sessionId": "s", "createdAt": "not a date"}]},
    Provider.OPENHANDS: {"items": [{"id": "c", "sandbox_status": "RUNNING"}]},
}


@pytest.mark.parametrize("provider", LISTING, ids=str)
def test_an_answer_that_breaks_the_spec_is_a_verdict_not_an_exception(provider: Provider) -> None:
    adapter = ADAPTERS[provider]()
    verdict = _verdict(adapter.read_page(_answer(BROKEN[provider], adapter.list_request())))
    assert (verdict.error, verdict.http_status) == (errors.UnexpectedResponse, 200)


@pytest.mark.parametrize("provider", LISTING, ids=str)
@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (
            Answer(200, {"content-type": "text/html"}, b"<html>portal</html>"),
            errors.UnexpectedResponse,
        ),
        (Answer(200, {}, b"", oversized=True), errors.UnexpectedResponse),
        (
            Answer(200, {"content-type": "application/json"}, b"{not json"),
            errors.UnexpectedResponse,
        ),
        (Answer(404, {"content-type": "application/json"}, b"{}"), errors.RequestRejected),
        (Answer(503, {"content-type": "text/plain"}, b"busy"), errors.ServerError),
    ],
    ids=["web page", "oversized", "not JSON", "no such list", "server error"],
)
def test_what_is_not_a_page_is_a_verdict_without_an_outcome(
    provider: Provider, answer: Answer, error: type[errors.SessionEndError]
) -> None:
    assert _verdict(ADAPTERS[provider]().read_page(answer)).error is error


def test_these_vendors_list_their_sessions() -> None:
    assert set(LISTING) >= set(BROKEN)
