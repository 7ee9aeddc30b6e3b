"""FakeVendors: the five fake vendors served over real HTTP on one loopback port.

Each vendor lives under its own prefix, so its base URL is ``http://127.0.0.1:<port>/<provider>``
and its end-session path is the real one below that. The server is aiohttp on its own event
loop, in a background thread (``start()``, a context manager) or in the foreground (``serve``).
``/_fake/...`` is a small control API for clients in other processes: create sessions, read
their state, inject and clear faults, set a rate limit and read what it throttled
(``FakeVendors._control`` documents each route).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime
import email.utils
import secrets
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any
from urllib.parse import unquote

import attrs
from aiohttp import web

from .._config import ProviderSettings
from .._models import Provider
from ..providers import ADAPTERS
from ._faults import Fault, FaultKind
from .vendors import FAKES, FakeDigitalSamba, Received, Reply, Route, SessionState, Vendor
from .vendors._base import match

__all__ = ["FakeVendors"]

_DROP = object()
"""Stands for "close the connection without answering"."""

_Step = Reply | object | None


def default_credentials(provider: Provider) -> dict[str, str]:
    """Fresh, distinctive credentials for one fake, each credential its adapter declares."""
    token = secrets.token_hex(8)
    return {
        credential.name: f"fake-{provider.value}-{credential.name.replace('_', '-')}-{token}"
        for credential in ADAPTERS[provider].credentials
    }


class FakeVendors:
    """The five fake vendors on one loopback port.

    Args:
        host: The address to listen on; loopback unless you mean otherwise.
        port: The port, or 0 for a free one (read it back from ``port``).
        credentials: Per provider, the credentials the fake accepts, named as its adapter
            names them (``api_key``, or ``team_id`` and ``developer_key``); fresh ones are
            made for the rest. An ElizaOS
            ``api_key`` of ``""`` turns its authentication off, as an unset server token does.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        credentials: Mapping[Provider | str, Mapping[str, str]] | None = None,
    ) -> None:
        given = {Provider.parse(name): dict(value) for name, value in (credentials or {}).items()}
        self.host = host
        self.port = port
        self.vendors: dict[Provider, Vendor] = {
            provider: fake(given.get(provider) or default_credentials(provider))
            for provider, fake in FAKES.items()
        }
        self._by_prefix = {provider.value: vendor for provider, vendor in self.vendors.items()}
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        where = f"http://{self.host}:{self.port}" if self._runner else "not started"
        return f"<FakeVendors {where}>"

    def __getitem__(self, provider: Provider | str) -> Vendor:
        return self.vendors[Provider.parse(provider)]

    @property
    def digitalsamba(self) -> FakeDigitalSamba:
        """The Digital Samba fake, whose ``get_only`` mode answers POST with 405."""
        vendor = self.vendors[Provider.DIGITALSAMBA]
        assert isinstance(vendor, FakeDigitalSamba)
        return vendor

    # What a client needs to reach the fakes.

    def base_url(self, provider: Provider | str) -> str:
        """The base URL of one fake vendor."""
        return f"http://{self.host}:{self.port}/{Provider.parse(provider).value}"

    def settings(self) -> dict[Provider, ProviderSettings]:
        """Settings for SessionEnder and AsyncSessionEnder that point at the fakes."""
        return {
            provider: ProviderSettings.of(
                {
                    credential.name: vendor.credentials.get(credential.name)
                    for credential in ADAPTERS[provider].credentials
                },
                base_url=self.base_url(provider),
            )
            for provider, vendor in self.vendors.items()
        }

    def environment(self) -> dict[str, str]:
        """The environment variables that point sessionend at the fakes."""
        variables: dict[str, str] = {}
        for provider, vendor in self.vendors.items():
            names = ADAPTERS[provider].variables()
            values = {**vendor.credentials, "base_url": self.base_url(provider)}
            variables |= {names[field]: values[field] for field in names if field in values}
        return variables

    # The registry and faults, by provider.

    def create_session(
        self,
        provider: Provider | str,
        session_id: str | None = None,
        started_at: datetime.datetime | None = None,
    ) -> str:
        """Register an active session at one fake and return its id.

        ``started_at`` (an aware datetime, now by default) is when its list says it started.
        """
        return self[provider].create_session(session_id, started_at)

    def create_sessions(
        self, provider: Provider | str, count: int, started_at: datetime.datetime | None = None
    ) -> list[str]:
        """Register ``count`` active sessions at one fake, all started at ``started_at``."""
        vendor = self[provider]
        return [vendor.create_session(None, started_at) for _ in range(count)]

    def state(self, provider: Provider | str, session_id: str) -> SessionState | None:
        """A session's state at its fake, or None when the fake does not know it."""
        return self[provider].state(session_id)

    def limit(
        self,
        provider: Provider | str,
        requests: int | None,
        per: float | None = None,
        *,
        sliding: bool = False,
    ) -> None:
        """Rate-limit one fake as its vendor does: at most ``requests`` per ``per`` seconds.

        ``per`` defaults to the vendor's own window (one second; a minute at Digital Samba;
        15 minutes at ElizaOS); over the limit the fake answers with the vendor's own
        throttle (429 with its headers, or Akool's code 1005). ``sliding`` counts the last
        ``per`` seconds at every request instead of fixed windows. None removes the limit.
        """
        self[provider].limit(requests, per, sliding=sliding)

    def inject(self, provider: Provider | str, fault: Fault, session_id: str | None = None) -> None:
        """Apply ``fault`` to one fake's next requests (for ``session_id`` only, when given)."""
        self[provider].inject(fault, session_id)

    def clear_faults(self, provider: Provider | str | None = None) -> None:
        """Drop every pending fault of one fake (per session ones too), or of every fake."""
        vendors = self.vendors.values() if provider is None else [self[provider]]
        for vendor in vendors:
            vendor.clear_faults()

    # Running.

    def start(self) -> FakeVendors:
        """Serve in a background thread; returns once the port is bound."""
        if self._thread is not None:
            raise RuntimeError("these fakes are already running")
        loop = asyncio.new_event_loop()
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._loop = loop
        self._thread = threading.Thread(
            target=self._run_thread, args=(loop, ready), name="sessionend-fakes", daemon=True
        )
        self._thread.start()
        try:
            ready.result(timeout=30)
        except BaseException:
            self._thread.join(timeout=5)
            self._thread = self._loop = None
            raise
        return self

    def stop(self) -> None:
        """Stop serving and close every connection. Stopping twice is harmless."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._stop_site(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        self._loop = self._thread = None

    async def serve(self, started: asyncio.Event | None = None) -> None:
        """Serve on the running event loop until cancelled."""
        await self._start_site()
        if started is not None:
            started.set()
        try:
            await asyncio.Event().wait()
        finally:
            await self._stop_site()

    def __enter__(self) -> FakeVendors:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _run_thread(
        self, loop: asyncio.AbstractEventLoop, ready: concurrent.futures.Future[None]
    ) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._start_site())
        except BaseException as error:  # reported to start(), which re-raises it
            ready.set_exception(error)
            loop.close()
            return
        ready.set_result(None)
        loop.run_forever()
        loop.close()

    async def _start_site(self) -> None:
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # shutdown_timeout: a delayed answer must not hold up stop().
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, backlog=1024, reuse_address=True)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self.port = int(runner.addresses[0][1])
        self._runner = runner

    async def _stop_site(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    # Serving one request.

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        segments = [unquote(part) for part in request.raw_path.split("?", 1)[0].split("/")[1:]]
        if segments and segments[0] == "_fake":
            return await self._control(request, segments[1:])
        vendor = self._by_prefix.get(segments[0]) if segments else None
        listing = vendor.list_path if vendor is not None else None
        if vendor is not None and listing is not None and match(listing, segments[1:])[0]:
            return await self._list(vendor, request)
        route = vendor.route(segments[1:], request.query_string) if vendor else None
        if vendor is None or route is None:
            return _respond(Reply.json(404, {"detail": "Not Found"}))
        if _drops_unread(vendor, route.path_id):
            vendor.remember(Received(request.method, request.raw_path, dict(request.headers), b""))
            return _abort(request)
        body = await request.read()
        vendor.remember(Received(request.method, request.raw_path, dict(request.headers), body))
        allowed = vendor.methods() if route.method is None else frozenset({route.method})
        if request.method not in allowed:
            return _respond(vendor.not_allowed(request.method, route.path_id))
        step = await self._answer(vendor, request, route, body)
        if step is _DROP:
            return _abort(request)
        if isinstance(step, Fault):  # a literal answer, perhaps streamed
            return await _literal(request, step)
        assert isinstance(step, Reply)
        return _respond(step)

    async def _list(self, vendor: Vendor, request: web.Request) -> web.StreamResponse:
        """Serve the vendor's list route: faults, authentication and rate limit as for an end."""
        if _drops_unread(vendor, None):
            vendor.remember(Received(request.method, request.raw_path, dict(request.headers), b""))
            return _abort(request)
        body = await request.read()
        vendor.remember(Received(request.method, request.raw_path, dict(request.headers), body))
        if request.method != "GET":
            return _respond(vendor.not_allowed(request.method, None))
        fault = vendor.take_fault()
        step = await _before(vendor, fault)
        if step is None:
            step = vendor.authenticate(request.headers)
        if step is None:
            wait = vendor.over_limit()
            step = None if wait is None else vendor.rate_limited(wait)
        if step is None:
            step = vendor.listed(dict(request.query))
            if fault is not None and fault.after_processing:
                if fault.kind is FaultKind.DROP:
                    step = _DROP
                else:
                    await asyncio.sleep(fault.seconds)
        if step is _DROP:
            return _abort(request)
        if isinstance(step, Fault):
            return await _literal(request, step)
        assert isinstance(step, Reply)
        if vendor.clock_skew:
            # The vendor's clock, as its answers' Date header shows it.
            stamp = email.utils.formatdate(time.time() + vendor.clock_skew, usegmt=True)
            step = attrs.evolve(step, headers={**step.headers, "Date": stamp})
        return _respond(step)

    async def _answer(
        self, vendor: Vendor, request: web.Request, route: Route, body: bytes
    ) -> _Step:
        fault = vendor.take_fault()
        step = await _before(vendor, fault)
        if step is not None:
            return step
        refused = vendor.authenticate_route(route, request.headers)
        if refused is not None:
            return refused
        wait = vendor.over_limit()
        if wait is not None:
            return vendor.rate_limited(wait)
        session_id = vendor.session_id_for(route, body, request.headers)
        if isinstance(session_id, Reply):
            return session_id
        if fault is None:
            fault = vendor.take_fault(session_id)
            step = await _before(vendor, fault)
            if step is not None:
                return step
        reply = vendor.carry_out(route, session_id)
        if fault is not None and fault.after_processing:
            if fault.kind is FaultKind.DROP:
                return _DROP
            await asyncio.sleep(fault.seconds)
        return reply

    async def _control(self, request: web.Request, segments: list[str]) -> web.StreamResponse:
        """The control API, for clients in other processes. Bodies are JSON objects.

        ``POST /_fake/<provider>/sessions``
            Body ``{"count": n}`` (1 to 100000, default 1) or ``{"session_id": "..."}``
            (that id), or empty; ``"started_at"`` (ISO 8601 with an offset, now by default)
            is when they started. Answers 201 ``{"session_ids": [...]}``.
        ``GET /_fake/<provider>/sessions/<id>``
            Answers 200 ``{"state": "active" | "ended" | null}`` (null: unknown to the fake).
        ``POST /_fake/<provider>/faults``
            Body ``{"kind": ..., "times": n, "session_id": ..., ...}``: ``"kind"`` is one of
            status, rate_limited, delay, drop, malformed, answer; ``"times"`` is how many
            requests it applies to (default 1); ``"session_id"`` (optional) limits it to that
            session. The rest are the ``Fault`` fields the kind uses: ``"status"``,
            ``"seconds"``, ``"after_processing"``, ``"before_reading"``, ``"body"`` (text,
            sent as UTF-8), ``"content_type"``, ``"headers"`` (an object), ``"chunked"``.
            Answers 201 with the fault as applied (``times`` included), or 400 naming the
            field that is wrong.
        ``DELETE /_fake/<provider>/faults``
            Drops every pending fault of that fake, per session ones too. Answers 200
            ``{"cleared": true}``.
        ``PUT /_fake/<provider>/limit``
            Body ``{"requests": n | null, "per": seconds, "sliding": false}``: the fake's
            rate limit, as ``FakeVendors.limit`` sets it (``"per"`` defaults to the vendor's
            own window; null ``"requests"`` removes the limit). Answers 200 with the limit
            as applied, or 400 naming the field that is wrong.
        ``GET /_fake/<provider>/limit``
            Answers 200 ``{"requests", "per", "sliding", "received", "throttled"}``: the
            limit, the requests the fake has received and how many it throttled.

        Anything else answers 404.
        """
        try:
            vendor = self[segments[0]] if segments else None
        except ValueError as error:
            return _respond(Reply.json(404, {"error": str(error)}))
        if vendor is None or len(segments) < 2:
            return _respond(Reply.json(404, {"error": "no such control endpoint"}))
        data = await _json_object(request)
        if isinstance(data, Reply):
            return _respond(data)
        what, rest = segments[1], segments[2:]
        if what == "sessions" and request.method == "POST" and not rest:
            return _respond(_create(vendor, data))
        if what == "sessions" and request.method == "GET" and len(rest) == 1:
            state = vendor.state(rest[0])
            return _respond(Reply.json(200, {"state": state.value if state else None}))
        if what == "faults" and request.method == "DELETE" and not rest:
            vendor.clear_faults()
            return _respond(Reply.json(200, {"cleared": True}))
        if what == "faults" and request.method == "POST" and not rest:
            session_id = data.pop("session_id", None)
            try:
                fault = Fault.from_dict(data)
            except ValueError as error:
                return _respond(Reply.json(400, {"error": str(error)}))
            vendor.inject(fault, session_id if isinstance(session_id, str) else None)
            return _respond(Reply.json(201, attrs.asdict(fault, value_serializer=_plain)))
        if what == "limit" and not rest and request.method in ("PUT", "GET"):
            if request.method == "PUT":
                refused = _set_limit(vendor, data)
                if refused is not None:
                    return _respond(refused)
            return _respond(Reply.json(200, _limit(vendor, counts=request.method == "GET")))
        return _respond(Reply.json(404, {"error": "no such control endpoint"}))


