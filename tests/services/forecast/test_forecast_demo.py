"""The acceptance checks on the demo book, each figure worked out here independently of the
forecast code: from the funding agreement, the PAs' payslips and the payroll rules.

- The first month's council money matches the funding agreement's schedule to the penny, and
  the first month's wages match the PAs' usual pay (13-week average) priced by the payroll.
- A what-if of 10 more hours a week for one PA lowers the balance by exactly the extra net pay,
  tax, NI and pension on their own dates, and moves the first day out of the band accordingly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from sqlalchemy import func, select

from pa_manager.domain.forecast import FlowKind, WhatIf
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollCase, calculate, supported_tax_years
from pa_manager.domain.payroll.pension import qualifying_earnings
from pa_manager.domain.people import add_months
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services import book as books
from pa_manager.services.forecast import forecast
from pa_manager.services.pay_hmrc import due_period
from pa_manager.store.models import CommitmentRow, FundingAgreementRow, PARow, PayrollYearRow, PayslipRow

MONTHS = 12


def _funding(book: books.Book) -> FundingAgreementRow:
    with book.read() as s:
        row = s.scalars(select(FundingAgreementRow)).one()
        s.expunge(row)
        return row


def test_first_month_council_money_matches_the_schedule_to_the_penny(demo: books.Book) -> None:
    today = date.today()
    row = _funding(demo)
    assert row.schedule == "four-weekly"
    month_end = add_months(today, 1)
    dues = [
        row.start_date + timedelta(weeks=4 * k)
        for k in range(0, 2000)
        if today < row.start_date + timedelta(weeks=4 * k) <= month_end
    ]
    assert dues, "a four-weekly schedule pays at least once in any month"
    council = (row.weekly_dp_pence - row.client_contribution_pence) * 4 * len(dues)
    contribution = row.client_contribution_pence * 4 * len(dues)

    first = forecast(demo, MONTHS, today=today).months[0]

    assert (first.first, first.last) == (today + timedelta(days=1), month_end)
    assert first.totals[FlowKind.COUNCIL] == Money(council)
    assert first.totals[FlowKind.CONTRIBUTION] == Money(contribution)


def _usual_weeks(book: books.Book, today: date) -> dict[str, tuple[int, date]]:
    """Each PA's usual weekly gross (last 13 weeks of final payslips ÷ 13) and next payday."""
    since = today - timedelta(weeks=13)
    out = {}
    with book.read() as s:
        for pa in s.scalars(select(PARow)):
            total = s.scalar(
                select(func.sum(PayslipRow.gross_pence)).where(
                    PayslipRow.pa_id == pa.id, PayslipRow.final.is_(True), PayslipRow.pay_date > since
                )
            )
            last = max(
                d
                for d in (
                    s.scalar(select(func.max(PayslipRow.pay_date)).where(PayslipRow.pa_id == pa.id)),
                    s.scalar(select(func.max(CommitmentRow.due_date)).where(CommitmentRow.pa_id == pa.id)),
                )
                if d is not None
            )
            gross = int((Decimal(total) / 13).quantize(Decimal(1), ROUND_HALF_UP))
            out[pa.name] = (gross, last + timedelta(days=7))
    return out


def _slip(gross: int, day: date) -> tuple[int, int, int, int]:
    """(net, tax + employee NI, employer NI, pension both sides) from the payroll rules."""
    year = TaxYear.containing(day)
    year = year if year in supported_tax_years() else supported_tax_years()[-1]
    result = calculate(
        PayrollCase(year, PayFrequency.WEEKLY, 1, "1257L", True, "A", Money(gross), Money(0), Money(0))
    )
    qualifying = qualifying_earnings(tax_year=year, frequency=PayFrequency.WEEKLY, earnings=Money(gross))
    ee, er = qualifying.apply_rate(Decimal("0.05")), qualifying.apply_rate(Decimal("0.03"))
    net = gross - result.tax.pence - result.employee_ni.pence - ee.pence
    return net, (result.tax + result.employee_ni).pence, result.employer_ni.pence, (ee + er).pence


