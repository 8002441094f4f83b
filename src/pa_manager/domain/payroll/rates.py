"""The shape of one tax year's payroll rates, and the lookup by tax year.

The figures themselves live in one module per year (`rates_2025_26`, `rates_2026_27`), each with
its source named beside it, so a new year is a new data file and no change to the calculations.
Amounts are whole pounds per year as HMRC publishes them; period figures are derived from them by
the rules in `ni.py` and `paye.py`, never typed in twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from pa_manager.domain.periods import PayFrequency, TaxYear


class Jurisdiction(Enum):
    """Which income tax bands apply: chosen by the S or C prefix on the tax code."""

    ENGLAND_NI = "england_ni"
    SCOTLAND = "scotland"
    WALES = "wales"

    @property
    def prefix(self) -> str:
        return {"england_ni": "", "scotland": "S", "wales": "C"}[self.value]


@dataclass(frozen=True, slots=True)
class Band:
    """One income tax band: its rate and its width in whole pounds a year (None for the top band)."""

    rate: Decimal
    width: int | None


@dataclass(frozen=True, slots=True)
class TaxBands:
    """The bands above the personal allowance for one jurisdiction, as in the PAYE spec Appendix A.

    `basic_rate_index` is HMRC's pointer G (G1 for Scotland) into `bands`, counted from 0: the BR
    code uses that band's rate and Dn uses the band n+1 above it.
    """

    bands: tuple[Band, ...]
    basic_rate_index: int
    source: str

    def __post_init__(self) -> None:
        if not self.bands or self.bands[-1].width is not None:
            raise ValueError("the last band must be open-ended (width None)")
        if any(b.width is None for b in self.bands[:-1]):
            raise ValueError("only the last band may be open-ended")

    @property
    def basic_rate(self) -> Decimal:
        return self.bands[self.basic_rate_index].rate

    @property
    def d_code_count(self) -> int:
        """How many D codes exist: D0 up to D(count-1), one per band above the basic rate."""
        return len(self.bands) - self.basic_rate_index - 1


@dataclass(frozen=True, slots=True)
class IncomeTaxRates:
    """PAYE figures for one tax year."""

    personal_allowance: int
    england_ni: TaxBands
    scotland: TaxBands
    wales: TaxBands
    # PAYE spec §4.5.2 "overriding regulatory limit": tax deducted in a period may not exceed this
    # share of the period's pay.
    regulatory_limit: Decimal
    source: str

    def bands_for(self, jurisdiction: Jurisdiction) -> TaxBands:
        if jurisdiction is Jurisdiction.SCOTLAND:
            return self.scotland
        if jurisdiction is Jurisdiction.WALES:
            return self.wales
        return self.england_ni


class EmployerRelief(Enum):
    """The upper threshold below which an employer pays 0% for a category (H, M, V, Z)."""

    UST = "upper secondary threshold (under 21)"
    AUST = "apprentice upper secondary threshold (under 25)"
    VUST = "veterans upper secondary threshold"


@dataclass(frozen=True, slots=True)
class NiCategoryRates:
    """Class 1 rates for one category letter."""

    description: str
    employee_main: Decimal  # between the primary threshold and the upper earnings limit
    employee_upper: Decimal  # above the upper earnings limit
    employer: Decimal  # above the secondary threshold, or above `employer_relief` if set
    employer_relief: EmployerRelief | None = None
    liable: bool = True  # False for X: no Class 1 at all, and nothing to report in the bands


@dataclass(frozen=True, slots=True)
class NiThresholds:
    """Annual Class 1 thresholds in whole pounds."""

    lel: int  # lower earnings limit
    pt: int  # primary threshold
    st: int  # secondary threshold
    uel: int  # upper earnings limit
    ust: int  # upper secondary threshold, under-21s
    aust: int  # apprentice upper secondary threshold
    vust: int  # veterans upper secondary threshold

    def relief(self, kind: EmployerRelief) -> int:
        return {
            EmployerRelief.UST: self.ust,
            EmployerRelief.AUST: self.aust,
            EmployerRelief.VUST: self.vust,
        }[kind]


@dataclass(frozen=True, slots=True)
class NiRates:
    """Class 1 National Insurance figures for one tax year."""

    thresholds: NiThresholds
    categories: Mapping[str, NiCategoryRates]
    source: str


class LoanPlan(Enum):
    """Student loan repayment plans, as on the SL1 start notice, plus the postgraduate loan."""

    PLAN_1 = "plan_1"
    PLAN_2 = "plan_2"
    PLAN_4 = "plan_4"
    PLAN_5 = "plan_5"
    POSTGRADUATE = "postgraduate"


@dataclass(frozen=True, slots=True)
class StudentLoanRates:
    """Annual repayment thresholds in whole pounds; None where a plan is not collected that year."""

    thresholds: Mapping[LoanPlan, int | None]
    plan_rate: Decimal  # plans 1, 2, 4 and 5
    postgraduate_rate: Decimal
    source: str


@dataclass(frozen=True, slots=True)
class SspRates:
    """Statutory Sick Pay for one tax year."""

    weekly_rate: Decimal  # the flat weekly rate (the most SSP pays)
    # From 6 April 2026 SSP is the lower of the flat rate and this share of average weekly
    # earnings; None before then, when a flat rate applied to everyone above the LEL.
    earnings_share: Decimal | None
    lel_test: bool  # True: average weekly earnings must reach the weekly LEL to qualify
    waiting_days: int  # unpaid qualifying days at the start of a period of incapacity
    max_weeks: int  # most weeks of SSP in one period of incapacity (or linked periods)
    source: str


@dataclass(frozen=True, slots=True)
class EarningsBand:
    """Automatic enrolment thresholds for one pay reference period, in whole pounds.

    Earnings must be MORE than `trigger` for automatic enrolment and more than `lower` to be a
    jobholder; qualifying earnings are the part above `lower` and not above `upper`.
    """

    lower: int  # lower level of qualifying earnings
    trigger: int  # earnings trigger for automatic enrolment
    upper: int  # upper level of qualifying earnings


@dataclass(frozen=True, slots=True)
class AutoEnrolmentRates:
    """Workplace pension automatic enrolment figures for one tax year."""

    # The Pensions Regulator publishes "rounded figures" for each pay reference period (the DWP
    # order's own table), so they are data here rather than annual / 52 worked out afresh.
    bands: Mapping[PayFrequency, EarningsBand]
    minimum_total_rate: Decimal  # employer + employee (with tax relief) on qualifying earnings
    minimum_employer_rate: Decimal
    # Relief at source: the scheme claims basic-rate relief, so the employee pays this much less.
    relief_at_source_rate: Decimal
    eligible_age: int  # eligible jobholders are at least this old (and under State Pension age)
    jobholder_age_from: int  # jobholders and entitled workers: at least this old...
    jobholder_age_below: int  # ...and younger than this
    source: str


@dataclass(frozen=True, slots=True)
class RedundancyRates:
    """Statutory redundancy pay limits for dismissals (relevant dates) in this tax year."""

    weekly_pay_cap: Decimal  # the most a week's pay can count as, in pounds
    max_years: int  # years of service counted, latest first
    source: str


@dataclass(frozen=True, slots=True)
class YearRates:
    """Everything the payroll calculation needs for one tax year."""

    tax_year: TaxYear
    income_tax: IncomeTaxRates
    ni: NiRates
    student_loans: StudentLoanRates
    employment_allowance: int  # whole pounds a year, per employer
    employment_allowance_source: str
    ssp: SspRates
    auto_enrolment: AutoEnrolmentRates
    redundancy: RedundancyRates
