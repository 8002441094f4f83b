"""The preview: the return's first pages as pictures that shrink or grow with the page's width,
never forcing it wider (at 200% text the window is narrower than an A4 page at reading size)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from pa_manager.ui.pages.pay.pay_widgets import card


class PagePicture(QFrame):
    """One preview page, drawn to the width it is given."""

    def __init__(self, png: bytes, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(png, "PNG")
        self.setAccessibleName(name)
        self.setFrameShape(QFrame.Shape.Box)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.pixmap.isNull() or self.pixmap.width() == 0:
            return 0
        return round(width * self.pixmap.height() / self.pixmap.width())

    def sizeHint(self) -> QSize:
        width = min(self.pixmap.width(), 40 * self.fontMetrics().averageCharWidth())
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.contentsRect()
        scaled = self.pixmap.scaled(
            target.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawPixmap(target.topLeft(), scaled)
        painter.end()
        super().paintEvent(event)


class PreviewCard:
    """The "Preview" card: a line saying which pages are shown, then the pictures."""

    def __init__(self) -> None:
        self.card, column = card("Preview")
        self.note = QLabel("The first pages of the return appear here.")
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        self.pictures = QVBoxLayout()
        column.addLayout(self.pictures)

    def clear(self) -> None:
        while self.pictures.count():
            item = self.pictures.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def show_pages(self, pages: tuple[bytes, ...], page_count: int) -> None:
        self.clear()
        self.note.setText(
            f"Pages 1 to {len(pages)} of {page_count}. Save as PDF to see every page, "
            "including the transaction list."
        )
        for n, png in enumerate(pages, start=1):
            self.pictures.addWidget(PagePicture(png, f"Preview of page {n}"))
