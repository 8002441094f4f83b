"""Thumbnails for the document list, loaded lazily off the GUI thread and kept only in memory.

Each thumbnail was made when its file was added (a small JPEG stored encrypted in the book). The
list asks for one only when a row is drawn; requests made in the same turn of the event loop go
to the worker as one batch, and the pictures come back to the GUI thread to be decoded. Nothing is
cached on disk.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from pa_manager.services import documents
from pa_manager.services.book import Book
from pa_manager.ui.tasks import TaskRunner

BATCH = 40


class ThumbnailLoader(QObject):
    """`pixmap(id)` gives a cached thumbnail or None (and asks for it); `ready` names new ones."""

    ready = Signal(list)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._book: Book | None = None
        self._size = QSize(64, 64)
        self._cache: dict[int, QPixmap | None] = {}
        self._wanted: list[int] = []
        self._asked: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._flush)
        self.batches = 0  # for tests and the benchmark

    def set_book(self, book: Book | None) -> None:
        self._book = book
        self._cache.clear()
        self._wanted.clear()
        self._asked.clear()

    def set_size(self, size: QSize) -> None:
        if size != self._size:
            self._size = size
            self._cache.clear()
            self._asked.clear()

    def pixmap(self, document_id: int) -> QPixmap | None:
        if document_id in self._cache:
            return self._cache[document_id]
        if document_id not in self._asked and self._book is not None:
            self._asked.add(document_id)
            self._wanted.append(document_id)
            self._timer.start()
        return None

    def _flush(self) -> None:
        book = self._book
        while self._wanted and book is not None:
            ids, self._wanted = self._wanted[:BATCH], self._wanted[BATCH:]
            self.batches += 1
            self._tasks.run(
                lambda ids=ids: documents.thumbnails(book, ids),
                lambda found, ids=ids, book=book: self._arrived(book, ids, found),
                lambda _message: None,  # a missing thumbnail is not worth a message
                owner=self,
            )

    def _arrived(self, book: Book, ids: list[int], found: dict[int, bytes]) -> None:
        if book is not self._book:
            return  # the book was locked or changed meanwhile
        for document_id in ids:
            image = QImage.fromData(found.get(document_id, b""))
            self._cache[document_id] = (
                None
                if image.isNull()
                else QPixmap.fromImage(
                    image.scaled(
                        self._size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
        self.ready.emit(ids)
