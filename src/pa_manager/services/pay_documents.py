"""Pay runs as documents: payslip PDFs, the RTI entry sheet for a payday, P60-style year ends.

Turns saved pay runs (`pay_runs.get_pay_run`) into the plain data of `reports.pay_documents.model`
and writes the PDFs where the caller says (an export the user asked for). Nothing here calculates
pay: the documents show exactly what the payslips hold, bureau figures included.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency, TaxYear
from pa_manager.reports.pay_documents.model import (
    DeductionDoc,
    EmployeeInfo,
    EmployerInfo,
    FpsEmployeeEntry,
    HoursBand,
    NiCategoryDoc,
    PayLineDoc,
    PayslipDoc,
    RtiEntryDoc,
    YearEndDoc,
)
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.pay_hmrc import QUARTERLY, due_period
from pa_manager.services.pay_rows import ni_text, payslip_from_row
from pa_manager.services.pay_runs import get_pay_run
from pa_manager.services.pay_settings import year_row
from pa_manager.services.pay_types import PayRunPreview, Payslip, PayslipSource
from pa_manager.store.models import Holder, PARow, PayslipRow

_FREQUENCY_WORDS = {
    PayFrequency.WEEKLY: "Weekly",
    PayFrequency.FORTNIGHTLY: "Fortnightly",
    PayFrequency.FOUR_WEEKLY: "Four-weekly",
    PayFrequency.MONTHLY: "Monthly",
}


def employer_info(book: Book) -> EmployerInfo:
    with book.read() as s:
        return EmployerInfo(name=s.scalars(select(Holder.name)).one())


def employee_info(book: Book, pa_id: int) -> tuple[EmployeeInfo, PARow]:
    with book.read() as s:
        row = s.get(PARow, pa_id)
        if row is None:
            raise BookError("That PA is not in this book.")
        address = tuple(line.strip() for line in (row.address or "").split(",") if line.strip())
        info = EmployeeInfo(row.name, ni_text(row.ni_number), str(row.id), address, row.date_of_birth)
        return info, row


def _deductions(p: Payslip) -> tuple[DeductionDoc, ...]:
    items = [DeductionDoc("Income tax", p.tax), DeductionDoc("National Insurance", p.employee_ni)]
    if p.pension_employee:
        items.append(DeductionDoc("Pension", p.pension_employee, note="relief at source"))
    if p.student_loan:
        items.append(DeductionDoc("Student loan", p.student_loan))
    if p.postgraduate_loan:
        items.append(DeductionDoc("Postgraduate loan", p.postgraduate_loan))
    other = p.gross - p.net - Money.total(d.amount for d in items)
    if other:
        items.append(DeductionDoc("Other deductions (from the bureau's payslip)", other))
    return tuple(items)


def payslip_doc(book: Book, run: PayRunPreview, p: Payslip) -> PayslipDoc:
    """The payslip document for one payslip of a run."""
    employee, _row = employee_info(book, p.pa_id)
    lines = tuple(
        PayLineDoc(
            ln.label,
            ln.amount,
            hours=ln.hours if ln.minutes else None,
            rate=ln.rate if (ln.minutes or ln.nights) else None,
            nights=ln.nights or None,
        )
        for ln in p.lines
    )
    deductions = _deductions(p)
    notes = list(p.warnings)
    if p.source is PayslipSource.BUREAU:
        notes.append("These figures were worked out by a payroll bureau.")
    return PayslipDoc(
        employer=employer_info(book),
        employee=employee,
        tax_year=str(run.tax_year),
        period_label=f"{run.label.split(' ', 1)[1]} ({run.tax_year})",
        period_start=run.period_start,
        period_end=run.period_end,
        pay_date=run.pay_date,
        tax_code=p.tax_code,
        ni_category=p.ni_category,
        pay_lines=lines,
        deductions=deductions,
        gross=p.gross,
        total_deductions=Money.total(d.amount for d in deductions),
        net=p.net,
        week1_month1=p.tax_basis == "week1_month1",
        employer_costs={
            "Employer NI": p.employer_ni,
            "Employment Allowance": -p.employment_allowance,
            "Employer pension": p.pension_employer,
        },
        year_to_date={
            "Gross pay": p.ytd.gross,
            "Taxable pay": p.ytd.taxable_pay,
            "Income tax": p.ytd.tax,
            "Employee NI": p.ytd.employee_ni,
            "Employee pension": p.ytd.pension_employee,
            "Student loan": p.ytd.student_loan + p.ytd.postgraduate_loan,
        },
        notes=tuple(notes),
    )


def export_payslips(book: Book, run_id: int, folder: Path) -> list[Path]:
    """Write a payslip PDF per PA in the run into `folder`; returns the files written."""
    run = get_pay_run(book, run_id)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    from pa_manager.reports.pay_documents import payslip_pdf  # reportlab loads in 0.3 s: when asked

    for p in run.payslips:
        name = "".join(ch if ch.isalnum() else "-" for ch in p.pa_name)
        path = folder / f"payslip-{run.tax_year}-{run.frequency.value}-{run.period:02d}-{name}.pdf"
        out.append(payslip_pdf.write_payslip(payslip_doc(book, run, p), path))
    return out


def _ni_doc(p: Payslip) -> NiCategoryDoc:
    return NiCategoryDoc(
        p.ni_category,
        p.gross,
        p.earnings_at_lel,
        p.earnings_lel_to_pt,
        p.earnings_pt_to_uel,
        p.employee_ni,
        p.employer_ni,
    )


def rti_doc(book: Book, run_id: int) -> RtiEntryDoc:
    """What to type into Basic PAYE Tools for this run's payday, and what HMRC is owed for it."""
    run = get_pay_run(book, run_id)
    entries = []
    for p in run.payslips:
        employee, row = employee_info(book, p.pa_id)
        hours = None if row.weekly_hours is None else row.weekly_hours
        entries.append(
            FpsEmployeeEntry(
                employee=employee,
                tax_code=p.tax_code,
                week1_month1=p.tax_basis == "week1_month1",
                pay_frequency=_FREQUENCY_WORDS[run.frequency],
                period_number=run.period,
                payment_date=run.pay_date,
                hours_band=HoursBand.for_weekly_hours(None if hours is None else Decimal(hours)),
                taxable_pay=p.taxable_pay,
                tax=p.tax,
                ni=(_ni_doc(p),),
                pay_to_date=p.ytd.taxable_pay,
                tax_to_date=p.ytd.tax,
                student_loan=p.student_loan,
                postgraduate_loan=p.postgraduate_loan,
                employee_pension=p.pension_employee,
                statutory_payments={"SSP": p.ssp} if p.ssp else {},
                leaving_date=row.leave_date if row.leave_date and row.leave_date <= run.period_end else None,
            )
        )
    with book.read() as s:
        settings = year_row(s, run.tax_year)
        quarterly = bool(settings and settings.hmrc_schedule == QUARTERLY)
        period = due_period(run.tax_year, run.pay_date, quarterly)
        rows = s.scalars(
            select(PayslipRow).where(
                PayslipRow.pay_date >= period.first_day,
                PayslipRow.pay_date <= period.last_day,
                PayslipRow.final.is_(True) | (PayslipRow.pay_run_id == run_id),
            )
        ).all()
        slips = [payslip_from_row(r, "", None) for r in rows]
    tax, ee, er = (Money.total(getattr(p, f) for p in slips) for f in ("tax", "employee_ni", "employer_ni"))
    loans = Money.total(p.student_loan + p.postgraduate_loan for p in slips)
    allowance = Money.total(p.employment_allowance for p in slips)
    return RtiEntryDoc(
        employer=employer_info(book),
        tax_year=str(run.tax_year),
        pay_date=run.pay_date,
        employees=tuple(entries),
        total_tax=tax,
        total_employee_ni=ee,
        total_employer_ni=er,
        total_student_loan=loans,
        employment_allowance_offset=allowance,
        statutory_recovery=Money(0),
        total_due=tax + ee + er + loans - allowance,
        due_date=period.due,
        period_label=period.label,
        quarterly=quarterly,
    )