def _set_limit(vendor: Vendor, data: dict[str, Any]) -> Reply | None:
    """Apply a limit sent to the control API; the refusal when a field is wrong."""
    unknown = sorted(set(data) - {"requests", "per", "sliding"})
    if unknown:
        return Reply.json(400, {"error": f"unknown limit field(s): {', '.join(unknown)}"})
    requests, per, sliding = data.get("requests"), data.get("per"), data.get("sliding", False)
    if requests is not None and (
        not isinstance(requests, int) or isinstance(requests, bool) or requests < 1
    ):
        return Reply.json(400, {"error": "requests must be a whole number of at least 1, or null"})
    if per is not None and (
        not isinstance(per, int | float) or isinstance(per, bool) or not 0 < per < 1e9
    ):
        return Reply.json(400, {"error": "per must be a positive number of seconds, or null"})
    if not isinstance(sliding, bool):
        return Reply.json(400, {"error": "sliding must be true or false"})
    vendor.limit(requests, None if per is None else float(per), sliding=sliding)
    return None


def _limit(vendor: Vendor, *, counts: bool) -> dict[str, Any]:
    limit: dict[str, Any] = {
        "requests": vendor.rate_limit,
        "per": vendor.window,
        "sliding": vendor.sliding,
    }
    if counts:
        limit |= {"received": vendor.request_count, "throttled": vendor.throttled}
    return limit


