"""The unlock dialog: wrong secrets keep it open with the message beside the field; the recovery
code forces a new passphrase; the remembered key and adding a person work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.domain.holder import PersonRole
from pa_manager.services import book as books
from pa_manager.ui.controller import AppController
from pa_manager.ui.dialogs.unlock_dialog import UnlockDialog
from pa_manager.ui.tasks import TaskRunner
from tests.conftest import PASSPHRASE
from tests.ui import helpers

NEW_PASSPHRASE = "orange bicycle under the bridge"


def _dialog(qtbot: QtBot, tasks: TaskRunner, path: Path, **kwargs: bool) -> UnlockDialog:
    dialog = UnlockDialog(path, tasks, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    helpers.wait_idle(qtbot, tasks)
    return dialog


def test_wrong_passphrase_shows_the_message_and_keeps_the_dialog(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path)
    helpers.unlock_with_passphrase(qtbot, dialog, "this is not the passphrase")
    step = dialog.unlock_step
    assert dialog.isVisible()
    assert dialog.current_step() is step
    assert step.passphrase_message.isVisible()
    assert step.passphrase_message.message.startswith("That passphrase does not open this book.")
    qtbot.waitUntil(step.passphrase.hasFocus)
    assert step.passphrase.selectedText() == "this is not the passphrase"
    assert dialog.opened is None
    # ...and the right one still works afterwards.
    helpers.unlock_with_passphrase(qtbot, dialog, PASSPHRASE)
    helpers.choose_first_person(qtbot, dialog)
    assert dialog.opened is not None
    tasks.run(dialog.opened.book.close)


def test_empty_passphrase_is_caught_before_trying(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path)
    dialog.primary.click()
    assert dialog.unlock_step.passphrase_message.message == "Type the passphrase for this book."
    assert tasks.is_idle()


def test_typing_enter_in_the_passphrase_box_opens_the_book(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path)
    qtbot.keyClicks(dialog.unlock_step.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.unlock_step.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.current_step() is dialog.acting_step, timeout=30_000)
    qtbot.keyClick(dialog.acting_step.people, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.acting_step.people, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=30_000)
    assert dialog.opened is not None
    assert "acting: Tom Smith (son, acting for Jane)" in dialog.opened.title
    tasks.run(dialog.opened.book.close)


def test_recovery_code_forces_a_new_passphrase(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path)
    step = dialog.unlock_step
    step.recovery_choice.setChecked(True)
    assert not step.passphrase.isVisible()
    assert step.recovery_code.isVisible()
    step.recovery_code.setText(created.recovery_code.lower().replace("-", " "))
    dialog.primary.click()
    qtbot.waitUntil(lambda: dialog.current_step() is dialog.new_passphrase_step, timeout=30_000)
    assert dialog.primary.text() == "&Save new passphrase"

    pair = dialog.new_passphrase_step.pair
    pair.first.setText("weak")
    dialog.primary.click()
    assert dialog.current_step() is dialog.new_passphrase_step  # refused: too short
    assert "Too short" in pair.first_message.message

    pair.first.setText(NEW_PASSPHRASE)
    pair.second.setText(NEW_PASSPHRASE)
    dialog.primary.click()
    qtbot.waitUntil(lambda: dialog.current_step() is dialog.acting_step, timeout=30_000)
    helpers.choose_first_person(qtbot, dialog)
    assert dialog.opened is not None
    tasks.run(dialog.opened.book.close)
    helpers.wait_idle(qtbot, tasks)

    reopened = books.open_book(created.path, passphrase=NEW_PASSPHRASE)
    reopened.close()


def test_a_mistyped_recovery_code_names_the_problem(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path)
    dialog.unlock_step.recovery_choice.setChecked(True)
    dialog.unlock_step.recovery_code.setText("ABCDE-" + created.recovery_code[6:])
    dialog.primary.click()
    helpers.wait_idle(qtbot, tasks)
    assert dialog.current_step() is dialog.unlock_step
    assert "group 1" in dialog.unlock_step.recovery_message.message.lower()


def test_remembered_key_opens_without_a_passphrase(
    qtbot: QtBot, tasks: TaskRunner, remembered: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, remembered.path)
    step = dialog.unlock_step
    assert step.remembered_choice.isVisible()
    assert step.remembered_choice.isChecked()
    # A visit never uses this computer's keyring, so ticking visit mode withdraws the option.
    step.visit_box.setChecked(True)
    assert not step.remembered_choice.isVisible()
    step.visit_box.setChecked(False)
    assert step.remembered_choice.isChecked()
    dialog.primary.click()
    qtbot.waitUntil(lambda: dialog.current_step() is dialog.acting_step, timeout=30_000)
    helpers.choose_first_person(qtbot, dialog)
    assert dialog.opened is not None
    tasks.run(dialog.opened.book.close)


def test_someone_new_can_be_added_and_act(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path, visit_mode=True)
    helpers.unlock_with_passphrase(qtbot, dialog, visit=True)
    acting = dialog.acting_step
    acting.new_choice.setChecked(True)
    dialog.primary.click()
    assert "Type the name" in acting.name_message.message
    acting.name.setText("Sam Lee")
    acting.role.setCurrentIndex(acting.role.findData(PersonRole.SUPPORT_WORKER))
    acting.relationship.setText("Age UK")
    dialog.primary.click()
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=30_000)
    opened = dialog.opened
    assert opened is not None
    assert opened.visit_mode
    assert opened.title == "Jane Smith’s book — acting: Sam Lee (Age UK), visit mode — PA Manager"
    names: list[list[str]] = []
    tasks.run(lambda: [p.name for p in opened.book.people()], names.append)
    tasks.run(opened.book.close)
    helpers.wait_idle(qtbot, tasks)
    assert names == [["Jane Smith", "Tom Smith", "Sam Lee"]]


def test_cancelling_after_unlocking_closes_the_book(
    qtbot: QtBot, tasks: TaskRunner, created: books.CreatedBook
) -> None:
    dialog = _dialog(qtbot, tasks, created.path)
    helpers.unlock_with_passphrase(qtbot, dialog)
    book = dialog._book
    assert book is not None
    dialog.reject()
    helpers.wait_idle(qtbot, tasks)
    assert dialog.opened is None
    try:
        book.key  # noqa: B018 - the property raises once the book is closed
    except books.BookError as err:
        assert "locked" in str(err)
    else:
        raise AssertionError("the book should be closed")


def test_a_missing_book_says_so(qtbot: QtBot, tasks: TaskRunner, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tasks, tmp_path / "gone.pabook")
    assert "There is no book at" in dialog.unlock_step.passphrase_message.message
    assert not dialog.primary.isEnabled()


def test_controller_shows_the_start_window_when_unlock_is_cancelled(
    qtbot: QtBot, controller: AppController, created: books.CreatedBook, tasks: TaskRunner
) -> None:
    dialog = controller.open_path(created.path)
    helpers.wait_idle(qtbot, tasks)
    dialog.reject()
    assert controller.start_window is not None
    assert controller.start_window.isVisible()
    assert QApplication.activeModalWidget() is None
