"""Returns drafted and sent: the explanation and declaration typed for a period, and the history.

A draft keeps what the user typed (the explanation of the balance held, who signs and in what
capacity) until the return is marked as sent; the sent row also keeps the headline figures, so the
history shows what the council was given even if a line is changed later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pa_manager.domain.money import Money
from pa_manager.domain.returns.model import ReturnFigures
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models_returns import CouncilReturnRow

SENT_AS = ("pdf", "xlsx", "csv", "pack", "paper")


@dataclass(frozen=True, slots=True)
class ReturnRecord:
    """A row of the returns history (or the draft for a period)."""

    id: int
    start: date
    end: date
    template_key: str
    explanation: str
    signed_by: str
    capacity: str
    sent_on: date | None
    sent_as: str | None
    opening: Money | None
    money_in: Money | None
    money_out: Money | None
    closing: Money | None


def _record(r: CouncilReturnRow) -> ReturnRecord:
    def m(p: int | None) -> Money | None:
        return None if p is None else Money(p)

    return ReturnRecord(
        r.id,
        r.period_start,
        r.period_end,
        r.template_key,
        r.explanation,
        r.signed_by,
        r.capacity,
        r.sent_on,
        r.sent_as,
        m(r.opening_pence),
        m(r.money_in_pence),
        m(r.money_out_pence),
        m(r.closing_pence),
    )


def draft_for(book: Book, start: date, end: date) -> ReturnRecord | None:
    """The newest draft or sent return for exactly this period, if any."""
    with book.read() as s:
        row = s.scalars(
            select(CouncilReturnRow)
            .where(CouncilReturnRow.period_start == start, CouncilReturnRow.period_end == end)
            .order_by(CouncilReturnRow.sent_on.is_(None).desc(), CouncilReturnRow.id.desc())
        ).first()
        return None if row is None else _record(row)


def save_draft(
    book: Book, start: date, end: date, template_key: str, explanation: str, signed_by: str, capacity: str
) -> int:
    """Keep the explanation and declaration for a period (one draft per period)."""
    if start > end:
        raise BookError("The return period must start on or before the day it ends.")
    if len(signed_by) > 200 or len(capacity) > 100:
        raise BookError("That name or capacity is too long; shorten it.")
    with book.write() as s:
        row = s.scalars(
            select(CouncilReturnRow).where(
                CouncilReturnRow.period_start == start,
                CouncilReturnRow.period_end == end,
                CouncilReturnRow.sent_on.is_(None),
            )
        ).first()
        if row is None:
            row = CouncilReturnRow(period_start=start, period_end=end)
            s.add(row)
        row.template_key, row.explanation = template_key, explanation.strip()
        row.signed_by, row.capacity = signed_by.strip(), capacity.strip()
        s.flush()
        return row.id


def mark_sent(
    book: Book, figures: ReturnFigures, template_key: str, sent_as: str, sent_on: date | None = None
) -> int:
    """Record that this return went to the council (the draft for the period becomes the sent row)."""
    if sent_as not in SENT_AS:
        raise BookError(f"“{sent_as}” is not a way of sending a return.")
    sent_on = sent_on or date.today()
    p = figures.period
    with book.write() as s:
        row = s.scalars(
            select(CouncilReturnRow).where(
                CouncilReturnRow.period_start == p.start,
                CouncilReturnRow.period_end == p.end,
                CouncilReturnRow.sent_on.is_(None),
            )
        ).first()
        if row is None:
            row = CouncilReturnRow(period_start=p.start, period_end=p.end)
            s.add(row)
        row.template_key = template_key
        row.explanation, row.signed_by, row.capacity = (
            figures.explanation,
            figures.signed_by,
            figures.capacity,
        )
        row.sent_on, row.sent_as = sent_on, sent_as
        row.opening_pence, row.closing_pence = figures.opening.pence, figures.closing.pence
        row.money_in_pence, row.money_out_pence = figures.total_in.pence, figures.total_out.pence
        s.flush()
        return row.id


def history(book: Book) -> list[ReturnRecord]:
    """Returns sent, newest period first."""
    with book.read() as s:
        rows = s.scalars(
            select(CouncilReturnRow)
            .where(CouncilReturnRow.sent_on.is_not(None))
            .order_by(CouncilReturnRow.period_end.desc(), CouncilReturnRow.id.desc())
        )
        return [_record(r) for r in rows]


def forget_sent(book: Book, record_id: int) -> None:
    """Take a return off the history (marked as sent by mistake); the audit trail keeps the record."""
    with book.write() as s:
        row = s.get(CouncilReturnRow, record_id)
        if row is None or row.sent_on is None:
            raise BookError("That return is not in the history.")
        s.delete(row)
