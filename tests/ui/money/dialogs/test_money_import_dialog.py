"""The statement import dialog: preview, add, re-import adds nothing, columns for unknown
layouts remembered per account, and bad files refused with one line and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.domain.categories import Category
from pa_manager.services import statements
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.ui.pages.money.dialogs.column_mapping_dialog import ColumnMappingDialog
from pa_manager.ui.pages.money.dialogs.import_dialog import (
    AMOUNT,
    CATEGORY,
    DUPLICATE,
    NEW,
    STATUS,
    ImportDialog,
)
from pa_manager.ui.tasks import TaskRunner

from .money_dialog_helpers import lines, settle, show

SAMPLES = Path(__file__).resolve().parents[3] / "importers" / "samples"


def open_dialog(qtbot: QtBot, tasks: TaskRunner, book: Book, path: Path | None = None) -> ImportDialog:
    dialog = ImportDialog(book, tasks)
    show(qtbot, tasks, dialog)
    if path is not None:
        dialog.set_path(path)
        settle(qtbot, tasks)
    return dialog


def column_texts(dialog: ImportDialog, column: int) -> list[str]:
    return [dialog.table.item(r, column).text() for r in range(dialog.table.rowCount())]


def test_import_adds_the_lines_and_reimport_adds_nothing(qtbot: QtBot, tasks: TaskRunner, book: Book) -> None:
    dialog = open_dialog(qtbot, tasks, book, SAMPLES / "lloyds.csv")
    assert dialog.counts.text().startswith("4 new, 0 already in the book")
    assert column_texts(dialog, STATUS) == [NEW] * 4
    assert column_texts(dialog, AMOUNT) == ["£1,200.00", "-£150.00", "-£150.00", "-£42.60"]
    assert "£1,107.40" in dialog.closing.text()
    assert dialog.add_button.text() == "Add 4 lines" and dialog.add_button.isEnabled()
    dialog.table.selectRow(3)
    dialog.category.setCurrentIndex(dialog.category.findData(Category.HMRC))
    dialog.category.activated.emit(dialog.category.currentIndex())
    assert dialog.table.item(3, CATEGORY).text() == Category.HMRC.label
    changes: list[str] = []
    dialog.book_changed.connect(changes.append)
    dialog.add_button.click()
    settle(qtbot, tasks)
    assert changes == ["Added 4 lines to Bank account."]
    added = lines(book)
    assert [(d, pence) for d, _p, pence, _c, _s in added] == [
        ("2026-01-02", 120000),
        ("2026-01-09", -15000),
        ("2026-01-09", -15000),
        ("2026-01-15", -4260),
    ]
    assert added[3][3] is Category.HMRC

    again = open_dialog(qtbot, tasks, book, SAMPLES / "lloyds.csv")
    assert column_texts(again, STATUS) == [DUPLICATE] * 4
    assert again.counts.text().startswith("0 new, 4 already in the book")
    assert not again.add_button.isEnabled()
    assert again.add_button.text() == "Nothing new to add"
    assert len(lines(book)) == 4


def test_cancel_writes_nothing(qtbot: QtBot, tasks: TaskRunner, book: Book) -> None:
    dialog = open_dialog(qtbot, tasks, book, SAMPLES / "starling.csv")
    assert dialog.add_button.isEnabled()
    dialog.reject()
    settle(qtbot, tasks)
    assert lines(book) == []


def test_rejected_lines_are_listed_in_words(qtbot: QtBot, tasks: TaskRunner, book: Book) -> None:
    dialog = open_dialog(qtbot, tasks, book, SAMPLES / "bad_lines.csv")
    assert dialog.counts.text().startswith("2 new, 0 already in the book, 4 lines could not be read")
    assert "“31/02/2026” is not a real date" in dialog.rejected_lines.text()
    assert dialog.rejected_lines.isVisible()


UNKNOWN = (
    "When,Who,Received,Spent,Left\n"
    "05-Jan-2026,Anytown Council DP,900.00,,2700.00\n"
    "12-Jan-2026,PA wages F Ali,,170.00,2530.00\n"
    "13-Jan-2026,Payroll bureau,,25.50,2504.50\n"
)
UNKNOWN_NEXT = "When,Who,Received,Spent,Left\n02-Feb-2026,Anytown Council DP,900.00,,3404.50\n"


def map_unknown(mapping: ColumnMappingDialog) -> None:
    mapping.two_columns.setChecked(True)
    for combo, header in (
        (mapping.date_column, "When"),
        (mapping.description_column, "Who"),
        (mapping.paid_in_column, "Received"),
        (mapping.paid_out_column, "Spent"),
        (mapping.balance_column, "Left"),
    ):
        combo.setCurrentIndex(combo.findData(header))
    mapping.date_format.setCurrentIndex(mapping.date_format.findData("%d-%b-%Y"))


def test_unknown_layout_goes_through_the_mapping_dialog_and_is_remembered(
    qtbot: QtBot, tasks: TaskRunner, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "january.csv"
    path.write_text(UNKNOWN, encoding="utf-8")
    with pytest.raises(BookError):
        statements.preview_file(book, path)
    dialog = open_dialog(qtbot, tasks, book, path)
    mapping = dialog.mapping_dialog
    assert mapping is not None and mapping.isVisible(), "the mapping dialog opens by itself"
    map_unknown(mapping)
    assert mapping.problem_text == ""
    assert mapping.preview.rowCount() == 3
    assert [mapping.preview.item(r, 2).text() for r in range(3)] == ["£900.00", "-£170.00", "-£25.50"]
    mapping.use_button.click()
    settle(qtbot, tasks)
    assert column_texts(dialog, AMOUNT) == ["£900.00", "-£170.00", "-£25.50"]
    assert "£2,504.50" in dialog.closing.text()
    dialog.add_button.click()
    settle(qtbot, tasks)
    assert [(d, p, pence) for d, p, pence, _c, _s in lines(book)] == [
        ("2026-01-05", "Anytown Council DP", 90000),
        ("2026-01-12", "PA wages F Ali", -17000),
        ("2026-01-13", "Payroll bureau", -2550),
    ]
    remembered = statements.remembered_mapping(book, 1)
    assert remembered.columns == "date=When,description=Who,paid_in=Received,paid_out=Spent,balance=Left"
    assert remembered.date_format == "%d-%b-%Y"

    second = tmp_path / "february.csv"
    second.write_text(UNKNOWN_NEXT, encoding="utf-8")
    next_month = open_dialog(qtbot, tasks, book, second)
    assert next_month.mapping_dialog is None, "no questions the second time"
    assert column_texts(next_month, STATUS) == [NEW]
    assert column_texts(next_month, AMOUNT) == ["£900.00"]


def test_one_amount_column_with_money_out_positive(
    qtbot: QtBot, tasks: TaskRunner, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "card.csv"
    path.write_text("Day,Merchant,Value\n2026-02-03,Top-up,-300.00\n2026-02-04,Chemist,12.99\n", "utf-8")
    dialog = open_dialog(qtbot, tasks, book)
    dialog.set_path(path)
    settle(qtbot, tasks)
    if dialog.mapping_dialog is None:  # recognised by name: ask for the columns anyway
        dialog.columns_button.click()
    mapping = dialog.mapping_dialog
    assert mapping is not None
    mapping.one_column.setChecked(True)
    mapping.date_column.setCurrentIndex(mapping.date_column.findData("Day"))
    mapping.description_column.setCurrentIndex(mapping.description_column.findData("Merchant"))
    mapping.amount_column.setCurrentIndex(mapping.amount_column.findData("Value"))
    mapping.negate.setChecked(True)
    assert [mapping.preview.item(r, 2).text() for r in range(2)] == ["£300.00", "-£12.99"]
    assert mapping.mapping().columns == "date=Day,description=Merchant,amount=Value,negate=yes"
    mapping.accept()
    settle(qtbot, tasks)
    assert column_texts(dialog, AMOUNT) == ["£300.00", "-£12.99"]


def test_mapping_dialog_says_what_is_wrong(
    qtbot: QtBot, tasks: TaskRunner, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "january.csv"
    path.write_text(UNKNOWN, encoding="utf-8")
    dialog = open_dialog(qtbot, tasks, book, path)
    mapping = dialog.mapping_dialog
    assert mapping is not None
    map_unknown(mapping)
    mapping.date_column.setCurrentIndex(mapping.date_column.findData("Who"))
    mapping.description_column.setCurrentIndex(mapping.description_column.findData("When"))
    assert mapping.problem_text
    assert not mapping.use_button.isEnabled()
    mapping.reject()
    settle(qtbot, tasks)
    assert dialog.file_message.message and not dialog.add_button.isEnabled()
    assert lines(book) == []


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _junk(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _huge(path: Path) -> None:
    with path.open("wb") as f:
        f.truncate(50_000_001)


@pytest.mark.parametrize("make", [_empty, _junk, _huge], ids=["empty", "binary junk", "50 MB"])
def test_bad_files_show_one_line_and_add_nothing(
    qtbot: QtBot, tasks: TaskRunner, book: Book, tmp_path: Path, make: object
) -> None:
    path = tmp_path / "statement.csv"
    make(path)  # type: ignore[operator]
    dialog = open_dialog(qtbot, tasks, book, path)
    message = dialog.file_message.message
    assert message and "\n" not in message
    assert dialog.file_message.isVisible()
    assert dialog.mapping_dialog is None
    assert not dialog.add_button.isEnabled()
    assert dialog.table.rowCount() == 0
    dialog.add_lines()
    settle(qtbot, tasks)
    assert lines(book) == []
