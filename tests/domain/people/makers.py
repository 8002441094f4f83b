"""Quick ways to make PAs for these tests, with the rates the hand-worked examples use."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any

from pa_manager.domain.money import Money
from pa_manager.domain.people import PA, EmploymentType, HolidayScheme, PayRates
from pa_manager.domain.periods import PayFrequency
from pa_manager.domain.timesheets import Shift, ShiftType

# Standard £13.00, evening £14.00 from 20:00 to midnight, weekend £15.00, bank holiday £19.50,
# waking night £13.50, sleep-in £80.00 a night.
RATES = PayRates(
    standard=Money(1300),
    evening=Money(1400),
    weekend=Money(1500),
    bank_holiday=Money(1950),
    waking_night=Money(1350),
    sleep_in_night=Money(8000),
    evening_starts=time(20, 0),
    evening_ends=time(0, 0),
)


def make_pa(**changes: Any) -> PA:
    fields: dict[str, Any] = {
        "name": "Sam Lee",
        "start_date": date(2025, 1, 6),
        "employment_type": EmploymentType.EMPLOYEE,
        "pay_frequency": PayFrequency.WEEKLY,
        "rates": RATES,
        "holiday_scheme": HolidayScheme.ACCRUAL_12_07,
        "date_of_birth": date(1990, 5, 17),
    }
    fields.update(changes)
    return PA(**fields)


def regular_pa(**changes: Any) -> PA:
    base: dict[str, Any] = {
        "holiday_scheme": HolidayScheme.WEEKS_5_6,
        "weekly_hours": Decimal(20),
        "days_per_week": Decimal(4),
    }
    base.update(changes)
    return make_pa(**base)


# The Easter week of 2026: Sunday 5 April to Saturday 11 April. Easter Monday (6 April) is a bank
# holiday in England but not in Scotland.
EASTER_WEEK = [
    # Sunday 22:00 to Monday 02:00: across midnight into Easter Monday.
    Shift(date(2026, 4, 5), time(22), time(2)),
    # Easter Monday 09:00-17:00 with a 30-minute break: 7.5 hours.
    Shift(date(2026, 4, 6), time(9), time(17), break_minutes=30),
    # Tuesday night sleep-in, woken for 1.5 hours.
    Shift(date(2026, 4, 7), time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=90),
    # Wednesday 18:00-22:00: two standard hours, then two evening hours.
    Shift(date(2026, 4, 8), time(18), time(22)),
    # Saturday 10:00-14:00: a weekend shift.
    Shift(date(2026, 4, 11), time(10), time(14)),
]
