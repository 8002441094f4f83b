"""Payroll rates for tax year 2025-26 (6 April 2025 to 5 April 2026), each with its source.

Sources, as recorded in shared/research/payroll_rules.md:
- GOV.UK "Rates and thresholds for employers 2025 to 2026" (read via a verbatim copy at
  jamesadvisers.com/guidance/rates-and-thresholds-for-employers-2025-to-2026).
- HMRC "Specification for PAYE Tax Table Routines" Appendix A (bandwidths B1-B3, SB1-SB5, rates,
  pointers G and G1, limit M), as transcribed in github.com/Silver-Saucepan/paye hmrc.toml.
- HMRC PAYE tax test data 2025-26 (rest of UK, Scottish, Welsh workbooks) and HMRC NIC test data
  v1.1 2025-26: both are reproduced exactly (tax within HMRC's 1p tolerance) by these figures;
  see tests/domain/payroll/test_hmrc_vectors.py.
- Payetools reference data 2025-26 (github.com/payetools/Payetools) for the NI category rates.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

from pa_manager.domain.payroll.rates import (
    AutoEnrolmentRates,
    Band,
    EarningsBand,
    EmployerRelief,
    IncomeTaxRates,
    LoanPlan,
    NiCategoryRates,
    NiRates,
    NiThresholds,
    RedundancyRates,
    SspRates,
    StudentLoanRates,
    TaxBands,
    YearRates,
)
from pa_manager.domain.periods import PayFrequency, TaxYear

_GOVUK = "GOV.UK Rates and thresholds for employers 2025 to 2026"
_SPEC = "HMRC Specification for PAYE Tax Table Routines, Appendix A (2025-26 values)"
_TEST_DATA = "HMRC PAYE tax test data 2025-26 (reproduced by these figures)"

# rUK: the spec's dormant 10% starting band (B1 = 0) is left out; it changes no answer.
_RUK = TaxBands(
    bands=(
        Band(Decimal("0.20"), 37_700),  # basic, B2 [GOV.UK; spec App. A; HMRC test data]
        Band(Decimal("0.40"), 87_440),  # higher, B3 = 125,140 - 37,700 [same]
        Band(Decimal("0.45"), None),  # additional [same]
    ),
    basic_rate_index=0,  # spec pointer G = 2 counts the dormant band; here 0
    source=f"{_GOVUK}; {_SPEC}; {_TEST_DATA}",
)

# Wales: the Senedd set the Welsh rates so that the bands match rUK for 2025-26.
_WALES = TaxBands(
    bands=(
        Band(Decimal("0.20"), 37_700),  # [HMRC 2025-26 Welsh test workbook = rUK answers]
        Band(Decimal("0.40"), 87_440),
        Band(Decimal("0.45"), None),
    ),
    basic_rate_index=0,
    source="Welsh rates equal rUK in 2025-26: HMRC 2025-26 Welsh tax test workbook",
)

_SCOTLAND = TaxBands(
    bands=(
        Band(Decimal("0.19"), 2_827),  # starter, SB1: £1 to £2,827 [GOV.UK; spec App. A]
        Band(Decimal("0.20"), 12_094),  # basic, SB2: to £14,921
        Band(Decimal("0.21"), 16_171),  # intermediate, SB3: to £31,092
        Band(Decimal("0.42"), 31_338),  # higher, SB4: to £62,430
        Band(Decimal("0.45"), 62_710),  # advanced, SB5: to £125,140
        Band(Decimal("0.48"), None),  # top
    ),
    basic_rate_index=1,  # spec pointer G1 = 2 (1-based): SBR = 20%, SD0 = 21% ... SD3 = 48%
    source=f"{_GOVUK} (Scottish bands); {_SPEC}; HMRC 2025-26 Scottish tax test workbook",
)

_INCOME_TAX = IncomeTaxRates(
    personal_allowance=12_570,  # code 1257L [GOV.UK; HMRC test data uses 1257L]
    england_ni=_RUK,
    scotland=_SCOTLAND,
    wales=_WALES,
    regulatory_limit=Decimal("0.50"),  # M = 50% [spec §4.5.2 and Appendix A]
    source=f"{_GOVUK}; {_SPEC}",
)

_NI_THRESHOLDS = NiThresholds(
    lel=6_500,  # £125 a week / £542 a month [GOV.UK; HMRC NIC test data v1.1]
    pt=12_570,  # £242 / £1,048 [same]
    st=5_000,  # £96 / £417; cut from £9,100 from 6 April 2025 [GOV.UK TIIN on the ST change]
    uel=50_270,  # £967 / £4,189 [GOV.UK; HMRC NIC test data]
    ust=50_270,  # under-21s, category M and Z [GOV.UK; HMRC NIC test data]
    aust=50_270,  # apprentices under 25, category H [same]
    vust=50_270,  # veterans, category V [same]
)

_A, _REDUCED, _DEFERRED, _UPPER = (
    Decimal("0.08"),  # employee main rate [GOV.UK]
    Decimal("0.0185"),  # married women's reduced rate, category B [GOV.UK; Payetools data]
    Decimal("0.02"),  # deferment rate, categories J and Z [GOV.UK; Payetools data]
    Decimal("0.02"),  # employee rate above the UEL [GOV.UK]
)
_ER = Decimal("0.15")  # employer rate from 6 April 2025 (was 13.8%) [GOV.UK TIIN]
_ZERO = Decimal(0)

_CATEGORIES = MappingProxyType(
    {
        "A": NiCategoryRates("Standard rate", _A, _UPPER, _ER),
        "B": NiCategoryRates("Married women and widows (reduced rate)", _REDUCED, _UPPER, _ER),
        "C": NiCategoryRates("Over State Pension age", _ZERO, _ZERO, _ER),
        "H": NiCategoryRates("Apprentice under 25", _A, _UPPER, _ER, EmployerRelief.AUST),
        "J": NiCategoryRates("Deferred", _DEFERRED, _UPPER, _ER),
        "M": NiCategoryRates("Under 21", _A, _UPPER, _ER, EmployerRelief.UST),
        "V": NiCategoryRates("Veteran (first civilian job)", _A, _UPPER, _ER, EmployerRelief.VUST),
        "Z": NiCategoryRates("Under 21, deferred", _DEFERRED, _UPPER, _ER, EmployerRelief.UST),
        # X: not liable, e.g. under 16 [Payetools reference data 2025-26; payroll_rules.md §4.3]
        "X": NiCategoryRates("Not liable (for example under 16)", _ZERO, _ZERO, _ZERO, liable=False),
    }
)

_NI = NiRates(
    thresholds=_NI_THRESHOLDS,
    categories=_CATEGORIES,
    source=f"{_GOVUK}; HMRC NIC test data v1.1 2025-26; Payetools reference data 2025-26",
)

_STUDENT_LOANS = StudentLoanRates(
    thresholds=MappingProxyType(
        {
            LoanPlan.PLAN_1: 26_065,  # [payacademy; Payetools reference data 2025-26]
            LoanPlan.PLAN_2: 28_470,  # [same]
            LoanPlan.PLAN_4: 32_745,  # [same]
            LoanPlan.PLAN_5: None,  # Plan 5 deductions start in April 2026 [payroll_rules.md §8]
            LoanPlan.POSTGRADUATE: 21_000,  # [same]
        }
    ),
    plan_rate=Decimal("0.09"),  # [HMRC CSLM; payacademy]
    postgraduate_rate=Decimal("0.06"),  # [same]
    source="payacademy student loan thresholds 2025-26; Payetools reference data 2025-26",
)

_SSP = SspRates(
    weekly_rate=Decimal("118.75"),  # [wirehouse-es; payacademy; nuvo]
    earnings_share=None,  # flat rate for everyone who qualifies
    lel_test=True,  # average weekly earnings of at least £125 [same]
    waiting_days=3,  # [same]
    max_weeks=28,  # [same]
    source="SSP 2025-26 as reported by wirehouse-es, payacademy and nuvo",
)

# Workplace pensions. Thresholds: The Pensions Regulator "Automatic enrolment earnings thresholds"
# 2025-26 (the rounded figures for each pay reference period), per payroll_rules.md §7.1.
_AUTO_ENROLMENT = AutoEnrolmentRates(
    bands=MappingProxyType(
        {
            # lower / trigger / upper [TPR earnings thresholds 2025-26; annual 6,240 / 10,000 / 50,270]
            PayFrequency.WEEKLY: EarningsBand(lower=120, trigger=192, upper=967),
            PayFrequency.FORTNIGHTLY: EarningsBand(lower=240, trigger=384, upper=1_934),
            PayFrequency.FOUR_WEEKLY: EarningsBand(lower=480, trigger=768, upper=3_867),
            PayFrequency.MONTHLY: EarningsBand(lower=520, trigger=833, upper=4_189),
        }
    ),
    minimum_total_rate=Decimal("0.08"),  # [Pensions Act 2008 s.20; People's Pension; thepayrollsite]
    minimum_employer_rate=Decimal("0.03"),  # [same]
    relief_at_source_rate=Decimal("0.20"),  # basic rate, whatever the member's tax [payroll_rules §7.3]
    eligible_age=22,  # [Pensions Act 2008 s.3; TPR]
    jobholder_age_from=16,  # [Pensions Act 2008 s.1]
    jobholder_age_below=75,  # [same]
    source="The Pensions Regulator, automatic enrolment earnings thresholds 2025-26",
)

# Statutory redundancy pay: GOV.UK's redundancy calculator rates (alphagov/smart-answers
# config/smart_answers/rates/redundancy_pay.yml, commit 0df8b9a): £719 a week, most £21,570, for
# dismissals from 6 April 2025 to 5 April 2026. Employment Rights Act 1996 s.162: 20 years at most.
_REDUNDANCY = RedundancyRates(
    weekly_pay_cap=Decimal("719"),
    max_years=20,
    source="GOV.UK redundancy pay calculator rates 2025-26 (alphagov/smart-answers); ERA 1996 s.162",
)

RATES = YearRates(
    tax_year=TaxYear(2025),
    income_tax=_INCOME_TAX,
    ni=_NI,
    student_loans=_STUDENT_LOANS,
    # £10,500 from 6 April 2025 (was £5,000); NICs (Secondary Class 1 Contributions) Act 2025 s.3
    employment_allowance=10_500,
    employment_allowance_source="GOV.UK TIIN on the Employment Allowance increase; NICs Act 2025 s.3",
    ssp=_SSP,
    auto_enrolment=_AUTO_ENROLMENT,
    redundancy=_REDUNDANCY,
)
