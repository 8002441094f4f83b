"""The leaver's P45-style summary and the automatic-enrolment letter, from finalised pay.

Both are exports the person asks for: the caller gives the path. The figures come from the PA's
last finalised payslip (its year-to-date totals), never worked out again.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pa_manager.domain.money import Money
from pa_manager.domain.payroll.pension import opt_out_window
from pa_manager.domain.periods import PayFrequency
from pa_manager.reports.pay_documents.model import LeaverDoc, PensionLetterDoc, PensionOutcome
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_documents import employee_info, employer_info
from pa_manager.services.pay_settings import pension_provider
from pa_manager.store.models import PayRunRow, PayslipRow

# The scheme every pay run uses (domain PensionScheme's defaults): 5% from the PA, 3% employer.
EMPLOYEE_RATE, EMPLOYER_RATE = Decimal(5), Decimal(3)

# Payslips store the category as pay_pension's short code.
_OUTCOMES = {
    "eligible": PensionOutcome.ENROLLED,
    "non-eligible": PensionOutcome.NON_ELIGIBLE,
    "entitled": PensionOutcome.ENTITLED,
}


def _last_final(book: Book, pa_id: int) -> tuple[PayslipRow, PayRunRow]:
    with book.read() as s:
        found = s.execute(
            select(PayslipRow, PayRunRow)
            .join(PayRunRow, PayRunRow.id == PayslipRow.pay_run_id)
            .where(PayslipRow.pa_id == pa_id, PayslipRow.final.is_(True))
            .order_by(PayslipRow.pay_date.desc(), PayslipRow.id.desc())
        ).first()
    if found is None:
        raise BookError("This PA has no finalised pay yet: finalise a pay run first.")
    return found[0], found[1]


def leaver_doc(book: Book, pa_id: int, issued_on: date | None = None) -> LeaverDoc:
    """The leaving summary for a PA with a leaving date, from their last finalised payslip."""
    employee, pa = employee_info(book, pa_id)
    if pa.leave_date is None:
        raise BookError(f"Record {employee.name}'s leaving date on their record first.")
    slip, run = _last_final(book, pa_id)
    word = "Month" if run.frequency == PayFrequency.MONTHLY.value else "Week"
    number = run.period if word == "Month" else _tax_week(run)
    return LeaverDoc(
        tax_year=slip.tax_year,
        employer=employer_info(book),
        employee=employee,
        leaving_date=pa.leave_date,
        tax_code=slip.tax_code,
        week1_month1=slip.tax_basis == "week1_month1",
        last_period_label=f"{word} {number}",
        pay_to_date=Money(slip.ytd_taxable_pence),
        tax_to_date=Money(slip.ytd_tax_pence),
        student_loan_continue=slip.ytd_student_loan_pence > 0,
        postgraduate_loan_continue=slip.ytd_postgraduate_loan_pence > 0,
        issued_on=issued_on or date.today(),
    )


def export_leaver(book: Book, pa_id: int, path: Path) -> Path:
    from pa_manager.reports.pay_documents.leaver_pdf import write_leaver  # reportlab: when asked

    return write_leaver(leaver_doc(book, pa_id), Path(path))


def pension_letter_doc(book: Book, pa_id: int, letter_date: date | None = None) -> PensionLetterDoc:
    """The letter for the outcome of the PA's latest assessment (on their last finalised payslip)."""
    employee, _pa = employee_info(book, pa_id)
    slip, run = _last_final(book, pa_id)
    outcome = _OUTCOMES.get(slip.pension_category)
    if outcome is None:
        raise BookError(
            f"{employee.name}'s last payslip has no pension assessment (a bureau payslip, or outside "
            "automatic enrolment), so there is no letter to write."
        )
    given = letter_date or date.today()
    window = opt_out_window(enrolled_on=run.pay_date, information_given_on=given)
    enrolled = outcome is PensionOutcome.ENROLLED
    return PensionLetterDoc(
        outcome=outcome,
        employer=employer_info(book),
        worker=employee,
        letter_date=given,
        scheme_name=pension_provider(book),
        employee_rate=EMPLOYEE_RATE,
        employer_rate=EMPLOYER_RATE,
        enrolment_date=run.pay_date if enrolled else None,
        opt_out_from=window[0] if enrolled else None,
        opt_out_until=window[1] if enrolled else None,
    )


def export_pension_letter(book: Book, pa_id: int, path: Path) -> Path:
    from pa_manager.reports.pay_documents.pension_letter_pdf import write_pension_letter

    return write_pension_letter(pension_letter_doc(book, pa_id), Path(path))


def _tax_week(run: PayRunRow) -> int:
    """The tax week of a weekly, fortnightly or four-weekly run's pay date (week 1 from 6 April)."""
    day = run.pay_date
    start = date(day.year if day >= date(day.year, 4, 6) else day.year - 1, 4, 6)
    return (run.pay_date - start).days // 7 + 1
