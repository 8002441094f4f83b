"""The import dialog's preview: a table with one row per statement line, and the words summing it up.

The Status column says in words whether a line is new or already in the book, not only by colour.
Only new lines' categories can be changed (F2, or the category list under the table); each row's
Category cell keeps the chosen `Category` as its UserRole data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from pa_manager.domain.categories import Category
from pa_manager.services.statements import ImportPreview
from pa_manager.ui.pages.money.dialogs.category_delegate import CategoryDelegate
from pa_manager.ui.pages.money.dialogs.simple_table import SimpleTable, money_item, text_item
from pa_manager.ui.widgets.date_edit import format_date

NEW, DUPLICATE = "New", "Already in the book"
DATE, DESCRIPTION, AMOUNT, CATEGORY, STATUS = range(5)
_SHOWN_REJECTS = 8


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def counts_text(preview: ImportPreview) -> str:
    """How many lines are new, already in the book and unreadable, and which account they are for."""
    new, dupes, rejected = len(preview.new), len(preview.duplicates), len(preview.rejected)
    parts = [f"{new} new", f"{dupes} already in the book"]
    if rejected:
        parts.append(plural(rejected, "line could not be read", "lines could not be read"))
    return ", ".join(parts) + f" (account: {preview.account_name})."


def rejected_text(preview: ImportPreview) -> str:
    """The lines that could not be read (the first few, then how many more), or "" if none."""
    rejected = len(preview.rejected)
    if not rejected:
        return ""
    shown = preview.rejected[:_SHOWN_REJECTS]
    more = rejected - len(shown)
    text = "Not imported, because they could not be read:\n" + "\n".join(f"• {p}" for p in shown)
    if more:
        text += f"\n• …and {plural(more, 'more line', 'more lines')}."
    return text


def closing_text(preview: ImportPreview) -> str:
    """What the statement says the balance at the end is, if it says."""
    closing = preview.statement.closing_balance
    return (
        f"The statement says the balance at the end is {closing.format()}."
        if closing is not None
        else "The statement does not say what the balance at the end is."
    )


class PreviewTable(SimpleTable):
    """Date, description, amount, category and status of each line of an `ImportPreview`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [("Date", 13), ("Description", 30), ("Amount", 12), ("Category", 24), ("Status", 18)],
            "Statement lines",
            parent,
        )
        self.setAccessibleDescription(
            "One row per statement line. To change a new line's category, select it and use "
            "the category list under the table, or press F2."
        )
        self.set_visible_lines(5)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setItemDelegateForColumn(CATEGORY, CategoryDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def show_lines(self, preview: ImportPreview) -> None:
        """Replace the rows with the preview's lines; only new lines' categories can be edited."""
        self.setRowCount(0)
        self.setRowCount(len(preview.lines))
        editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        for row, line in enumerate(preview.lines):
            self.setItem(row, DATE, text_item(format_date(line.line.day)))
            self.setItem(row, DESCRIPTION, text_item(line.line.description, tooltip=True))
            self.setItem(row, AMOUNT, money_item(line.line.amount))
            category = text_item(line.category.label if not line.duplicate else "—")
            category.setData(Qt.ItemDataRole.UserRole, line.category)
            if not line.duplicate:
                category.setFlags(editable)
            self.setItem(row, CATEGORY, category)
            self.setItem(row, STATUS, text_item(DUPLICATE if line.duplicate else NEW))

    def selected_new_rows(self) -> list[int]:
        """The selected rows that are new lines, top first."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [r for r in rows if self.item(r, STATUS).text() == NEW]

    def category_of(self, row: int) -> Category:
        """The category `row` will be added with."""
        category: Category = self.item(row, CATEGORY).data(Qt.ItemDataRole.UserRole)
        return category

    def set_category(self, row: int, category: Category) -> None:
        """Change the category a new line will be added with."""
        item = self.item(row, CATEGORY)
        item.setData(Qt.ItemDataRole.UserRole, category)
        item.setText(category.label)

    def chosen_categories(self) -> dict[int, Category]:
        """The category of every new line, keyed by its index in the preview."""
        out: dict[int, Category] = {}
        for row in range(self.rowCount()):
            if self.item(row, STATUS).text() == NEW:
                out[row] = self.item(row, CATEGORY).data(Qt.ItemDataRole.UserRole)
        return out
