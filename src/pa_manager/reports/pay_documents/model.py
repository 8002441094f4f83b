"""What each pay document shows: plain, frozen data, filled by the pay-run service, printed here.

The renderers in this package never calculate pay. They print the figures they are given, so the same
documents serve a pay run worked out by PA Manager and one whose figures came from a payroll bureau.
Money is always `Money` (whole pence, printed as "£1,234.56"); dates are `datetime.date`; hours are
`Decimal` (e.g. Decimal("30.00")). Tax codes and NI category letters are plain text exactly as HMRC
writes them ("1257L", "S1257L", "A"), so this module needs nothing from the payroll engine.

A few totals are checked when a document is made (`ValueError` if they disagree), because a payslip
whose lines do not add up is worse than no payslip:
- a payslip's gross is the sum of its pay lines (when it has any), its total deductions the sum of its
  deductions, and its net is gross minus total deductions;
- an RTI sheet's total due is the tax, NI and student loans, less Employment Allowance and recoveries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

from pa_manager.domain.money import Money

# -- who ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmployerInfo:
    """The employer: the person cared for (or whoever registered the PAYE scheme for them)."""

    name: str
    address_lines: tuple[str, ...] = ()
    # "Employer PAYE reference" from HMRC's registration letter: office number / reference, "123/AB45678".
    paye_reference: str = ""
    # "Accounts Office reference", 13 characters, "123PA00045678"; the reference for paying HMRC.
    accounts_office_reference: str = ""


@dataclass(frozen=True, slots=True)
class EmployeeInfo:
    """The PA. The tax code is not here: it can change during the year, so each document carries it."""

    name: str
    # National Insurance number, "QQ 12 34 56 C"; empty when not yet known (the documents say so).
    ni_number: str = ""
    # The employer's own number for this PA ("payroll ID" on the FPS); unique within the PAYE scheme.
    payroll_id: str = ""
    address_lines: tuple[str, ...] = ()
    date_of_birth: date | None = None


# -- payslip --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PayLineDoc:
    """One line of pay before deductions: "Standard hours", "Evening hours", "Holiday pay", "SSP".

    `hours` and `rate` are given when the pay varies with time worked: the law then requires the
    payslip to show the hours paid (Employment Rights Act 1996 s.8(2)(e)), and shows them by rate.
    A sleep-in paid by the night gives `nights` instead of hours and `rate` per night.
    """

    description: str
    amount: Money
    hours: Decimal | None = None
    rate: Money | None = None  # per hour, or per night when `nights` is given
    nights: int | None = None


@dataclass(frozen=True, slots=True)
class DeductionDoc:
    """One deduction from gross pay: "Income tax", "National Insurance", "Pension (NEST)".

    `fixed` marks a deduction of the same amount every payday (e.g. a fixed loan repayment); tax, NI,
    pension percentages and student loans vary with pay and are not fixed. ERA 1996 s.8 asks for both
    kinds, each with its amount. A tax refund is a negative amount ("-£12.40").
    """

    description: str
    amount: Money
    fixed: bool = False
    note: str = ""  # e.g. "Plan 2", "5% of qualifying earnings", "relief at source"


@dataclass(frozen=True, slots=True)
class PaymentPartDoc:
    """How part of the net pay is paid, when it is paid in more than one way (s.8(2)(d))."""

    method: str  # "Bank transfer", "Cash"
    amount: Money


@dataclass(frozen=True, slots=True)
class HolidayDoc:
    """The PA's holiday in hours, shown for information (not required by law, asked for by PAs)."""

    taken_hours: Decimal  # taken (and paid) in this pay period
    remaining_hours: Decimal  # left in the leave year after this period
    accrued_hours: Decimal | None = None  # built up this period (irregular-hours workers, 12.07%)
    leave_year_end: date | None = None


