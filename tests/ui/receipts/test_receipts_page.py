"""The Receipts page: adding (picker, drop, paste), refusing bad files, viewing, linking, export,
the missing-evidence list, and no decrypted copy anywhere on disk."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from pa_manager.services import documents, evidence
from pa_manager.ui.pages.receipts.link_dialog import LinkDialog
from pa_manager.ui.pages.receipts.receipts_page import ReceiptsPage
from pa_manager.ui.pages.receipts.viewer_dialog import ViewerDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from tests.helpers import plaintext_hits
from tests.services.receipts import files
from tests.ui.money.conftest import on_worker


def _settle(qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage) -> None:
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)
    qtbot.wait(20)
    qtbot.waitUntil(tasks.is_idle, timeout=30_000)


def _add(qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, paths: list[Path], **kw: object) -> None:
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.actions.add_paths(paths, **kw)  # type: ignore[arg-type]
    _settle(qtbot, tasks, page)


def _add_and_select(qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, path: Path, data: bytes) -> None:
    """Write `data` to `path`, add it to the book and select it in the documents table."""
    path.write_bytes(data)
    _add(qtbot, tasks, page, [path])
    page.table.selectRow(0)


def _shown_viewer(qtbot: QtBot, page: ReceiptsPage) -> ViewerDialog:
    """The viewer the View button opened, once its first page is drawn."""
    viewer = page.actions.dialog
    assert isinstance(viewer, ViewerDialog)
    qtbot.waitUntil(lambda: viewer.picture.pixmap() is not None and not viewer.picture.pixmap().isNull())
    return viewer


def test_files_are_added_and_listed_with_thumbnails(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, tmp_path: Path
) -> None:
    (tmp_path / "till.jpg").write_bytes(files.jpeg())
    (tmp_path / "invoice.pdf").write_bytes(files.pdf(pages=3))
    page.actions.choose_files = lambda: [tmp_path / "till.jpg", tmp_path / "invoice.pdf"]
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.add_button.click()
    _settle(qtbot, tasks, page)
    assert page.notice.text().startswith("Added 2: till, invoice. To say which payments")
    assert sorted(d.title for d in page.model.rows()) == ["invoice", "till"]
    assert page.tabs.tabText(0) == "&Documents (2)"
    # Thumbnails came from the worker (made when the files were added) and are shown.
    qtbot.waitUntil(lambda: all(page.thumbnails.pixmap(d.id) is not None for d in page.model.rows()))
    # Adding the same photo again stores nothing new.
    _add(qtbot, tasks, page, [tmp_path / "till.jpg"])
    assert page.notice.text() == "Already in the book, not stored again: till."
    assert len(page.model.rows()) == 2


def test_bad_files_are_refused_with_their_reasons(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, opened: OpenedBook, tmp_path: Path
) -> None:
    bad = {
        "empty.pdf": b"",
        "receipt.jpg": files.executable(),
        "photo.jpg": files.corrupt_jpeg(),
        "big scan.pdf": files.big_pdf(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    _add(qtbot, tasks, page, [tmp_path / n for n in bad])
    text = page.notice.text()
    assert "“empty.pdf” is empty" in text
    assert "“receipt.jpg” is not a JPEG, PNG, HEIC photo or PDF" in text
    assert "“photo.jpg” looks like a JPEG photo but is damaged" in text
    assert "“big scan.pdf” is 30.0 MB; files up to 25 MB can be added" in text
    assert page.model.rows() == []
    assert on_worker(qtbot, tasks, lambda: documents.list_documents(opened.book)) == []


def test_dropping_and_pasting_add_files(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, tmp_path: Path
) -> None:
    (tmp_path / "dropped.png").write_bytes(files.png())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.png"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.dropEvent(event)
    _settle(qtbot, tasks, page)
    assert [d.title for d in page.model.rows()] == ["dropped"]
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.paste_button.click()
    _settle(qtbot, tasks, page)
    assert sorted(d.title for d in page.model.rows()) == ["Pasted picture", "dropped"]


def test_missing_evidence_list_and_adding_a_receipt_for_a_payment(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, payments: list[int], tmp_path: Path
) -> None:
    assert [m.txn_id for m in page.missing_model.rows()] == payments
    assert page.tabs.tabText(1) == "&Missing evidence (3)"
    assert page.missing_summary.text().startswith("3 payments need evidence (last 3 months), £150.49 in all.")
    page.tabs.setCurrentIndex(1)
    page.missing_table.selectRow(1)  # Boots
    (tmp_path / "boots.jpg").write_bytes(files.jpeg())
    page.actions.choose_files = lambda: [tmp_path / "boots.jpg"]
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.add_for_button.click()
    _settle(qtbot, tasks, page)
    assert [m.payee for m in page.missing_model.rows()] == ["Argos", "Careline Training"]
    (boots,) = page.model.rows()
    assert boots.linked_to == "1 payment" and boots.day == page.missing_model.rows()[0].day.__class__(
        *[int(x) for x in str(_day_of(qtbot, tasks, page, payments[1])).split("-")]
    )
    # Link the same receipt to Argos too, from the missing list.
    page.missing_table.selectRow(0)
    page.actions.link_existing_to_missing()
    dialog = page.actions.dialog
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        dialog._on_link()  # type: ignore[union-attr]
    _settle(qtbot, tasks, page)
    assert [m.payee for m in page.missing_model.rows()] == ["Careline Training"]
    assert page.model.rows()[0].linked_to == "2 payments"


def _day_of(qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, txn_id: int) -> object:
    from pa_manager.services import transactions

    assert page.opened is not None
    book = page.opened.book
    return on_worker(qtbot, tasks, lambda: transactions.get(book, txn_id).day)


def test_viewer_pages_zoom_and_rotate(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, tmp_path: Path
) -> None:
    _add_and_select(qtbot, tasks, page, tmp_path / "claim.pdf", files.pdf(pages=3))
    with qtbot.waitSignal(page.loaded, timeout=5_000, raising=False):
        page.view_button.click()
    viewer = _shown_viewer(qtbot, page)
    assert viewer.page_label.text() == "Page 1 of 3"
    with qtbot.waitSignal(viewer.page_shown, timeout=30_000) as shown:
        viewer.next_button.click()
    assert shown.args == [1] and viewer.page_label.text() == "Page 2 of 3"
    width = viewer.picture.pixmap().width()
    viewer.zoom_in_button.click()
    assert viewer.picture.pixmap().width() > width
    before = viewer.picture.pixmap().size()
    viewer.right_button.click()
    after = viewer.picture.pixmap().size()
    # Turned a quarter: width and height swap (to within a pixel of rounding).
    assert abs(after.width() - before.height()) <= 1 and abs(after.height() - before.width()) <= 1
    viewer.close()


def test_locking_closes_an_open_viewer(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, tmp_path: Path
) -> None:
    _add_and_select(qtbot, tasks, page, tmp_path / "till.jpg", files.jpeg())
    page.view_button.click()
    viewer = _shown_viewer(qtbot, page)
    assert viewer.isVisible()
    page.set_book(None)
    assert not viewer.isVisible()
    assert page.model.rows() == [] and page.thumbnails.pixmap(1) is None


def test_linking_payments_in_the_dialog(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, payments: list[int], tmp_path: Path
) -> None:
    _add_and_select(qtbot, tasks, page, tmp_path / "receipt.jpg", files.jpeg())
    page.link_button.click()
    dialog = page.actions.dialog
    assert isinstance(dialog, LinkDialog)
    qtbot.waitUntil(lambda: dialog.payments.count() == 3)
    dialog.set_checked(payments[0], True)
    dialog.set_checked(payments[2], True)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        dialog.save_button.click()
    _settle(qtbot, tasks, page)
    assert page.model.rows()[0].linked_to == "2 payments"
    assert [m.txn_id for m in page.missing_model.rows()] == [payments[1]]


def test_export_writes_only_where_the_user_chose(
    qtbot: QtBot, tasks: TaskRunner, page: ReceiptsPage, tmp_path: Path
) -> None:
    source = tmp_path / "in" / "till.jpg"
    source.parent.mkdir()
    _add_and_select(qtbot, tasks, page, source, files.jpeg())
    target = tmp_path / "out" / "copy"
    target.parent.mkdir()
    page.actions.choose_save_path = lambda _name: target
    page.export_button.click()
    qtbot.waitUntil(lambda: "Saved an unencrypted copy" in page.notice.text(), timeout=30_000)
    assert (tmp_path / "out" / "copy.jpg").read_bytes() == files.jpeg()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["copy.jpg"]


def _temp_files_since(started: float, *folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                try:
                    info = path.stat()
                except OSError:
                    continue
                if info.st_mtime >= started - 1 and info.st_size < 64 * 1024 * 1024 and path.is_file():
                    found.append(path)
    return found


def test_no_plaintext_copy_after_adding_viewing_and_linking(
    qtbot: QtBot,
    tasks: TaskRunner,
    page: ReceiptsPage,
    opened: OpenedBook,
    payments: list[int],
    tmp_path: Path,
) -> None:
    started = time.time()
    marker = files.MARKER.decode()
    pdf = files.pdf(pages=2, marker=files.MARKER)
    assert files.MARKER in pdf  # the needle really is in the file's bytes
    # Pasted, so no source file exists anywhere: any copy on disk would be ours.
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.actions.add_bytes("marker receipt.pdf", pdf)
    _settle(qtbot, tasks, page)
    page.table.selectRow(0)
    page.view_button.click()
    viewer = _shown_viewer(qtbot, page)
    with qtbot.waitSignal(viewer.page_shown, timeout=30_000):
        viewer.next_button.click()
    viewer.close()
    book = opened.book
    doc_id = page.model.rows()[0].id
    on_worker(qtbot, tasks, lambda: documents.link_transactions(book, doc_id, payments[:2]))
    assert on_worker(qtbot, tasks, lambda: evidence.document_content(book, doc_id))[2] == pdf
    folders = {Path(tempfile.gettempdir()), tmp_path}
    for path in _temp_files_since(started, *folders):
        try:
            hits = plaintext_hits(path, marker)
        except OSError:
            continue  # another program's temporary file, gone since the folder was listed
        assert hits == [], path
    book_file = Path(book.path)
    for path in (book_file, Path(f"{book_file}-wal")):
        if path.exists():
            assert plaintext_hits(path, marker, "marker receipt") == [], path
