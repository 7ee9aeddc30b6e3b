"""The fake vendors in their own process, and the requests each vendor expects.

The server runs in a separate process so it has a core of its own: a server sharing the
client's interpreter would slow both, and hide where the time goes. Its CPU time is read
around each measurement, so a server bottleneck shows in the output.

Every vendor comes from the registry (``sessionend.providers.ADAPTERS``): its fake
credentials are made from the names its adapter declares, and the request a hand-written
client sends is the one its adapter describes. A vendor added to the registry is benchmarked
as it is.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import multiprocessing
import multiprocessing.connection
import time
from collections.abc import Mapping
from types import TracebackType

import attrs
import httpx
import psutil
from sessionend import EndReason, Provider, ProviderSettings
from sessionend.providers import ADAPTERS, Adapter

__all__ = [
    "CREDENTIALS",
    "PROVIDERS",
    "FakeServer",
    "RawRequest",
    "adapter",
    "raw_request",
    "settings_for",
]

PROVIDERS = tuple(ADAPTERS)


def _credentials(provider: Provider) -> dict[str, str]:
    # Fixed, fake values: the client side must know what the server accepts.
    return {
        credential.name: f"bench-{provider.value}-{credential.name}"
        for credential in ADAPTERS[provider].credentials
    }


CREDENTIALS: Mapping[Provider, Mapping[str, str]] = {
    provider: _credentials(provider) for provider in PROVIDERS
}

OPTIONS: Mapping[Provider, Mapping[str, str]] = {Provider.OPENHANDS: {"api": "v0"}}
"""Options the benchmarks run with: every variant compares one request per end, and
OpenHands' V1 end takes two (the sandbox lookup, then the pause), which a hand-written
loop could only send by reading the first answer. Every other vendor runs as configured
by default, a new one included."""

# One adapter per vendor, for describing requests; none of them ever sees an answer here,
# so one that remembers what worked (Digital Samba's method) describes its first try.
_ADAPTERS: Mapping[Provider, Adapter] = {
    provider: ADAPTERS[provider]({**CREDENTIALS[provider], **OPTIONS.get(provider, {})})
    for provider in PROVIDERS
}

LIFETIME = 1800.0
"""Seconds after which the server process stops by itself, whatever happens to its parent."""


def adapter(provider: Provider) -> Adapter:
    """The adapter that describes ``provider``'s requests in the benchmarks."""
    return _ADAPTERS[provider]


@attrs.frozen
class RawRequest:
    """One end-session request as a hand-written client sends it: nothing left to build."""

    method: str
    url: str
    headers: Mapping[str, str]
    content: bytes | None = None


def raw_request(base_url: str, provider: Provider, session_id: str) -> RawRequest:
    """The request that ends ``session_id`` at ``provider``, as its adapter describes it.

    Method, path, body and headers are the adapter's, the credential headers its
    ``auth_headers``: the bytes a client written from the vendor's documentation sends.
    """
    described = _ADAPTERS[provider]
    request = described.request(session_id, EndReason.USER_CLOSED)
    headers = {**request.headers, **described.auth_headers(CREDENTIALS[provider])}
    return RawRequest(request.method, base_url + request.path, headers, request.body)


def settings_for(port: int) -> dict[Provider, ProviderSettings]:
    """Settings for SessionEnder and AsyncSessionEnder that point at the server on ``port``."""
    return {
        provider: ProviderSettings.of(
            {**CREDENTIALS[provider], **OPTIONS.get(provider, {})},
            base_url=f"http://127.0.0.1:{port}/{provider.value}",
        )
        for provider in PROVIDERS
    }


def _serve(port: int, ready: multiprocessing.connection.Connection) -> None:
    # Runs in the child process: the fakes in the foreground of its own event loop.
    from sessionend.testing import FakeVendors

    async def main() -> None:
        credentials = {provider.value: dict(values) for provider, values in CREDENTIALS.items()}
        fakes = FakeVendors(port=port, credentials=credentials)
        started = asyncio.Event()
        serving = asyncio.ensure_future(fakes.serve(started))
        await started.wait()
        loop = type(asyncio.get_running_loop()).__module__.split(".")[0]
        ready.send((fakes.port, loop))
        with contextlib.suppress(TimeoutError):  # the lifetime is up: stop
            await asyncio.wait_for(serving, LIFETIME)

    # The server must outrun the fastest client it is compared with, or the comparison
    # measures the server: uvloop's event loop serves the same fakes faster. The clients
    # keep asyncio's own loop, as most programs do.
    try:
        import uvloop
    except ImportError:
        asyncio.run(main())
    else:
        uvloop.run(main())


