"""The first-run wizard: who the book is for, who manages it, the council, the money, where to
save it, the passphrase, and finally the recovery code.

Pages check their own fields (a message beside each bad one; the wizard does not move on). The
passphrase page creates the book on the worker; after that there is no going back, only the
recovery code and Finish, which hands `created` and the passphrase to the controller to open it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from pa_manager.domain.holder import BudgetHolder
from pa_manager.services.book import (
    CreatedBook,
    NewBook,
    create_book,
    keyring_usable,
    write_recovery_sheet,
)
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.wizard.council_page import CouncilPage
from pa_manager.ui.wizard.funding_page import FundingPage
from pa_manager.ui.wizard.holder_page import HolderPage
from pa_manager.ui.wizard.manager_page import ManagerPage
from pa_manager.ui.wizard.passphrase_page import PassphrasePage
from pa_manager.ui.wizard.recovery_page import RecoveryPage
from pa_manager.ui.wizard.save_page import SavePage


class FirstRunWizard(QWizard):
    """Creates a book. After `accepted`, `created`, `passphrase` and `manager_name` are set."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.setWindowTitle("Create a new book — PA Manager")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, "&Next")
        self.setButtonText(QWizard.WizardButton.BackButton, "&Back")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Cancel")

        self.holder_page = HolderPage()
        self.manager_page = ManagerPage(self.holder_page.holder_name)
        self.council_page = CouncilPage()
        self.funding_page = FundingPage()
        self.save_page = SavePage(self.holder_page.holder_name)
        self.passphrase_page = PassphrasePage(self._create)
        self.recovery_page = RecoveryPage(self._write_sheet)
        for page in (
            self.holder_page,
            self.manager_page,
            self.council_page,
            self.funding_page,
            self.save_page,
            self.passphrase_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.currentIdChanged.connect(self._on_current_id_changed)
        self._tasks.run(keyring_usable, self._on_keyring_checked, lambda _m: None, owner=self)
        fit_to_text(self, 90, 34)

    # -- results ---------------------------------------------------------------------------
    @property
    def created(self) -> CreatedBook | None:
        return self.passphrase_page.created

    @property
    def passphrase(self) -> str:
        return self.passphrase_page.passphrase

    @property
    def manager_name(self) -> str:
        return self.manager_page.manager()[0]

    def new_book(self) -> NewBook:
        """Everything typed so far, as the service's NewBook (raises DomainError if wrong)."""
        council = self.council_page
        holder = BudgetHolder(
            name=self.holder_page.holder_name(),
            council=council.council.text().strip(),
            council_reference=council.reference.text().strip(),
            nation=council.chosen_nation(),
            managed_by=self.manager_page.managed_by(),
            account_type=council.chosen_account_type(),
            date_of_birth=self.holder_page.dob(),
        )
        name, relationship = self.manager_page.manager()
        return NewBook(
            holder=holder,
            funding=self.funding_page.funding(),
            manager_name=name,
            manager_relationship=relationship,
            opening_balance=self.funding_page.opening(),
        )

    # -- work on the book --------------------------------------------------------------------
    def _create(
        self,
        passphrase: str,
        remember: bool,
        on_done: Callable[[CreatedBook], None],
        on_error: Callable[[str], None],
    ) -> None:
        try:
            new = self.new_book()
        except ValueError as exc:  # DomainError/MoneyError: every page checked, but be safe
            on_error(str(exc))
            return
        path = self.save_page.book_path()
        self._tasks.run(
            lambda: create_book(path, passphrase, new, remember=remember),
            on_done,
            on_error,
            owner=self,
        )

    def _write_sheet(
        self, pdf_path: Path, on_done: Callable[[object], None], on_error: Callable[[str], None]
    ) -> None:
        created = self.created
        assert created is not None
        self._tasks.run(lambda: write_recovery_sheet(created, pdf_path), on_done, on_error, owner=self)

    def _on_keyring_checked(self, usable: object) -> None:
        self.passphrase_page.set_keyring_usable(bool(usable))

    def _on_current_id_changed(self, _page_id: int) -> None:
        if self.currentPage() is self.recovery_page and self.created is not None:
            self.recovery_page.set_created(self.created)

    def reject(self) -> None:
        """Once the book exists, closing needs the recovery code kept: Finish is the way out."""
        if self.created is not None:
            if self.recovery_page.kept.isChecked():
                self.accept()
            else:
                self.recovery_page.status.setText(
                    "⚠ The book is already created. Save or print the recovery code, tick the "
                    "box, then choose “Open the book”."
                )
            return
        super().reject()
