"""Statutory Sick Pay for a pay run, from the sickness days on a PA's approved timesheets.

The amounts come from `domain.payroll.ssp` (rates, daily rates, waiting days, the 28 weeks). What a
timesheet cannot say, this module settles by a stated rule, and the payslip says so:
- Qualifying days a week: the PA's contracted days, or for irregular hours the days they worked in
  the 8 weeks before the sickness, averaged (at least 1).
- Average weekly earnings: gross pay in the 8 weeks before the first sick day (fewer for a new PA),
  divided by the weeks, rounded down to the penny.
- Linked periods: sickness days in the 8 weeks before count as the same period (waiting days and
  the 28 weeks are used up first).
- Before 6 April 2026 a period of incapacity needs 4 or more days in a row, counting days off: the
  sick days here must span at least 4 calendar days, unless the period links to an earlier one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import YearRates, payable_days, ssp_for_week, ssp_weekly_rate
from pa_manager.domain.people import PA, long_date
from pa_manager.domain.timesheets import ShiftType
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.shift_store import week_start
from pa_manager.services.timesheets import totals_between
from pa_manager.store.models import ShiftRow

LOOK_BACK = timedelta(weeks=8)


@dataclass(frozen=True, slots=True)
class SickPay:
    """SSP for the sick days in one pay run, and one sentence saying how it was worked out."""

    amount: Money
    weekly_rate: Money | None
    days_paid: int
    note: str


NO_SICKNESS = SickPay(Money(0), None, 0, "")


def sick_days_by_pa(s: Session, pa_ids: Sequence[int], first: date, last: date) -> dict[int, list[date]]:
    """Each PA's days with a sickness shift from `first` to `last` (one index read for them all)."""
    out: dict[int, list[date]] = {}
    if not pa_ids:
        return out
    rows = s.execute(
        select(ShiftRow.pa_id, ShiftRow.day)
        .where(
            ShiftRow.pa_id.in_(pa_ids),
            ShiftRow.day >= first,
            ShiftRow.day <= last,
            ShiftRow.kind == ShiftType.SICKNESS.value,
        )
        .order_by(ShiftRow.pa_id, ShiftRow.day)
    )
    for pa_id, day in rows:
        days = out.setdefault(pa_id, [])
        if day not in days:
            days.append(day)
    return out


def sick_pay(book: Book, pa_id: int, pa: PA, rates: YearRates, sick_days: Sequence[date]) -> SickPay:
    """SSP for these sick days (sorted), by the rules of the tax year given."""
    if not sick_days:
        return NO_SICKNESS
    first = sick_days[0]
    with book.read() as s:
        earlier = sick_days_by_pa(s, [pa_id], first - LOOK_BACK, first - timedelta(days=1)).get(pa_id, [])
    before = None
    if first > pa.start_date:
        before = totals_between(book, pa_id, max(first - LOOK_BACK, pa.start_date), first - timedelta(days=1))
    weeks = max(1, min(8, (first - pa.start_date).days // 7))
    gross = before.pay.gross if before else Money(0)
    average = Money(gross.pence // weeks)
    who = pa.name
    if rates.ssp.waiting_days and not earlier and (sick_days[-1] - first).days + 1 < 4:
        return SickPay(
            Money(0),
            None,
            0,
            f"{who} was off sick for fewer than 4 days in a row, so no Statutory Sick Pay is due "
            "(before 6 April 2026 sickness must last at least 4 days, counting days off).",
        )
    try:
        weekly = ssp_weekly_rate(rates, average)
    except DomainError as err:
        raise BookError(str(err)) from None
    if weekly is None:
        return SickPay(
            Money(0),
            None,
            0,
            f"{who}'s average weekly earnings ({average}) are below the lower earnings limit, so no "
            "Statutory Sick Pay is due.",
        )
    qualifying = _qualifying_days(pa, weeks, book, pa_id, first)
    paid = payable_days(
        rates,
        qualifying_days_sick=len(sick_days),
        qualifying_days_per_week=qualifying,
        earlier_linked_days=len(earlier),
    )
    paid_days = list(sick_days[len(sick_days) - paid :]) if paid else []
    by_week: dict[date, int] = {}
    for day in paid_days:
        by_week[week_start(day)] = by_week.get(week_start(day), 0) + 1
    amount = Money.total(ssp_for_week(weekly, qualifying, min(n, qualifying)) for n in by_week.values())
    waiting = len(sick_days) - paid
    note = (
        f"Statutory Sick Pay for {who}: {paid} of {len(sick_days)} sick days paid from "
        f"{long_date(first)}, at {weekly} a week over {qualifying} qualifying days a week "
        f"(average weekly earnings {average})."
    )
    if waiting:
        note += f" {waiting} day(s) unpaid as waiting days or beyond the 28 weeks."
    return SickPay(amount, weekly, paid, note)


def _qualifying_days(pa: PA, weeks: int, book: Book, pa_id: int, first: date) -> int:
    if pa.days_per_week is not None:
        return max(1, min(7, round(pa.days_per_week)))
    with book.read() as s:
        worked = s.scalars(
            select(ShiftRow.day)
            .where(ShiftRow.pa_id == pa_id, ShiftRow.day >= first - LOOK_BACK, ShiftRow.day < first)
            .where(ShiftRow.kind.in_([ShiftType.STANDARD.value, ShiftType.WAKING_NIGHT.value]))
            .distinct()
        ).all()
    return max(1, min(7, round(len(worked) / weeks)))
