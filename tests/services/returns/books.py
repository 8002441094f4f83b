"""Books for the return tests: the demo book, and a random-ish one with splits, refunds,
uncategorised lines, receipts and payees that look like spreadsheet formulas."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.services import book as books
from pa_manager.services import document_files, documents, transactions
from pa_manager.services.demo import create_demo_book
from pa_manager.services.ledger import NewTransaction, record_transactions
from pa_manager.services.transactions import SplitPart, TransactionDetail
from tests.conftest import PASSPHRASE, new_book_details

INJECTIONS = ('=HYPERLINK("http://x","y")', "+SUM(1,2)", "-2+3", "@cmd", "\tTabbed", "\rReturn")
START = date(2026, 4, 6)


def demo_book(folder: Path) -> Path:
    return create_demo_book(folder / "demo", PASSPHRASE, years=1, pas=2).path


def png(seed: int) -> bytes:
    """A tiny distinct picture (distinct bytes, so each is stored as its own receipt)."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), ((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256)).save(out, "PNG")
    return out.getvalue()


def random_book(folder: Path, seed: int = 7, receipts: int = 6) -> Path:
    """A book with a year of random lines from 6 April 2026."""
    made = books.create_book(folder / f"random{seed}", PASSPHRASE, new_book_details())
    rnd = random.Random(seed)
    b = books.open_book(made.path, passphrase=PASSPHRASE)
    try:
        b.act_as_default()
        spending = [c for c in Category if not c.is_income]
        lines = []
        for week in range(52):
            day = START + timedelta(weeks=week)
            lines.append(NewTransaction(day, "Anytown Council", Money(45000), Category.COUNCIL_DP))
            for _ in range(rnd.randint(2, 6)):
                cat = rnd.choice(spending)
                pence = -rnd.randint(100, 40000)
                payee = rnd.choice(["Boots", "Tesco", "Jo Bloggs", "Insurer", *INJECTIONS])
                lines.append(
                    NewTransaction(day + timedelta(days=rnd.randint(0, 6)), payee, Money(pence), cat)
                )
            if rnd.random() < 0.2:  # a refund into a spending category
                lines.append(
                    NewTransaction(day, "Insurer refund", Money(rnd.randint(100, 3000)), Category.INSURANCE)
                )
            if rnd.random() < 0.1:
                lines.append(
                    NewTransaction(
                        day, "Unknown credit", Money(rnd.randint(100, 900)), Category.UNCATEGORISED
                    )
                )
        lines.append(
            NewTransaction(START - timedelta(days=3), "Before the year", Money(-1234), Category.OTHER_OUT)
        )
        record_transactions(b, lines)
        for k in range(12):
            day = START + timedelta(days=rnd.randint(0, 360))
            transactions.add(
                b,
                TransactionDetail(
                    day,
                    "=Split shop",
                    Money(-3000 - k),
                    Category.OTHER_OUT,
                    splits=(
                        SplitPart(Category.EQUIPMENT, Money(-1000)),
                        SplitPart(Category.TRAINING, Money(-2000 - k)),
                    ),
                ),
            )
        attach_receipts(b, receipts)
    finally:
        b.close()
    return made.path


def attach_receipts(b: books.Book, count: int, start: date = START) -> list[int]:
    """Link `count` distinct receipts to the earliest payments from `start`; returns the txn ids."""
    from sqlalchemy import select

    from pa_manager.store.models import TransactionRow

    with b.read() as s:
        ids = list(
            s.scalars(
                select(TransactionRow.id)
                .where(TransactionRow.amount_pence < 0, TransactionRow.date >= start)
                .order_by(TransactionRow.date, TransactionRow.id)
                .limit(count)
            )
        )
    for n, txn_id in enumerate(ids):
        checked = document_files.check_file(f"receipt {n}.png", png(n + 1))
        documents.add_document(b, checked, txn_ids=[txn_id])
    return ids
