"""The recovery sheet: a one-page PDF with the book's recovery code, to print and keep safe.

This is the one document that can open the book without the passphrase, so it says so plainly and
tells the person where to keep it. It names the book file but never prints the passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pa_manager.reports import fonts


@dataclass(frozen=True, slots=True)
class RecoverySheet:
    """What the sheet shows."""

    holder_name: str
    book_file: str
    code: str
    made_on: date


def render(sheet: RecoverySheet, out: Path) -> Path:
    fonts.register()
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=12, leading=17, spaceAfter=6)
    title = ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=22, leading=28)
    head = ParagraphStyle("head", parent=body, fontName=fonts.BOLD, fontSize=14, spaceBefore=8)
    groups = sheet.code.split("-")
    rows = [groups[i : i + 4] for i in range(0, len(groups), 4)]
    rows[-1] += [""] * (4 - len(rows[-1]))
    code_table = Table(rows, colWidths=[38 * mm] * 4, rowHeights=14 * mm)
    code_table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.MONO, 20),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ]
        )
    )
    story = [
        Paragraph("PA Manager recovery sheet", title),
        Paragraph(f"For the book of <b>{escape(sheet.holder_name)}</b>", body),
        Paragraph(f"Book file: {escape(sheet.book_file)}<br/>Made on {sheet.made_on:%d %B %Y}", body),
        Spacer(1, 6 * mm),
        Paragraph("Recovery code", head),
        code_table,
        Spacer(1, 6 * mm),
        Paragraph("What this is for", head),
        Paragraph(
            "If you forget the passphrase, or lose the small keys file that sits beside the book, "
            "this code still opens the book. You will then choose a new passphrase.",
            body,
        ),
        Paragraph("Keep it safe", head),
        Paragraph(
            "Anyone with this code and the book file can read everything in it. Keep this sheet "
            "somewhere safe at home, away from the computer, like a spare house key. Do not "
            "photograph it, email it or keep it in the same folder as the book.",
            body,
        ),
        Paragraph("Typing it in", head),
        Paragraph(
            "Capital or small letters both work, and spaces or dashes do not matter. The letters "
            "O, I and L are read as the numbers 0, 1 and 1. The last character of each group is a "
            "check: if you mistype a group, PA Manager tells you which one.",
            body,
        ),
    ]
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="PA Manager recovery sheet",
        author="PA Manager",
    )
    doc.build(story)
    return out
