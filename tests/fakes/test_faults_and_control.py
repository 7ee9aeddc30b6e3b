"""Fault injection, the control API, and the fakes' life cycle."""

from __future__ import annotations

import httpx
import pytest
from sessionend import Outcome, SessionEnder, errors
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors, Fault, FaultKind, SessionState


def openhands_stop(fakes: FakeVendors, session_id: str, timeout: float = 5) -> httpx.Response:
    return httpx.post(
        fakes.base_url("openhands") + f"/api/conversations/{session_id}/stop",
        headers={"X-Session-API-Key": fakes["openhands"].credentials["api_key"]},
        timeout=timeout,
    )


def test_failing_answers_the_status_the_given_number_of_times(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.failing(503, times=2))
    statuses = [openhands_stop(fake_vendors, session_id).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert fake_vendors.state("openhands", session_id) is SessionState.ENDED


def test_a_session_fault_touches_only_that_session(fake_vendors: FakeVendors) -> None:
    target, other = fake_vendors.create_sessions("openhands", 2)
    fake_vendors.inject("openhands", Fault.failing(500), session_id=target)
    assert openhands_stop(fake_vendors, other).status_code == 200
    failed = openhands_stop(fake_vendors, target)
    assert (failed.status_code, failed.json()["status"]) == (500, "error")
    assert openhands_stop(fake_vendors, target).json()["conversation_status"] == "RUNNING"


def test_a_drop_before_processing_leaves_the_session_active(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.drop())
    with pytest.raises(httpx.RemoteProtocolError):
        openhands_stop(fake_vendors, session_id)
    assert fake_vendors.state("openhands", session_id) is SessionState.ACTIVE


def test_a_drop_before_reading_never_reads_the_request(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.drop(before_reading=True), session_id=session_id)
    with pytest.raises(httpx.RemoteProtocolError):
        openhands_stop(fake_vendors, session_id)
    assert fake_vendors.state("openhands", session_id) is SessionState.ACTIVE
    assert fake_vendors["openhands"].received[-1].body == b""
    with pytest.raises(ValueError, match="either before reading"):
        Fault.drop(before_reading=True, after_processing=True)


def test_a_drop_after_processing_is_a_lost_answer(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.drop(after_processing=True), session_id=session_id)
    with pytest.raises(httpx.RemoteProtocolError):
        openhands_stop(fake_vendors, session_id)
    assert fake_vendors.state("openhands", session_id) is SessionState.ENDED


def test_a_delay_outlasts_a_short_client_timeout(fake_vendors: FakeVendors) -> None:
    session_id = fake_vendors.create_session("openhands")
    fake_vendors.inject("openhands", Fault.delay(2.0))
    with pytest.raises(httpx.ReadTimeout):
        openhands_stop(fake_vendors, session_id, timeout=0.2)


def test_malformed_answers_cut_json_short(fake_vendors: FakeVendors) -> None:
    fake_vendors.inject("openhands", Fault.malformed())
    answer = openhands_stop(fake_vendors, "abc")
    assert answer.status_code == 200
    with pytest.raises(ValueError, match="Expecting"):
        answer.json()


def test_the_wrapper_rides_out_faults_against_the_fakes(fake_vendors: FakeVendors) -> None:
    with SessionEnder(settings=fake_vendors.settings()) as ender:
        flaky = fake_vendors.create_session("akool")
        fake_vendors.inject("akool", Fault.rate_limited(retry_after=0), session_id=flaky)
        assert ender.end("akool", flaky).attempts == 2
        lost = fake_vendors.create_session("elizaos")
        fake_vendors.inject("elizaos", Fault.drop(after_processing=True), session_id=lost)
        result = ender.end("elizaos", lost)
        assert (result.outcome, result.attempts) == (Outcome.ALREADY_ENDED, 2)
        broken = fake_vendors.create_session("liveavatar")
        fake_vendors.inject("liveavatar", Fault.malformed(), session_id=broken)
        with pytest.raises(errors.UnexpectedResponse):
            ender.end("liveavatar", broken)


def test_the_environment_points_a_default_ender_at_the_fakes(
    fake_vendors: FakeVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in fake_vendors.environment().items():
        monkeypatch.setenv(name, value)
    with SessionEnder() as ender:
        assert len(ender.configured_providers()) == len(ADAPTERS)
        for provider in ("liveavatar", "akool", "openhands", "digitalsamba", "elizaos"):
            session_id = fake_vendors.create_session(provider)
            assert ender.end(provider, session_id).outcome is Outcome.ENDED


def test_the_control_api_creates_sessions_and_injects_faults(fake_vendors: FakeVendors) -> None:
    control = f"http://127.0.0.1:{fake_vendors.port}/_fake/akool"
    created = httpx.post(f"{control}/sessions", json={"count": 3})
    assert created.status_code == 201
    session_ids = created.json()["session_ids"]
    assert len(set(session_ids)) == 3
    assert httpx.get(f"{control}/sessions/{session_ids[0]}").json() == {"state": "active"}
    assert httpx.get(f"{control}/sessions/unknown").json() == {"state": None}
    fault = httpx.post(f"{control}/faults", json={"kind": "status", "status": 502, "times": 2})
    assert fault.status_code == 201
    assert fake_vendors["akool"].take_fault() == Fault.failing(502, times=2)
    assert fake_vendors["akool"].take_fault() == Fault.failing(502, times=2)  # times=2
    literal = {"kind": "answer", "status": 200, "body": "<html/>", "headers": {"X-A": "1"}}
    assert httpx.post(f"{control}/faults", json=literal).json()["body"] == "<html/>"
    expected = Fault.answer(200, b"<html/>", headers={"X-A": "1"})
    assert fake_vendors["akool"].take_fault() == expected


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"kind": "explode"}, "fault kind must be one of"),
        ({"kind": "status", "status": "503"}, "fault status must be a int"),
        ({"kind": "delay", "seconds": True}, "fault seconds must be a float"),
        ({"kind": "drop", "after": True}, "unknown fault field"),
        ({"kind": "status", "times": 0}, "times"),
        ({"kind": "answer", "headers": {"X-A": 1}}, "fault headers must map strings"),
    ],
)
def test_the_control_api_names_what_is_wrong_with_a_fault(
    fake_vendors: FakeVendors, body: dict[str, object], problem: str
) -> None:
    answer = httpx.post(f"http://127.0.0.1:{fake_vendors.port}/_fake/akool/faults", json=body)
    assert answer.status_code == 400
    assert problem in answer.json()["error"]


