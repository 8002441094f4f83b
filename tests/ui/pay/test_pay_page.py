"""The Pay page on the demo book: a run worked out shows the service's figures, warnings are said in
words with a sign, finalising locks the run, drafts can be saved and deleted, and the empty state
says what to do."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pa_manager.domain.money import Money
from pa_manager.domain.periods import PayFrequency
from pa_manager.services import pay_runs
from pa_manager.services.pay_types import PayRunStatus
from pa_manager.ui.pages.pay.pay_page import EMPTY, PayPage
from pa_manager.ui.pages.pay.run_table_model import COLUMNS, TOTAL_LABEL, column_money
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.pay.conftest import DemoWeeks, on_worker, show_page, work_out


def test_empty_book_says_what_to_do(qtbot: QtBot, tasks: TaskRunner, created: object) -> None:
    from tests.ui.pay.conftest import open_on_worker

    opened = open_on_worker(qtbot, tasks, created.path)  # type: ignore[attr-defined]
    page = show_page(qtbot, tasks, opened)
    assert page.empty.isVisible() and page.empty.text() == EMPTY
    assert not page.runs.isVisible()
    assert page.work_out_button.isEnabled()
    for button in (page.save_button, page.finalise_button, page.delete_button, page.export_button):
        assert not button.isEnabled()
    assert "Nothing is owed to HMRC yet" in page.hmrc_line.text()
    tasks.run(opened.book.close)


def test_the_picker_starts_at_the_current_week(page: PayPage) -> None:
    from datetime import date

    from pa_manager.domain.periods import TaxYear

    year, frequency, period = page.picker.key()
    assert frequency is PayFrequency.WEEKLY  # the demo's PAs are paid weekly
    assert year == TaxYear.containing(date.today())
    assert period == year.period_of(date.today(), PayFrequency.WEEKLY)


def test_work_out_shows_the_services_figures(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    expected = on_worker(
        qtbot,
        tasks,
        lambda: pay_runs.calculate_pay_run(demo.book, weeks.year, PayFrequency.WEEKLY, weeks.open),
    )
    assert expected.payslips, "the demo week should have approved timesheets"
    model = page.view.model
    assert model.rowCount() == len(expected.payslips) + 1
    for row, slip in enumerate(expected.payslips):
        assert model.text(row, 0) == slip.pa_name
        for column in range(1, len(COLUMNS)):
            assert model.text(row, column) == column_money(slip, column).format()
    total_row = len(expected.payslips)
    assert model.text(total_row, 0) == TOTAL_LABEL
    assert model.text(total_row, 1) == expected.total("gross").format()
    assert model.text(total_row, 6) == expected.total("net").format()
    assert model.text(total_row, 6).startswith("£") and "." in model.text(total_row, 6)
    assert page.view.title.text() == f"{expected.label}: Not saved yet"
    assert page.view.hmrc.isVisible() and "HMRC" in page.view.hmrc.text()
    assert page.save_button.isEnabled() and page.finalise_button.isEnabled()
    assert not page.delete_button.isEnabled()


def test_an_unapproved_timesheet_is_warned_about(qtbot: QtBot, page: PayPage, weeks: DemoWeeks) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    text = page.view.warnings.text()
    assert page.view.warnings.isVisible()
    lines = text.splitlines()
    assert lines and all(line.startswith("⚠ ") for line in lines)
    waiting = [line for line in lines if "is not approved yet" in line]
    assert len(waiting) == 1 and waiting[0].startswith(f"⚠ {weeks.waiting_pa}'s timesheet")
    names = [page.view.model.text(r, 0) for r in range(page.view.model.rowCount())]
    assert weeks.waiting_pa not in names  # left out of the run, and the table says who is in it
    assert page.view.table.isVisible() and not page.view.nobody.isVisible()


def test_finalise_locks_the_run(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    asked: list[str] = []
    page.confirm = lambda title, text, yes: asked.append(text) or True  # type: ignore[func-returns-value]
    with qtbot.waitSignal(page.pay_changed, timeout=30_000):
        page.finalise_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert "locks" in asked[0] and "HMRC" in asked[0] and "committed money" in asked[0]
    shown = page.preview
    assert shown is not None and shown.status is PayRunStatus.FINALISED
    assert page.view.title.text().endswith("Finalised")
    for button in (page.save_button, page.finalise_button, page.delete_button):
        assert not button.isEnabled()
    assert page.payslip_button.isEnabled()
    item = page.runs.topLevelItem(0)
    assert item is not None and item.text(2) == "Finalised (locked)"
    assert item.text(3) == shown.total("net").format()
    rows = on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book))
    assert rows[0].id == shown.id and rows[0].status is PayRunStatus.FINALISED
    assert "HMRC" in page.hmrc_line.text()
    assert "adds" in page.view.hmrc.text() and "due by" in page.view.hmrc.text()
    assert shown.hmrc == Money.total(p.hmrc for p in shown.payslips)


def test_cancelling_finalise_changes_nothing(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    before = on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book))
    page.confirm = lambda title, text, yes: False
    page.finalise_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book)) == before
    assert page.finalise_button.isEnabled()


def test_save_a_draft_then_delete_it(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    before = on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book))
    work_out(qtbot, page, weeks.year, weeks.open)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.save_button.click()
    assert page.preview is not None and page.preview.status is PayRunStatus.DRAFT
    assert page.runs.isVisible() and page.runs.topLevelItem(0).text(2) == "Draft"  # type: ignore[union-attr]
    assert page.delete_button.isEnabled()
    page.confirm = lambda title, text, yes: True
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.delete_button.click()
    assert page.preview is None
    assert on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book)) == before
    assert page.runs.topLevelItem(0).text(2) == "Finalised (locked)"  # type: ignore[union-attr]


def test_opening_a_saved_run_from_the_list(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    newest = on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book))[0]
    assert page.runs.run_ids()[0] == newest.id
    with qtbot.waitSignal(page.run_shown, timeout=30_000):
        page.runs.open_requested.emit(newest.id)
    assert page.preview is not None and page.preview.id == newest.id
    assert page.preview.status is PayRunStatus.FINALISED
    assert page.picker.key() == (weeks.year, PayFrequency.WEEKLY, weeks.finalised)
    assert not page.finalise_button.isEnabled() and page.export_button.isEnabled()


def test_a_pay_date_outside_the_period_is_refused_beside_the_box(
    qtbot: QtBot, tasks: TaskRunner, page: PayPage, weeks: DemoWeeks
) -> None:
    page.picker.set_key((weeks.year, PayFrequency.WEEKLY, weeks.open))
    page.picker.pay_date.setText("01/01/2020")
    page.work_out_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert page.picker.pay_date_field.message.isVisible()
    assert "pay date must be" in page.picker.pay_date_field.message.message
    assert page.preview is None
