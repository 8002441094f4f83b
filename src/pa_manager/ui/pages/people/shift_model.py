"""The rows of the timesheet grid: shifts as the person typed them, read into `Shift`s on Save.

Each row keeps the words typed (so "9" stays "9" until saved), and `shifts()` reads them all,
collecting every typing problem as one sentence per row instead of stopping at the first. The Note
column is never typed in: it says in words what the day is ("Bank holiday: Easter Monday",
"Weekend"), that a shift ends the next day, and marks rows with a problem ("⚠ Problem 1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pa_manager.domain.people import long_date
from pa_manager.domain.timesheets import Shift, ShiftType

DAY, START, END, BREAK, KIND, WOKEN, NOTE = range(7)
HEADERS = ("Day", "Start", "End", "Break (minutes)", "Type of shift", "Hours woken", "Note")
KINDS = tuple(ShiftType)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PROBLEM_BRUSH = QBrush(QColor("#fff1c2"))  # pale yellow; the "⚠ Problem" words carry the meaning

Index = QModelIndex | QPersistentModelIndex


def short_day(day: date) -> str:
    """ "Mon 6 Apr" for the grid's Day column."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def parse_time(text: str) -> time:
    """Read "9", "09:00", "9:30", "930", "9.30" or "21:00"; raises ValueError with a sentence."""
    cleaned = text.strip().replace(".", ":")
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?", cleaned)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise ValueError(f"“{text.strip()}” is not a time of day; type it like 09:00 or 21:30")


def parse_minutes(text: str, what: str) -> int:
    """Whole minutes from "30" (blank is 0)."""
    cleaned = text.strip()
    if not cleaned:
        return 0
    if not cleaned.isdigit():
        raise ValueError(f"the {what} “{cleaned}” is not a number of minutes; type it like 30")
    return int(cleaned)


def parse_hours(text: str) -> int:
    """Minutes from hours typed as "1.5", "1:30" or "2" (blank is 0)."""
    cleaned = text.strip()
    if not cleaned:
        return 0
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", cleaned)
    if match:
        return int(match.group(1)) * 60 + int(match.group(2))
    try:
        hours = Decimal(cleaned)
    except InvalidOperation:
        hours = Decimal(-1)
    if not hours.is_finite() or hours < 0:
        raise ValueError(f"the hours woken “{cleaned}” is not a number of hours; type it like 1.5")
    return int((hours * 60).to_integral_value())


def hours_text(minutes: int) -> str:
    """90 → "1.5"; 0 → ""."""
    if not minutes:
        return ""
    return f"{(Decimal(minutes) / 60).normalize():f}"


@dataclass(frozen=True, slots=True)
class ShiftDraft:
    """One row as typed."""

    day: date
    start: str = ""
    end: str = ""
    break_minutes: str = ""
    kind: ShiftType = ShiftType.STANDARD
    woken: str = ""

    @classmethod
    def of(cls, shift: Shift) -> ShiftDraft:
        return cls(
            shift.day,
            f"{shift.start:%H:%M}",
            f"{shift.end:%H:%M}",
            str(shift.break_minutes) if shift.break_minutes else "",
            shift.kind,
            hours_text(shift.woken_minutes),
        )

    def shift(self) -> Shift:
        """The Shift this row means; raises ValueError naming every typing problem."""
        found: list[str] = []
        times: list[time] = []
        for label, text in (("start", self.start), ("end", self.end)):
            if not text.strip():
                found.append(f"it has no {label} time")
                continue
            try:
                times.append(parse_time(text))
            except ValueError as err:
                found.append(str(err))
        minutes: list[int] = []
        for parse in (
            lambda: parse_minutes(self.break_minutes, "break"),
            lambda: parse_hours(self.woken),
        ):
            try:
                minutes.append(parse())
            except ValueError as err:
                found.append(str(err))
        if found:
            raise ValueError("; ".join(found))
        return Shift(self.day, times[0], times[1], self.kind, minutes[0], minutes[1])

    def crosses_midnight(self) -> bool:
        try:
            return parse_time(self.end) <= parse_time(self.start)
        except ValueError:
            return False


