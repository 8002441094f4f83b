"""PAYE income tax rules, one at a time, with figures worked by hand from the spec.

The HMRC vectors prove the whole; these pin each rule (free pay formula, each rounding, refunds,
the 50% limit, week 53, fortnightly and four-weekly pay) so a regression names the rule it broke.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pa_manager.domain.money import Money
from pa_manager.domain.payroll import Basis, PayrollCase, PayrollResult, calculate
from pa_manager.domain.payroll.paye import period_one_free_pay
from pa_manager.domain.periods import PayFrequency, TaxYear

M, W, F, FW = (
    PayFrequency.MONTHLY,
    PayFrequency.WEEKLY,
    PayFrequency.FORTNIGHTLY,
    PayFrequency.FOUR_WEEKLY,
)


def pounds(text: str) -> Money:
    return Money.from_pounds_str(text)


def run(
    code: str,
    gross: str,
    *,
    frequency: PayFrequency = M,
    period: int = 1,
    w1m1: bool = False,
    pay_to_date: str = "0.00",
    tax_to_date: str = "0.00",
    year: int = 2026,
) -> PayrollResult:
    return calculate(
        PayrollCase(
            tax_year=TaxYear(year),
            frequency=frequency,
            period=period,
            tax_code=code,
            week1_month1=w1m1,
            ni_category="A",
            gross=pounds(gross),
            pay_to_date=pounds(pay_to_date),
            tax_to_date=pounds(tax_to_date),
        )
    )


def tax(code: str, gross: str, **kw: object) -> str:
    return run(code, gross, **kw).tax.decimal_str()  # type: ignore[arg-type]


# -- free pay: spec §4.3.1 "note for programmers" --------------------------------------------------
@pytest.mark.parametrize(
    ("number", "periods", "expected"),
    [
        (1257, 12, "1048.26"),  # q = 2: 2 x 416.67, + r = 257: 2,579 / 12 = 214.916 -> 214.92
        (1257, 52, "241.92"),
        (45, 12, "38.25"),  # 459 / 12
        (145, 52, "28.06"),  # 1,459 / 52 = 28.0577, rounded UP
        (0, 12, "0"),  # 0T: no free pay
        (1, 12, "1.59"),  # 19 / 12 = 1.583
        (500, 12, "417.42"),  # r = 500: 5,009 / 12 = 417.416
        (501, 12, "418.26"),  # q = 1, r = 1: 416.67 + 1.59
        (1000, 52, "192.49"),  # q = 1, r = 500: 96.16 + 96.33
    ],
)
def test_period_one_free_pay(number: int, periods: int, expected: str) -> None:
    assert period_one_free_pay(number, periods) == Decimal(expected)


def test_1257l_free_pay_is_not_simply_an_annual_twelfth() -> None:
    # 12,570 / 12 = 1,047.50, but HMRC's tables give 1,048.26 a month (2 x 416.67 + 214.92).
    result = run("1257L", "2000.00", period=3, pay_to_date="4000.00", tax_to_date="380.20")
    assert result.tax_detail.free_pay_to_date == pounds("3144.78")  # 3 x 1,048.26


# -- rounding --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("gross", "expected"),
    [
        ("1149.25", "20.00"),  # taxable 100.99 -> rounded DOWN to £100 -> 20% = 20.00
        ("1149.26", "20.20"),  # taxable 101.00
    ],
)
def test_taxable_pay_is_rounded_down_to_the_pound(gross: str, expected: str) -> None:
    assert tax("1257L", gross, w1m1=True) == expected


def test_tax_is_rounded_down_to_the_penny() -> None:
    # 0T month 1 on £4,000: 628.3333 + (4,000 - 3,141.6667) x 40% = 971.6667 -> 971.66, not .67
    assert tax("0T", "4000.00", w1m1=True) == "971.66"


@pytest.mark.parametrize(
    ("gross", "expected"),
    [
        ("3141.99", "628.20"),  # basic band: £3,141 x 20%
        ("3142.00", "628.40"),  # still basic: the test value is 3,141.67 rounded UP to 3,142
        ("3142.01", "628.46"),  # higher band: 628.3333 + (3,142 - 3,141.6667) x 40%
    ],
)
def test_band_is_chosen_against_the_limit_rounded_up_to_the_pound(gross: str, expected: str) -> None:
    assert tax("0T", gross, w1m1=True) == expected


def test_additional_rate() -> None:
    # 0T month 1 on £20,000: k2 = (7,540 + 34,976) / 12 = 3,543; + (20,000 - 10,428.33) x 45%
    assert tax("0T", "20000.00", w1m1=True) == "7850.25"


# -- cumulative tax and refunds -------------------------------------------------------------------
def test_cumulative_period_takes_tax_paid_into_account() -> None:
    # Month 2: free pay 2,096.52; taxable 2,903.48 -> 2,903 x 20% = 580.60, less 190.20 paid.
    result = run("1257L", "2500.00", period=2, pay_to_date="2500.00", tax_to_date="290.20")
    assert result.tax == pounds("290.40")
    assert result.tax_detail.tax_due_to_date == pounds("580.60")
    assert result.tax_detail.basis is Basis.CUMULATIVE


def test_refund_in_a_period_with_no_pay_is_not_limited() -> None:
    # Month 3, nothing paid: 3 x 1,048.26 free; taxable 2,855.22 -> 571.00 due; 780.40 paid.
    result = run("1257L", "0.00", period=3, pay_to_date="6000.00", tax_to_date="780.40")
    assert result.tax == pounds("-209.40")


def test_no_refund_on_week1_month1() -> None:
    result = run("1257L", "0.00", period=3, w1m1=True, pay_to_date="6000.00", tax_to_date="780.40")
    assert result.tax == Money.zero()
    assert result.tax_detail.basis is Basis.NON_CUMULATIVE


def test_week1_month1_ignores_earlier_pay() -> None:
    kw: dict[str, object] = {"period": 7, "pay_to_date": "60000.00", "tax_to_date": "12.34"}
    assert tax("1257L", "2000.00", w1m1=True, **kw) == tax("1257L", "2000.00", w1m1=True)
    assert tax("1257L", "2000.00", w1m1=True) == "190.20"  # (2,000 - 1,048.26) -> 951 x 20%


def test_marker_in_the_code_means_non_cumulative_too() -> None:
    cumulative = run("1257L", "0.00", period=3, pay_to_date="6000.00", tax_to_date="780.40")
    marked = run("1257L M1", "0.00", period=3, pay_to_date="6000.00", tax_to_date="780.40")
    assert cumulative.tax.is_negative
    assert marked.tax == Money.zero()


def test_nt_refunds_everything_paid_cumulatively() -> None:
    assert tax("NT", "1000.00", period=5, pay_to_date="4000.00", tax_to_date="123.45") == "-123.45"
    assert tax("NT", "1000.00", period=5, w1m1=True, tax_to_date="123.45") == "0.00"


# -- flat-rate codes -------------------------------------------------------------------------------
def test_br_taxes_all_pay_to_date_rounded_down_to_the_pound() -> None:
    # 2,001.98 to date -> £2,001 x 20% = 400.20, less 200.00 paid.
    assert tax("BR", "1000.99", period=2, pay_to_date="1000.99", tax_to_date="200.00") == "200.20"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("BR", "20.00"),
        ("D0", "40.00"),
        ("D1", "45.00"),
        ("CBR", "20.00"),
        ("CD0", "40.00"),
        ("CD1", "45.00"),
        ("SBR", "20.00"),
        ("SD0", "21.00"),  # Scottish intermediate
        ("SD1", "42.00"),
        ("SD2", "45.00"),
        ("SD3", "48.00"),
    ],
)
def test_flat_rate_codes(code: str, expected: str) -> None:
    assert tax(code, "100.99", w1m1=True) == expected


def test_scottish_starter_rate_and_welsh_equal_to_rest_of_uk() -> None:
    assert tax("S1257L", "1149.26", w1m1=True) == "19.19"  # £101 at 19%
    assert tax("C1257L", "1149.26", w1m1=True) == tax("1257L", "1149.26", w1m1=True) == "20.20"


# -- K codes and the 50% overriding limit (spec §4.5.2) --------------------------------------------
def test_k_code_adds_to_pay() -> None:
    # K500 month 1: 417.42 added; £1,000 -> 1,417.42 -> 1,417 x 20% = 283.40
    result = run("K500", "1000.00", w1m1=True)
    assert result.tax == pounds("283.40")
    assert result.tax_detail.free_pay_to_date == pounds("-417.42")


def test_k_code_tax_is_limited_to_half_of_pay_and_the_rest_held_over() -> None:
    first = run("K500", "100.00")  # 517.42 -> 517 x 20% = 103.40 due, only 50.00 may be taken
    assert first.tax == pounds("50.00")
    assert first.tax_detail.held_over == pounds("53.40")
    # Month 2 collects the shortfall: 1,100 + 834.84 -> 1,934 x 20% = 386.80, less 50.00 paid.
    second = run("K500", "1000.00", period=2, pay_to_date="100.00", tax_to_date="50.00")
    assert second.tax == pounds("336.80")
    assert second.tax_detail.held_over == Money.zero()


def test_the_limit_rounds_down_to_the_penny() -> None:
    assert tax("K500", "100.01", w1m1=True) == "50.00"  # half of 100.01 is 50.005


def test_the_limit_applies_to_ordinary_codes_too() -> None:
    # A change to 0T in month 6 after five months on 1257L with nothing taxed: 6,000 -> 1,200 due.
    result = run("0T", "1000.00", period=6, pay_to_date="5000.00", tax_to_date="0.00")
    assert result.tax == pounds("500.00")
    assert result.tax_detail.held_over == pounds("700.00")


# -- fortnightly, four-weekly, and the extra payday (week 53/54/56) -------------------------------
def test_fortnightly_uses_two_weeks_of_the_weekly_tables() -> None:
    # Period 1 = week 2: free pay 2 x 241.92 = 483.84; 1,000 -> 516 x 20% = 103.20
    assert tax("1257L", "1000.00", frequency=F) == "103.20"
    # Period 2 = week 4: 2,000 - 967.68 -> 1,032 x 20% = 206.40 due; 103.20 paid
    assert tax("1257L", "1000.00", frequency=F, period=2, pay_to_date="1000.00",
               tax_to_date="103.20") == "103.20"  # fmt: skip


def test_four_weekly_uses_four_weeks_of_the_weekly_tables() -> None:
    assert tax("1257L", "2000.00", frequency=FW) == "206.40"  # 2,000 - 967.68 -> 1,032 x 20%


def test_fortnightly_week1_basis_uses_two_weeks_whatever_the_period() -> None:
    assert tax("1257L", "1000.00", frequency=F, period=9, w1m1=True) == "103.20"


@pytest.mark.parametrize(
    ("frequency", "period", "gross", "expected"),
    [
        (W, 53, "300.00", "11.60"),  # week 53: week 1 free pay, 58.08 -> £58 x 20%
        (F, 27, "600.00", "23.20"),  # week 54: two weeks' free pay, 116.16 -> £116
        (FW, 14, "1200.00", "46.40"),  # week 56: four weeks' free pay, 232.32 -> £232
    ],
)
def test_extra_payday_is_taxed_on_a_week1_basis(
    frequency: PayFrequency, period: int, gross: str, expected: str
) -> None:
    # Large earlier figures would change a cumulative answer; on a week 1 basis they are ignored.
    result = run("1257L", gross, frequency=frequency, period=period,
                 pay_to_date="5000.00", tax_to_date="2000.00")  # fmt: skip
    assert result.tax == pounds(expected)
    assert result.tax_detail.basis is Basis.NON_CUMULATIVE


def test_week_52_and_month_12_stay_cumulative() -> None:
    assert run("1257L", "300.00", frequency=W, period=52).tax_detail.basis is Basis.CUMULATIVE
    assert run("1257L", "300.00", period=12).tax_detail.basis is Basis.CUMULATIVE
