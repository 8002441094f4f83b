"""Rota templates: a PA's usual week, saved by name and laid onto any week of the timesheet grid.

A template is a list of shifts by weekday (0 is Monday), stored as JSON in one row so that saving a
template is one audited change. Applying one returns the shifts for the grid; nothing is saved until
the timesheet itself is saved, so the person can adjust the week first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import select

from pa_manager.domain.errors import DomainError
from pa_manager.domain.timesheets import Shift, ShiftType, validate_timesheet
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.people import require_pa
from pa_manager.store.models import PARow, RotaTemplateRow

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A sample week used only to check a template's shifts with the domain's own rules.
_SAMPLE_MONDAY = date(2001, 1, 1)


@dataclass(frozen=True, slots=True)
class RotaShift:
    """One shift of a usual week."""

    weekday: int  # 0 Monday … 6 Sunday
    start: time
    end: time
    kind: ShiftType = ShiftType.STANDARD
    break_minutes: int = 0
    woken_minutes: int = 0

    def on(self, week_first_day: date) -> Shift:
        """This shift in the week starting on `week_first_day` (a Monday)."""
        day = week_first_day + timedelta(days=self.weekday)
        return Shift(day, self.start, self.end, self.kind, self.break_minutes, self.woken_minutes)


@dataclass(frozen=True, slots=True)
class RotaTemplate:
    """A named usual week for one PA."""

    id: int
    pa_id: int
    name: str
    shifts: tuple[RotaShift, ...]


def _to_json(shifts: Sequence[RotaShift]) -> str:
    return json.dumps(
        [
            {
                "weekday": r.weekday,
                "start": f"{r.start:%H:%M}",
                "end": f"{r.end:%H:%M}",
                "kind": r.kind.value,
                "break": r.break_minutes,
                "woken": r.woken_minutes,
            }
            for r in shifts
        ]
    )


def _from_json(text: str) -> tuple[RotaShift, ...]:
    items: list[dict[str, Any]] = json.loads(text)
    return tuple(
        RotaShift(
            int(i["weekday"]),
            time.fromisoformat(i["start"]),
            time.fromisoformat(i["end"]),
            ShiftType(i["kind"]),
            int(i["break"]),
            int(i["woken"]),
        )
        for i in items
    )


def _check(book: Book, pa_id: int, name: str, shifts: Sequence[RotaShift]) -> str:
    name = " ".join(name.split())
    if not name:
        raise BookError("Give the rota a name, for example “Usual week”.")
    if len(name) > 100:
        raise BookError("The rota's name is too long; shorten it to 100 letters or fewer.")
    if not shifts:
        raise BookError("A rota needs at least one shift.")
    for r in shifts:
        if not 0 <= r.weekday <= 6:
            raise BookError("A rota shift's day must be Monday to Sunday.")
    pa = require_pa(book, pa_id)
    # Check the pattern as if it were a real week (start date moved back so it is inside employment).
    sample = replace(pa, start_date=_SAMPLE_MONDAY, leave_date=None, date_of_birth=None)
    problems = validate_timesheet([r.on(_SAMPLE_MONDAY) for r in shifts], sample)
    if problems:
        text = re.sub(r" \d{1,2} January 2001", "", " ".join(p.message for p in problems))
        raise BookError(f"The rota was not saved. {text}")
    return name


def save_rota(book: Book, pa_id: int, name: str, shifts: Sequence[RotaShift]) -> int:
    """Save a new rota template for a PA; returns its id."""
    try:
        name = _check(book, pa_id, name, shifts)
    except DomainError as err:
        raise BookError(str(err)) from None
    with book.write() as s:
        row = RotaTemplateRow(pa_id=pa_id, name=name, pattern=_to_json(shifts))
        s.add(row)
        s.flush()
        return row.id


def rota_from_week(shifts: Sequence[Shift], week_first_day: date) -> tuple[RotaShift, ...]:
    """Turn one week of the grid into a rota pattern (shifts outside that week are left out)."""
    last = week_first_day + timedelta(days=6)
    return tuple(
        RotaShift((s.day - week_first_day).days, s.start, s.end, s.kind, s.break_minutes, s.woken_minutes)
        for s in shifts
        if week_first_day <= s.day <= last and s.end_day is None
    )


def list_rotas(book: Book, pa_id: int) -> list[RotaTemplate]:
    with book.read() as s:
        if s.get(PARow, pa_id) is None:
            raise BookError("That PA is not in this book.")
        rows = s.scalars(
            select(RotaTemplateRow).where(RotaTemplateRow.pa_id == pa_id).order_by(RotaTemplateRow.name)
        )
        return [RotaTemplate(r.id, r.pa_id, r.name, _from_json(r.pattern)) for r in rows]


def delete_rota(book: Book, rota_id: int) -> None:
    with book.write() as s:
        row = s.get(RotaTemplateRow, rota_id)
        if row is None:
            raise BookError("That rota is not in this book.")
        s.delete(row)


def apply_rota(book: Book, rota_id: int, week_first_day: date) -> tuple[Shift, ...]:
    """The rota's shifts in the week starting `week_first_day` (a Monday), for the grid; not saved."""
    if week_first_day.weekday() != 0:
        raise BookError(
            f"A rota is laid onto a week starting on a Monday, not a {_WEEKDAYS[week_first_day.weekday()]}."
        )
    with book.read() as s:
        row = s.get(RotaTemplateRow, rota_id)
        if row is None:
            raise BookError("That rota is not in this book.")
        pattern = _from_json(row.pattern)
    return tuple(r.on(week_first_day) for r in pattern)
