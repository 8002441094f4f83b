"""What the Receipts page's buttons do: add (picker, drop, paste), view, link, describe, export,
remove, and the missing-evidence actions. Book work runs on the TaskRunner's worker.

The only place a decrypted file is written is `export_selected`, to the path the user picked in a
Save As dialog. Pasted pictures are turned into PNG bytes in memory, never into a file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from pa_manager.services import document_files, documents
from pa_manager.services.errors import BookError
from pa_manager.ui.tasks import TaskRunner, show_error
from pa_manager.ui.widgets.document_files import choose_copy_path, choose_documents

if TYPE_CHECKING:
    from pa_manager.ui.pages.receipts.receipts_page import ReceiptsPage


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drop or paste carries (web links are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def _confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, "Remove document", text)
    return answer == QMessageBox.StandardButton.Yes


def _outcome(results: list[tuple[str, str]]) -> str:
    added = [t for kind, t in results if kind == "added"]
    already = [t for kind, t in results if kind == "already"]
    refused = [t for kind, t in results if kind == "refused"]
    parts = []
    if added:
        parts.append(f"Added {len(added)}: {', '.join(added)}.")
    if already:
        parts.append(f"Already in the book, not stored again: {', '.join(already)}.")
    parts.extend(f"Not added: {message}" for message in refused)
    return " ".join(parts)


class ReceiptActions:
    """The page's actions. `choose_files`, `choose_save_path` and `confirm` ask the user; tests
    replace them."""

    def __init__(self, page: ReceiptsPage, tasks: TaskRunner) -> None:
        self.page, self._tasks = page, tasks
        self.choose_files: Callable[[], list[Path]] = lambda: choose_documents(
            page, "Add receipts and documents"
        )
        self.choose_save_path: Callable[[str], Path | None] = lambda name: choose_copy_path(page, name)
        self.confirm: Callable[[str], bool] = lambda text: _confirm(page, text)
        self.dialog: QWidget | None = None  # the dialog last opened, for tests

    # -- adding ----------------------------------------------------------------------------
    def add_files(self) -> None:
        paths = self.choose_files()
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[Path], link_to: list[int] | None = None, day: date | None = None) -> None:
        opened = self.page.opened
        if opened is None:
            return
        book, links = opened.book, list(link_to or [])

        def work() -> list[tuple[str, str]]:
            results = []
            for path in paths:
                try:
                    r = documents.add_file(book, path, txn_ids=links, day=day)
                except BookError as err:
                    results.append(("refused", str(err)))
                else:
                    results.append(("already" if r.already else "added", r.title))
            return results

        self.page.note("Adding…")
        self._tasks.run(
            work, lambda results: self._added(results, linked=bool(links)), self._failed, owner=self.page
        )

    def add_bytes(self, name: str, data: bytes) -> None:
        opened = self.page.opened
        if opened is None:
            return
        book = opened.book

        def work() -> list[tuple[str, str]]:
            try:
                r = documents.add_document(book, document_files.check_file(name, data))
            except BookError as err:
                return [("refused", str(err))]
            return [("already" if r.already else "added", r.title)]

        self._tasks.run(work, self._added, self._failed, owner=self.page)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_files(mime)
        if paths:
            self.add_paths(paths)
            return
        if mime is not None and mime.hasImage():
            image = QImage(mime.imageData())
            buffer = QBuffer()  # in memory: a pasted picture never touches the disk
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            data = bytes(QByteArray(buffer.data()).data())
            self.add_bytes("Pasted picture.png", data)
            return
        self.page.note("There is no picture or file to paste. Copy a photo or a file first.")

    def _added(self, results: list[tuple[str, str]], linked: bool = False) -> None:
        text = _outcome(results)
        if not linked and any(kind == "added" for kind, _t in results):
            text += (
                " To say which payments a receipt is evidence for, select it and choose “Link to payments…”."
            )
        self.page.note(text)
        refused = [t for kind, t in results if kind == "refused"]
        if refused:
            show_error("\n\n".join(refused), self.page)
        if any(kind != "refused" for kind, _t in results):
            self.page.changed.emit()
        self.page.refresh()

    def _failed(self, message: str) -> None:
        self.page.note(message)
        show_error(message, self.page)

    # -- one document ----------------------------------------------------------------------
    def _one(self) -> documents.DocumentInfo | None:
        chosen = self.page.selected_documents()
        return chosen[0] if len(chosen) == 1 else None

    def view_selected(self) -> None:
        from pa_manager.ui.pages.receipts.viewer_dialog import ViewerDialog

        doc, opened = self._one(), self.page.opened
        if doc is None or opened is None:
            return
        dialog = ViewerDialog(self._tasks, opened.book, doc, self.page)
        dialog.export_requested.connect(lambda: self.export(doc))
        self._open(dialog)

    def link_selected(self) -> None:
        from pa_manager.ui.pages.receipts.link_dialog import LinkDialog

        doc, opened = self._one(), self.page.opened
        if doc is None or opened is None:
            return
        dialog = LinkDialog(self._tasks, opened.book, doc, self.page)
        dialog.saved.connect(self._changed)
        self._open(dialog)

    def describe_selected(self) -> None:
        from pa_manager.ui.pages.receipts.details_dialog import DetailsDialog

        doc, opened = self._one(), self.page.opened
        if doc is None or opened is None:
            return
        dialog = DetailsDialog(self._tasks, opened.book, doc, self.page.pas, self.page)
        dialog.saved.connect(self._changed)
        self._open(dialog)

    def export_selected(self) -> None:
        doc = self._one()
        if doc is not None:
            self.export(doc)

    def export(self, doc: documents.DocumentInfo) -> None:
        """Save a decrypted copy where the user chooses: the one way a file leaves the book."""
        opened = self.page.opened
        target = self.choose_save_path(doc.name) if opened is not None else None
        if target is None or opened is None:
            return
        book = opened.book
        self._tasks.run(
            lambda: documents.export_document(book, doc.id, target),
            lambda path: self.page.note(f"Saved an unencrypted copy of “{doc.title}” as {path}."),
            self._failed,
            owner=self.page,
        )

    def remove_selected(self) -> None:
        doc, opened = self._one(), self.page.opened
        if doc is None or opened is None:
            return
        if not self.confirm(f"Remove “{doc.title}” from the book? It is evidence for: {doc.linked_to}."):
            return
        book = opened.book
        self._tasks.run(
            lambda: documents.delete_document(book, doc.id),
            lambda _r: self._changed(f"Removed “{doc.title}”."),
            self._failed,
            owner=self.page,
        )

    def _changed(self, text: str = "") -> None:
        self.page.note(text)
        self.page.changed.emit()
        self.page.refresh()

    def _open(self, dialog: QWidget) -> None:
        # One dialog at a time is kept (tests look at it); a closed earlier one is let go.
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.show()

    # -- missing evidence ------------------------------------------------------------------
    def add_for_missing(self) -> None:
        chosen = self.page.selected_missing()
        if not chosen:
            return
        paths = self.choose_files()
        if paths:
            self.add_paths(paths, [m.txn_id for m in chosen], day=chosen[0].day)

    def link_existing_to_missing(self) -> None:
        from pa_manager.ui.pages.receipts.choose_document_dialog import ChooseDocumentDialog

        chosen, opened = self.page.selected_missing(), self.page.opened
        if not chosen or opened is None:
            return
        dialog = ChooseDocumentDialog(self.page.all_documents(), chosen, self.page)
        book, ids = opened.book, [m.txn_id for m in chosen]

        def link(document_id: int) -> None:
            self._tasks.run(
                lambda: documents.link_transactions(book, document_id, ids),
                lambda _r: self._changed("Linked."),
                self._failed,
                owner=self.page,
            )

        dialog.chosen.connect(link)
        self._open(dialog)

    def edit_rules(self) -> None:
        from pa_manager.ui.pages.receipts.rules_dialog import RulesDialog

        opened = self.page.opened
        if opened is None:
            return
        dialog = RulesDialog(self._tasks, opened.book, self.page)
        dialog.saved.connect(self._changed)
        self._open(dialog)
