"""Importing a bank or card statement into the book: preview first, then add only what is new.

Duplicates are found by the bank's own line id where the file has one, otherwise by the line's
fingerprint (date, amount, description and which occurrence of that triple it is in the file), so
re-importing the same or an overlapping statement adds nothing twice while two genuinely
identical lines on one day both stand. New lines take the category last chosen for the same payee.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from pa_manager.domain.categories import Category
from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers import (
    ColumnMap,
    CsvTable,
    ParsedStatement,
    StatementLine,
    assign_fingerprints,
    csv_table,
    mapping_fits,
    normalise_description,
    parse_statement,
    read_statement_file,
)
from pa_manager.services.book import Book
from pa_manager.services.contingency import settle_matching
from pa_manager.services.errors import BookError
from pa_manager.store import audit
from pa_manager.store.models import SPLIT, AccountRow, TransactionRow


@dataclass(frozen=True, slots=True)
class PreviewLine:
    """One statement line and what importing would do with it."""

    line: StatementLine
    fingerprint: str
    duplicate: bool
    category: Category


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would add, skip and reject; nothing has been written yet."""

    account_id: int
    account_name: str
    statement: ParsedStatement
    lines: list[PreviewLine]

    @property
    def new(self) -> list[PreviewLine]:
        return [p for p in self.lines if not p.duplicate]

    @property
    def duplicates(self) -> list[PreviewLine]:
        return [p for p in self.lines if p.duplicate]

    @property
    def rejected(self) -> list[str]:
        return self.statement.problems


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did."""

    added: int
    duplicates: int
    rejected: int
    closing_balance: Money | None


def preview_file(
    book: Book,
    path: Path,
    *,
    account: str | None = None,
    preset: str | None = None,
    columns: str | None = None,
    date_format: str | None = None,
) -> ImportPreview:
    """Read and parse a statement file and match it against the book. Writes nothing.

    With no preset or columns given, a CSV is read the way this account's statements were read
    last time (remembered from the mapping dialog), if that fits the file; otherwise the format
    is worked out from the file itself.
    """
    try:
        data = read_statement_file(path)
    except DomainError as err:
        raise BookError(str(err)) from None
    name = Path(path).name
    if preset is None and columns is None:
        remembered = remembered_mapping(book, account)
        remembered_map = ColumnMap.parse(remembered.columns) if remembered.columns else None
        if (remembered.preset or remembered_map) and mapping_fits(data, remembered.preset, remembered_map):
            try:
                statement = _parse(
                    data, name, remembered.preset, remembered.columns, date_format or remembered.date_format
                )
                return preview(book, statement, account=account)
            except BookError:
                pass  # a different bank's file, say: fall back to recognising it
    return preview(book, _parse(data, name, preset, columns, date_format), account=account)


def _parse(
    data: bytes, name: str, preset: str | None, columns: str | None, date_format: str | None
) -> ParsedStatement:
    try:
        column_map = ColumnMap.parse(columns) if columns else None
        return parse_statement(data, name, preset=preset, columns=column_map, date_format=date_format)
    except DomainError as err:
        raise BookError(str(err)) from None


def preview(book: Book, statement: ParsedStatement, *, account: str | None = None) -> ImportPreview:
    with book.read() as s:
        acct = _account(s.scalars(select(AccountRow).order_by(AccountRow.id)).all(), account)
        known_ids = set(
            s.scalars(
                select(TransactionRow.statement_line_id).where(
                    TransactionRow.account_id == acct.id, TransactionRow.statement_line_id.is_not(None)
                )
            )
        )
        known_prints = set(
            s.scalars(
                select(TransactionRow.fingerprint).where(
                    TransactionRow.account_id == acct.id, TransactionRow.fingerprint.is_not(None)
                )
            )
        )
        # Each payee's most recently recorded category (the bare column comes from the max(id) row,
        # as SQLite documents), so only distinct payees reach Python, not every line.
        t = TransactionRow
        latest = s.execute(
            select(t.payee, t.category, func.max(t.id))
            .where(t.category.not_in([Category.UNCATEGORISED.value, SPLIT]))
            .group_by(t.payee)
        ).all()
        learnt = _learnt_categories([(payee, key) for payee, key, _ in sorted(latest, key=lambda r: r[2])])
    lines = []
    fingerprints = assign_fingerprints(statement.lines)
    for line, fp in zip(statement.lines, fingerprints, strict=True):
        duplicate = fp in known_prints or (line.bank_id is not None and line.bank_id in known_ids)
        if not duplicate:
            # Mark this line's ids as known too, so a file that repeats a line id adds it once.
            known_prints.add(fp)
            if line.bank_id:
                known_ids.add(line.bank_id)
        category = learnt.get(normalise_description(line.description), Category.UNCATEGORISED)
        lines.append(PreviewLine(line, fp, duplicate, category))
    return ImportPreview(acct.id, acct.name, statement, lines)


def apply_import(
    book: Book, preview: ImportPreview, categories: dict[int, Category] | None = None
) -> ImportResult:
    """Add the preview's new lines in one transaction (all or none).

    `categories` holds the person's changes to the suggested categories, keyed by the line's
    index in `preview.lines`. Imported lines are "cleared": the bank has confirmed them.
    """
    chosen = categories or {}
    rows = [
        {
            "account_id": preview.account_id,
            "date": p.line.day,
            "payee": p.line.description[:200],
            "amount_pence": p.line.amount.pence,
            "category": chosen.get(index, p.category).value,
            "reference": "",
            "note": "",
            "state": "cleared",
            "pa_id": None,
            "statement_line_id": p.line.bank_id,
            "fingerprint": p.fingerprint,
        }
        for index, p in enumerate(preview.lines)
        if not p.duplicate
    ]
    with book.write() as s:
        audit.insert_audited(s, TransactionRow, rows)
        settle_matching(s)
    return ImportResult(
        len(rows), len(preview.duplicates), len(preview.rejected), preview.statement.closing_balance
    )


def _account(accounts: Sequence[AccountRow], wanted: str | None) -> AccountRow:
    if not accounts:
        raise BookError("This book has no account to import into.")
    if wanted is None:
        return accounts[0]
    for a in accounts:
        if a.name.casefold() == wanted.strip().casefold():
            return a
    names = ", ".join(a.name for a in accounts)
    raise BookError(f"This book has no account called “{wanted}”. Its accounts are: {names}.")


def _learnt_categories(history: Sequence[tuple[str, str]]) -> dict[str, Category]:
    """The latest category chosen for each payee (later rows win)."""
    learnt: dict[str, Category] = {}
    for payee, key in history:
        if key == SPLIT:
            continue  # a split line has no one category to suggest
        category = Category(key)
        if category is not Category.UNCATEGORISED:
            learnt[normalise_description(payee)] = category
    return learnt


@dataclass(frozen=True, slots=True)
class Mapping:
    """How an account's CSV statements are read: a preset name or a column map, and a date form."""

    preset: str | None = None
    columns: str | None = None
    date_format: str | None = None


def remembered_mapping(book: Book, account: str | int | None = None) -> Mapping:
    with book.read() as s:
        accounts = s.scalars(select(AccountRow).order_by(AccountRow.id)).all()
        acct = _account(accounts, account) if not isinstance(account, int) else s.get(AccountRow, account)
        if acct is None:
            raise BookError("This book has no such account.")
        return Mapping(acct.preset, acct.column_map, acct.date_format)


def remember_mapping(book: Book, account_id: int, mapping: Mapping) -> None:
    """Keep how this account's statements are read, for next time (from the mapping dialog)."""
    if mapping.columns:
        try:
            ColumnMap.parse(mapping.columns)
        except DomainError as err:
            raise BookError(str(err)) from None
    with book.write() as s:
        acct = s.get(AccountRow, account_id)
        if acct is None:
            raise BookError("This book has no such account.")
        acct.preset, acct.column_map, acct.date_format = mapping.preset, mapping.columns, mapping.date_format


def read_table(path: Path) -> CsvTable | None:
    """A CSV file's header and first rows for the mapping dialog; None for OFX/QIF files."""
    try:
        return csv_table(read_statement_file(path))
    except DomainError as err:
        raise BookError(str(err)) from None
