from datetime import date, timedelta
from decimal import Decimal

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.holiday import (
    HolidayBalance,
    LeaveYear,
    PaidWeek,
    accrued_hours,
    annual_entitlement,
    entitlement_for,
    holiday_pay_reference,
    irregular_entitlement,
    regular_entitlement,
    untaken_holiday_owed,
)
from pa_manager.domain.money import Money
from tests.domain.people.makers import make_pa, regular_pa

APRIL_2026 = LeaveYear(date(2026, 4, 1))  # 1 April 2026 to 31 March 2027: 365 days


def test_100_hours_accrue_exactly_12_07_hours() -> None:
    accrued = accrued_hours(100 * 60)
    assert accrued == Decimal("12.07")
    assert str(accrued) == "12.07"  # held exactly, in hundredths of an hour


@pytest.mark.parametrize(
    ("minutes", "hours"),
    [
        (0, "0.00"),
        (60, "0.13"),  # 0.1207 rounds up to 0.13
        (440, "0.89"),  # 7 h 20 m: 0.88513... rounds up
        (1, "0.01"),  # 0.0020116...: never rounded down to nothing
        (3000, "6.04"),  # 50 h: 6.035 rounds up
        (2400, "4.83"),  # 40 h: 4.828
    ],
)
def test_accrual_rounds_up_to_the_hundredth_of_an_hour(minutes: int, hours: str) -> None:
    assert str(accrued_hours(minutes)) == hours


def test_irregular_entitlement_adds_each_pay_period() -> None:
    # 100 h then 7 h 20 m: 12.07 + 0.89 = 12.96.
    assert irregular_entitlement(APRIL_2026, [6000, 440]) == Decimal("12.96")
    # Four 50-hour weeks: 4 × 6.04 = 24.16; each period is rounded up once (200 h × 12.07% = 24.14).
    assert irregular_entitlement(APRIL_2026, [3000] * 4) == Decimal("24.16")
    assert irregular_entitlement(APRIL_2026, []) == Decimal("0.00")
    assert irregular_entitlement(LeaveYear(date(2024, 4, 1)), [6000]) == Decimal("12.07")
    with pytest.raises(DomainError, match="on or after 1 April 2024"):
        irregular_entitlement(LeaveYear(date(2024, 3, 31)), [6000])
    with pytest.raises(DomainError, match="cannot be negative"):
        accrued_hours(-1)


@pytest.mark.parametrize(
    ("weekly", "days", "expected"),
    [
        ("20", "4", "112.00"),  # 5.6 × 20 = 112 (cap 28 × 5 = 140 does not bite)
        ("37.5", "5", "210.00"),  # 5.6 × 37.5 = 210 = 28 days × 7.5 h: exactly at the cap
        ("42", "6", "196.00"),  # 5.6 × 42 = 235.2, capped at 28 days × 7 h = 196
        ("10", "3", "56.00"),  # 56, cap 28 × 3.33 = 93.33 does not bite
        ("49", "7", "196.00"),  # 5.6 × 49 = 274.4, capped at 28 × 7 = 196
        ("25", "6", "116.67"),  # 140 vs cap 28 × 25/6 = 116.666... → rounded up to 116.67
    ],
)
def test_regular_annual_entitlement_is_5_6_weeks_capped_at_28_days(
    weekly: str, days: str, expected: str
) -> None:
    assert annual_entitlement(Decimal(weekly), Decimal(days)) == Decimal(expected)


def test_part_year_entitlement_is_pro_rata_by_days() -> None:
    assert regular_entitlement(APRIL_2026, Decimal(20), Decimal(4)) == Decimal("112.00")
    # Starting 1 October 2026: 182 of 365 days. 112 × 182 / 365 = 55.8465... → 55.85.
    assert regular_entitlement(APRIL_2026, Decimal(20), Decimal(4), start_date=date(2026, 10, 1)) == Decimal(
        "55.85"
    )
    # Leaving 30 June 2026: 91 of 365 days. 112 × 91 / 365 = 27.9232... → 27.93.
    leaver = regular_entitlement(APRIL_2026, Decimal(20), Decimal(4), leave_date=date(2026, 6, 30))
    assert leaver == Decimal("27.93")
    # Started and left before this leave year: nothing.
    assert regular_entitlement(APRIL_2026, Decimal(20), Decimal(4), leave_date=date(2026, 3, 1)) == 0


def test_entitlement_follows_the_pas_scheme() -> None:
    assert entitlement_for(regular_pa(), APRIL_2026) == Decimal("112.00")
    assert entitlement_for(regular_pa(leave_date=date(2026, 6, 30)), APRIL_2026) == Decimal("27.93")
    assert entitlement_for(make_pa(), APRIL_2026, [6000]) == Decimal("12.07")


def test_leave_years() -> None:
    assert APRIL_2026.last_day == date(2027, 3, 31) and APRIL_2026.days == 365
    assert LeaveYear(date(2027, 4, 1)).days == 366  # includes 29 February 2028
    anchor = date(2025, 1, 6)  # leave years from the PA's start date
    assert LeaveYear.containing(date(2026, 3, 15), anchor) == LeaveYear(date(2026, 1, 6))
    assert LeaveYear.containing(date(2026, 1, 5), anchor) == LeaveYear(date(2025, 1, 6))
    assert LeaveYear.containing(date(2026, 1, 6), anchor) == LeaveYear(date(2026, 1, 6))
    assert date(2027, 3, 31) in APRIL_2026 and date(2027, 4, 1) not in APRIL_2026