@dataclass(frozen=True, slots=True)
class PayslipDoc:
    """An itemised payslip for one PA for one pay period.

    What ERA 1996 s.8 (as amended from 6 April 2019) requires, and where it is here: gross pay
    (`gross`), the amount of each variable and fixed deduction and its purpose (`deductions`), net pay
    (`net`), how the net is split between ways of paying if more than one (`payment_parts`), and the
    hours paid where pay varies with time worked (`pay_lines`' hours). The tax code, NI number, period
    and pay date and year-to-date figures are not in s.8 but HMRC and every payroll show them.
    """

    employer: EmployerInfo
    employee: EmployeeInfo
    tax_year: str  # "2026-27"
    period_label: str  # "Week 32 (2026-27)", "Month 7 (2026-27)"
    period_start: date
    period_end: date
    pay_date: date
    tax_code: str  # "1257L", "S1257L", "BR", ...
    ni_category: str  # "A", "B", "C", "H", "J", "M", "V", "Z"
    pay_lines: tuple[PayLineDoc, ...]
    deductions: tuple[DeductionDoc, ...]
    gross: Money
    total_deductions: Money
    net: Money
    week1_month1: bool = False  # the tax code is used on a non-cumulative basis (W1/M1/X)
    # What the employer pays on top of gross pay, printed "for information": "Employer NI", "Employer
    # pension". Not deducted from the PA's pay.
    employer_costs: Mapping[str, Money] = field(default_factory=dict)
    # Totals so far in this tax year with this employer, in the order to print them: "Taxable pay",
    # "Income tax", "Employee NI", "Employee pension", "Student loan".
    year_to_date: Mapping[str, Money] = field(default_factory=dict)
    payment_parts: tuple[PaymentPartDoc, ...] = ()  # empty: all net pay by one method
    holiday: HolidayDoc | None = None
    # Plain sentences printed at the foot: "Emergency tax code used: no code was recorded."
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.pay_lines and Money.total(p.amount for p in self.pay_lines) != self.gross:
            raise ValueError(f"payslip pay lines do not add up to the gross pay {self.gross}")
        if Money.total(d.amount for d in self.deductions) != self.total_deductions:
            raise ValueError(f"payslip deductions do not add up to {self.total_deductions}")
        if self.gross - self.total_deductions != self.net:
            raise ValueError(f"payslip net {self.net} is not gross less deductions")
        if self.payment_parts and Money.total(p.amount for p in self.payment_parts) != self.net:
            raise ValueError("payslip payment parts do not add up to the net pay")

    @property
    def total_hours(self) -> Decimal | None:
        """Hours paid in the period over all lines that have hours, or None when none do."""
        hours = [p.hours for p in self.pay_lines if p.hours is not None]
        return sum(hours, Decimal(0)) if hours else None


# -- National Insurance by category letter (P60, FPS) ----------------------------------------------


@dataclass(frozen=True, slots=True)
class NiCategoryDoc:
    """Class 1 NI for one category letter, for a period (FPS) or a whole year (P60).

    The three earnings figures are the slices of pay HMRC asks for: pay up to and including the Lower
    Earnings Limit (`at_lel`), above the LEL up to the Primary Threshold (`lel_to_pt`), and above the
    PT up to the Upper Earnings Limit (`pt_to_uel`). Contributions: `employee_ni` is what was taken
    from pay; `employer_ni` is the employer's own (before any Employment Allowance).
    """

    letter: str
    gross_earnings: Money  # "gross earnings for NICs"
    at_lel: Money
    lel_to_pt: Money
    pt_to_uel: Money
    employee_ni: Money
    employer_ni: Money


# -- P60-style year-end summary ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YearEndDoc:
    """The P60-style summary of a tax year, given to each PA still employed on 5 April (by 31 May).

    "This employment" is pay and tax with this employer; "previous employment" is what the PA's P45
    from an earlier job this year said (only where it was used in the tax calculation).
    """

    tax_year: str  # "2026-27"
    employer: EmployerInfo
    employee: EmployeeInfo
    final_tax_code: str
    pay_in_this_employment: Money  # taxable pay
    tax_in_this_employment: Money  # tax deducted (negative if refunded overall)
    ni_categories: tuple[NiCategoryDoc, ...]
    week1_month1: bool = False
    previous_employment_pay: Money | None = None
    previous_employment_tax: Money | None = None
    student_loan_deductions: Money | None = None  # whole pounds on the real P60; printed as given
    postgraduate_loan_deductions: Money | None = None
    # Statutory payments included in pay, by name: "Statutory Sick Pay", "Statutory Maternity Pay".
    statutory_payments: Mapping[str, Money] = field(default_factory=dict)
    employee_pension: Money | None = None  # for information
    issued_on: date | None = None
    notes: tuple[str, ...] = ()

    @property
    def total_pay_for_year(self) -> Money:
        return self.pay_in_this_employment + (self.previous_employment_pay or Money.zero())

    @property
    def total_tax_for_year(self) -> Money:
        return self.tax_in_this_employment + (self.previous_employment_tax or Money.zero())


