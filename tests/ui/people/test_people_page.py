"""The People page and a PA's record: adding a PA (a bad NI number refused, then fixed), the list,
and what needs doing opening the record at the right tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pa_manager.services import people
from pa_manager.ui.pages.people.pa_dialog import PAPERWORK_TAB, PaDialog
from pa_manager.ui.pages.people.people_page import PeoplePage
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.ui.people.conftest import on_worker


def show_page(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> PeoplePage:
    page = PeoplePage(tasks)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.set_book(opened)
    return page


def test_empty_book_says_what_to_do(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> None:
    page = show_page(qtbot, tasks, opened)
    assert page.empty.isVisible() and "Add PA…" in page.empty.text()
    assert not page.pa_list.isVisible() and not page.edit_button.isEnabled()


def test_add_a_pa_with_a_bad_ni_number_refused_then_fixed(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook
) -> None:
    page = show_page(qtbot, tasks, opened)
    page.add_button.click()
    dialog = page.pa_dialog
    assert isinstance(dialog, PaDialog) and dialog.isVisible()
    d = dialog.details
    d.name.setText("Priya Shah")
    d.start_date.setText("01/03/2026")
    d.date_of_birth.setText("02/02/1985")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    d.ni_number.setFocus()
    qtbot.keyClicks(d.ni_number, "QQ 12 34 56 C")
    qtbot.keyClick(d.ni_number, Qt.Key.Key_Tab)  # leaving the box checks it
    assert d.ni_message.isVisible() and "no National Insurance number starts with Q" in d.ni_message.message
    assert d.ni_number.accessibleDescription().startswith("Problem:")
    dialog.pay.standard.setText("13.50")
    dialog.save_button.click()
    assert dialog.isVisible() and "Nothing was saved" in dialog.problem.message
    assert dialog.tabs.currentIndex() == 0
    assert on_worker(qtbot, tasks, lambda: people.list_pas(opened.book)) == []

    d.ni_number.clear()
    d.ni_number.setFocus()
    qtbot.keyClicks(d.ni_number, "ab123456c")
    qtbot.keyClick(d.ni_number, Qt.Key.Key_Tab)
    assert not d.ni_message.isVisible() and d.ni_number.text() == "AB 12 34 56 C"
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        dialog.save_button.click()
    assert not dialog.isVisible()
    saved = on_worker(qtbot, tasks, lambda: people.list_pas(opened.book))
    assert [r.name for r in saved] == ["Priya Shah"]
    record = on_worker(qtbot, tasks, lambda: people.get_pa(opened.book, saved[0].id))
    assert record.pa is not None and str(record.pa.ni_number) == "AB 12 34 56 C"
    assert page.pa_list.topLevelItem(0).text(2) == "Employed"  # type: ignore[union-attr]
    # A new employee has no contract, right-to-work check or DBS yet: all listed, in words.
    texts = [page.todo_list.item(n).text() for n in range(page.todo_list.count())]
    assert any(t.startswith("✖ Missing — Priya Shah: Written contract") for t in texts)
    assert any("You (the employer): Employer's liability insurance" in t for t in texts)


def test_a_self_employed_pa_needs_a_utr(qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook) -> None:
    from pa_manager.domain.people import EmploymentType

    page = show_page(qtbot, tasks, opened)
    page.add_button.click()
    dialog = page.pa_dialog
    assert dialog is not None
    dialog.details.name.setText("Kit Moss")
    dialog.details.start_date.setText("01/03/2026")
    dialog.details.employment.setCurrentIndex(
        dialog.details.employment.findData(EmploymentType.SELF_EMPLOYED)
    )
    dialog.pay.standard.setText("16")
    dialog.save_button.click()
    assert "Unique Taxpayer Reference" in dialog.details.utr_message.message
    assert on_worker(qtbot, tasks, lambda: people.list_pas(opened.book)) == []


def test_what_needs_doing_opens_the_record_at_the_paperwork_tab(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, pa_id: int
) -> None:
    page = show_page(qtbot, tasks, opened)
    rows = [page.todo_list.item(n).text() for n in range(page.todo_list.count())]
    dbs = next(n for n, t in enumerate(rows) if "Sam Lee: DBS check" in t)
    page.todo_list.setCurrentRow(dbs)
    page.deal_button.click()
    qtbot.waitUntil(lambda: page.pa_dialog is not None and page.pa_dialog.isVisible(), timeout=30_000)
    dialog = page.pa_dialog
    assert dialog is not None and dialog.tabs.currentIndex() == PAPERWORK_TAB
    paperwork = dialog.paperwork
    assert paperwork is not None
    qtbot.waitUntil(lambda: "✖ Missing — DBS check" in paperwork.status.text(), timeout=30_000)
    paperwork.dbs_number.setText("001234567890")
    paperwork.dbs_issued.setText("01/02/2026")
    with qtbot.waitSignal(paperwork.loaded, timeout=30_000):
        paperwork.dbs_button.click()
    assert "✔ In order — DBS check" in paperwork.status.text()
