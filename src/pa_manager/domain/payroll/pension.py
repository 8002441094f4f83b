"""Workplace pension automatic enrolment: who must be enrolled, and what each side pays.

Each pay period the PA is assessed on their age on the pay date and their earnings in the pay
reference period (payroll_rules.md §7; thresholds per period are data in the year's rate table):
  eligible jobholder      aged 22 to State Pension age, earning MORE than the trigger: enrol;
  non-eligible jobholder  aged 16-74 earning more than the lower level but not more than the
                          trigger, or aged 16-21 or State Pension age-74 earning more than the
                          trigger: may opt in, and then the employer must contribute;
  entitled worker         aged 16-74 earning no more than the lower level: may ask to join; the
                          employer need not contribute (and qualifying earnings are nil anyway).
Anyone under 16 or 75 and over is outside automatic enrolment (`WorkerCategory.NO_DUTIES`).

Contributions are a percentage of qualifying earnings: the part of the period's earnings above the
lower level, up to the upper level. The default is 5% employee and 3% employer (8% in all, the
legal minimum with at least 3% from the employer). Under relief at source (NEST, for example) the
employee pays 80% of their 5% from net pay and the scheme claims the other 20% from HMRC, so 4% is
deducted. Under a net pay arrangement the full 5% is deducted before tax (not before NI); pass it
to `PayrollCase.pension_before_tax`.

Rounding: neither payroll_rules.md nor the Pensions Regulator names a rounding rule, so every
contribution is rounded once to the nearest penny, halves up (`Money.apply_rate`).

Simplifications, said plainly: age is taken on the pay date (the law looks at the whole pay
reference period, so a 22nd birthday part-way through a period is caught one period later at
most); the employer's choice of "pay reference period" is the pay frequency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.payroll.years import rates_for
from pa_manager.domain.people import add_months, age_on
from pa_manager.domain.periods import PayFrequency, TaxYear

MAX_POSTPONEMENT_MONTHS = 3  # Pensions Act 2008 s.4: the deferral date is at most 3 months on
OPT_OUT_MONTHS = 1  # Employers' Duties Regulations 2010 reg 9: one month to opt out
DECLARATION_MONTHS = 5  # TPR: the declaration of compliance is due within 5 months
REENROLMENT_YEARS = 3  # TPR: re-enrolment and re-declaration every 3 years


def period_end(start: date, months: int) -> date:
    """The last day of a period of `months` calendar months beginning with `start`.

    The day before the corresponding date (1 April + 5 months ends 31 August); where that month
    has no corresponding date, its last day (30 September + 5 months ends 28 February).
    """
    corresponding = add_months(start, months)
    if corresponding.day < start.day:  # clipped to a shorter month
        return corresponding
    return corresponding - timedelta(days=1)


class WorkerCategory(Enum):
    """The automatic enrolment category for one pay reference period."""

    ELIGIBLE = "eligible jobholder"
    NON_ELIGIBLE = "non-eligible jobholder"
    ENTITLED = "entitled worker"
    NO_DUTIES = "outside automatic enrolment (under 16, or 75 or over)"


class PensionState(Enum):
    """Where the PA stands with the workplace pension before this pay period."""

    NOT_ASSESSED = "not assessed"  # not in the scheme, no decision yet (a new PA, say)
    ENROLLED = "enrolled"  # put in automatically (or re-enrolled)
    OPTED_IN = "opted in"  # joined at their own request (non-eligible or entitled)
    OPTED_OUT = "opted out"  # left, within the opt-out window or later
    POSTPONED = "postponed"  # assessment put off until `postponed_until`


@dataclass(frozen=True, slots=True)
class PensionStatus:
    """The PA's pension state; `postponed_until` is set exactly when the state is POSTPONED."""

    state: PensionState
    postponed_until: date | None = None

    def __post_init__(self) -> None:
        if (self.state is PensionState.POSTPONED) != (self.postponed_until is not None):
            raise DomainError("A postponement needs the date it ends, and only a postponement has one.")

    @classmethod
    def not_assessed(cls) -> PensionStatus:
        return cls(PensionState.NOT_ASSESSED)

    @classmethod
    def enrolled(cls) -> PensionStatus:
        return cls(PensionState.ENROLLED)

    @classmethod
    def opted_in(cls) -> PensionStatus:
        return cls(PensionState.OPTED_IN)

    @classmethod
    def opted_out(cls) -> PensionStatus:
        return cls(PensionState.OPTED_OUT)

    @classmethod
    def postponed(cls, *, starting: date, until: date) -> PensionStatus:
        """Postpone assessment from `starting` (the PA's first day, or the duties start date, or
        the day they first became eligible) to `until`, which may be at most 3 months later."""
        latest = add_months(starting, MAX_POSTPONEMENT_MONTHS)
        if not starting <= until <= latest:
            raise DomainError(
                f"Postponement can last up to three months: from {starting:%d %B %Y} choose a date "
                f"up to {latest:%d %B %Y}."
            )
        return cls(PensionState.POSTPONED, until)


