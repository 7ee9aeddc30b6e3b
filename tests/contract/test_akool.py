"""Akool, replayed from cassettes: success and errors arrive as body codes under HTTP 200."""

from __future__ import annotations

import datetime

import pytest
from sessionend import Outcome, ProviderSettings, errors
from sessionend.providers import Verdict

from .conftest import Ender, Lister
from .documented import UNKNOWN_IDS
from .listing import declared_entries, sessions_of
from .recording import live_session_id

pytestmark = pytest.mark.vcr
WRONG_KEY = {"akool": ProviderSettings(api_key="not-a-valid-akool-key")}


def test_success(ender: Ender) -> None:
    result = ender.end("akool", live_session_id("akool"))
    assert (result.outcome, result.http_status, result.vendor_code) == (Outcome.ENDED, 200, 1000)
    assert result.attempts == 1


def test_already_ended(ender: Ender) -> None:
    result = ender.end("akool", live_session_id("akool"))
    assert (result.outcome, result.vendor_code) == (Outcome.ALREADY_ENDED, 1011)


def test_not_found(ender: Ender) -> None:
    with pytest.raises(errors.SessionNotFound) as caught:
        ender.end("akool", UNKNOWN_IDS["akool"])
    assert (caught.value.http_status, caught.value.vendor_code) == (200, 1008)


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("akool", live_session_id("akool"), settings=WRONG_KEY)
    assert caught.value.vendor_code == 1101
    assert "not-a-valid-akool-key" not in str(caught.value)


def test_business_error(ender: Ender) -> None:
    with pytest.raises(errors.VendorError) as caught:
        ender.end("akool", live_session_id("akool"))
    assert (caught.value.vendor_code, caught.value.vendor_message) == (1010, "cannot be operated")


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("akool", live_session_id("akool"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert len(waits) == 1  # code 1005 is retried like a 429, after a backoff


def test_rate_limited_exhausted(ender: Ender) -> None:
    """Without pacing, a throttle is a retry like any other, and the retries run out."""
    with pytest.raises(errors.RateLimited) as caught:
        ender.end("akool", live_session_id("akool"), pacing="off")
    assert (caught.value.vendor_code, caught.value.attempts) == (1005, 3)


# --- listing: GET .../session/list, processing then queueing, by page number ------------


def _created(entry: dict[str, object]) -> datetime.datetime:
    milliseconds = entry["create_time"]
    assert isinstance(milliseconds, int)
    return datetime.datetime.fromtimestamp(milliseconds / 1000, datetime.UTC)


def test_list(lister: Lister) -> None:
    entries = declared_entries("akool", "list_page", "result")
    walk = lister.walk("akool")
    first, _ = sessions_of(walk, [(entries, "_id"), ([], "_id")], _created)
    assert first.started_at == datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    assert (first.fields["status"], first.fields["stream_type"]) == (2, "agora")


def test_list_paged(lister: Lister) -> None:
    pages = [
        (declared_entries("akool", "list_first_page", "result"), "_id"),
        (declared_entries("akool", "list_second_page", "result"), "_id"),
        ([], "_id"),  # the queueing sessions: none
    ]
    assert len(sessions_of(lister.walk("akool"), pages, _created)) == 101


def test_list_empty(lister: Lister) -> None:
    assert sessions_of(lister.walk("akool"), [([], "_id"), ([], "_id")], _created) == []


def test_list_unauthorized(lister: Lister) -> None:
    (verdict,) = lister.walk("akool", credentials={"api_key": "not-a-valid-akool-key"})
    assert isinstance(verdict, Verdict)
    assert (verdict.error, verdict.http_status, verdict.vendor_code) == (
        errors.AuthenticationError,
        200,
        1101,
    )
