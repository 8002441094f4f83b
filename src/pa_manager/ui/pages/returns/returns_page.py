"""Returns: pick the period and the council's template, see what is still open (with a button to
each fix), write the explanation and declaration, preview the form, export it (PDF, spreadsheet,
CSV or the evidence pack) and keep a history of the returns sent.

Every service call runs on the TaskRunner's worker; the preview is the return PDF drawn into
pictures in memory (pypdfium2), so nothing is written until the user saves a file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import long_date
from pa_manager.services import returns_history, returns_view
from pa_manager.services.returns_checks import Fix
from pa_manager.services.returns_export import ExportResult, export_return
from pa_manager.services.returns_view import ReturnView
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.pay.pay_widgets import ask, card
from pa_manager.ui.pages.returns.export_panel import ExportPanel, choose_export_path
from pa_manager.ui.pages.returns.history_table import HistoryTable
from pa_manager.ui.pages.returns.page_picture import PreviewCard
from pa_manager.ui.pages.returns.preflight_list import PreflightList
from pa_manager.ui.pages.returns.template_dialog import TemplateDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.date_edit import DateEdit, format_date
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column


class ReturnsPage(QWidget):
    """`loaded` after each return shown; `fix_requested(Fix value)` for fixes on other pages."""

    loaded = Signal()
    exported = Signal(object)
    fix_requested = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self.view: ReturnView | None = None
        self._started = False
        self.last_export: ExportResult | None = None
        self.template_dialog: TemplateDialog | None = None
        # Asked where to save and before changing the history; tests replace them.
        self.choose_path: Callable[[str], Path | None] = lambda fmt: choose_export_path(self, fmt)
        self.confirm: Callable[[str, str, str], bool] = lambda title, text, yes: ask(self, title, text, yes)

        self.heading = ScaledLabel("Returns", scale=1.6, bold=True)
        self.due_line = QLabel("Open a book to make its council return.")
        self.due_line.setWordWrap(True)

        period_card, period_column = card("Period and template")
        self.date_from, self.date_to = DateEdit(), DateEdit()
        self.template_box = QComboBox()
        # Template names are long: let the box narrow with the window instead of forcing it wide.
        self.template_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_box.setMinimumContentsLength(16)
        self.next_button = QPushButton("Use the &next return due")
        self.show_button = QPushButton("&Show the return")
        self.template_button = QPushButton("&Copy and edit template…")
        form = QFormLayout()
        form.addRow("&From", self.date_from)
        form.addRow("&To", self.date_to)
        form.addRow("Council t&emplate", self.template_box)
        period_column.addLayout(form)
        period_column.addWidget(flow_row(self.show_button, self.next_button, self.template_button))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message.hide()

        figures_card, figures_column = card("The figures")
        self.figures = QLabel("Choose a period and press Show the return.")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        figures_column.addWidget(self.figures)

        checks_card, checks_column = card("Before you send it")
        self.preflight = PreflightList()
        self.preflight.fix_requested.connect(self._on_fix)
        checks_column.addWidget(self.preflight)

        words_card, words_column = card("Your explanation and declaration")
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)
        self.explanation.setAccessibleName("Explanation of the balance held")
        self.question.setBuddy(self.explanation)
        self.signed_by, self.capacity = QLineEdit(), QLineEdit()
        self.capacity.setPlaceholderText("e.g. budget holder, son, appointee")
        self.save_words_button = QPushButton("Save the e&xplanation")
        words_form = QFormLayout()
        words_form.addRow("Signed &by", self.signed_by)
        words_form.addRow("Ca&pacity", self.capacity)
        words_column.addWidget(self.question)
        words_column.addWidget(self.explanation)
        words_column.addLayout(words_form)
        words_column.addWidget(flow_row(self.save_words_button))

        self.export_panel = ExportPanel(self)
        self.export_panel.export_requested.connect(self.export)
        self.export_panel.sent_requested.connect(self.mark_sent)

        self.preview = PreviewCard()

        history_card, history_column = card("Returns sent")
        self.history = HistoryTable()
        self.history_empty = QLabel("No returns marked as sent yet. After sending one, press Mark as sent.")
        self.history_empty.setWordWrap(True)
        self.forget_button = QPushButton("Remove from the &history…")
        history_column.addWidget(self.history_empty)
        history_column.addWidget(self.history)
        history_column.addWidget(flow_row(self.forget_button))

        content, column = page_column(12)
        for widget in (
            self.heading,
            self.due_line,
            period_card,
            self.message,
            figures_card,
            checks_card,
            words_card,
            self.export_panel.card,
            self.preview.card,
            history_card,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll = fill_with_scrolling(self, content)

        self.show_button.clicked.connect(self.show_return)
        self.next_button.clicked.connect(self.use_next_due)
        self.template_button.clicked.connect(self.edit_template)
        self.save_words_button.clicked.connect(self.save_words)
        self.forget_button.clicked.connect(self.forget)
        self.set_book(None)

    # -- the book ---------------------------------------------------------------------------
    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        self.view = None
        self.last_export = None
        self.setEnabled(opened is not None)
        self.preview.clear()
        self.history.set_records(())
        self.export_panel.set_busy(False)
        if self.template_dialog is not None:
            self.template_dialog.done(0)
        self._started = False
        if opened is None:
            self.due_line.setText("Open a book to make its council return.")
            return
        if self.isVisible():
            self._start()

    def showEvent(self, event: QShowEvent) -> None:
        """Work the return out the first time the page is shown, not at every unlock: it takes a
        second or two on a big book, and the worker would make the other pages wait for it."""
        super().showEvent(event)
        if self._opened is not None and not self._started:
            self._start()

    def _start(self) -> None:
        if self._opened is None:
            return
        self._started = True
        self.due_line.setText("Working out the next return…")
        book = self._opened.book
        self._tasks.run(
            lambda: returns_view.start_view(book), self._on_started, self._show_message, owner=self
        )

    def _on_started(self, started: tuple[object, tuple[object, ...]]) -> None:
        nxt, templates = started
        self._fill_templates(templates, None)  # type: ignore[arg-type]
        if nxt is not None:
            self.date_from.set_date(nxt.start)  # type: ignore[attr-defined]
            self.date_to.set_date(nxt.end)  # type: ignore[attr-defined]
        self.show_return()

    def refresh(self) -> None:
        if self.view is not None:
            self.show_return()

    def _fill_templates(self, templates: tuple[object, ...], keep: str | None) -> None:
        keep = keep or self.template_box.currentData()
        self.template_box.clear()
        for t in templates:
            own = "" if t.builtin else " (your copy)"  # type: ignore[attr-defined]
            self.template_box.addItem(f"{t.name}{own}", t.key)  # type: ignore[attr-defined]
        index = self.template_box.findData(keep) if keep else 0
        self.template_box.setCurrentIndex(max(index, 0))

    def use_next_due(self) -> None:
        if self.view is not None and self.view.next_due is not None:
            self.date_from.set_date(self.view.next_due.start)
            self.date_to.set_date(self.view.next_due.end)
            self.show_return()

    # -- showing the return -------------------------------------------------------------------
    def _period(self) -> tuple[date, date] | None:
        try:
            start, end = self.date_from.date_value(), self.date_to.date_value()
        except DomainError as err:
            self._show_message(str(err))
            return None
        if start is None or end is None or start > end:
            self._show_message("The return must start on or before the day it ends.")
            return None
        return start, end

    def show_return(self) -> None:
        period = self._period()
        if self._opened is None or period is None:
            return
        book, key = self._opened.book, self.template_box.currentData()
        width = max(600, self.fontMetrics().averageCharWidth() * 90)
        self._show_message("")
        self.figures.setText("Working out the return…")
        self._tasks.run(
            lambda: returns_view.load_view(book, period[0], period[1], key, width_px=width),
            self._on_view,
            self._on_view_failed,
            owner=self,
        )

    def _on_view(self, view: ReturnView) -> None:
        self.view = view
        f, t = view.figures, view.template
        nxt = view.next_due
        self.due_line.setText(
            f"The next return is for {long_date(nxt.start)} to {long_date(nxt.end)}, "
            f"due by {long_date(nxt.due)}."
            if nxt
            else "This book has no funding agreement, so no return is due."
        )
        weeks = "not known" if f.weeks_held is None else f"{f.weeks_held.normalize():f} weeks"
        self.figures.setText(
            f"Opening balance {f.opening}  +  money in {f.total_in}  −  money out {f.total_out}  =  "
            f"closing balance {f.closing}.\n"
            f"Weeks held: {weeks} (the council allows {f.allowed}). Committed {f.committed}, "
            f"contingency {f.contingency}, surplus at risk {f.surplus_at_risk}.\n"
            f"{len(f.transactions)} transactions, {len(f.evidence)} numbered documents for the evidence pack."
        )
        self.preflight.set_items(view.open_items)
        wanted = (
            "Explain the balance held (the council asks for this period): " if view.needs_explanation else ""
        )
        self.question.setText(f"{wanted}{t.balance_question}")
        self.explanation.setPlainText(f.explanation)
        self.signed_by.setText(f.signed_by)
        self.capacity.setText(f.capacity)
        self._fill_templates(view.templates, t.key)
        self.preview.show_pages(view.pages, view.page_count)
        self.history.set_records(view.history)
        self.history.setVisible(bool(view.history))
        self.history_empty.setVisible(not view.history)
        self.forget_button.setEnabled(bool(view.history))
        self.loaded.emit()

    def _on_view_failed(self, message: str) -> None:
        self.figures.setText("The return could not be worked out.")
        self._show_message(message)
        self.loaded.emit()

    def _show_message(self, text: str) -> None:
        self.message.setText(f"⚠ {text}" if text else "")
        self.message.setVisible(bool(text))

    def _on_fix(self, value: str) -> None:
        if Fix(value) is Fix.EXPLANATION:
            self.scroll.ensureWidgetVisible(self.explanation)
            self.explanation.setFocus()
            return
        self.fix_requested.emit(value)

    # -- explanation, templates -----------------------------------------------------------------
    def save_words(self) -> None:
        period = self._period()
        if self._opened is None or period is None:
            return
        book, key = self._opened.book, self.template_box.currentData() or "generic"
        words = (self.explanation.toPlainText(), self.signed_by.text(), self.capacity.text())
        self._tasks.run(
            lambda: returns_history.save_draft(book, period[0], period[1], key, *words),
            lambda _id: self.show_return(),
            self._show_message,
            owner=self,
        )

    def edit_template(self) -> None:
        if self._opened is None or self.view is None:
            return
        key = self.template_box.currentData()
        template = next((t for t in self.view.templates if t.key == key), self.view.template)
        dialog = TemplateDialog(self._tasks, self._opened.book, template, self)
        dialog.saved.connect(self._on_template_saved)
        self.template_dialog = dialog
        dialog.open()

    def _on_template_saved(self, key: str) -> None:
        self.template_box.addItem(key, key)
        self.template_box.setCurrentIndex(self.template_box.count() - 1)
        self.show_return()

    # -- export ---------------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        period = self._period()
        if self._opened is None or period is None:
            return
        out = self.choose_path(fmt)
        if out is None:
            return
        book, key, panel = self._opened.book, self.template_box.currentData(), self.export_panel
        panel.set_busy(True, fmt == "pack")
        self._tasks.run(
            lambda: export_return(book, period[0], period[1], fmt, out, key, progress=panel.keep_going),
            self._on_exported,
            panel.show_problem,
            owner=self,
        )

    def _on_exported(self, result: ExportResult) -> None:
        self.last_export = result
        self.export_panel.show_result(result)
        self.exported.emit(result)

    def mark_sent(self) -> None:
        if self._opened is None or self.view is None:
            return
        f = self.view.figures
        how = {".pdf": "pdf", ".xlsx": "xlsx", ".csv": "csv", ".zip": "pack"}.get(
            self.last_export.path.suffix if self.last_export else "", "paper"
        )
        if not self.confirm(
            "Mark as sent",
            f"Record that the return for {f.period.label()} went to the council today?",
            "Mark as sent",
        ):
            return
        book, key = self._opened.book, self.view.template.key
        self._tasks.run(
            lambda: returns_history.mark_sent(book, f, key, how),
            lambda _id: self.show_return(),
            self._show_message,
            owner=self,
        )

    def forget(self) -> None:
        record = self.history.selected()
        if self._opened is None or record is None:
            self._show_message("Choose a return in the list first.")
            return
        if not self.confirm(
            "Remove from the history",
            f"Take the return for {format_date(record.start)} to {format_date(record.end)} off the "
            "history? The audit trail keeps a record that it was there.",
            "Remove",
        ):
            return
        book = self._opened.book
        self._tasks.run(
            lambda: returns_history.forget_sent(book, record.id),
            lambda _r: self.show_return(),
            self._show_message,
            owner=self,
        )
