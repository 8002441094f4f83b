"""Demo PAs with full records, their paperwork, and their last year of signed timesheets.

Called by `services.demo` after it has made the PA rows. Only the last 52 weeks get timesheets,
even in the 10-year benchmark book, so the book still builds quickly; the money side of the demo
covers the whole span. What the year shows: weekly timesheets signed by the PA and the employer and
approved (the newest week signed by the PA only, waiting for the employer), bank-holiday Mondays
worked at the bank holiday rate, a sleep-in each week (one night woken for 1.5 hours), a week of
holiday for each PA, a sick day, and the first PA on irregular hours with 12.07% holiday.
"""

from __future__ import annotations

import random
import string
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from pa_manager.domain.compliance import (
    DbsCertificate,
    DbsLevel,
    InsurancePolicy,
    RightToWorkCheck,
    RightToWorkMethod,
    TrainingRecord,
)
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.people import (
    PA,
    ContactDetails,
    EmploymentType,
    HolidayScheme,
    NINumber,
    PayRates,
    add_months,
    ni_number_problem,
)
from pa_manager.domain.periods import PayFrequency
from pa_manager.domain.timesheets import Shift, ShiftType, validate_timesheet
from pa_manager.services import compliance_records as records
from pa_manager.services import people
from pa_manager.services.book import Book
from pa_manager.services.shift_store import shift_values, week_start
from pa_manager.store import audit
from pa_manager.store.models import PARow, ShiftRow, TimesheetRow

STANDARD_PENCE = 1350
WEEKS = 52
_COURSES = ("Moving and handling", "First aid", "Medication awareness")


def _ni_number(rng: random.Random, used: set[str]) -> NINumber:
    while True:
        text = (
            rng.choice("ABCEGHJKLMNPRSTWXYZ")
            + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            + "".join(rng.choice(string.digits) for _ in range(6))
            + rng.choice("ABCD")
        )
        if ni_number_problem(text) is None and text not in used:
            used.add(text)
            return NINumber(text)


