"""Prints how long council returns take on the 10-year, 20-PA benchmark book.

Targets (issue 7): a year's PDF return on the 10-year book within 3 s, and an evidence pack with
200 receipts within 10 s (the GUI shows a progress bar and a Cancel button meanwhile).

A copy of the 10-year book (benchmarks/out/ten-years.pabook, made by bench_open.py) is taken once,
and 200 till receipts are linked to the payments of its last month. Timed: building and writing a
year's return PDF (the last 12 months of the book), the same as XLSX, and the evidence pack for the
last month (the return, its index, the 200 receipts and that month's payslips and timesheets).

Usage: .venv/bin/python benchmarks/bench_returns.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_open import BIG, OUT, PASSPHRASE, ensure_big_book

COPY = OUT / "returns-ten-years.pabook"
RECEIPTS = 200


def prepare() -> None:
    """Copy the big book and add 200 receipts to its last month's payments (once)."""
    if COPY.exists():
        return
    ensure_big_book()
    shutil.copyfile(BIG, COPY)
    shutil.copyfile(BIG.with_name(BIG.name + ".keys"), COPY.with_name(COPY.name + ".keys"))
    from sqlalchemy import func, select

    from pa_manager.services.book import open_book
    from pa_manager.services.demo_receipts import store_files, till_receipt
    from pa_manager.services.documents import DocumentKind
    from pa_manager.store.models import TransactionRow

    book = open_book(COPY, passphrase=PASSPHRASE)
    try:
        book.act_as_default()
        with book.read() as s:
            last = s.scalar(select(func.max(TransactionRow.date)))
            rows = s.execute(
                select(
                    TransactionRow.id, TransactionRow.date, TransactionRow.payee, TransactionRow.amount_pence
                )
                .where(TransactionRow.amount_pence < 0, TransactionRow.date > last - timedelta(days=30))
                .order_by(TransactionRow.date.desc())
                .limit(RECEIPTS)
            ).all()
        rng = random.Random(3)
        kind = DocumentKind.RECEIPT
        files = [
            (
                f"receipt-{i}.jpg",
                till_receipt(rng, "Boots", day, -p),
                kind,
                day,
                f"Receipt {i}",
                [tid],
                None,
                False,
            )
            for i, (tid, day, _payee, p) in enumerate(rows)
        ]
        store_files(book, files)
        print(f"Linked {len(files)} receipts to the last month's payments.", flush=True)
    finally:
        book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    prepare()
    from sqlalchemy import func, select

    from pa_manager.services.book import open_book
    from pa_manager.services.returns_export import export_return
    from pa_manager.store.models import TransactionRow

    book = open_book(COPY, passphrase=PASSPHRASE)
    book.act_as_default()
    with book.read() as s:
        last = s.scalar(select(func.max(TransactionRow.date)))
    year = (last - timedelta(days=364), last)
    month = (last - timedelta(days=29), last)
    out = OUT / "returns"
    out.mkdir(exist_ok=True)
    timings: dict[str, list[float]] = {}
    notes: dict[str, str] = {}
    steps: list[int] = []
    for _ in range(runs):
        for label, period, fmt in (
            ("a year's return as PDF (target <= 3 s)", year, "pdf"),
            ("a year's return as XLSX", year, "xlsx"),
            ("evidence pack for a month with 200 receipts (target <= 10 s)", month, "pack"),
        ):
            steps.clear()
            started = time.perf_counter()
            result = export_return(
                book, *period, fmt, out / f"bench-{fmt}", progress=lambda d, t: steps.append(d) or True
            )
            timings.setdefault(label, []).append(time.perf_counter() - started)
            f = result.figures
            kinds = {k: sum(1 for e in f.evidence if e.number[0] == k) for k in "RPTS"}
            notes[label] = (
                f"{len(f.transactions)} transactions, {result.path.stat().st_size / 1e6:.1f} MB"
                + (f"; receipts {kinds['R']}, payslips {kinds['P']}, timesheets {kinds['T']}, "
                   f"{len(steps)} progress steps" if fmt == "pack" else "")
            )  # fmt: skip
    book.close()
    print(f"Book: {COPY.name}; year {year[0]} to {year[1]}; {runs} runs each (median, best).")
    for label, values in timings.items():
        print(f"  {label}: {statistics.median(values):.2f} s (best {min(values):.2f} s) — {notes[label]}")


if __name__ == "__main__":
    main()
