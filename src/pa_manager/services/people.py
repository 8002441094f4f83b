"""The PAs a holder employs: add, change, list and find them, and record a leaving date.

Every record is checked through `domain.people.PA` before it is saved, so a bad NI number, a missing
rate or a self-employed PA without a UTR is refused with the domain's own sentence (as a BookError).
The app may also hold PA rows from before the full record existed (schema 0003, or the demo's
first pass): those are "not finished" until someone types the pay rates, and they are listed with
`finished=False` rather than refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.tax_code import parse_tax_code
from pa_manager.domain.people import (
    PA,
    ContactDetails,
    EmploymentType,
    HolidayScheme,
    NINumber,
    PayRates,
    long_date,
)
from pa_manager.domain.periods import PayFrequency
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import PARow, ShiftRow


@dataclass(frozen=True, slots=True)
class PaExtras:
    """What the PA record holds beyond `domain.people.PA`: payroll and holiday details."""

    tax_code: str = ""
    pension_status: str = ""
    holiday_year_starts: date | None = None  # any first day of a leave year; None: the start date
    apprenticeship_started: date | None = None


@dataclass(frozen=True, slots=True)
class PaRecord:
    """One PA as stored. `pa` is None while the record is not finished (no pay rates yet)."""

    id: int
    name: str
    start_date: date
    leave_date: date | None
    pa: PA | None
    extras: PaExtras
    contract_given_on: date | None

    @property
    def finished(self) -> bool:
        return self.pa is not None


@dataclass(frozen=True, slots=True)
class PaListRow:
    """A line of the People page's list."""

    id: int
    name: str
    start_date: date
    leave_date: date | None
    employment: str  # "Employee", "Self-employed", "Agency worker", or "" if not finished
    hours: str  # "20 hours a week" or "Irregular hours", or "" if not finished
    finished: bool

    def has_left(self, as_of: date) -> bool:
        return self.leave_date is not None and self.leave_date < as_of


