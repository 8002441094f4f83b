"""Export a return: PDF, XLSX, CSV, or the evidence pack (a ZIP of the return, an index and every
numbered document).

Each export writes only the file the user chose. It is written under a temporary name beside it
and renamed when complete, so a cancelled or failed export leaves nothing half-written; the
documents inside the pack are rendered in memory, never to loose files.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from pa_manager.domain.returns.model import EvidenceItem, ReturnFigures
from pa_manager.domain.returns.template import ReturnTemplate
from pa_manager.services import returns_checks
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.returns import build_return

FORMATS = ("pdf", "xlsx", "csv", "pack")
_SUFFIX = {"pdf": ".pdf", "xlsx": ".xlsx", "csv": ".csv", "pack": ".zip"}

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ExportCancelledError(BookError):
    """The user pressed Cancel; nothing was written."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written and the figures it shows."""

    path: Path
    figures: ReturnFigures
    template: ReturnTemplate
    open_items: tuple[str, ...]
    documents: int = 0


def export_return(
    book: Book,
    start: date,
    end: date,
    fmt: str,
    out: Path,
    template: ReturnTemplate | str | None = None,
    *,
    progress: Progress | None = None,
) -> ExportResult:
    """Build the return for the period and write it as `fmt` to `out` (suffix added if missing)."""
    fmt = fmt.lower().strip()
    if fmt not in FORMATS:
        raise BookError(f"“{fmt}” is not an export format. Use pdf, csv, xlsx or pack.")
    out = Path(out).expanduser()
    if out.suffix.lower() != _SUFFIX[fmt]:
        out = out.with_name(out.name + _SUFFIX[fmt])
    if not out.parent.is_dir():
        raise BookError(f"There is no folder {out.parent} to save the return in.")
    figures, tpl = build_return(book, start, end, template)
    open_items = tuple(i.sentence for i in returns_checks.preflight(book, figures, tpl))
    partial = out.with_name(f".{out.name}.partial")
    count = 0
    try:
        with partial.open("wb") as f:
            if fmt == "pdf":
                _pdf(figures, tpl, f, open_items)
            elif fmt == "xlsx":
                from pa_manager.reports.returns.sheets import write_xlsx

                write_xlsx(figures, tpl, f)
            elif fmt == "csv":
                from pa_manager.reports.returns.sheets import write_csv

                write_csv(figures, tpl, f)
            else:
                count = _pack(book, figures, tpl, f, open_items, progress)
        os.replace(partial, out)
    except OSError as err:
        raise BookError(f"Could not save the return: {err.strerror or err}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return ExportResult(out, figures, tpl, open_items, count)


def _pdf(figures: ReturnFigures, tpl: ReturnTemplate, f: BinaryIO, open_items: tuple[str, ...]) -> None:
    from pa_manager.reports.returns import return_pdf

    return_pdf.render(figures, tpl, f, open_items=open_items)


def render_pdf_bytes(figures: ReturnFigures, tpl: ReturnTemplate, open_items: tuple[str, ...] = ()) -> bytes:
    """The return PDF in memory (for the preview; never written to disk)."""
    buffer = io.BytesIO()
    _pdf(figures, tpl, buffer, open_items)
    return buffer.getvalue()


def _pack(
    book: Book,
    figures: ReturnFigures,
    tpl: ReturnTemplate,
    f: BinaryIO,
    open_items: tuple[str, ...],
    progress: Progress | None,
) -> int:
    from pa_manager.services import returns_pack

    items = figures.evidence
    total = len(items) + 2
    files: dict[str, str] = {}
    missing: list[str] = []
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None and not progress(done, total):
            raise ExportCancelledError("The export was cancelled; nothing was saved.")

    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("00 Return.pdf", render_pdf_bytes(figures, tpl, open_items))
        step()
        source = returns_pack.Documents(book)
        for item in items:
            try:
                name, data = source.fetch(item)
            except BookError as err:
                missing.append(f"{item.number} {item.title}: {err}")
            else:
                files[item.number] = name
                # Pictures and PDFs are already compressed: storing them is as small and far quicker.
                z.writestr(name, data, compress_type=zipfile.ZIP_STORED)
            step()
        z.writestr("00 Index.pdf", _index(figures, items, files, missing))
        step()
    return len(files)


def _index(
    figures: ReturnFigures, items: tuple[EvidenceItem, ...], files: dict[str, str], missing: list[str]
) -> bytes:
    from pa_manager.reports.returns import index_pdf

    buffer = io.BytesIO()
    index_pdf.render(figures, items, files, buffer, missing=missing)
    return buffer.getvalue()


def json_figures(figures: ReturnFigures, tpl: ReturnTemplate) -> dict[str, Any]:
    """The return's figures for `--json` (money as decimal strings, categories by their keys)."""
    money_in, money_out = tpl.lines(figures.money_in, figures.money_out)
    return {
        "from": figures.period.start.isoformat(),
        "to": figures.period.end.isoformat(),
        "template": tpl.key,
        "opening": figures.opening.decimal_str(),
        "money_in": {c.value: m.decimal_str() for c, m in figures.money_in.items()},
        "money_out": {c.value: m.decimal_str() for c, m in figures.money_out.items()},
        "total_in": figures.total_in.decimal_str(),
        "total_out": figures.total_out.decimal_str(),
        "closing": figures.closing.decimal_str(),
        "weeks_held": None if figures.weeks_held is None else str(figures.weeks_held),
        "allowed_weeks": {"min": str(figures.allowed.min_weeks), "max": str(figures.allowed.max_weeks)},
        "committed": figures.committed.decimal_str(),
        "contingency": figures.contingency.decimal_str(),
        "available": figures.available.decimal_str(),
        "surplus_at_risk": figures.surplus_at_risk.decimal_str(),
        "council_lines": {
            "money_in": [{"label": x.label, "amount": x.amount.decimal_str()} for x in money_in],
            "money_out": [{"label": x.label, "amount": x.amount.decimal_str()} for x in money_out],
        },
    }