def test_the_control_api_refuses_bad_requests(fake_vendors: FakeVendors) -> None:
    base = f"http://127.0.0.1:{fake_vendors.port}/_fake"
    assert httpx.post(f"{base}/nobody/sessions").status_code == 404
    assert httpx.post(f"{base}/akool/sessions", content=b"[").status_code == 400
    assert httpx.post(f"{base}/akool/sessions", json={"count": 0}).status_code == 400
    assert httpx.delete(f"{base}/akool/sessions").status_code == 404


def test_fault_constructors_check_their_arguments() -> None:
    with pytest.raises(ValueError, match="HTTP status"):
        Fault.failing(99)
    with pytest.raises(ValueError, match="0 or more"):
        Fault.delay(-1)
    assert Fault.drop(after_processing=True).kind is FaultKind.DROP


def test_stop_twice_is_harmless_and_start_twice_is_refused() -> None:
    fakes = FakeVendors().start()
    try:
        with pytest.raises(RuntimeError, match="already running"):
            fakes.start()
    finally:
        fakes.stop()
    fakes.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{fakes.port}/")


def test_a_busy_port_is_reported_by_start(fake_vendors: FakeVendors) -> None:
    with pytest.raises(OSError, match="address"):
        FakeVendors(port=fake_vendors.port).start()


