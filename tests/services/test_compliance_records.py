from datetime import date

from pa_manager.domain.compliance import (
    ComplianceState,
    ComplianceTopic,
    DbsCertificate,
    DbsLevel,
    InsurancePolicy,
    RightToWorkCheck,
    RightToWorkMethod,
    TrainingRecord,
)
from pa_manager.services import book as books
from pa_manager.services import compliance_records as records
from pa_manager.services import people
from pa_manager.services.maintenance import check_book
from pa_manager.store.models import PARow
from tests.services.people_helpers import add

AS_OF = date(2026, 4, 20)


def test_a_new_pa_with_nothing_recorded(book: books.Book) -> None:
    add(book)
    todo = records.what_needs_doing(book, AS_OF)
    assert {t.topic for t in todo} == {
        ComplianceTopic.CONTRACT,
        ComplianceTopic.INSURANCE,
        ComplianceTopic.RIGHT_TO_WORK,
        ComplianceTopic.DBS,
    }
    assert all(t.state is ComplianceState.MISSING for t in todo)
    assert any("Buy employer's liability insurance" in t.explanation for t in todo)


def test_recorded_items_are_ok_due_soon_or_overdue(book: books.Book) -> None:
    pa_id = add(book)
    people.record_contract(book, pa_id, date(2025, 1, 6))
    records.record_right_to_work(
        book, pa_id, RightToWorkCheck(date(2025, 1, 2), RightToWorkMethod.SHARE_CODE, date(2026, 5, 1))
    )
    records.record_dbs(book, pa_id, DbsCertificate("0012 3456 7890", DbsLevel.ENHANCED, date(2023, 3, 1)))
    records.record_training(
        book, pa_id, TrainingRecord("Moving and handling", date(2025, 2, 1), date(2026, 8, 1))
    )
    records.record_insurance(book, InsurancePolicy("Fish Insurance", date(2026, 4, 30), "FI-1"))
    overview = {t.topic: t for t in records.compliance_overview(book, AS_OF)}
    assert overview[ComplianceTopic.CONTRACT].state is ComplianceState.OK
    assert overview[ComplianceTopic.RIGHT_TO_WORK].state is ComplianceState.DUE_SOON
    assert overview[ComplianceTopic.DBS].state is ComplianceState.OVERDUE
    assert overview[ComplianceTopic.TRAINING].state is ComplianceState.OK
    assert overview[ComplianceTopic.INSURANCE].state is ComplianceState.DUE_SOON
    todo = records.what_needs_doing(book, AS_OF)
    assert todo[0].topic is ComplianceTopic.DBS  # the worst first
    assert "was due for renewal on 1 March 2026" in todo[0].explanation
    # A newer DBS certificate replaces the old one.
    records.record_dbs(
        book, pa_id, DbsCertificate("001234567891", DbsLevel.ENHANCED, date(2026, 3, 10), True)
    )
    assert records.pa_records(book, pa_id).dbs.number == "001234567891"  # type: ignore[union-attr]
    assert ComplianceTopic.DBS not in {t.topic for t in records.what_needs_doing(book, AS_OF)}
    assert check_book(book).ok


def test_unfinished_records_and_leavers(book: books.Book) -> None:
    with book.write() as s:
        s.add(PARow(name="Old Row", start_date=date(2024, 1, 1)))
    left = add(book, leave_date=date(2026, 3, 1))
    todo = records.what_needs_doing(book, AS_OF)
    assert any(t.topic is None and "Finish Old Row's record" in t.explanation for t in todo)
    assert all(t.pa_id != left for t in todo)
