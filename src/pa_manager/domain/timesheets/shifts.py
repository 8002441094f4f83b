"""Shifts on a timesheet, and the checks that find every problem with them at once.

The overnight rule: a shift is typed as a date, a start time and an end time. An end time earlier than
the start time means the shift ends the next day (22:00 to 07:00 is a night), so "end before start"
cannot happen for a shift typed this way. An end time equal to the start time is refused: it could
mean no time at all or a whole day, and guessing either would pay the wrong amount. A shift with an
explicit `end_day` (from an import, or a 24-hour shift) is checked instead for ending before it starts
and for lasting more than 24 hours.

Durations are whole minutes of time that really passed, allowing for the clocks changing (`clock`).
Checks return problems as values so a person sees them all together, each a sentence naming the shift.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from pa_manager.domain.people import PA, long_date
from pa_manager.domain.timesheets import clock

MINUTES_IN_A_DAY = 24 * 60


class ShiftType(Enum):
    """What the time was: work (standard, waking night, training), a sleep-in, holiday or sickness."""

    STANDARD = "standard"
    SLEEP_IN = "sleep-in"
    WAKING_NIGHT = "waking-night"
    HOLIDAY = "holiday"
    SICKNESS = "sickness"
    TRAINING = "training"

    @property
    def label(self) -> str:
        return {
            "standard": "Standard",
            "sleep-in": "Sleep-in",
            "waking-night": "Waking night",
            "holiday": "Holiday taken",
            "sickness": "Sickness",
            "training": "Training",
        }[self.value]

    @property
    def is_work(self) -> bool:
        """Time spent working, paid by the hour at the rate for when it happened."""
        return self in (ShiftType.STANDARD, ShiftType.WAKING_NIGHT, ShiftType.TRAINING)


def _whole_minutes(t: time) -> bool:
    return t.second == 0 and t.microsecond == 0 and t.tzinfo is None


@dataclass(frozen=True, slots=True)
class Shift:
    """One line of a timesheet.

    `day` is the date the shift starts. `woken_minutes` is, for a sleep-in only, the time the PA was
    woken to work. `end_day` is normally left out; see the module docstring for the overnight rule.
    Making a Shift checks only the Python types: `problems()` says what is wrong in words.
    """

    day: date
    start: time
    end: time
    kind: ShiftType = ShiftType.STANDARD
    break_minutes: int = 0
    woken_minutes: int = 0
    end_day: date | None = None

    def __post_init__(self) -> None:
        for name in ("break_minutes", "woken_minutes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} is a whole number of minutes, not {type(value).__name__}")
        if not isinstance(self.kind, ShiftType):
            raise TypeError("kind must be a ShiftType")

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start)

    @property
    def ends_at(self) -> datetime:
        if self.end_day is not None:
            return datetime.combine(self.end_day, self.end)
        next_day = self.end <= self.start  # the overnight rule; equal times are refused by problems()
        return datetime.combine(self.day + timedelta(days=1 if next_day else 0), self.end)

    @property
    def span_minutes(self) -> int:
        """Minutes from start to end, breaks included, as really elapsed (clock changes allowed for)."""
        return clock.elapsed_minutes(self.starts_at, self.ends_at)

    @property
    def minutes(self) -> int:
        """The time the shift counts for: its span less breaks (a sleep-in's whole span)."""
        return self.span_minutes - self.break_minutes

    @property
    def crosses_midnight(self) -> bool:
        return self.ends_at.date() > self.day

    def describe(self) -> str:
        """ "the shift on Monday 6 April 2026 from 09:00 to 17:00", for messages."""
        what = "shift" if self.kind is ShiftType.STANDARD else self.kind.label.lower()
        return (
            f"the {what} on {long_date(self.day, weekday=True)} from {self.start:%H:%M} to {self.end:%H:%M}"
        )

    def problems(self) -> list[str]:
        """Everything wrong with this shift on its own, each as one sentence."""
        timing = self.timing_problems()
        # While the length is unknown, checking breaks or time woken against it would mislead.
        return timing or self._minute_problems(self._it())

    def _it(self) -> str:
        it = self.describe()
        return it[0].upper() + it[1:]

    def timing_problems(self) -> list[str]:
        """Problems with the start and end themselves; when there are none the shift has a true length."""
        it_cap = self._it()
        if not (_whole_minutes(self.start) and _whole_minutes(self.end)):
            return [f"{it_cap} has a time with seconds in it; give start and end times in whole minutes."]
        found: list[str] = []
        for label, moment in (("start", self.starts_at), ("end", self.ends_at)):
            if clock.does_not_exist(moment):
                found.append(
                    f"{it_cap} has a {label} time that does not exist: the clocks go forward from 1am "
                    "to 2am that night, so change it to 02:00 or later."
                )
        if self.end_day is None and self.start == self.end:
            found.append(
                f"{it_cap} starts and ends at the same time; change the end time (an end time earlier "
                "than the start is read as the next day)."
            )
        elif self.end_day is not None and self.ends_at <= self.starts_at:
            found.append(f"{it_cap} ends before it starts; check the end date and time.")
        elif self.span_minutes > MINUTES_IN_A_DAY:
            found.append(f"{it_cap} lasts more than 24 hours; split it into separate shifts.")
        return found

    def _minute_problems(self, it_cap: str) -> list[str]:
        found: list[str] = []
        span = self.span_minutes
        if self.break_minutes < 0:
            found.append(f"{it_cap} has a negative break; type the break in minutes, or 0.")
        elif self.kind is ShiftType.SLEEP_IN and self.break_minutes:
            found.append(f"{it_cap} is a sleep-in, which has no breaks; record only the time woken to work.")
        elif self.break_minutes >= span:
            found.append(
                f"{it_cap} has a {self.break_minutes}-minute break, as long as or longer than the shift "
                f"itself ({span} minutes); check the times and the break."
            )
        if self.woken_minutes < 0:
            found.append(f"{it_cap} has negative time woken; type the minutes woken to work, or 0.")
        elif self.woken_minutes and self.kind is not ShiftType.SLEEP_IN:
            found.append(
                f"{it_cap} records time woken, which only applies to a sleep-in; choose sleep-in or clear "
                "the time woken."
            )
        elif self.woken_minutes > span:
            found.append(
                f"{it_cap} records {self.woken_minutes} minutes woken, more than the whole sleep-in "
                f"({span} minutes); check the time woken."
            )
        return found


@dataclass(frozen=True, slots=True)
class TimesheetProblem:
    """One thing to fix, as a sentence, and the positions of the shifts it is about."""

    message: str
    shift_indexes: tuple[int, ...]


def validate_timesheet(shifts: Sequence[Shift], pa: PA) -> tuple[TimesheetProblem, ...]:
    """Every problem with a timesheet for `pa`, in shift order then overlaps; empty when all is well."""
    found: list[TimesheetProblem] = []
    timed: list[tuple[int, int, int]] = []  # (start instant, end instant, index) of shifts with sane times
    for index, shift in enumerate(shifts):
        found.extend(TimesheetProblem(m, (index,)) for m in shift.problems())
        found.extend(TimesheetProblem(m, (index,)) for m in _employment_problems(shift, pa))
        if not shift.timing_problems():
            timed.append((clock.instant(shift.starts_at), clock.instant(shift.ends_at), index))
    found.extend(_overlaps(timed, shifts))
    return tuple(found)


def _employment_problems(shift: Shift, pa: PA) -> list[str]:
    it_cap = shift._it()
    if shift.day < pa.start_date:
        return [f"{it_cap} is before {pa.name} started on {long_date(pa.start_date)}; check the date."]
    if pa.leave_date is not None and shift.day > pa.leave_date:
        return [f"{it_cap} is after {pa.name} left on {long_date(pa.leave_date)}; check the date."]
    return []


def _overlaps(timed: list[tuple[int, int, int]], shifts: Sequence[Shift]) -> list[TimesheetProblem]:
    # Sort by start and sweep: each shift is compared only with later-starting ones that begin before
    # it ends. Touching shifts (one ends at 17:00, the next starts at 17:00) do not overlap.
    ordered = sorted(timed)
    found: list[TimesheetProblem] = []
    for pos, (_start, end, index) in enumerate(ordered):
        for other_start, _other_end, other in ordered[pos + 1 :]:
            if other_start >= end:
                break
            first, second = sorted((index, other))
            a, b = shifts[first].describe(), shifts[second].describe()
            message = f"{a[0].upper()}{a[1:]} overlaps {b}; change one of them."
            found.append(TimesheetProblem(message, (first, second)))
    return found
