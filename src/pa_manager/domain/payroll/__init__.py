"""HMRC-exact payroll for one payment: PAYE income tax and Class 1 National Insurance.

Pure Python, standard library only. Amounts are `Money` (whole pence) at every public edge;
`Decimal` appears only inside rate arithmetic, rounded at each step by the rule HMRC names.
Rates are data, one module per tax year; see `years.rates_for`. Student loans, Employment
Allowance and SSP are separate modules that take the same year's rates. Workplace pensions
(`payroll.pension`) and statutory redundancy pay (`payroll.redundancy`) are imported from their
own modules, not re-exported here, so `payroll-calc --batch` does not load them at start-up.
"""

from pa_manager.domain.payroll.calculate import (
    CASE_FIELDS,
    PayrollCase,
    PayrollResult,
    calculate,
    parse_case,
)
from pa_manager.domain.payroll.employment_allowance import (
    AllowanceUse,
    apply_employment_allowance,
    employment_allowance_for,
    track_employment_allowance,
)
from pa_manager.domain.payroll.ni import NiResult, calculate_ni
from pa_manager.domain.payroll.paye import Basis, TaxResult, calculate_tax
from pa_manager.domain.payroll.rates import Jurisdiction, LoanPlan, YearRates
from pa_manager.domain.payroll.ssp import (
    payable_days,
    ssp_daily_rate,
    ssp_for_week,
    ssp_weekly_rate,
)
from pa_manager.domain.payroll.student_loans import StudentLoanResult, student_loan_deductions
from pa_manager.domain.payroll.tax_code import CodeKind, TaxCode, parse_tax_code
from pa_manager.domain.payroll.years import rates_for, supported_tax_years

__all__ = [
    "CASE_FIELDS",
    "AllowanceUse",
    "Basis",
    "CodeKind",
    "Jurisdiction",
    "LoanPlan",
    "NiResult",
    "PayrollCase",
    "PayrollResult",
    "StudentLoanResult",
    "TaxCode",
    "TaxResult",
    "YearRates",
    "apply_employment_allowance",
    "calculate",
    "calculate_ni",
    "calculate_tax",
    "employment_allowance_for",
    "parse_case",
    "parse_tax_code",
    "payable_days",
    "rates_for",
    "ssp_daily_rate",
    "ssp_for_week",
    "ssp_weekly_rate",
    "student_loan_deductions",
    "supported_tax_years",
    "track_employment_allowance",
]
