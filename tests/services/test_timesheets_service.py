from datetime import date, time

import pytest
from sqlalchemy import func, select

from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency
from pa_manager.domain.timesheets import PayKind, Shift, ShiftType
from pa_manager.services import book as books
from pa_manager.services import rota, timesheet_signing, timesheets
from pa_manager.services.errors import BookError
from pa_manager.services.maintenance import check_book
from pa_manager.services.timesheets import Signature, TimesheetError, TimesheetStatus
from pa_manager.store.models import AuditEntry, ShiftRow
from tests.services.people_helpers import EASTER_WEEK, add, set_nation


def _shift_count(book: books.Book) -> int:
    with book.read() as s:
        return int(s.scalar(select(func.count()).select_from(ShiftRow)) or 0)


def test_periods_follow_the_pay_frequency(book: books.Book) -> None:
    weekly = people_pa(book, PayFrequency.WEEKLY, "A One")
    fortnightly = people_pa(book, PayFrequency.FORTNIGHTLY, "B Two")
    monthly = people_pa(book, PayFrequency.MONTHLY, "C Three")
    assert timesheets.open_timesheet(book, weekly, date(2026, 4, 8)).period_start == date(2026, 4, 6)
    sheet = timesheets.open_timesheet(book, fortnightly, date(2025, 1, 21))
    assert (sheet.period_start, sheet.period_end) == (date(2025, 1, 20), date(2025, 2, 2))
    sheet = timesheets.open_timesheet(book, monthly, date(2026, 2, 14))
    assert (sheet.period_start, sheet.period_end) == (date(2026, 2, 1), date(2026, 2, 28))


def people_pa(book: books.Book, frequency: PayFrequency, name: str) -> int:
    return add(book, name=name, pay_frequency=frequency, ni_number=None)


@pytest.mark.parametrize(
    ("nation", "gross", "bank_holiday_minutes"),
    [("england", Money(42875), 570), ("scotland", Money(36700), 0)],
)
def test_acceptance_week_by_nation(
    book: books.Book, nation: str, gross: Money, bank_holiday_minutes: int
) -> None:
    # Sleep-in woken 1.5 h, Easter Monday (a bank holiday in England, not Scotland), a shift across
    # midnight and a Saturday shift. Monthly pay, so the whole week is on one timesheet.
    set_nation(book, nation)
    pa_id = add(book, pay_frequency=PayFrequency.MONTHLY)
    sheet = timesheets.save_timesheet(book, pa_id, date(2026, 4, 6), EASTER_WEEK)
    pay = sheet.totals.pay
    assert pay.gross == gross
    assert pay.minutes(PayKind.BANK_HOLIDAY) == bank_holiday_minutes
    assert pay.minutes(PayKind.WOKEN) == 90
    assert pay.sleep_in_nights == 1
    assert pay.worked_minutes == 1260
    assert sheet.totals.minutes_by_type[ShiftType.SLEEP_IN] == 90
    # 21 hours worked accrue 12.07%: 2.5347 → 2.54 hours.
    assert str(sheet.totals.holiday_accrued) == "2.54"
    assert sheet.totals.minimum_wage is not None and sheet.totals.minimum_wage.passes
    assert (date(2026, 4, 6) in sheet.bank_holidays) is (nation == "england")
    again = timesheets.open_timesheet(book, pa_id, date(2026, 4, 30))
    assert again.shifts == sheet.shifts and again.totals.pay.gross == gross


def test_st_andrews_day_differs(book: books.Book) -> None:
    pa_id = add(book)
    night = [Shift(date(2026, 11, 30), time(9), time(17))]
    england = timesheets.save_timesheet(book, pa_id, date(2026, 11, 30), night).totals.pay.gross
    set_nation(book, "scotland")
    scotland = timesheets.open_timesheet(book, pa_id, date(2026, 11, 30)).totals.pay.gross
    assert (england, scotland) == (Money(8 * 1300), Money(8 * 1950))


BAD_CASES = [
    ([Shift(date(2026, 4, 7), time(9), time(17)), Shift(date(2026, 4, 7), time(16), time(20))], "overlaps"),
    ([Shift(date(2026, 4, 7), time(9), time(9))], "starts and ends at the same time"),
    ([Shift(date(2026, 4, 7), time(9), time(8), end_day=date(2026, 4, 7))], "ends before it starts"),
    ([Shift(date(2026, 4, 7), time(9), time(10), end_day=date(2026, 4, 8))], "more than 24 hours"),
    ([Shift(date(2024, 12, 30), time(9), time(17))], "before Sam Lee started"),
    ([Shift(date(2026, 4, 7), time(9), time(17), break_minutes=600)], "break"),
    ([Shift(date(2026, 4, 14), time(9), time(17))], "outside this timesheet"),
]


@pytest.mark.parametrize(("shifts", "message"), BAD_CASES)
def test_every_validation_case_is_refused_and_nothing_saved(
    book: books.Book, shifts: list[Shift], message: str
) -> None:
    pa_id = add(book)
    day = date(2024, 12, 30) if shifts[0].day.year < 2025 else date(2026, 4, 7)
    with pytest.raises(TimesheetError, match=message) as caught:
        timesheets.save_timesheet(book, pa_id, day, shifts)
    assert caught.value.problems
    assert _shift_count(book) == 0


