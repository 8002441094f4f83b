"""Scenes for the Money dialogs, built the way tests/ui/scenes.py builds the others (the book is
opened on the worker, as the app does) for the accessibility and screenshot checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind, Pot, PotKind
from pa_manager.services import contingency, statements
from pa_manager.services.book import Book
from pa_manager.ui.pages.money.dialogs.import_dialog import ImportDialog
from pa_manager.ui.pages.money.dialogs.pots_dialog import PotsDialog
from pa_manager.ui.pages.money.dialogs.reconcile_dialog import ReconcileDialog
from tests.ui import helpers
from tests.ui.scenes import Stage, _show, open_for_gui

SAMPLES = Path(__file__).resolve().parents[3] / "importers" / "samples"
UNKNOWN = (
    "When,Who,Received,Spent,Left\n"
    "05-Jan-2026,Anytown Council direct payment,900.00,,2700.00\n"
    "12-Jan-2026,PA wages F Ali,,170.00,2530.00\n"
    "13-Jan-2026,Payroll bureau monthly fee,,25.50,2504.50\n"
)


def _book(stage: Stage, prepare: Callable[[Book], object] | None = None) -> Book:
    """The stage's book opened on the worker, with `prepare` run on the worker first."""
    opened = open_for_gui(stage)
    if prepare is not None:
        stage.tasks.run(lambda: prepare(opened.book))
        helpers.wait_idle(stage.qtbot, stage.tasks)
    return opened.book


def _import(book: Book, name: str) -> None:
    statements.apply_import(book, statements.preview_file(book, SAMPLES / name))


def money_import_preview(stage: Stage) -> QWidget:
    book = _book(stage, lambda b: _import(b, "overlap_first.csv"))
    dialog = ImportDialog(book, stage.tasks)
    _show(stage, dialog)
    dialog.set_path(SAMPLES / "overlap_second.csv")
    helpers.wait_idle(stage.qtbot, stage.tasks)
    dialog.set_category(3, Category.PA_WAGES)
    return dialog


def money_import_rejected(stage: Stage) -> QWidget:
    dialog = ImportDialog(_book(stage), stage.tasks)
    _show(stage, dialog)
    dialog.set_path(SAMPLES / "bad_lines.csv")
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return dialog


def money_import_error(stage: Stage) -> QWidget:
    path = stage.folder / "junk.csv"
    path.write_bytes(bytes(range(256)) * 8)
    dialog = ImportDialog(_book(stage), stage.tasks)
    _show(stage, dialog)
    dialog.set_path(path)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return dialog


def money_column_mapping(stage: Stage) -> QWidget:
    path = stage.folder / "unknown.csv"
    path.write_text(UNKNOWN, encoding="utf-8")
    dialog = ImportDialog(_book(stage), stage.tasks)
    _show(stage, dialog)
    dialog.set_path(path)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.waitUntil(lambda: dialog.mapping_dialog is not None)
    mapping = dialog.mapping_dialog
    assert mapping is not None
    mapping.two_columns.setChecked(True)
    mapping.paid_in_column.setCurrentIndex(mapping.paid_in_column.findData("Received"))
    mapping.paid_out_column.setCurrentIndex(mapping.paid_out_column.findData("Spent"))
    stage.shown.append(mapping)
    stage.qtbot.waitExposed(mapping)
    return mapping


def money_column_mapping_problem(stage: Stage) -> QWidget:
    mapping = money_column_mapping(stage)
    assert hasattr(mapping, "date_column")
    mapping.date_column.setCurrentIndex(1)  # type: ignore[attr-defined]
    return mapping


def money_reconcile(stage: Stage) -> QWidget:
    book = _book(stage, lambda b: _import(b, "lloyds.csv"))
    dialog = ReconcileDialog(book, stage.tasks)
    _show(stage, dialog)
    dialog.statement_date.setText("31/01/2026")
    dialog.statement_date.editingFinished.emit()
    helpers.wait_idle(stage.qtbot, stage.tasks)
    dialog.closing.setText("£2,657.40")
    dialog.set_ticked(1, False)
    return dialog


def money_reconcile_ready(stage: Stage) -> QWidget:
    dialog = money_reconcile(stage)
    assert isinstance(dialog, ReconcileDialog)
    dialog.set_ticked(1, True)
    return dialog


def _pots(book: Book) -> None:
    contingency.save_pot(
        book, Pot(PotKind.HOLIDAY_PAY, "Holiday pay owed", Money(124050), "Leave accrued by two PAs.")
    )
    contingency.save_pot(book, Pot(PotKind.INSURANCE, "Employer's liability insurance", Money(18000)))
    contingency.add_commitment(book, Commitment(CommitmentKind.HMRC, "HMRC", Money(31240), date(2026, 7, 22)))


def money_pots(stage: Stage) -> QWidget:
    dialog = PotsDialog(_book(stage, _pots), stage.tasks)
    _show(stage, dialog)
    return dialog


def money_pots_owed(stage: Stage) -> QWidget:
    dialog = money_pots(stage)
    assert isinstance(dialog, PotsDialog)
    dialog.tabs.setCurrentIndex(1)
    return dialog


def money_pots_empty(stage: Stage) -> QWidget:
    dialog = PotsDialog(_book(stage), stage.tasks)
    _show(stage, dialog)
    return dialog


def money_pot_editor(stage: Stage) -> QWidget:
    dialog = money_pots(stage)
    assert isinstance(dialog, PotsDialog)
    dialog.add_pot_button.click()
    editor = dialog.editor
    assert editor is not None
    stage.shown.append(editor)
    stage.qtbot.waitExposed(editor)
    return editor


def money_commitment_editor(stage: Stage) -> QWidget:
    dialog = money_pots_owed(stage)
    assert isinstance(dialog, PotsDialog)
    dialog.add_owed_button.click()
    editor = dialog.editor
    assert editor is not None
    stage.shown.append(editor)
    stage.qtbot.waitExposed(editor)
    return editor


MONEY_DIALOG_SCENES: dict[str, Callable[[Stage], QWidget]] = {
    f.__name__: f
    for f in (
        money_import_preview,
        money_import_rejected,
        money_import_error,
        money_column_mapping,
        money_column_mapping_problem,
        money_reconcile,
        money_reconcile_ready,
        money_pots,
        money_pots_owed,
        money_pots_empty,
        money_pot_editor,
        money_commitment_editor,
    )
}
