"""Minutes by rate and gross pay, worked by hand in the comments.

Rates (makers.RATES): standard £13.00, evening £14.00 (20:00-midnight), weekend £15.00,
bank holiday £19.50, waking night £13.50, sleep-in £80.00 a night.
"""

from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain.holder import Nation
from pa_manager.domain.money import Money
from pa_manager.domain.people import PayRates
from pa_manager.domain.timesheets import PayKind, Shift, ShiftType, TimesheetPay, price_timesheet
from pa_manager.services.bank_holidays import bank_holidays
from tests.domain.people.makers import EASTER_WEEK, make_pa

PA = make_pa()
ENGLAND_2026 = bank_holidays(Nation.ENGLAND, [2026])
SCOTLAND_2026 = bank_holidays(Nation.SCOTLAND, [2026])


def summary(pay: TimesheetPay) -> dict[PayKind, tuple[int, int, int]]:
    """kind -> (minutes, nights, pence) for each line."""
    return {line.kind: (line.minutes, line.nights, line.amount.pence) for line in pay.lines}


def test_the_holidays_differ_between_nations() -> None:
    assert date(2026, 4, 6) in ENGLAND_2026 and date(2026, 4, 6) not in SCOTLAND_2026
    assert date(2026, 11, 30) in SCOTLAND_2026 and date(2026, 11, 30) not in ENGLAND_2026


def test_acceptance_week_in_england() -> None:
    pay = price_timesheet(EASTER_WEEK, PA, ENGLAND_2026)
    assert summary(pay) == {
        PayKind.STANDARD: (120, 0, 2600),  # Wed 18-20: 2 h × £13.00 = £26.00
        PayKind.EVENING: (120, 0, 2800),  # Wed 20-22: 2 h × £14.00 = £28.00
        PayKind.WEEKEND: (360, 0, 9000),  # Sun 22-24 (2 h) + Sat 10-14 (4 h) = 6 h × £15.00 = £90.00
        PayKind.BANK_HOLIDAY: (570, 0, 18525),  # Mon 00-02 (2 h) + Mon 7.5 h = 9.5 h × £19.50 = £185.25
        PayKind.SLEEP_IN: (0, 1, 8000),  # one night × £80.00
        PayKind.WOKEN: (90, 0, 1950),  # 1.5 h woken × £13.00 = £19.50
    }
    # £26.00 + £28.00 + £90.00 + £185.25 + £80.00 + £19.50 = £428.75
    assert pay.gross == Money(42875)
    # Worked: 2 + 2 + 6 + 9.5 + 1.5 = 21 hours; the other 7.5 hours of the sleep-in were asleep.
    assert (pay.worked_minutes, pay.asleep_minutes, pay.sleep_in_nights) == (1260, 450, 1)
    assert pay.line(PayKind.BANK_HOLIDAY) is not None
    assert pay.line(PayKind.BANK_HOLIDAY).hours == Decimal("9.50")  # type: ignore[union-attr]


def test_acceptance_week_in_scotland() -> None:
    pay = price_timesheet(EASTER_WEEK, PA, SCOTLAND_2026)
    assert summary(pay) == {
        # Mon 00-02 (2 h) + Mon 7.5 h + Wed 18-20 (2 h) = 11.5 h × £13.00 = £149.50
        PayKind.STANDARD: (690, 0, 14950),
        PayKind.EVENING: (120, 0, 2800),
        PayKind.WEEKEND: (360, 0, 9000),
        PayKind.SLEEP_IN: (0, 1, 8000),
        PayKind.WOKEN: (90, 0, 1950),
    }
    # £149.50 + £28.00 + £90.00 + £80.00 + £19.50 = £367.00
    assert pay.gross == Money(36700)
    assert pay.worked_minutes == 1260  # the same hours, paid differently


@pytest.mark.parametrize(
    ("holidays", "expected"),
    [
        # Scotland: Sun 20:00-24:00 waking night 4 h × £13.50 = £54.00; St Andrew's Day 00:00-08:00 is a
        # bank holiday, 8 h × £19.50 = £156.00; total £210.00.
        (SCOTLAND_2026, {PayKind.WAKING_NIGHT: (240, 0, 5400), PayKind.BANK_HOLIDAY: (480, 0, 15600)}),
        # England: all 12 hours at the waking-night rate, 12 × £13.50 = £162.00.
        (ENGLAND_2026, {PayKind.WAKING_NIGHT: (720, 0, 16200)}),
    ],
)
def test_night_into_st_andrews_day_splits_at_midnight_in_scotland_only(
    holidays: frozenset[date], expected: dict[PayKind, tuple[int, int, int]]
) -> None:
    shift = Shift(date(2026, 11, 29), time(20), time(8), ShiftType.WAKING_NIGHT)
    pay = price_timesheet([shift], PA, holidays)
    assert summary(pay) == expected
    assert pay.gross == Money(sum(p for _m, _n, p in expected.values()))


def test_breaks_are_shared_in_proportion_with_whole_minutes() -> None:
    # 18:00-22:00 with 30 minutes off: 120 standard + 120 evening, 15 minutes off each.
    pay = price_timesheet([Shift(date(2026, 4, 8), time(18), time(22), break_minutes=30)], PA, frozenset())
    assert (pay.minutes(PayKind.STANDARD), pay.minutes(PayKind.EVENING)) == (105, 105)
    # 17:30-22:00 with 20 minutes off: standard 150, evening 120 (of 270). Shares 11.11 and 8.89:
    # 11 + 8 = 19, and the spare minute goes to the larger remainder (evening).
    pay = price_timesheet(
        [Shift(date(2026, 4, 8), time(17, 30), time(22), break_minutes=20)], PA, frozenset()
    )
    assert (pay.minutes(PayKind.STANDARD), pay.minutes(PayKind.EVENING)) == (139, 111)


