"""Evidence rules: which payments need a receipt or invoice, and which still lack one.

By default every payment (money out) needs evidence, except payroll lines already backed by a
payslip: a wage paid to a PA within a week of one of their finalised payslips, and HMRC or pension
payments made after finalised payslips that they pay for. Each money-out category can be switched
to "no evidence needed" (bank charges show on the statement itself); the choice is kept in the book.

`document_content` hands back a stored file's decrypted bytes: only for an export the user asked
for, or for the evidence pack sent to the council.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.store.models import (
    SPLIT,
    BookMeta,
    CommitmentRow,
    PARow,
    PayslipRow,
    SplitRow,
    TransactionRow,
)
from pa_manager.store.models_receipts import DocumentContentRow, DocumentRow, TxnDocumentRow

RULES_KEY = "evidence_rules"
PAYROLL = (Category.PA_WAGES, Category.HMRC, Category.PENSION)
# How far a payroll payment may be from the payslips it pays for and still count as backed.
WAGE_WINDOW = timedelta(days=7)
HMRC_WINDOW = timedelta(days=100)  # HMRC may be paid quarterly
PENSION_WINDOW = timedelta(days=45)
_CHUNK = 900  # SQLite's limit on bound parameters is 999 in older builds


@dataclass(frozen=True, slots=True)
class MissingEvidence:
    """A payment that needs evidence and has none linked."""

    txn_id: int
    day: date
    payee: str
    amount: Money
    category: Category


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """A document linked to a transaction, without its bytes."""

    document_id: int
    name: str
    mime: str
    kind: str


def spending_categories() -> list[Category]:
    """The money-out categories a rule can be set for."""
    return [c for c in Category if not c.is_income]


def evidence_rules(book: Book) -> dict[Category, bool]:
    """Whether each money-out category needs evidence (True unless the user switched it off)."""
    with book.read() as s:
        return _rules(s)


def _rules(s: Session) -> dict[Category, bool]:
    stored = s.scalar(select(BookMeta.value).where(BookMeta.key == RULES_KEY))
    saved: dict[str, bool] = json.loads(stored) if stored else {}
    return {c: bool(saved.get(c.value, True)) for c in spending_categories()}


def set_evidence_rule(book: Book, category: Category, needed: bool) -> None:
    """Say whether payments in `category` need evidence; kept in the book."""
    if category.is_income:
        raise BookError("Only money going out needs evidence; money in has no rule to set.")
    with book.write() as s:
        rules = {c.value: v for c, v in _rules(s).items()}
        rules[category.value] = needed
        text = json.dumps(rules, sort_keys=True)
        row = s.get(BookMeta, RULES_KEY)
        if row is None:
            s.add(BookMeta(key=RULES_KEY, value=text))
        elif row.value != text:
            row.value = text


def missing_evidence(book: Book, start: date | None = None, end: date | None = None) -> list[MissingEvidence]:
    """Payments between the dates (inclusive) that need evidence and have none, oldest first."""
    with book.read() as s:
        return _missing(s, start, end)


def missing_ids(book: Book, start: date | None = None, end: date | None = None) -> set[int]:
    """The ids of `missing_evidence` (for the register's marker)."""
    return {m.txn_id for m in missing_evidence(book, start, end)}


class Marker:
    """Tells, line by line, whether a payment has evidence, needs it, or needs none; for the
    register, which has every line loaded already (so no second pass over the transactions)."""

    def __init__(self, s: Session) -> None:
        self.needed = {c.value for c, v in _rules(s).items() if v}
        self.linked = set(s.scalars(select(TxnDocumentRow.txn_id).distinct()))
        self._s = s
        self._backing: _PayrollBacking | None = None

    def missing(
        self, txn_id: int, day: date, payee: str, pence: int, keys: Iterable[str], pa_id: int | None
    ) -> str:
        """The category key still wanting evidence ("" if none): `keys` are the line's category,
        or its split parts' categories, in order."""
        if pence >= 0 or txn_id in self.linked:
            return ""
        wanting = [k for k in keys if k in self.needed]
        if not wanting:
            return ""
        if len(wanting) == 1 and wanting[0] in _PAYROLL_KEYS:
            if self._backing is None:
                self._backing = _PayrollBacking(self._s)
            if self._backing.backs(txn_id, wanting[0], day, payee, pa_id):
                return ""
        return wanting[0]


def _missing(s: Session, start: date | None, end: date | None) -> list[MissingEvidence]:
    marker = Marker(s)
    if not marker.needed:
        return []
    t = TransactionRow
    linked = exists().where(TxnDocumentRow.txn_id == t.id)
    query = select(t.id, t.date, t.payee, t.amount_pence, t.category, t.pa_id).where(
        t.amount_pence < 0, ~linked, t.category.in_([*marker.needed, SPLIT])
    )
    if start is not None:
        query = query.where(t.date >= start)
    if end is not None:
        query = query.where(t.date <= end)
    lines = s.execute(query.order_by(t.date, t.id)).all()
    split_ids = [line[0] for line in lines if line[4] == SPLIT]
    parts: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(split_ids):
        for txn_id, key in s.execute(
            select(SplitRow.txn_id, SplitRow.category).where(SplitRow.txn_id.in_(chunk)).order_by(SplitRow.id)
        ):
            parts[txn_id].append(key)
    out = []
    for txn_id, day, payee, pence, key, pa_id in lines:
        wanting = marker.missing(txn_id, day, payee, pence, parts[txn_id] if key == SPLIT else (key,), pa_id)
        if wanting:
            out.append(MissingEvidence(txn_id, day, payee, Money(pence), Category(wanting)))
    return out


_PAYROLL_KEYS = {c.value for c in PAYROLL}


class _PayrollBacking:
    """Finalised payslips' pay dates (per PA and overall), and payments that settled a payslip."""

    named: dict[str, int]

    def __init__(self, s: Session) -> None:
        self.by_pa: dict[int, list[date]] = defaultdict(list)
        for pa_id, day in s.execute(
            select(PayslipRow.pa_id, PayslipRow.pay_date)
            .where(PayslipRow.final.is_(True))
            .order_by(PayslipRow.pay_date)
        ):
            self.by_pa[pa_id].append(day)
        self.all_days = sorted({d for days in self.by_pa.values() for d in days})
        # A wage imported from a statement has no PA set: its payee is the PA's name.
        self.named = {name.casefold(): pa_id for pa_id, name in s.execute(select(PARow.id, PARow.name))}
        self.settled = set(
            s.scalars(
                select(CommitmentRow.settled_txn_id).where(
                    CommitmentRow.settled_txn_id.is_not(None), CommitmentRow.source.like("payslip:%")
                )
            )
        )

    def backs(self, txn_id: int, key: str, day: date, payee: str, pa_id: int | None) -> bool:
        if key == Category.PA_WAGES.value:
            if txn_id in self.settled:
                return True
            if pa_id is None:
                pa_id = self.named.get(payee.strip().casefold())
            return pa_id is not None and _any_between(
                self.by_pa.get(pa_id, []), day - WAGE_WINDOW, day + WAGE_WINDOW
            )
        window = HMRC_WINDOW if key == Category.HMRC.value else PENSION_WINDOW
        return _any_between(self.all_days, day - window, day)


def _any_between(days: list[date], first: date, last: date) -> bool:
    """Whether sorted `days` holds a date in [first, last]."""
    i = bisect.bisect_left(days, first)
    return i < len(days) and days[i] <= last


def evidence_for(book: Book, txn_ids: Iterable[int]) -> dict[int, list[EvidenceRef]]:
    """The documents linked to each transaction (transactions with none are left out)."""
    found: dict[int, list[EvidenceRef]] = defaultdict(list)
    with book.read() as s:
        for chunk in _chunks(sorted(set(txn_ids))):
            for txn_id, doc_id, name, mime, kind in s.execute(
                select(
                    TxnDocumentRow.txn_id,
                    DocumentRow.id,
                    DocumentRow.name,
                    DocumentRow.mime,
                    DocumentRow.kind,
                )
                .join(DocumentRow, DocumentRow.id == TxnDocumentRow.document_id)
                .where(TxnDocumentRow.txn_id.in_(chunk))
                .order_by(TxnDocumentRow.txn_id, DocumentRow.id)
            ):
                found[txn_id].append(EvidenceRef(doc_id, name, mime, kind))
    return dict(found)


def document_content(book: Book, document_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, decrypted bytes) of a stored document.

    Only for an export the user asked for or the evidence pack: whatever the caller does with the
    bytes, it must not write them anywhere the user did not choose.
    """
    with book.read() as s:
        row = s.execute(
            select(DocumentRow.name, DocumentRow.mime, DocumentContentRow.data)
            .join(DocumentContentRow, DocumentContentRow.id == DocumentRow.content_id)
            .where(DocumentRow.id == document_id)
        ).first()
    if row is None:
        raise BookError("That document is not in this book.")
    return row[0], row[1], bytes(row[2])


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]
