"""Shifts, the overnight rule, clock changes, and validate_timesheet finding every problem at once."""

from datetime import date, datetime, time

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.timesheets import Shift, ShiftType, clock, price_timesheet, validate_timesheet
from tests.domain.people.makers import make_pa

PA = make_pa(start_date=date(2026, 4, 1), leave_date=date(2026, 12, 31))
WED = date(2026, 4, 8)
THU = date(2026, 4, 9)


def messages(shifts: list[Shift]) -> list[str]:
    return [p.message for p in validate_timesheet(shifts, PA)]


# ---- durations and the overnight rule -----------------------------------------------------------


def test_durations_are_whole_minutes_and_end_before_start_means_next_day() -> None:
    day = Shift(WED, time(9), time(17), break_minutes=30)
    assert (day.span_minutes, day.minutes, day.crosses_midnight) == (480, 450, False)
    night = Shift(WED, time(22), time(7), ShiftType.WAKING_NIGHT)
    assert night.ends_at == datetime(2026, 4, 9, 7, 0)
    assert (night.span_minutes, night.crosses_midnight) == (540, True)  # 22:00 to 07:00 = 9 hours
    to_midnight = Shift(THU, time(20), time(0))
    assert (to_midnight.span_minutes, to_midnight.ends_at) == (240, datetime(2026, 4, 10, 0, 0))
    whole_day = Shift(WED, time(9), time(9), end_day=THU)  # explicit 24 hours is allowed
    assert whole_day.span_minutes == 1440
    assert validate_timesheet([day, night, to_midnight], PA) == ()
    assert validate_timesheet([whole_day], PA) == ()


def test_clock_changes_are_allowed_for() -> None:
    assert clock.summer_time_starts(2026) == date(2026, 3, 29)
    assert clock.summer_time_ends(2026) == date(2026, 10, 25)
    assert clock.summer_time_ends(2027) == date(2027, 10, 31)
    # Saturday 24 October 2026 22:00 to 07:00: the clocks go back an hour, so 10 hours really pass.
    assert Shift(date(2026, 10, 24), time(22), time(7)).span_minutes == 600
    # Saturday 28 March 2026 22:00 to 07:00: the clocks go forward, so only 8 hours pass.
    assert Shift(date(2026, 3, 28), time(22), time(7)).span_minutes == 480
    assert clock.does_not_exist(datetime(2026, 3, 29, 1, 30))
    assert not clock.does_not_exist(datetime(2026, 3, 29, 2, 0))
    # 01:30 in the repeated October hour is read as its first occurrence (summer time).
    assert clock.elapsed_minutes(datetime(2026, 10, 25, 0, 0), datetime(2026, 10, 25, 1, 30)) == 90
    assert clock.elapsed_minutes(datetime(2026, 10, 25, 0, 0), datetime(2026, 10, 25, 2, 0)) == 180


# ---- every validation case, each refused with a clear sentence ------------------------------------


@pytest.mark.parametrize(
    ("shift", "says"),
    [
        (Shift(WED, time(9), time(9)), "starts and ends at the same time"),
        (Shift(WED, time(17), time(9), end_day=WED), "ends before it starts"),
        (Shift(WED, time(9), time(9, 1), end_day=THU), "lasts more than 24 hours"),
        (Shift(WED, time(9), time(10), end_day=date(2026, 4, 11)), "lasts more than 24 hours"),
        (Shift(WED, time(9), time(10), break_minutes=60), "60-minute break, as long as or longer"),
        (Shift(WED, time(9), time(10), break_minutes=75), "75-minute break, as long as or longer"),
        (Shift(WED, time(9), time(10), break_minutes=-5), "negative break"),
        (
            Shift(WED, time(22), time(7), ShiftType.SLEEP_IN, break_minutes=30),
            "sleep-in, which has no breaks",
        ),
        (Shift(WED, time(9), time(17), woken_minutes=30), "only applies to a sleep-in"),
        (
            Shift(WED, time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=541),
            "more than the whole sleep-in",
        ),
        (Shift(WED, time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=-1), "negative time woken"),
        (Shift(date(2026, 3, 31), time(9), time(17)), "before Sam Lee started on 1 April 2026"),
        (Shift(date(2027, 1, 1), time(9), time(17)), "after Sam Lee left on 31 December 2026"),
        (Shift(WED, time(9, 0, 30), time(17)), "whole minutes"),
    ],
)
def test_each_bad_shift_is_refused_with_a_sentence(shift: Shift, says: str) -> None:
    found = messages([shift])
    assert len(found) == 1, found
    assert says in found[0]
    assert found[0].startswith("The ") and found[0].endswith(".")
    with pytest.raises(DomainError, match=says):
        price_timesheet([shift], PA, frozenset())


