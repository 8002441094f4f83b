"""Each PA's usual week, for the forecast: what it earns, when they are next paid, how it is taxed.

The usual week is, in order of preference: the PA's first saved rota (priced with the timesheet
rules, bank holidays aside); the average weekly gross of their last 13 weeks of finalised pay
(which counts sleep-ins, weekend rates and holiday as they really fell); or, with no pay yet,
their contracted weekly hours at the standard rate. The next payday follows
their latest payslip or wages owed; with neither, the coming Friday.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from pa_manager.domain.errors import DomainError
from pa_manager.domain.forecast import PlannedPa
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.pension import PensionState
from pa_manager.domain.people import PA, EmploymentType, add_months
from pa_manager.domain.periods import PayFrequency
from pa_manager.domain.timesheets.pay import pay_for_minutes, price_timesheet
from pa_manager.services.book import Book
from pa_manager.services.pay_pension import status_from_text
from pa_manager.services.people import pa_from_row
from pa_manager.services.rota import RotaTemplate, list_rotas
from pa_manager.store.models import CommitmentRow, PARow, PayslipRow, RotaTemplateRow

AVERAGE_WEEKS = 13
SAMPLE_MONDAY = date(2001, 1, 1)  # a week with no bank holidays, for pricing a rota
_PAYING = (PensionState.ENROLLED, PensionState.OPTED_IN)


def _next_friday(day: date) -> date:
    return day + timedelta(days=(4 - day.weekday()) % 7 or 7)


def _step(day: date, frequency: PayFrequency) -> date:
    weeks = frequency.weeks
    return day + timedelta(weeks=weeks) if weeks else add_months(day, 1)


def planned_staff(book: Book, today: date) -> tuple[list[PlannedPa], list[str]]:
    """Every employed PA still working after `today`, with notes on PAs left out."""
    since = today - timedelta(weeks=AVERAGE_WEEKS)
    notes: list[str] = []
    with book.read() as s:
        rows = list(s.scalars(select(PARow).order_by(PARow.name)))
        with_rota = set(s.scalars(select(RotaTemplateRow.pa_id).distinct()))
        last_paid = dict(
            s.execute(
                select(PayslipRow.pa_id, func.max(PayslipRow.pay_date)).group_by(PayslipRow.pa_id)
            ).all()
        )
        recent: dict[int, int] = defaultdict(int)
        for pa_id, gross in s.execute(
            select(PayslipRow.pa_id, func.sum(PayslipRow.gross_pence))
            .where(PayslipRow.final.is_(True), PayslipRow.pay_date > since, PayslipRow.pay_date <= today)
            .group_by(PayslipRow.pa_id)
        ):
            recent[pa_id] = int(gross or 0)
        owed = dict(
            s.execute(
                select(CommitmentRow.pa_id, func.max(CommitmentRow.due_date))
                .where(CommitmentRow.kind == "wages", CommitmentRow.settled_txn_id.is_(None))
                .group_by(CommitmentRow.pa_id)
            ).all()
        )
        people = [(r, pa_from_row(r)) for r in rows]
    out: list[PlannedPa] = []
    for row, pa in people:
        if pa is None or (pa.leave_date is not None and pa.leave_date <= today):
            continue
        if pa.employment_type is not EmploymentType.EMPLOYEE:
            notes.append(f"{pa.name} is not paid through payroll, so their pay is not in the forecast.")
            continue
        # A PA who started within the last 13 weeks is averaged over the weeks they have worked.
        weeks = max(1, min(AVERAGE_WEEKS, (today - pa.start_date).days // 7))
        rota = list_rotas(book, row.id)[0] if row.id in with_rota else None  # the first by name
        weekly, source = _usual_week(pa, rota, Money(recent.get(row.id, 0)), weeks)
        anchor = max((d for d in (last_paid.get(row.id), owed.get(row.id)) if d is not None), default=None)
        first = _step(anchor, pa.pay_frequency) if anchor else _next_friday(today)
        while first <= today:
            first = _step(first, pa.pay_frequency)
        status = status_from_text(row.pension_status)
        out.append(
            PlannedPa(
                name=pa.name,
                weekly_gross=weekly,
                hourly=pa.rates.standard,
                first_payday=first,
                frequency=pa.pay_frequency,
                tax_code=row.tax_code or "1257L",
                ni_category=row.ni_category or "A",
                pension=status.state in _PAYING,
                last_day=pa.leave_date,
                source=source,
            )
        )
    return out, notes


def _usual_week(pa: PA, rota: RotaTemplate | None, recent: Money, weeks: int) -> tuple[Money, str]:
    if rota is not None:
        try:
            shifts = [r.on(SAMPLE_MONDAY) for r in rota.shifts]
            # Priced as if in a sample week inside their employment (as the rota was checked).
            sample = replace(pa, start_date=SAMPLE_MONDAY, leave_date=None, date_of_birth=None)
            return price_timesheet(shifts, sample, frozenset()).gross, f"rota “{rota.name}”"
        except DomainError:
            pass  # a rota that no longer fits the PA's record: fall back to the hours
    if recent or pa.weekly_hours is None:
        return recent.apply_rate(Decimal(1) / Decimal(weeks)), f"average of the last {weeks} weeks' pay"
    minutes = int((pa.weekly_hours * 60).to_integral_value())
    return pay_for_minutes(pa.rates.standard, minutes), "contracted hours"
