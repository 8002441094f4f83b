"""Pieces of the Receipts page: its tables' common set-up, and the document list's filters."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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
