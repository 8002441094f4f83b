from datetime import date, time, timedelta
from decimal import Decimal

from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency
from pa_manager.domain.timesheets import Shift, ShiftType
from pa_manager.services import book as books
from pa_manager.services import holiday_service, people, timesheets
from pa_manager.services import timesheet_signing as signing
from tests.services.people_helpers import add, regular

MONDAY = date(2026, 4, 13)


def test_irregular_pa_working_100_hours_accrues_12_07_hours(book: books.Book) -> None:
    # Leave years from 1 April 2026 (the 12.07% rule applies); monthly pay, so the 100 hours are one
    # pay period (two weekly periods of 50 hours would each round up: 6.04 + 6.04).
    pa_id = add(book, start_date=date(2026, 4, 1), pay_frequency=PayFrequency.MONTHLY)
    shifts = [
        Shift(date(2026, 4, 1) + timedelta(days=d), time(8), time(18))
        for d in range(14)
        if (date(2026, 4, 1) + timedelta(days=d)).weekday() < 5
    ]
    assert sum(s.minutes for s in shifts) == 100 * 60
    sheet = timesheets.save_timesheet(book, pa_id, date(2026, 4, 1), shifts)
    assert sheet.totals.holiday_accrued == Decimal("12.07")
    summary = holiday_service.holiday_summary(book, pa_id, date(2026, 4, 30))
    assert summary.balance.entitlement == Decimal("12.07")
    assert summary.remaining == Decimal("12.07")


def test_regular_pa_taken_booked_remaining(book: books.Book) -> None:
    pa_id = people.add_pa(book, regular(start_date=date(2026, 1, 5)))  # 20 h a week: 112 h a year
    timesheets.save_timesheet(book, pa_id, MONDAY, [Shift(MONDAY, time(9), time(17), ShiftType.HOLIDAY)])
    later = MONDAY + timedelta(days=14)
    timesheets.save_timesheet(book, pa_id, later, [Shift(later, time(9), time(13), ShiftType.HOLIDAY)])
    summary = holiday_service.holiday_summary(book, pa_id, MONDAY + timedelta(days=3))
    assert summary.leave_year.first_day == date(2026, 1, 5)
    assert summary.balance.entitlement == Decimal("112.00")
    assert (summary.balance.taken, summary.balance.booked) == (Decimal("8.00"), Decimal("4.00"))
    assert summary.remaining == Decimal("104.00")
    assert "left to book" in summary.explanation


def test_holiday_pay_owed_grows_with_the_year(book: books.Book) -> None:
    pa_id = people.add_pa(book, regular(start_date=date(2026, 1, 5)))
    assert holiday_service.holiday_pay_owed(book, date(2026, 1, 4)) == Money(0)  # not yet employed
    # Half-way through the leave year: 56 hours built up at £13.00 = £728.00 (give or take a day).
    owed = holiday_service.holiday_pay_owed(book, date(2026, 7, 5))
    assert Money(72000) < owed < Money(73500)
    timesheets.save_timesheet(book, pa_id, MONDAY, [Shift(MONDAY, time(9), time(17), ShiftType.HOLIDAY)])
    assert holiday_service.holiday_pay_owed(book, date(2026, 7, 5)) == owed - Money(8 * 1300)
    people.set_leave_date(book, pa_id, date(2026, 6, 30))
    assert holiday_service.holiday_pay_owed(book, date(2026, 7, 5)) == Money(0)


def test_irregular_holiday_rate_is_the_52_week_average(book: books.Book) -> None:
    pa_id = add(book, start_date=date(2026, 1, 5))
    # Four weeks of Saturday work at the £15.00 weekend rate: the average is £15.00 an hour.
    for week in range(4):
        saturday = date(2026, 1, 10) + timedelta(weeks=week)
        sheet = timesheets.save_timesheet(book, pa_id, saturday, [Shift(saturday, time(9), time(13))])
        assert sheet.id is not None
        signing.sign_by_pa(book, sheet.id, timesheets.Signature("Sam Lee", saturday))
        signing.sign_by_employer(book, sheet.id, timesheets.Signature("Tom Smith", saturday))
        signing.approve(book, sheet.id)
    rate, why = holiday_service.holiday_rate(book, pa_id, date(2026, 2, 9))
    assert rate == Money(1500) and "4 paid weeks" in why
    holiday = timesheets.save_timesheet(
        book, pa_id, date(2026, 2, 9), [Shift(date(2026, 2, 9), time(9), time(13), ShiftType.HOLIDAY)]
    )
    assert holiday.totals.pay.gross == Money(6000)
