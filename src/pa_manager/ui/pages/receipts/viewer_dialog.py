"""The document viewer: zoom, rotate, and every page of a PDF, drawn in memory.

The file's bytes are read from the book on the worker and kept in this dialog's memory only; pages
are drawn there too (pypdfium2 for PDFs, Pillow for photos, turned upright by EXIF) and handed back
as pixels. Nothing decrypted is written to disk; "Save a copy as…" asks the page to export.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from pa_manager.services import document_files
from pa_manager.services.book import Book
from pa_manager.services.documents import DocumentInfo, kind_label
from pa_manager.services.evidence import document_content
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, fit_to_text

LONGEST = 1800  # pixels a page is drawn at; zooming past it scales the drawn page
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


@dataclass(frozen=True, slots=True)
class _Opened:
    data: bytes
    mime: str
    pages: int
    first: document_files.Picture


def _image(picture: document_files.Picture) -> QImage:
    image = QImage(
        picture.rgba, picture.width, picture.height, picture.width * 4, QImage.Format.Format_RGBA8888
    )
    return image.copy()  # own the pixels: the bytes object can go


class ViewerDialog(QDialog):
    """Shows one document. `export_requested` when the user asks for a copy on disk."""

    export_requested = Signal()
    page_shown = Signal(int)  # for tests

    def __init__(
        self, tasks: TaskRunner, book: Book, doc: DocumentInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks, self._book, self.doc = tasks, book, doc
        self._data = b""
        self._mime = doc.mime
        self.pages = max(1, doc.pages)
        self.page = 0
        self._images: dict[int, QImage] = {}
        self.rotation = 0
        self.zoom: float | None = None  # None: fit the window
        self.setWindowTitle(f"{doc.title} — {kind_label(doc.kind)}")
        heading = ScaledLabel(doc.title, scale=1.3, bold=True)
        heading.setWordWrap(True)
        self.status = QLabel("Opening…")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Viewer status")
        self.previous_button = QPushButton("◀ &Previous page")
        self.next_button = QPushButton("&Next page ▶")
        self.page_label = QLabel()
        self.zoom_out_button = QPushButton("Zoom &out")
        self.zoom_in_button = QPushButton("Zoom &in")
        self.fit_button = QPushButton("&Fit to window")
        self.left_button = QPushButton("Rotate &left")
        self.right_button = QPushButton("Rotate &right")
        self.export_button = QPushButton("&Save a copy as…")
        self.close_button = QPushButton("&Close")
        tools = flow_row(
            self.previous_button, self.page_label, self.next_button, self.zoom_out_button,
            self.zoom_in_button, self.fit_button, self.left_button, self.right_button, self.export_button,
            self.close_button, spacing=6,
        )  # fmt: skip
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(f"{kind_label(doc.kind)}: {doc.title}")
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName("Document page; arrow keys scroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(tools)
        column.addWidget(self.status)
        column.addWidget(self.scroll, 1)
        self._connect()
        self._update_controls()
        fit_to_text(self, 90, 36)
        self._load()

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.fit_button.clicked.connect(self.fit)
        self.left_button.clicked.connect(lambda: self.rotate(-90))
        self.right_button.clicked.connect(lambda: self.rotate(90))
        self.export_button.clicked.connect(self.export_requested)
        self.close_button.clicked.connect(self.close)
        for keys, slot in (
            ("PgUp", lambda: self.show_page(self.page - 1)),
            ("PgDown", lambda: self.show_page(self.page + 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self._step_zoom(1)),
            ("Ctrl+=", lambda: self._step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self._step_zoom(-1)),
            ("Ctrl+0", self.fit),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> None:
        book, document_id = self._book, self.doc.id

        def work() -> _Opened:
            _name, mime, data = document_content(book, document_id)
            pages = document_files.page_count(data, mime)
            return _Opened(data, mime, pages, document_files.render(data, mime, 0, LONGEST))

        self._tasks.run(work, self._opened, self._failed, owner=self)

    def _opened(self, opened: _Opened) -> None:
        self._data, self._mime, self.pages = opened.data, opened.mime, opened.pages
        self._images[0] = _image(opened.first)
        self.status.setText(self._status_text())
        self._show()

    def _failed(self, message: str) -> None:
        self.status.setText(f"This document could not be shown: {message}")

    def show_page(self, page: int) -> None:
        if not 0 <= page < self.pages or not self._data:
            return
        self.page = page
        if page in self._images:
            self._show()
            return
        data, mime = self._data, self._mime
        self.status.setText(f"Drawing page {page + 1}…")
        self._tasks.run(
            lambda: document_files.render(data, mime, page, LONGEST),
            lambda picture: self._drawn(page, picture),
            self._failed,
            owner=self,
        )

    def _drawn(self, page: int, picture: document_files.Picture) -> None:
        self._images[page] = _image(picture)
        if page == self.page:
            self.status.setText(self._status_text())
            self._show()

    def _status_text(self) -> str:
        kind = "PDF" if self._mime == document_files.PDF else "Picture"
        return f"{kind}, from the file “{self.doc.name}”. Kept encrypted in your book."

    # -- showing ---------------------------------------------------------------------------
    def rotate(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self._show()

    def fit(self) -> None:
        self.zoom = None
        self._show()

    def _step_zoom(self, step: int) -> None:
        current = self.zoom if self.zoom is not None else self._fit_scale()
        if step > 0:
            bigger = [z for z in ZOOMS if z > current + 0.01]
            self.zoom = bigger[0] if bigger else ZOOMS[-1]
        else:
            smaller = [z for z in ZOOMS if z < current - 0.01]
            self.zoom = smaller[-1] if smaller else ZOOMS[0]
        self._show()

    def _rotated(self) -> QImage | None:
        image = self._images.get(self.page)
        if image is None:
            return None
        return image.transformed(QTransform().rotate(self.rotation)) if self.rotation else image

    def _fit_scale(self) -> float:
        image = self._rotated()
        if image is None or image.isNull():
            return 1.0
        area = self.scroll.viewport().size()
        return max(0.05, min(area.width() / image.width(), area.height() / image.height()))

    def _show(self) -> None:
        image = self._rotated()
        self._update_controls()
        if image is None:
            return
        scale = self.zoom if self.zoom is not None else self._fit_scale()
        size = image.size() * scale
        scaled = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(QPixmap.fromImage(scaled))
        self.picture.setAccessibleDescription(
            f"Page {self.page + 1} of {self.pages}, {round(scale * 100)}% size, "
            f"turned {self.rotation} degrees."
        )
        self.page_shown.emit(self.page)

    def _update_controls(self) -> None:
        self.page_label.setText(f"Page {self.page + 1} of {self.pages}")
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)
        self.previous_button.setVisible(self.pages > 1)
        self.next_button.setVisible(self.pages > 1)
        self.page_label.setVisible(self.pages > 1)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.zoom is None and self._images:
            self._show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Let go of the decrypted bytes and pages as soon as the viewer closes.
        self._data = b""
        self._images.clear()
        super().closeEvent(event)
