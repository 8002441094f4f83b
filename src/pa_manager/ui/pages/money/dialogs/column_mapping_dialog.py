"""Tell PA Manager which columns of a CSV statement hold the date, description and money.

The dialog shows the file's first rows, lets the person pick the columns (or a bank's layout),
and reads those first rows again at every change, so they see at once how the lines will come in
("-£180.00 on 13/01/2026") or what is wrong. It never touches the book: it returns a `Mapping`.
"""

from __future__ import annotations

import csv
import io
import re

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.importers import PRESETS, ColumnMap, CsvTable, guess_columns, parse_statement
from pa_manager.importers.columns import norm_header
from pa_manager.services.statements import Mapping
from pa_manager.ui.pages.money.dialogs.simple_table import SimpleTable, money_item, text_item
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.date_edit import format_date
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form
from pa_manager.ui.widgets.scrolling import scrolling

# (what the person sees, strftime pattern); None means "work it out from the dates".
DATE_FORMATS: tuple[tuple[str, str | None], ...] = (
    ("Work it out from the dates", None),
    ("31/01/2026 (day/month/year)", "%d/%m/%Y"),
    ("31/01/26 (day/month/two-figure year)", "%d/%m/%y"),
    ("31-Jan-2026", "%d-%b-%Y"),
    ("31 Jan 2026", "%d %b %Y"),
    ("2026-01-31 (year-month-day)", "%Y-%m-%d"),
    ("2026.01.31 (year.month.day)", "%Y.%m.%d"),
    ("01/31/2026 (American, month first)", "%m/%d/%Y"),
)
OWN_COLUMNS = ""  # the layout combo's value for "choose the columns myself"
_NO_COLUMN = None
_LOOKS_LIKE_DATA = re.compile(r"^(\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}|[-+(]?£?\d[\d,]*\.\d\d\)?)$")


