"""The "Paperwork" tab of a PA's record: contract, right to work, DBS and training, each with its state.

Each section's button records at once (on the worker), separately from the record's Save. The list
at the top says how each item stands in words with a sign before it ("✔ In order", "⚠ Due soon",
"⚠ Overdue", "✖ Missing"), so colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.compliance import (
    ComplianceItem,
    ComplianceState,
    ComplianceTopic,
    DbsCertificate,
    DbsLevel,
    PaRecords,
    RightToWorkCheck,
    RightToWorkMethod,
    TrainingRecord,
    check_pa,
)
from pa_manager.domain.errors import DomainError
from pa_manager.domain.people import long_date
from pa_manager.services import compliance_records as records
from pa_manager.services import people
from pa_manager.services.book import Book
from pa_manager.ui.pages.people.pa_documents import PaDocumentsSection
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import FieldMessage, add_field, make_form

STATE_WORDS = {
    ComplianceState.OK: "✔ In order",
    ComplianceState.DUE_SOON: "⚠ Due soon",
    ComplianceState.OVERDUE: "⚠ Overdue",
    ComplianceState.MISSING: "✖ Missing",
}


def state_line(title: str, state: ComplianceState, explanation: str) -> str:
    """ "⚠ Overdue — DBS check: Maya's DBS certificate …"."""
    return f"{STATE_WORDS[state]} — {title}: {explanation}"


@dataclass(frozen=True, slots=True)
class _Loaded:
    items: tuple[ComplianceItem, ...]
    records: PaRecords
    training: list[tuple[int, TrainingRecord]]


class _Section(QFrame):
    def __init__(self, heading: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.column = QVBoxLayout(self)
        title = ScaledLabel(heading, scale=1.1, bold=True)
        title.setWordWrap(True)
        self.column.addWidget(title)
        self.form = make_form()
        self.column.addLayout(self.form)


class ComplianceTab(QWidget):
    """`loaded` after every (re)load; `changed` after anything was recorded."""

    loaded = Signal()
    changed = Signal()

    def __init__(self, tasks: TaskRunner, book: Book, pa_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._book, self._pa_id = tasks, book, pa_id
        self.status = QLabel("Reading the paperwork…")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("How the paperwork stands")
        self.problem = FieldMessage()

        self.contract = _Section("Written contract")
        self.contract_date = DateEdit(optional=True)
        self.contract_message = add_field(
            self.contract.form, "Date the contract was &given", self.contract_date
        )
        self.contract_button = QPushButton("Record contract date")
        self.contract.column.addWidget(self.contract_button)

        self.rtw = _Section("Right to work in the UK")
        self.rtw_date = DateEdit()
        self.rtw_method = QComboBox()
        for method in RightToWorkMethod:
            self.rtw_method.addItem(method.label[0].upper() + method.label[1:], method)
        self.rtw_follow_up = DateEdit(optional=True)
        self.rtw_message = add_field(self.rtw.form, "Date &checked", self.rtw_date)
        add_field(self.rtw.form, "&How it was checked", self.rtw_method)
        self.follow_message = add_field(
            self.rtw.form,
            "&Follow-up check due",
            self.rtw_follow_up,
            "Only if their permission to work is time-limited.",
        )
        self.rtw_button = QPushButton("Record right-to-work check")
        self.rtw.column.addWidget(self.rtw_button)

        self.dbs = _Section("DBS certificate")
        self.dbs_number = QLineEdit()
        self.dbs_number.setMaxLength(30)
        self.dbs_level = QComboBox()
        for level in DbsLevel:
            self.dbs_level.addItem(level.label[0].upper() + level.label[1:], level)
        self.dbs_level.setCurrentIndex(self.dbs_level.findData(DbsLevel.ENHANCED))
        self.dbs_issued = DateEdit()
        self.dbs_update = QCheckBox("On the DBS &Update Service")
        self.dbs_number_message = add_field(self.dbs.form, "Certificate &number", self.dbs_number)
        add_field(self.dbs.form, "&Level", self.dbs_level)
        self.dbs_issued_message = add_field(self.dbs.form, "Date &issued", self.dbs_issued)
        self.dbs.form.addRow(self.dbs_update)
        self.dbs_button = QPushButton("Record DBS certificate")
        self.dbs.column.addWidget(self.dbs_button)

        self.training = _Section("Training")
        self.training_list = QListWidget()
        self.training_list.setAccessibleName("Training recorded")
        self.training_list.setWordWrap(True)
        self.remove_training_button = QPushButton("Remove selected training")
        self.course = QLineEdit()
        self.course.setMaxLength(200)
        self.course_done = DateEdit()
        self.course_renew = DateEdit(optional=True)
        self.training.column.insertWidget(1, self.training_list)
        self.training.column.insertWidget(2, self.remove_training_button)
        self.course_message = add_field(self.training.form, "C&ourse", self.course)
        self.done_message = add_field(self.training.form, "Date co&mpleted", self.course_done)
        self.renew_message = add_field(
            self.training.form, "&Renew by", self.course_renew, "Blank if it never needs renewing."
        )
        self.training_button = QPushButton("Add training")
        self.training.column.addWidget(self.training_button)

        column = QVBoxLayout(self)
        column.addWidget(self.status)
        column.addWidget(self.problem)
        # The signed contract, right-to-work evidence and DBS certificate themselves, encrypted.
        self.documents = PaDocumentsSection(tasks, book, pa_id)
        for section in (self.contract, self.rtw, self.dbs, self.training, self.documents):
            column.addWidget(section)
        column.addStretch(1)
        self._training_ids: list[int] = []

        self.contract_button.clicked.connect(self._on_contract)
        self.rtw_button.clicked.connect(self._on_rtw)
        self.dbs_button.clicked.connect(self._on_dbs)
        self.training_button.clicked.connect(self._on_training)
        self.remove_training_button.clicked.connect(self._on_remove_training)
        self.reload()

    def section_for(self, topic: ComplianceTopic | None) -> QWidget:
        """The section to show for a to-do item."""
        return (
            {
                ComplianceTopic.CONTRACT: self.contract_date,
                ComplianceTopic.RIGHT_TO_WORK: self.rtw_date,
                ComplianceTopic.DBS: self.dbs_number,
                ComplianceTopic.TRAINING: self.course,
            }.get(topic, self.contract_date)
            if topic is not None
            else self.contract_date
        )

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        book, pa_id = self._book, self._pa_id

        def work() -> _Loaded:
            record = people.get_pa(book, pa_id)
            found = records.pa_records(book, pa_id)
            items = check_pa(record.pa, found, date.today()) if record.pa is not None else ()
            return _Loaded(items, found, records.training_ids(book, pa_id))

        self._tasks.run(work, self._on_loaded, self._on_failed, owner=self)

    def _on_loaded(self, loaded: _Loaded) -> None:
        lines = [state_line(i.title, i.state, i.explanation) for i in loaded.items]
        self.status.setText("\n\n".join(lines) if lines else "Nothing is needed for this PA just now.")
        self.contract_date.set_date(loaded.records.contract_given_on)
        self.training_list.clear()
        self._training_ids = [tid for tid, _t in loaded.training]
        for _tid, t in loaded.training:
            renew = f", renew by {long_date(t.renew_on)}" if t.renew_on else ", no renewal needed"
            self.training_list.addItem(f"{t.course}: completed {long_date(t.completed_on)}{renew}")
        self.remove_training_button.setEnabled(bool(loaded.training))
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self.problem.show_message(message)
        self.loaded.emit()

    # -- recording -------------------------------------------------------------------------
    def _record(self, fn: Callable[[], Any], message: FieldMessage | None = None) -> None:
        self.problem.clear_message()

        def done(_result: object) -> None:
            self.changed.emit()
            self.reload()

        def failed(text: str) -> None:
            (message or self.problem).show_message(text)
            self.loaded.emit()

        self._tasks.run(fn, done, failed, owner=self)

    def _read(self, message: FieldMessage, fn: Callable[[], Any]) -> Any:
        message.clear_message()
        try:
            return fn()
        except DomainError as err:
            message.show_message(str(err))
            return None

    def _on_contract(self) -> None:
        book, pa_id = self._book, self._pa_id
        self.contract_message.clear_message()
        try:
            day = self.contract_date.date_value()
        except DomainError as err:
            self.contract_message.show_message(str(err))
            return
        self._record(lambda: people.record_contract(book, pa_id, day), self.contract_message)

    def _on_rtw(self) -> None:
        checked = self._read(self.rtw_message, self.rtw_date.date_value)
        follow = (
            self._read(self.follow_message, self.rtw_follow_up.date_value)
            if self.rtw_follow_up.text().strip()
            else None
        )
        if checked is None or (self.rtw_follow_up.text().strip() and follow is None):
            return
        check = self._read(
            self.follow_message, lambda: RightToWorkCheck(checked, self.rtw_method.currentData(), follow)
        )
        if check is not None:
            book, pa_id = self._book, self._pa_id
            self._record(lambda: records.record_right_to_work(book, pa_id, check), self.rtw_message)

    def _on_dbs(self) -> None:
        issued = self._read(self.dbs_issued_message, self.dbs_issued.date_value)
        if issued is None:
            return
        cert = self._read(
            self.dbs_number_message,
            lambda: DbsCertificate(
                self.dbs_number.text(), self.dbs_level.currentData(), issued, self.dbs_update.isChecked()
            ),
        )
        if cert is not None:
            book, pa_id = self._book, self._pa_id
            self._record(lambda: records.record_dbs(book, pa_id, cert), self.dbs_issued_message)

    def _on_training(self) -> None:
        done = self._read(self.done_message, self.course_done.date_value)
        renew = (
            self._read(self.renew_message, self.course_renew.date_value)
            if self.course_renew.text().strip()
            else None
        )
        if done is None:
            return
        record = self._read(
            self.course_message, lambda: TrainingRecord(self.course.text().strip(), done, renew)
        )
        if record is not None:
            book, pa_id = self._book, self._pa_id
            self._record(lambda: records.record_training(book, pa_id, record), self.course_message)

    def _on_remove_training(self) -> None:
        row = self.training_list.currentRow()
        if 0 <= row < len(self._training_ids):
            book, training_id = self._book, self._training_ids[row]
            self._record(lambda: records.remove_training(book, training_id))
