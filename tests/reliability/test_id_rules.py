"""Session id rules found wanting by the hostile-id tests, pinned on real loopback sockets."""

from __future__ import annotations

import pytest
from sessionend import Outcome, errors
from sessionend.providers import ADAPTERS
from sessionend.testing import FakeVendors, SessionState

from ._rel_support import MODES, UUID, AsyncCountingTransport, CountingTransport, end_with

# Built with chr(): some tools read lone surrogates in literals as one replacement character.
LONE_SURROGATES = [chr(0xD800), f"a{chr(0xDFFF)}b", chr(0xD83D), f"x{chr(0xDC80)}"]


@pytest.mark.parametrize("session_id", LONE_SURROGATES, ids=ascii)
@pytest.mark.parametrize("provider", [provider.value for provider in ADAPTERS])
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


UUID_DIGITS = UUID.replace("-", "")
NOT_QUITE_UUIDS = {
    "braces": "{" + UUID + "}",
    "urn": "urn:uuid:" + UUID,
    "no dashes": UUID_DIGITS,
    "moved dash": UUID[:8] + UUID[9:13] + "-" + UUID[8] + UUID[13:],
    # int() syntax: uuid.UUID() read these as a *different* UUID, 003fa85f-....
    "sign and underscore": "+" + UUID_DIGITS[:26] + "_" + UUID_DIGITS[26:30],
    "padding spaces": " " + UUID_DIGITS[:30] + " ",
    "fullwidth digit": "\uff13" + UUID[1:],
}


@pytest.mark.parametrize("session_id", NOT_QUITE_UUIDS.values(), ids=NOT_QUITE_UUIDS.keys())
@pytest.mark.parametrize("mode", MODES)
def test_liveavatar_refuses_what_only_uuid_parsing_accepts(
    fake_vendors: FakeVendors, mode: str, session_id: str
) -> None:
    transport = CountingTransport() if mode == "sync" else AsyncCountingTransport()
    with pytest.raises(errors.InvalidSessionId, match="UUID"):
        end_with(
            mode, "liveavatar", session_id, settings=fake_vendors.settings(), transport=transport
        )
    assert transport.urls == []
    assert fake_vendors["liveavatar"].request_count == 0


@pytest.mark.parametrize("session_id", [UUID, UUID.upper()], ids=["lower", "upper"])
@pytest.mark.parametrize("mode", MODES)
def test_liveavatar_ends_a_hyphenated_uuid_in_either_case(
    fake_vendors: FakeVendors, mode: str, session_id: str
) -> None:
    fake_vendors.create_session("liveavatar", UUID)
    result = end_with(mode, "liveavatar", session_id, settings=fake_vendors.settings())
    assert result.outcome is Outcome.ENDED
    assert result.session_id == session_id
    assert fake_vendors.state("liveavatar", UUID) is SessionState.ENDED
