"""The forecast from the book: `forecast_inputs` gathers, `forecast` projects (with a what-if).

Money in is the council's schedule from the funding agreement (and the client's contribution on
the same days). Money out is planned pay for each PA's usual week (`forecast_staff`), with HMRC on
the book's own HMRC dates (monthly or quarterly) and pension by the 22nd of the next month; money
already owed (wages, HMRC, pension, invoices); the insurance renewal; and the usual other spending,
the weekly average of the last 13 weeks' spending on anything else.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.forecast import (
    Flow,
    FlowKind,
    Forecast,
    ForecastInputs,
    WhatIf,
    apply_what_if,
    project,
)
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.expected_income import expected_payments
from pa_manager.domain.money_rules.pots import CommitmentKind
from pa_manager.domain.payroll import employment_allowance_for
from pa_manager.domain.payroll.pension import PensionScheme
from pa_manager.domain.people import add_months
from pa_manager.domain.periods import TaxYear
from pa_manager.services.book import Book
from pa_manager.services.compliance_records import current_insurance
from pa_manager.services.contingency import commitments
from pa_manager.services.errors import BookError
from pa_manager.services.forecast_staff import AVERAGE_WEEKS, planned_staff
from pa_manager.services.pay_hmrc import QUARTERLY, due_period
from pa_manager.services.pay_settings import allowance_claimed_in, year_row
from pa_manager.services.position import funding, money_position
from pa_manager.store.models import PayslipRow, TransactionRow

MIN_MONTHS, MAX_MONTHS = 1, 24
# Spending with its own line in the forecast, so it is not counted again in "usual other".
_OWN_LINES = tuple(c.value for c in (Category.PA_WAGES, Category.HMRC, Category.PENSION, Category.INSURANCE))
_KIND_OF = {
    CommitmentKind.WAGES: FlowKind.WAGES,
    CommitmentKind.HMRC: FlowKind.HMRC,
    CommitmentKind.PENSION: FlowKind.PENSION,
}


def pension_due(pay_date: date) -> date:
    """Contributions deducted in a month reach the provider by the 22nd of the next month."""
    return add_months(pay_date.replace(day=1), 1).replace(day=22)


def forecast_inputs(book: Book, months: int, today: date | None = None) -> ForecastInputs:
    """Everything the projection needs, from the book, for `months` months after `today`."""
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise BookError(f"A forecast can look {MIN_MONTHS} to {MAX_MONTHS} months ahead.")
    today = today or date.today()
    end = add_months(today, months)
    f = funding(book)
    income = tuple(
        Flow(
            e.due,
            e.amount,
            FlowKind.COUNCIL if e.category is Category.COUNCIL_DP else FlowKind.CONTRIBUTION,
            f"{e.payer}: direct payment" if e.category is Category.COUNCIL_DP else "Your contribution",
        )
        for e in expected_payments(
            schedule=f.schedule,
            weekly_dp=f.weekly_dp,
            weekly_contribution=f.weekly_contribution,
            first_due=f.start_date,
            until=end,
            council=f.council,
        )
        if e.due > today
    )
    staff, notes = planned_staff(book, today)
    year = TaxYear.containing(today)
    with book.read() as s:
        row = year_row(s, year)
        quarterly = bool(row and row.hmrc_schedule == QUARTERLY)
        claimed = allowance_claimed_in(s, year)
        used = s.scalar(
            select(func.coalesce(func.sum(PayslipRow.employment_allowance_pence), 0)).where(
                PayslipRow.tax_year == str(year), PayslipRow.final.is_(True)
            )
        )
        since = today - timedelta(weeks=AVERAGE_WEEKS)
        other = s.scalar(
            select(func.coalesce(func.sum(TransactionRow.amount_pence), 0)).where(
                TransactionRow.date > since,
                TransactionRow.date <= today,
                TransactionRow.amount_pence < 0,
                TransactionRow.category.not_in(_OWN_LINES),
            )
        )
    allowance = employment_allowance_for(year) if claimed else Money(0)
    scheme = PensionScheme()
    return ForecastInputs(
        start=today,
        end=end,
        opening=money_position(book, today).balance,
        weekly_dp=f.weekly_dp,
        band_min_weeks=f.allowed.min_weeks,
        band_max_weeks=f.allowed.max_weeks,
        income=income,
        bills=tuple(_bills(book, today, end)),
        staff=tuple(staff),
        weekly_other=Money(-int(other or 0)).apply_rate(Decimal(1) / Decimal(AVERAGE_WEEKS)),
        hmrc_due=lambda day: due_period(TaxYear.containing(day), day, quarterly).due,
        pension_due=pension_due,
        allowance_left=max(allowance - Money(int(used or 0)), Money(0)),
        allowance_yearly=allowance,
        pension_rates=(scheme.employee_rate, scheme.employer_rate),
        notes=tuple(notes),
    )


def _bills(book: Book, today: date, end: date) -> list[Flow]:
    """Money already owed (paid on its due date, or tomorrow if overdue), and the insurance renewal."""
    out = [
        Flow(
            max(c.due, today + timedelta(days=1)),
            -c.amount,
            _KIND_OF.get(c.kind, FlowKind.BILLS),
            f"Owed to {c.payee}",
        )
        for c in commitments(book)
    ]
    policy = current_insurance(book)
    if policy is not None:
        with book.read() as s:
            premium = s.scalars(
                select(TransactionRow.amount_pence)
                .where(TransactionRow.category == Category.INSURANCE.value, TransactionRow.amount_pence < 0)
                .order_by(TransactionRow.date.desc())
                .limit(1)
            ).first()
        renews, n = policy.renews_on, 0
        while premium and renews <= end:
            if renews > today:
                out.append(
                    Flow(renews, Money(premium), FlowKind.BILLS, f"Insurance renewal: {policy.insurer}")
                )
            n += 1
            renews = add_months(policy.renews_on, 12 * n)
    return out


def forecast(
    book: Book, months: int = 12, what_if: WhatIf | None = None, today: date | None = None
) -> Forecast:
    """The balance `months` months ahead, with a what-if's changes if one is given."""
    inputs = forecast_inputs(book, months, today)
    return project(apply_what_if(inputs, what_if) if what_if and not what_if.is_empty else inputs)
