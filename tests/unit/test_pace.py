"""Each provider's pace: a queue served at the rate, whose places follow the pace as it
changes; a vendor's wait pauses everyone; throttles shrink the rate once per overshoot, and
it grows back (slow start, then CUBIC's concave half, then probing)."""

from __future__ import annotations

import gc

import pytest
from sessionend._pace import (
    BETA,
    FIRST_RATE,
    MIN_RATE,
    NO_WAIT_PAUSE,
    NO_WAIT_PAUSE_MAX,
    PROBE_DOUBLING,
    RECOVERY,
    SLOW_START_DOUBLING,
    Pace,
    Pacing,
    Slot,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def send(pace: Pace, clock: Clock, slot: Slot | None = None) -> Slot:
    """Wait for a slot's turn as an end does (the clock moves), then send in it."""
    slot = pace.take() if slot is None else slot
    while (wait := pace.wait(slot)) > 0:
        clock.now += wait
    return slot


def take_and_send(
    pace: Pace, clock: Clock, *, throttled: bool = False, wait: float | None = None
) -> Slot:
    """Take a slot, wait its turn, send, and report the answer at once."""
    slot = send(pace, clock)
    pace.answered(slot, throttled=throttled, wait=wait)
    return slot


def test_places_are_served_at_the_rate() -> None:
    clock = Clock()
    pace = Pace(10.0, Pacing.FIXED, clock)
    slots = [pace.take() for _ in range(5)]
    assert [pace.wait(slot) for slot in slots] == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])


def test_adaptive_pacing_with_no_documented_rate_starts_from_the_first_rate() -> None:
    pace = Pace(None, Pacing.ADAPTIVE, Clock())
    assert pace.rate == FIRST_RATE
    slots = [pace.take() for _ in range(3)]
    assert [pace.wait(slot) for slot in slots] == pytest.approx([0, 1 / FIRST_RATE, 2 / FIRST_RATE])


def test_fixed_pacing_with_no_rate_never_waits() -> None:
    pace = Pace(None, Pacing.FIXED, Clock())
    assert [pace.wait(pace.take()) for _ in range(50)] == [0.0] * 50
    assert pace.rate is None


def test_idle_time_is_no_credit_for_a_burst() -> None:
    clock = Clock()
    pace = Pace(10.0, Pacing.FIXED, clock)
    send(pace, clock)
    clock.now += 60.0
    slots = [pace.take() for _ in range(3)]
    assert [pace.wait(slot) for slot in slots] == pytest.approx([0.0, 0.1, 0.2])


def test_a_vendors_wait_pauses_every_place_even_those_handed_out() -> None:
    """A Retry-After heard by one end holds back every end of the provider, including the
    ones already waiting for their turn: each would be one more throttle."""
    clock = Clock()
    pace = Pace(10.0, Pacing.ADAPTIVE, clock)
    first = send(pace, clock)
    waiting = [pace.take() for _ in range(3)]  # due 0.1, 0.2 and 0.3 s from now
    pace.answered(first, throttled=True, wait=3.0)
    assert min(pace.wait(slot) for slot in waiting) >= 3.0
    assert pace.delay() >= 3.0


@pytest.mark.parametrize("pacing", [Pacing.FIXED, Pacing.ADAPTIVE])
def test_the_pause_holds_for_fixed_and_adaptive(pacing: Pacing) -> None:
    clock = Clock()
    pace = Pace(100.0, pacing, clock)
    pace.answered(send(pace, clock), throttled=True, wait=2.0)
    assert pace.wait(pace.take()) == pytest.approx(2.0, abs=0.02)


def test_after_a_pause_the_places_that_fell_due_go_one_by_one() -> None:
    clock = Clock()
    pace = Pace(10.0, Pacing.FIXED, clock)
    first = send(pace, clock)
    waiting = [pace.take() for _ in range(4)]
    clock.now += 0.25  # two of them fell due, and their ends have not woken yet
    pace.answered(first, throttled=True, wait=1.0)
    waits = [pace.wait(slot) for slot in waiting]
    assert waits == pytest.approx([1.0, 1.1, 1.2, 1.3])


def test_a_dropped_end_leaves_no_hole_in_the_queue() -> None:
    """A cancelled end's slot is forgotten: the next one is first after a pause."""
    clock = Clock()
    pace = Pace(10.0, Pacing.FIXED, clock)
    first = send(pace, clock)
    cancelled, kept = pace.take(), pace.take()
    del cancelled
    gc.collect()
    pace.answered(first, throttled=True, wait=1.0)
    assert pace.wait(kept) == pytest.approx(1.0)


