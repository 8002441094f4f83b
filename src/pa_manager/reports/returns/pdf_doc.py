"""Building a return's PDFs: A4 pages with "Page X of Y" and a footer, to a path or a stream.

"Page X of Y" needs the page count before any page is written, so the canvas keeps each page's
state and draws the footers once the story has been laid out (reportlab's usual two-step canvas).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from pa_manager.reports import fonts
from pa_manager.reports.pay_documents.layout import GREY, LINE, WIDTH, a4_document, draw_footer

__all__ = ["WIDTH", "build", "fast_table"]


def _canvas_class(footer: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds every page until the end, then stamps "Page X of Y" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                draw_footer(self, footer, f"Page {self._pageNumber} of {total}", colour="#444444")
                super().showPage()
            super().save()

    return NumberedCanvas


def build(out: Path | BinaryIO, story: list[Any], *, title: str, footer: str) -> None:
    """Lay out `story` and write it to `out` (a path the user chose, or an in-memory stream)."""
    fonts.register()
    target: Any = str(out) if isinstance(out, Path) else out
    doc = a4_document(target, title=title)
    # Streams compressed but not ASCII85-armoured: smaller files, and the armouring was a third of
    # the time for a long return. The setting is global in reportlab, so it is put back after.
    armour = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=_canvas_class(footer))
    finally:
        rl_config.useA85 = armour


def fast_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    chunk: int = 60,
    font_size: float = 8.5,
) -> list[Table]:
    """Plain-text tables of at most `chunk` rows each, each repeating the header.

    A year of transactions is a few thousand rows: one Paragraph per cell and one giant table would
    take reportlab many seconds to split across pages; small tables of plain strings take well
    under one. Text is clipped to its column by the caller (see `clip`).
    """
    tables = []
    for i in range(0, max(len(rows), 1), chunk):
        body = [list(header), *[list(r) for r in rows[i : i + chunk]]]
        t = Table(body, colWidths=list(widths), repeatRows=1)
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, font_size),
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, font_size),
            ("BACKGROUND", (0, 0), (-1, 0), GREY),
            ("GRID", (0, 0), (-1, -1), 0.4, LINE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        style += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right]
        t.setStyle(TableStyle(style))
        tables.append(t)
    return tables


@lru_cache(maxsize=8192)
def clip(text: str, width: float, font_size: float = 8.5) -> str:
    """Shorten `text` with an ellipsis so it fits `width` points in the table font.

    Cached: a year's list repeats the same payees and categories thousands of times.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - 6  # the cell's padding
    if stringWidth(text, fonts.REGULAR, font_size) <= room:
        return text
    while text and stringWidth(text + "…", fonts.REGULAR, font_size) > room:
        text = text[:-1]
    return text.rstrip() + "…"