# -- P45-style leaver's summary ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeaverDoc:
    """The P45-style summary for a PA who leaves: what the next employer needs to carry on.

    `pay_to_date` and `tax_to_date` are the whole tax year's figures used in the last pay (this job
    and any previous one); `pay_in_this_employment` / `tax_in_this_employment` are only this job's,
    given when they differ (a previous employment's P45 was used). On a week 1/month 1 basis the real
    P45 leaves the to-date boxes blank; here they are printed with a note.
    """

    tax_year: str
    employer: EmployerInfo
    employee: EmployeeInfo
    leaving_date: date
    tax_code: str  # the code in use at the leaving date
    week1_month1: bool
    last_period_label: str  # "Week 32" or "Month 7": the tax period of the last payment
    pay_to_date: Money
    tax_to_date: Money
    pay_in_this_employment: Money | None = None
    tax_in_this_employment: Money | None = None
    student_loan_continue: bool = False  # "Student Loan deductions to continue"
    postgraduate_loan_continue: bool = False
    issued_on: date | None = None
    notes: tuple[str, ...] = ()


# -- pension letter (automatic enrolment) ----------------------------------------------------------


class PensionOutcome(Enum):
    """The result of assessing a PA for automatic enrolment, as The Pensions Regulator names them."""

    ENROLLED = "eligible"  # eligible jobholder: put into the scheme, may opt out
    NON_ELIGIBLE = "non_eligible"  # non-eligible jobholder: may opt in, with employer contributions
    ENTITLED = "entitled"  # entitled worker: may ask to join, employer need not contribute
    POSTPONED = "postponed"  # assessment postponed (up to 3 months); may opt in or join meanwhile


@dataclass(frozen=True, slots=True)
class PensionLetterDoc:
    """The letter the law requires after each assessment, one per outcome, in plain English.

    Dates that do not apply to the outcome are None: `enrolment_date` and the opt-out window are for
    ENROLLED; `postponed_until` for POSTPONED. Rates are percentages as Decimals (Decimal("5") = 5%).
    """

    outcome: PensionOutcome
    employer: EmployerInfo
    worker: EmployeeInfo
    letter_date: date
    scheme_name: str  # "NEST"
    employee_rate: Decimal  # % of `earnings_basis`
    employer_rate: Decimal
    earnings_basis: str = "qualifying earnings"  # "qualifying earnings" or "all pay"
    # "relief at source": the scheme claims basic-rate relief, so 5% is taken as 4% from net pay;
    # "net pay": contributions come out before tax. Printed as a sentence about tax relief.
    tax_relief: str = "relief at source"
    enrolment_date: date | None = None
    opt_out_from: date | None = None  # opt-out window: one month from the later of enrolment date
    opt_out_until: date | None = None  # and the date this letter is given
    postponed_until: date | None = None
    scheme_contact: str = ""  # where to get the opt-out form and scheme facts: "nestpensions.org.uk"
    employer_contact: str = ""  # how to write to the employer (opt in / join requests)
    notes: tuple[str, ...] = ()


# -- RTI entry sheet (HMRC Basic PAYE Tools) --------------------------------------------------------


