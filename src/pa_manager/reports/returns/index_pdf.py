"""The evidence pack's index: every numbered document, what it is, and the lines it supports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Paragraph

from pa_manager.domain.returns.model import EvidenceItem, ReturnFigures
from pa_manager.reports.pay_documents import layout
from pa_manager.reports.returns.pdf_doc import WIDTH, build, clip, fast_table
from pa_manager.reports.returns.return_pdf import footer


def render(
    figures: ReturnFigures,
    items: Sequence[EvidenceItem],
    files: Mapping[str, str],
    out: Path | BinaryIO,
    *,
    missing: Sequence[str] = (),
) -> None:
    """Write the index. `files` maps each number to its file name in the pack; `missing` lists
    numbers whose document could not be included (with the reason)."""
    st = layout.styles()
    used: dict[str, list[str]] = {}
    for t in figures.transactions:
        for number in t.evidence:
            used.setdefault(number, []).append(str(t.number))
    for p in figures.pas:
        for number in p.timesheet_numbers:
            used.setdefault(number, []).append(f"PA: {p.name}")
    widths = [WIDTH * x for x in (0.08, 0.4, 0.13, 0.22, 0.17)]
    rows = [
        [
            e.number,
            clip(e.title, widths[1]),
            e.day.strftime("%d/%m/%Y"),
            clip(files.get(e.number, "not included"), widths[3]),
            clip(", ".join(used.get(e.number, [])) or "-", widths[4]),
        ]
        for e in items
    ]
    story: list[Any] = [
        Paragraph("Evidence pack: index", st.title),
        Paragraph(
            f"{layout.text(figures.header.holder)}, return for {figures.period.label()}. "
            f"{len(items)} documents. Numbers match the evidence column of the return's transaction "
            "list: R receipts and invoices, P payslips, T timesheets, S bank statements. "
            "“Supports” gives the transaction numbers (or the PA) each document backs up.",
            st.body,
        ),
        *fast_table(["No.", "Document", "Date", "File in this pack", "Supports"], rows, widths),
    ]
    if missing:
        story += [Paragraph("Not included", st.head), *[Paragraph(layout.text(m), st.body) for m in missing]]
    build(out, story, title=f"Evidence pack index: {figures.header.holder}", footer=footer(figures))
