"""Payroll choices: per PA (bureau, week 1/month 1, NI letter, student loans) and per tax year.

- A PA marked `bureau` is paid by a payroll bureau: the holder types in the bureau's payslips
  (`services.bureau`) and PA Manager works out nothing for them, but treats those figures like its
  own (commitments, year to date, what is owed to HMRC).
- The NI category letter is worked out from the PA's age unless one is recorded here: M under 21,
  H for an apprentice under 25, C from State Pension age, otherwise A.
- Per tax year: whether the Employment Allowance is claimed (the employer's choice, made on the
  EPS; care and support employers qualify, HMRC NIM06520) and whether HMRC is paid monthly or
  quarterly (fixed when the year's first pay run is finalised, see `pay_hmrc`).
- The pension provider's name (who pension contributions are owed to) is a book setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pa_manager.domain.errors import DomainError
from pa_manager.domain.payroll import LoanPlan
from pa_manager.domain.payroll.ni import category_rates
from pa_manager.domain.payroll.years import rates_for
from pa_manager.domain.periods import TaxYear
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import BookMeta, PARow, PayrollYearRow

PENSION_PROVIDER_KEY = "pension_provider"
DEFAULT_PROVIDER = "Pension provider"


@dataclass(frozen=True, slots=True)
class PayrollDetails:
    """A PA's payroll settings beyond the People record."""

    bureau: bool = False
    week1_month1: bool = False
    ni_category: str | None = None  # None: worked out from age
    student_loan_plan: LoanPlan | None = None
    postgraduate_loan: bool = False


def details_of(row: PARow) -> PayrollDetails:
    plan = LoanPlan(row.student_loan_plan) if row.student_loan_plan else None
    return PayrollDetails(
        bool(row.payroll_bureau),
        bool(row.tax_week1_month1),
        row.ni_category,
        plan,
        bool(row.postgraduate_loan),
    )


def payroll_details(book: Book, pa_id: int) -> PayrollDetails:
    with book.read() as s:
        row = s.get(PARow, pa_id)
        if row is None:
            raise BookError("That PA is not in this book.")
        return details_of(row)


def set_payroll_details(book: Book, pa_id: int, details: PayrollDetails) -> None:
    """Save a PA's payroll settings; a wrong NI letter or a postgraduate "plan" is refused."""
    letter = details.ni_category.strip().upper() if details.ni_category else None
    if letter:
        try:
            category_rates(rates_for(TaxYear.containing(date.today())).ni, letter)
        except DomainError as err:
            raise BookError(str(err)) from None
    if details.student_loan_plan is LoanPlan.POSTGRADUATE:
        raise BookError("A postgraduate loan is not a plan: choose the SL1 plan, and tick postgraduate loan.")
    with book.write() as s:
        row = s.get(PARow, pa_id)
        if row is None:
            raise BookError("That PA is not in this book.")
        # Unset stays NULL (not False), so a record untouched by the Pay page keeps its audit digest.
        row.payroll_bureau = details.bureau or (None if row.payroll_bureau is None else False)
        row.tax_week1_month1 = details.week1_month1 or (None if row.tax_week1_month1 is None else False)
        row.ni_category = letter or None
        row.student_loan_plan = details.student_loan_plan.value if details.student_loan_plan else None
        row.postgraduate_loan = details.postgraduate_loan or (
            None if row.postgraduate_loan is None else False
        )


def year_row(s: Session, tax_year: TaxYear) -> PayrollYearRow | None:
    return s.scalars(select(PayrollYearRow).where(PayrollYearRow.tax_year == str(tax_year))).first()


def allowance_claimed_in(s: Session, tax_year: TaxYear) -> bool:
    row = year_row(s, tax_year)
    return bool(row and row.employment_allowance_claimed)


def employment_allowance_claimed(book: Book, tax_year: TaxYear) -> bool:
    with book.read() as s:
        return allowance_claimed_in(s, tax_year)


def set_employment_allowance(book: Book, tax_year: TaxYear, claimed: bool) -> None:
    """Record whether the Employment Allowance is claimed this tax year (from the next pay run on)."""
    rates_for(tax_year)  # refuses a year we hold no rates for
    with book.write() as s:
        row = year_row(s, tax_year)
        if row is None:
            s.add(PayrollYearRow(tax_year=str(tax_year), employment_allowance_claimed=claimed))
        else:
            row.employment_allowance_claimed = claimed


def pension_provider_in(s: Session) -> str:
    value = s.scalar(select(BookMeta.value).where(BookMeta.key == PENSION_PROVIDER_KEY))
    return value or DEFAULT_PROVIDER


def pension_provider(book: Book) -> str:
    with book.read() as s:
        return pension_provider_in(s)


def set_pension_provider(book: Book, name: str) -> None:
    """Who pension contributions are paid to, e.g. "Nest Pensions" (it names the commitment)."""
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise BookError("Type the pension provider's name (up to 200 letters), e.g. Nest Pensions.")
    with book.write() as s:
        row = s.get(BookMeta, PENSION_PROVIDER_KEY)
        if row is None:
            s.add(BookMeta(key=PENSION_PROVIDER_KEY, value=name))
        else:
            row.value = name
