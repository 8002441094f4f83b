"""What the Returns page shows, gathered in one call on the worker: the return's figures, the
pre-flight list, a preview of the first pages as pictures, the history and the templates."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from pa_manager.domain.returns.model import ReturnFigures
from pa_manager.domain.returns.template import ReturnTemplate
from pa_manager.services import returns_history
from pa_manager.services.book import Book
from pa_manager.services.return_schedule import NextReturn, next_return
from pa_manager.services.returns import build_return
from pa_manager.services.returns_checks import PreflightItem, needs_explanation, preflight
from pa_manager.services.returns_export import render_pdf_bytes
from pa_manager.services.returns_history import ReturnRecord
from pa_manager.services.returns_templates import all_templates

PREVIEW_PAGES = 3  # the form itself; the transaction list is in the saved PDF


@dataclass(frozen=True, slots=True)
class ReturnView:
    """Everything the page needs for one period and template."""

    figures: ReturnFigures
    template: ReturnTemplate
    open_items: tuple[PreflightItem, ...]
    needs_explanation: bool
    pages: tuple[bytes, ...]  # PNG pictures of the first pages
    page_count: int
    next_due: NextReturn | None
    history: tuple[ReturnRecord, ...]
    templates: tuple[ReturnTemplate, ...]


def start_view(book: Book, today: date | None = None) -> tuple[NextReturn | None, tuple[ReturnTemplate, ...]]:
    """The next return due and the templates, for filling the page's pickers."""
    return next_return(book, today), tuple(all_templates(book))


def load_view(
    book: Book,
    start: date,
    end: date,
    template_key: str | None,
    *,
    width_px: int = 900,
    today: date | None = None,
) -> ReturnView:
    figures, template = build_return(book, start, end, template_key)
    items = tuple(preflight(book, figures, template, today))
    pdf = render_pdf_bytes(figures, template, tuple(i.sentence for i in items))
    pages, count = render_pages(pdf, PREVIEW_PAGES, width_px)
    return ReturnView(
        figures,
        template,
        items,
        needs_explanation(figures, template),
        pages,
        count,
        next_return(book, today),
        tuple(returns_history.history(book)),
        tuple(all_templates(book)),
    )


def render_pages(pdf: bytes, limit: int, width_px: int) -> tuple[tuple[bytes, ...], int]:
    """The first `limit` pages as PNG bytes `width_px` wide, and the page count (all in memory)."""
    import pypdfium2  # type: ignore[import-untyped]

    doc = pypdfium2.PdfDocument(pdf)
    try:
        count = len(doc)
        out = []
        for i in range(min(limit, count)):
            page = doc[i]
            scale = width_px / page.get_width()
            image = page.render(scale=scale).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            out.append(buffer.getvalue())
            page.close()
        return tuple(out), count
    finally:
        doc.close()