@dataclass(frozen=True, slots=True)
class PensionScheme:
    """The scheme's contribution rates on qualifying earnings, and how tax relief is given."""

    employee_rate: Decimal = Decimal("0.05")  # gross, before relief at source
    employer_rate: Decimal = Decimal("0.03")
    relief_at_source: bool = True  # False: a net pay arrangement (deducted before tax)

    def __post_init__(self) -> None:
        for name in ("employee_rate", "employer_rate"):
            rate = getattr(self, name)
            if not isinstance(rate, Decimal) or not Decimal(0) <= rate <= Decimal(1):
                raise DomainError(
                    f"The scheme's {name.replace('_', ' ')} must be a percentage between 0% and 100%."
                )


@dataclass(frozen=True, slots=True)
class PensionAssessment:
    """The outcome for one pay period.

    `employee` is what comes off the PA's pay: net of relief at source (4% by default), or the
    full gross contribution before tax under a net pay arrangement. `enrol` is True when the PA
    must be put into the scheme with this pay period (and sent the enrolment letter).
    """

    category: WorkerCategory
    qualifying_earnings: Money
    employee: Money
    employer: Money
    enrol: bool
    explanation: str
    # Relief at source only: the basic-rate relief the scheme claims from HMRC on top of `employee`.
    tax_relief: Money = Money(0)


_SPA_KNOWN_FROM = date(1954, 10, 6)  # born on or after: State Pension age 66 or more
_SPA_KNOWN_UNTIL = date(1977, 4, 6)  # born before: at most 67
_ALL_BORN_BEFORE_HAD_REACHED_IT = date(2020, 10, 6)
_RISE_TO_68_STARTS = date(2044, 5, 6)


def state_pension_age_date(date_of_birth: date) -> date:
    """The day someone born from 6 October 1954 to 5 April 1977 reaches State Pension age.

    Pensions Act 2014 s.26 and its schedule: 66 for those born 6 October 1954 to 5 April 1960;
    66 and 1 to 11 months for 6 April 1960 to 5 March 1961 (one more month for each "month" of
    birth counted from the 6th); 67 for 6 March 1961 to 5 April 1977. Where the month has no such
    day, its last day is used (born 31 December 1960: 30 September 2027). Other births are refused
    rather than guessed: earlier ones reached it by October 2020, later ones rise to 68 from 2044
    (Pensions Act 2007), and `worker_category` needs neither exact date for any year we hold.
    """
    if not _SPA_KNOWN_FROM <= date_of_birth < _SPA_KNOWN_UNTIL:
        raise DomainError(
            "State Pension age is worked out here only for people born from 6 October 1954 to 5 April 1977."
        )
    if date_of_birth < date(1960, 4, 6):
        return add_months(date_of_birth, 66 * 12)
    if date_of_birth < date(1961, 3, 6):
        # Month of birth counted from the 6th: 6 Apr-5 May 1960 is 1, ... 6 Feb-5 Mar 1961 is 11.
        shifted = date_of_birth - timedelta(days=5)
        extra = (shifted.year - 1960) * 12 + shifted.month - 3
        return add_months(date_of_birth, 66 * 12 + extra)
    return add_months(date_of_birth, 67 * 12)


def _reached_state_pension_age(date_of_birth: date, day: date) -> bool:
    if date_of_birth < _SPA_KNOWN_FROM and day >= _ALL_BORN_BEFORE_HAD_REACHED_IT:
        return True
    if date_of_birth >= _SPA_KNOWN_UNTIL and day < _RISE_TO_68_STARTS:
        return False  # State Pension age 67 or more, so not before May 2044
    return day >= state_pension_age_date(date_of_birth)


