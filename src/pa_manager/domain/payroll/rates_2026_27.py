"""Payroll rates for tax year 2026-27 (6 April 2026 to 5 April 2027), each with its source.

Sources, as recorded in shared/research/payroll_rules.md:
- HMRC "Tax test data examples 2026-27 v1.1" (rest of UK, Scottish v1.1, Welsh workbooks): every
  income tax figure below reproduces all of them (see tests/domain/payroll/test_hmrc_vectors.py).
- HMRC "Specification for PAYE Tax Table Routines" v24.0 (Jan 2026), Appendix A.
- The GOV.UK page "Rates and thresholds for employers 2026 to 2027" could not be read directly;
  NI figures are as reported alike by several payroll publishers (paypacket.io, mfw.co.uk,
  delphiniaccounting, kingstonandco, moneysoft). Only the LEL changed from 2025-26.
- Scottish bands: Scottish Budget of 13 January 2026 (bookkeepers.org.uk, yourpayrollteam), and
  reproduced exactly by HMRC's 2026-27 Scottish test workbook v1.1.
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

_TEST_DATA = "HMRC Tax test data examples 2026-27 v1.1 (reproduced by these figures)"
_SPEC = "HMRC Specification for PAYE Tax Table Routines v24.0, Appendix A"
_SECONDARY = (
    "GOV.UK Rates and thresholds for employers 2026 to 2027, as reported by paypacket.io, "
    "mfw.co.uk, delphiniaccounting and kingstonandco"
)

# rUK: bands frozen at 2025-26 levels; the dormant 10% starting band of the spec is left out.
_RUK = TaxBands(
    bands=(
        Band(Decimal("0.20"), 37_700),  # basic [HMRC 2026-27 rUK test workbook; spec App. A]
        Band(Decimal("0.40"), 87_440),  # higher, to £125,140 [same]
        Band(Decimal("0.45"), None),  # additional [same]
    ),
    basic_rate_index=0,
    source=f"{_TEST_DATA}; {_SPEC}; moneysoft.co.uk new-for-2026-27 (no uplift, 1257L)",
)

_WALES = TaxBands(
    bands=(
        Band(Decimal("0.20"), 37_700),  # [HMRC "2026- 27 Welsh tax v1.0" workbook = rUK answers]
        Band(Decimal("0.40"), 87_440),
        Band(Decimal("0.45"), None),
    ),
    basic_rate_index=0,
    source=f"{_TEST_DATA} (Welsh workbook gives the rUK answers); {_SPEC}",
)

_SCOTLAND = TaxBands(
    bands=(
        Band(Decimal("0.19"), 3_967),  # starter: £1 to £3,967 [Scottish Budget 13 Jan 2026]
        Band(Decimal("0.20"), 12_989),  # basic: to £16,956 [same; HMRC Scottish workbook v1.1]
        Band(Decimal("0.21"), 14_136),  # intermediate: to £31,092 [same]
        Band(Decimal("0.42"), 31_338),  # higher: to £62,430 [same]
        Band(Decimal("0.45"), 62_710),  # advanced: to £125,140 [same]
        Band(Decimal("0.48"), None),  # top [same]
    ),
    basic_rate_index=1,  # spec pointer G1 = 2 (1-based): SBR 20%, SD0 21%, SD1 42% ... SD3 48%
    source=(
        f"{_TEST_DATA} (Scottish workbook v1.1); Scottish Budget 13 January 2026 as reported by "
        "bookkeepers.org.uk and yourpayrollteam"
    ),
)

_INCOME_TAX = IncomeTaxRates(
    personal_allowance=12_570,  # frozen; code 1257L [HMRC test data; moneysoft.co.uk]
    england_ni=_RUK,
    scotland=_SCOTLAND,
    wales=_WALES,
    regulatory_limit=Decimal("0.50"),  # M = 50% [spec v24.0 §4.5.2 and Appendix A]
    source=f"{_TEST_DATA}; {_SPEC}",
)

_NI_THRESHOLDS = NiThresholds(
    lel=6_708,  # £129 a week / £559 a month, up from £6,500 [paypacket.io; mfw.co.uk; kingstonandco]
    pt=12_570,  # £242 / £1,048, unchanged [paypacket.io; delphiniaccounting]
    st=5_000,  # £96 / £417, unchanged [kingstonandco; delphiniaccounting]
    uel=50_270,  # £967 / £4,189, unchanged [paypacket.io; delphiniaccounting]
    ust=50_270,  # = UEL, unchanged [paypacket.io]
    aust=50_270,  # = UEL, unchanged [paypacket.io]
    vust=50_270,  # = UEL; veterans' relief extended to April 2028 [gordondown.co.uk, one source]
)

_A, _REDUCED, _DEFERRED, _UPPER = (
    Decimal("0.08"),  # employee main rate, unchanged [kingstonandco; delphiniaccounting]
    Decimal("0.0185"),  # category B reduced rate, unchanged [same sources as 2025-26]
    Decimal("0.02"),  # categories J and Z [same]
    Decimal("0.02"),  # above the UEL [same]
)
_ER = Decimal("0.15")  # employer rate, unchanged ("15% unchanged": kingstonandco)
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
        "X": NiCategoryRates("Not liable (for example under 16)", _ZERO, _ZERO, _ZERO, liable=False),
    }
)

_NI = NiRates(thresholds=_NI_THRESHOLDS, categories=_CATEGORIES, source=_SECONDARY)

_STUDENT_LOANS = StudentLoanRates(
    thresholds=MappingProxyType(
        {
            LoanPlan.PLAN_1: 26_900,  # [which.co.uk; asesa.co.uk "HMRC has confirmed"; kingstonandco]
            LoanPlan.PLAN_2: 29_385,  # [same]
            LoanPlan.PLAN_4: 33_795,  # [same]
            LoanPlan.PLAN_5: 25_000,  # first deductions from April 2026 [same]
            LoanPlan.POSTGRADUATE: 21_000,  # unchanged [same]
        }
    ),
    plan_rate=Decimal("0.09"),  # unchanged [same]
    postgraduate_rate=Decimal("0.06"),  # unchanged [same]
    source="Student loan thresholds 2026-27 as reported by which.co.uk, asesa.co.uk, kingstonandco",
)

# Employment Rights Act 2025: from 6 April 2026 SSP is paid from the first qualifying day, the LEL
# test goes, and the rate is the lower of the flat rate and 80% of average weekly earnings.
_SSP = SspRates(
    weekly_rate=Decimal("123.25"),  # [business.gov.uk "Statutory Sick Pay changes"; MHR; FCSA]
    earnings_share=Decimal("0.80"),  # [same]
    lel_test=False,  # [same]
    waiting_days=0,  # [same]
    max_weeks=28,  # unchanged [same]
    source="business.gov.uk Statutory Sick Pay changes (Employment Rights Act 2025); MHR; FCSA; ICB",
)

# Workplace pensions: thresholds unchanged for 2026-27 (DWP "Review of the automatic enrolment
# earnings trigger and qualifying earnings band for 2026/27", as reported by hlas.co.uk and
# fourfifty.co.uk); the per-period figures are TPR's 2025-26 rounded figures (payroll_rules §7.1).
_AUTO_ENROLMENT = AutoEnrolmentRates(
    bands=MappingProxyType(
        {
            # lower / trigger / upper [annual 6,240 / 10,000 / 50,270, unchanged]
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
    source=(
        "DWP review of AE thresholds 2026/27 (unchanged; hlas.co.uk, fourfifty.co.uk); TPR 2025-26 figures"
    ),
)

# Statutory redundancy pay: GOV.UK's redundancy calculator rates (alphagov/smart-answers
# config/smart_answers/rates/redundancy_pay.yml, commit 0df8b9a): £751 a week, most £22,530, for
# dismissals from 6 April 2026 (also fairworkhub.uk quoting GOV.UK). Not in payroll_rules.md.
_REDUNDANCY = RedundancyRates(
    weekly_pay_cap=Decimal("751"),
    max_years=20,
    source="GOV.UK redundancy pay calculator rates 2026-27 (alphagov/smart-answers); ERA 1996 s.162",
)

RATES = YearRates(
    tax_year=TaxYear(2026),
    income_tax=_INCOME_TAX,
    ni=_NI,
    student_loans=_STUDENT_LOANS,
    employment_allowance=10_500,  # unchanged [mfw.co.uk; delphiniaccounting; kingstonandco]
    employment_allowance_source="Employment Allowance 2026-27 as reported by mfw.co.uk, "
    "delphiniaccounting and kingstonandco (unchanged from 2025-26)",
    ssp=_SSP,
    auto_enrolment=_AUTO_ENROLMENT,
    redundancy=_REDUNDANCY,
)
