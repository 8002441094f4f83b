"""Shared layout for the pay documents: A4, DejaVu, large readable text, tables that wrap.

Every cell is a Paragraph so long names and descriptions wrap inside their column instead of running
into the next one; money columns are right-aligned so the pence line up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pa_manager.domain.money import Money
from pa_manager.domain.people import long_date
from pa_manager.reports import fonts

MARGIN = 18 * mm
# reportlab's frame keeps 6 pt of padding each side: tables this wide line up with the text.
WIDTH = A4[0] - 2 * MARGIN - 12
GREY = colors.HexColor("#e8e8e8")
LINE = colors.HexColor("#8a8a8a")


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles every pay document uses."""

    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    head: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    big: ParagraphStyle


def styles() -> Styles:
    fonts.register()
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=11, leading=15, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=10.5, leading=13.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=9.5, leading=12.5),
        title=ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=20, leading=25),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=12.5, leading=17, spaceAfter=6),
        head=ParagraphStyle(
            "head", parent=body, fontName=fonts.BOLD, fontSize=13, leading=17, spaceBefore=8, spaceAfter=4
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_right_bold=ParagraphStyle(
            "cell_right_bold", parent=cell, fontName=fonts.BOLD, alignment=TA_RIGHT
        ),
        big=ParagraphStyle("big", parent=body, fontName=fonts.BOLD, fontSize=15, leading=20),
    )


# -- text -----------------------------------------------------------------------------------------


def text(value: str) -> str:
    """Escape text for a Paragraph (names can contain & and <)."""
    return escape(value)


def money(value: Money) -> str:
    return value.format()


def hours(value: Decimal) -> str:
    """Hours with two decimals: "30.00"."""
    return f"{value.quantize(Decimal('0.01')):,}"


def day(value: date) -> str:
    return long_date(value)


def rate(value: Decimal) -> str:
    """A percentage without trailing zeros: Decimal("5.00") → "5%"."""
    shown = format(value.normalize(), "f")
    return f"{shown}%"


def tax_year_span(tax_year: str) -> str:
    """ "2026-27" → "6 April 2026 to 5 April 2027"; text in any other form is returned as it is."""
    start = tax_year.split("-")[0]
    if len(start) != 4 or not start.isdigit():
        return tax_year
    first = int(start)
    return f"6 April {first} to 5 April {first + 1}"


def tax_code_text(code: str, week1_month1: bool) -> str:
    return f"{code} (week 1/month 1 basis)" if week1_month1 else code


def ni_number_text(ni_number: str) -> str:
    return ni_number or "Not known yet"


def yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"


# -- tables ---------------------------------------------------------------------------------------


Cell: TypeAlias = "str | Paragraph"


def _para(value: Cell, style: ParagraphStyle) -> Any:
    return value if isinstance(value, Paragraph) else Paragraph(text(value), style)


def grid(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    st: Styles,
    *,
    header: bool = True,
    right_from: int | None = None,
    bold_last: int = 0,
) -> Table:
    """A bordered table. Columns from `right_from` on are right-aligned (money); the last `bold_last`
    rows are bold (totals)."""
    out: list[list[Any]] = []
    for number, row in enumerate(rows):
        bold = (header and number == 0) or number >= len(rows) - bold_last
        cells = []
        for col, value in enumerate(row):
            right = right_from is not None and col >= right_from
            style = (
                (st.cell_right_bold if bold else st.cell_right)
                if right
                else (st.cell_bold if bold else st.cell)
            )
            cells.append(_para(value, style))
        out.append(cells)
    table = Table(out, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), GREY))
    if bold_last:
        commands.append(("BACKGROUND", (0, len(rows) - bold_last), (-1, -1), colors.HexColor("#f4f4f4")))
    table.setStyle(TableStyle(commands))
    return table


def facts(
    rows: Sequence[tuple[str, Cell]], st: Styles, *, width: float = WIDTH, label_share: float = 0.4
) -> Table:
    """Label and value pairs, labels bold on a grey column: "Tax code | 1257L"."""
    out = [[_para(label, st.cell_bold), _para(value, st.cell)] for label, value in rows]
    table = Table(out, colWidths=[width * label_share, width * (1 - label_share)])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, LINE),
                ("BACKGROUND", (0, 0), (0, -1), GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def facts_grid(rows: Sequence[tuple[str, Cell, str, Cell]], st: Styles) -> Table:
    """Two label and value pairs a row across the page: "Employer | Alex Morgan | Employee | Sam Patel"."""
    out = [
        [_para(a, st.cell_bold), _para(b, st.cell), _para(c, st.cell_bold), _para(d, st.cell)]
        for a, b, c, d in rows
    ]
    table = Table(out, colWidths=[WIDTH * f for f in (0.21, 0.31, 0.17, 0.31)])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, LINE),
                ("BACKGROUND", (0, 0), (0, -1), GREY),
                ("BACKGROUND", (2, 0), (2, -1), GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def side_by_side(left: Any, right: Any, *, gap: float = 6 * mm) -> Table:
    """Two blocks next to each other, each half the page wide (less the gap)."""
    half = (WIDTH - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def boxed(content: Sequence[Any], *, background: Any = GREY) -> Table:
    """A full-width shaded box around some paragraphs (the net pay, the amount due to HMRC)."""
    table = Table([[list(content)]], colWidths=[WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def lines(values: Sequence[str]) -> str:
    """Address lines as one Paragraph's text, one a line."""
    return "<br/>".join(text(v) for v in values if v)


# -- the document ---------------------------------------------------------------------------------


def a4_document(target: Any, *, title: str) -> SimpleDocTemplate:
    """An A4 document with the house margins (room at the foot for the footer line)."""
    return SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="PA Manager",
    )


def draw_footer(canvas: Any, footer: str, page: str, *, colour: str = "#555555") -> None:
    """One page's footer line: `footer` on the left, the page number text on the right."""
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 8.5)
    canvas.setFillColor(colors.HexColor(colour))
    canvas.drawString(MARGIN, 10 * mm, footer)
    canvas.drawRightString(A4[0] - MARGIN, 10 * mm, page)
    canvas.restoreState()


def build(path: Path, story: list[Any], *, title: str, footer: str) -> Path:
    """Write the story to `path` (the only file written) with a footer on every page."""
    fonts.register()

    def on_page(canvas: Any, doc: Any) -> None:
        draw_footer(canvas, footer, f"Page {doc.page}")

    a4_document(str(path), title=title).build(story, onFirstPage=on_page, onLaterPages=on_page)
    return path