def _time_text(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _parse_time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _pence(m: Money | None) -> int | None:
    return None if m is None else m.pence


def _check_extras(extras: PaExtras, pa: PA) -> PaExtras:
    code = extras.tax_code.strip()
    if code:
        try:
            code = parse_tax_code(code).code
        except DomainError as err:
            raise BookError(str(err)) from None
    if len(extras.pension_status) > 64:
        raise BookError("The pension status is too long; shorten it to 64 letters or fewer.")
    return PaExtras(
        code, extras.pension_status.strip(), extras.holiday_year_starts, extras.apprenticeship_started
    )


def _write(row: PARow, pa: PA, extras: PaExtras) -> None:
    r = pa.rates
    row.name = pa.name.strip()
    row.start_date = pa.start_date
    row.leave_date = pa.leave_date
    row.relative_in_household = pa.relative_in_household
    row.council_approval_date = pa.council_approved_on
    row.phone = pa.contact.phone.strip() or None
    row.email = pa.contact.email.strip() or None
    row.address = pa.contact.address.strip() or None
    row.date_of_birth = pa.date_of_birth
    row.ni_number = pa.ni_number.value if pa.ni_number else None
    row.employment_type = pa.employment_type.value
    row.utr = pa.utr
    row.pay_frequency = pa.pay_frequency.value
    row.tax_code = extras.tax_code or None
    row.pension_status = extras.pension_status or None
    row.standard_rate_pence = r.standard.pence
    row.evening_rate_pence = _pence(r.evening)
    row.weekend_rate_pence = _pence(r.weekend)
    row.bank_holiday_rate_pence = _pence(r.bank_holiday)
    row.waking_night_rate_pence = _pence(r.waking_night)
    row.sleep_in_night_pence = r.sleep_in_night.pence
    row.evening_starts = _time_text(r.evening_starts)
    row.evening_ends = _time_text(r.evening_ends)
    row.weekly_hours = None if pa.weekly_hours is None else str(pa.weekly_hours)
    row.days_per_week = None if pa.days_per_week is None else str(pa.days_per_week)
    row.holiday_scheme = pa.holiday_scheme.value
    row.holiday_year_starts = extras.holiday_year_starts
    row.apprenticeship_started = extras.apprenticeship_started


def pa_from_row(row: PARow) -> PA | None:
    """The domain PA for a stored row, or None if the record is not finished (no standard rate)."""
    if row.standard_rate_pence is None:
        return None

    def money(pence: int | None) -> Money | None:
        return None if pence is None else Money(pence)

    try:
        rates = PayRates(
            standard=Money(row.standard_rate_pence),
            evening=money(row.evening_rate_pence),
            weekend=money(row.weekend_rate_pence),
            bank_holiday=money(row.bank_holiday_rate_pence),
            waking_night=money(row.waking_night_rate_pence),
            sleep_in_night=Money(row.sleep_in_night_pence or 0),
            evening_starts=_parse_time(row.evening_starts or "20:00"),
            evening_ends=_parse_time(row.evening_ends or "00:00"),
        )
        return PA(
            name=row.name,
            start_date=row.start_date,
            employment_type=EmploymentType(row.employment_type or EmploymentType.EMPLOYEE.value),
            pay_frequency=PayFrequency(row.pay_frequency or PayFrequency.WEEKLY.value),
            rates=rates,
            holiday_scheme=HolidayScheme(row.holiday_scheme or HolidayScheme.ACCRUAL_12_07.value),
            weekly_hours=None if row.weekly_hours is None else Decimal(row.weekly_hours),
            days_per_week=None if row.days_per_week is None else Decimal(row.days_per_week),
            date_of_birth=row.date_of_birth,
            ni_number=NINumber(row.ni_number) if row.ni_number else None,
            utr=row.utr,
            leave_date=row.leave_date,
            contact=ContactDetails(row.phone or "", row.email or "", row.address or ""),
            relative_in_household=bool(row.relative_in_household),
            council_approved_on=row.council_approval_date,
        )
    except (DomainError, ValueError, InvalidOperation) as err:
        raise BookError(f"{row.name}'s record in the book cannot be read: {err}") from None


def _record(row: PARow) -> PaRecord:
    extras = PaExtras(
        row.tax_code or "", row.pension_status or "", row.holiday_year_starts, row.apprenticeship_started
    )
    return PaRecord(
        row.id, row.name, row.start_date, row.leave_date, pa_from_row(row), extras, row.contract_given_on
    )


def _require_unique(s: Session, pa: PA, pa_id: int | None) -> None:
    same_name = select(PARow.id).where(func.lower(PARow.name) == pa.name.strip().lower())
    if pa_id is not None:
        same_name = same_name.where(PARow.id != pa_id)
    if s.scalars(same_name).first() is not None:
        raise BookError(
            f"There is already a PA called {pa.name.strip()}; add a middle initial or a surname to tell "
            "them apart."
        )
    if pa.ni_number is not None:
        same_ni = select(PARow.name).where(PARow.ni_number == pa.ni_number.value)
        if pa_id is not None:
            same_ni = same_ni.where(PARow.id != pa_id)
        other = s.scalars(same_ni).first()
        if other is not None:
            raise BookError(f"{other} already has the National Insurance number {pa.ni_number}; check it.")


def add_pa(book: Book, pa: PA, extras: PaExtras | None = None) -> int:
    """Add a PA; returns the new id. The record has been checked by `PA` itself."""
    checked = _check_extras(extras or PaExtras(), pa)
    with book.write() as s:
        _require_unique(s, pa, None)
        row = PARow(name=pa.name.strip(), start_date=pa.start_date)
        _write(row, pa, checked)
        s.add(row)
        s.flush()
        return row.id


def update_pa(book: Book, pa_id: int, pa: PA, extras: PaExtras | None = None) -> None:
    """Replace a PA's record. Refused if saved shifts would fall outside the new employment dates."""
    checked = _check_extras(extras or PaExtras(), pa)
    with book.write() as s:
        row = _row(s, pa_id)
        _require_unique(s, pa, pa_id)
        _check_shifts_inside(s, pa_id, pa.name, pa.start_date, pa.leave_date)
        _write(row, pa, checked)


def set_leave_date(book: Book, pa_id: int, leave_date: date | None) -> None:
    """Record the PA's last day (or clear it); works for a record that is not finished too."""
    with book.write() as s:
        row = _row(s, pa_id)
        if leave_date is not None and leave_date < row.start_date:
            raise BookError(f"{row.name}'s leaving date must be on or after their start date.")
        _check_shifts_inside(s, pa_id, row.name, row.start_date, leave_date)
        row.leave_date = leave_date


def record_contract(book: Book, pa_id: int, given_on: date | None) -> None:
    """Record the day the PA was given a written contract (None clears it)."""
    with book.write() as s:
        row = _row(s, pa_id)
        if given_on is not None and given_on > date.today():
            raise BookError("The contract date cannot be in the future; record it once it is given.")
        row.contract_given_on = given_on


def _check_shifts_inside(s: Session, pa_id: int, name: str, start: date, leave: date | None) -> None:
    first, last = s.execute(
        select(func.min(ShiftRow.day), func.max(ShiftRow.day)).where(ShiftRow.pa_id == pa_id)
    ).one()
    if first is not None and first < start:
        raise BookError(
            f"{name} has a timesheet shift on {long_date(first)}, before {long_date(start)}; change the "
            "start date or that timesheet first."
        )
    if leave is not None and last is not None and last > leave:
        raise BookError(
            f"{name} has a timesheet shift on {long_date(last)}, after {long_date(leave)}; change the "
            "leaving date or that timesheet first."
        )


def _row(s: Session, pa_id: int) -> PARow:
    row = s.get(PARow, pa_id)
    if row is None:
        raise BookError("That PA is not in this book.")
    return row


def get_pa(book: Book, pa_id: int) -> PaRecord:
    with book.read() as s:
        return _record(_row(s, pa_id))


def require_pa(book: Book, pa_id: int) -> PA:
    """The finished domain record, or a BookError saying what to fill in."""
    record = get_pa(book, pa_id)
    if record.pa is None:
        raise BookError(f"Finish {record.name}'s record first: type their pay rates and how they work.")
    return record.pa


def list_pas(book: Book, *, include_left: bool = True, as_of: date | None = None) -> list[PaListRow]:
    """Every PA, by name; leavers (leaving date before `as_of`, default today) only if asked."""
    as_of = as_of or date.today()
    with book.read() as s:
        rows = list(s.scalars(select(PARow).order_by(func.lower(PARow.name), PARow.id)))
    out: list[PaListRow] = []
    for r in rows:
        finished = r.standard_rate_pence is not None
        employment = EmploymentType(r.employment_type).label if finished and r.employment_type else ""
        hours = ""
        if finished:
            hours = (
                f"{Decimal(r.weekly_hours).normalize():f} hours a week"
                if r.weekly_hours
                else "Irregular hours"
            )
        row = PaListRow(r.id, r.name, r.start_date, r.leave_date, employment, hours, finished)
        if include_left or not row.has_left(as_of):
            out.append(row)
    return out


def find_pa(book: Book, name: str) -> int:
    """The id of the PA with this name (case does not matter; a unique start of a name will do)."""
    wanted = " ".join(name.split()).lower()
    if not wanted:
        raise BookError("Give the PA's name.")
    with book.read() as s:
        rows = list(s.execute(select(PARow.id, PARow.name)))
    exact = [i for i, n in rows if n.lower() == wanted]
    if len(exact) == 1:
        return int(exact[0])
    partial = [(i, n) for i, n in rows if n.lower().startswith(wanted)]
    if len(partial) == 1:
        return int(partial[0][0])
    if partial:
        names = ", ".join(sorted(n for _i, n in partial))
        raise BookError(f"“{name}” could be any of: {names}. Give the full name.")
    raise BookError(f"There is no PA called “{name}” in this book.")
