"""Each fake behaves as its vendor's server is known to, checked over raw HTTP."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from sessionend.testing import FakeVendors, SessionState


def post(fakes: FakeVendors, provider: str, path: str, **kwargs: object) -> httpx.Response:
    return httpx.post(fakes.base_url(provider) + path, timeout=5, **kwargs)  # type: ignore[arg-type]


def key(fakes: FakeVendors, provider: str) -> str:
    return fakes[provider].credentials["api_key"]


# LiveAvatar


def test_liveavatar_stops_an_active_session_then_answers_404(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("liveavatar")
    headers = {"X-API-KEY": key(fake_vendors, "liveavatar")}
    body = {"session_id": session_id, "reason": "USER_CLOSED"}
    first = post(fake_vendors, "liveavatar", "/v1/sessions/stop", json=body, headers=headers)
    assert (first.status_code, first.json()["code"]) == (200, 1000)
    assert fake_vendors.state("liveavatar", session_id) is SessionState.ENDED
    again = post(fake_vendors, "liveavatar", "/v1/sessions/stop", json=body, headers=headers)
    assert again.status_code == 404


def test_liveavatar_validates_the_body_with_the_spec_models(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("liveavatar")
    headers = {"X-API-KEY": key(fake_vendors, "liveavatar")}
    wrong_reason = {"session_id": session_id, "reason": "BORED"}
    answer = post(
        fake_vendors, "liveavatar", "/v1/sessions/stop", json=wrong_reason, headers=headers
    )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "reason"]
    no_id = post(fake_vendors, "liveavatar", "/v1/sessions/stop", json={}, headers=headers)
    assert (no_id.status_code, no_id.json()["detail"][0]["loc"]) == (422, ["body", "session_id"])
    assert fake_vendors.state("liveavatar", session_id) is SessionState.ACTIVE


def test_liveavatar_refuses_a_wrong_key(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("liveavatar")
    answer = post(
        fake_vendors,
        "liveavatar",
        "/v1/sessions/stop",
        json={"session_id": session_id},
        headers={"X-API-KEY": "wrong"},
    )
    assert answer.status_code == 401
    assert fake_vendors.state("liveavatar", session_id) is SessionState.ACTIVE


# Akool


def akool_close(fakes: FakeVendors, body: object, headers: dict[str, str]) -> dict[str, Any]:
    answer = post(
        fakes, "akool", "/api/open/v4/liveAvatar/session/close", json=body, headers=headers
    )
    assert answer.status_code == 200  # Akool's errors are business codes under 200
    result: dict[str, Any] = answer.json()
    return result


def test_akool_answers_every_case_with_a_business_code_under_200(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("akool")
    headers = {"x-api-key": key(fake_vendors, "akool")}
    closed = akool_close(fake_vendors, {"id": session_id}, headers)
    assert closed["code"] == 1000
    data = closed["data"]
    assert isinstance(data, dict) and isinstance(data.pop("closed_at"), int)
    assert data == {"session_id": session_id, "status": "closed"}
    assert akool_close(fake_vendors, {"id": session_id}, headers)["code"] == 1011
    assert akool_close(fake_vendors, {"id": "unknown"}, headers)["code"] == 1008


def test_akool_requires_the_specs_id_key(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("akool")
    headers = {"x-api-key": key(fake_vendors, "akool")}
    assert akool_close(fake_vendors, {"session_id": session_id}, headers)["code"] == 1003
    assert fake_vendors.state("akool", session_id) is SessionState.ACTIVE


def test_akool_auth_codes_and_authorization_wins(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("akool")
    body = {"id": session_id}
    assert akool_close(fake_vendors, body, {})["code"] == 1102
    assert akool_close(fake_vendors, body, {"x-api-key": "wrong"})["code"] == 1101
    both = {"x-api-key": key(fake_vendors, "akool"), "Authorization": "Bearer wrong"}
    assert akool_close(fake_vendors, body, both)["code"] == 1101
    bearer = {"Authorization": f"Bearer {key(fake_vendors, 'akool')}"}
    assert akool_close(fake_vendors, body, bearer)["code"] == 1000


# OpenHands


def test_openhands_reports_the_status_before_stopping(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("openhands")
    headers = {"X-Session-API-Key": key(fake_vendors, "openhands")}
    first = post(
        fake_vendors, "openhands", f"/api/conversations/{session_id}/stop", headers=headers
    )
    assert first.json()["conversation_status"] == "RUNNING"
    for conversation in (session_id, "never-started"):
        again = post(
            fake_vendors, "openhands", f"/api/conversations/{conversation}/stop", headers=headers
        )
        assert again.status_code == 200
        assert again.json()["message"] == "Conversation was not running"
        assert again.json()["conversation_status"] == "STOPPED"


def test_openhands_refuses_malformed_ids_and_wrong_keys(fake_vendors: FakeVendors) -> None:
    headers = {"X-Session-API-Key": key(fake_vendors, "openhands")}
    malformed = post(fake_vendors, "openhands", "/api/conversations/a%20b/stop", headers=headers)
    assert malformed.status_code == 400
    wrong = post(
        fake_vendors,
        "openhands",
        "/api/conversations/abc/stop",
        headers={"X-Session-API-Key": "no"},
    )
    assert wrong.status_code == 401


# Digital Samba


def basic(team: str, developer_key: str) -> str:
    return base64.b64encode(f"{team}:{developer_key}".encode()).decode()


def test_digitalsamba_success_is_an_empty_text_plain_200(fake_vendors: FakeVendors) -> None:
    credentials = fake_vendors["digitalsamba"].credentials
    session_id = fake_vendors.create_session("digitalsamba")
    headers = {
        "Authorization": f"Basic {basic(credentials['team_id'], credentials['developer_key'])}"
    }
    answer = post(
        fake_vendors, "digitalsamba", f"/api/v1/sessions/{session_id}/end", headers=headers
    )
    assert (answer.status_code, answer.text) == (200, "")
    assert answer.headers["content-type"].startswith("text/plain")
    again = post(
        fake_vendors, "digitalsamba", f"/api/v1/sessions/{session_id}/end", headers=headers
    )
    assert again.status_code == 404


@pytest.mark.parametrize("form", ["basic", "bearer-pair", "bearer-key"])
def test_digitalsamba_accepts_each_documented_auth_form(
    fake_vendors: FakeVendors, form: str
) -> None:
    credentials = fake_vendors["digitalsamba"].credentials
    pair = basic(credentials["team_id"], credentials["developer_key"])
    authorization = {
        "basic": f"Basic {pair}",
        "bearer-pair": f"Bearer {pair}",
        "bearer-key": f"Bearer {credentials['developer_key']}",
    }[form]
    session_id = fake_vendors.create_session("digitalsamba")
    path = f"/api/v1/sessions/{session_id}/end"
    assert (
        post(
            fake_vendors, "digitalsamba", path, headers={"Authorization": authorization}
        ).status_code
        == 200
    )
    wrong = f"Basic {basic(credentials['team_id'], 'wrong')}"
    refused = post(fake_vendors, "digitalsamba", path, headers={"Authorization": wrong})
    assert (refused.status_code, refused.json()) == (401, {"message": "Unauthenticated."})


def test_digitalsamba_get_only_mode_answers_post_with_405(fake_vendors: FakeVendors) -> None:
    fake_vendors.digitalsamba.get_only = True
    credentials = fake_vendors["digitalsamba"].credentials
    headers = {
        "Authorization": f"Basic {basic(credentials['team_id'], credentials['developer_key'])}"
    }
    session_id = fake_vendors.create_session("digitalsamba")
    url = fake_vendors.base_url("digitalsamba") + f"/api/v1/sessions/{session_id}/end"
    assert httpx.post(url, headers=headers).status_code == 405
    assert fake_vendors.state("digitalsamba", session_id) is SessionState.ACTIVE
    assert httpx.get(url, headers=headers).status_code == 200


# ElizaOS


def test_elizaos_answers_as_its_server_does(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("elizaos")
    url = fake_vendors.base_url("elizaos") + f"/api/messaging/sessions/{session_id}"
    headers = {"X-API-KEY": key(fake_vendors, "elizaos")}
    first = httpx.delete(url, headers=headers)
    assert first.json() == {
        "success": True,
        "message": f"Session {session_id} deleted successfully",
    }
    again = httpx.delete(url, headers=headers)
    assert (again.status_code, again.json()["error"]["code"]) == (404, "SESSION_NOT_FOUND")
    refused = httpx.delete(url, headers={"X-API-KEY": "wrong"})
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("text/plain")


def test_elizaos_without_a_token_needs_no_auth_and_forgets_on_restart() -> None:
    with FakeVendors(credentials={"elizaos": {"api_key": ""}}) as fakes:
        session_id = fakes.create_session("elizaos")
        fakes["elizaos"].forget_sessions()
        url = fakes.base_url("elizaos") + f"/api/messaging/sessions/{session_id}"
        assert httpx.delete(url).status_code == 404


# Rate limits, each with the vendor's own signal.


def test_each_vendor_rate_limits_with_its_own_headers(fake_vendors: FakeVendors) -> None:
    for provider in ("liveavatar", "akool", "openhands", "digitalsamba", "elizaos"):
        fake_vendors[provider].rate_limit = 0
    la = post(
        fake_vendors,
        "liveavatar",
        "/v1/sessions/stop",
        json={},
        headers={"X-API-KEY": key(fake_vendors, "liveavatar")},
    )
    assert la.status_code == 429 and {"retry-after", "x-ratelimit-reset"} <= set(la.headers)
    ak = post(
        fake_vendors,
        "akool",
        "/api/open/v4/liveAvatar/session/close",
        json={"id": "x"},
        headers={"x-api-key": key(fake_vendors, "akool")},
    )
    assert (ak.status_code, ak.json()["code"]) == (200, 1005)
    oh = post(
        fake_vendors,
        "openhands",
        "/api/conversations/x/stop",
        headers={"X-Session-API-Key": key(fake_vendors, "openhands")},
    )
    assert oh.status_code == 429
    assert {
        "retry-after",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    } <= set(oh.headers)
    credentials = fake_vendors["digitalsamba"].credentials
    ds = post(
        fake_vendors,
        "digitalsamba",
        "/api/v1/sessions/x/end",
        headers={
            "Authorization": f"Basic {basic(credentials['team_id'], credentials['developer_key'])}"
        },
    )
    assert (ds.status_code, ds.json()) == (
        429,
        {"message": "Too Many Attempts.", "error": "rate-limit"},
    )
    assert "retry-after" in ds.headers
    el = httpx.delete(
        fake_vendors.base_url("elizaos") + "/api/messaging/sessions/x",
        headers={"X-API-KEY": key(fake_vendors, "elizaos")},
    )
    assert (el.status_code, el.json()["error"]["code"]) == (429, "RATE_LIMIT_EXCEEDED")
    assert {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"} <= set(el.headers)
    assert "retry-after" not in el.headers


def test_the_rate_limit_counts_requests_in_a_window(fake_vendors: FakeVendors) -> None:
    fake_vendors["elizaos"].rate_limit = 2
    url = fake_vendors.base_url("elizaos") + f"/api/messaging/sessions/{uuid.uuid4()}"
    headers = {"X-API-KEY": key(fake_vendors, "elizaos")}
    statuses = [httpx.delete(url, headers=headers).status_code for _ in range(3)]
    assert statuses == [404, 404, 429]


def test_requests_are_logged_with_their_raw_path(fake_vendors: FakeVendors) -> None:
    headers = {"X-Session-API-Key": key(fake_vendors, "openhands")}
    post(fake_vendors, "openhands", "/api/conversations/a%2Fb/stop", headers=headers)
    received = fake_vendors["openhands"].received[-1]
    assert (received.method, received.raw_path) == (
        "POST",
        "/openhands/api/conversations/a%2Fb/stop",
    )
    assert fake_vendors["openhands"].request_count == 1
    assert key(fake_vendors, "openhands") not in repr(received)


def test_an_unknown_path_is_404(fake_vendors: FakeVendors) -> None:
    assert httpx.post(fake_vendors.base_url("akool") + "/nothing").status_code == 404
    assert json.loads(httpx.get(f"http://127.0.0.1:{fake_vendors.port}/nowhere").text)
