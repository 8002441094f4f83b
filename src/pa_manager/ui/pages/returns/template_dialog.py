"""Copy and edit a council template: its name and title, the balance question, the allowed band,
and the council's heading for each of the app's categories (categories with the same heading make
one line on the form; a blank heading puts the category on the "anything else" line)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import AllowedBand
from pa_manager.domain.returns.template import ReturnTemplate, TemplateLine
from pa_manager.services import returns_templates
from pa_manager.services.book import Book
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.widgets.scrolling import scrolling


class TemplateDialog(QDialog):
    """`saved(key)` once the copy (or the edited own template) is in the book."""

    saved = Signal(str)

    def __init__(
        self, tasks: TaskRunner, book: Book, template: ReturnTemplate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book, self.template = tasks, book, template
        self.copying = template.builtin
        self.setWindowTitle("Copy and edit a template" if self.copying else "Edit your template")
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            f"Making your own copy of “{template.name}”. Type the headings your council uses."
            if self.copying
            else f"Editing “{template.name}”."
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(f"{template.name} (my copy)" if self.copying else template.name)
        self.title_edit = QLineEdit(template.title)
        band = template.allowed
        self.band = QLineEdit(
            "" if band is None else f"{band.min_weeks.normalize():f}-{band.max_weeks.normalize():f}"
        )
        self.band.setPlaceholderText("as in the funding agreement")
        self.question = QPlainTextEdit(template.balance_question)
        self.question.setTabChangesFocus(True)
        self.declaration = QPlainTextEdit(template.declaration)
        self.declaration.setTabChangesFocus(True)
        form = QFormLayout()
        # Each box under its label: the labels are long, and at large text sizes boxes beside
        # them would be too narrow to read.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("&Name", self.name)
        form.addRow("&Title on the form", self.title_edit)
        form.addRow("Allowed &balance in weeks (e.g. 6-8)", self.band)
        form.addRow("&Question about the balance", self.question)
        form.addRow("&Declaration", self.declaration)
        self.lines = QTableWidget(0, 2)
        self.lines.setAccessibleName("Council heading for each category")
        self.lines.setHorizontalHeaderLabels(["Category in PA Manager", "Council's heading"])
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Arrow keys move between cells; Tab leaves the table, so Save is reachable by keyboard.
        self.lines.setTabKeyNavigation(False)
        self._fill_lines()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problem with the template")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(intro)
        column.addLayout(form)
        heading = QLabel("Council's &headings (categories with the same heading are added together)")
        heading.setWordWrap(True)
        heading.setBuddy(self.lines)
        column.addWidget(heading)
        column.addWidget(self.lines)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(body), 1)
        outer.addWidget(self.message)
        outer.addWidget(buttons)
        fit_to_text(self, 80, 40)

    def _fill_lines(self) -> None:
        heading: dict[tuple[bool, Category], str] = {}
        for incoming, lines in ((True, self.template.money_in), (False, self.template.money_out)):
            for line in lines:
                for c in line.categories:
                    heading[(incoming, c)] = line.label
        rows = [(True, c) for c in Category if c.is_income] + [
            (False, c) for c in Category if not c.is_income
        ]
        self._rows = rows
        self.lines.setRowCount(len(rows))
        for i, (incoming, c) in enumerate(rows):
            item = QTableWidgetItem(f"{'In' if incoming else 'Out'}: {c.label}")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.lines.setItem(i, 0, item)
            self.lines.setItem(i, 1, QTableWidgetItem(heading.get((incoming, c), "")))

    def edited(self) -> ReturnTemplate:
        """The template as typed (raises DomainError with a sentence when something is wrong)."""
        grouped: dict[bool, dict[str, list[Category]]] = {True: {}, False: {}}
        for i, (incoming, c) in enumerate(self._rows):
            cell = self.lines.item(i, 1)
            text = (cell.text() if cell else "").strip()
            if text:
                grouped[incoming].setdefault(text, []).append(c)
        band_text = self.band.text().strip()
        band = AllowedBand.parse(band_text) if band_text else None
        if band is not None and band.max_weeks > Decimal(52):
            raise DomainError(
                "An allowed balance of more than 52 weeks is not a council rule; check the number."
            )
        return replace(
            self.template,
            name=self.name.text().strip(),
            title=self.title_edit.text().strip(),
            balance_question=self.question.toPlainText().strip(),
            declaration=self.declaration.toPlainText().strip(),
            allowed=band,
            money_in=tuple(TemplateLine(k, tuple(v)) for k, v in grouped[True].items()),
            money_out=tuple(TemplateLine(k, tuple(v)) for k, v in grouped[False].items()),
        )

    def save(self) -> None:
        try:
            edited = self.edited()
        except DomainError as err:
            self.message.setText(f"⚠ {err}")
            return
        book, source, copying = self._book, self.template.key, self.copying

        def work() -> str:
            target = edited
            if copying:
                copy = returns_templates.copy_template(book, source, edited.name)
                target = replace(edited, key=copy.key, based_on=source, builtin=False)
            returns_templates.save_template(book, target)
            return target.key

        self.save_button.setEnabled(False)
        self._tasks.run(work, self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, key: str) -> None:
        self.saved.emit(key)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(f"⚠ {message}")