def test_balance_and_untaken_holiday_owed() -> None:
    balance = HolidayBalance(Decimal("112.00"), taken=Decimal("40.00"), booked=Decimal("16.00"))
    assert (balance.remaining, balance.left_to_book) == (Decimal("72.00"), Decimal("56.00"))
    assert balance.explain("Sam") == (
        "Sam is entitled to 112.00 hours of holiday, has taken 40.00 hours and booked 16.00 hours, so "
        "56.00 hours are left to book."
    )
    # On leaving: 72 h × £13.00 = £936.00 (booked holiday not yet taken is still owed).
    assert untaken_holiday_owed(balance, Money(1300)) == Money(93600)
    # A leaver on 30 June 2026 who took 20 h: 27.93 − 20 = 7.93 h × £13.00 = £103.09.
    assert untaken_holiday_owed(HolidayBalance(Decimal("27.93"), Decimal(20)), Money(1300)) == Money(10309)
    # 12.07 h × £12.71 = £153.4097 → £153.41 (half-up, once).
    assert untaken_holiday_owed(HolidayBalance(Decimal("12.07")), Money(1271)) == Money(15341)
    over = HolidayBalance(Decimal("10.00"), taken=Decimal("12.50"))
    assert untaken_holiday_owed(over, Money(1300)) == Money(-3250)  # taken 2.5 h too many
    assert "2.50 hours more than they are entitled to" in over.explain("Sam")
    with pytest.raises(DomainError, match="0 or more"):
        HolidayBalance(Decimal(-1))


def _weeks(
    holiday: date, pays: list[tuple[int, int]], statutory: frozenset[int] = frozenset()
) -> list[PaidWeek]:
    """Week k (1 = the week just before the holiday) pays pays[k-1] = (pence, minutes)."""
    return [
        PaidWeek(holiday - timedelta(weeks=k), Money(pence), minutes, statutory_only=k in statutory)
        for k, (pence, minutes) in enumerate(pays, start=1)
    ]


HOLIDAY = date(2026, 8, 3)  # a Monday


def test_holiday_pay_averages_paid_weeks_only() -> None:
    # £260 (20 h), an unpaid week, an SSP-only week £118.75, £390 (30 h).
    weeks = _weeks(HOLIDAY, [(26000, 1200), (0, 0), (11875, 0), (39000, 1800)], statutory=frozenset({3}))
    ref = holiday_pay_reference(weeks, HOLIDAY)
    # (£260 + £390) / 2 weeks = £325.00 a week; £650 / 50 h = £13.00 an hour.
    assert (len(ref.weeks_used), ref.week_pay, ref.hourly_rate) == (2, Money(32500), Money(1300))
    assert ref.explanation == (
        "Holiday pay is based on the 2 paid weeks from 6 July 2026 to 2 August 2026: £325.00 a week on "
        "average, or £13.00 an hour."
    )


def test_holiday_pay_uses_52_weeks_and_substitutes_older_ones() -> None:
    # 110 weeks: the latest 52 pay £300 for 20 h; older ones £100 for 10 h.
    pays = [(30000, 1200)] * 52 + [(10000, 600)] * 58
    ref = holiday_pay_reference(_weeks(HOLIDAY, pays), HOLIDAY)
    assert (len(ref.weeks_used), ref.week_pay, ref.hourly_rate) == (52, Money(30000), Money(1500))
    # Ten of the latest 52 unpaid: ten older weeks take their place.
    # 42 × £300 + 10 × £100 = £13,600 / 52 = £261.538 → £261.54; hours 42 × 20 + 10 × 10 = 940,
    # £13,600 / 940 = £14.468 → £14.47.
    gaps = [(0, 0)] * 10 + [(30000, 1200)] * 42 + [(10000, 600)] * 58
    ref = holiday_pay_reference(_weeks(HOLIDAY, gaps), HOLIDAY)
    assert (len(ref.weeks_used), ref.week_pay, ref.hourly_rate) == (52, Money(26154), Money(1447))


def test_holiday_pay_looks_back_no_more_than_104_weeks() -> None:
    # The latest 60 weeks unpaid, weeks 61 to 110 paid: only weeks 61 to 104 are in reach (44 weeks).
    pays = [(0, 0)] * 60 + [(10000, 600)] * 50
    ref = holiday_pay_reference(_weeks(HOLIDAY, pays), HOLIDAY)
    assert len(ref.weeks_used) == 44
    assert ref.weeks_used[-1].first_day == HOLIDAY - timedelta(weeks=104)


def test_holiday_pay_ignores_weeks_not_yet_finished_and_refuses_bad_history() -> None:
    unfinished = PaidWeek(HOLIDAY - timedelta(days=3), Money(99999), 600)  # ends after the holiday starts
    ref = holiday_pay_reference([unfinished, *_weeks(HOLIDAY, [(20000, 600)])], HOLIDAY)
    assert ref.week_pay == Money(20000) and ref.hourly_rate == Money(2000)
    no_hours = holiday_pay_reference(_weeks(HOLIDAY, [(20000, 0)]), HOLIDAY)
    assert no_hours.hourly_rate is None and "an hour" not in no_hours.explanation
    with pytest.raises(DomainError, match="no paid weeks in the 104 weeks before 3 August 2026"):
        holiday_pay_reference(_weeks(HOLIDAY, [(0, 0)]), HOLIDAY)
    twice = _weeks(HOLIDAY, [(20000, 600)]) * 2
    with pytest.raises(DomainError, match="same week twice"):
        holiday_pay_reference(twice, HOLIDAY)