class ColumnMappingDialog(QDialog):
    """`exec()` returns Accepted when the person chose columns that read; then call `mapping()`."""

    def __init__(
        self, table: CsvTable, initial: Mapping | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which columns hold what — PA Manager")
        self._table = table
        heading = ScaledLabel("Which columns hold what?", scale=1.4, bold=True)
        intro = QLabel(
            "PA Manager does not know this file's layout. Say which columns hold the date, the "
            "description and the money. These are the file's first lines:"
        )
        intro.setWordWrap(True)
        self.sample = SimpleTable(
            [(name or f"Column {i + 1}", 14) for i, name in enumerate(table.header)],
            "The first lines of the file",
        )
        self.sample.set_visible_lines(min(5, len(table.sample) + 1))
        self.sample.horizontalHeader().setStretchLastSection(False)
        for row in table.sample:
            r = self.sample.rowCount()
            self.sample.insertRow(r)
            for c, cell in enumerate(row[: len(table.header)]):
                self.sample.setItem(r, c, text_item(cell, tooltip=True))

        self.no_header = QCheckBox("The first line is a payment, not column names")
        self.no_header.setChecked(any(_LOOKS_LIKE_DATA.match(cell.strip()) for cell in table.header))
        form = make_form()
        self._form = form
        self.layout_choice = QComboBox()
        self.layout_choice.addItem("Choose the columns myself", OWN_COLUMNS)
        for preset in PRESETS:
            if preset.maps or preset.guess:
                self.layout_choice.addItem(f"{preset.label} layout", preset.name)
        add_field(
            form,
            "&Layout:",
            self.layout_choice,
            "Pick your bank or card if it is listed; otherwise choose the columns below.",
        )
        self.date_column = QComboBox()
        self.description_column = QComboBox()
        self.amount_column = QComboBox()
        self.paid_in_column = QComboBox()
        self.paid_out_column = QComboBox()
        self.balance_column = QComboBox()
        self._date_row = add_field(form, "&Date column:", self.date_column)
        self._description_row = add_field(form, "D&escription column:", self.description_column)
        money_box = QWidget()
        money_column = QVBoxLayout(money_box)
        money_column.setContentsMargins(0, 0, 0, 0)
        self.one_column = QRadioButton("One column for all amounts")
        self.two_columns = QRadioButton("Two columns: one for money in, one for money out")
        self._money_group = QButtonGroup(self)
        for button in (self.one_column, self.two_columns):
            self._money_group.addButton(button)
            money_column.addWidget(button)
        self.one_column.setChecked(True)
        money_label = QLabel("How does the file show the money?")
        form.addRow(money_label)
        form.addRow(money_box)
        self._amount_row = add_field(form, "&Amount column:", self.amount_column)
        self.negate = QCheckBox("Money &out is shown as a positive amount (money in as minus)")
        form.addRow(self.negate)
        self._paid_in_row = add_field(form, "Money &in column:", self.paid_in_column)
        self._paid_out_row = add_field(form, "Money o&ut column:", self.paid_out_column)
        self._balance_row = add_field(form, "&Balance column (if there is one):", self.balance_column)
        self.date_format = QComboBox()
        for text, pattern in DATE_FORMATS:
            self.date_format.addItem(text, pattern)
        add_field(form, "How dates are &written:", self.date_format)

        read_heading = QLabel("How the first lines will be read:")
        self.preview = SimpleTable(
            [("Date", 13), ("Description", 26), ("Amount", 12)], "How the first lines will be read"
        )
        self.preview.set_visible_lines(min(5, len(table.sample) + 1))
        self.problem = FieldMessage(self.preview)

        self.buttons = QDialogButtonBox()
        self.use_button = QPushButton("Use these columns")
        self.use_button.setDefault(True)
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        content = QWidget()
        inner = QVBoxLayout(content)
        for widget in (heading, intro, self.sample, self.no_header):
            inner.addWidget(widget)
        inner.addLayout(form)
        for widget in (read_heading, self.preview, self.problem):
            inner.addWidget(widget)
        inner.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content))
        column.addWidget(self.buttons)

        self._fill_column_choices()
        self._apply_initial(initial)
        for combo in (
            self.layout_choice,
            self.date_column,
            self.description_column,
            self.amount_column,
            self.paid_in_column,
            self.paid_out_column,
            self.balance_column,
            self.date_format,
        ):
            combo.currentIndexChanged.connect(self._refresh)
        self.no_header.toggled.connect(self._on_header_toggled)
        self.negate.toggled.connect(self._refresh)
        self.one_column.toggled.connect(self._refresh)
        self._refresh()
        fit_to_text(self, 90, 40)

    # -- choices ------------------------------------------------------------------------------
    def _fill_column_choices(self) -> None:
        """Each column combo lists the file's columns by name (or number when there is no header)."""
        numbered = self.no_header.isChecked()
        for combo in self._column_combos():
            previous = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            if combo is self.balance_column:
                combo.addItem("No balance column", _NO_COLUMN)
            for i, name in enumerate(self._table.header):
                if numbered:
                    combo.addItem(f"Column {i + 1} (first value “{name}”)", str(i + 1))
                else:
                    combo.addItem(name or f"Column {i + 1}", name)
            combo.setCurrentIndex(max(previous, 0))
            combo.blockSignals(False)

    def _column_combos(self) -> tuple[QComboBox, ...]:
        return (
            self.date_column,
            self.description_column,
            self.amount_column,
            self.paid_in_column,
            self.paid_out_column,
            self.balance_column,
        )

    def _apply_initial(self, initial: Mapping | None) -> None:
        """Start from the mapping used before, else from a guess at the column names."""
        if initial is not None and initial.date_format:
            index = self.date_format.findData(initial.date_format)
            if index < 0:
                self.date_format.addItem(f"As before: {initial.date_format}", initial.date_format)
                index = self.date_format.count() - 1
            self.date_format.setCurrentIndex(index)
        if initial is not None and initial.preset:
            index = self.layout_choice.findData(initial.preset)
            if index >= 0:
                self.layout_choice.setCurrentIndex(index)
                return
        columns: ColumnMap | None = None
        if initial is not None and initial.columns:
            try:
                columns = ColumnMap.parse(initial.columns)
            except DomainError:
                columns = None
        if columns is None and not self.no_header.isChecked():
            columns = guess_columns(self._table.header)
        if columns is None:
            self.description_column.setCurrentIndex(min(1, self.description_column.count() - 1))
            self.amount_column.setCurrentIndex(min(2, self.amount_column.count() - 1))
            return
        if columns.positional != self.no_header.isChecked():
            self.no_header.setChecked(columns.positional)
            self._fill_column_choices()
        self._select(self.date_column, columns.date)
        self._select(self.description_column, columns.description)
        self._select(self.balance_column, columns.balance)
        if columns.amount is not None:
            self.one_column.setChecked(True)
            self._select(self.amount_column, columns.amount)
        else:
            self.two_columns.setChecked(True)
            self._select(self.paid_in_column, columns.paid_in)
            self._select(self.paid_out_column, columns.paid_out)
        self.negate.setChecked(columns.negate)

    def _select(self, combo: QComboBox, wanted: str | None) -> None:
        if wanted is None:
            return
        for i in range(combo.count()):
            value = combo.itemData(i)
            if isinstance(value, str) and norm_header(value) == norm_header(wanted):
                combo.setCurrentIndex(i)
                return

    def _on_header_toggled(self) -> None:
        self._fill_column_choices()
        self._refresh()

    # -- the answer ---------------------------------------------------------------------------
    def mapping(self) -> Mapping:
        """The chosen layout or columns, and the date form (None: work it out)."""
        date_format = self.date_format.currentData()
        preset = self.layout_choice.currentData()
        if preset:
            return Mapping(preset=preset, columns=None, date_format=date_format)
        return Mapping(preset=None, columns=self.column_map().spec(), date_format=date_format)

    def column_map(self) -> ColumnMap:
        """The chosen columns; raises DomainError with a sentence when they make no sense."""
        chosen = {
            "date": self.date_column.currentData(),
            "description": self.description_column.currentData(),
            "balance": self.balance_column.currentData(),
        }
        if self.one_column.isChecked():
            chosen["amount"] = self.amount_column.currentData()
        else:
            chosen["paid_in"] = self.paid_in_column.currentData()
            chosen["paid_out"] = self.paid_out_column.currentData()
            if chosen["paid_in"] == chosen["paid_out"]:
                raise DomainError("Money in and money out must be two different columns.")
        used = [value for value in chosen.values() if value is not None]
        if len(set(used)) != len(used):
            raise DomainError("Each column can hold only one thing; choose a different column for each.")
        negate = self.one_column.isChecked() and self.negate.isChecked()
        return ColumnMap(**{k: v for k, v in chosen.items() if v is not None}, negate=negate)

    # -- live preview -------------------------------------------------------------------------
    def _refresh(self) -> None:
        own = not self.layout_choice.currentData()
        one = self.one_column.isChecked()
        for combo, message in (
            (self.date_column, self._date_row),
            (self.description_column, self._description_row),
            (self.balance_column, self._balance_row),
        ):
            combo.setEnabled(own)
            message.clear_message()
        self.one_column.setEnabled(own)
        self.two_columns.setEnabled(own)
        self.no_header.setEnabled(own)
        self._set_row_visible(self._amount_row, one)
        self.negate.setVisible(one)
        self.negate.setEnabled(own)
        self._set_row_visible(self._paid_in_row, not one)
        self._set_row_visible(self._paid_out_row, not one)
        self.amount_column.setEnabled(own)
        self.paid_in_column.setEnabled(own)
        self.paid_out_column.setEnabled(own)
        self._show_reading()

    def _set_row_visible(self, message: FieldMessage, visible: bool) -> None:
        if message.row is not None:
            self._form.setRowVisible(message.row, visible)

    def _show_reading(self) -> None:
        """Read the sample rows with the current choices; show the lines or what is wrong."""
        self.preview.setRowCount(0)
        self.problem.clear_message()
        try:
            mapping = self.mapping()
            statement = parse_statement(
                self._sample_bytes(),
                "first-lines.csv",
                preset=mapping.preset,
                columns=ColumnMap.parse(mapping.columns) if mapping.columns else None,
                date_format=mapping.date_format,
            )
        except (DomainError, ValueError) as err:
            self._show_problem(str(err))
            return
        for line in statement.lines:
            r = self.preview.rowCount()
            self.preview.insertRow(r)
            self.preview.setItem(r, 0, text_item(format_date(line.day)))
            self.preview.setItem(r, 1, text_item(line.description, tooltip=True))
            self.preview.setItem(r, 2, money_item(line.amount))
        if statement.problems:
            self._show_problem(" ".join(statement.problems[:2]), fatal=not statement.lines)
        elif not statement.lines:
            self._show_problem("No line of the file can be read with these columns.")
        else:
            self.use_button.setEnabled(True)

    def _show_problem(self, text: str, *, fatal: bool = True) -> None:
        self.problem.show_message(text)
        self.use_button.setEnabled(not fatal)

    def _sample_bytes(self) -> bytes:
        """The first rows written back as a small CSV, so reading them is instant."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(self._table.header)
        writer.writerows(self._table.sample)
        return out.getvalue().encode("utf-8")

    @property
    def problem_text(self) -> str:
        """What is wrong with the current choices ("" when the lines read)."""
        return self.problem.message