def test_a_throttle_drops_the_rate_to_beta_of_what_was_sent() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    slots = [send(pace, clock) for _ in range(20)]  # 20 sent within the last second
    pace.answered(slots[-1], throttled=True)
    assert pace.rate == pytest.approx(20 * BETA)


def test_a_throttle_drops_the_rate_to_beta_of_what_got_through() -> None:
    """What the vendor accepted is its limit; what was sent overshoots it."""
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    for _ in range(30):
        take_and_send(pace, clock)  # 30 accepted within the last second
    slots = [send(pace, clock) for _ in range(10)]
    pace.answered(slots[-1], throttled=True)
    assert pace.rate == pytest.approx(30 * BETA)


def test_a_faster_pace_brings_places_already_handed_out_sooner() -> None:
    """Ends that took places at a slow documented rate are not held to it."""
    clock = Clock()
    pace = Pace(1.0, Pacing.ADAPTIVE, clock)
    take_and_send(pace, clock)
    waiting = [pace.take() for _ in range(10)]  # one a second, up to 10 s ahead
    last = pace.wait(waiting[-1])
    assert last == pytest.approx(10.0)
    clock.now += SLOW_START_DOUBLING
    pace.answered(send(pace, clock, waiting[0]), throttled=False)  # it waited: slow start
    assert pace.rate == pytest.approx(2.0)
    assert pace.wait(waiting[-1]) < last - SLOW_START_DOUBLING - 4.0


def test_a_new_rate_spaces_the_waiting_places_from_now_on() -> None:
    """Places already due go first; the rest follow at the new rate, never in a burst."""
    clock = Clock()
    pace = Pace(10.0, Pacing.ADAPTIVE, clock)
    slots = [pace.take() for _ in range(10)]  # one every 0.1 s
    for slot in slots[:5]:
        pace.wait(slot)  # each but the first is held back by the pace
        clock.now = 100.0 + slot.place / 10.0
        assert pace.wait(slot) == 0.0  # and sent on time
    clock.now = 100.5
    pace.answered(slots[4], throttled=False)  # slow start: 20 a second from now on
    assert pace.rate == pytest.approx(20.0)
    waits = [pace.wait(slot) for slot in slots[5:]]
    assert waits == pytest.approx([0.0, 0.05, 0.1, 0.15, 0.2])


def test_a_drop_puts_places_already_handed_out_later() -> None:
    clock = Clock()
    pace = Pace(50.0, Pacing.ADAPTIVE, clock)
    for _ in range(50):
        take_and_send(pace, clock)
    sent = send(pace, clock)
    waiting = [pace.take() for _ in range(10)]
    before = pace.wait(waiting[-1])
    pace.answered(sent, throttled=True)
    assert pace.rate is not None and pace.rate < 50.0
    assert pace.wait(waiting[-1]) > before


def test_throttles_from_one_overshoot_drop_the_rate_once() -> None:
    """Like TCP's one reduction per window: answers to requests sent before the drop."""
    clock = Clock()
    pace = Pace(50.0, Pacing.ADAPTIVE, clock)
    slots = [send(pace, clock) for _ in range(10)]
    pace.answered(slots[0], throttled=True, wait=0.5)
    dropped = pace.rate
    for slot in slots[1:]:
        pace.answered(slot, throttled=True, wait=0.5)
    assert pace.rate == dropped
    assert pace.throttles == 10


def test_a_throttle_drops_again_only_once_a_request_since_got_through() -> None:
    clock = Clock()
    pace = Pace(50.0, Pacing.ADAPTIVE, clock)
    for _ in range(50):
        take_and_send(pace, clock)
    take_and_send(pace, clock, throttled=True, wait=0.2)
    dropped = pace.rate
    take_and_send(pace, clock, throttled=True, wait=0.2)  # still the same overshoot
    assert pace.rate == dropped
    take_and_send(pace, clock)
    take_and_send(pace, clock, throttled=True, wait=0.2)  # a new one
    assert pace.rate is not None and dropped is not None and pace.rate < dropped


def test_fixed_pacing_never_changes_its_rate() -> None:
    clock = Clock()
    pace = Pace(5.0, Pacing.FIXED, clock)
    for _ in range(10):
        take_and_send(pace, clock, throttled=True)
    assert pace.rate == 5.0


