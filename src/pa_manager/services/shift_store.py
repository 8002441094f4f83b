"""Shared plumbing for timesheets and holiday: stored shifts as domain `Shift`s, and bank holidays.

Shift times are stored as minutes after midnight (an audit digest is JSON, which has no time type).
Bank holidays come from `services.bank_holidays` for the holder's nation, cached per nation and
year because building a calendar costs a few milliseconds and a timesheet asks for it every time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from pa_manager.domain.holder import Nation
from pa_manager.domain.timesheets import Shift, ShiftType
from pa_manager.services.bank_holidays import bank_holidays
from pa_manager.store.models import Holder, ShiftRow, TimesheetRow


def minute_of_day(t: time) -> int:
    return t.hour * 60 + t.minute


def time_of(minute: int) -> time:
    return time(minute // 60, minute % 60)


def shift_from_row(row: ShiftRow) -> Shift:
    return Shift(
        day=row.day,
        start=time_of(row.start_minute),
        end=time_of(row.end_minute),
        kind=ShiftType(row.kind),
        break_minutes=row.break_minutes,
        woken_minutes=row.woken_minutes,
        end_day=row.end_day,
    )


def shift_values(shift: Shift, timesheet_id: int, pa_id: int) -> dict[str, object]:
    return {
        "timesheet_id": timesheet_id,
        "pa_id": pa_id,
        "day": shift.day,
        "start_minute": minute_of_day(shift.start),
        "end_minute": minute_of_day(shift.end),
        "end_day": shift.end_day,
        "kind": shift.kind.value,
        "break_minutes": shift.break_minutes,
        "woken_minutes": shift.woken_minutes,
    }


def sort_key(shift: Shift) -> tuple[date, time, str]:
    return (shift.day, shift.start, shift.kind.value)


def load_shifts(
    s: Session, pa_id: int, first: date, last: date, *, approved_only: bool = False
) -> list[tuple[int, Shift]]:
    """(timesheet id, shift) for a PA's shifts starting from `first` to `last`, in time order."""
    query = select(ShiftRow).where(ShiftRow.pa_id == pa_id, ShiftRow.day >= first, ShiftRow.day <= last)
    if approved_only:
        approved = select(TimesheetRow.id).where(
            TimesheetRow.pa_id == pa_id, TimesheetRow.status == "approved"
        )
        query = query.where(ShiftRow.timesheet_id.in_(approved))
    rows = s.scalars(query.order_by(ShiftRow.day, ShiftRow.start_minute, ShiftRow.id))
    return [(r.timesheet_id, shift_from_row(r)) for r in rows]


def holder_nation(s: Session) -> Nation:
    return Nation(s.scalars(select(Holder.nation)).one())


@lru_cache(maxsize=64)
def _year(nation: Nation, year: int) -> frozenset[date]:
    return bank_holidays(nation, [year])


def holidays_between(nation: Nation, first: date, last: date) -> frozenset[date]:
    """Bank holidays from `first` to the day after `last` (a night shift runs into it)."""
    last = last + timedelta(days=1)
    found: set[date] = set()
    for year in range(first.year, last.year + 1):
        found.update(d for d in _year(nation, year) if first <= d <= last)
    return frozenset(found)


def week_start(day: date) -> date:
    """The Monday on or before `day`."""
    return day - timedelta(days=day.weekday())


def minutes_by_group(shifts: Iterable[tuple[int, Shift]]) -> dict[int, int]:
    """Worked minutes (work shifts less breaks, plus time woken on sleep-ins) per timesheet id."""
    out: dict[int, int] = {}
    for group, shift in shifts:
        if shift.kind.is_work:
            minutes = shift.minutes
        elif shift.kind is ShiftType.SLEEP_IN:
            minutes = shift.woken_minutes
        else:
            minutes = 0
        out[group] = out.get(group, 0) + minutes
    return out