def worker_category(
    *, tax_year: TaxYear, frequency: PayFrequency, pay_date: date, date_of_birth: date, earnings: Money
) -> WorkerCategory:
    """The automatic enrolment category for one pay reference period (payroll_rules.md §7.2)."""
    ae = rates_for(tax_year).auto_enrolment
    band = ae.bands[frequency]
    age = age_on(date_of_birth, pay_date)
    if not ae.jobholder_age_from <= age < ae.jobholder_age_below:
        return WorkerCategory.NO_DUTIES
    pence = earnings.pence
    if pence <= band.lower * 100:
        return WorkerCategory.ENTITLED
    if (
        pence > band.trigger * 100
        and age >= ae.eligible_age
        and not _reached_state_pension_age(date_of_birth, pay_date)
    ):
        return WorkerCategory.ELIGIBLE
    return WorkerCategory.NON_ELIGIBLE


def qualifying_earnings(*, tax_year: TaxYear, frequency: PayFrequency, earnings: Money) -> Money:
    """Earnings above the lower level, up to the upper level, for one pay reference period."""
    band = rates_for(tax_year).auto_enrolment.bands[frequency]
    top = min(earnings, Money(band.upper * 100))
    return max(top - Money(band.lower * 100), Money(0))


def assess_pension(
    *,
    tax_year: TaxYear,
    frequency: PayFrequency,
    pay_date: date,
    date_of_birth: date,
    earnings: Money,
    status: PensionStatus,
    scheme: PensionScheme,
) -> PensionAssessment:
    """Assess one PA for one pay period and work out both sides' contributions.

    `earnings` is the gross pay in the pay reference period that counts for pensions (wages,
    holiday pay, SSP and other statutory pay). Contributions are due when the PA is in the scheme
    (enrolled or opted in) or is being enrolled with this period; not while postponed or opted out.
    """
    if pay_date not in tax_year:
        raise DomainError(f"The pay date {pay_date:%d %B %Y} is not in tax year {tax_year}.")
    if earnings.is_negative:
        raise DomainError("Earnings for the pension assessment cannot be negative.")
    if date_of_birth >= pay_date:
        raise DomainError("The date of birth must be before the pay date.")
    ae = rates_for(tax_year).auto_enrolment
    _check_minimum(scheme, ae.minimum_employer_rate, ae.minimum_total_rate)
    category = worker_category(
        tax_year=tax_year,
        frequency=frequency,
        pay_date=pay_date,
        date_of_birth=date_of_birth,
        earnings=earnings,
    )
    qe = qualifying_earnings(tax_year=tax_year, frequency=frequency, earnings=earnings)
    state = status.state
    if state is PensionState.POSTPONED:
        assert status.postponed_until is not None
        if pay_date < status.postponed_until:
            return PensionAssessment(
                category,
                qe,
                Money(0),
                Money(0),
                enrol=False,
                explanation=(
                    f"Assessment is postponed until {status.postponed_until:%d %B %Y}; nothing is "
                    "paid into the pension before then unless the PA asks to join."
                ),
            )
        state = PensionState.NOT_ASSESSED  # the postponement has ended: assess as usual

    if state is PensionState.OPTED_OUT:
        return PensionAssessment(
            category,
            qe,
            Money(0),
            Money(0),
            enrol=False,
            explanation=(
                f"{_a(category)}; they have opted out, so nothing is paid in. They must be "
                "re-enrolled at the next three-yearly re-enrolment date if still eligible then."
            ),
        )

    enrol = state is PensionState.NOT_ASSESSED and category is WorkerCategory.ELIGIBLE
    member = state in (PensionState.ENROLLED, PensionState.OPTED_IN) or enrol
    if not member:
        return PensionAssessment(
            category, qe, Money(0), Money(0), enrol=False, explanation=_not_a_member(category)
        )

    employer = qe.apply_rate(scheme.employer_rate)
    gross_employee = qe.apply_rate(scheme.employee_rate)
    if scheme.relief_at_source:
        employee = qe.apply_rate(scheme.employee_rate * (1 - ae.relief_at_source_rate))
        relief = gross_employee - employee
        how = f"{employee} from net pay, and the scheme claims {relief} tax relief"
    else:
        employee, relief = gross_employee, Money(0)
        how = f"{employee} taken before tax (net pay arrangement)"
    start = "Enrol now: " if enrol else ""
    explanation = (
        f"{start}{_a(category)}. On qualifying earnings of {qe} the PA pays {how}; "
        f"the employer pays {employer}."
    )
    return PensionAssessment(category, qe, employee, employer, enrol, explanation, relief)


