"""LiveAvatar, replayed from cassettes: success is body code 1000 (or 100) under HTTP 200."""

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
WRONG_KEY = {"liveavatar": ProviderSettings(api_key="not-a-valid-liveavatar-key")}


def test_success(ender: Ender) -> None:
    result = ender.end("liveavatar", live_session_id("liveavatar"))
    assert (result.outcome, result.http_status, result.vendor_code) == (Outcome.ENDED, 200, 1000)


def test_business_error(ender: Ender) -> None:
    with pytest.raises(errors.VendorError) as caught:
        ender.end("liveavatar", live_session_id("liveavatar"))
    assert (caught.value.http_status, caught.value.vendor_code) == (200, 4000)


def test_rejected(ender: Ender) -> None:
    with pytest.raises(errors.RequestRejected) as caught:
        ender.end("liveavatar", live_session_id("liveavatar"))
    assert caught.value.http_status == 422
    assert caught.value.vendor_message == "body.session_id: Input should be a valid UUID"


def test_not_found(ender: Ender) -> None:
    result = ender.end("liveavatar", UNKNOWN_IDS["liveavatar"], missing_ok=True)
    assert (result.outcome, result.http_status) == (Outcome.NOT_FOUND, 404)


def test_unauthorized(ender: Ender) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        ender.end("liveavatar", live_session_id("liveavatar"), settings=WRONG_KEY)
    assert caught.value.http_status == 401


def test_rate_limited(ender: Ender, waits: list[float]) -> None:
    result = ender.end("liveavatar", live_session_id("liveavatar"))
    assert (result.outcome, result.attempts) == (Outcome.ENDED, 2)
    assert waits == [pytest.approx(1.0, abs=0.1)]  # Retry-After honoured


# --- listing: GET /v1/sessions?type=active, by page number, while next is not null ------


def _created(entry: dict[str, object]) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(entry["created_at"]))


def test_list(lister: Lister) -> None:
    entries = declared_entries("liveavatar", "list_page", "results")
    first, _ = sessions_of(lister.walk("liveavatar"), [(entries, "id")], _created)
    assert first.started_at == datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    assert (first.fields["mode"], first.fields["is_sandbox"]) == ("FULL", False)


def test_list_paged(lister: Lister) -> None:
    pages = [
        (declared_entries("liveavatar", "list_first_page", "results"), "id"),
        (declared_entries("liveavatar", "list_second_page", "results"), "id"),
    ]
    assert len(sessions_of(lister.walk("liveavatar"), pages, _created)) == 101


def test_list_empty(lister: Lister) -> None:
    assert sessions_of(lister.walk("liveavatar"), [([], "id")], _created) == []


def test_list_unauthorized(lister: Lister) -> None:
    (verdict,) = lister.walk("liveavatar", credentials={"api_key": "not-a-valid-liveavatar-key"})
    assert isinstance(verdict, Verdict)
    assert (verdict.error, verdict.http_status) == (errors.AuthenticationError, 401)