def test_each_rate_line_is_rounded_once() -> None:
    # Three 10-minute visits at £13.00: 30 minutes = £6.50. Rounding each visit (216.67p → £2.17)
    # would give £6.51.
    visits = [Shift(date(2026, 4, 8), time(h), time(h, 10)) for h in (9, 12, 15)]
    pay = price_timesheet(visits, PA, frozenset())
    assert summary(pay) == {PayKind.STANDARD: (30, 0, 650)}
    # One 10-minute visit: 216.666p rounds half-up to 217p; 7 minutes at £14.50 = 169.1666p → 169p.
    assert price_timesheet(visits[:1], PA, frozenset()).gross == Money(217)
    odd = make_pa(rates=PayRates(standard=Money(1450)))
    assert price_timesheet([Shift(date(2026, 4, 8), time(9), time(9, 7))], odd, frozenset()).gross == Money(
        169
    )


def test_unset_rates_fall_back_to_the_standard_rate() -> None:
    plain = make_pa(rates=PayRates(standard=Money(1300)))
    # Easter Monday, evening, and a weekend, all at £13.00 when only the standard rate is set.
    shifts = [Shift(date(2026, 4, 6), time(18), time(22)), Shift(date(2026, 4, 11), time(9), time(11))]
    pay = price_timesheet(shifts, plain, ENGLAND_2026)
    assert summary(pay) == {PayKind.STANDARD: (360, 0, 7800)}  # 6 h × £13.00


def test_precedence_bank_holiday_then_waking_night_then_weekend_then_evening() -> None:
    # Good Friday (3 April 2026, both nations) evening: bank holiday beats evening.
    # Saturday waking night: waking night beats weekend.
    # Sunday evening: weekend beats evening.
    shifts = [
        Shift(date(2026, 4, 3), time(20), time(22)),
        Shift(date(2026, 4, 11), time(22), time(7), ShiftType.WAKING_NIGHT),  # runs into Sunday
        Shift(date(2026, 4, 12), time(20), time(22)),
    ]
    pay = price_timesheet(shifts, PA, ENGLAND_2026)
    assert summary(pay) == {
        PayKind.WEEKEND: (120, 0, 3000),  # 2 h × £15.00
        PayKind.BANK_HOLIDAY: (120, 0, 3900),  # 2 h × £19.50
        PayKind.WAKING_NIGHT: (540, 0, 12150),  # 9 h × £13.50
    }


def test_an_evening_window_that_runs_overnight() -> None:
    rates = PayRates(standard=Money(1300), evening=Money(1400), evening_starts=time(20), evening_ends=time(7))
    night_pa = make_pa(rates=rates)
    # Tuesday 22:00 to Wednesday 08:00: 22-24 and 00-07 evening, 9 h × £14.00 = £126.00;
    # 07-08 standard, 1 h × £13.00.
    pay = price_timesheet([Shift(date(2026, 4, 7), time(22), time(8))], night_pa, frozenset())
    assert summary(pay) == {PayKind.STANDARD: (60, 0, 1300), PayKind.EVENING: (540, 0, 12600)}


def test_sleep_ins_holiday_sickness_and_training() -> None:
    shifts = [
        # Two sleep-ins, one woken 45 minutes (£9.75), one not at all: 2 × £80.00.
        Shift(date(2026, 4, 7), time(22), time(7), ShiftType.SLEEP_IN, woken_minutes=45),
        Shift(date(2026, 4, 8), time(22), time(7), ShiftType.SLEEP_IN),
        Shift(date(2026, 4, 13), time(9), time(17), ShiftType.HOLIDAY),  # 8 h holiday
        Shift(date(2026, 4, 14), time(9), time(13), ShiftType.SICKNESS),  # counted, not paid here
        Shift(date(2026, 4, 15), time(9), time(12), ShiftType.TRAINING),  # work: 3 h standard
    ]
    pay = price_timesheet(shifts, PA, frozenset())
    assert summary(pay) == {
        PayKind.STANDARD: (180, 0, 3900),
        PayKind.SLEEP_IN: (0, 2, 16000),
        PayKind.WOKEN: (45, 0, 975),
        PayKind.HOLIDAY: (480, 0, 10400),  # 8 h × the standard £13.00
    }
    assert (pay.sickness_minutes, pay.holiday_minutes, pay.asleep_minutes) == (240, 480, 495 + 540)
    assert pay.worked_minutes == 225  # training 180 + woken 45; holiday and sickness are not work
    # With a 52-week average holiday rate of £14.25: 8 h × £14.25 = £114.00.
    with_rate = price_timesheet(shifts, PA, frozenset(), holiday_rate=Money(1425))
    assert with_rate.minutes(PayKind.HOLIDAY) == 480
    assert with_rate.line(PayKind.HOLIDAY).amount == Money(11400)  # type: ignore[union-attr]


def test_a_waking_night_when_the_clocks_go_back_pays_ten_hours() -> None:
    # Saturday 24 October 2026 22:00 to 07:00: 10 hours pass; 10 × £13.50 = £135.00.
    pay = price_timesheet(
        [Shift(date(2026, 10, 24), time(22), time(7), ShiftType.WAKING_NIGHT)], PA, frozenset()
    )
    assert summary(pay) == {PayKind.WAKING_NIGHT: (600, 0, 13500)}


def test_an_empty_timesheet_pays_nothing() -> None:
    pay = price_timesheet([], PA, ENGLAND_2026)
    assert (pay.lines, pay.gross, pay.worked_minutes) == ((), Money(0), 0)
