"""One payment through payroll: a validated `PayrollCase` in, tax and NI out.

`parse_case` reads the JSON-like form used by the command line and data files, with amounts as
decimal strings ("2100.00") so no float ever touches money, and says in plain English what is
wrong with any field. `calculate` is the only entry point the rest of the app needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError
from pa_manager.domain.payroll.ni import NiResult, calculate_ni, category_rates
from pa_manager.domain.payroll.paye import TaxResult, calculate_tax
from pa_manager.domain.payroll.rates import YearRates
from pa_manager.domain.payroll.tax_code import TaxCode, parse_tax_code
from pa_manager.domain.payroll.years import rates_for
from pa_manager.domain.periods import PayFrequency, TaxYear

# What each field means, in the words used in messages.
CASE_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "tax_year": 'the tax year, like "2026-27"',
        "frequency": "how often the PA is paid: weekly, fortnightly, four_weekly or monthly",
        "period": "the pay period number in the tax year, from 1",
        "tax_code": 'the tax code, like "1257L"',
        "week1_month1": "true if the tax code is on a week 1 / month 1 basis, otherwise false",
        "ni_category": 'the National Insurance category letter, usually "A"',
        "gross": 'this period\'s gross pay, like "2100.00"',
        "pay_to_date": 'taxable pay in earlier periods this tax year, like "0.00"',
        "tax_to_date": 'tax deducted in earlier periods this tax year, like "0.00"',
    }
)

_MONEY_NAMES = {"gross": "Gross pay", "pay_to_date": "Pay to date", "tax_to_date": "Tax to date"}


@dataclass(frozen=True, slots=True)
class PayrollCase:
    """One payment to one PA. Building one checks it, so a PayrollCase is always calculable."""

    tax_year: TaxYear
    frequency: PayFrequency
    period: int
    tax_code: str
    week1_month1: bool
    ni_category: str
    gross: Money
    pay_to_date: Money
    tax_to_date: Money
    # The employee's pension contribution under a net pay arrangement: taken off pay before tax
    # but not before NI (payroll_rules.md §7.3; see pension.assess_pension). Not a --batch field.
    pension_before_tax: Money = Money(0)
    code: TaxCode = field(init=False, repr=False, compare=False)
    rates: YearRates = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rates = rates_for(self.tax_year)
        if isinstance(self.period, bool) or not isinstance(self.period, int):
            raise DomainError("The pay period must be a whole number, such as 1.")
        if not 1 <= self.period <= self.frequency.max_period:
            raise DomainError(
                f"Period {self.period} does not exist for {self.frequency.value} pay; "
                f"use 1 to {self.frequency.max_period}."
            )
        code = parse_tax_code(self.tax_code)
        code.check_against(rates.income_tax.bands_for(code.jurisdiction))
        category_rates(rates.ni, self.ni_category)
        for name in ("gross", "pay_to_date", "tax_to_date"):
            amount: Money = getattr(self, name)
            if amount.is_negative:
                raise DomainError(
                    f"{_MONEY_NAMES[name]} cannot be negative (it is {amount}). "
                    "Enter the amount paid, or 0.00."
                )
        if self.pension_before_tax.is_negative or self.pension_before_tax > self.gross:
            raise DomainError(
                f"A pension contribution taken before tax ({self.pension_before_tax}) must be "
                f"between 0.00 and the gross pay ({self.gross})."
            )
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "rates", rates)


@dataclass(frozen=True, slots=True)
class PayrollResult:
    """Tax and NI on one payment, with the working behind them."""

    case: PayrollCase
    tax: Money  # negative for a refund
    employee_ni: Money
    employer_ni: Money
    tax_detail: TaxResult
    ni_detail: NiResult

    @property
    def net_pay(self) -> Money:
        """Gross pay less tax and employee NI (before any pension or student loan)."""
        return self.case.gross - self.tax - self.employee_ni

    def to_dict(self) -> dict[str, str | bool | int]:
        """Plain values for --json output: amounts as decimal strings such as "2100.00"."""
        t, n = self.tax_detail, self.ni_detail
        return {
            "tax_year": str(self.case.tax_year),
            "frequency": self.case.frequency.value,
            "period": self.case.period,
            "tax_code": str(self.case.code),
            "basis": t.basis.value,
            "ni_category": self.case.ni_category,
            "gross": self.case.gross.decimal_str(),
            "tax": self.tax.decimal_str(),
            "employee_ni": self.employee_ni.decimal_str(),
            "employer_ni": self.employer_ni.decimal_str(),
            "net_pay": self.net_pay.decimal_str(),
            "free_pay_to_date": t.free_pay_to_date.decimal_str(),
            "taxable_pay_to_date": t.taxable_pay_to_date.decimal_str(),
            "tax_due_to_date": t.tax_due_to_date.decimal_str(),
            "tax_held_over": t.held_over.decimal_str(),
            "earnings_at_lel": n.earnings_at_lel.decimal_str(),
            "earnings_lel_to_pt": n.earnings_lel_to_pt.decimal_str(),
            "earnings_pt_to_uel": n.earnings_pt_to_uel.decimal_str(),
        }


def calculate(case: PayrollCase) -> PayrollResult:
    """Tax and Class 1 NI on one payment, to HMRC's specifications."""
    tax = calculate_tax(
        rates=case.rates.income_tax,
        code=case.code,
        frequency=case.frequency,
        period=case.period,
        week1_month1=case.week1_month1,
        # This period's taxable pay.
        gross=case.gross - case.pension_before_tax if case.pension_before_tax else case.gross,
        pay_to_date=case.pay_to_date,
        tax_to_date=case.tax_to_date,
    )
    ni = calculate_ni(
        rates=case.rates.ni, frequency=case.frequency, category=case.ni_category, gross=case.gross
    )
    return PayrollResult(case, tax.tax, ni.employee, ni.employer, tax, ni)


