"""UK clock changes, so a night shift is paid for the time that actually passed.

Shifts are typed in wall-clock time. On the last Sunday of October the clocks go back at 2am, so a
22:00-07:00 waking night lasts ten hours, not nine; on the last Sunday of March they go forward at 1am
and the same shift lasts eight. Under the minimum wage every hour worked must be paid, so durations
here are elapsed minutes, not wall-clock differences.

The rule (the same in all four nations since 1996): British Summer Time runs from 01:00 GMT on the
last Sunday of March to 01:00 GMT on the last Sunday of October. Written in wall-clock time, 01:00 to
02:00 on the March day does not exist, and 01:00 to 02:00 on the October day happens twice; a typed
time in that repeated hour is read as its first occurrence (still summer time). Computed here rather
than with `zoneinfo` because the domain is standard-library only and Windows has no time zone data
unless the `tzdata` package is installed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

_EPOCH = datetime(2000, 1, 1)


@lru_cache(maxsize=256)  # asked for every shift priced; there are only a few years in play
def _last_sunday(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    last = first_of_next - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def summer_time_starts(year: int) -> date:
    """The Sunday the clocks go forward (last Sunday of March)."""
    return _last_sunday(year, 3)


def summer_time_ends(year: int) -> date:
    """The Sunday the clocks go back (last Sunday of October)."""
    return _last_sunday(year, 10)


def offset_minutes(wall: datetime) -> int:
    """Minutes the UK wall clock is ahead of GMT at this wall-clock time: 60 in summer time, else 0."""
    starts = datetime.combine(summer_time_starts(wall.year), datetime.min.time()).replace(hour=2)
    ends = datetime.combine(summer_time_ends(wall.year), datetime.min.time()).replace(hour=2)
    return 60 if starts <= wall < ends else 0


def does_not_exist(wall: datetime) -> bool:
    """True for a wall-clock time skipped when the clocks go forward (01:00-01:59 that Sunday)."""
    return wall.date() == summer_time_starts(wall.year) and wall.hour == 1


def instant(wall: datetime) -> int:
    """A UK wall-clock time as whole minutes on one continuous scale (GMT minutes since 2000)."""
    return (wall - _EPOCH) // timedelta(minutes=1) - offset_minutes(wall)


def elapsed_minutes(start: datetime, end: datetime) -> int:
    """Minutes that really pass between two UK wall-clock times, allowing for a clock change."""
    return instant(end) - instant(start)
