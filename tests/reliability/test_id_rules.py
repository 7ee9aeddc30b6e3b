"""Session id rules found wanting by the hostile-id tests, pinned on real loopback sockets."""

from __future__ import annotations

import pytest
from sessionend import errors
from sessionend.testing import FakeVendors

from ._rel_support import MODES, AsyncCountingTransport, CountingTransport, end_with

# Built with chr(): some tools read lone surrogates in literals as one replacement character.
LONE_SURROGATES = [chr(0xD800), f"a{chr(0xDFFF)}b", chr(0xD83D), f"x{chr(0xDC80)}"]


@pytest.mark.parametrize("session_id", LONE_SURROGATES, ids=ascii)
@pytest.mark.parametrize("provider", ["akool", "openhands", "digitalsamba", "elizaos"])
@pytest.mark.parametrize("mode", MODES)
def test_an_id_with_a_lone_surrogate_is_refused_before_any_request(
    fake_vendors: FakeVendors, mode: str, provider: str, session_id: str
) -> None:
    # Such an id cannot be encoded as UTF-8: it used to escape as a UnicodeEncodeError
    # from inside the generated client, not as the documented InvalidSessionId.
    transport = CountingTransport() if mode == "sync" else AsyncCountingTransport()
    with pytest.raises(errors.InvalidSessionId, match="surrogate") as caught:
        end_with(mode, provider, session_id, settings=fake_vendors.settings(), transport=transport)
    assert caught.value.provider == provider
    assert transport.urls == []
    assert fake_vendors[provider].request_count == 0