def parse_case(obj: object) -> PayrollCase:
    """Check a JSON-like dict with exactly the keys in CASE_FIELDS and build a PayrollCase.

    Raises DomainError with a plain-English message naming the field at fault.
    """
    if not isinstance(obj, Mapping):
        raise DomainError(
            "A payroll case must be a set of named values (a JSON object) with: "
            + ", ".join(CASE_FIELDS)
            + "."
        )
    missing = [k for k in CASE_FIELDS if k not in obj]
    if missing:
        details = "; ".join(f"“{k}” ({CASE_FIELDS[k]})" for k in missing)
        raise DomainError(f"The payroll case is missing {details}.")
    extra = sorted(str(k) for k in obj if k not in CASE_FIELDS)
    if extra:
        raise DomainError(
            f"The payroll case has {', '.join(f'“{k}”' for k in extra)}, which we do not "
            f"recognise. The fields are: {', '.join(CASE_FIELDS)}."
        )
    return PayrollCase(
        tax_year=_tax_year(_text(obj, "tax_year")),
        frequency=_frequency(_text(obj, "frequency")),
        period=_whole_number(obj, "period"),
        tax_code=_text(obj, "tax_code"),
        week1_month1=_yes_no(obj, "week1_month1"),
        ni_category=_text(obj, "ni_category").strip().upper(),
        gross=_money(obj, "gross"),
        pay_to_date=_money(obj, "pay_to_date"),
        tax_to_date=_money(obj, "tax_to_date"),
    )


# A batch repeats the same few spellings of year and frequency; both types are immutable, so each
# spelling is parsed once. Bad spellings raise every time (lru_cache does not keep exceptions).
@lru_cache(maxsize=64)
def _tax_year(text: str) -> TaxYear:
    return TaxYear.parse(text)


@lru_cache(maxsize=64)
def _frequency(text: str) -> PayFrequency:
    return PayFrequency.parse(text)


def _text(obj: Mapping[Any, Any], key: str) -> str:
    value = obj[key]
    if not isinstance(value, str):
        raise DomainError(f"“{key}” must be text: {CASE_FIELDS[key]}.")
    return value


def _whole_number(obj: Mapping[Any, Any], key: str) -> int:
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(f"“{key}” must be a whole number: {CASE_FIELDS[key]}.")
    return value


def _yes_no(obj: Mapping[Any, Any], key: str) -> bool:
    value = obj[key]
    if not isinstance(value, bool):
        raise DomainError(f"“{key}” must be true or false: {CASE_FIELDS[key]}.")
    return value


def _money(obj: Mapping[Any, Any], key: str) -> Money:
    value = obj[key]
    name = _MONEY_NAMES[key]
    # Strings keep pence exact; a float such as 2100.1 may not be the amount that was meant.
    if not isinstance(value, str):
        raise DomainError(
            f'{name} (“{key}”) must be written as text in pounds and pence, like "2100.00", '
            "so that no pence are lost."
        )
    try:
        return Money.from_pounds_str(value)
    except MoneyError:
        raise DomainError(
            f'{name} (“{key}”) “{value}” is not an amount in pounds and pence; write it like "2100.00".'
        ) from None
