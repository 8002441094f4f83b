"""Opens the Money page's dialogs (import, reconcile, pots and commitments) for the open book,
and refreshes the pages whose figures a dialog changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from pa_manager.ui.pages.money.dialogs.import_dialog import ImportDialog
from pa_manager.ui.pages.money.dialogs.pots_dialog import PotsDialog
from pa_manager.ui.pages.money.dialogs.reconcile_dialog import ReconcileDialog
from pa_manager.ui.pages.money.money_page import MoneyPage
from pa_manager.ui.tasks import TaskRunner


class MoneyDialogs(QObject):
    """Connects the page's requests to the dialogs; `changed` runs after any dialog wrote."""

    def __init__(self, page: MoneyPage, tasks: TaskRunner, changed: Callable[[], None]) -> None:
        super().__init__(page)
        self._page, self._tasks, self._changed = page, tasks, changed
        self.current: QDialog | None = None  # the dialog showing, for tests
        page.import_requested.connect(self.show_import)
        page.reconcile_requested.connect(self.show_reconcile)
        page.pots_requested.connect(self.show_pots)

    def show_import(self) -> None:
        if (opened := self._page.opened) is not None:
            account = self._page.filters.account_id()
            self._show(ImportDialog(opened.book, self._tasks, account_id=account, parent=self._page))

    def show_reconcile(self) -> None:
        if (opened := self._page.opened) is not None:
            account = self._page.filters.account_id()
            self._show(ReconcileDialog(opened.book, self._tasks, account_id=account, parent=self._page))

    def show_pots(self) -> None:
        if (opened := self._page.opened) is not None:
            self._show(PotsDialog(opened.book, self._tasks, parent=self._page))

    def _show(self, dialog: ImportDialog | ReconcileDialog | PotsDialog) -> None:
        dialog.book_changed.connect(lambda _summary: self._changed())
        dialog.finished.connect(self._forget)
        self.current = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _forget(self) -> None:
        if self.current is not None:
            self.current.deleteLater()
        self.current = None
