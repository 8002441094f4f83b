"""The demo book's money as a real book would have it: months reconciled against statements, the
latest statement imported through the statement importer, recent lines not yet cleared, and
contingency pots and commitments set up.

`DemoLedger` takes the generated lines in date order. Lines up to the end of last month are
written reconciled, one reconciliation per month; lines of this month up to a few days ago
arrive by importing a NatWest-style CSV statement built in memory; the last few days' lines are
typed in by hand and still uncleared.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.money_rules.pots import Commitment, CommitmentKind, Pot, PotKind
from pa_manager.importers import parse_statement
from pa_manager.services import contingency, statements
from pa_manager.services.book import Book
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.store import audit
from pa_manager.store.models import ReconciliationRow

CHUNK = 5000
UNCLEARED_DAYS = 4  # lines this recent have not reached the bank statement yet


class DemoLedger:
    """Collects generated lines (in date order) and writes each in its right state."""

    def __init__(self, book: Book, start: date, end: date, opening: Money) -> None:
        self.book, self.start, self.end = book, start, end
        self.reconciled_to = end.replace(day=1) - timedelta(days=1)  # last month's end
        self.statement_to = end - timedelta(days=UNCLEARED_DAYS)
        self._batch: list[NewTransaction] = []
        self._statement: list[NewTransaction] = []
        self._recent: list[NewTransaction] = []
        self._month_sum: dict[int, int] = defaultdict(int)
        self._month_count: dict[int, int] = defaultdict(int)
        self._opening = opening.pence

    def _month_index(self, day: date) -> int:
        return (day.year - self.start.year) * 12 + day.month - self.start.month

    def add(self, t: NewTransaction) -> None:
        if t.day > self.statement_to:
            self._recent.append(t)
            return
        if t.day > self.reconciled_to:
            self._statement.append(t)
            return
        index = self._month_index(t.day)
        self._month_sum[index] += t.amount.pence
        self._month_count[index] += 1
        self._batch.append(replace(t, state="reconciled", reconciliation_id=index + 1))
        if len(self._batch) >= CHUNK:
            record_transactions(self.book, self._batch)
            self._batch.clear()

    def finish(self) -> None:
        """Write the rest: reconciliations, this month's statement (imported), the recent lines."""
        if self._batch:
            record_transactions(self.book, self._batch)
            self._batch.clear()
        self._write_reconciliations()
        self._import_statement()
        if self._recent:
            record_transactions(self.book, self._recent)

    def _write_reconciliations(self) -> None:
        balance, rows = self._opening, []
        for index in range(self._month_index(self.reconciled_to) + 1):
            balance += self._month_sum.get(index, 0)
            month0 = self.start.month - 1 + index
            first = date(self.start.year + month0 // 12, month0 % 12 + 1, 1)
            month_end = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            done = datetime.combine(month_end + timedelta(days=3), datetime.min.time(), UTC)
            rows.append(
                {
                    "id": index + 1,
                    "account_id": 1,
                    "statement_date": month_end,
                    "closing_balance_pence": balance,
                    "finished_at": done.isoformat(timespec="seconds"),
                    "item_count": self._month_count.get(index, 0),
                }
            )
        with self.book.write() as s:
            audit.insert_audited(s, ReconciliationRow, rows)

    def _import_statement(self) -> None:
        if not self._statement:
            return
        balance = self._opening + sum(self._month_sum.values())
        text = io.StringIO()
        out = csv.writer(text, lineterminator="\r\n")
        out.writerow(["Date", "Type", "Description", "Value", "Balance", "Account Name", "Account Number"])
        categories: dict[int, Category] = {}
        for index, t in enumerate(self._statement):
            balance += t.amount.pence
            kind = "BAC" if t.amount.pence > 0 else ("DPC" if t.category is Category.PA_WAGES else "POS")
            out.writerow(
                [
                    f"{t.day:%d/%m/%Y}",
                    kind,
                    f"'{t.payee}",
                    t.amount.decimal_str(),
                    Money(balance).decimal_str(),
                    "'M ELLIS DP ACCOUNT",
                    "'600000-12345678",
                ]
            )
            categories[index] = t.category
        parsed = parse_statement(text.getvalue().encode("utf-8"), "statement.csv", preset="natwest")
        preview = statements.preview(self.book, parsed)
        # The person confirms the suggested categories, correcting the few it could not know.
        statements.apply_import(self.book, preview, categories)
        statements.remember_mapping(self.book, 1, statements.Mapping(preset="natwest"))


def add_pots_and_commitments(book: Book, end: date, hmrc_owed: Money, pension_owed: Money) -> None:
    """Pots a careful holder keeps, and what is owed at the book's end date."""
    # Holiday pay owed and statutory redundancy pay are automatic pots (contingency.automatic_pots).
    renewal = Pot(
        PotKind.INSURANCE, "Insurance renewal", Money(19500), "Employer's liability renews in June."
    )
    contingency.save_pot(book, renewal)
    quarter_end_month = ((end.month - 1) // 3 + 1) * 3 % 12 + 1  # HMRC is paid quarterly here
    hmrc_due = date(end.year + (1 if quarter_end_month < end.month else 0), quarter_end_month, 22)
    next_month = (end.replace(day=28) + timedelta(days=4)).replace(day=1)
    for c in (
        Commitment(CommitmentKind.HMRC, "HMRC", hmrc_owed, hmrc_due, note="PAYE and NI for the quarter"),
        Commitment(CommitmentKind.PENSION, "Nest Pensions", pension_owed, next_month + timedelta(days=4)),
    ):
        if c.amount.pence > 0:
            contingency.add_commitment(book, c)
