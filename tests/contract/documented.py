"""The documented vendors: each vendor's documented answers, as its fake declares them.

There is one double per vendor: ``sessionend.testing.vendors.<vendor>`` declares what the
vendor documents (``ANSWERS``, each with its source) and the scenarios an end can meet
(``scenarios``, the answers it gets in order). The fakes answer with those declarations; the
committed cassettes were recorded from them (``CONTRACT_DOCUMENTED_VENDORS=1``), because no
real vendor account is reachable from CI; and ``test_documented.py`` checks that every
cassette still holds exactly the declared answers. ``tests/contract/README.md`` says how to
re-record against the real vendors.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import httpx
from sessionend import Provider
from sessionend.testing.vendors import FAKES, Reply

from .recording import SESSION_IDS

__all__ = ["UNKNOWN_IDS", "DocumentedVendor", "documented_replies", "session_id_for"]

UNKNOWN_IDS: Mapping[str, str] = {
    vendor: re.sub(r"[0-9A-Za-z]", "0", example) for vendor, example in SESSION_IDS.items()
}
"""Ids no vendor knows, each in the shape of the vendor's example id: the not-found
scenarios end these."""


def session_id_for(vendor: str, scenario: str) -> str:
    """The id a scenario's cassette ends: an unknown one for ``not_found`` (and a vendor's
    other API's ``<api>_not_found``), else the example."""
    unknown = scenario == "not_found" or scenario.endswith("_not_found")
    return UNKNOWN_IDS[vendor] if unknown else SESSION_IDS[vendor]


def documented_replies(vendor: str, scenario: str) -> tuple[Reply, ...]:
    """The answers the vendor's fake declares for ``scenario``, in order.

    Raises:
        KeyError: When the fake declares no such scenario.
    """
    fake = FAKES[Provider(vendor)]
    if scenario not in fake.scenarios:
        raise KeyError(f"{vendor} declares no scenario {scenario!r}; add it to its fake")
    return fake.scenario(scenario, session_id_for(vendor, scenario))


class DocumentedVendor:
    """An httpx handler answering one scenario's requests with its documented answers, in order."""

    def __init__(self, vendor: str, scenario: str) -> None:
        self.scenario = f"{vendor}/{scenario}"
        self.pending = list(documented_replies(vendor, scenario))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.pending:
            raise AssertionError(f"{self.scenario}: more requests than documented answers")
        reply = self.pending.pop(0)
        headers = {**reply.headers, "Content-Type": reply.content_type}
        return httpx.Response(reply.status, headers=headers, content=reply.body)