def test_a_time_skipped_by_the_clocks_going_forward_is_refused() -> None:
    early_pa = make_pa(start_date=date(2026, 1, 5))
    (problem,) = validate_timesheet([Shift(date(2026, 3, 29), time(1, 30), time(6))], early_pa)
    assert "start time that does not exist: the clocks go forward" in problem.message
    (problem,) = validate_timesheet([Shift(date(2026, 3, 28), time(22), time(1, 15))], early_pa)
    assert "end time that does not exist" in problem.message


def test_messages_name_the_shift() -> None:
    (text,) = messages([Shift(WED, time(9), time(9))])
    assert text.startswith("The shift on Wednesday 8 April 2026 from 09:00 to 09:00 starts and ends")
    (text,) = messages([Shift(WED, time(9), time(10), ShiftType.TRAINING, break_minutes=90)])
    assert text.startswith("The training on Wednesday 8 April 2026 from 09:00 to 10:00 has a 90-minute")


def test_boundary_values_are_accepted() -> None:
    ok = [
        Shift(WED, time(9), time(10), break_minutes=59),  # one minute of work left
        Shift(THU, time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=540),  # woken all night
        Shift(date(2026, 4, 1), time(9), time(17)),  # the first day
        Shift(date(2026, 12, 31), time(22), time(6)),  # starts on the last day, ends after it
    ]
    assert validate_timesheet(ok, PA) == ()


def test_overlaps_are_found_touching_shifts_are_not() -> None:
    shifts = [
        Shift(WED, time(9), time(17)),
        Shift(WED, time(17), time(20)),  # touches the first: fine
        Shift(WED, time(22), time(7), ShiftType.SLEEP_IN),
        Shift(THU, time(6, 30), time(9)),  # starts before the sleep-in ends at 07:00
        Shift(WED, time(16), time(18)),  # overlaps both the first and the second
    ]
    problems = validate_timesheet(shifts, PA)
    assert [p.shift_indexes for p in problems] == [(0, 4), (1, 4), (2, 3)]
    assert problems[2].message == (
        "The sleep-in on Wednesday 8 April 2026 from 22:00 to 07:00 overlaps the shift on Thursday "
        "9 April 2026 from 06:30 to 09:00; change one of them."
    )


def test_all_problems_are_returned_together() -> None:
    shifts = [
        Shift(WED, time(9), time(9)),  # same start and end
        Shift(date(2026, 3, 30), time(9), time(10), break_minutes=90),  # before start and break too long
        Shift(THU, time(9), time(17)),
        Shift(THU, time(12), time(13), woken_minutes=10),  # overlaps, and woken on a non-sleep-in
    ]
    problems = validate_timesheet(shifts, PA)
    assert [p.shift_indexes for p in problems] == [(0,), (1,), (1,), (3,), (2, 3)]
    assert "same time" in problems[0].message
    assert "break" in problems[1].message and "before Sam Lee started" in problems[2].message
    with pytest.raises(DomainError, match=r"^Fix these 5 problems on the timesheet first\. The shift"):
        price_timesheet(shifts, PA, frozenset())


def test_shift_refuses_wrong_python_types() -> None:
    with pytest.raises(TypeError):
        Shift(WED, time(9), time(17), break_minutes=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Shift(WED, time(9), time(17), woken_minutes=True)
    with pytest.raises(TypeError):
        Shift(WED, time(9), time(17), "standard")  # type: ignore[arg-type]