def test_off_never_waits_even_after_throttles() -> None:
    clock = Clock()
    pace = Pace(5.0, Pacing.OFF, clock)
    pace.answered(send(pace, clock), throttled=True, wait=5.0)
    assert [pace.wait(pace.take()) for _ in range(10)] == [0.0] * 10


def test_slow_start_doubles_the_documented_rate_while_it_is_the_limit() -> None:
    """The documented rate is where pacing starts, not a ceiling."""
    clock = Clock()
    pace = Pace(10.0, Pacing.ADAPTIVE, clock)
    while clock.now < 101.0:
        take_and_send(pace, clock)
    assert pace.rate is not None and pace.rate >= 10.0 * 2**3  # doubled 3 times in 1 s


def test_slow_start_waits_for_the_pace_to_be_the_limit() -> None:
    """Ends that never wait for a slot say nothing about a faster pace."""
    clock = Clock()
    pace = Pace(10.0, Pacing.ADAPTIVE, clock)
    for _ in range(20):
        clock.now += 1.0  # one end a second: the pace never holds one back
        take_and_send(pace, clock)
    assert pace.rate == 10.0


def test_after_a_throttle_the_rate_climbs_back_then_probes_past_the_peak() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    slots = [send(pace, clock) for _ in range(40)]  # 40 sent in under a second
    pace.answered(slots[-1], throttled=True)
    dropped_at = clock.now
    assert pace.rate == pytest.approx(40 * BETA)
    while clock.now < dropped_at + RECOVERY / 2:
        take_and_send(pace, clock)
    assert pace.rate == pytest.approx(40 * (1 - (1 - BETA) / 8), rel=0.01)  # most of the way
    while clock.now < dropped_at + RECOVERY:
        take_and_send(pace, clock)
    assert pace.rate == pytest.approx(40.0, rel=0.01)
    while clock.now < dropped_at + RECOVERY + 2 * PROBE_DOUBLING:
        take_and_send(pace, clock)
    assert pace.rate == pytest.approx(160.0, rel=0.05)  # then doubles every PROBE_DOUBLING


def test_a_throttle_with_no_wait_pauses_the_provider_longer_while_throttles_go_on() -> None:
    """Akool's 1005 names no wait: a short pause, doubled for every throttle after it."""
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    for _ in range(200):
        take_and_send(pace, clock)
    pauses = []
    for _ in range(12):
        take_and_send(pace, clock, throttled=True)
        pauses.append(pace.state().paused_for)
    assert pauses[0] >= NO_WAIT_PAUSE
    doubled = [min(2 * a, NO_WAIT_PAUSE_MAX) for a in pauses[:-1]]
    assert pauses[1:] == pytest.approx(doubled)
    assert pauses[-1] == NO_WAIT_PAUSE_MAX
    take_and_send(pace, clock)  # one got through: the next throttle starts short again
    take_and_send(pace, clock, throttled=True)
    assert pace.rate is not None
    assert pace.state().paused_for == pytest.approx(max(NO_WAIT_PAUSE, 1 / pace.rate))
    assert pace.state().paused_for < pauses[-1]


def test_the_rate_never_falls_below_the_floor() -> None:
    clock = Clock()
    pace = Pace(None, Pacing.ADAPTIVE, clock)
    for _ in range(30):
        take_and_send(pace, clock, throttled=True)
        take_and_send(pace, clock)
    assert pace.rate is not None and pace.rate >= MIN_RATE


def test_the_time_an_end_sees_may_run_ahead_of_the_clock() -> None:
    """Where sleeping is replaced (tests), the end's own time decides, not the clock."""
    clock = Clock()
    pace = Pace(1.0, Pacing.FIXED, clock)
    send(pace, clock)
    slot = pace.take()
    assert pace.wait(slot) == pytest.approx(1.0)
    assert pace.wait(slot, clock.now + 1.0) == 0.0


def test_a_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Pace(0.0)


def test_a_pace_keeps_only_its_last_second_of_sends() -> None:
    """A long run with no throttle must not grow the pace's memory."""
    clock = Clock()
    pace = Pace(1000.0, Pacing.FIXED, clock)
    for _ in range(5000):
        take_and_send(pace, clock)  # five seconds at 1,000 a second
    assert len(pace._sent) <= 1001