def test_shifts_after_leaving_are_refused(book: books.Book) -> None:
    pa_id = add(book, leave_date=date(2026, 4, 8))
    with pytest.raises(TimesheetError, match="after Sam Lee left on 8 April 2026"):
        timesheets.save_timesheet(book, pa_id, date(2026, 4, 9), [Shift(date(2026, 4, 9), time(9), time(17))])
    assert _shift_count(book) == 0


def test_a_night_into_the_next_timesheet_cannot_overlap_its_first_shift(book: books.Book) -> None:
    pa_id = add(book)
    timesheets.save_timesheet(book, pa_id, date(2026, 4, 12), [Shift(date(2026, 4, 12), time(22), time(8))])
    with pytest.raises(TimesheetError, match="overlaps"):
        timesheets.save_timesheet(
            book, pa_id, date(2026, 4, 13), [Shift(date(2026, 4, 13), time(7), time(12))]
        )


def test_sign_approve_lock_and_recorded_unlock(book: books.Book) -> None:
    pa_id = add(book)
    week = [Shift(date(2026, 4, 7), time(9), time(17), break_minutes=30)]
    sheet = timesheets.save_timesheet(book, pa_id, date(2026, 4, 7), week)
    assert sheet.id is not None and sheet.status is TimesheetStatus.DRAFT
    with pytest.raises(BookError, match="signed by Sam Lee and the employer"):
        timesheet_signing.approve(book, sheet.id)
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    timesheet_signing.sign_by_pa(book, sheet.id, Signature("Sam Lee", date(2026, 4, 12), png))
    signed = timesheet_signing.sign_by_employer(book, sheet.id, Signature("Tom Smith", date(2026, 4, 12)))
    assert signed.status is TimesheetStatus.SIGNED
    assert signed.pa_signature == Signature("Sam Lee", date(2026, 4, 12), png)
    approved = timesheet_signing.approve(book, sheet.id)
    assert approved.locked and approved.approved_at
    with pytest.raises(TimesheetError, match="approved and locked; unlock it first"):
        timesheets.save_timesheet(book, pa_id, date(2026, 4, 7), [])
    with pytest.raises(BookError, match="Say why"):
        timesheet_signing.unlock(book, sheet.id, "  ")
    unlocked = timesheet_signing.unlock(book, sheet.id, "Hours on Tuesday were wrong")
    assert unlocked.status is TimesheetStatus.SIGNED
    with book.read() as s:
        notes = list(s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "note")))
    assert any("Unlocked timesheet" in n and "Hours on Tuesday were wrong" in n for n in notes)
    changed = timesheets.save_timesheet(
        book, pa_id, date(2026, 4, 7), [Shift(date(2026, 4, 7), time(9), time(16))]
    )
    assert changed.status is TimesheetStatus.DRAFT and changed.pa_signature is None
    assert check_book(book).ok, check_book(book).problems


def test_copy_last_week_and_rota(book: books.Book) -> None:
    pa_id = add(book)
    week = [
        Shift(date(2026, 4, 7), time(9), time(17)),
        Shift(date(2026, 4, 10), time(22), time(7), ShiftType.SLEEP_IN),
    ]
    timesheets.save_timesheet(book, pa_id, date(2026, 4, 7), week)
    copied = timesheets.copy_previous_week(book, pa_id, date(2026, 4, 13))
    assert [s.day for s in copied] == [date(2026, 4, 14), date(2026, 4, 17)]
    rota_id = rota.save_rota(book, pa_id, "Usual week", rota.rota_from_week(week, date(2026, 4, 6)))
    [template] = rota.list_rotas(book, pa_id)
    assert template.name == "Usual week" and len(template.shifts) == 2
    applied = rota.apply_rota(book, rota_id, date(2026, 4, 20))
    saved = timesheets.save_timesheet(book, pa_id, date(2026, 4, 20), applied)
    assert saved.totals.pay.sleep_in_nights == 1
    with pytest.raises(BookError, match="overlaps"):
        rota.save_rota(
            book,
            pa_id,
            "Bad",
            [rota.RotaShift(0, time(9), time(17)), rota.RotaShift(0, time(12), time(13))],
        )


def test_totals_between_dates(book: books.Book) -> None:
    pa_id = add(book)
    for monday in (date(2026, 4, 13), date(2026, 4, 20)):
        timesheets.save_timesheet(book, pa_id, monday, [Shift(monday, time(9), time(17))])
    totals = timesheets.totals_between(book, pa_id, date(2026, 4, 13), date(2026, 4, 26))
    assert totals.pay.gross == Money(2 * 8 * 1300)
    # 12.07% per pay period: 8 h → 0.9656 → 0.97, twice.
    assert str(totals.holiday_accrued) == "1.94"


def test_minimum_wage_for_a_young_pa(book: books.Book) -> None:
    from pa_manager.domain.people import PayRates

    pa_id = add(book, date_of_birth=date(2008, 1, 1), rates=PayRates(standard=Money(900)))
    sheet = timesheets.save_timesheet(
        book, pa_id, date(2026, 4, 7), [Shift(date(2026, 4, 7), time(9), time(17))]
    )
    check = sheet.totals.minimum_wage
    assert check is not None and not check.passes
    assert "below the £10.85 minimum" in sheet.totals.minimum_wage_note
