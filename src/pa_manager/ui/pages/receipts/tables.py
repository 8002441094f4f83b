"""Pieces of the Receipts page and its dialogs: the tables' common set-up (with the note shown
instead of an empty table), the document list's filters, and a search box over a list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QStackedWidget,
    QTableView,
    QWidget,
)

from pa_manager.services import documents
from pa_manager.services.documents import DocumentInfo


def make_table(model: object, name: str, description: str) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setAccessibleName(name)
    table.setAccessibleDescription(description)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setHighlightSections(False)
    table.setMinimumHeight(table.fontMetrics().lineSpacing() * 10)
    return table


def table_or_note(table: QWidget, text: str) -> tuple[QStackedWidget, QLabel]:
    """`table` and, on the stack's second page, the note that says what to do when it is empty."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(note)
    return stack, note


def search_box(name: str) -> tuple[QLabel, QLineEdit]:
    """A search field (spoken as `name`) and its "Search" label."""
    field = QLineEdit()
    label = QLabel("&Search")
    label.setBuddy(field)
    field.setAccessibleName(name)
    return label, field


def hide_unmatched(items: QListWidget, text: str) -> None:
    """Hide the list's items whose text does not contain `text` (any case); none when it is blank."""
    needle = text.strip().casefold()
    for row in range(items.count()):
        item = items.item(row)
        item.setHidden(bool(needle) and needle not in item.text().casefold())


def shown(d: DocumentInfo, show: int) -> bool:
    if show == 1:
        return d.kind in (documents.DocumentKind.RECEIPT.value, documents.DocumentKind.INVOICE.value)
    if show == 2:
        return d.pa_id is not None
    if show == 3:
        return d.holder
    if show == 4:
        return not d.txn_count and d.pa_id is None and not d.holder
    return True


def words(d: DocumentInfo) -> str:
    return f"{d.title}\n{d.name}\n{documents.kind_label(d.kind)}\n{d.linked_to}".casefold()