class FakeServer:
    """The fake vendors served by a child process on a loopback port."""

    def __init__(self) -> None:
        self.port = 0
        self.loop = ""
        """The server's event loop: uvloop where it is installed, else asyncio."""
        self._process: multiprocessing.process.BaseProcess | None = None
        self._control: httpx.Client | None = None
        self._cpu: psutil.Process | None = None

    def start(self) -> FakeServer:
        """Start the child process; returns once it listens."""
        context = multiprocessing.get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_serve, args=(0, send), daemon=True)
        process.start()
        self._process = process
        # Wait for the port, or for the child to die trying.
        multiprocessing.connection.wait([receive, process.sentinel], timeout=60)
        if not receive.poll():
            self.stop()
            raise RuntimeError("the fake vendors did not start (within 60 s)")
        port, self.loop = receive.recv()
        self.port = int(port)
        self._control = httpx.Client(timeout=60)
        self._cpu = psutil.Process(process.pid)
        return self

    def stop(self) -> None:
        """Stop the child process. Stopping twice is harmless."""
        if self._control is not None:
            self._control.close()
            self._control = None
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join(10)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def base_url(self, provider: Provider) -> str:
        """The base URL of one fake vendor."""
        return settings_for(self.port)[provider].base_url or ""

    def settings(self) -> dict[Provider, ProviderSettings]:
        """Settings for SessionEnder and AsyncSessionEnder that point at the server."""
        return settings_for(self.port)

    def create_sessions(
        self, provider: Provider, count: int, started_at: datetime.datetime | None = None
    ) -> list[str]:
        """Register ``count`` active sessions at one fake vendor and return their ids.

        ``started_at`` (an aware datetime, now by default) is when the vendor's list says
        they started.
        """
        assert self._control is not None, "start the server first"
        ids: list[str] = []
        started = {} if started_at is None else {"started_at": started_at.isoformat()}
        while len(ids) < count:
            batch = min(count - len(ids), 100_000)
            answer = self._control.post(
                f"http://127.0.0.1:{self.port}/_fake/{provider.value}/sessions",
                json={"count": batch, **started},
            )
            answer.raise_for_status()
            ids.extend(answer.json()["session_ids"])
        return ids

    def state(self, provider: Provider, session_id: str) -> str | None:
        """One session's state at its fake: "active", "ended", or None if it is unknown."""
        assert self._control is not None, "start the server first"
        answer = self._control.get(
            f"http://127.0.0.1:{self.port}/_fake/{provider.value}/sessions/{session_id}"
        )
        answer.raise_for_status()
        state = answer.json()["state"]
        return None if state is None else str(state)

    def limit(self, provider: Provider, requests: int | None, per: float | None = None) -> None:
        """Rate-limit one fake vendor in fixed windows (its own window unless ``per``)."""
        assert self._control is not None, "start the server first"
        answer = self._control.put(
            f"http://127.0.0.1:{self.port}/_fake/{provider.value}/limit",
            json={"requests": requests, "per": per},
        )
        answer.raise_for_status()

    def counts(self, provider: Provider) -> tuple[int, int]:
        """Requests one fake vendor has received so far, and how many of them it throttled."""
        assert self._control is not None, "start the server first"
        answer = self._control.get(f"http://127.0.0.1:{self.port}/_fake/{provider.value}/limit")
        answer.raise_for_status()
        counted = answer.json()
        return int(counted["received"]), int(counted["throttled"])

    def targets(self, count: int) -> list[tuple[Provider, str]]:
        """``count`` fresh (provider, session_id) targets, spread evenly over the providers."""
        per_provider = {
            provider: self.create_sessions(provider, -(-count // len(PROVIDERS)))
            for provider in PROVIDERS
        }
        spread = []
        for index in range(count):
            provider = PROVIDERS[index % len(PROVIDERS)]
            spread.append((provider, per_provider[provider][index // len(PROVIDERS)]))
        return spread

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user and system)."""
        assert self._cpu is not None, "start the server first"
        times = self._cpu.cpu_times()
        return float(times.user + times.system)


@attrs.frozen
class Measured:
    """Wall and CPU time of one measured stretch, the server's CPU included."""

    wall: float
    client_cpu: float
    server_cpu: float


class Stopwatch:
    """Measures wall time, this process's CPU time and the server's CPU time."""

    def __init__(self, server: FakeServer) -> None:
        self.server = server
        self._start = (0.0, 0.0, 0.0)
        self.result = Measured(0.0, 0.0, 0.0)

    def __enter__(self) -> Stopwatch:
        self._start = (time.perf_counter(), time.process_time(), self.server.cpu_seconds())
        return self

    def __exit__(self, *exc: object) -> None:
        self.result = Measured(
            time.perf_counter() - self._start[0],
            time.process_time() - self._start[1],
            self.server.cpu_seconds() - self._start[2],
        )
