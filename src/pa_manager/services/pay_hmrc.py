"""What finalised pay leaves owing, as committed money: wages, HMRC and the pension provider.

- Net wages: one commitment per payslip, to the PA, due on the pay date.
- HMRC (payroll_rules.md section 10): tax, employee and employer NI and student loans, less the
  Employment Allowance, for each tax month (6th to 5th), due on the 22nd after it; or, when the
  average monthly bill is expected to be under £1,500, for each quarter to 5 July, 5 October,
  5 January and 5 April, due on the 22nd. A 22nd on a weekend moves back to the Friday (pay by the
  last working day before it; bank holidays are not moved here). Monthly or quarterly is fixed for
  a tax year when its first pay run is finalised: the previous year's average if there was pay
  then, otherwise this first run's bill spread over a year; it can be set by hand.
- Pension: employee and employer contributions for each calendar month of pay dates, due to the
  provider by the 22nd of the next month (The Pensions Regulator's deadline for deductions).
One HMRC (or pension) commitment stands for each period; finalising another run in the same period
raises it, or adds one for the extra if the first was already paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import CommitmentKind
from pa_manager.domain.people import add_months, long_date
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.services.book import Book
from pa_manager.services.contingency import settle_matching
from pa_manager.services.errors import BookError
from pa_manager.services.pay_settings import pension_provider_in, year_row
from pa_manager.services.pay_types import HmrcDue, HmrcPosition, Payslip
from pa_manager.store.models import CommitmentRow, PayrollYearRow, PayslipRow

QUARTERLY_LIMIT = Money(150_000)  # £1,500 a month on average
MONTHLY = "monthly"
QUARTERLY = "quarterly"
_HMRC_SUM = (
    PayslipRow.tax_pence
    + PayslipRow.employee_ni_pence
    + PayslipRow.employer_ni_pence
    - PayslipRow.employment_allowance_pence
    + PayslipRow.student_loan_pence
    + PayslipRow.postgraduate_loan_pence
)


@dataclass(frozen=True, slots=True)
class DuePeriod:
    """An HMRC payment period: a tax month or a quarter."""

    tax_year: TaxYear
    key: str  # "m3" or "q1"
    first_day: date
    last_day: date
    due: date
    quarterly: bool

    @property
    def source(self) -> str:
        return f"pay-hmrc:{self.tax_year}:{self.key}"

    @property
    def label(self) -> str:
        span = f"{long_date(self.first_day)} to {long_date(self.last_day)}"
        if self.quarterly:
            return f"Quarter {self.key[1:]} of {self.tax_year} ({span})"
        return f"Tax month {self.key[1:]} of {self.tax_year} ({span})"


def working_day_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def due_period(tax_year: TaxYear, pay_date: date, quarterly: bool) -> DuePeriod:
    """The HMRC payment period holding `pay_date`, and when its payment is due."""
    month = tax_year.period_of(pay_date, PayFrequency.MONTHLY)
    if quarterly:
        quarter = (month - 1) // 3 + 1
        first = tax_year.period_dates(PayFrequency.MONTHLY, 3 * quarter - 2)[0]
        last = tax_year.period_dates(PayFrequency.MONTHLY, 3 * quarter)[1]
        key = f"q{quarter}"
    else:
        first, last = tax_year.period_dates(PayFrequency.MONTHLY, month)
        key = f"m{month}"
    # The period ends on the 5th; payment is due on the 22nd of that same calendar month.
    return DuePeriod(tax_year, key, first, last, working_day_before(last.replace(day=22)), quarterly)


def _bill_in(s: Session, tax_year: TaxYear) -> tuple[Money, int]:
    """A tax year's finalised HMRC bill and how many tax months had pay."""
    total = s.scalar(
        select(func.coalesce(func.sum(_HMRC_SUM), 0)).where(
            PayslipRow.tax_year == str(tax_year), PayslipRow.final.is_(True)
        )
    )
    dates = s.scalars(
        select(PayslipRow.pay_date)
        .where(PayslipRow.tax_year == str(tax_year), PayslipRow.final.is_(True))
        .distinct()
    ).all()
    months = {tax_year.period_of(d, PayFrequency.MONTHLY) for d in dates}
    return Money(int(total or 0)), len(months)


