"""Automatic enrolment: categories at each boundary, contributions worked by hand, the dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollCase, calculate, rates_for
from pa_manager.domain.payroll.pension import (
    PensionAssessment,
    PensionScheme,
    PensionState,
    PensionStatus,
    WorkerCategory,
    assess_pension,
    declaration_of_compliance_due,
    opt_out,
    opt_out_window,
    qualifying_earnings,
    redeclaration_date,
    redeclaration_due,
    reenrolment_window,
    state_pension_age_date,
    worker_category,
)
from pa_manager.domain.periods import PayFrequency, TaxYear

Y2026 = TaxYear(2026)
PAY_DAY = date(2026, 6, 26)
BORN_1996 = date(1996, 3, 1)  # 30 on PAY_DAY
NEST = PensionScheme()  # 5% employee (relief at source), 3% employer
NET_PAY = PensionScheme(relief_at_source=False)


def assess(
    earnings: str,
    *,
    frequency: PayFrequency = PayFrequency.MONTHLY,
    pay_date: date = PAY_DAY,
    born: date = BORN_1996,
    status: PensionStatus | None = None,
    scheme: PensionScheme = NEST,
    tax_year: TaxYear = Y2026,
) -> PensionAssessment:
    return assess_pension(
        tax_year=tax_year,
        frequency=frequency,
        pay_date=pay_date,
        date_of_birth=born,
        earnings=Money.from_pounds_str(earnings),
        status=status or PensionStatus.not_assessed(),
        scheme=scheme,
    )


def figures(a: PensionAssessment) -> tuple[str, str, str, str]:
    return (
        a.qualifying_earnings.decimal_str(),
        a.employee.decimal_str(),
        a.employer.decimal_str(),
        a.tax_relief.decimal_str(),
    )


# -- the thresholds are the published ones ---------------------------------------------------
@pytest.mark.parametrize("year", [2025, 2026])
def test_thresholds_per_pay_reference_period_match_the_regulator(year: int) -> None:
    bands = rates_for(TaxYear(year)).auto_enrolment.bands
    # payroll_rules.md §7.1 (TPR): lower / trigger / upper
    assert [(b.lower, b.trigger, b.upper) for b in bands.values()] == [
        (120, 192, 967),
        (240, 384, 1_934),
        (480, 768, 3_867),
        (520, 833, 4_189),
    ]
    assert list(bands) == list(PayFrequency)


# -- contributions ---------------------------------------------------------------------------
def test_eligible_new_pa_is_enrolled_relief_at_source() -> None:
    a = assess("2000.00")
    # QE = 2,000 - 520 = 1,480.00. Employer 3% = 44.40. Employee: 5% gross = 74.00, of which 80%
    # (4% of QE = 59.20) comes off net pay and the scheme claims the other 14.80 from HMRC.
    assert a.category is WorkerCategory.ELIGIBLE
    assert a.enrol is True
    assert figures(a) == ("1480.00", "59.20", "44.40", "14.80")
    assert "Enrol now" in a.explanation and "£59.20" in a.explanation


def test_net_pay_arrangement_deducts_the_full_five_percent_before_tax() -> None:
    a = assess("2000.00", scheme=NET_PAY, status=PensionStatus.enrolled())
    # 5% of 1,480.00 = 74.00 before tax; no relief claimed by the scheme.
    assert figures(a) == ("1480.00", "74.00", "44.40", "0.00")
    assert a.enrol is False  # already in
    assert "before tax" in a.explanation


def test_net_pay_contribution_reduces_taxable_pay_but_not_ni() -> None:
    def case(pension: int) -> PayrollCase:
        return PayrollCase(
            tax_year=Y2026,
            frequency=PayFrequency.MONTHLY,
            period=1,
            tax_code="1257L",
            week1_month1=False,
            ni_category="A",
            gross=Money(200000),
            pay_to_date=Money(0),
            tax_to_date=Money(0),
            pension_before_tax=Money(pension),
        )

    without, with_pension = calculate(case(0)), calculate(case(7400))
    # Without: 2,000 - 1,048.26 free pay = 951.74 -> £951 x 20% = 190.20.
    # With 74.00 taken before tax: 1,926 - 1,048.26 = 877.74 -> £877 x 20% = 175.40.
    assert (without.tax, with_pension.tax) == (Money(19020), Money(17540))
    # NI is on the full 2,000 either way: (2,000 - 1,048) x 8% = 76.16; (2,000 - 417) x 15% = 237.45.
    assert with_pension.employee_ni == without.employee_ni == Money(7616)
    assert with_pension.employer_ni == without.employer_ni == Money(23745)


def test_pension_before_tax_cannot_exceed_pay() -> None:
    with pytest.raises(DomainError, match=r"between 0\.00 and the gross pay"):
        PayrollCase(
            tax_year=Y2026,
            frequency=PayFrequency.MONTHLY,
            period=1,
            tax_code="1257L",
            week1_month1=False,
            ni_category="A",
            gross=Money(100),
            pay_to_date=Money(0),
            tax_to_date=Money(0),
            pension_before_tax=Money(101),
        )


def test_earnings_above_the_upper_level_count_only_to_it() -> None:
    a = assess("5000.00", status=PensionStatus.enrolled())
    # QE = 4,189 - 520 = 3,669.00. Employer 3% = 110.07. Employee 4% net = 146.76;
    # 5% gross = 183.45, so relief = 36.69.
    assert figures(a) == ("3669.00", "146.76", "110.07", "36.69")


def test_weekly_just_over_the_trigger() -> None:
    a = assess("192.01", frequency=PayFrequency.WEEKLY)
    # QE = 192.01 - 120 = 72.01. Employer 3% = 2.1603 -> 2.16. Employee 4% = 2.8804 -> 2.88.
    # Gross 5% = 3.6005 -> 3.60 (half up), relief 3.60 - 2.88 = 0.72.
    assert a.category is WorkerCategory.ELIGIBLE and a.enrol
    assert figures(a) == ("72.01", "2.88", "2.16", "0.72")


def test_contributions_round_half_up_to_the_penny() -> None:
    # QE = 120.50 - 120 = 0.50. Employer 3% = 0.015 -> 0.02 (half up). Employee 4% = 0.020;
    # gross 5% = 0.025 -> 0.03, relief 0.01.
    a = assess("120.50", frequency=PayFrequency.WEEKLY, status=PensionStatus.enrolled())
    assert figures(a) == ("0.50", "0.02", "0.02", "0.01")


def test_employer_may_pay_everything() -> None:
    scheme = PensionScheme(employee_rate=Decimal(0), employer_rate=Decimal("0.08"))
    # 8% of 1,480.00 = 118.40 from the employer; nothing from the PA.
    assert figures(assess("2000.00", scheme=scheme)) == ("1480.00", "0.00", "118.40", "0.00")


@pytest.mark.parametrize(
    ("employee", "employer"),
    [("0.05", "0.02"), ("0.04", "0.03"), ("0", "0.07")],
)
def test_scheme_below_the_legal_minimum_is_refused(employee: str, employer: str) -> None:
    scheme = PensionScheme(employee_rate=Decimal(employee), employer_rate=Decimal(employer))
    with pytest.raises(DomainError, match="at least 3% from the employer and 8% in all"):
        assess("2000.00", scheme=scheme)


def test_rates_must_be_percentages() -> None:
    with pytest.raises(DomainError, match="between 0% and 100%"):
        PensionScheme(employee_rate=Decimal("-0.01"))


# -- categories at their boundaries ---------------------------------------------------------
@pytest.mark.parametrize(
    ("earnings", "category"),
    [
        ("520.00", WorkerCategory.ENTITLED),  # at the lower level: entitled
        ("520.01", WorkerCategory.NON_ELIGIBLE),  # above it, not above the trigger
        ("833.00", WorkerCategory.NON_ELIGIBLE),  # at the trigger: must be MORE than it
        ("833.01", WorkerCategory.ELIGIBLE),
        ("0.00", WorkerCategory.ENTITLED),
    ],
)
def test_monthly_earnings_boundaries(earnings: str, category: WorkerCategory) -> None:
    assert assess(earnings).category is category


@pytest.mark.parametrize(
    ("frequency", "lower", "trigger"),
    [
        (PayFrequency.WEEKLY, "120", "192"),
        (PayFrequency.FORTNIGHTLY, "240", "384"),
        (PayFrequency.FOUR_WEEKLY, "480", "768"),
    ],
)
def test_other_frequencies_use_their_own_thresholds(
    frequency: PayFrequency, lower: str, trigger: str
) -> None:
    def category(amount: str) -> WorkerCategory:
        return assess(amount, frequency=frequency).category

    assert category(f"{lower}.00") is WorkerCategory.ENTITLED
    assert category(f"{lower}.01") is WorkerCategory.NON_ELIGIBLE
    assert category(f"{trigger}.00") is WorkerCategory.NON_ELIGIBLE
    assert category(f"{trigger}.01") is WorkerCategory.ELIGIBLE


@pytest.mark.parametrize(
    ("born", "category"),
    [
        (date(2010, 6, 27), WorkerCategory.NO_DUTIES),  # 15 on 26 June 2026
        (date(2010, 6, 26), WorkerCategory.NON_ELIGIBLE),  # 16 today: above the trigger but under 22
        (date(2004, 6, 27), WorkerCategory.NON_ELIGIBLE),  # 21
        (date(2004, 6, 26), WorkerCategory.ELIGIBLE),  # 22 today
        (date(1951, 6, 27), WorkerCategory.NON_ELIGIBLE),  # 74: past State Pension age
        (date(1951, 6, 26), WorkerCategory.NO_DUTIES),  # 75 today
    ],
)
def test_age_boundaries_on_the_pay_date(born: date, category: WorkerCategory) -> None:
    assert assess("2000.00", born=born).category is category


def test_under_16_even_on_low_pay_has_no_duties() -> None:
    a = assess("100.00", born=date(2011, 1, 1))
    assert a.category is WorkerCategory.NO_DUTIES and not a.enrol
    assert figures(a) == ("0.00", "0.00", "0.00", "0.00")


def test_state_pension_age_dates() -> None:
    assert state_pension_age_date(date(1959, 6, 1)) == date(2025, 6, 1)  # 66
    assert state_pension_age_date(date(1960, 4, 6)) == date(2026, 5, 6)  # 66 and 1 month
    assert state_pension_age_date(date(1960, 5, 5)) == date(2026, 6, 5)  # 66 and 1 month
    assert state_pension_age_date(date(1960, 5, 6)) == date(2026, 7, 6)  # 66 and 2 months
    assert state_pension_age_date(date(1960, 12, 31)) == date(2027, 9, 30)  # 66y 9m; no 31 Sept
    assert state_pension_age_date(date(1961, 3, 5)) == date(2028, 2, 5)  # 66 and 11 months
    assert state_pension_age_date(date(1961, 3, 6)) == date(2028, 3, 6)  # 67
    with pytest.raises(DomainError, match="born from 6 October 1954"):
        state_pension_age_date(date(1980, 1, 1))


def test_reaching_state_pension_age_ends_eligibility() -> None:
    born = date(1960, 4, 6)  # State Pension age on 6 May 2026
    assert assess("2000.00", born=born, pay_date=date(2026, 5, 5)).category is WorkerCategory.ELIGIBLE
    assert assess("2000.00", born=born, pay_date=date(2026, 5, 6)).category is WorkerCategory.NON_ELIGIBLE

    # Born in 1950 (well past it) and in 1990 (decades from it): the simple cases.
    def category(born: date) -> WorkerCategory:
        return worker_category(
            tax_year=Y2026,
            frequency=PayFrequency.MONTHLY,
            pay_date=PAY_DAY,
            date_of_birth=born,
            earnings=Money(200000),
        )

    assert category(date(1952, 1, 1)) is WorkerCategory.NON_ELIGIBLE
    assert category(date(1990, 1, 1)) is WorkerCategory.ELIGIBLE


def test_qualifying_earnings() -> None:
    def qe(amount: str) -> str:
        return qualifying_earnings(
            tax_year=Y2026, frequency=PayFrequency.FORTNIGHTLY, earnings=Money.from_pounds_str(amount)
        ).decimal_str()

    assert [qe("100.00"), qe("240.00"), qe("1000.00"), qe("1934.00"), qe("3000.00")] == [
        "0.00",
        "0.00",
        "760.00",  # 1,000 - 240
        "1694.00",  # 1,934 - 240
        "1694.00",  # capped at the upper level
    ]


# -- statuses --------------------------------------------------------------------------------
def test_non_eligible_is_not_enrolled_but_pays_once_opted_in() -> None:
    born = date(2008, 1, 1)  # 18
    before = assess("700.00", born=born)
    assert (before.category, before.enrol) == (WorkerCategory.NON_ELIGIBLE, False)
    assert figures(before) == ("180.00", "0.00", "0.00", "0.00")
    assert "opt in" in before.explanation
    after = assess("700.00", born=born, status=PensionStatus.opted_in())
    # QE 700 - 520 = 180.00: employer 3% = 5.40; employee 4% = 7.20; relief 9.00 - 7.20 = 1.80.
    assert figures(after) == ("180.00", "7.20", "5.40", "1.80")


def test_entitled_worker_who_joins_has_nothing_due_on_qualifying_earnings() -> None:
    a = assess("400.00", status=PensionStatus.opted_in())
    assert a.category is WorkerCategory.ENTITLED
    assert figures(a) == ("0.00", "0.00", "0.00", "0.00")


def test_opted_out_pays_nothing() -> None:
    a = assess("2000.00", status=PensionStatus.opted_out())
    assert (a.category, a.enrol) == (WorkerCategory.ELIGIBLE, False)
    assert figures(a) == ("1480.00", "0.00", "0.00", "0.00")
    assert "re-enrolled" in a.explanation


def test_postponement_then_enrolment() -> None:
    status = PensionStatus.postponed(starting=date(2026, 5, 1), until=date(2026, 8, 1))
    during = assess("2000.00", status=status, pay_date=date(2026, 7, 31))
    assert (during.enrol, during.employee, during.employer) == (False, Money(0), Money(0))
    assert "postponed until 01 August 2026" in during.explanation
    after = assess("2000.00", status=status, pay_date=date(2026, 8, 1))
    assert after.enrol and figures(after) == ("1480.00", "59.20", "44.40", "14.80")


def test_postponement_is_at_most_three_months() -> None:
    PensionStatus.postponed(starting=date(2026, 11, 30), until=date(2027, 2, 28))  # clipped month end
    with pytest.raises(DomainError, match="up to 01 August 2026"):
        PensionStatus.postponed(starting=date(2026, 5, 1), until=date(2026, 8, 2))
    with pytest.raises(DomainError, match="three months"):
        PensionStatus.postponed(starting=date(2026, 5, 1), until=date(2026, 4, 30))
    with pytest.raises(DomainError, match="date it ends"):
        PensionStatus(PensionState.POSTPONED)
    with pytest.raises(DomainError, match="date it ends"):
        PensionStatus(PensionState.ENROLLED, date(2026, 8, 1))


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(DomainError, match="not in tax year 2026-27"):
        assess("100.00", pay_date=date(2026, 4, 5))
    with pytest.raises(DomainError, match="cannot be negative"):
        assess("-1.00")
    with pytest.raises(DomainError, match="we have rates for 2025-26 and 2026-27"):
        assess("100.00", tax_year=TaxYear(2027), pay_date=date(2027, 6, 1))


# -- opting out ------------------------------------------------------------------------------
def test_opt_out_within_the_window_refunds_everything() -> None:
    # Enrolled 1 May, told on 10 May: one month beginning with 10 May ends on 9 June.
    assert opt_out_window(enrolled_on=date(2026, 5, 1), information_given_on=date(2026, 5, 10)) == (
        date(2026, 5, 10),
        date(2026, 6, 9),
    )
    result = opt_out(
        enrolled_on=date(2026, 5, 1),
        information_given_on=date(2026, 5, 10),
        notice_given_on=date(2026, 6, 9),
        employee_paid=Money(5920),
        employer_paid=Money(4440),
    )
    assert result.within_window
    assert (result.refund_to_pa, result.refund_to_employer) == (Money(5920), Money(4440))
    assert result.refund_due_by == date(2026, 7, 8)


def test_opt_out_after_the_window_refunds_nothing() -> None:
    result = opt_out(
        enrolled_on=date(2026, 5, 1),
        information_given_on=date(2026, 5, 10),
        notice_given_on=date(2026, 6, 10),
        employee_paid=Money(5920),
        employer_paid=Money(4440),
    )
    assert not result.within_window
    assert (result.refund_to_pa, result.refund_to_employer, result.refund_due_by) == (
        Money(0),
        Money(0),
        None,
    )
    assert "stays in their pension" in result.explanation


def test_opt_out_before_the_window_is_refused() -> None:
    with pytest.raises(DomainError, match="cannot be given before 10 May 2026"):
        opt_out(
            enrolled_on=date(2026, 5, 1),
            information_given_on=date(2026, 5, 10),
            notice_given_on=date(2026, 5, 9),
            employee_paid=Money(0),
            employer_paid=Money(0),
        )


# -- employer deadlines ----------------------------------------------------------------------
def test_declaration_and_redeclaration_dates_follow_the_regulators_example() -> None:
    # TPR (CIPD blog by TPR): staging 1 April 2014, third anniversary 1 April 2017, re-enrolment
    # window 1 January 2017 to 30 June 2017, re-declaration deadline 31 August 2017.
    staging = date(2014, 4, 1)
    assert declaration_of_compliance_due(staging) == date(2014, 8, 31)
    assert redeclaration_date(staging) == date(2017, 4, 1)
    assert reenrolment_window(staging) == (date(2017, 1, 1), date(2017, 6, 30))
    assert redeclaration_due(staging) == date(2017, 8, 31)


def test_month_periods_ending_in_a_short_month() -> None:
    # Five months beginning 30 September 2026 end on 28 February 2027 (no 30 February), not 27th.
    assert declaration_of_compliance_due(date(2026, 9, 30)) == date(2027, 2, 28)
    assert declaration_of_compliance_due(date(2026, 3, 1)) == date(2026, 7, 31)
    # A leap-day start: its third anniversary is 28 February.
    assert redeclaration_date(date(2028, 2, 29)) == date(2031, 2, 28)
    # Opt-out: one month beginning 31 January 2027 ends 28 February 2027.
    assert opt_out_window(enrolled_on=date(2027, 1, 31), information_given_on=date(2027, 1, 1))[1] == date(
        2027, 2, 28
    )
