"""Build a council return for a period from the book.

The figures come from `summary.summarise` for the same dates, so a return and `summary --json`
can never disagree; the opening balance is the balance the day before the period starts (with the
opening balance of any account opened by the period's end), so opening + in − out = closing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import AccountType
from pa_manager.domain.money import Money
from pa_manager.domain.returns.model import (
    EvidenceItem,
    PaHours,
    Reconciliation,
    ReturnFigures,
    ReturnHeader,
    ReturnTxn,
    check_balances,
)
from pa_manager.domain.returns.periods import ReturnPeriod
from pa_manager.domain.returns.template import ReturnTemplate
from pa_manager.services import returns_evidence, returns_history
from pa_manager.services.book import Book
from pa_manager.services.contingency import all_pots, commitments
from pa_manager.services.errors import BookError
from pa_manager.services.returns_templates import get_template
from pa_manager.services.summary import balance_pence, holder_and_funding, summarise
from pa_manager.store.models import (
    SPLIT,
    ReconciliationRow,
    SplitRow,
    TransactionRow,
)


def default_period(book: Book, today: date | None = None) -> ReturnPeriod:
    """The period the Returns page starts on: the next return due (see return_schedule)."""
    from pa_manager.services.return_schedule import next_return

    nxt = next_return(book, today)
    if nxt is None:
        raise BookError("This book has no funding agreement, so it has no return periods.")
    return ReturnPeriod(nxt.start, nxt.end)


def build_return(
    book: Book,
    start: date,
    end: date,
    template: ReturnTemplate | str | None = None,
    *,
    details: bool = True,
) -> tuple[ReturnFigures, ReturnTemplate]:
    """The return for `start`..`end` (both included) laid out by `template` (default: generic).

    With `details` False only the headline figures are worked out (no transaction list, evidence
    or per-PA table), for previews and `--json`.
    """
    try:
        period = ReturnPeriod(start, end)
    except DomainError as err:
        raise BookError(str(err)) from None
    tpl = template if isinstance(template, ReturnTemplate) else get_template(book, template)
    summary = summarise(book, start, end)
    with book.read() as s:
        holder, funding = holder_and_funding(s)
        # The accounts opened by the period's end count from the start, as the closing balance's do.
        opening = balance_pence(s, end, start, include_last_day=False)
        last = s.scalars(
            select(ReconciliationRow)
            .where(ReconciliationRow.statement_date <= end)
            .order_by(ReconciliationRow.statement_date.desc(), ReconciliationRow.id.desc())
        ).first()
        uncleared = s.execute(
            select(TransactionRow.id, TransactionRow.date, TransactionRow.payee, TransactionRow.amount_pence)
            .where(TransactionRow.date <= end, TransactionRow.state == "uncleared")
            .order_by(TransactionRow.date, TransactionRow.id)
        ).all()
    money_in, money_out = summary.money_in, summary.money_out
    try:
        check_balances(Money(opening), summary.total_in, summary.total_out, summary.balance)
    except DomainError as err:
        raise BookError(str(err)) from None
    allowed = tpl.allowed or summary.allowed
    position = replace(summary, allowed=allowed).position
    draft = returns_history.draft_for(book, start, end)
    header = ReturnHeader(
        holder=holder.name,
        date_of_birth=holder.date_of_birth,
        council=holder.council,
        council_reference=holder.council_reference,
        acting=book.actor_label,
        account_type=AccountType(holder.account_type).label,
        weekly_dp=summary.weekly_dp,
        weekly_contribution=Money(funding.client_contribution_pence),
    )
    transactions: tuple[ReturnTxn, ...] = ()
    pas: tuple[PaHours, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    pot_lines: tuple[tuple[str, Money], ...] = ()
    owed_lines: tuple[tuple[str, Money], ...] = ()
    if details:
        rows = _transactions(book, start, end)
        transactions, pas, evidence = returns_evidence.number(book, period, rows)
        pot_lines = tuple((p.name, p.target) for p in all_pots(book, end))
        owed_lines = tuple((f"{c.payee} (due {c.due:%d/%m/%Y})", c.amount) for c in commitments(book))
    recon = Reconciliation(
        summary.balance,
        tuple(ReturnTxn(0, i, d, p, "", "", Money(a), "uncleared") for i, d, p, a in uncleared),
        last.statement_date if last else None,
        Money(last.closing_balance_pence) if last else None,
    )
    figures = ReturnFigures(
        header=header,
        period=period,
        opening=Money(opening),
        money_in=money_in,
        money_out=money_out,
        closing=summary.balance,
        allowed=allowed,
        weeks_held=summary.weeks_held,
        committed=summary.committed,
        contingency=summary.contingency,
        available=position.available,
        allowed_to_keep=position.band_ceiling,
        surplus_at_risk=position.surplus_at_risk,
        explanation=draft.explanation if draft else "",
        signed_by=draft.signed_by if draft and draft.signed_by else _signer(book),
        capacity=draft.capacity if draft and draft.capacity else _capacity(book),
        transactions=transactions,
        pas=pas,
        reconciliation=recon,
        evidence=evidence,
        contingency_lines=pot_lines,
        committed_lines=owed_lines,
    )
    return figures, tpl


def _signer(book: Book) -> str:
    actor = book.actor
    return actor.name if actor else ""


def _capacity(book: Book) -> str:
    actor = book.actor
    if actor is None:
        return ""
    return actor.relationship.strip() or actor.role.label


def _transactions(book: Book, start: date, end: date) -> list[ReturnTxn]:
    """Every line in the period, oldest first, numbered from 1 (evidence is added later)."""
    t = TransactionRow
    with book.read() as s:
        rows = s.execute(
            select(t.id, t.date, t.payee, t.reference, t.category, t.amount_pence, t.state)
            .where(t.date >= start, t.date <= end)
            .order_by(t.date, t.id)
        ).all()
        splits: dict[int, list[tuple[Category, Money]]] = {}
        for txn_id, key, part in s.execute(
            select(SplitRow.txn_id, SplitRow.category, SplitRow.amount_pence)
            .join(t, t.id == SplitRow.txn_id)
            .where(t.date >= start, t.date <= end, t.category == SPLIT)
            .order_by(SplitRow.id)
        ):
            splits.setdefault(txn_id, []).append((_KEYS.get(key, Category.UNCATEGORISED), Money(part)))
    out = []
    for n, (i, d, payee, ref, key, pence, state) in enumerate(rows, start=1):
        category = _KEYS.get(key, Category.UNCATEGORISED)
        parts = tuple(splits.get(i, ())) if key == SPLIT else ()
        label = "Split: " + ", ".join(c.label for c, _ in parts) if key == SPLIT else category.label
        out.append(ReturnTxn(n, i, d, payee, ref or "", label, Money(pence), state, (), parts, category))
    return out


_KEYS = {c.value: c for c in Category}


def period_for(book: Book, start: date | None, end: date | None, today: date | None = None) -> ReturnPeriod:
    """The dates given, or the next return's period when neither is given."""
    if start is None and end is None:
        return default_period(book, today)
    if start is None or end is None:
        raise BookError("Give both the first and the last day of the return.")
    if start > end:
        raise BookError("The return period must start on or before the day it ends.")
    return ReturnPeriod(start, end)