class ShiftTableModel(QAbstractTableModel):
    """The grid's rows; `problems[row]` is the number shown as "⚠ Problem N" in the Note column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ShiftDraft] = []
        self.first = self.last = date.today()
        self.bank_holidays: dict[date, str] = {}
        self.problems: dict[int, int] = {}
        self.read_only = False
        self.dirty = False

    # -- filling ---------------------------------------------------------------------------
    def set_period(self, first: date, last: date, bank_holidays: dict[date, str]) -> None:
        self.first, self.last, self.bank_holidays = first, last, dict(bank_holidays)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def set_shifts(self, shifts: tuple[Shift, ...] | list[Shift]) -> None:
        self.beginResetModel()
        self.rows = [ShiftDraft.of(sh) for sh in shifts]
        self.problems = {}
        self.endResetModel()
        self.dirty = False

    def add_shifts(self, shifts: tuple[Shift, ...] | list[Shift]) -> int:
        """Add shifts on days that have none in the grid yet; returns how many were added."""
        taken = {r.day for r in self.rows}
        new = [
            ShiftDraft.of(sh) for sh in shifts if sh.day not in taken and self.first <= sh.day <= self.last
        ]
        if new:
            self.beginResetModel()
            self.rows = sorted([*self.rows, *new], key=lambda r: (r.day, r.start))
            self.endResetModel()
            self.dirty = True
        return len(new)

    def insert_row(self, at: int) -> int:
        """A new shift row after `at` (−1: at the end), on the day after the row before it."""
        at = len(self.rows) if at < 0 else min(at + 1, len(self.rows))
        before = self.rows[at - 1].day + timedelta(days=1) if at > 0 else self.first
        day = min(before, self.last)
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.insert(at, ShiftDraft(day))
        self.endInsertRows()
        self.dirty = True
        return at

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.problems = {}
            self.dirty = True

    def sort_rows(self) -> None:
        """Order rows as the book does (day, start, type) so problem numbers match the rows."""

        def key(r: ShiftDraft) -> tuple[date, str, str]:
            try:
                start = f"{parse_time(r.start):%H:%M}"
            except ValueError:
                start = r.start
            return (r.day, start, r.kind.value)

        self.beginResetModel()
        self.rows.sort(key=key)
        self.endResetModel()

    def mark_problems(self, problems: dict[int, int]) -> None:
        """`problems` maps row → problem number (1-based) for the Note column."""
        self.problems = dict(problems)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, NOTE))

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return f"Shift {section + 1}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.read_only or index.column() == NOTE:
            return base
        kind = self.rows[index.row()].kind
        if index.column() == WOKEN and kind is not ShiftType.SLEEP_IN:
            return base
        if index.column() == BREAK and kind is ShiftType.SLEEP_IN:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(index.row(), row, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.EditRole:
            return {
                DAY: row.day,
                START: row.start,
                END: row.end,
                BREAK: row.break_minutes,
                KIND: row.kind,
                WOKEN: row.woken,
            }.get(column)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.problems:
            return _PROBLEM_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self.problems:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and column == DAY:
            return long_date(row.day, weekday=True)
        return None

    def _text(self, number: int, row: ShiftDraft, column: int, spoken: bool) -> str:
        if column == DAY:
            return long_date(row.day, weekday=True) if spoken else short_day(row.day)
        if column == KIND:
            return row.kind.label
        if column == WOKEN:
            return row.woken if row.kind is ShiftType.SLEEP_IN else ("" if spoken else "—")
        if column == NOTE:
            return self.note(number)
        if column == BREAK and row.kind is ShiftType.SLEEP_IN:
            return "" if spoken else "—"
        if column == BREAK and not row.break_minutes.strip():
            return "0"
        text = (row.start, row.end, row.break_minutes)[column - START]
        return text

    def note(self, number: int) -> str:
        row = self.rows[number]
        parts: list[str] = []
        if number in self.problems:
            parts.append(f"⚠ Problem {self.problems[number]}")
        if row.day in self.bank_holidays:
            parts.append(f"Bank holiday: {self.bank_holidays[row.day]}")
        elif row.day.weekday() >= 5:
            parts.append("Weekend")
        if row.crosses_midnight():
            parts.append("Ends next day")
        return "; ".join(parts)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        row, column = self.rows[index.row()], index.column()
        if column == DAY and isinstance(value, date):
            changed = replace(row, day=value)
        elif column == KIND and isinstance(value, ShiftType):
            changed = replace(row, kind=value)
            if value is not ShiftType.SLEEP_IN:
                changed = replace(changed, woken="")
            else:
                changed = replace(changed, break_minutes="")
        elif column in (START, END, BREAK, WOKEN):
            name = {START: "start", END: "end", BREAK: "break_minutes", WOKEN: "woken"}[column]
            changed = replace(row, **{name: str(value).strip()})
        else:
            return False
        if changed != row:
            self.rows[index.row()] = changed
            self.dirty = True
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), NOTE))
        return True

    # -- reading ---------------------------------------------------------------------------
    def shifts(self) -> tuple[list[Shift], list[tuple[int, str]]]:
        """The shifts, and (row, sentence) for every row that could not be read."""
        shifts: list[Shift] = []
        problems: list[tuple[int, str]] = []
        for number, row in enumerate(self.rows):
            try:
                shifts.append(row.shift())
            except ValueError as err:
                problems.append((number, f"Shift {number + 1} ({short_day(row.day)}): {err}."))
        return shifts, problems
