"""Record the employer's liability insurance: insurer, policy number and the last day of cover."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from pa_manager.domain.compliance import InsurancePolicy
from pa_manager.domain.errors import DomainError
from pa_manager.services import compliance_records
from pa_manager.services.book import Book
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.widgets.date_edit import DateEdit
from pa_manager.ui.widgets.field_message import add_field, make_form
from pa_manager.ui.widgets.save_dialog import SaveDialog


class InsuranceDialog(SaveDialog):
    """`saved` after the policy is recorded."""

    def __init__(self, tasks: TaskRunner, book: Book, parent: QWidget | None = None) -> None:
        title = "Employer's liability insurance"
        super().__init__(tasks, book, title, title, parent)
        text = QLabel(
            "The law requires it once anyone works for you. Record each year's policy when you renew."
        )
        text.setWordWrap(True)
        self.insurer = QLineEdit()
        self.insurer.setMaxLength(200)
        self.policy = QLineEdit()
        self.policy.setMaxLength(100)
        self.renews_on = DateEdit()
        form = make_form()
        self.insurer_message = add_field(form, "&Insurer", self.insurer)
        add_field(form, "&Policy number", self.policy)
        self.renews_message = add_field(
            form, "Last day of &cover", self.renews_on, "The renewal date on the schedule."
        )
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(text)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addStretch(1)
        column.addWidget(self.buttons)
        fit_to_text(self, 60, 22)

    def _on_save(self) -> None:
        for message in (self.insurer_message, self.renews_message, self.problem):
            message.clear_message()
        try:
            renews = self.renews_on.date_value()
        except DomainError as err:
            self.renews_message.show_message(str(err))
            return
        assert renews is not None
        try:
            policy = InsurancePolicy(self.insurer.text().strip(), renews, self.policy.text().strip())
        except DomainError as err:
            self.insurer_message.show_message(str(err))
            return
        book = self._book
        self.save_on_worker(lambda: compliance_records.record_insurance(book, policy))