def export_rti_sheet(book: Book, run_id: int, path: Path) -> Path:
    from pa_manager.reports.pay_documents.rti_sheet_pdf import write_rti_sheet

    return write_rti_sheet(rti_doc(book, run_id), path)


def year_end_doc(book: Book, pa_id: int, tax_year: TaxYear, issued_on: date | None = None) -> YearEndDoc:
    """The P60-style summary of a PA's finalised pay in a tax year."""
    employee, _row = employee_info(book, pa_id)
    with book.read() as s:
        rows = s.scalars(
            select(PayslipRow)
            .where(
                PayslipRow.pa_id == pa_id, PayslipRow.tax_year == str(tax_year), PayslipRow.final.is_(True)
            )
            .order_by(PayslipRow.pay_date, PayslipRow.id)
        ).all()
        slips = [payslip_from_row(r, employee.name, None) for r in rows]
    if not slips:
        raise BookError(f"{employee.name} has no finalised pay in {tax_year}.")
    by_letter: dict[str, list[Payslip]] = {}
    for p in slips:
        by_letter.setdefault(p.ni_category, []).append(p)
    categories = tuple(
        NiCategoryDoc(
            letter,
            *(
                Money.total(getattr(p, f) for p in group)
                for f in ("gross", "earnings_at_lel", "earnings_lel_to_pt")
            ),
            *(
                Money.total(getattr(p, f) for p in group)
                for f in ("earnings_pt_to_uel", "employee_ni", "employer_ni")
            ),
        )
        for letter, group in by_letter.items()
    )
    last = slips[-1]
    ssp = Money.total(p.ssp for p in slips)
    return YearEndDoc(
        tax_year=str(tax_year),
        employer=employer_info(book),
        employee=employee,
        final_tax_code=last.tax_code,
        pay_in_this_employment=Money.total(p.taxable_pay for p in slips),
        tax_in_this_employment=Money.total(p.tax for p in slips),
        ni_categories=categories,
        week1_month1=last.tax_basis == "week1_month1",
        student_loan_deductions=Money.total(p.student_loan for p in slips) or None,
        postgraduate_loan_deductions=Money.total(p.postgraduate_loan for p in slips) or None,
        statutory_payments={"Statutory Sick Pay": ssp} if ssp else {},
        employee_pension=Money.total(p.pension_employee for p in slips),
        issued_on=issued_on,
    )


def export_year_end(book: Book, pa_id: int, tax_year: TaxYear, path: Path) -> Path:
    from pa_manager.reports.pay_documents.year_end_pdf import write_year_end

    return write_year_end(year_end_doc(book, pa_id, tax_year, date.today()), path)
