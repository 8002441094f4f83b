"""A PA's documents on the Paperwork tab: add a contract as a PDF, see it listed, view it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pa_manager.services import documents
from pa_manager.ui.pages.people.pa_documents import EMPTY, PaDocumentsSection
from pa_manager.ui.pages.receipts.viewer_dialog import ViewerDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.services.receipts import files
from tests.ui.money.conftest import on_worker


def test_a_pas_contract_is_added_listed_and_viewed(
    qtbot: QtBot, tasks: TaskRunner, opened: OpenedBook, tmp_path: Path
) -> None:
    from datetime import date

    from pa_manager.store.models import PARow

    def add_pa() -> int:
        with opened.book.write() as s:
            row = PARow(name="Amira Khan", start_date=date(2026, 1, 5))
            s.add(row)
            s.flush()
            return row.id

    pa_id = on_worker(qtbot, tasks, add_pa)
    section = PaDocumentsSection(tasks, opened.book, pa_id)
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    assert section.empty.isVisible() and section.empty.text() == EMPTY
    (tmp_path / "contract.pdf").write_bytes(files.pdf(pages=2))
    section.choose_files = lambda: [tmp_path / "contract.pdf"]
    section.kind.setCurrentIndex(section.kind.findText("Contract"))
    section.add_button.click()
    qtbot.waitUntil(lambda: section.titles() == ["contract"], timeout=30_000)
    (doc,) = on_worker(qtbot, tasks, lambda: documents.list_documents(opened.book, pa_id=pa_id))
    assert doc.kind == "contract" and doc.linked_to == "Amira Khan (PA)"
    section.view_button.click()
    viewer = section.viewer
    assert isinstance(viewer, ViewerDialog)
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 1 of 2", timeout=30_000)
    viewer.close()
    # A bad file is refused with its reason, and nothing is added.
    (tmp_path / "dbs.jpg").write_bytes(b"")
    section.choose_files = lambda: [tmp_path / "dbs.jpg"]
    section.add_button.click()
    qtbot.waitUntil(lambda: "is empty" in section.message.message, timeout=30_000)
    assert section.titles() == ["contract"]
