"""The Home page's figures and its list of things to do, worked out together on the worker.

The money figures reuse `summary.summarise` (balance, free to spend, weeks held, council checks);
this module adds what is coming next (council payment, payday, HMRC, the return) and the to-do
list (`home_todos`), each item naming the place in the app that fixes it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.expected_income import ExpectedPayment, expected_payments
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind
from pa_manager.domain.periods import TaxYear
from pa_manager.services.book import Book
from pa_manager.services.contingency import commitments
from pa_manager.services.forecast_staff import planned_staff
from pa_manager.services.home_todos import HomeTodo, home_todos
from pa_manager.services.position import funding
from pa_manager.services.return_schedule import NextReturn, next_return
from pa_manager.services.summary import BookSummary, summarise
from pa_manager.store.models import AuditEntry

LOOK_AHEAD = timedelta(days=120)  # longer than any council's gap between payments but quarterly


@dataclass(frozen=True, slots=True)
class Owed:
    """Money owed to someone on a day (the earliest such day) and the total for it."""

    due: date
    amount: Money
    total: Money  # everything owed to them, on any day


@dataclass(frozen=True, slots=True)
class HomeMoney:
    """The money figures: shown first, as soon as they are added up."""

    today: date
    summary: BookSummary
    next_council: ExpectedPayment | None
    next_payday: Owed | None  # wages: owed already, or the next planned payday
    payday_names: tuple[str, ...]
    payday_owed: bool  # True: wages already owed for work done; False: the next planned payday
    hmrc: Owed | None


@dataclass(frozen=True, slots=True)
class HomeTasks:
    """The next return and the to-do list: shown when they are ready, after the money."""

    next_return: NextReturn | None
    todos: tuple[HomeTodo, ...]


@dataclass(frozen=True, slots=True)
class HomeFigures:
    """Everything the Home page shows (for scripts and tests; the page loads the two halves)."""

    money: HomeMoney
    tasks: HomeTasks

    def __getattr__(self, name: str) -> Any:
        # figures.summary, figures.todos…: whichever half holds it.
        for half in (self.money, self.tasks):
            if name in half.__dataclass_fields__:
                return getattr(half, name)
        raise AttributeError(name)


# Figures kept in memory per open book, reused while nothing in the book has changed (the audit
# log gains an entry with every write). Memory only: nothing is ever written to disk.
_CACHE: weakref.WeakKeyDictionary[Book, dict[str, tuple[tuple[int, date], Any]]] = weakref.WeakKeyDictionary()
T = TypeVar("T")


def book_generation(book: Book) -> int:
    """A number that changes whenever anything in the book is written."""
    with book.read() as s:
        return int(s.scalar(select(func.max(AuditEntry.seq))) or 0)


def _cached(book: Book, name: str, today: date, work: Callable[[Book, date], T]) -> T:
    key = (book_generation(book), today)
    kept = _CACHE.setdefault(book, {})
    if name in kept and kept[name][0] == key:
        found: T = kept[name][1]
        return found
    value = work(book, today)
    kept[name] = (key, value)
    return value


def home_money(book: Book, today: date | None = None) -> HomeMoney:
    """The money figures as at `today` (default: the real today); cached until the book changes."""
    return _cached(book, "money", today or date.today(), _money)


def home_tasks(book: Book, today: date | None = None) -> HomeTasks:
    """The next return and the to-do list as at `today`; cached until the book changes."""
    return _cached(book, "tasks", today or date.today(), _tasks)


def home_figures(book: Book, today: date | None = None) -> HomeFigures:
    """Both halves of the Home page."""
    today = today or date.today()
    return HomeFigures(home_money(book, today), home_tasks(book, today))


def _money(book: Book, today: date) -> HomeMoney:
    summary = summarise(book, TaxYear.containing(today).first_day, today)
    f = funding(book)
    upcoming = expected_payments(
        schedule=f.schedule,
        weekly_dp=f.weekly_dp,
        weekly_contribution=f.weekly_contribution,
        first_due=f.start_date,
        until=today + LOOK_AHEAD,
        council=f.council,
    )
    council = next((e for e in upcoming if e.due > today and e.category is Category.COUNCIL_DP), None)
    owed = commitments(book)
    payday, names, owed_wages = _next_payday(book, today, [c for c in owed if c.kind is CommitmentKind.WAGES])
    return HomeMoney(
        today=today,
        summary=summary,
        next_council=council,
        next_payday=payday,
        payday_names=names,
        payday_owed=owed_wages,
        hmrc=_owed([(c.due, c.amount) for c in owed if c.kind is CommitmentKind.HMRC]),
    )


def _tasks(book: Book, today: date) -> HomeTasks:
    return HomeTasks(next_return(book, today), tuple(home_todos(book, today)))


def _owed(items: list[tuple[date, Money]]) -> Owed | None:
    if not items:
        return None
    first = min(d for d, _a in items)
    return Owed(
        first,
        Money.total(a for d, a in items if d == first),
        Money.total(a for _d, a in items),
    )


def _next_payday(
    book: Book, today: date, wages: list[Commitment]
) -> tuple[Owed | None, tuple[str, ...], bool]:
    """Wages already owed come first; otherwise the next planned payday from each PA's usual week."""
    if wages:
        first = min(c.due for c in wages)
        names = tuple(sorted({c.payee for c in wages if c.due == first}))
        return _owed([(c.due, c.amount) for c in wages]), names, True
    staff, _notes = planned_staff(book, today)
    if not staff:
        return None, (), False
    first = min(p.first_payday for p in staff)
    on_day = [p for p in staff if p.first_payday == first]
    gross = Money.total(p.weekly_gross for p in on_day)
    return Owed(first, gross, gross), tuple(p.name for p in on_day), False
