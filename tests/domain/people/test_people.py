from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.domain.people import (
    ContactDetails,
    EmploymentType,
    HolidayScheme,
    NINumber,
    PayRates,
    add_months,
    age_on,
    long_date,
    ni_number_problem,
    parse_utr,
)
from tests.domain.people.makers import make_pa, regular_pa

# ---- National Insurance numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("AB123456C", "AB123456C", "AB 12 34 56 C"),
        ("ab 12 34 56 c", "AB123456C", "AB 12 34 56 C"),
        ("  NY 00 11 22 D ", "NY001122D", "NY 00 11 22 D"),
        ("OA123456A", "OA123456A", "OA 12 34 56 A"),  # O is allowed first, only not second
        ("JZ\u00a0123456\u00a0B", "JZ123456B", "JZ 12 34 56 B"),  # a non-breaking space pasted in
    ],
)
def test_good_ni_numbers_are_accepted_and_normalised(typed: str, stored: str, shown: str) -> None:
    number = NINumber.parse(typed)
    assert number.value == stored
    assert str(number) == shown
    assert ni_number_problem(typed) is None


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Type the National Insurance number"),
        ("AB12345C", "two letters, six numbers"),  # five digits
        ("AB1234567C", "two letters, six numbers"),  # seven digits
        ("AB123456E", "two letters, six numbers"),  # suffix must be A-D
        ("AB123456", "two letters, six numbers"),  # no suffix
        ("A1123456C", "two letters, six numbers"),
        ("AB-12-34-56-C", "two letters, six numbers"),  # only spaces are allowed between groups
        ("DA123456A", "starts with D"),
        ("FA123456A", "starts with F"),
        ("IA123456A", "starts with I"),
        ("QQ123456C", "starts with Q"),  # HMRC's own specimen number is deliberately invalid
        ("UA123456A", "starts with U"),
        ("VA123456A", "starts with V"),
        ("AD123456A", "D as its second letter"),
        ("AF123456A", "F as its second letter"),
        ("AI123456A", "I as its second letter"),
        ("AO123456A", "O as its second letter"),
        ("AQ123456A", "Q as its second letter"),
        ("AU123456A", "U as its second letter"),
        ("AV123456A", "V as its second letter"),
        ("BG123456A", "never issues numbers starting BG"),
        ("GB123456A", "never issues numbers starting GB"),
        ("KN123456A", "never issues numbers starting KN"),
        ("NK123456A", "never issues numbers starting NK"),
        ("NT123456A", "never issues numbers starting NT"),
        ("ZZ123456A", "never issues numbers starting ZZ"),
        ("TN 31 12 85 M", "temporary reference"),  # TN, a date of birth and M or F
        ("TN311285A", "temporary reference"),
    ],
)
def test_bad_ni_numbers_are_refused_with_the_reason(typed: str, says: str) -> None:
    problem = ni_number_problem(typed)
    assert problem is not None and says in problem
    assert problem.endswith(".")
    with pytest.raises(DomainError, match=says):
        NINumber.parse(typed)


def test_ni_number_record_must_be_compact() -> None:
    with pytest.raises(DomainError, match=r"NINumber\.parse"):
        NINumber("AB 12 34 56 C")
    assert NINumber("AB123456C") == NINumber.parse("ab 123456 c")


# ---- UTR -------------------------------------------------------------------------------------


def test_utr_is_ten_digits_with_spaces_allowed() -> None:
    assert parse_utr("12345 67890") == "1234567890"
    assert parse_utr("1234567890") == "1234567890"
    for bad in ("123456789", "12345678901", "12345A7890", "１２３４５６７８９０"):  # last: full-width digits
        with pytest.raises(DomainError, match="exactly 10 numbers"):
            parse_utr(bad)
    with pytest.raises(DomainError, match="10 numbers long"):
        parse_utr("  ")


# ---- Choices, dates ----------------------------------------------------------------------------


def test_choices_parse_values_and_labels() -> None:
    assert EmploymentType.parse("Self employed") is EmploymentType.SELF_EMPLOYED
    assert EmploymentType.parse("agency_worker") is EmploymentType.AGENCY_WORKER
    assert HolidayScheme.parse("12.07-percent") is HolidayScheme.ACCRUAL_12_07
    with pytest.raises(DomainError, match="employee, self-employed, agency-worker"):
        EmploymentType.parse("contractor")


