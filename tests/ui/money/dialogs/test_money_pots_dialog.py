"""Contingency pots and money owed: add, edit and delete round trips, totals and empty states."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import CommitmentKind, PotKind
from pa_manager.services import contingency
from pa_manager.services.book import Book
from pa_manager.ui.pages.money.dialogs.commitment_editor import CommitmentEditor
from pa_manager.ui.pages.money.dialogs.pot_editor import PotEditor
from pa_manager.ui.pages.money.dialogs.pots_dialog import NO_COMMITMENTS, NO_POTS, PotsDialog
from pa_manager.ui.tasks import TaskRunner

from .money_dialog_helpers import settle, show


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def test_pots_add_edit_delete_round_trip(qtbot: QtBot, tasks: TaskRunner, book: Book, say_yes: None) -> None:
    dialog = PotsDialog(book, tasks)
    show(qtbot, tasks, dialog)
    assert dialog.pots_empty.isVisible() and dialog.pots_empty.text() == NO_POTS
    assert not dialog.pots_table.isVisible()
    changes: list[str] = []
    dialog.book_changed.connect(changes.append)

    dialog.add_pot_button.click()
    editor = dialog.editor
    assert isinstance(editor, PotEditor)
    assert editor.name.text() == "Holiday pay owed"
    editor.target.setText("nine hundred")
    editor.save_button.click()
    assert editor.isVisible() and editor.target_message.message, "a bad amount is refused beside the field"
    editor.target.setText("£1,240.50")
    editor.reason.setPlainText("Leave accrued by two PAs and not yet taken.")
    editor.save_button.click()
    settle(qtbot, tasks)
    assert changes == ["Added the pot “Holiday pay owed”."]
    assert [(p.kind, p.name, p.target) for p in contingency.pots(book)] == [
        (PotKind.HOLIDAY_PAY, "Holiday pay owed", Money(124050))
    ]
    assert dialog.pots_table.rowCount() == 1 and dialog.pots_table.isVisible()
    assert dialog.pots_table.item(0, 2).text() == "£1,240.50"
    assert dialog.pots_total.text() == "Set aside in pots: £1,240.50"

    dialog.pots_table.selectRow(0)
    dialog.edit_pot_button.click()
    editor = dialog.editor
    assert isinstance(editor, PotEditor)
    editor.kind.setCurrentIndex(editor.kind.findData(PotKind.OTHER))
    assert editor.name.text() == "Other", "the name follows the kind until typed over"
    editor.name.setText("Boiler for the hoist room")
    editor.reason.setPlainText("")
    editor.save_button.click()
    assert editor.reason_message.message, "an Other pot needs a reason"
    editor.reason.setPlainText("The council agreed we pay half.")
    editor.save_button.click()
    settle(qtbot, tasks)
    pots = contingency.pots(book)
    assert [(p.kind, p.name) for p in pots] == [(PotKind.OTHER, "Boiler for the hoist room")]

    dialog.pots_table.selectRow(0)
    dialog.delete_pot_button.click()
    settle(qtbot, tasks)
    assert contingency.pots(book) == []
    assert dialog.pots_empty.isVisible()


def test_commitments_add_and_delete_round_trip(
    qtbot: QtBot, tasks: TaskRunner, book: Book, say_yes: None
) -> None:
    dialog = PotsDialog(book, tasks)
    show(qtbot, tasks, dialog)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.owed_empty.isVisible() and dialog.owed_empty.text() == NO_COMMITMENTS
    dialog.add_owed_button.click()
    editor = dialog.editor
    assert isinstance(editor, CommitmentEditor)
    editor.kind.setCurrentIndex(editor.kind.findData(CommitmentKind.HMRC))
    editor.payee.setText("HMRC")
    editor.amount.setText("312.40")
    editor.due.setText("22/07/2026")
    editor.save_button.click()
    settle(qtbot, tasks)
    owed = contingency.commitments(book)
    assert [(c.kind, c.payee, c.amount, c.due) for c in owed] == [
        (CommitmentKind.HMRC, "HMRC", Money(31240), date(2026, 7, 22))
    ]
    assert dialog.owed_table.item(0, 2).text() == "£312.40"
    assert dialog.owed_table.item(0, 3).text() == "22/07/2026"
    assert dialog.owed_total.text() == "Owed and not yet paid: £312.40"

    dialog.owed_table.selectRow(0)
    dialog.delete_owed_button.click()
    settle(qtbot, tasks)
    assert contingency.commitments(book) == []
    assert dialog.owed_empty.isVisible()


def test_nothing_is_deleted_without_a_yes(
    qtbot: QtBot, tasks: TaskRunner, book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pa_manager.domain.money_rules.pots import Pot

    contingency.save_pot(book, Pot(PotKind.HMRC_DUE, "HMRC due", Money(50000)))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    dialog = PotsDialog(book, tasks)
    show(qtbot, tasks, dialog)
    dialog.pots_table.selectRow(0)
    dialog.delete_pot_button.click()
    settle(qtbot, tasks)
    assert len(contingency.pots(book)) == 1
