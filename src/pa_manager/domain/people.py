"""The personal assistants (PAs) a budget holder employs: identity numbers, terms and pay rates.

A `PA` is an immutable record checked when it is made: a bad value raises `DomainError` whose message
is one plain-English sentence saying what to fix. The National Insurance number rules are HMRC's
(National Insurance Manual NIM39110): two prefix letters, six digits and a suffix A, B, C or D, where
some letters and prefixes are never issued and "TN" marks a temporary reference, not a real number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal

from pa_manager.domain.choice import Choice
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency

_NI_SHAPE = re.compile(r"^[A-Z]{2}\d{6}[A-D]$")
# HMRC never issues these letters in these places, nor these whole prefixes (NIM39110).
_NEVER_FIRST = frozenset("DFIQUV")
_NEVER_SECOND = frozenset("DFIOQUV")
_NEVER_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NI_EXAMPLE = "AB 12 34 56 C"
_WHERE_TO_LOOK = "Check it against a payslip, a P60 or a letter from HMRC."

# The youngest PA the app supports: below school-leaving age employment is restricted and the
# minimum wage does not apply, so such a record is almost certainly a typing mistake.
MINIMUM_PA_AGE = 16


def _compact(text: str) -> str:
    """Upper case with every kind of space removed, so "ab 12 34 56 c" and "AB123456C" match."""
    return "".join(text.split()).upper()


def ni_number_problem(text: str) -> str | None:
    """Why `text` is not a National Insurance number, as one sentence; None if it is one.

    Spaces anywhere and lower case are accepted; the letters and prefixes HMRC never issues are not.
    """
    compact = _compact(text or "")
    if not compact:
        return f"Type the National Insurance number, for example {_NI_EXAMPLE}."
    shown = (text or "").strip()
    if compact.startswith("TN"):
        # Temporary references are "TN" and a date of birth, then M or F: refuse them by name.
        return (
            f"“{shown}” is a temporary reference, not a National Insurance number. Ask the PA for "
            "their real number: it is on their payslips, P60 or letters from HMRC, or in the HMRC app."
        )
    if not _NI_SHAPE.match(compact):
        return (
            f"“{shown}” is not a National Insurance number: it should be two letters, six numbers "
            f"and then A, B, C or D, for example {_NI_EXAMPLE}."
        )
    prefix = compact[:2]
    if prefix[0] in _NEVER_FIRST:
        return (
            f"“{shown}” cannot be right: no National Insurance number starts with {prefix[0]}. "
            f"{_WHERE_TO_LOOK}"
        )
    if prefix[1] in _NEVER_SECOND:
        return (
            f"“{shown}” cannot be right: no National Insurance number has {prefix[1]} as its second "
            f"letter. {_WHERE_TO_LOOK}"
        )
    if prefix in _NEVER_PREFIXES:
        return f"“{shown}” cannot be right: HMRC never issues numbers starting {prefix}. {_WHERE_TO_LOOK}"
    return None


@dataclass(frozen=True, slots=True)
class NINumber:
    """A National Insurance number, held compact ("AB123456C") and shown grouped ("AB 12 34 56 C")."""

    value: str

    def __post_init__(self) -> None:
        problem = ni_number_problem(self.value)
        if problem:
            raise DomainError(problem)
        if self.value != _compact(self.value):
            # Two spellings of one number must not compare unequal; parse() normalises.
            raise DomainError("Use NINumber.parse to read a National Insurance number typed with spaces.")

    @classmethod
    def parse(cls, text: str) -> NINumber:
        problem = ni_number_problem(text)
        if problem:
            raise DomainError(problem)
        return cls(_compact(text))

    def __str__(self) -> str:
        v = self.value
        return f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:8]} {v[8]}"


def parse_utr(text: str) -> str:
    """A Unique Taxpayer Reference: exactly 10 digits, spaces allowed. Returns the digits."""
    compact = _compact(text or "")
    if not compact:
        raise DomainError("Type the PA's Unique Taxpayer Reference (UTR): it is 10 numbers long.")
    if not (len(compact) == 10 and compact.isascii() and compact.isdigit()):
        raise DomainError(
            f"“{text.strip()}” is not a Unique Taxpayer Reference: it should be exactly 10 numbers, "
            "as shown on the PA's Self Assessment letters from HMRC."
        )
    return compact


class EmploymentType(Choice):
    """How the PA works for the budget holder; only employees go through the holder's payroll."""

    EMPLOYEE = "employee"
    SELF_EMPLOYED = "self-employed"
    AGENCY_WORKER = "agency-worker"

    @property
    def label(self) -> str:
        return {"employee": "Employee", "self-employed": "Self-employed", "agency-worker": "Agency worker"}[
            self.value
        ]