def _check_minimum(scheme: PensionScheme, employer_min: Decimal, total_min: Decimal) -> None:
    if scheme.employer_rate < employer_min or scheme.employee_rate + scheme.employer_rate < total_min:
        raise DomainError(
            f"The scheme's rates are below the legal minimum on qualifying earnings: at least "
            f"{employer_min:.0%} from the employer and {total_min:.0%} in all."
        )


def _a(category: WorkerCategory) -> str:
    text = category.value
    return f"{'An' if text[0] in 'aeiou' else 'A'} {text}"


def _not_a_member(category: WorkerCategory) -> str:
    if category is WorkerCategory.NON_ELIGIBLE:
        return (
            "A non-eligible jobholder: not enrolled automatically, but they may opt in, and then "
            "the employer must pay in too."
        )
    if category is WorkerCategory.ENTITLED:
        return "An entitled worker: they may ask to join a pension scheme; the employer need not pay in."
    if category is WorkerCategory.NO_DUTIES:
        return "Outside automatic enrolment (under 16, or 75 or over): no pension duties this period."
    raise AssertionError(category)  # an eligible jobholder who is not assessed is enrolled


# -- opting out --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OptOut:
    """What an opt-out notice means for contributions already taken."""

    within_window: bool
    window_ends: date  # the last day a notice counts as opting out
    refund_to_pa: Money  # the PA's own deductions, paid back through payroll
    refund_to_employer: Money  # the employer's contributions, returned by the scheme
    refund_due_by: date | None
    explanation: str


def opt_out_window(*, enrolled_on: date, information_given_on: date) -> tuple[date, date]:
    """The opt-out period: one month beginning with the later of the enrolment date and the day
    the PA was given the enrolment information (Employers' Duties Regulations 2010 reg 9)."""
    start = max(enrolled_on, information_given_on)
    return start, period_end(start, OPT_OUT_MONTHS)


def opt_out(
    *,
    enrolled_on: date,
    information_given_on: date,
    notice_given_on: date,
    employee_paid: Money,
    employer_paid: Money,
) -> OptOut:
    """The result of an opt-out notice: a full refund inside the window, none after it.

    Inside the window the PA is treated as never having joined: their deductions are refunded
    (by one month after the notice, in practice with the next pay run) and the employer's
    contributions come back from the scheme. After it, the PA can still leave but what was paid
    stays in their pension pot.
    """
    start, end = opt_out_window(enrolled_on=enrolled_on, information_given_on=information_given_on)
    if notice_given_on < start:
        raise DomainError(
            f"An opt-out notice cannot be given before {start:%d %B %Y}, when the opt-out period "
            "starts; the PA has to be enrolled and told about it first."
        )
    if notice_given_on > end:
        return OptOut(
            False,
            end,
            Money(0),
            Money(0),
            None,
            f"The opt-out period ended on {end:%d %B %Y}. The PA can stop paying in, but what has "
            "been paid stays in their pension.",
        )
    due = period_end(notice_given_on, 1)
    return OptOut(
        True,
        end,
        employee_paid,
        employer_paid,
        due,
        f"Opted out in time: refund the PA's {employee_paid} by {due:%d %B %Y} (with the next pay "
        f"run); the scheme returns the employer's {employer_paid}.",
    )


# -- employer deadlines -------------------------------------------------------------------------
def declaration_of_compliance_due(duties_start: date) -> date:
    """The last day for the declaration of compliance: 5 calendar months from the duties start
    date (TPR; a start on 1 April gives 31 August)."""
    return period_end(duties_start, DECLARATION_MONTHS)


def redeclaration_date(duties_start: date) -> date:
    """The three-yearly re-enrolment date: the third anniversary of the duties start (staging)
    date, or of the previous re-enrolment date for later cycles. TPR lets the employer choose a
    date up to 3 months either side (see `reenrolment_window`)."""
    return add_months(duties_start, REENROLMENT_YEARS * 12)


def reenrolment_window(duties_start: date) -> tuple[date, date]:
    """First and last days the employer may choose as the re-enrolment date."""
    anniversary = redeclaration_date(duties_start)
    return add_months(anniversary, -3), period_end(anniversary, 3)


def redeclaration_due(duties_start: date) -> date:
    """The last day for the re-declaration of compliance: within 5 months of the third
    anniversary (TPR: staging 1 April 2014, anniversary 1 April 2017, deadline 31 August 2017)."""
    return declaration_of_compliance_due(redeclaration_date(duties_start))
