"""Every HMRC test case in shared/payroll/hmrc_test_vectors.json, each as its own test.

Income tax must be within HMRC's stated tolerance ("results may differ from the test data by no
more than £00.01"); NI must be exact, as must the earnings bands the FPS reports. The file is read
with Decimal for every number, so no float stands between HMRC's figure and ours. If the file is
missing the tests fail: a skipped acceptance test would look like a pass.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pa_manager.domain.money import Money
from pa_manager.domain.payroll import PayrollCase, calculate
from pa_manager.domain.periods import PayFrequency, TaxYear

VECTORS = Path(__file__).resolve().parents[4] / "shared" / "payroll" / "hmrc_test_vectors.json"
HMRC_TOLERANCE_PENCE = 1

Vector = dict[str, Any]


def _load() -> list[Vector] | None:
    if not VECTORS.is_file():
        return None
    data = json.loads(VECTORS.read_text(encoding="utf-8"), parse_float=Decimal)
    assert isinstance(data, list)
    return data


_ALL = _load()
_MISSING = pytest.param(None, id="hmrc_test_vectors.json-missing")


def _cases(kind: str, *, derived: bool = False) -> list[Any]:
    if _ALL is None:
        return [_MISSING]
    return [
        pytest.param(v, id=v["id"])
        for v in _ALL
        if v["kind"] == kind and bool(v.get("derived", False)) == derived
    ]


def _require(vector: Vector | None) -> Vector:
    if vector is None:
        pytest.fail(f"HMRC test vectors not found at {VECTORS}; the shared/ folder must sit beside the repo")
    return vector


def money(value: Decimal | int) -> Money:
    """HMRC's figure as Money, refusing anything that is not whole pence."""
    pounds = Decimal(value)
    assert pounds == pounds.quantize(Decimal("0.01")), f"{value} is not pounds and pence"
    return Money.from_decimal(pounds)


def test_the_file_holds_every_hmrc_case() -> None:
    # payroll_rules.md §13: 792 vectors; 784 with HMRC answers (168 income tax cases each for
    # 2025-26 and 2026-27, 448 NI cases for 2025-26) and 8 derived 2026-27 NI checks. Exact
    # counts: a truncated or replaced file would otherwise quietly shrink the tests below.
    if _ALL is None:
        pytest.fail(f"HMRC test vectors not found at {VECTORS}")
    counts = Counter((v["kind"], v["tax_year"], bool(v.get("derived"))) for v in _ALL)
    assert counts == {
        ("income_tax", "2025-26", False): 168,
        ("income_tax", "2026-27", False): 168,
        ("national_insurance", "2025-26", False): 448,
        ("national_insurance", "2026-27", True): 8,
    }
    assert len({v["id"] for v in _ALL}) == len(_ALL) == 792


def test_every_case_with_an_answer_is_run() -> None:
    # Each vector that carries an expected figure is a parameter of one of the tests below, so
    # none can be filtered out by a kind or flag this module does not know about.
    if _ALL is None:
        pytest.fail(f"HMRC test vectors not found at {VECTORS}")
    answered = {v["id"] for v in _ALL if any(k.startswith("expected_") for k in v)}
    run = {
        p.id
        for p in _cases("income_tax")
        + _cases("national_insurance")
        + _cases("national_insurance", derived=True)
    }
    assert answered == run and len(run) == 792


def _off_by(vector: Vector, key: str, pence: int) -> Vector:
    return dict(vector, **{key: Decimal(vector[key]) + Decimal(pence) / 100})


def test_a_wrong_answer_fails() -> None:
    # The comparisons must bite: 2p off HMRC's tax is outside the 1p tolerance, and NI or an
    # earnings band 1p off is wrong.
    if _ALL is None:
        pytest.fail(f"HMRC test vectors not found at {VECTORS}")
    tax = next(v for v in _ALL if v["kind"] == "income_tax" and v["expected_tax_this_period"] > 0)
    ni = next(v for v in _ALL if v["kind"] == "national_insurance" and v["expected_employer_ni"] > 0)
    test_income_tax(_off_by(tax, "expected_tax_this_period", 1))  # within tolerance: passes
    with pytest.raises(AssertionError):
        test_income_tax(_off_by(tax, "expected_tax_this_period", 2))
    with pytest.raises(AssertionError):
        test_income_tax(_off_by(tax, "expected_tax_this_period", -2))
    for key in ("expected_employee_ni", "expected_employer_ni", "expected_earnings_PT_to_UEL"):
        with pytest.raises(AssertionError):
            test_national_insurance(_off_by(ni, key, 1))


@pytest.mark.parametrize("vector", _cases("income_tax"))
def test_income_tax(vector: Vector | None) -> None:
    v = _require(vector)
    gross = money(v["gross_pay_period"])
    case = PayrollCase(
        tax_year=TaxYear.parse(v["tax_year"]),
        frequency=PayFrequency.parse(v["period_type"]),
        period=v["period"],
        tax_code=v["tax_code"],
        week1_month1=v["week1_month1"],
        ni_category="A",
        gross=gross,
        # HMRC gives pay to date including this period; the case wants earlier periods only.
        pay_to_date=money(v["taxable_pay_to_date_incl_this_period"]) - gross,
        tax_to_date=money(v["previous_tax_paid_to_date"]),
    )
    result = calculate(case)
    expected = money(v["expected_tax_this_period"])
    assert abs(result.tax.pence - expected.pence) <= HMRC_TOLERANCE_PENCE, (
        f"{v['tax_code']} {v['period_type']} period {v['period']}: we deduct {result.tax}, HMRC {expected}"
    )


def _ni_case(v: Vector) -> PayrollCase:
    return PayrollCase(
        tax_year=TaxYear.parse(v["tax_year"]),
        frequency=PayFrequency.parse(v["period_type"]),
        period=v["period"],
        tax_code="NT",  # NI does not depend on the tax code
        week1_month1=False,
        ni_category=v["ni_category"],
        gross=money(v["gross_pay_period"]),
        pay_to_date=Money.zero(),
        tax_to_date=Money.zero(),
    )


@pytest.mark.parametrize("vector", _cases("national_insurance"))
def test_national_insurance(vector: Vector | None) -> None:
    v = _require(vector)
    result = calculate(_ni_case(v))
    ni = result.ni_detail
    assert (result.employee_ni, result.employer_ni) == (
        money(v["expected_employee_ni"]),
        money(v["expected_employer_ni"]),
    )
    assert (ni.earnings_at_lel, ni.earnings_lel_to_pt, ni.earnings_pt_to_uel) == (
        money(v["expected_earnings_at_LEL"]),
        money(v["expected_earnings_LEL_to_PT"]),
        money(v["expected_earnings_PT_to_UEL"]),
    )


# The 2026-27 NI cases marked "derived" are NOT HMRC answers: they apply the reported 2026-27
# thresholds to the rule that reproduces HMRC's 2025-26 data. They check our 2026-27 NI table
# (chiefly the new LEL) against a second reading of the same sources.
@pytest.mark.parametrize("vector", _cases("national_insurance", derived=True))
def test_national_insurance_2026_27_derived(vector: Vector | None) -> None:
    v = _require(vector)
    result = calculate(_ni_case(v))
    assert (result.employee_ni, result.employer_ni) == (
        money(v["expected_employee_ni"]),
        money(v["expected_employer_ni"]),
    )
