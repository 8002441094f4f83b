"""The first-run wizard: bad entries are refused beside their field; a good run makes a real
book, saves its recovery sheet, and opens it in the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from pa_manager.services import book as books
from pa_manager.ui.controller import AppController
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.wizard.first_run_wizard import FirstRunWizard
from tests.conftest import PASSPHRASE
from tests.ui import helpers


@pytest.fixture
def wizard(qtbot: QtBot, tasks: TaskRunner) -> FirstRunWizard:
    made = FirstRunWizard(tasks)
    qtbot.addWidget(made)
    made.show()
    helpers.wait_idle(qtbot, tasks)
    return made


def _refused(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    before = wizard.currentId()
    wizard.next()
    qtbot.wait(50)
    assert wizard.currentId() == before


def test_wizard_refuses_an_empty_name(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    _refused(qtbot, wizard)
    page = wizard.holder_page
    assert page.name_message.isVisible()
    assert page.name_message.message == "Type the name of the person the money is for."
    assert "Problem" in page.name.accessibleDescription()


def test_wizard_refuses_a_bad_date_of_birth(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    wizard.holder_page.name.setText("Jane Smith")
    wizard.holder_page.date_of_birth.setText("31/02/1960")
    _refused(qtbot, wizard)
    assert "not a date" in wizard.holder_page.dob_message.message
    wizard.holder_page.date_of_birth.setText("01/01/2999")
    _refused(qtbot, wizard)
    assert "future" in wizard.holder_page.dob_message.message


def test_wizard_wants_the_managers_name(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    from pa_manager.domain.holder import ManagedBy

    helpers.fill_holder(wizard)
    helpers.next_page(qtbot, wizard)
    wizard.manager_page.choices[ManagedBy.FAMILY_CARER].setChecked(True)
    _refused(qtbot, wizard)
    assert "name of the person who looks after" in wizard.manager_page.name_message.message


def test_wizard_checks_every_money_field(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    helpers.fill_holder(wizard)
    helpers.next_page(qtbot, wizard)
    helpers.next_page(qtbot, wizard)
    helpers.fill_council(wizard)
    helpers.next_page(qtbot, wizard)
    page = wizard.funding_page
    page.weekly_dp.setText("four hundred")
    page.contribution.setText("-5")
    page.allowed.setText("lots")
    page.opening_balance.setText("12.345")
    _refused(qtbot, wizard)
    assert "not an amount of money" in page.weekly_message.message
    assert "less than £0.00" in page.contribution_message.message
    assert "not a number of weeks" in page.allowed_message.message
    assert "not an amount of money" in page.opening_message.message
    page.weekly_dp.setText("0")
    page.contribution.setText("0")
    page.allowed.setText("8-4")
    page.opening_balance.setText("0")
    _refused(qtbot, wizard)
    assert "more than £0.00" in page.weekly_message.message
    assert "smaller number first" in page.allowed_message.message


def test_money_is_tidied_when_leaving_the_box(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    edit = wizard.funding_page.weekly_dp
    edit.setText("1234.5")
    edit.editingFinished.emit()
    assert edit.text() == "£1,234.50"
    assert edit.money().pence == 123450


def test_wizard_will_not_overwrite_a_book(
    qtbot: QtBot, wizard: FirstRunWizard, created: books.CreatedBook
) -> None:
    helpers.wizard_to_save_page(qtbot, wizard, created.path.parent)
    wizard.save_page.path.setText(str(created.path))
    _refused(qtbot, wizard)
    assert "already a book" in wizard.save_page.path_message.message
    wizard.save_page.path.setText(str(created.path.parent / "no such folder" / "x.pabook"))
    _refused(qtbot, wizard)
    assert "does not exist" in wizard.save_page.path_message.message


def test_wizard_refuses_weak_or_different_passphrases(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    helpers.wizard_to_save_page(qtbot, wizard, tmp_path)
    helpers.next_page(qtbot, wizard)
    pair = wizard.passphrase_page.pair
    pair.first.setText("short")
    assert "Too short" in pair.strength_label.text()  # the hint is live, before Next
    _refused(qtbot, wizard)
    assert "Too short" in pair.first_message.message
    pair.first.setText(PASSPHRASE)
    assert "Strong" in pair.strength_label.text()
    pair.second.setText(PASSPHRASE + " typo")
    _refused(qtbot, wizard)
    assert "different" in pair.second_message.message
    assert not (tmp_path / "Jane Smith.pabook").exists()


def test_wizard_creates_a_book_saves_the_sheet_and_opens_it(
    qtbot: QtBot,
    controller: AppController,
    tmp_path: Path,
    tasks: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wizard = controller.create_new()
    helpers.wait_idle(qtbot, tasks)
    helpers.wizard_to_recovery_page(qtbot, wizard, tmp_path)
    book_path = tmp_path / "Jane Smith.pabook"
    assert book_path.exists()
    code = wizard.recovery_page.code.text()
    assert code == wizard.created.recovery_code  # type: ignore[union-attr]

    # No finishing until the code is kept safe; Escape does not lose it either.
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()
    assert wizard.isVisible()
    assert "already created" in wizard.recovery_page.status.text()

    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    qtbot.mouseClick(wizard.recovery_page.save_button, Qt.MouseButton.LeftButton)
    helpers.wait_idle(qtbot, tasks)
    assert sheet.read_bytes().startswith(b"%PDF")
    assert str(sheet) in wizard.recovery_page.status.text()

    wizard.recovery_page.kept.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.opened is not None,
        timeout=30_000,
    )
    window = controller.main_window
    assert window is not None
    assert window.windowTitle() == (
        "Jane Smith’s book — acting: Tom Smith (son, acting for Jane) — PA Manager"
    )
    helpers.wait_idle(qtbot, tasks)
    assert window.home_page.balance.text() == "£1,800.00"
    assert window.home_page.weekly_dp.text() == "Weekly direct payment: £450.00"
    assert controller.settings.recent_books() == [book_path.resolve()]

    # The book really is a book: it opens with the passphrase chosen in the wizard.
    book = books.open_book(book_path, passphrase=PASSPHRASE)
    assert book.holder_name == "Jane Smith"
    assert [p.name for p in book.people()] == ["Jane Smith", "Tom Smith"]
    book.close()


def test_print_dialog_cancel_prints_nothing(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    helpers.wizard_to_recovery_page(qtbot, wizard, tmp_path)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    wizard.recovery_page.print_button.click()
    assert wizard.recovery_page.status.text() == ""
    document = wizard.recovery_page.recovery_document()
    assert wizard.created is not None
    assert wizard.created.recovery_code in document.toPlainText()