def _unread_drop(fault: Fault) -> bool:
    return fault.kind is FaultKind.DROP and fault.before_reading


def _drops_unread(vendor: Vendor, path_id: str | None) -> bool:
    """Whether a fault due now drops the connection before the body is read."""
    if vendor.take_fault(None, _unread_drop) is not None:
        return True
    return path_id is not None and vendor.take_fault(path_id, _unread_drop) is not None


def _abort(request: web.Request) -> web.Response:
    if request.transport is not None:
        request.transport.abort()
    return web.Response()


async def _before(vendor: Vendor, fault: Fault | None) -> _Step:
    """Apply the part of ``fault`` that comes before the end is carried out."""
    if fault is None or fault.after_processing:
        return None
    if fault.kind is FaultKind.DROP:
        return _DROP
    if fault.kind is FaultKind.DELAY:
        await asyncio.sleep(fault.seconds)
        return None
    if fault.kind is FaultKind.RATE_LIMITED:
        return vendor.rate_limited(fault.seconds)
    if fault.kind is FaultKind.MALFORMED:
        return vendor.malformed()
    if fault.kind is FaultKind.ANSWER:
        return fault
    return vendor.failure(fault.status)


async def _literal(request: web.Request, fault: Fault) -> web.StreamResponse:
    headers = {**dict(fault.headers), "Content-Type": fault.content_type}
    if not fault.chunked:
        return web.Response(status=fault.status, body=fault.body, headers=headers)
    response = web.StreamResponse(status=fault.status, headers=headers)
    response.enable_chunked_encoding()
    await response.prepare(request)
    for start in range(0, len(fault.body), 64 * 1024):
        try:
            await response.write(fault.body[start : start + 64 * 1024])
        except ConnectionError:  # the client stopped reading: that is what is being tested
            break
    return response