def _record(rng: random.Random, name: str, start: date, hours: int, irregular: bool, used: set[str]) -> PA:
    rates = PayRates(
        standard=Money(STANDARD_PENCE),
        weekend=Money(STANDARD_PENCE + 100),
        bank_holiday=Money(STANDARD_PENCE * 3 // 2),
        waking_night=Money(STANDARD_PENCE + 50),
        sleep_in_night=Money(8000),
    )
    first = name.split()[0].lower()
    return PA(
        name=name,
        start_date=start,
        employment_type=EmploymentType.EMPLOYEE,
        pay_frequency=PayFrequency.WEEKLY,
        rates=rates,
        holiday_scheme=HolidayScheme.ACCRUAL_12_07 if irregular else HolidayScheme.WEEKS_5_6,
        weekly_hours=None if irregular else Decimal(hours),
        days_per_week=None if irregular else Decimal(_days(hours)),
        date_of_birth=start - timedelta(days=365 * rng.randint(22, 55) + rng.randint(0, 364)),
        ni_number=_ni_number(rng, used),
        contact=ContactDetails(
            phone=f"07700 900{rng.randint(0, 999):03d}",  # Ofcom's drama range: never a real number
            email=f"{first}@example.org",
            address=f"{rng.randint(1, 120)} Station Road, Anytown",
        ),
    )


def _days(hours: int) -> int:
    return max(2, min(5, round(hours / 6)))


def _week(
    index: int, pa_count: int, monday: date, hours: int, irregular: bool, rng: random.Random
) -> list[Shift]:
    """One week of shifts for the PA at `index` (see the module docstring for the pattern)."""
    if irregular:
        worked = sorted(rng.sample(range(7), rng.randint(1, 4)))
        return [
            Shift(monday + timedelta(days=d), time(9 + rng.randint(0, 4)), time(17 + rng.randint(0, 3)))
            for d in worked
        ]
    days = _days(hours)
    minutes = hours * 60 // days
    pattern = list(range(days))
    if index % 3 == 1:
        pattern[-1] = 5  # a Saturday shift: the weekend rate
    shifts = []
    for d in pattern:
        start = time(9)
        stop = datetime.combine(monday, start) + timedelta(minutes=minutes + (30 if minutes > 360 else 0))
        shifts.append(
            Shift(monday + timedelta(days=d), start, stop.time(), break_minutes=30 if minutes > 360 else 0)
        )
    if index % 3 == 1 or pa_count == 1:
        shifts.append(Shift(monday + timedelta(days=2), time(22), time(7), ShiftType.SLEEP_IN))
    return shifts


def add_demo_people(
    book: Book, rng: random.Random, start: date, end: date, pa_ids: list[int], hours: list[int]
) -> None:
    """Full records, paperwork and the last 52 weeks of timesheets for the demo's PA rows."""
    with book.read() as s:
        names = {r.id: r.name for r in s.scalars(select(PARow).where(PARow.id.in_(pa_ids)))}
    used: set[str] = set()
    records.record_insurance(book, InsurancePolicy("Fish Insurance", add_months(end, 3), "FCP-204811"))
    for index, (pa_id, h) in enumerate(zip(pa_ids, hours, strict=True)):
        pa = _record(rng, names[pa_id], start, h, index == 0, used)
        people.update_pa(book, pa_id, pa, people.PaExtras(tax_code="1257L", pension_status="enrolled"))
        people.record_contract(book, pa_id, start)
        follow_up = add_months(end, 1) if index == 2 else None  # time-limited permission: due soon
        method = RightToWorkMethod.SHARE_CODE if follow_up else RightToWorkMethod.DOCUMENTS
        records.record_right_to_work(
            book, pa_id, RightToWorkCheck(start - timedelta(days=3), method, follow_up)
        )
        issued = (
            end - timedelta(days=365 * 3 + 20) if index == 1 else end - timedelta(days=rng.randint(30, 900))
        )
        number = f"00{rng.randint(10**9, 10**10 - 1)}"
        records.record_dbs(
            book, pa_id, DbsCertificate(number, DbsLevel.ENHANCED_WITH_BARRED_LIST, issued, index % 2 == 0)
        )
        course = _COURSES[index % len(_COURSES)]
        done = end - timedelta(days=rng.randint(60, 700))
        records.record_training(book, pa_id, TrainingRecord(course, done, add_months(done, 36)))
    _add_timesheets(book, rng, start, end, pa_ids, hours, names)


def _add_timesheets(
    book: Book,
    rng: random.Random,
    start: date,
    end: date,
    pa_ids: list[int],
    hours: list[int],
    names: dict[int, str],
) -> None:
    last_monday = week_start(end) - timedelta(days=7)  # the newest complete week
    mondays = [m for m in (last_monday - timedelta(weeks=w) for w in range(WEEKS - 1, -1, -1)) if m >= start]
    if not mondays:
        return
    woken_week = mondays[len(mondays) // 2]
    employer = book.actor.name if book.actor else "The employer"
    sheets: list[dict[str, object]] = []
    weeks: list[tuple[int, list[Shift]]] = []
    for index, (pa_id, h) in enumerate(zip(pa_ids, hours, strict=True)):
        pa = people.require_pa(book, pa_id)
        holiday_week = mondays[(10 + 3 * index) % len(mondays)]
        for monday in mondays:
            shifts = _week(index, len(pa_ids), monday, h, index == 0, rng)
            if monday == holiday_week:
                shifts = [
                    Shift(sh.day, sh.start, sh.end, ShiftType.HOLIDAY, sh.break_minutes)
                    for sh in shifts
                    if sh.kind is ShiftType.STANDARD
                ]
            elif monday == woken_week:
                shifts = [
                    Shift(sh.day, sh.start, sh.end, sh.kind, woken_minutes=90)
                    if sh.kind is ShiftType.SLEEP_IN
                    else sh
                    for sh in shifts
                ]
            if index == len(pa_ids) - 1 and monday == mondays[len(mondays) // 3] and shifts:
                first = shifts[0]
                shifts[0] = Shift(first.day, first.start, first.end, ShiftType.SICKNESS, first.break_minutes)
            problems = validate_timesheet(shifts, pa)
            if problems:  # a bug in this generator, not something a person could fix
                raise DomainError(problems[0].message)
            newest = monday == mondays[-1]
            signed = monday + timedelta(days=7)
            sheets.append(
                {
                    "pa_id": pa_id,
                    "period_start": monday,
                    "period_end": monday + timedelta(days=6),
                    "status": "signed" if newest else "approved",
                    "pa_signed_name": names[pa_id],
                    "pa_signed_on": signed,
                    "employer_signed_name": None if newest else employer,
                    "employer_signed_on": None if newest else signed,
                    "approved_at": None if newest else datetime.combine(signed, time(18), UTC).isoformat(),
                    "approved_by": None if newest else book.actor_label,
                }
            )
            weeks.append((pa_id, shifts))
    with book.write() as s:
        ids = audit.insert_audited(s, TimesheetRow, sheets)
        rows = [
            shift_values(sh, ts_id, pa_id)
            for ts_id, (pa_id, shifts) in zip(ids, weeks, strict=True)
            for sh in shifts
        ]
        audit.insert_audited(s, ShiftRow, rows)