def test_age_add_months_and_long_date() -> None:
    assert age_on(date(2008, 4, 7), date(2026, 4, 6)) == 17  # the day before the 18th birthday
    assert age_on(date(2008, 4, 7), date(2026, 4, 7)) == 18
    assert age_on(date(2004, 2, 29), date(2025, 2, 28)) == 20  # leap-day birthday: 21 on 1 March
    assert age_on(date(2004, 2, 29), date(2025, 3, 1)) == 21
    assert add_months(date(2023, 5, 1), 36) == date(2026, 5, 1)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 2) == date(2027, 1, 30)
    assert long_date(date(2026, 4, 6)) == "6 April 2026"
    assert long_date(date(2026, 4, 6), weekday=True) == "Monday 6 April 2026"


# ---- Pay rates ---------------------------------------------------------------------------------


def test_rates_refuse_nonsense() -> None:
    with pytest.raises(DomainError, match="standard hourly rate"):
        PayRates(standard=Money(0))
    with pytest.raises(DomainError, match="weekend rate must be more than"):
        PayRates(standard=Money(1300), weekend=Money(0))
    with pytest.raises(DomainError, match="sleep-in allowance cannot be negative"):
        PayRates(standard=Money(1300), sleep_in_night=Money(-1))
    with pytest.raises(DomainError, match="different times"):
        PayRates(standard=Money(1300), evening_starts=time(20), evening_ends=time(20))
    with pytest.raises(DomainError, match="whole minutes"):
        PayRates(standard=Money(1300), evening_starts=time(20, 0, 30))


def test_hourly_rates_lists_only_those_set() -> None:
    rates = PayRates(standard=Money(1300), weekend=Money(1500))
    assert rates.hourly_rates() == (Money(1300), Money(1500))


# ---- The PA record -----------------------------------------------------------------------------


def test_a_good_pa_record() -> None:
    pa = make_pa(ni_number=NINumber.parse("AB 12 34 56 C"), contact=ContactDetails(email="sam@example.org"))
    assert pa.irregular_hours
    assert pa.employed_on(date(2025, 1, 6)) and not pa.employed_on(date(2025, 1, 5))
    left = make_pa(leave_date=date(2026, 3, 31))
    assert left.employed_on(date(2026, 3, 31)) and not left.employed_on(date(2026, 4, 1))
    assert not regular_pa().irregular_hours


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"name": "  "}, "Type the PA's name."),
        ({"name": "x" * 201}, "too long"),
        ({"leave_date": date(2025, 1, 5)}, "leaving date must be on or after their start date"),
        ({"date_of_birth": date(2025, 1, 6)}, "date of birth must be before their start date"),
        # 15 years old on the start date (16th birthday is 7 January 2025, the day after).
        ({"date_of_birth": date(2009, 1, 7)}, "under 16 on their start date"),
        ({"employment_type": EmploymentType.SELF_EMPLOYED}, "Unique Taxpayer Reference"),
        ({"utr": "12345 67890"}, "parse_utr"),
        ({"council_approved_on": date(2025, 1, 1)}, "only needed for a relative"),
        ({"holiday_scheme": HolidayScheme.WEEKS_5_6}, "no fixed weekly hours"),
        ({"days_per_week": Decimal(3)}, "Days a week only apply"),
        ({"weekly_hours": Decimal(20)}, "how many days a week"),
        ({"weekly_hours": Decimal(0), "days_per_week": Decimal(3)}, "more than 0 and no more than 168"),
        ({"weekly_hours": Decimal(169), "days_per_week": Decimal(7)}, "more than 0 and no more than 168"),
        ({"weekly_hours": Decimal(20), "days_per_week": Decimal(8)}, "Days worked a week"),
        ({"weekly_hours": Decimal(20), "days_per_week": Decimal(0)}, "Days worked a week"),
    ],
)
def test_pa_record_refuses_each_bad_value(changes: dict[str, object], says: str) -> None:
    with pytest.raises(DomainError, match=says):
        make_pa(**changes)


def test_pa_edge_values_accepted() -> None:
    # Exactly 16 on the start date is allowed.
    assert make_pa(date_of_birth=date(2009, 1, 6)).date_of_birth == date(2009, 1, 6)
    assert make_pa(employment_type=EmploymentType.SELF_EMPLOYED, utr="1234567890").utr == "1234567890"
    relative = make_pa(relative_in_household=True)  # approval not yet given is allowed, and flagged later
    assert relative.council_approved_on is None
    # 12.07% accrual with contracted hours is allowed: part-year workers use it.
    assert (
        make_pa(weekly_hours=Decimal(20), days_per_week=Decimal(4)).holiday_scheme
        is HolidayScheme.ACCRUAL_12_07
    )


def test_contact_details_refuse_a_broken_email() -> None:
    with pytest.raises(DomainError, match="not an email address"):
        ContactDetails(email="sam.example.org")
    with pytest.raises(DomainError, match="too long"):
        ContactDetails(phone="0" * 41)
