"""Class 1 NI: period thresholds, HMRC's rounding, and each category letter."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll import NiResult, calculate_ni, rates_for
from pa_manager.domain.payroll.ni import period_thresholds
from pa_manager.domain.periods import PayFrequency, TaxYear

W, F, FW, M = (
    PayFrequency.WEEKLY,
    PayFrequency.FORTNIGHTLY,
    PayFrequency.FOUR_WEEKLY,
    PayFrequency.MONTHLY,
)


def pounds(text: str) -> Money:
    return Money.from_pounds_str(text)


def ni(category: str, gross: str, frequency: PayFrequency = W, year: int = 2026) -> NiResult:
    return calculate_ni(
        rates=rates_for(TaxYear(year)).ni,
        frequency=frequency,
        category=category,
        gross=pounds(gross),
    )


# payroll_rules.md §4.4: derived from the annual figures, NOT weekly x 2 or x 4 (4 x 242 = 968).
@pytest.mark.parametrize(
    ("frequency", "lel", "st", "pt", "uel"),
    [
        (W, 129, 96, 242, 967),
        (F, 258, 193, 484, 1934),
        (FW, 516, 385, 967, 3867),
        (M, 559, 417, 1048, 4189),
    ],
)
def test_2026_27_period_thresholds(frequency: PayFrequency, lel: int, st: int, pt: int, uel: int) -> None:
    th = period_thresholds(rates_for(TaxYear(2026)).ni, frequency)
    got = tuple(m.pence // 100 for m in (th.lel, th.st, th.pt, th.uel))
    assert got == (lel, st, pt, uel)
    assert th.ust == th.aust == th.vust == th.uel


@pytest.mark.parametrize(("frequency", "lel"), [(W, 125), (F, 250), (FW, 500), (M, 542)])
def test_2025_26_lower_earnings_limit(frequency: PayFrequency, lel: int) -> None:
    assert period_thresholds(rates_for(TaxYear(2025)).ni, frequency).lel == Money(lel * 100)


# -- rounding: a halfpenny or less is disregarded -------------------------------------------------
@pytest.mark.parametrize(
    ("gross", "employee"),
    [
        ("242.00", "0.00"),
        ("242.06", "0.00"),  # 0.0048
        ("242.07", "0.00"),  # 0.0056: third decimal 5 -> down (half-up would give 0.01)
        ("242.08", "0.01"),  # 0.0064: third decimal 6 -> up
        ("242.32", "0.02"),  # 0.0256
    ],
)
def test_employee_rounding(gross: str, employee: str) -> None:
    assert ni("A", gross).employee == pounds(employee)


def test_employer_rounding() -> None:
    assert ni("A", "96.03").employer == pounds("0.00")  # 0.0045
    assert ni("A", "96.04").employer == pounds("0.01")  # 0.006


def test_main_band_and_above_uel_are_rounded_separately() -> None:
    # B weekly £967.25: 725 x 1.85% = 13.4125 -> 13.41; 0.25 x 2% = 0.005 -> 0.00.
    # Rounding the sum (13.4175) once would give 13.42.
    assert ni("B", "967.25").employee == pounds("13.41")


# -- the category letters (weekly 2026-27: PT 242, ST 96, UEL = UST 967) --------------------------
@pytest.mark.parametrize(
    ("category", "employee", "employer"),
    [
        ("A", "58.66", "135.60"),  # 725 x 8% + 33 x 2%; 904 x 15%
        ("B", "14.07", "135.60"),  # 725 x 1.85% = 13.4125 -> 13.41, + 0.66
        ("C", "0.00", "135.60"),  # over State Pension age: no employee NI
        ("H", "58.66", "4.95"),  # apprentice: employer 15% only above the AUST, 33 x 15%
        ("J", "15.16", "135.60"),  # deferred: 2% throughout, 758 x 2%
        ("M", "58.66", "4.95"),  # under 21: employer only above the UST
        ("V", "58.66", "4.95"),  # veteran: employer only above the VUST
        ("Z", "15.16", "4.95"),  # under 21 and deferred
        ("X", "0.00", "0.00"),  # not liable
    ],
)
def test_categories_weekly_1000(category: str, employee: str, employer: str) -> None:
    result = ni(category, "1000.00")
    assert (result.employee, result.employer) == (pounds(employee), pounds(employer))


def test_categories_below_the_thresholds_pay_nothing() -> None:
    for letter in "ABCHJMVZ":
        result = ni(letter, "95.00")
        assert (result.employee, result.employer) == (Money.zero(), Money.zero()), letter


def test_monthly_2026_27() -> None:
    result = ni("A", "2000.00", M)
    assert result.employee == pounds("76.16")  # (2,000 - 1,048) x 8%
    assert result.employer == pounds("237.45")  # (2,000 - 417) x 15%


# -- the earnings bands reported on the FPS --------------------------------------------------------
def test_earnings_bands_below_lel() -> None:
    r = ni("A", "128.99")
    assert (r.earnings_at_lel, r.earnings_lel_to_pt, r.earnings_pt_to_uel) == (Money.zero(),) * 3


def test_earnings_bands_at_lel() -> None:
    r = ni("A", "129.00")
    assert (r.earnings_at_lel, r.earnings_lel_to_pt, r.earnings_pt_to_uel) == (
        pounds("129.00"),
        Money.zero(),
        Money.zero(),
    )


def test_earnings_bands_above_uel() -> None:
    r = ni("A", "1000.00")
    assert (r.earnings_at_lel, r.earnings_lel_to_pt, r.earnings_pt_to_uel) == (
        pounds("129.00"),
        pounds("113.00"),
        pounds("725.00"),
    )


def test_category_x_reports_no_bands() -> None:
    r = ni("X", "1000.00")
    assert r.earnings_at_lel == r.earnings_pt_to_uel == Money.zero()


def test_unknown_category_is_refused_with_the_letters_we_know() -> None:
    with pytest.raises(DomainError, match=r"“Q”.*A, B, C, H, J, M, V, X, Z"):
        ni("Q", "100.00")


def test_whole_pence_rounding_agrees_with_ni_round() -> None:
    # calculate_ni rounds in integer pence for speed; it must be the legal rule exactly. Every
    # rate in the tables, at every remainder digit, including 0.0050 (down) and 0.0060 (up).
    import random
    from decimal import Decimal

    from pa_manager.domain.payroll.ni import _ni_round_pence
    from pa_manager.domain.payroll.rounding import ni_round

    rates = {
        Decimal("0.08"),
        Decimal("0.0185"),
        Decimal("0.02"),
        Decimal("0.15"),
        Decimal("0.138"),
        Decimal(0),
    }
    rng = random.Random(12)
    amounts = list(range(0, 2_000)) + [rng.randint(0, 10_000_000) for _ in range(5_000)]
    for rate in rates:
        for pence in amounts:
            expected = ni_round(Decimal(pence) / 100 * rate) * 100
            assert _ni_round_pence(pence, rate) == expected, (pence, rate)
    # By hand: 24,207p (weekly £242.07) - 24,200p PT = 7p x 8% = 0.56p -> 0.0056 pounds -> £0.00;
    # 8p x 8% = 0.64p -> £0.01 (HMRC's own examples, payroll_rules.md §4.5).
    assert (_ni_round_pence(7, Decimal("0.08")), _ni_round_pence(8, Decimal("0.08"))) == (0, 1)
