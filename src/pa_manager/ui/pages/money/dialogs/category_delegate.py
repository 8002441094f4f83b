"""The category cell of the import preview: a drop-down list of categories while editing.

Double-click the cell, or press F2 on it, to change a line's category; the choice is stored in
the item as the Category (UserRole) and shown by its label.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pa_manager.domain.categories import Category

_Index = QModelIndex | QPersistentModelIndex


def category_combo(parent: QWidget | None = None) -> QComboBox:
    """A combo listing every category by its plain label, holding the Category as item data."""
    combo = QComboBox(parent)
    for category in Category:
        combo.addItem(category.label, category)
    return combo


class CategoryDelegate(QStyledItemDelegate):
    """Edits a category cell with a combo; the view decides which cells are editable."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = category_combo(parent)
        description = index.siblingAtColumn(1).data() or ""
        combo.setAccessibleName(f"Category for {description}")
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.UserRole))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            category = editor.currentData()
            model.setData(index, category, Qt.ItemDataRole.UserRole)
            model.setData(index, category.label, Qt.ItemDataRole.DisplayRole)
