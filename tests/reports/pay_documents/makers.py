"""Realistic, self-consistent pay documents for one weekly-paid PA, figures from the payroll engine.

Sam Patel works for Alex Morgan: 30 hours at £13.50 and 8 evening hours at £15.00 every week, £525.00
gross, tax code 1257L, NI category A, in a NEST pension at 5% / 3% of qualifying earnings (relief at
source, so 4% is taken from pay). Week 32 of 2026-27 is paid on Friday 13 November 2026.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollResult, calculate, parse_case
from pa_manager.reports.pay_documents.model import (
    DeductionDoc,
    EmployeeInfo,
    EmployerInfo,
    EpsEntry,
    FpsEmployeeEntry,
    HolidayDoc,
    HoursBand,
    LeaverDoc,
    NiCategoryDoc,
    PayLineDoc,
    PayslipDoc,
    PensionLetterDoc,
    PensionOutcome,
    RtiEntryDoc,
    YearEndDoc,
)

GROSS = Money.parse("525.00")
QUALIFYING_LOWER_WEEK = Money.parse("120.00")  # £6,240 / 52
EMPLOYEE_PENSION = (GROSS - QUALIFYING_LOWER_WEEK).apply_rate(Decimal("0.04"))  # 5% less basic-rate relief
EMPLOYER_PENSION = (GROSS - QUALIFYING_LOWER_WEEK).apply_rate(Decimal("0.03"))

EMPLOYER = EmployerInfo(
    name="Alex Morgan",
    address_lines=("12 Elm Road", "Leeds", "LS6 2AB"),
    paye_reference="123/AB45678",
    accounts_office_reference="123PA00045678",
)
EMPLOYEE = EmployeeInfo(
    name="Sam Patel",
    ni_number="QQ 12 34 56 C",
    payroll_id="PA-001",
    address_lines=("4 Birch Close", "Leeds", "LS7 3CD"),
    date_of_birth=date(1990, 5, 17),
)


def week(period: int, pay_to_date: Money, tax_to_date: Money) -> PayrollResult:
    return calculate(
        parse_case(
            {
                "tax_year": "2026-27",
                "frequency": "weekly",
                "period": period,
                "tax_code": "1257L",
                "week1_month1": False,
                "ni_category": "A",
                "gross": GROSS.decimal_str(),
                "pay_to_date": pay_to_date.decimal_str(),
                "tax_to_date": tax_to_date.decimal_str(),
            }
        )
    )


def run_weeks(last: int) -> tuple[list[PayrollResult], Money, Money]:
    """Every week from 1 to `last`, with the pay and tax to date after the last one."""
    results = []
    pay, tax = Money.zero(), Money.zero()
    for period in range(1, last + 1):
        r = week(period, pay, tax)
        results.append(r)
        pay, tax = pay + GROSS, tax + r.tax
    return results, pay, tax


def ni_doc(results: list[PayrollResult]) -> NiCategoryDoc:
    def total(name: str) -> Money:
        return Money.total(getattr(r.ni_detail, name) for r in results)

    return NiCategoryDoc(
        letter="A",
        gross_earnings=GROSS * len(results),
        at_lel=total("earnings_at_lel"),
        lel_to_pt=total("earnings_lel_to_pt"),
        pt_to_uel=total("earnings_pt_to_uel"),
        employee_ni=Money.total(r.employee_ni for r in results),
        employer_ni=Money.total(r.employer_ni for r in results),
    )


def payslip() -> PayslipDoc:
    results, pay, tax = run_weeks(32)
    this = results[-1]
    deductions = (
        DeductionDoc("Income tax", this.tax),
        DeductionDoc("National Insurance", this.employee_ni),
        DeductionDoc("Pension (NEST)", EMPLOYEE_PENSION, note="5% of qualifying earnings, less tax relief"),
    )
    total = Money.total(d.amount for d in deductions)
    return PayslipDoc(
        employer=EMPLOYER,
        employee=EMPLOYEE,
        tax_year="2026-27",
        period_label="Week 32 (2026-27)",
        period_start=date(2026, 11, 2),
        period_end=date(2026, 11, 8),
        pay_date=date(2026, 11, 13),
        tax_code="1257L",
        ni_category="A",
        pay_lines=(
            PayLineDoc("Standard hours", Money.parse("405.00"), Decimal("30"), Money.parse("13.50")),
            PayLineDoc("Evening hours", Money.parse("120.00"), Decimal("8"), Money.parse("15.00")),
        ),
        deductions=deductions,
        gross=GROSS,
        total_deductions=total,
        net=GROSS - total,
        employer_costs={"Employer NI": this.employer_ni, "Employer pension (3%)": EMPLOYER_PENSION},
        year_to_date={
            "Taxable pay": pay,
            "Income tax": tax,
            "Employee NI": Money.total(r.employee_ni for r in results),
            "Employee pension": EMPLOYEE_PENSION * 32,
        },
        holiday=HolidayDoc(
            taken_hours=Decimal("0"), remaining_hours=Decimal("98.5"), leave_year_end=date(2027, 3, 31)
        ),
        notes=("Your pension contributions are paid to NEST, which adds basic-rate tax relief.",),
    )


def year_end() -> YearEndDoc:
    results, pay, tax = run_weeks(52)
    return YearEndDoc(
        tax_year="2026-27",
        employer=EMPLOYER,
        employee=EMPLOYEE,
        final_tax_code="1257L",
        pay_in_this_employment=pay,
        tax_in_this_employment=tax,
        ni_categories=(ni_doc(results),),
        previous_employment_pay=Money.parse("1200.00"),
        previous_employment_tax=Money.parse("0.00"),
        student_loan_deductions=Money.zero(),
        statutory_payments={"Statutory Sick Pay": Money.zero()},
        employee_pension=EMPLOYEE_PENSION * 52,
        issued_on=date(2027, 5, 14),
    )


def leaver() -> LeaverDoc:
    _, pay, tax = run_weeks(32)
    return LeaverDoc(
        tax_year="2026-27",
        employer=EMPLOYER,
        employee=EMPLOYEE,
        leaving_date=date(2026, 11, 8),
        tax_code="1257L",
        week1_month1=False,
        last_period_label="Week 32",
        pay_to_date=pay,
        tax_to_date=tax,
        student_loan_continue=True,
        issued_on=date(2026, 11, 13),
    )


def pension_letter(outcome: PensionOutcome = PensionOutcome.ENROLLED) -> PensionLetterDoc:
    enrolled = outcome is PensionOutcome.ENROLLED
    return PensionLetterDoc(
        outcome=outcome,
        employer=EMPLOYER,
        worker=EMPLOYEE,
        letter_date=date(2026, 5, 1),
        scheme_name="NEST",
        employee_rate=Decimal("5"),
        employer_rate=Decimal("0") if outcome is PensionOutcome.ENTITLED else Decimal("3"),
        earnings_basis="pay" if outcome is PensionOutcome.ENTITLED else "qualifying earnings",
        enrolment_date=date(2026, 4, 20) if enrolled else None,
        opt_out_from=date(2026, 5, 1) if enrolled else None,
        opt_out_until=date(2026, 6, 1) if enrolled else None,
        postponed_until=date(2026, 7, 20) if outcome is PensionOutcome.POSTPONED else None,
        scheme_contact="nestpensions.org.uk, 0300 020 0090",
        employer_contact="alex.morgan@example.org",
    )


def rti_sheet() -> RtiEntryDoc:
    results, pay, tax = run_weeks(32)
    this = results[-1]
    ni = NiCategoryDoc(
        letter="A",
        gross_earnings=GROSS,
        at_lel=this.ni_detail.earnings_at_lel,
        lel_to_pt=this.ni_detail.earnings_lel_to_pt,
        pt_to_uel=this.ni_detail.earnings_pt_to_uel,
        employee_ni=this.employee_ni,
        employer_ni=this.employer_ni,
    )
    entry = FpsEmployeeEntry(
        employee=EMPLOYEE,
        tax_code="1257L",
        week1_month1=False,
        pay_frequency="Weekly",
        period_number=32,
        payment_date=date(2026, 11, 13),
        hours_band=HoursBand.for_weekly_hours(Decimal("38")),
        taxable_pay=GROSS,
        tax=this.tax,
        ni=(ni,),
        pay_to_date=pay,
        tax_to_date=tax,
        employee_pension=EMPLOYEE_PENSION,
    )
    # Tax month 8 (6 November to 5 December) has this payday and three more like it.
    weeks = 4
    employer_ni = this.employer_ni * weeks
    return RtiEntryDoc(
        employer=EMPLOYER,
        tax_year="2026-27",
        pay_date=date(2026, 11, 13),
        employees=(entry,),
        total_tax=this.tax * weeks,
        total_employee_ni=this.employee_ni * weeks,
        total_employer_ni=employer_ni,
        total_student_loan=Money.zero(),
        employment_allowance_offset=employer_ni,
        statutory_recovery=Money.zero(),
        total_due=(this.tax + this.employee_ni) * weeks,
        due_date=date(2026, 12, 22),
        period_label="tax month 8 (6 November to 5 December 2026)",
        payment_reference="123PA000456782608",
        eps=EpsEntry(
            tax_month=8,
            employment_allowance_used_this_month=employer_ni,
            employment_allowance_used_to_date=employer_ni * 2,
        ),
    )
