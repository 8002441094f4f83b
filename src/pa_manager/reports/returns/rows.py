"""A long table drawn straight onto the canvas: the return's transaction list.

A year on a busy book is 10,000 lines. reportlab's Table lays out and styles every cell, which took
several seconds; this flowable only splits by row count (every row has the same height), draws each
page's text through one text object and its rules with one `grid` call.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from pa_manager.reports import fonts
from pa_manager.reports.pay_documents.layout import GREY, LINE

PAD = 3.0


@lru_cache(maxsize=8192)
def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


class Rows(Flowable):  # type: ignore[misc]
    """Rows of plain text under a repeated bold header; columns in `right` are right-aligned."""

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        right: Sequence[int] = (),
        font_size: float = 8.5,
    ) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), rows, list(widths)
        self.right = set(right)
        self.font_size = font_size
        self.row_height = font_size * 1.45
        self.width = sum(self.widths)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, (len(self.rows) + 1) * self.row_height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        fit = int(avail_height // self.row_height) - 1  # less the header
        if fit < 1:
            return []
        if fit >= len(self.rows):
            return [self]
        kw = {"right": sorted(self.right), "font_size": self.font_size}
        return [
            Rows(self.header, self.rows[:fit], self.widths, **kw),
            Rows(self.header, self.rows[fit:], self.widths, **kw),
        ]

    def draw(self) -> None:
        canv = self.canv
        h, size = self.row_height, self.font_size
        total = (len(self.rows) + 1) * h
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        canv.saveState()
        canv.setFillColor(GREY)
        canv.rect(0, total - h, self.width, h, stroke=0, fill=1)
        canv.setStrokeColor(LINE)
        canv.setLineWidth(0.4)
        canv.grid(xs, [total - i * h for i in range(len(self.rows) + 2)])
        canv.setFillColorRGB(0, 0, 0)
        text = canv.beginText()
        baseline = (h - size) / 2 + size * 0.22
        for number, row in enumerate([self.header, *self.rows]):
            font = fonts.BOLD if number == 0 else fonts.REGULAR
            text.setFont(font, size)
            # One absolute move per row, then short relative moves: each move is written as
            # numbers into the page, and fewer numbers is most of the time saved.
            text.setTextOrigin(0, total - (number + 1) * h + baseline)
            at = 0.0
            for col, cell in enumerate(row):
                if not cell:
                    continue
                x = xs[col + 1] - PAD - _width(cell, font, size) if col in self.right else xs[col] + PAD
                text.moveCursor(x - at, 0)
                at = x
                # _textOut writes the text without measuring it to advance the cursor: every
                # move above is from the line's start, so the cursor position is never used.
                text._textOut(cell)
        canv.drawText(text)
        canv.restoreState()