class HoursBand(Enum):
    """The FPS "Hours normally worked" band, with the letter HMRC uses. Usual hours a week."""

    UP_TO_16 = ("A", "Up to 15.99")
    FROM_16_TO_24 = ("B", "16 to 23.99")
    FROM_24_TO_30 = ("C", "24 to 29.99")
    THIRTY_OR_MORE = ("D", "30 or more")
    OTHER = ("E", "Other")

    @property
    def letter(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @classmethod
    def for_weekly_hours(cls, hours: Decimal | None) -> HoursBand:
        """The band for usual weekly hours; None (no usual pattern) is OTHER."""
        if hours is None:
            return cls.OTHER
        if hours < 16:
            return cls.UP_TO_16
        if hours < 24:
            return cls.FROM_16_TO_24
        if hours < 30:
            return cls.FROM_24_TO_30
        return cls.THIRTY_OR_MORE


@dataclass(frozen=True, slots=True)
class FpsEmployeeEntry:
    """One PA's payment on a Full Payment Submission, as Basic PAYE Tools asks for it.

    "This period" figures are typed in; "to date" figures are what Basic PAYE Tools should show after
    saving (it keeps its own running totals), printed so the person can check they agree.
    """

    employee: EmployeeInfo
    tax_code: str
    week1_month1: bool
    pay_frequency: str  # "Weekly", "Fortnightly", "Four-weekly", "Monthly"
    period_number: int  # tax week (1-53) or tax month (1-12) of the payment date
    payment_date: date
    hours_band: HoursBand
    taxable_pay: Money  # pay subject to tax in this period (after net-pay pension contributions)
    tax: Money  # tax deducted this period (negative = refunded)
    ni: tuple[NiCategoryDoc, ...]  # this period, one per category letter used (usually one)
    pay_to_date: Money  # taxable pay to date in this employment, including this period
    tax_to_date: Money
    student_loan: Money = field(default_factory=Money.zero)  # this period, all plans
    student_loan_plan: str = ""  # "Plan 2", "Plan 1 and postgraduate", ""
    postgraduate_loan: Money = field(default_factory=Money.zero)
    employee_pension: Money = field(default_factory=Money.zero)  # taken from pay this period
    statutory_payments: Mapping[str, Money] = field(default_factory=dict)  # "SSP": amount, this period
    starter: bool = False  # first payment: starter details (start date, starter declaration) needed
    leaving_date: date | None = None  # last payment: the leaving date goes on this FPS


@dataclass(frozen=True, slots=True)
class EpsEntry:
    """An Employer Payment Summary for the tax month, when one is needed (or to show the allowance).

    Sent for the month's figures HMRC cannot see on the FPS: claiming Employment Allowance (once, at the
    start of the year), recovering statutory pay, or saying no employees were paid.
    """

    tax_month: int  # 1 = 6 April to 5 May
    claim_employment_allowance: bool = False  # tick "Employment Allowance indicator" for the tax year
    # For information only (the EPS does not carry them; the employer simply pays HMRC less):
    employment_allowance_used_this_month: Money = field(default_factory=Money.zero)
    employment_allowance_used_to_date: Money = field(default_factory=Money.zero)
    statutory_recovery: Mapping[str, Money] = field(default_factory=dict)  # "SMP recovered": amount
    no_payment_for_period: bool = False
    final_submission_for_year: bool = False


@dataclass(frozen=True, slots=True)
class RtiEntryDoc:
    """What to type into HMRC Basic PAYE Tools for one payday, then what to pay HMRC and by when."""

    employer: EmployerInfo
    tax_year: str
    pay_date: date
    employees: tuple[FpsEmployeeEntry, ...]
    # What is owed to HMRC for the tax month (or quarter) this payday falls in, after this payday:
    total_tax: Money
    total_employee_ni: Money
    total_employer_ni: Money
    total_student_loan: Money  # student and postgraduate loans together
    employment_allowance_offset: Money  # Employment Allowance set against employer NI (≥ 0)
    statutory_recovery: Money  # SMP etc. recovered (≥ 0); SSP cannot be recovered
    total_due: Money
    due_date: date
    period_label: str = ""  # "Tax month 7 (6 October to 5 November 2026)" or the quarter
    payment_reference: str = ""  # Accounts Office reference with the year and month added
    quarterly: bool = False
    eps: EpsEntry | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        expected = (
            self.total_tax
            + self.total_employee_ni
            + self.total_employer_ni
            + self.total_student_loan
            - self.employment_allowance_offset
            - self.statutory_recovery
        )
        if expected != self.total_due:
            raise ValueError(f"RTI sheet total due {self.total_due} should be {expected}")
