"""Pay: the saved pay runs, working out a run for a period, saving, finalising and deleting it,
the run's table and warnings, what is owed to HMRC, payslips to read and to save as PDFs, and
typing in a payroll bureau's payslips.

Every service call runs on the TaskRunner's worker; results come back here on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import EmploymentType
from pa_manager.domain.periods import PayFrequency
from pa_manager.services import pay_documents, pay_runs, pay_settings, people
from pa_manager.services.pay_types import HmrcPosition, PayRunPreview, PayRunRow, PayRunStatus
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.pay.bureau_dialog import BureauDialog, BureauPA
from pa_manager.ui.pages.pay.pay_text import position_sentence
from pa_manager.ui.pages.pay.pay_widgets import ask, card
from pa_manager.ui.pages.pay.payslip_dialog import PayslipDialog
from pa_manager.ui.pages.pay.period_picker import PeriodPicker, RunKey
from pa_manager.ui.pages.pay.run_view import RunView
from pa_manager.ui.pages.pay.runs_list import RunsList
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column

EMPTY = (
    "No pay runs yet. Approve the PAs' timesheets on the People page, then choose a period and Work out pay."
)


@dataclass(frozen=True, slots=True)
class _Loaded:
    runs: list[PayRunRow]
    position: HmrcPosition
    frequency: PayFrequency


class PayPage(QWidget):
    """`loaded` after each (re)load and `run_shown` after each run shown (for tests);
    `pay_changed` after a run was finalised (other pages' figures change)."""

    loaded = Signal()
    run_shown = Signal()
    pay_changed = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self._loaded: _Loaded | None = None
        self._seq = 0
        self._picked = False
        self.payslip_dialog: PayslipDialog | None = None
        self.bureau_dialog: BureauDialog | None = None
        self.exported: list[Path] = []  # the files the last export wrote
        # Asked before finalising and deleting, and where to save PDFs; tests replace them.
        self.confirm: Callable[[str, str, str], bool] = lambda title, text, yes: ask(self, title, text, yes)
        self.choose_folder: Callable[[], Path | None] = self._choose_folder

        self.heading = ScaledLabel("Pay", scale=1.6, bold=True)
        self.hmrc_line = QLabel("Open a book to see its pay runs.")
        self.hmrc_line.setWordWrap(True)
        self.hmrc_line.setAccessibleName("What is owed to HMRC")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()

        runs_card, runs_column = card("Pay runs")
        self.runs = RunsList()
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        runs_column.addWidget(self.runs)
        runs_column.addWidget(self.empty)

        work_card, work_column = card("Work out pay")
        self.picker = PeriodPicker()
        self.work_out_button = QPushButton("&Work out pay")
        self.save_button = QPushButton("&Save draft")
        self.finalise_button = QPushButton("&Finalise…")
        self.delete_button = QPushButton("De&lete draft…")
        self.payslip_button = QPushButton("Show pa&yslip…")
        self.export_button = QPushButton("Save payslips as &PDF…")
        self.bureau_button = QPushButton("Type in a &bureau payslip…")
        buttons = flow_row(
            self.work_out_button,
            self.save_button,
            self.finalise_button,
            self.delete_button,
            self.payslip_button,
            self.export_button,
            self.bureau_button,
        )
        work_column.addWidget(self.picker)
        work_column.addWidget(buttons)
        self.view = RunView()

        content, column = page_column(12)
        # What is done most (work out this period's pay) first; the list of saved runs after it.
        for widget in (self.heading, self.hmrc_line, self.notice, work_card, self.view, runs_card):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll = fill_with_scrolling(self, content)

        self.work_out_button.clicked.connect(self.work_out)
        self.save_button.clicked.connect(self.save_draft)
        self.finalise_button.clicked.connect(self.finalise)
        self.delete_button.clicked.connect(self.delete_draft)
        self.payslip_button.clicked.connect(self.show_payslip)
        self.export_button.clicked.connect(self.export_payslips)
        self.bureau_button.clicked.connect(self.open_bureau)
        self.picker.changed.connect(self._on_picker_changed)
        self.runs.open_requested.connect(self.open_run)
        self.view.table.open_requested.connect(lambda _row: self.show_payslip())
        self.set_book(None)

    # -- the book --------------------------------------------------------------------------
    @property
    def preview(self) -> PayRunPreview | None:
        return self.view.preview

    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        self._loaded = None
        self._picked = False
        self._seq += 1
        self.runs.clear()
        self.view.clear()
        self._note("")
        self.setEnabled(opened is not None)
        for dialog in (self.payslip_dialog, self.bureau_dialog):
            if dialog is not None:
                dialog.done(0)
        if opened is None:
            self.hmrc_line.setText("Open a book to see its pay runs.")
            self.empty.hide()
            self._update_buttons()
            return
        self.refresh()

    def refresh(self) -> None:
        """Load the list of runs and what is owed to HMRC (on the worker)."""
        if self._opened is None:
            return
        book, today = self._opened.book, date.today()

        def work() -> _Loaded:
            return _Loaded(
                pay_runs.pay_runs(book), pay_runs.hmrc_due(book, today), pay_runs.main_frequency(book)
            )

        self._tasks.run(work, self._on_loaded, self._on_load_failed, owner=self)

    def _on_loaded(self, loaded: _Loaded) -> None:
        if self._opened is None:
            return
        self._loaded = loaded
        if not self._picked:
            self._picked = True
            self.picker.set_current(loaded.frequency, date.today())
        shown = self.preview
        self.runs.set_runs(loaded.runs, shown.id if shown is not None else None)
        self.runs.setVisible(bool(loaded.runs))
        self.empty.setVisible(not loaded.runs)
        self.hmrc_line.setText(position_sentence(loaded.position))
        if shown is not None:
            self.view.show_run(shown, loaded.position)  # the HMRC sentence may have changed
        self._update_buttons()
        self.loaded.emit()

    def _on_load_failed(self, message: str) -> None:
        self.hmrc_line.setText(f"⚠ The pay runs could not be read. {message}")
        self.loaded.emit()

    # -- showing a run ---------------------------------------------------------------------
    def _run(
        self,
        work: Callable[[], PayRunPreview | None],
        done: str = "",
        *,
        changed: bool = False,
        finalised: bool = False,
    ) -> None:
        """Run `work` on the worker, then show the run it returns (None: clear) and reload."""
        self._seq += 1
        seq = self._seq
        self._set_busy(True)

        def finished(preview: PayRunPreview | None) -> None:
            if seq != self._seq:
                return
            self._set_busy(False)
            if preview is None:
                self.view.clear()
            else:
                self.picker.set_key((preview.tax_year, preview.frequency, preview.period), preview.pay_date)
                self.view.show_run(preview, self._loaded.position if self._loaded else None)
                # Once the page has been laid out again, bring the run's heading to the top.
                QTimer.singleShot(30, self, self._scroll_to_run)
            self._note(done)
            self._update_buttons()
            self.run_shown.emit()
            if changed:
                self.refresh()
            if finalised:
                self.pay_changed.emit()

        def failed(message: str) -> None:
            if seq == self._seq:
                self._set_busy(False)
                self._note(f"⚠ {message}")
                self._update_buttons()
                self.run_shown.emit()

        self._tasks.run(work, finished, failed, owner=self)

    def _scroll_to_run(self) -> None:
        bar = self.scroll.verticalScrollBar()
        bar.setValue(min(max(self.view.y() - 8, 0), bar.maximum()))

    def _chosen(self) -> tuple[RunKey, date | None] | None:
        try:
            return self.picker.key(), self.picker.chosen_pay_date()
        except DomainError:
            self.picker.pay_date.setFocus()
            return None

    def work_out(self) -> None:
        chosen = self._chosen()
        if chosen is None or self._opened is None:
            return
        (year, frequency, period), day = chosen
        book = self._opened.book
        self._run(lambda: pay_runs.calculate_pay_run(book, year, frequency, period, pay_date=day))

    def open_run(self, run_id: int) -> None:
        if self._opened is not None:
            book = self._opened.book
            self._run(lambda: pay_runs.get_pay_run(book, run_id))

    def save_draft(self) -> None:
        chosen = self._chosen()
        if chosen is None or self._opened is None:
            return
        (year, frequency, period), day = chosen
        book = self._opened.book
        self._run(
            lambda: pay_runs.save_draft(book, year, frequency, period, pay_date=day),
            "Saved as a draft. Work it out again whenever timesheets change, then Finalise.",
            changed=True,
        )

    def finalise(self) -> None:
        shown = self.preview
        if shown is None or self._opened is None or shown.status is PayRunStatus.FINALISED:
            return
        text = (
            f"Finalising locks {shown.label}: its figures and payslips can no longer be changed, and "
            "it cannot be deleted. PA Manager works it out once more from the timesheets as they are "
            "now, then creates what must be paid, shown as committed money on the Money page: net pay "
            f"of {shown.total('net')} to the PAs on the pay date, {shown.hmrc} to HMRC, and "
            f"{shown.total('pension_employee') + shown.total('pension_employer')} to the pension "
            "provider.\n\nFinalise this pay run?"
        )
        if not self.confirm(f"Finalise {shown.label}?", text, "Finalise and lock"):
            return
        book, key, day = self._opened.book, (shown.tax_year, shown.frequency, shown.period), shown.pay_date
        run_id = shown.id

        def work() -> PayRunPreview:
            target = run_id if run_id is not None else pay_runs.save_draft(book, *key, pay_date=day).id
            assert target is not None
            return pay_runs.finalise_pay_run(book, target)

        self._run(
            work,
            f"{shown.label} is finalised and locked. What must be paid is recorded.",
            changed=True,
            finalised=True,
        )

    def delete_draft(self) -> None:
        shown = self.preview
        if (
            shown is None
            or shown.id is None
            or shown.status is not PayRunStatus.DRAFT
            or self._opened is None
        ):
            return
        text = (
            f"Delete the draft pay run {shown.label}? Its saved figures go, and any bureau payslips "
            "typed into it go too. Nothing has been paid from a draft."
        )
        if not self.confirm(f"Delete {shown.label}?", text, "Delete draft"):
            return
        book, run_id = self._opened.book, shown.id

        def work() -> None:
            pay_runs.delete_draft(book, run_id)

        self._run(work, f"Deleted the draft {shown.label}.", changed=True)

    # -- payslips --------------------------------------------------------------------------
    def show_payslip(self) -> None:
        slip, shown = self.view.selected_payslip(), self.preview
        if slip is None or shown is None:
            self._note("⚠ Choose a PA's row in the table first.")
            return
        self.payslip_dialog = PayslipDialog(slip, shown, self)
        self.payslip_dialog.finished.connect(self.view.table.setFocus)
        self.payslip_dialog.open()

    def _choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder for the payslips", str(Path.home()))
        return Path(folder) if folder else None

    def export_payslips(self) -> None:
        shown = self.preview
        if shown is None or shown.id is None or self._opened is None:
            self._note("⚠ Save the pay run (as a draft or finalised) before saving its payslips.")
            return
        folder = self.choose_folder()
        if folder is None:
            return
        book, run_id = self._opened.book, shown.id

        def saved(paths: list[Path]) -> None:
            count = len(paths)
            self._note(f"Saved {count} payslip{'' if count == 1 else 's'} as PDF in {folder}.")
            self.exported = paths

        self.exported = []
        self._tasks.run(
            lambda: pay_documents.export_payslips(book, run_id, folder),
            saved,
            lambda message: self._note(f"⚠ The payslips were not saved. {message}"),
            owner=self,
        )

    # -- bureau ----------------------------------------------------------------------------
    def open_bureau(self) -> None:
        if self._opened is None:
            return
        book = self._opened.book
        first, _last = self.picker.span()
        employee = ("", EmploymentType.EMPLOYEE.label)

        def work() -> list[BureauPA]:
            found = []
            for row in people.list_pas(book, include_left=False, as_of=first):
                if row.employment in employee:
                    found.append(
                        BureauPA(row.id, row.name, pay_settings.payroll_details(book, row.id).bureau)
                    )
            return found

        self._tasks.run(work, self._show_bureau, lambda m: self._note(f"⚠ {m}"), owner=self)

    def _show_bureau(self, pas: list[BureauPA]) -> None:
        chosen = self._chosen()
        if self._opened is None or chosen is None:
            return
        if not pas:
            self._note("⚠ There is no PA employed in this period to type a payslip in for.")
            return
        key, day = chosen
        dialog = BureauDialog(self._tasks, self._opened.book, pas, key, self.picker.describe_key(), day, self)
        dialog.saved.connect(self._on_bureau_saved)
        self.bureau_dialog = dialog
        dialog.open()

    def _on_bureau_saved(self, name: str) -> None:
        self.work_out()
        self._note(f"Saved the bureau's payslip for {name}.")
        self.refresh()

    # -- state -----------------------------------------------------------------------------
    def _on_picker_changed(self) -> None:
        shown = self.preview
        if shown is not None and (shown.tax_year, shown.frequency, shown.period) != self.picker.key():
            self.view.clear("Choose Work out pay to see the pay for the period chosen above.")
            self._update_buttons()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.work_out_button, self.save_button, self.finalise_button, self.delete_button):
            button.setEnabled(not busy)

    def _update_buttons(self) -> None:
        shown = self.preview
        status = shown.status if shown is not None else None
        open_run = status in (PayRunStatus.NOT_SAVED, PayRunStatus.DRAFT)
        has_pay = bool(shown and shown.payslips)
        self.work_out_button.setEnabled(self._opened is not None)
        self.save_button.setEnabled(open_run and has_pay)
        self.finalise_button.setEnabled(open_run and has_pay)
        self.delete_button.setEnabled(status is PayRunStatus.DRAFT)
        self.payslip_button.setEnabled(has_pay)
        self.export_button.setEnabled(has_pay and shown is not None and shown.id is not None)
        self.bureau_button.setEnabled(self._opened is not None)

    def _note(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setVisible(bool(text))
