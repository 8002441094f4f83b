"""The register: one account's transactions in date order with a running balance, for the Money
page's table model. Rows are plain tuples-in-dataclasses so a 100,000-line book loads quickly.

The running balance is the account's balance after each line, whatever the filter: filters by
category, PA and text hide lines without changing the balance shown on the others.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.spending import Concern, PaRelation, concerns
from pa_manager.services import evidence
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import SPLIT, AccountRow, PARow, SplitRow, TransactionRow

STATES = ("uncleared", "cleared", "reconciled")
EVIDENCE_ATTACHED, EVIDENCE_MISSING = "attached", "missing"
STATE_LABELS = {"uncleared": "Not cleared", "cleared": "Cleared", "reconciled": "Reconciled (locked)"}


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as pickers and the register heading show it."""

    id: int
    name: str
    kind: str
    opening_balance: Money
    opening_date: date


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the register. `balance` is the account balance after this line."""

    id: int
    day: date
    payee: str
    reference: str
    note: str
    amount: int  # pence
    categories: tuple[Category, ...]  # one, or the parts of a split
    pa_id: int | None
    pa_name: str
    state: str
    balance: int  # pence
    concerns: tuple[Concern, ...]
    evidence: str = ""  # EVIDENCE_ATTACHED, EVIDENCE_MISSING, or "" (none needed)

    @property
    def split(self) -> bool:
        return len(self.categories) > 1

    @property
    def category_label(self) -> str:
        if self.split:
            return f"Split: {', '.join(c.label for c in self.categories)}"
        return self.categories[0].label

    @property
    def locked(self) -> bool:
        return self.state == "reconciled"


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """Which lines to show. Dates bound what is loaded; the rest filter in memory."""

    date_from: date | None = None
    date_to: date | None = None
    category: Category | None = None
    pa_id: int | None = None
    text: str = ""

    def matches(self, row: RegisterRow) -> bool:
        if self.category is not None and self.category not in row.categories:
            return False
        if self.pa_id is not None and row.pa_id != self.pa_id:
            return False
        needle = self.text.strip().casefold()
        return not needle or needle in _haystack(row)


def _haystack(row: RegisterRow) -> str:
    """The words a text filter looks in: payee, reference, note, PA and the amount as shown."""
    money = Money(row.amount).format()
    return f"{row.payee}\n{row.reference}\n{row.note}\n{row.pa_name}\n{money}\n{money[1:]}".casefold()


@dataclass(slots=True)
class Register:
    """The loaded lines of one account and the balance before them."""

    account: AccountInfo
    opening: int  # pence: the balance before the first loaded line
    rows: list[RegisterRow]  # every line in the date range, oldest first
    _haystacks: list[str] | None = None

    def filtered(self, f: RegisterFilter) -> list[RegisterRow]:
        needle = f.text.strip().casefold()
        rows = self.rows
        if needle:
            # Text is searched often (as the user types): fold each line's words once.
            if self._haystacks is None:
                self._haystacks = [_haystack(r) for r in rows]
            rows = [r for r, h in zip(rows, self._haystacks, strict=True) if needle in h]
        plain = RegisterFilter(category=f.category, pa_id=f.pa_id)
        if f.category is None and f.pa_id is None:
            return list(rows)
        return [r for r in rows if plain.matches(r)]

    @property
    def closing(self) -> int:
        return self.rows[-1].balance if self.rows else self.opening


def accounts(book: Book) -> list[AccountInfo]:
    with book.read() as s:
        rows = s.scalars(select(AccountRow).order_by(AccountRow.id)).all()
        return [
            AccountInfo(a.id, a.name, a.kind, Money(a.opening_balance_pence), a.opening_date) for a in rows
        ]


def pa_names(book: Book) -> dict[int, str]:
    with book.read() as s:
        return {pid: name for pid, name in s.execute(select(PARow.id, PARow.name).order_by(PARow.name))}


def load_register(
    book: Book, account_id: int | None = None, date_from: date | None = None, date_to: date | None = None
) -> Register:
    """Every line of one account (default: the first) between the dates, with running balances."""
    with book.read() as s:
        account = (
            s.get(AccountRow, account_id)
            if account_id is not None
            else s.scalars(select(AccountRow).order_by(AccountRow.id)).first()
        )
        if account is None:
            raise BookError("This book has no such account.")
        info = AccountInfo(
            account.id, account.name, account.kind, Money(account.opening_balance_pence), account.opening_date
        )
        t = TransactionRow
        opening = account.opening_balance_pence
        if date_from is not None:
            opening += (
                s.scalar(
                    select(func.coalesce(func.sum(t.amount_pence), 0)).where(
                        t.account_id == account.id, t.date < date_from
                    )
                )
                or 0
            )
        query = select(
            t.id, t.date, t.payee, t.reference, t.note, t.amount_pence, t.category, t.pa_id, t.state
        ).where(t.account_id == account.id)
        if date_from is not None:
            query = query.where(t.date >= date_from)
        if date_to is not None:
            query = query.where(t.date <= date_to)
        lines = s.execute(query.order_by(t.date, t.id)).all()
        people = {
            pid: (name, PaRelation(bool(rel), approved))
            for pid, name, rel, approved in s.execute(
                select(PARow.id, PARow.name, PARow.relative_in_household, PARow.council_approval_date)
            )
        }
        split_parts: dict[int, list[Category]] = defaultdict(list)
        split_ids = [line[0] for line in lines if line[6] == SPLIT]
        if split_ids:
            for txn_id, key in s.execute(
                select(SplitRow.txn_id, SplitRow.category)
                .where(SplitRow.txn_id.in_(split_ids))
                .order_by(SplitRow.id)
            ):
                split_parts[txn_id].append(Category(key))
        marker = evidence.Marker(s)
    rows = []
    balance = opening
    category_of = {c.value: (c,) for c in Category}
    # Payees repeat (the same PA, the same shop), so each payee/category/PA is checked once.
    checked: dict[tuple[str, Category, int | None], tuple[Concern, ...]] = {}
    for txn_id, day, payee, ref, note, pence, key, pa_id, state in lines:
        balance += pence
        cats = tuple(split_parts[txn_id]) if key == SPLIT else category_of[key]
        name, relation = people.get(pa_id, ("", None)) if pa_id is not None else ("", None)
        found: tuple[Concern, ...] = ()
        mark = ""
        if pence < 0:
            key3 = (payee, cats[0], pa_id)
            if key3 not in checked:
                checked[key3] = tuple(concerns(payee, cats[0], Money(pence), relation))
            found = checked[key3]
            if txn_id in marker.linked:
                mark = EVIDENCE_ATTACHED
            elif marker.missing(
                txn_id, day, payee, pence, [c.value for c in cats] if key == SPLIT else (key,), pa_id
            ):
                mark = EVIDENCE_MISSING
        rows.append(
            RegisterRow(txn_id, day, payee, ref, note, pence, cats, pa_id, name, state, balance, found, mark)
        )
    return Register(info, opening, rows)
