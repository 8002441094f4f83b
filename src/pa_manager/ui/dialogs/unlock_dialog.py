"""Unlock a book: the secret (passphrase, recovery code or remembered key), then who is acting.

Three steps in one dialog: UnlockStep → NewPassphraseStep (only after the recovery code) →
ActingStep. Every book call runs on the TaskRunner; while one runs, the buttons are disabled so a
second click cannot queue a second unlock. A wrong passphrase shows the service's sentence beside
the field and keeps the dialog open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.holder import Person
from pa_manager.services.book import (
    Book,
    open_book,
    set_new_passphrase,
    unlock_info,
)
from pa_manager.ui.dialogs.acting_step import ActingStep, NewPerson
from pa_manager.ui.dialogs.new_passphrase_step import NewPassphraseStep
from pa_manager.ui.dialogs.unlock_step import UnlockMode, UnlockRequest, UnlockStep
from pa_manager.ui.session import OpenedBook, describe
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.widgets.scrolling import scrolling

_UNLOCK, _NEW_PASSPHRASE, _ACTING = range(3)


class UnlockDialog(QDialog):
    """Emits `book_opened(OpenedBook)` and accepts once the book is open and someone is acting."""

    book_opened = Signal(object)

    def __init__(
        self,
        path: Path,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        visit_mode: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Unlock a book — PA Manager")
        self.path = Path(path)
        self._tasks = tasks
        self._book: Book | None = None
        self.opened: OpenedBook | None = None

        self.unlock_step = UnlockStep(self.path, visit_mode=visit_mode)
        self.new_passphrase_step = NewPassphraseStep()
        self.acting_step = ActingStep()
        self.steps = QStackedWidget()
        for step in (self.unlock_step, self.new_passphrase_step, self.acting_step):
            self.steps.addWidget(scrolling(step))

        self.buttons = QDialogButtonBox()
        self.primary = QPushButton("&Open")
        self.primary.setDefault(True)
        self.buttons.addButton(self.primary, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Enter always means the main action, even after the focus has passed over Cancel.
        self.cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_primary_clicked)
        self.buttons.rejected.connect(self.reject)

        self._size_to_current_step()
        column = QVBoxLayout(self)
        column.addWidget(self.steps)
        column.addWidget(self.buttons)
        fit_to_text(self, 80, 30)
        self.unlock_step.focus_first()
        self._busy(True)
        self._tasks.run(lambda: unlock_info(self.path), self._on_info, self._on_info_failed, owner=self)

    # -- steps --------------------------------------------------------------------------
    def _on_primary_clicked(self) -> None:
        step = self.steps.currentIndex()
        if step == _UNLOCK:
            request = self.unlock_step.request()
            if request is not None:
                self._unlock(request)
        elif step == _NEW_PASSPHRASE:
            self._save_new_passphrase()
        else:
            self._choose_person()

    def _unlock(self, request: UnlockRequest) -> None:
        path = self.path

        def work() -> tuple[Book, bool]:
            book = open_book(
                path,
                passphrase=request.secret if request.mode is UnlockMode.PASSPHRASE else None,
                recovery_code=request.secret if request.mode is UnlockMode.RECOVERY else None,
                use_remembered=request.mode is UnlockMode.REMEMBERED,
                visit_mode=request.visit_mode,
            )
            return book, bool(book.opened_by_recovery)

        self._busy(True)
        self._tasks.run(work, self._on_unlocked, self._on_unlock_failed, owner=self)

    def _on_unlocked(self, result: tuple[Book, bool]) -> None:
        self._book, by_recovery = result
        self._busy(False)
        if by_recovery:
            self._go(_NEW_PASSPHRASE, "&Save new passphrase")
        else:
            self._load_people()

    def _on_unlock_failed(self, message: str) -> None:
        self._busy(False)
        self.unlock_step.show_error(message)

    def _save_new_passphrase(self) -> None:
        new = self.new_passphrase_step.pair.passphrase()
        if new is None or self._book is None:
            return
        book = self._book
        self._busy(True)
        self._tasks.run(
            lambda: set_new_passphrase(book, new),
            lambda _r: self._load_people(),
            self._on_new_passphrase_failed,
            owner=self,
        )

    def _on_new_passphrase_failed(self, message: str) -> None:
        self._busy(False)
        self.new_passphrase_step.pair.first_message.show_message(message)
        self.new_passphrase_step.pair.first.setFocus()

    def _load_people(self) -> None:
        book = self._book
        assert book is not None

        def work() -> tuple[list[Person], str, bool]:
            return list(book.people()), str(book.holder_name), bool(book.visit_mode)

        self._busy(True)
        self._tasks.run(work, self._on_people_loaded, self._on_step_failed, owner=self)

    def _on_people_loaded(self, result: tuple[list[Person], str, bool]) -> None:
        people, holder_name, visit_mode = result
        first_name = holder_name.split()[0] if holder_name.split() else ""
        self.acting_step.set_people(people, first_name, visit_mode)
        self._busy(False)
        self._go(_ACTING, "&Continue")

    def _choose_person(self) -> None:
        choice = self.acting_step.choice()
        if choice is None or self._book is None:
            return
        book = self._book

        def work() -> OpenedBook:
            if isinstance(choice, NewPerson):
                person = book.add_person(choice.name, choice.role, choice.relationship)
                book.act_as(person.id)
            else:
                book.act_as(choice)
            return describe(book)

        self._busy(True)
        self._tasks.run(work, self._on_acting_chosen, self._on_step_failed, owner=self)

    def _on_acting_chosen(self, opened: OpenedBook) -> None:
        self._busy(False)
        self.opened = opened
        self._book = None  # handed over: the caller now owns closing it
        self.book_opened.emit(opened)
        self.accept()

    def _on_step_failed(self, message: str) -> None:
        self._busy(False)
        self.acting_step.show_error(message)

    # -- helpers --------------------------------------------------------------------------
    def _on_info(self, info: object) -> None:
        self._busy(False)
        if not getattr(info, "exists", True):
            self.unlock_step.show_error(
                f"There is no book at {self.path}. Check the USB stick or folder, then try again."
            )
            self.primary.setEnabled(False)
            return
        self.unlock_step.set_remembered(bool(getattr(info, "remembered", False)))
        self.unlock_step.focus_first()

    def _on_info_failed(self, message: str) -> None:
        self._busy(False)
        self.unlock_step.show_error(message)

    def _go(self, step: int, primary_text: str) -> None:
        self.steps.setCurrentIndex(step)
        self._size_to_current_step()
        self.primary.setText(primary_text)
        widget = self.current_step()
        if isinstance(widget, (NewPassphraseStep, ActingStep)):
            widget.focus_first()

    def current_step(self) -> QWidget:
        """The step being shown (each sits in its own scroll area)."""
        area = self.steps.currentWidget()
        assert isinstance(area, QScrollArea)
        step = area.widget()
        assert step is not None
        return step

    def _size_to_current_step(self) -> None:
        # A stacked widget is as big as its biggest page; only the shown step should count.
        for index in range(self.steps.count()):
            current = index == self.steps.currentIndex()
            policy = QSizePolicy.Policy.Preferred if current else QSizePolicy.Policy.Ignored
            page = self.steps.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.steps.adjustSize()

    def _busy(self, busy: bool) -> None:
        self.primary.setEnabled(not busy)
        self.primary.setDefault(True)
        self.steps.setEnabled(not busy)

    def is_busy(self) -> bool:
        return not self.primary.isEnabled()

    def reject(self) -> None:
        """Cancel: a book opened but not handed over is closed, so its key leaves memory."""
        if self._book is not None:
            book, self._book = self._book, None
            self._tasks.run(book.close)
        super().reject()
