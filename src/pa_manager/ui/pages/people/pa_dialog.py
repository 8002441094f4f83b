"""A PA's full record in three tabs: about the PA, pay and hours, and paperwork.

Save checks every field and shows each problem under its field (switching to the first tab with
one), then makes the domain `PA`, whose own refusal is shown at the top; only then is the record
sent to the book, and a refusal from the book is shown too. Nothing is saved until all is well.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from pa_manager.domain.compliance import ComplianceTopic
from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import PA
from pa_manager.services import people
from pa_manager.services.book import Book
from pa_manager.services.people import PaExtras, PaRecord
from pa_manager.ui.pages.people.compliance_tab import ComplianceTab
from pa_manager.ui.pages.people.details_form import DetailsForm
from pa_manager.ui.pages.people.pay_form import PayForm
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text
from pa_manager.ui.widgets.field_message import FieldMessage
from pa_manager.ui.widgets.scrolling import scrolling

DETAILS_TAB, PAY_TAB, PAPERWORK_TAB = range(3)


def tab_for(topic: ComplianceTopic | None) -> int:
    """Which tab deals with a to-do item (None: the record itself is not finished)."""
    if topic is None:
        return PAY_TAB
    if topic is ComplianceTopic.COUNCIL_APPROVAL:
        return DETAILS_TAB
    return PAPERWORK_TAB


class PaDialog(QDialog):
    """`saved(pa_id)` after the record is saved; `changed` when paperwork was recorded."""

    saved = Signal(int)
    changed = Signal()

    def __init__(
        self,
        tasks: TaskRunner,
        book: Book,
        record: PaRecord | None,
        *,
        tab: int = DETAILS_TAB,
        topic: ComplianceTopic | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book, self._record = tasks, book, record
        title = f"{record.name}: record" if record else "Add a PA"
        self.setWindowTitle(title)
        self.heading = ScaledLabel(title, scale=1.4, bold=True)
        self.heading.setWordWrap(True)
        self.problem = FieldMessage()
        self.details = DetailsForm()
        self.pay = PayForm()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the record")
        self.tabs.addTab(scrolling(self.details), "&About the PA")
        self.tabs.addTab(scrolling(self.pay), "Pay and &hours")
        self.paperwork: ComplianceTab | None = None
        if record is not None:
            self.paperwork = ComplianceTab(tasks, book, record.id)
            self.paperwork.changed.connect(self.changed)
            self.tabs.addTab(scrolling(self.paperwork), "&Paperwork")
        else:
            note = QLabel(
                "Save the PA's details first; then open their record again to add their contract, "
                "right-to-work check, DBS certificate and training."
            )
            note.setWordWrap(True)
            holder = QWidget()
            QVBoxLayout(holder).addWidget(note)
            self.tabs.addTab(holder, "&Paperwork")
        if record is not None:
            self.details.fill(record.pa, record.name, record.start_date, record.leave_date, record.extras)
            self.pay.fill(record.pa)
            if record.pa is None:
                self.problem.show_message(
                    f"{record.name}'s record is not finished: type their pay rates and how they work on the "
                    "Pay and hours tab, then Save."
                )
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.problem)
        column.addWidget(self.tabs, 1)
        column.addWidget(buttons)
        self.tabs.setCurrentIndex(tab)
        if tab == PAPERWORK_TAB and self.paperwork is not None:
            self.paperwork.section_for(topic).setFocus()
        fit_to_text(self, 90, 40)

    def save(self) -> None:
        """Check everything, then save the record on the worker; shows problems and saves nothing."""
        self.problem.clear_message()
        details = self.details.details()
        terms = self.pay.terms()
        if details is None or terms is None:
            self.tabs.setCurrentIndex(DETAILS_TAB if details is None else PAY_TAB)
            self.problem.show_message("Nothing was saved: fix the problems shown under the fields.")
            return
        try:
            pa = PA(
                name=details.name,
                start_date=details.start_date,
                employment_type=details.employment_type,
                pay_frequency=details.pay_frequency,
                rates=terms.rates,
                holiday_scheme=terms.holiday_scheme,
                weekly_hours=terms.weekly_hours,
                days_per_week=terms.days_per_week,
                date_of_birth=details.date_of_birth,
                ni_number=details.ni_number,
                utr=details.utr,
                leave_date=details.leave_date,
                contact=details.contact,
                relative_in_household=details.relative_in_household,
                council_approved_on=details.council_approved_on,
            )
        except DomainError as err:
            self.problem.show_message(f"Nothing was saved: {err}")
            return
        old = self._record.extras if self._record else PaExtras()
        extras = PaExtras(
            details.tax_code, old.pension_status, old.holiday_year_starts, old.apprenticeship_started
        )
        book, record = self._book, self._record
        self.save_button.setEnabled(False)

        def work() -> int:
            if record is None:
                return people.add_pa(book, pa, extras)
            people.update_pa(book, record.id, pa, extras)
            return record.id

        self._tasks.run(work, self._on_saved, self._on_save_failed, owner=self)

    def _on_saved(self, pa_id: int) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(pa_id)
        self.accept()

    def _on_save_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.problem.show_message(f"Nothing was saved: {message}")