class HolidayScheme(Choice):
    """How holiday is worked out: 5.6 weeks a year pro rata, or 12.07% of the hours actually worked."""

    WEEKS_5_6 = "5.6-weeks"
    ACCRUAL_12_07 = "12.07-percent"

    @property
    def label(self) -> str:
        return {"5.6-weeks": "5.6 weeks a year", "12.07-percent": "12.07% of hours worked"}[self.value]


@dataclass(frozen=True, slots=True)
class PayRates:
    """What the PA is paid. Hourly rates are Money per hour; a rate left as None means the standard rate.

    The evening rate applies from `evening_starts` until `evening_ends` on the clock; the window wraps
    past midnight when it ends earlier than it starts, so 20:00-00:00 (the default) is the last four
    hours of each day and 20:00-07:00 runs overnight. The sleep-in allowance is a flat sum per night.
    """

    standard: Money
    evening: Money | None = None
    weekend: Money | None = None
    bank_holiday: Money | None = None
    waking_night: Money | None = None
    sleep_in_night: Money = Money(0)
    evening_starts: time = time(20, 0)
    evening_ends: time = time(0, 0)

    def __post_init__(self) -> None:
        if self.standard.pence <= 0:
            raise DomainError("Type the PA's standard hourly rate; it must be more than £0.00.")
        names = {
            "evening": self.evening,
            "weekend": self.weekend,
            "bank holiday": self.bank_holiday,
            "waking night": self.waking_night,
        }
        for name, rate in names.items():
            if rate is not None and rate.pence <= 0:
                raise DomainError(
                    f"The {name} rate must be more than £0.00; leave it blank to pay the standard rate."
                )
        if self.sleep_in_night.is_negative:
            raise DomainError("The sleep-in allowance cannot be negative.")
        for t in (self.evening_starts, self.evening_ends):
            if t.second or t.microsecond or t.tzinfo is not None:
                raise DomainError("Give the evening rate's start and end times in whole minutes.")
        if self.evening_starts == self.evening_ends:
            raise DomainError("The evening rate must start and end at different times of day.")

    def hourly_rates(self) -> tuple[Money, ...]:
        """Every hourly rate the contract sets (the standard rate and any enhanced ones)."""
        extra = (self.evening, self.weekend, self.bank_holiday, self.waking_night)
        return (self.standard, *(r for r in extra if r is not None))