def _paydays(first: date, after: date, until: date) -> list[date]:
    days, day = [], first
    while day <= until:
        if day > after:
            days.append(day)
        day += timedelta(days=7)
    return days


def test_first_month_wages_are_each_pas_usual_week_through_payroll(demo: books.Book) -> None:
    today = date.today()
    month_end = add_months(today, 1)
    expected = 0
    for gross, first in _usual_weeks(demo, today).values():
        expected += _slip(gross, first)[0] * len(_paydays(first, today, month_end))
    with demo.read() as s:
        owed = s.execute(
            select(CommitmentRow.amount_pence, CommitmentRow.due_date).where(
                CommitmentRow.kind == "wages", CommitmentRow.settled_txn_id.is_(None)
            )
        ).all()
    expected += sum(amount for amount, due in owed if due <= month_end)

    first = forecast(demo, MONTHS, today=today).months[0]

    assert first.totals[FlowKind.WAGES] == Money(-expected)
    assert first.closing == first.opening + Money.total(first.totals.values())


def test_ten_more_hours_moves_the_out_of_band_date_as_worked_out_by_hand(demo: books.Book) -> None:
    today = date.today()
    usual = _usual_weeks(demo, today)
    name = sorted(usual)[0]
    with demo.read() as s:
        rate = s.scalar(select(PARow.standard_rate_pence).where(PARow.name == name))
        schedules = {
            y: q for y, q in s.execute(select(PayrollYearRow.tax_year, PayrollYearRow.hmrc_schedule))
        }
    quarterly = schedules.get(str(TaxYear.containing(today))) == "quarterly"
    gross, first = usual[name]
    extra = 10 * int(rate or 0)

    base = forecast(demo, MONTHS, today=today)
    changed = forecast(demo, MONTHS, WhatIf(MappingProxyType({name: Decimal(10)})), today=today)

    # The extra employer NI stays inside the Employment Allowance over the whole forecast, so
    # the change to the HMRC bill is the extra tax and employee NI only.
    employer_ni = sum(_slip(g + (extra if n == name else 0), today)[2] for n, (g, _f) in usual.items())
    assert employer_ni * 23 < base.inputs.allowance_left.pence  # 23 weeks at most to next April
    delta: dict[date, int] = defaultdict(int)
    for day in _paydays(first, today, base.inputs.end):
        before, after = _slip(gross, day), _slip(gross + extra, day)
        delta[day] -= after[0] - before[0]
        delta[due_period(TaxYear.containing(day), day, quarterly).due] -= after[1] - before[1]
        delta[add_months(day.replace(day=1), 1).replace(day=22)] -= after[3] - before[3]
    row = _funding(demo)
    floor, ceiling = row.weekly_dp_pence * 4, row.weekly_dp_pence * 8
    running, expected_day, expected_balance = 0, None, None
    if not floor <= base.inputs.opening.pence <= ceiling:
        expected_day, expected_balance = today, base.inputs.opening.pence
    for point in base.days:
        running += delta.get(point.day, 0)
        balance = point.balance.pence + running
        if expected_day is None and not floor <= balance <= ceiling:
            expected_day, expected_balance = point.day, balance
    assert [p.balance.pence for p in changed.days][-1] == base.days[-1].balance.pence + running
    assert running < 0

    assert changed.out_of_band is not None and changed.out_of_band.day == expected_day
    assert changed.out_of_band.balance == Money(expected_balance or 0)
    # More hours means less money: falling below the band can only come sooner, rising above later.
    if base.out_of_band is not None and not base.out_of_band.above:
        assert not changed.out_of_band.above and changed.out_of_band.day <= base.out_of_band.day
    elif base.out_of_band is not None:
        assert changed.out_of_band.day >= base.out_of_band.day or not changed.out_of_band.above
