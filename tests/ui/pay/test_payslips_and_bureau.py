"""Payslips from the Pay page (the figures dialog, PDFs saved to a chosen folder) and typing in a
payroll bureau's payslip (problems shown beside the boxes, nothing saved until they are right)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pa_manager.domain.periods import PayFrequency
from pa_manager.services import pay_runs, pay_settings
from pa_manager.services.pay_types import PayslipSource
from pa_manager.ui.pages.pay.bureau_dialog import BureauDialog
from pa_manager.ui.pages.pay.pay_page import PayPage
from pa_manager.ui.pages.pay.payslip_dialog import PayslipDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.pay.conftest import DemoWeeks, on_worker, work_out


def test_payslip_dialog_shows_the_figures(qtbot: QtBot, page: PayPage, weeks: DemoWeeks) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    page.view.table.selectRow(1)
    page.payslip_button.click()
    dialog = page.payslip_dialog
    assert isinstance(dialog, PayslipDialog) and dialog.isVisible()
    slip = page.view.model.payslip_at(1)
    assert slip is not None and dialog.slip == slip
    text = dialog.document.toPlainText()
    wanted = (slip.pa_name, slip.gross.format(), slip.net.format(), slip.tax_code, "Net pay to the PA")
    assert all(w in text for w in wanted)
    assert dialog.document.isReadOnly()
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_payslips_are_saved_as_pdfs(
    qtbot: QtBot, tasks: TaskRunner, page: PayPage, weeks: DemoWeeks, tmp_path: Path
) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    assert not page.export_button.isEnabled()  # a run must be saved first
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.save_button.click()
    assert page.export_button.isEnabled()
    folder = tmp_path / "payslips"
    page.choose_folder = lambda: folder
    page.export_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=60_000)
    assert page.preview is not None
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(page.preview.payslips) == len(page.exported)
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert page.notice.text().startswith(f"Saved {len(files)} payslips as PDF")


def test_choosing_no_folder_saves_nothing(
    qtbot: QtBot, tasks: TaskRunner, page: PayPage, weeks: DemoWeeks
) -> None:
    work_out(qtbot, page, weeks.year, weeks.open)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.save_button.click()
    page.choose_folder = lambda: None
    page.export_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert "as PDF in" not in page.notice.text()
    assert not hasattr(page, "exported") or page.exported == []


def open_bureau(qtbot: QtBot, tasks: TaskRunner, page: PayPage) -> BureauDialog:
    page.bureau_button.click()
    qtbot.waitUntil(lambda: page.bureau_dialog is not None and page.bureau_dialog.isVisible(), timeout=30_000)
    dialog = page.bureau_dialog
    assert isinstance(dialog, BureauDialog)
    return dialog


def fill(dialog: BureauDialog, **values: str) -> None:
    figures = {
        "gross": "400.00",
        "tax": "20.00",
        "employee_ni": "10.00",
        "employer_ni": "30.00",
        "pension_employee": "8.00",
        "pension_employer": "6.00",
        "student_loan": "0",
        "postgraduate_loan": "0",
        "net": "362.00",
    }
    figures.update(values)
    for name, text in figures.items():
        dialog.edits[name].setText(text)


def test_bad_bureau_figures_are_shown_beside_the_boxes_and_nothing_is_saved(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    before = on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book))
    page.picker.set_key((weeks.year, PayFrequency.WEEKLY, weeks.open))
    dialog = open_bureau(qtbot, tasks, page)
    fill(dialog, gross="four hundred", employee_ni="-3", net="")
    dialog.tax_code.setText("ZZZ")
    dialog.save_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert dialog.isVisible()
    assert dialog.messages["gross"].isVisible() and dialog.messages["gross"].message
    assert dialog.messages["employee_ni"].isVisible()
    assert dialog.messages["net"].isVisible()
    assert not dialog.messages["tax"].isVisible()
    assert dialog.tax_code_message.isVisible()
    assert dialog.mark_message.isVisible()  # the demo's PAs are not marked as bureau yet
    assert "Nothing was saved" in dialog.problem.text()
    assert dialog.edits["gross"].accessibleDescription().startswith("Problem:")
    assert on_worker(qtbot, tasks, lambda: pay_runs.pay_runs(demo.book)) == before
    pa_id = dialog.pa.currentData()
    assert not on_worker(qtbot, tasks, lambda: pay_settings.payroll_details(demo.book, pa_id)).bureau


def test_a_bureau_payslip_is_saved_into_the_run(
    qtbot: QtBot, tasks: TaskRunner, demo: OpenedBook, page: PayPage, weeks: DemoWeeks
) -> None:
    page.picker.set_key((weeks.year, PayFrequency.WEEKLY, weeks.open))
    dialog = open_bureau(qtbot, tasks, page)
    pa_name = dialog.pa.currentText().split(" (")[0]
    fill(dialog)
    dialog.tax_code.setText("1257l")
    assert "the same as the net pay" in dialog.sum_hint.text()
    dialog.mark.setChecked(True)
    with qtbot.waitSignal(page.run_shown, timeout=30_000):
        dialog.save_button.click()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert not dialog.isVisible()
    shown = page.preview
    assert shown is not None
    slip = next(p for p in shown.payslips if p.pa_name == pa_name)
    assert slip.source is PayslipSource.BUREAU and slip.net.format() == "£362.00"
    assert slip.tax_code == "1257L"
    names = [page.view.model.text(r, 0) for r in range(page.view.model.rowCount())]
    assert f"{pa_name} (bureau)" in names
