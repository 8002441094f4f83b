"""A scroll area that lays out word-wrapped text at the width it really has.

QScrollArea's "widget resizable" mode sizes its contents by their minimum size hint, which for
word-wrapped labels is worked out at a narrow width: too tall, so a scroll bar appears when
everything fits. This area asks the contents for their height at the viewport's width instead,
so text only scrolls when it truly does not fit (at 200% text on a small screen, say).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class FitScrollArea(QScrollArea):
    """Scrolls its one widget vertically; its width always follows the viewport."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        # Never sideways: minimumSizeHint keeps the area at least as wide as its contents need.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        widget.installEventFilter(self)
        # The viewport narrows when the vertical scroll bar appears: fit the contents again.
        self.viewport().installEventFilter(self)
        self._pending = False

    def sizeHint(self) -> QSize:
        widget = self.widget()
        hint = widget.sizeHint() if widget is not None else QSize(200, 200)
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + scroll_bar, hint.height())

    def minimumSizeHint(self) -> QSize:
        widget = self.widget()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        width = widget.minimumSizeHint().width() if widget is not None else 0
        return QSize(width + scroll_bar, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.widget() and event.type() == QEvent.Type.LayoutRequest) or (
            watched is self.viewport() and event.type() == QEvent.Type.Resize
        ):
            self._fit_soon()
        # QScrollArea's own filter updates the scroll bars when the contents are resized.
        return super().eventFilter(watched, event)

    def _fit_soon(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._fit)  # skipped if this area is deleted first

    def _fit(self) -> None:
        self._pending = False
        widget = self.widget()
        if widget is None:
            return
        width = max(self.viewport().width(), widget.minimumSizeHint().width())
        height = (
            widget.heightForWidth(width)
            if widget.hasHeightForWidth()
            else max(widget.sizeHint().height(), widget.minimumSizeHint().height())
        )
        widget.resize(width, max(height, self.viewport().height()))


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a FitScrollArea."""
    return FitScrollArea(widget)


def fill_with_scrolling(page: QWidget, content: QWidget) -> QScrollArea:
    """Make `content`, in a FitScrollArea, the whole of `page` (edge to edge); the area is returned."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = scrolling(content)
    outer.addWidget(area)
    return area


def page_column(spacing: int | None = None) -> tuple[QWidget, QVBoxLayout]:
    """A page's contents (for `fill_with_scrolling`) and the column to lay them out in, kept off the
    window's edges like every page's."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(24, 24, 24, 24)
    if spacing is not None:
        column.setSpacing(spacing)
    return content, column
