"""What the Pay services hand out: immutable rows for pay runs, payslips and what is owed to HMRC.

No session or ORM object crosses this boundary; money is `Money` (whole pence), dates are `date`.
A payslip is the same shape whether PA Manager worked it out or a payroll bureau did (`source`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency, TaxYear


class PayRunStatus(Enum):
    """A pay run is worked out freely as a draft; finalising locks it and records what is owed."""

    NOT_SAVED = "not-saved"
    DRAFT = "draft"
    FINALISED = "finalised"

    @property
    def label(self) -> str:
        return {"not-saved": "Not saved", "draft": "Draft", "finalised": "Finalised (locked)"}[self.value]


class PayslipSource(Enum):
    """Who worked the payslip out: PA Manager, or a payroll bureau whose figures were typed in."""

    CALCULATED = "calculated"
    BUREAU = "bureau"


@dataclass(frozen=True, slots=True)
class PayLineFigure:
    """One line of pay: minutes (or sleep-in nights) at a rate, and what they come to."""

    kind: str  # a PayKind value ("standard", "weekend", ...) or "ssp"
    label: str
    minutes: int
    nights: int
    rate: Money  # per hour; per night for sleep-ins; per week for SSP
    amount: Money

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class YearToDate:
    """Totals in this tax year with this employer, including the payslip they are printed on."""

    gross: Money
    taxable_pay: Money
    tax: Money
    employee_ni: Money
    employer_ni: Money
    pension_employee: Money
    pension_employer: Money
    student_loan: Money
    postgraduate_loan: Money

    @classmethod
    def zero(cls) -> YearToDate:
        z = Money(0)
        return cls(z, z, z, z, z, z, z, z, z)


@dataclass(frozen=True, slots=True)
class Payslip:
    """One PA's pay in one pay run. `tax` is negative for a refund."""

    pa_id: int
    pa_name: str
    ni_number: str  # "AB 12 34 56 C", or "" if not recorded
    source: PayslipSource
    lines: tuple[PayLineFigure, ...]
    worked_minutes: int
    gross: Money
    holiday_pay: Money
    ssp: Money
    taxable_pay: Money
    tax: Money
    tax_code: str
    tax_basis: str  # "cumulative" or "week1_month1"
    ni_category: str
    employee_ni: Money
    employer_ni: Money
    earnings_at_lel: Money
    earnings_lel_to_pt: Money
    earnings_pt_to_uel: Money
    employment_allowance: Money  # employer NI covered by the Employment Allowance
    pension_category: str  # "" when no assessment was made (bureau) or none is needed
    pension_qualifying: Money
    pension_employee: Money
    pension_employer: Money
    student_loan: Money
    postgraduate_loan: Money
    net: Money
    ytd: YearToDate
    warnings: tuple[str, ...]
    id: int | None = None

    @property
    def deductions(self) -> Money:
        """Everything taken from gross pay: gross less net."""
        return self.gross - self.net

    @property
    def hmrc(self) -> Money:
        """What this payslip adds to the HMRC bill (tax, both NIs, loans, less the allowance)."""
        return (
            self.tax
            + self.employee_ni
            + self.employer_ni
            - self.employment_allowance
            + self.student_loan
            + self.postgraduate_loan
        )

    @property
    def employer_cost(self) -> Money:
        """Gross pay plus the employer's NI (after the allowance) and pension contribution."""
        return self.gross + self.employer_ni - self.employment_allowance + self.pension_employer


@dataclass(frozen=True, slots=True)
class PayRunPreview:
    """A pay run worked out (or as saved): its period, a payslip per PA, and what needs saying."""

    tax_year: TaxYear
    frequency: PayFrequency
    period: int
    period_start: date
    period_end: date
    pay_date: date
    status: PayRunStatus
    payslips: tuple[Payslip, ...]
    warnings: tuple[str, ...]  # run-level: PAs left out and why
    id: int | None = None
    finalised_at: str | None = None

    @property
    def label(self) -> str:
        unit = "Month" if self.frequency is PayFrequency.MONTHLY else "Week"
        if self.frequency in (PayFrequency.FORTNIGHTLY, PayFrequency.FOUR_WEEKLY):
            unit = "Period"
        return f"{self.tax_year} {unit} {self.period}"

    @property
    def all_warnings(self) -> tuple[str, ...]:
        return self.warnings + tuple(w for p in self.payslips for w in p.warnings)

    def total(self, field: str) -> Money:
        """The sum of one Money field over the payslips, e.g. total("net")."""
        return Money.total(getattr(p, field) for p in self.payslips)

    @property
    def hmrc(self) -> Money:
        return Money.total(p.hmrc for p in self.payslips)

    @property
    def employer_cost(self) -> Money:
        return Money.total(p.employer_cost for p in self.payslips)


@dataclass(frozen=True, slots=True)
class PayRunRow:
    """A line of the Pay page's list of runs."""

    id: int
    label: str
    tax_year: TaxYear
    frequency: PayFrequency
    period: int
    period_start: date
    period_end: date
    pay_date: date
    status: PayRunStatus
    payslip_count: int
    gross: Money
    net: Money
    hmrc: Money


@dataclass(frozen=True, slots=True)
class HmrcDue:
    """What is owed to HMRC for one tax month (or quarter) and by when."""

    tax_year: TaxYear
    label: str  # "Tax month 3 (6 June to 5 July 2026)" or "Quarter to 5 July 2026"
    first_day: date
    last_day: date
    due: date
    tax: Money
    employee_ni: Money
    employer_ni: Money
    employment_allowance: Money
    student_loans: Money
    total: Money
    outstanding: Money  # not yet settled by a payment in the book
    quarterly: bool

    @property
    def paid(self) -> bool:
        return self.outstanding.pence <= 0


@dataclass(frozen=True, slots=True)
class HmrcPosition:
    """Every HMRC payment period with pay in it up to the tax year of `as_of`, and what is owed."""

    as_of: date
    periods: tuple[HmrcDue, ...]

    @property
    def outstanding(self) -> Money:
        return Money.total(p.outstanding for p in self.periods)

    @property
    def overdue(self) -> tuple[HmrcDue, ...]:
        return tuple(p for p in self.periods if not p.paid and p.due < self.as_of)

    @property
    def next_due(self) -> HmrcDue | None:
        return next((p for p in self.periods if not p.paid and p.due >= self.as_of), None)


@dataclass(frozen=True, slots=True)
class BureauFigures:
    """One payslip's figures as a payroll bureau worked them out, typed in by the holder."""

    gross: Money
    tax: Money
    employee_ni: Money
    employer_ni: Money
    net: Money
    pension_employee: Money = Money(0)
    pension_employer: Money = Money(0)
    student_loan: Money = Money(0)
    postgraduate_loan: Money = Money(0)
    tax_code: str = ""
    ni_category: str = "A"
    hours: Decimal | None = None
