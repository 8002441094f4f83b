"""Import a bank or card statement: choose the file, see what would be added, then add it.

Nothing is written until "Add N lines" is pressed. The preview says which lines are new and
which are already in the book (in words, not only colour), lists the lines that could not be
read, and lets the person change each new line's suggested category. When a CSV's columns are
not recognised, the column-mapping dialog opens; the chosen columns are remembered for the
account once the import has succeeded, so next month's statement needs no questions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.categories import Category
from pa_manager.services import register, statements
from pa_manager.services.book import Book
from pa_manager.services.statements import ImportPreview, ImportResult, Mapping
from pa_manager.ui.pages.money.dialogs.category_delegate import category_combo
from pa_manager.ui.pages.money.dialogs.column_mapping_dialog import ColumnMappingDialog
from pa_manager.ui.pages.money.dialogs.import_loading import LoadedStatement, load_statement
from pa_manager.ui.pages.money.dialogs.preview_table import (
    AMOUNT,
    CATEGORY,
    DATE,
    DESCRIPTION,
    DUPLICATE,
    NEW,
    STATUS,
    PreviewTable,
    closing_text,
    counts_text,
    plural,
    rejected_text,
)
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.field_message import add_field, make_form
from pa_manager.ui.widgets.scrolling import scrolling

# The preview table's columns and status words are also importable from here.
__all__ = [
    "AMOUNT",
    "CATEGORY",
    "DATE",
    "DESCRIPTION",
    "DUPLICATE",
    "NEW",
    "STATUS",
    "ImportDialog",
    "plural",
]


class ImportDialog(QDialog):
    """`ImportDialog(book, tasks, account_id=None, parent)`; `exec()` or `open()`.

    Emits `book_changed(summary)` after lines were added; `result` then holds the ImportResult.
    """

    book_changed = Signal(str)

    def __init__(
        self,
        book: Book,
        tasks: TaskRunner,
        account_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a statement — PA Manager")
        self._book = book
        self._tasks = tasks
        self._wanted_account = account_id
        self._accounts: list[register.AccountInfo] = []
        self._path: Path | None = None
        self._mapping: Mapping | None = None  # chosen in the mapping dialog for this file
        self._loaded: LoadedStatement | None = None
        self._asked_for_columns = False
        self._request = 0
        self.mapping_dialog: ColumnMappingDialog | None = None
        self.result: ImportResult | None = None

        heading = ScaledLabel("Import a statement", scale=1.4, bold=True)
        intro = QLabel(
            "Download your transactions from online banking as CSV, OFX or QIF, then choose the "
            "file here. You will see what would be added before anything changes."
        )
        intro.setWordWrap(True)
        form = make_form()
        self._form = form
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("No file chosen yet")
        self.choose_button = QPushButton("&Choose file…")
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.path_edit, 1)
        file_layout.addWidget(self.choose_button)
        self.columns_button = QPushButton("C&olumns…")
        self.columns_button.setToolTip("Say which of the file's columns hold the date, description and money")
        self.columns_button.clicked.connect(self.open_mapping)
        file_layout.addWidget(self.columns_button)
        self.file_message = add_field(form, "Statement &file:", self.path_edit, row=file_row)
        self.account = QComboBox()
        self._account_message = add_field(form, "&Account to add the lines to:", self.account)
        form.setRowVisible(self._account_message.row, False)
        self.account.currentIndexChanged.connect(self._on_account_changed)

        self.counts = QLabel("")
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("What the statement holds")
        self.table = PreviewTable()
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.category = category_combo()
        category_form = make_form()
        self._category_message = add_field(
            category_form,
            "Category of the &selected new lines:",
            self.category,
            "Select new lines in the table, then choose their category here. New lines start with "
            "the category you chose last time for the same payee.",
        )
        self.category.activated.connect(self._on_category_chosen)
        self.rejected_lines = QLabel("")
        self.rejected_lines.setWordWrap(True)
        self.closing = QLabel("")
        self.closing.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.add_button = QPushButton("Add lines")
        self.add_button.setDefault(True)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.add_lines)
        self.buttons.rejected.connect(self.reject)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, intro):
            inner.addWidget(widget)
        inner.addLayout(form)
        inner.addWidget(self.counts)
        inner.addWidget(self.table, 1)
        inner.addLayout(category_form)
        for widget in (self.rejected_lines, self.closing):
            inner.addWidget(widget)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(content), 1)
        column.addWidget(self.buttons)
        self._show_preview(None)
        fit_to_text(self, 110, 34)
        self._tasks.run(lambda: register.accounts(book), self._on_accounts, self._on_load_failed, owner=self)

    # -- choosing ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a statement file with the system's file dialog."""
        start = str(self._path.parent) if self._path else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self,
            "Choose a statement file",
            start,
            "Statements (*.csv *.txt *.tsv *.ofx *.qfx *.qif);;All files (*)",
        )
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Preview `path` (also what tests call instead of the file dialog)."""
        self._path = Path(path)
        self._mapping = None
        self._asked_for_columns = False
        self.path_edit.setText(str(path))
        self._reload()

    def _on_accounts(self, accounts: list[register.AccountInfo]) -> None:
        self._accounts = accounts
        self.account.blockSignals(True)
        self.account.clear()
        for info in accounts:
            self.account.addItem(info.name, info.id)
        wanted = self.account.findData(self._wanted_account) if self._wanted_account else 0
        self.account.setCurrentIndex(max(wanted, 0))
        self.account.blockSignals(False)
        self._form.setRowVisible(self._account_message.row, len(accounts) > 1)
        if self._path is not None:
            self._reload()

    def _on_account_changed(self) -> None:
        if self._path is not None:
            self._reload()

    def _account_name(self) -> str | None:
        return self.account.currentText() or None

    # -- previewing ---------------------------------------------------------------------------
    def _reload(self) -> None:
        """Read the file again on the worker with the current account and columns."""
        if self._path is None or not self._accounts:
            return  # the accounts are still loading; their arrival reloads
        self._request += 1
        request = self._request
        book, path, account, mapping = self._book, self._path, self._account_name(), self._mapping
        self._set_busy("Reading the statement…")

        def work() -> LoadedStatement:
            return load_statement(book, path, account, mapping)

        self._tasks.run(
            work, lambda loaded: self._on_loaded(request, loaded), self._on_load_failed, owner=self
        )

    def _on_loaded(self, request: int, loaded: LoadedStatement) -> None:
        if request != self._request:
            return  # a newer file or account was chosen meanwhile
        self._loaded = loaded
        self.columns_button.setEnabled(loaded.table is not None)
        if loaded.preview is None:
            self._show_preview(None)
            self.file_message.show_message(loaded.error)
            self.counts.setText("Nothing can be added from this file.")
            if loaded.table is not None and loaded.table.sample and not self._asked_for_columns:
                self._asked_for_columns = True
                self.open_mapping()
            return
        self.file_message.clear_message()
        self._show_preview(loaded.preview)

    def _on_load_failed(self, message: str) -> None:
        self._show_preview(None)
        self.file_message.show_message(message)

    def _set_busy(self, text: str) -> None:
        self.counts.setText(text)
        self.add_button.setEnabled(False)
        self.columns_button.setEnabled(False)

    def _show_preview(self, preview: ImportPreview | None) -> None:
        self.table.setRowCount(0)
        self.rejected_lines.hide()
        self.closing.hide()
        self.category.setEnabled(False)
        if preview is None:
            self.counts.setText("Choose a statement file to see its lines." if self._path is None else "")
            self.add_button.setText("Add lines")
            self.add_button.setEnabled(False)
            return
        self.table.show_lines(preview)
        new = len(preview.new)
        self.counts.setText(counts_text(preview))
        if rejected := rejected_text(preview):
            self.rejected_lines.setText(rejected)
            self.rejected_lines.show()
        self.closing.setText(closing_text(preview))
        self.closing.show()
        self.add_button.setText(f"Add {plural(new, 'line', 'lines')}" if new else "Nothing new to add")
        self.add_button.setEnabled(bool(new))

    # -- categories ---------------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        rows = self.table.selected_new_rows()
        self.category.setEnabled(bool(rows))
        if rows:
            found = self.category.findData(self.table.category_of(rows[0]))
            self.category.setCurrentIndex(max(found, 0))

    def _on_category_chosen(self) -> None:
        category = self.category.currentData()
        for row in self.table.selected_new_rows():
            self.set_category(row, category)

    def set_category(self, row: int, category: Category) -> None:
        """Change the category a new line will be added with."""
        self.table.set_category(row, category)

    def chosen_categories(self) -> dict[int, Category]:
        """The category of every new line, keyed by its index in the preview."""
        return self.table.chosen_categories()

    # -- columns ------------------------------------------------------------------------------
    def open_mapping(self) -> None:
        """Open the column-mapping dialog (without blocking); its answer re-reads the file."""
        loaded = self._loaded
        if loaded is None or loaded.table is None:
            return
        initial = self._mapping or loaded.remembered
        self.mapping_dialog = ColumnMappingDialog(loaded.table, initial, self)
        self.mapping_dialog.accepted.connect(self._on_mapping_chosen)
        self.mapping_dialog.open()

    def _on_mapping_chosen(self) -> None:
        if self.mapping_dialog is None:
            return
        self._mapping = self.mapping_dialog.mapping()
        self._reload()

    # -- adding -------------------------------------------------------------------------------
    def add_lines(self) -> None:
        """Add the new lines in one go, remember the columns if they were chosen here, close."""
        loaded = self._loaded
        if loaded is None or loaded.preview is None or not loaded.preview.new:
            return
        book, preview, mapping = self._book, loaded.preview, self._mapping
        categories = self.chosen_categories()

        def work() -> ImportResult:
            result = statements.apply_import(book, preview, categories)
            if mapping is not None:
                statements.remember_mapping(book, preview.account_id, mapping)
            return result

        self._set_busy("Adding the lines…")
        self._tasks.run(work, self._on_added, self._on_add_failed, owner=self)

    def _on_added(self, result: ImportResult) -> None:
        self.result = result
        preview = self._loaded.preview if self._loaded else None
        where = f" to {preview.account_name}" if preview else ""
        summary = f"Added {plural(result.added, 'line', 'lines')}{where}."
        if result.duplicates:
            summary += f" {result.duplicates} already in the book were left out."
        self.book_changed.emit(summary)
        self.accept()

    def _on_add_failed(self, message: str) -> None:
        self.file_message.show_message(message)
        self.counts.setText("Nothing was added.")
        self.add_button.setEnabled(True)