def _respond(reply: Reply) -> web.Response:
    headers = {**reply.headers, "Content-Type": reply.content_type}
    return web.Response(status=reply.status, body=reply.body, headers=headers)


def _create(vendor: Vendor, data: dict[str, Any]) -> Reply:
    count, session_id = data.get("count", 1), data.get("session_id")
    if session_id is not None and not isinstance(session_id, str):
        return Reply.json(400, {"error": "session_id must be a string"})
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 100_000:
        return Reply.json(400, {"error": "count must be a whole number from 1 to 100000"})
    started_at = _started_at(data.get("started_at"))
    if isinstance(started_at, Reply):
        return started_at
    if session_id is not None:
        return Reply.json(201, {"session_ids": [vendor.create_session(session_id, started_at)]})
    ids = [vendor.create_session(None, started_at) for _ in range(count)]
    return Reply.json(201, {"session_ids": ids})


def _started_at(value: object) -> datetime.datetime | Reply | None:
    if value is None:
        return None
    error = Reply.json(400, {"error": "started_at must be ISO 8601 with a time zone"})
    if not isinstance(value, str):
        return error
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return error
    return error if moment.tzinfo is None else moment


async def _json_object(request: web.Request) -> dict[str, Any] | Reply:
    raw = await request.read()
    if not raw:
        return {}
    try:
        data = await request.json()
    except ValueError:
        return Reply.json(400, {"error": "the body is not JSON"})
    if not isinstance(data, dict):
        return Reply.json(400, {"error": "the body must be a JSON object"})
    return data


def _plain(instance: object, field: object, value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value.value if isinstance(value, FaultKind) else value
