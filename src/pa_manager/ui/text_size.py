"""Text size for the whole app: the starting font's point size times a factor (100% to 200%).

The base size is remembered on the QApplication the first time, so going 200% → 100% returns to
exactly the system size. Widgets that want bigger type (headings, the balance) use ScaledLabel,
which apply_text_size resizes along with everything else.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_BASE_PROPERTY = "pa_manager_base_point_size"
# Tick boxes and radio buttons are drawn at a fixed pixel size by most styles; sized in em they
# grow with the text, so at 200% they are as easy to see and to click as the words beside them.
INDICATOR_STYLE = "QCheckBox::indicator, QRadioButton::indicator { width: 0.9em; height: 0.9em; }"


def base_point_size() -> float:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = app.property(_BASE_PROPERTY)
    if base is None:
        base = app.font().pointSizeF()
        # Some platforms give a pixel-sized font (-1 points); fall back to a readable default.
        base = base if base > 0 else 10.0
        app.setProperty(_BASE_PROPERTY, base)
    return float(base)


def apply_text_size(percent: int) -> None:
    """Set the app-wide font to `percent`% of the system size; every widget follows."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = QFont(app.font())
    font.setPointSizeF(base_point_size() * percent / 100)
    app.setFont(font)
    # Under a style sheet Qt does not pass a new app font to widgets already shown; setting the
    # sheet again makes every widget re-read it. (Our sheet also sizes tick boxes in em.)
    sheet = app.styleSheet().replace(INDICATOR_STYLE, "") + INDICATOR_STYLE
    app.setStyleSheet("")
    app.setStyleSheet(sheet)
    # Widgets given their own font size (headings) keep it, so the scaled ones are redone here.
    for widget in app.allWidgets():
        if isinstance(widget, ScaledLabel):
            widget.restyle()


def current_text_size() -> int:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return round(app.font().pointSizeF() / base_point_size() * 100)


def fit_to_text(widget: QWidget, columns: int, lines: int) -> None:
    """Size a window for about `columns` characters by `lines` lines of the current text size,
    but never bigger than the screen (at 200% a fixed pixel size would cut text off)."""
    metrics = widget.fontMetrics()
    width = metrics.averageCharWidth() * columns
    height = metrics.lineSpacing() * lines
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.95))
        height = min(height, int(available.height() * 0.9))
    widget.resize(max(width, widget.minimumSizeHint().width()), height)


class ScaledLabel(QLabel):
    """A label whose type is `scale` times the app font, and stays so when the text size changes."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, scale: float = 1.0, bold: bool = False
    ) -> None:
        super().__init__(text, parent)
        self._scale = scale
        self._bold = bold
        self.restyle()

    def restyle(self) -> None:
        """Take `scale` times the current app font (apply_text_size calls this)."""
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * self._scale)
        font.setBold(self._bold)
        self.setFont(font)
