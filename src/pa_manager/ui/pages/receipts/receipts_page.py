"""Receipts: every stored document with its thumbnail, and the payments still missing evidence.

Files are added with the picker, by dropping them on the page, or by pasting (Ctrl+V); they go
straight into the encrypted book (receipt_actions.py). The list loads only names and sizes, so a
book with thousands of receipts opens at once; thumbnails fill in as rows come into view.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pa_manager.services import documents, evidence, register
from pa_manager.services.documents import DocumentInfo
from pa_manager.services.evidence import MissingEvidence
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.money.register_model import pounds
from pa_manager.ui.pages.receipts import document_model as dm
from pa_manager.ui.pages.receipts import missing_model as mm
from pa_manager.ui.pages.receipts.document_model import DocumentTableModel
from pa_manager.ui.pages.receipts.missing_model import MissingTableModel
from pa_manager.ui.pages.receipts.receipt_actions import ReceiptActions, local_files
from pa_manager.ui.pages.receipts.tables import make_table, shown, table_or_note, words
from pa_manager.ui.pages.receipts.thumbnails import ThumbnailLoader
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling

INTRO = (
    "Receipts, invoices and certificates are kept inside your encrypted book, never as loose files. "
    "Add them with “Add files…”, by dragging files onto this page, or by pasting a picture (Ctrl+V). "
    "JPEG, PNG, HEIC photos and PDFs up to 25 MB each."
)
EMPTY_BOOK = "No receipts or documents yet. Choose “Add files…”, drag files here, or paste a picture."
EMPTY_FILTER = "No documents match. Clear the search or choose “All documents”."
SHOW = ("All documents", "Receipts and invoices", "About a PA", "About the budget holder", "Not linked yet")
PERIODS = (("Last 3 months", 92), ("Last 12 months", 365), ("Everything", None))
MISSING_NONE = "Every payment in this period that needs evidence has a receipt or invoice linked."


@dataclass(frozen=True, slots=True)
class _Loaded:
    documents: list[DocumentInfo]
    missing: list[MissingEvidence]
    pas: dict[int, str]


class ReceiptsPage(QWidget):
    """The Receipts section. `changed` after anything is added, linked or removed."""

    loaded = Signal()
    changed = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self._all: list[DocumentInfo] = []
        self.pas: dict[int, str] = {}
        self._seq = 0
        self._started = 0.0
        self.last_load_ms = 0.0
        self.setAcceptDrops(True)
        self.thumbnails = ThumbnailLoader(tasks, self)
        self.actions = ReceiptActions(self, tasks)

        self.heading = ScaledLabel("Receipts and documents", scale=1.6, bold=True)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Last change")
        self.notice.hide()
        self.add_button = QPushButton("&Add files…")
        self.paste_button = QPushButton("&Paste")
        self.view_button = QPushButton("&View")
        self.link_button = QPushButton("&Link to payments…")
        self.details_button = QPushButton("&Details…")
        self.export_button = QPushButton("&Save a copy as…")
        self.remove_button = QPushButton("&Remove…")
        self.document_buttons = (
            self.view_button, self.link_button, self.details_button, self.export_button, self.remove_button,
        )  # fmt: skip
        buttons = flow_row(self.add_button, self.paste_button, *self.document_buttons)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Documents or missing evidence")
        self.tabs.addTab(self._documents_tab(), "&Documents")
        self.tabs.addTab(self._missing_tab(), "&Missing evidence")

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        for widget in (self.heading, intro, buttons, self.notice):
            column.addWidget(widget)
        column.addWidget(self.tabs, 1)
        fill_with_scrolling(self, content)
        self._fit_rows()
        self._connect()
        self.set_book(None)

    # -- layout ----------------------------------------------------------------------------
    def _documents_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Name, kind, PA or payment count")
        self.search.setClearButtonEnabled(True)
        search_label = QLabel("&Search")
        search_label.setBuddy(self.search)
        self.search.setAccessibleName("Search documents")
        self.show_combo = QComboBox()
        self.show_combo.addItems(SHOW)
        show_label = QLabel("S&how")
        show_label.setBuddy(self.show_combo)
        self.show_combo.setAccessibleName("Which documents to show")
        bar = QGridLayout()  # label beside field, one per line: both keep room at large text sizes
        bar.addWidget(search_label, 0, 0)
        bar.addWidget(self.search, 0, 1)
        bar.addWidget(show_label, 1, 0)
        bar.addWidget(self.show_combo, 1, 1)
        bar.setColumnStretch(1, 1)
        self.model = DocumentTableModel(self.thumbnails, self)
        self.table = make_table(
            self.model, "Receipts and documents",
            "One row per document. Enter opens it; Delete removes it.",
        )  # fmt: skip
        self.table.setWordWrap(True)
        self.stack, self.empty = table_or_note(self.table, EMPTY_BOOK)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addLayout(bar)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        column.addWidget(self.count_label)
        column.addWidget(self.stack, 1)
        return tab

    def _missing_tab(self) -> QWidget:
        self.period = QComboBox()
        self.period.addItems([name for name, _days in PERIODS])
        period_label = QLabel("P&eriod")
        period_label.setBuddy(self.period)
        self.period.setAccessibleName("Period for missing evidence")
        self.missing_summary = QLabel()
        self.missing_summary.setWordWrap(True)
        self.missing_summary.setAccessibleName("Missing evidence summary")
        bar = QHBoxLayout()
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        bar.addStretch(1)
        self.missing_model = MissingTableModel(self)
        self.missing_table = make_table(
            self.missing_model, "Payments missing evidence",
            "Payments that need a receipt or invoice. Enter adds a receipt for the selected payments.",
        )  # fmt: skip
        self.missing_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.missing_stack, self.missing_empty = table_or_note(self.missing_table, MISSING_NONE)
        self.add_for_button = QPushButton("Add a &receipt for these payments…")
        self.link_existing_button = QPushButton("Link an e&xisting document…")
        self.rules_button = QPushButton("Evidence r&ules…")
        row = flow_row(self.add_for_button, self.link_existing_button, self.rules_button)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addLayout(bar)
        column.addWidget(self.missing_summary)
        column.addWidget(row)
        column.addWidget(self.missing_stack, 1)
        return tab

    def _fit_rows(self) -> None:
        """Rows tall enough for a thumbnail of about four lines of text, in the current font."""
        line = self.table.fontMetrics().lineSpacing()
        height = line * 4
        self.table.verticalHeader().setDefaultSectionSize(height + 8)
        self.table.setIconSize(QSize(height * 3 // 4, height))
        self.thumbnails.set_size(QSize(height * 3 // 4, height))
        metrics = self.table.fontMetrics()
        pad = metrics.averageCharWidth() * 2
        self.table.setColumnWidth(dm.PICTURE, height * 3 // 4 + pad)
        self.table.setColumnWidth(dm.DATE, metrics.horizontalAdvance("00/00/0000") + pad)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(dm.NAME, QHeaderView.ResizeMode.Stretch)
        missing = self.missing_table
        missing.setWordWrap(False)
        missing.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 10)
        for column, sample in (
            (mm.DATE, "00/00/0000"),
            (mm.CATEGORY, "Equipment and agreed one-offs"),
            (mm.AMOUNT, "£00,000.00"),
        ):
            missing.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad)
        missing.horizontalHeader().setSectionResizeMode(mm.PAYEE, QHeaderView.ResizeMode.Stretch)
        missing.horizontalHeader().setStretchLastSection(False)

    def _connect(self) -> None:
        a = self.actions
        self.add_button.clicked.connect(a.add_files)
        self.paste_button.clicked.connect(a.paste)
        self.view_button.clicked.connect(a.view_selected)
        self.link_button.clicked.connect(a.link_selected)
        self.details_button.clicked.connect(a.describe_selected)
        self.export_button.clicked.connect(a.export_selected)
        self.remove_button.clicked.connect(a.remove_selected)
        self.add_for_button.clicked.connect(a.add_for_missing)
        self.link_existing_button.clicked.connect(a.link_existing_to_missing)
        self.rules_button.clicked.connect(a.edit_rules)
        self.table.doubleClicked.connect(a.view_selected)
        self.missing_table.doubleClicked.connect(a.add_for_missing)
        self.search.textChanged.connect(self._apply_filter)
        self.show_combo.currentIndexChanged.connect(self._apply_filter)
        self.period.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.missing_table.selectionModel().selectionChanged.connect(self._update_buttons)
        for widget, keys, slot in (
            (self.table, ["Return", "Enter"], a.view_selected),
            (self.table, [QKeySequence(QKeySequence.StandardKey.Delete)], a.remove_selected),
            (self.missing_table, ["Return", "Enter"], a.add_for_missing),
            (self, [QKeySequence(QKeySequence.StandardKey.Paste)], a.paste),
        ):
            action = QAction(widget)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if widget is self
                else Qt.ShortcutContext.WidgetShortcut
            )
            action.triggered.connect(slot)
            widget.addAction(action)

    # -- the book --------------------------------------------------------------------------
    @property
    def opened(self) -> OpenedBook | None:
        return self._opened

    def set_book(self, opened: OpenedBook | None) -> None:
        if opened is None:
            # Locking closes any viewer or dialog still open: a receipt must not stay on screen.
            for dialog in self.findChildren(QDialog):
                dialog.close()
        self._opened = opened
        self.thumbnails.set_book(opened.book if opened else None)
        self._all = []
        self.model.set_rows([])
        self.missing_model.set_rows([])
        self.note("")
        self.setEnabled(opened is not None)
        if opened is not None and self.isVisible():
            self.refresh()  # a hidden page loads when first shown (showEvent), not at every unlock
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: so do rows and columns
            self._fit_rows()
            self.model.layoutChanged.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # money may have changed on another page since the last look

    def show_missing_evidence(self) -> None:
        """Open the missing-evidence list (for Home's to-do button)."""
        self.tabs.setCurrentIndex(1)
        self.missing_table.setFocus()

    def period_bounds(self) -> tuple[date | None, date | None]:
        days = PERIODS[max(0, self.period.currentIndex())][1]
        return (None, None) if days is None else (date.today() - timedelta(days=days), None)

    def refresh(self) -> None:
        if self._opened is None:
            return
        self._seq += 1
        seq, book = self._seq, self._opened.book
        start, end = self.period_bounds()
        self._started = time.perf_counter()

        def work() -> _Loaded:
            return _Loaded(
                documents.list_documents(book),
                evidence.missing_evidence(book, start, end),
                register.pa_names(book),
            )

        self._tasks.run(work, lambda loaded: self._on_loaded(seq, loaded), self.note, owner=self)

    def _on_loaded(self, seq: int, loaded: _Loaded) -> None:
        if seq != self._seq or self._opened is None:
            return
        self._all, self.pas = loaded.documents, loaded.pas
        self._apply_filter()
        self.missing_model.set_rows(loaded.missing)
        count = len(loaded.missing)
        total = sum((-m.amount.pence for m in loaded.missing), 0)
        period = PERIODS[max(0, self.period.currentIndex())][0].lower()
        self.missing_summary.setText(
            f"{count:,} {'payment needs' if count == 1 else 'payments need'} evidence ({period}), "
            f"{pounds(total)} in all. Select payments and add a receipt, or link one you have."
            if count
            else MISSING_NONE
        )
        self.missing_stack.setCurrentWidget(self.missing_table if count else self.missing_empty)
        self.tabs.setTabText(1, f"&Missing evidence ({count:,})")
        self.last_load_ms = (time.perf_counter() - self._started) * 1000
        self._update_buttons()
        self.loaded.emit()

    def _apply_filter(self) -> None:
        needle = self.search.text().strip().casefold()
        show = self.show_combo.currentIndex()
        rows = [d for d in self._all if shown(d, show) and (not needle or needle in words(d))]
        keep = self.selected_ids()
        self.model.set_rows(rows)
        self.select_documents(keep)
        self.count_label.setText(f"{len(rows):,} of {len(self._all):,} documents shown.")
        self.count_label.setVisible(bool(self._all))
        self.empty.setText(EMPTY_FILTER if self._all else EMPTY_BOOK)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.tabs.setTabText(0, f"&Documents ({len(self._all):,})")
        self._update_buttons()

    # -- selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows if r < self.model.rowCount()]

    def selected_documents(self) -> list[DocumentInfo]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def selected_missing(self) -> list[MissingEvidence]:
        rows = sorted({i.row() for i in self.missing_table.selectionModel().selectedRows()})
        return [self.missing_model.row_at(r) for r in rows if r < self.missing_model.rowCount()]

    def select_documents(self, ids: list[int]) -> None:
        for document_id in ids[:1]:
            row = self.model.row_of(document_id)
            if row is not None:
                self.table.selectRow(row)

    def all_documents(self) -> list[DocumentInfo]:
        return list(self._all)

    def _update_buttons(self) -> None:
        one = len(self.selected_ids()) == 1
        for button in self.document_buttons:
            button.setEnabled(one)
        some = bool(self.selected_missing())
        self.add_for_button.setEnabled(some)
        self.link_existing_button.setEnabled(some and bool(self._all))

    def note(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- drag and drop ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._opened is not None and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.actions.add_paths(paths)