@dataclass(frozen=True, slots=True)
class ContactDetails:
    """How to reach the PA. All optional: a support worker may fill them in later."""

    phone: str = ""
    email: str = ""
    address: str = ""

    def __post_init__(self) -> None:
        if len(self.phone) > 40 or len(self.email) > 200 or len(self.address) > 500:
            raise DomainError("A phone number, email or address is too long; shorten it.")
        email = self.email.strip()
        if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
            raise DomainError(f"“{email}” is not an email address: it needs a name, an @ and a place.")


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: date, *, weekday: bool = False) -> str:
    """ "6 April 2026" or "Monday 6 April 2026" for messages, in English whatever the OS locale.

    strftime's %A and %B follow the process locale, which Qt changes on Linux; messages must not.
    """
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter (31 Jan + 1 → 28/29 Feb).

    Used for anniversaries: a DBS certificate's renewal, a leave year's end, an apprenticeship's
    first year. Someone's 29 February anniversary in a non-leap year falls on 28 February.
    """
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - date(year, month, 1)).days
    return date(year, month, min(day.day, last_day))


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years of age on `day` (someone born on 29 February turns a year older on 1 March)."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - (1 if before_birthday else 0)


@dataclass(frozen=True, slots=True)
class PA:
    """A personal assistant: who they are, how they are engaged and what they are paid.

    `weekly_hours` None means irregular hours (no fixed weekly hours). `council_approved_on` records
    when the council agreed to the holder employing a relative who lives in the same household.
    A PA may be recorded before they give their NI number: HMRC accepts a first payment without one.
    """

    name: str
    start_date: date
    employment_type: EmploymentType
    pay_frequency: PayFrequency
    rates: PayRates
    holiday_scheme: HolidayScheme
    weekly_hours: Decimal | None = None
    days_per_week: Decimal | None = None
    date_of_birth: date | None = None
    ni_number: NINumber | None = None
    utr: str | None = None
    leave_date: date | None = None
    contact: ContactDetails = field(default_factory=ContactDetails)
    relative_in_household: bool = False
    council_approved_on: date | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DomainError("Type the PA's name.")
        if len(self.name) > 200:
            raise DomainError("The PA's name is too long; shorten it to 200 letters or fewer.")
        if self.leave_date is not None and self.leave_date < self.start_date:
            raise DomainError(f"{self.name}'s leaving date must be on or after their start date.")
        if self.date_of_birth is not None:
            if self.date_of_birth >= self.start_date:
                raise DomainError(f"{self.name}'s date of birth must be before their start date.")
            if age_on(self.date_of_birth, self.start_date) < MINIMUM_PA_AGE:
                raise DomainError(
                    f"{self.name} would be under {MINIMUM_PA_AGE} on their start date; check the date "
                    f"of birth. PA Manager only records PAs aged {MINIMUM_PA_AGE} or over."
                )
        self._check_tax_identity()
        self._check_hours()
        if self.council_approved_on is not None and not self.relative_in_household:
            raise DomainError(
                "A council approval date is only needed for a relative who lives in the same household; "
                "tick that box or clear the date."
            )

    def _check_tax_identity(self) -> None:
        if self.utr is not None and self.utr != parse_utr(self.utr):
            raise DomainError("Use parse_utr to read a Unique Taxpayer Reference typed with spaces.")
        if self.employment_type is EmploymentType.SELF_EMPLOYED and self.utr is None:
            # Councils ask for the UTR as evidence that a self-employed PA is registered with HMRC.
            raise DomainError(
                f"Type {self.name}'s Unique Taxpayer Reference (UTR): a self-employed PA must have one."
            )

    def _check_hours(self) -> None:
        if self.weekly_hours is None:
            if self.days_per_week is not None:
                raise DomainError("Days a week only apply with contracted weekly hours; clear the days.")
            if self.holiday_scheme is HolidayScheme.WEEKS_5_6:
                raise DomainError(
                    f"{self.name} has no fixed weekly hours, so their holiday must be 12.07% of the hours "
                    "they work; choose that holiday scheme or type their contracted weekly hours."
                )
            return
        if not (self.weekly_hours.is_finite() and 0 < self.weekly_hours <= 168):
            raise DomainError("Contracted weekly hours must be more than 0 and no more than 168.")
        if self.days_per_week is None:
            # The days set the 28-day cap on statutory holiday, so the hours alone are not enough.
            raise DomainError(f"Say how many days a week {self.name} works as well as the weekly hours.")
        if not (self.days_per_week.is_finite() and 0 < self.days_per_week <= 7):
            raise DomainError("Days worked a week must be more than 0 and no more than 7.")

    @property
    def irregular_hours(self) -> bool:
        return self.weekly_hours is None

    def employed_on(self, day: date) -> bool:
        return self.start_date <= day and (self.leave_date is None or day <= self.leave_date)
