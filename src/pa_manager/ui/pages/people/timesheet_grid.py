"""The week grid: a table of shifts that works from the keyboard alone.

- Arrow keys move between cells; typing in a cell starts changing it (Enter or F2 too).
- Tab, while changing a cell, keeps what was typed and moves on to the next cell; Enter keeps it and
  moves to the next cell without opening it. Esc puts the cell back as it was.
- Insert or Ctrl+N adds a shift row after the current one; Delete removes the current row.
- Tab, when no cell is being changed, leaves the grid (so the keyboard is never trapped in it).
The Day and Type columns open a list; typing the first letters picks from it ("sl" for Sleep-in).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from pa_manager.domain.people import long_date
from pa_manager.ui.pages.people.shift_model import (
    DAY,
    HEADERS,
    KIND,
    KINDS,
    NOTE,
    ShiftTableModel,
    short_day,
)

Index = QModelIndex | QPersistentModelIndex


class ShiftDelegate(QStyledItemDelegate):
    """Lists for Day and Type of shift; a plain text box for the times and minutes."""

    def __init__(self, model: ShiftTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        row = index.row() + 1
        header = HEADERS[index.column()]
        if index.column() == DAY:
            combo = QComboBox(parent)
            for day in self._model.days():
                combo.addItem(short_day(day), day)
            combo.setAccessibleName(f"Shift {row}: day")
            return combo
        if index.column() == KIND:
            combo = QComboBox(parent)
            for kind in KINDS:
                combo.addItem(kind.label, kind)
            combo.setAccessibleName(f"Shift {row}: type of shift")
            return combo
        edit = QLineEdit(parent)
        edit.setMaxLength(10)
        edit.setAccessibleName(f"Shift {row}: {header.lower()}")
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ShiftGrid(QTableView):
    """The grid; `rows_changed` after a row is added or removed (the dialog updates its buttons)."""

    rows_changed = Signal()

    def __init__(self, model: ShiftTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setItemDelegate(ShiftDelegate(model, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Tab leaves the grid when no cell is open: a keyboard user is never trapped in it.
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setAccessibleName("Column headings")
        self.verticalHeader().setAccessibleName("Shift numbers")
        self.setAccessibleName("Shifts")
        self.setAccessibleDescription(
            "A table of shifts. Arrow keys move between cells; type to change a cell; Insert adds a "
            "shift; Delete removes the current one."
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        rows = max(self._model.rowCount(), 5) + 1
        line = self.verticalHeader().defaultSectionSize()
        return QSize(hint.width(), line * (rows + 1) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        line = self.verticalHeader().defaultSectionSize()
        return QSize(super().minimumSizeHint().width(), line * 5)

    # -- rows ------------------------------------------------------------------------------
    def add_row(self) -> None:
        """Add a shift after the current row and open its Start cell."""
        if self._model.read_only:
            return
        row = self._model.insert_row(self.currentIndex().row() if self.currentIndex().isValid() else -1)
        index = self._model.index(row, 1)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus()
        self.rows_changed.emit()
        self.updateGeometry()

    def remove_current_row(self) -> None:
        index = self.currentIndex()
        if self._model.read_only or not index.isValid():
            return
        self._model.remove_row(index.row())
        if self._model.rowCount():
            row = min(index.row(), self._model.rowCount() - 1)
            self.setCurrentIndex(self._model.index(row, index.column()))
        self.rows_changed.emit()
        self.updateGeometry()

    def commit_open_cell(self) -> None:
        """Keep what is typed in a cell still open (Alt+S presses Save without leaving the cell)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def describe_current(self) -> str:
        index = self.currentIndex()
        if not index.isValid():
            return ""
        day: date = self._model.rows[index.row()].day
        return f"Shift {index.row() + 1}, {long_date(day, weekday=True)}"

    # -- keys ------------------------------------------------------------------------------
    def _is_row_key(self, event: QKeyEvent) -> bool:
        editing = self.state() == QAbstractItemView.State.EditingState
        if editing:
            return False
        return (
            event.key() in (Qt.Key.Key_Insert, Qt.Key.Key_Delete)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ) or event.matches(QKeySequence.StandardKey.New)

    def event(self, event: QEvent) -> bool:
        # Claim Insert, Delete and Ctrl+N before any window shortcut does (Ctrl+N is "new book").
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_row_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if self._is_row_key(event):
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current_row()
            else:
                self.add_row()
            return
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                return
        super().keyPressEvent(event)

    def moveCursor(
        self,
        cursorAction: QAbstractItemView.CursorAction,  # noqa: N803 (Qt's own name)
        modifiers: Qt.KeyboardModifier,
    ) -> QModelIndex:
        """Tab in an open cell goes to the next cell that can be typed in (Shift+Tab: the one
        before); past the last one it stops on the row's Note, so the keyboard is never stuck."""
        forward = cursorAction == QAbstractItemView.CursorAction.MoveNext
        if not forward and cursorAction != QAbstractItemView.CursorAction.MovePrevious:
            return super().moveCursor(cursorAction, modifiers)
        current = self.currentIndex()
        if not current.isValid():
            return super().moveCursor(cursorAction, modifiers)
        columns = self._model.columnCount()
        position = current.row() * columns + current.column()
        step = 1 if forward else -1
        position += step
        while 0 <= position < self._model.rowCount() * columns:
            candidate = self._model.index(position // columns, position % columns)
            if candidate.flags() & Qt.ItemFlag.ItemIsEditable:
                return candidate
            position += step
        return self._model.index(current.row(), NOTE)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter keeps what was typed and moves to the next cell (Tab also opens it)."""
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move_next()

    def _move_next(self) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        row, column = index.row(), index.column() + 1
        while row < self._model.rowCount():
            while column < NOTE:
                candidate = self._model.index(row, column)
                if candidate.flags() & Qt.ItemFlag.ItemIsEditable:
                    self.setCurrentIndex(candidate)
                    return
                column += 1
            row, column = row + 1, 0
        # Past the last cell: stay on the last row's Note so Insert adds the next shift.
        self.setCurrentIndex(self._model.index(index.row(), NOTE))