def test_a_text_body_is_refused_when_the_fault_is_made() -> None:
    with pytest.raises(TypeError, match=r"body must be bytes.*encode"):
        Fault.answer(200, "x" * 1000, chunked=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="body must be bytes"):
        Fault(kind=FaultKind.ANSWER, body="x")  # type: ignore[arg-type]


def test_clear_faults_drops_pending_faults_of_one_fake_or_all(fake_vendors: FakeVendors) -> None:
    for provider in ("akool", "openhands"):
        fake_vendors.inject(provider, Fault.failing(503, times=5))
        fake_vendors.inject(provider, Fault.failing(500), session_id="s-1")
    fake_vendors.clear_faults("akool")
    assert fake_vendors["akool"].take_fault() is None
    assert fake_vendors["akool"].take_fault("s-1") is None
    assert fake_vendors["openhands"].take_fault() == Fault.failing(503, times=5)
    fake_vendors.clear_faults()
    assert fake_vendors["openhands"].take_fault() is None
    assert fake_vendors["openhands"].take_fault("s-1") is None


def test_the_control_api_clears_faults_and_says_how_many_times(fake_vendors: FakeVendors) -> None:
    control = f"http://127.0.0.1:{fake_vendors.port}/_fake/openhands/faults"
    made = httpx.post(control, json={"kind": "status", "status": 503})
    assert made.status_code == 201 and made.json()["times"] == 1  # the documented default
    httpx.post(control, json={"kind": "status", "status": 500, "session_id": "s-1"})
    cleared = httpx.delete(control)
    assert (cleared.status_code, cleared.json()) == (200, {"cleared": True})
    session_id = fake_vendors.create_session("openhands")
    assert openhands_stop(fake_vendors, session_id).status_code == 200
    assert fake_vendors["openhands"].take_fault("s-1") is None
    assert httpx.delete(control + "/extra").status_code == 404


def test_the_control_routes_document_their_request_bodies() -> None:
    from sessionend.testing._server import FakeVendors as Served

    doc = Served._control.__doc__ or ""
    for route in (
        "POST /_fake/<provider>/sessions",
        "GET /_fake/<provider>/sessions/<id>",
        "POST /_fake/<provider>/faults",
        "DELETE /_fake/<provider>/faults",
        "PUT /_fake/<provider>/limit",
        "GET /_fake/<provider>/limit",
    ):
        assert route in doc
    for field in ('"count"', '"session_id"', '"kind"', '"times"', "default 1"):
        assert field in doc


def test_the_control_api_limits_a_fake_and_counts_its_throttles(
    fake_vendors: FakeVendors,
) -> None:
    control = f"http://127.0.0.1:{fake_vendors.port}/_fake/openhands/limit"
    applied = httpx.put(control, json={"requests": 2, "per": 60})
    assert applied.json() == {"requests": 2, "per": 60.0, "sliding": False}
    session_id = fake_vendors.create_session("openhands")
    statuses = [openhands_stop(fake_vendors, session_id).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    counted = httpx.get(control).json()
    assert (counted["received"], counted["throttled"]) == (3, 1)
    assert httpx.put(control, json={"requests": None}).json()["requests"] is None
    assert openhands_stop(fake_vendors, session_id).status_code == 200


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"requests": 0}, "requests"),
        ({"requests": True}, "requests"),
        ({"requests": 5, "per": -1}, "per"),
        ({"requests": 5, "sliding": "yes"}, "sliding"),
        ({"requests": 5, "window": 1}, "unknown limit field"),
    ],
)
def test_the_control_api_names_what_is_wrong_with_a_limit(
    fake_vendors: FakeVendors, body: dict[str, object], problem: str
) -> None:
    answer = httpx.put(f"http://127.0.0.1:{fake_vendors.port}/_fake/akool/limit", json=body)
    assert answer.status_code == 400
    assert problem in answer.json()["error"]
    assert fake_vendors["akool"].rate_limit is None