def quarterly_in(s: Session, tax_year: TaxYear, first_run: list[Payslip], frequency: PayFrequency) -> bool:
    """Monthly or quarterly for this tax year: as fixed, or fixed now (see the module docstring)."""
    row = year_row(s, tax_year)
    if row is not None and row.hmrc_schedule:
        return row.hmrc_schedule == QUARTERLY
    previous, months = _bill_in(s, TaxYear(tax_year.start_year - 1))
    if months:
        average = Money(previous.pence // 12)
    else:
        this_run = Money.total(p.hmrc for p in first_run)
        average = Money(this_run.pence * frequency.periods_per_year // 12)
    schedule = QUARTERLY if average < QUARTERLY_LIMIT else MONTHLY
    if row is None:
        s.add(
            PayrollYearRow(tax_year=str(tax_year), employment_allowance_claimed=False, hmrc_schedule=schedule)
        )
    else:
        row.hmrc_schedule = schedule
    s.flush()
    return schedule == QUARTERLY


def set_hmrc_schedule(book: Book, tax_year: TaxYear, schedule: str | None) -> None:
    """Pay HMRC "monthly" or "quarterly" this tax year; None lets the first finalised run decide."""
    if schedule not in (MONTHLY, QUARTERLY, None):
        raise BookError("HMRC is paid monthly or quarterly.")
    with book.write() as s:
        if s.scalar(
            select(func.count()).where(PayslipRow.tax_year == str(tax_year), PayslipRow.final.is_(True))
        ):
            raise BookError(f"Pay for {tax_year} has already been finalised; the HMRC schedule is fixed.")
        row = year_row(s, tax_year)
        if row is None:
            s.add(
                PayrollYearRow(
                    tax_year=str(tax_year), employment_allowance_claimed=False, hmrc_schedule=schedule
                )
            )
        else:
            row.hmrc_schedule = schedule


def _owed_by_source(s: Session, source: str) -> Money:
    return Money(
        int(
            s.scalar(
                select(func.coalesce(func.sum(CommitmentRow.amount_pence), 0)).where(
                    CommitmentRow.source == source
                )
            )
            or 0
        )
    )


def _raise_commitment(
    s: Session, source: str, total: Money, kind: CommitmentKind, payee: str, due: date, note: str
) -> None:
    """Make the commitments with this source add up to `total` (they only ever grow)."""
    extra = total - _owed_by_source(s, source)
    if extra.pence <= 0:
        return
    open_row = s.scalars(
        select(CommitmentRow).where(CommitmentRow.source == source, CommitmentRow.settled_txn_id.is_(None))
    ).first()
    if open_row is not None:
        open_row.amount_pence += extra.pence
        return
    s.add(
        CommitmentRow(
            kind=kind.value,
            payee=payee,
            amount_pence=extra.pence,
            due_date=due,
            pa_id=None,
            source=source,
            note=note,
        )
    )


def record_commitments(
    s: Session,
    tax_year: TaxYear,
    pay_date: date,
    payslips: list[tuple[int, Payslip]],
    label: str,
    quarterly: bool,
) -> None:
    """Commitments for finalised payslips (id, payslip): wages each, and raise HMRC and pension."""
    for slip_id, p in payslips:
        if p.net.pence > 0:
            s.add(
                CommitmentRow(
                    kind=CommitmentKind.WAGES.value,
                    payee=p.pa_name,
                    amount_pence=p.net.pence,
                    due_date=pay_date,
                    pa_id=p.pa_id,
                    source=f"payslip:{slip_id}",
                    note=f"Net pay, {label}",
                )
            )
    s.flush()
    period = due_period(tax_year, pay_date, quarterly)
    total = Money(
        int(
            s.scalar(
                select(func.coalesce(func.sum(_HMRC_SUM), 0)).where(
                    PayslipRow.final.is_(True),
                    PayslipRow.pay_date >= period.first_day,
                    PayslipRow.pay_date <= period.last_day,
                )
            )
            or 0
        )
    )
    _raise_commitment(
        s, period.source, total, CommitmentKind.HMRC, "HMRC", period.due, f"PAYE and NI, {period.label}"
    )
    month_start = pay_date.replace(day=1)
    month_end = add_months(month_start, 1) - timedelta(days=1)
    pension = Money(
        int(
            s.scalar(
                select(
                    func.coalesce(
                        func.sum(PayslipRow.pension_employee_pence + PayslipRow.pension_employer_pence), 0
                    )
                ).where(
                    PayslipRow.final.is_(True),
                    PayslipRow.pay_date >= month_start,
                    PayslipRow.pay_date <= month_end,
                )
            )
            or 0
        )
    )
    _raise_commitment(
        s,
        f"pay-pension:{month_start:%Y-%m}",
        pension,
        CommitmentKind.PENSION,
        pension_provider_in(s),
        working_day_before(add_months(month_start, 1).replace(day=22)),
        f"Pension contributions for pay in {month_start:%B %Y}",
    )
    s.flush()
    settle_matching(s)


def hmrc_due(book: Book, as_of: date) -> HmrcPosition:
    """Each HMRC payment period with finalised pay, up to the tax year holding `as_of`.

    `outstanding` is what the open HMRC commitments for the period still say is owed: nothing once
    a matching payment has settled them (or for pay recorded as already paid).
    """
    last_year = TaxYear.containing(as_of)
    out: list[HmrcDue] = []
    with book.read() as s:
        years = sorted({TaxYear.parse(y) for y in s.scalars(select(PayslipRow.tax_year).distinct())})
        for tax_year in (y for y in years if y <= last_year):
            row = year_row(s, tax_year)
            quarterly = bool(row and row.hmrc_schedule == QUARTERLY)
            sums = s.execute(
                select(
                    PayslipRow.pay_date,
                    func.sum(PayslipRow.tax_pence),
                    func.sum(PayslipRow.employee_ni_pence),
                    func.sum(PayslipRow.employer_ni_pence),
                    func.sum(PayslipRow.employment_allowance_pence),
                    func.sum(PayslipRow.student_loan_pence + PayslipRow.postgraduate_loan_pence),
                )
                .where(PayslipRow.tax_year == str(tax_year), PayslipRow.final.is_(True))
                .group_by(PayslipRow.pay_date)
            ).all()
            periods: dict[str, tuple[DuePeriod, list[int]]] = {}
            for day, *amounts in sums:
                period = due_period(tax_year, day, quarterly)
                entry = periods.setdefault(period.key, (period, [0, 0, 0, 0, 0]))
                for i, a in enumerate(amounts):
                    entry[1][i] += int(a or 0)
            for period, (tax, ee, er, ea, loans) in sorted(periods.values(), key=lambda e: e[0].first_day):
                open_owed = s.scalar(
                    select(func.coalesce(func.sum(CommitmentRow.amount_pence), 0)).where(
                        CommitmentRow.source == period.source, CommitmentRow.settled_txn_id.is_(None)
                    )
                )
                total = Money(tax + ee + er - ea + loans)
                out.append(
                    HmrcDue(
                        tax_year,
                        period.label,
                        period.first_day,
                        period.last_day,
                        period.due,
                        Money(tax),
                        Money(ee),
                        Money(er),
                        Money(ea),
                        Money(loans),
                        total,
                        Money(int(open_owed or 0)),
                        quarterly,
                    )
                )
    return HmrcPosition(as_of, tuple(out))
