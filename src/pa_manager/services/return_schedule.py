"""When the next council return is due (for the Home page and the Returns page).

Worked out from the funding agreement's return frequency and start date, and the last return the
returns history says was sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pa_manager.domain.returns.periods import next_period
from pa_manager.services.book import Book
from pa_manager.store.models import FundingAgreementRow
from pa_manager.store.models_returns import CouncilReturnRow


@dataclass(frozen=True, slots=True)
class NextReturn:
    """The period of the next return to send and the day the council expects it."""

    start: date
    end: date
    due: date


def next_return(book: Book, today: date | None = None) -> NextReturn | None:
    """The next return to send, or None when the book has no funding agreement."""
    today = today or date.today()
    with book.read() as s:
        funding = s.scalars(
            select(FundingAgreementRow).order_by(FundingAgreementRow.start_date.desc())
        ).first()
        if funding is None:
            return None
        # Periods count from the first agreement's start; the newest says how often to send.
        start = s.scalar(select(func.min(FundingAgreementRow.start_date)))
        last_end = s.scalar(
            select(func.max(CouncilReturnRow.period_end)).where(CouncilReturnRow.sent_on.is_not(None))
        )
        frequency = funding.return_frequency
    if start is None:  # not reachable: the newest agreement above exists
        return None
    period = next_period(frequency, start, last_end, today)
    return NextReturn(period.start, period.end, period.due)
