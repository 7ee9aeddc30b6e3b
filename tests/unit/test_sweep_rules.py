"""What a sweep picks: old enough by the vendor's clock, not kept, not twice, never of
unknown age unless asked, never one that started after the sweep began."""

from __future__ import annotations

import datetime

import pytest
from sessionend import LiveSession, Provider, Skipped
from sessionend._sweep import Picker, older_than_of, vendor_now

UTC = datetime.UTC
NOW = datetime.datetime(2026, 12, 2, 12, 0, 0, tzinfo=UTC)
MINUTE = datetime.timedelta(minutes=1)


def live(
    session_id: str, age: datetime.timedelta | None, provider: Provider = Provider.AKOOL
) -> LiveSession:
    started = None if age is None else NOW - age
    return LiveSession(provider, session_id, started)


def picker(**options: object) -> Picker:
    chosen = Picker(older_than_of(options.pop("older_than", 30 * 60)), **options)  # type: ignore[arg-type]
    chosen.begin(Provider.AKOOL, NOW)
    return chosen


def test_only_sessions_older_than_the_limit_are_picked() -> None:
    rules = picker()
    assert rules.pick(live("old", 31 * MINUTE), NOW) is True
    assert rules.pick(live("young", 29 * MINUTE), NOW) is False
    assert rules.pick(live("exact", 30 * MINUTE), NOW) is False


def test_no_session_is_picked_twice() -> None:
    rules = picker()
    assert rules.pick(live("old", 40 * MINUTE), NOW) is True
    assert rules.pick(live("old", 40 * MINUTE), NOW + MINUTE) is False


def test_kept_ids_and_pairs_are_left_alone() -> None:
    rules = picker(keep=["by-id", ("akool", "by-pair"), (Provider.ELIZAOS, "other-vendor")])
    assert rules.pick(live("by-id", 60 * MINUTE), NOW) is False
    assert rules.pick(live("by-pair", 60 * MINUTE), NOW) is False
    assert rules.pick(live("other-vendor", 60 * MINUTE), NOW) is True  # kept at ElizaOS only


def test_unknown_age_is_skipped_and_said_once_unless_asked() -> None:
    rules = picker()
    decision = rules.pick(live("ageless", None), NOW)
    assert isinstance(decision, Skipped) and "unknown" in decision.reason
    assert rules.pick(live("ageless", None), NOW) is False
    assert picker(end_unknown_age=True).pick(live("ageless", None), NOW) is True


def test_a_session_started_after_the_sweep_began_is_never_picked() -> None:
    rules = picker(older_than=0)
    assert rules.pick(live("before", datetime.timedelta(seconds=1)), NOW) is True
    after = LiveSession(Provider.AKOOL, "after", NOW + datetime.timedelta(seconds=5))
    assert rules.pick(after, NOW + datetime.timedelta(minutes=10)) is False


def test_ages_are_measured_on_the_vendors_clock() -> None:
    """This machine's clock runs an hour fast: the vendor's Date decides, not it."""
    fast_local = NOW + datetime.timedelta(hours=1)
    date = "Wed, 02 Dec 2026 12:00:00 GMT"
    assert vendor_now({"date": date}, fast_local) == NOW
    rules = picker()
    session = live("twenty-minutes", 20 * MINUTE)
    assert rules.pick(session, vendor_now({"date": date}, fast_local)) is False
    assert vendor_now({}, fast_local) == fast_local  # no Date: the only clock there is
    assert vendor_now({"date": "garbage"}, fast_local) == fast_local


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), "30m", True])
def test_older_than_must_be_a_duration(bad: object) -> None:
    with pytest.raises(ValueError, match="older_than"):
        older_than_of(bad)  # type: ignore[arg-type]


def test_keep_holds_ids_or_pairs() -> None:
    with pytest.raises(ValueError, match="keep"):
        Picker(older_than_of(60), keep=[("akool", "a", "extra")])  # type: ignore[list-item]


def test_a_pass_hands_its_targets_over_one_provider_after_another() -> None:
    """Grouped by provider, end_many would keep every lane but the first idle for a while."""
    from sessionend._sweep import interleaved

    picked = [live(f"a{n}", MINUTE, Provider.AKOOL) for n in range(3)]
    picked += [live("e0", MINUTE, Provider.ELIZAOS)]
    assert interleaved(picked) == [
        (Provider.AKOOL, "a0"),
        (Provider.ELIZAOS, "e0"),
        (Provider.AKOOL, "a1"),
        (Provider.AKOOL, "a2"),
    ]
