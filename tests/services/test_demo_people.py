from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from pa_manager.domain.compliance import ComplianceTopic
from pa_manager.domain.people import HolidayScheme
from pa_manager.domain.timesheets import PayKind, ShiftType
from pa_manager.services import compliance_records, holiday_service, people, timesheets
from pa_manager.services.demo import open_new_demo_book
from pa_manager.services.maintenance import check_book
from pa_manager.store.models import PARow, ShiftRow, TimesheetRow


def test_demo_people_fill_in_a_year(tmp_path: Path) -> None:
    book = open_new_demo_book(tmp_path / "demo", "demo passphrase for tests", years=1, pas=3)
    try:
        with book.read() as s:
            rows = list(s.scalars(select(PARow).order_by(PARow.id)))
        end = date.today()
        # open_new_demo_book has called add_demo_people already: the PAs are complete.
        listed = people.list_pas(book)
        assert all(r.finished for r in listed)
        first = people.require_pa(book, rows[0].id)
        assert first.holiday_scheme is HolidayScheme.ACCRUAL_12_07 and first.irregular_hours
        with book.read() as s:
            statuses = {
                k: n
                for k, n in s.execute(select(TimesheetRow.status, func.count()).group_by(TimesheetRow.status))
            }
            kinds = {k: n for k, n in s.execute(select(ShiftRow.kind, func.count()).group_by(ShiftRow.kind))}
            woken = s.scalar(select(func.count()).select_from(ShiftRow).where(ShiftRow.woken_minutes == 90))
        assert statuses["signed"] == 3 and statuses["approved"] > 3 * 40
        assert {k.value for k in (ShiftType.SLEEP_IN, ShiftType.HOLIDAY, ShiftType.SICKNESS)} <= set(kinds)
        assert woken == 1
        year = timesheets.totals_between(book, rows[1].id, end - timedelta(days=371), end)
        assert year.pay.minutes(PayKind.BANK_HOLIDAY) > 0
        assert year.pay.minutes(PayKind.WEEKEND) > 0
        assert year.pay.sleep_in_nights > 40
        todo = compliance_records.what_needs_doing(book, end)
        assert {t.topic for t in todo} == {ComplianceTopic.DBS, ComplianceTopic.RIGHT_TO_WORK}
        assert holiday_service.holiday_pay_owed(book, end).pence > 0
        assert check_book(book).ok, check_book(book).problems
    finally:
        book.close()
