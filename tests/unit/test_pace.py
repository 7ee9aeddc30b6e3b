"""Each provider's pace: slots at the rate, a vendor's wait pauses everyone, throttles
shrink the rate once per window, and it grows back (slow start, then CUBIC)."""

from __future__ import annotations

import pytest
from sessionend._pace import BETA, CUBIC_C, MIN_RATE, SLOW_START_DOUBLING, Pace, Pacing


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def take_and_send(
    pace: Pace, clock: Clock, *, throttled: bool = False, wait: float | None = None
) -> float:
    """Take a slot, wait its turn, send, and report the answer; return the wait."""
    slot = pace.take()
    clock.now += slot.wait
    pace.answered(slot, throttled=throttled, wait=wait)
    return slot.wait


def test_slots_are_spaced_at_the_rate() -> None:
    clock = Clock()
    pace = Pace(10.0, Pacing.FIXED, clock)
    waits = [pace.take().wait for _ in range(5)]
    assert waits == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])


def test_without_a_documented_rate_nothing_waits_until_a_throttle() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    assert [pace.take().wait for _ in range(50)] == [0.0] * 50
    assert pace.rate is None


def test_a_vendors_wait_pauses_every_later_slot() -> None:
    """A Retry-After heard by one end holds back every end of the provider."""
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    slot = pace.take()
    pace.answered(slot, throttled=True, wait=3.0)
    assert pace.take().wait >= 3.0
    assert pace.delay() >= 3.0


@pytest.mark.parametrize("pacing", [Pacing.FIXED, Pacing.ADAPTIVE])
def test_the_pause_holds_for_fixed_and_adaptive(pacing: Pacing) -> None:
    clock = Clock()
    pace = Pace(100.0, pacing, clock)
    pace.answered(pace.take(), throttled=True, wait=2.0)
    assert pace.take().wait == pytest.approx(2.0, abs=0.02)


def test_a_throttle_drops_the_rate_to_beta_of_what_was_sent() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    slots = [pace.take() for _ in range(20)]  # 20 sent within the last second
    pace.answered(slots[-1], throttled=True)
    assert pace.rate == pytest.approx(20 * BETA)


def test_a_throttle_drops_the_rate_to_beta_of_what_got_through() -> None:
    """What the vendor accepted is its limit; what was sent overshoots it."""
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    for _ in range(30):
        take_and_send(pace, clock)  # 30 accepted within the last second
    slots = [pace.take() for _ in range(20)]  # 50 sent
    pace.answered(slots[-1], throttled=True)
    assert pace.rate == pytest.approx(30 * BETA)


def test_a_faster_pace_brings_the_next_slot_sooner() -> None:
    """Ends holding slots spaced at the old rate do not hold back the new one."""
    clock = Clock()
    pace = Pace(10.0, Pacing.ADAPTIVE, clock)
    waiting = [pace.take() for _ in range(10)]  # one every 0.1 s, up to 1 s ahead
    clock.now += SLOW_START_DOUBLING
    pace.answered(waiting[1], throttled=False)  # it waited: slow start doubles the rate
    assert pace.rate == pytest.approx(20.0)
    # Half a second of slots was left at 10/s; at 20/s they take a quarter of a second.
    assert pace.take().wait == pytest.approx(0.25)


def test_throttles_already_in_flight_drop_the_rate_once() -> None:
    """Like TCP's one reduction per window: answers to slots taken before the drop."""
    clock = Clock()
    pace = Pace(50.0, Pacing.ADAPTIVE, clock)
    slots = [pace.take() for _ in range(10)]
    pace.answered(slots[0], throttled=True)
    dropped = pace.rate
    for slot in slots[1:]:
        pace.answered(slot, throttled=True)
    assert pace.rate == dropped
    assert pace.throttles == 10


def test_fixed_pacing_never_changes_its_rate() -> None:
    clock = Clock()
    pace = Pace(5.0, Pacing.FIXED, clock)
    for _ in range(10):
        take_and_send(pace, clock, throttled=True)
    assert pace.rate == 5.0


def test_off_never_waits_even_after_throttles() -> None:
    clock = Clock()
    pace = Pace(5.0, Pacing.OFF, clock)
    pace.answered(pace.take(), throttled=True)
    assert [pace.take().wait for _ in range(10)] == [0.0] * 10


def test_slow_start_doubles_the_documented_rate_while_it_is_the_limit() -> None:
    """The documented rate is where pacing starts, not a ceiling."""
    clock = Clock()
    pace = Pace(10.0, Pacing.ADAPTIVE, clock)
    for _ in range(200):
        take_and_send(pace, clock)
        if clock.now >= 103.0:
            break
    assert pace.rate is not None and pace.rate >= 40.0  # doubled at least twice in 3 s


def test_after_a_throttle_the_rate_climbs_back_to_the_peak_in_cubic_time() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    slots = [pace.take() for _ in range(50)]
    pace.answered(slots[-1], throttled=True)
    assert pace.rate == pytest.approx(50 * BETA)
    recovery = (50 * (1 - BETA) / CUBIC_C) ** (1 / 3)
    while clock.now < 100.0 + recovery + 0.05:
        take_and_send(pace, clock)
    assert pace.rate == pytest.approx(50.0, rel=0.05)
    while clock.now < 100.0 + 2 * recovery:
        take_and_send(pace, clock)
    assert pace.rate is not None and pace.rate > 50.0  # then probes past it


def test_the_rate_never_falls_below_the_floor() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    for _ in range(30):
        take_and_send(pace, clock, throttled=True)
    assert pace.rate is not None and pace.rate >= MIN_RATE


def test_a_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Pace(0.0)
