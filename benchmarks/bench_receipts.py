"""Prints the Receipts page's open time with 2,000 receipts, and unlock time with and without them.

Targets (issue: receipts and documents): the Receipts page shows its list of 2,000 receipts within
300 ms of being given the book (thumbnails fill in lazily after that), and unlocking the book with
2,000 receipts takes within 10% of unlocking the same book without them.

Two copies of one 1-year demo book are made (written without the demo's own receipts); 2,000
realistic receipts (till photos and PDF invoices, each linked to a payment) go into one copy.
Unlock is timed in fresh processes, alternating between the two books, as bench_open.py does.

Usage: .venv/bin/python benchmarks/bench_receipts.py [--runs N] [--receipts N]
Books are written to benchmarks/out/ the first time (about a minute).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_open import OUT, PASSPHRASE, UNLOCK_CHILD, child

WITH = OUT / "receipts-2000.pabook"
WITHOUT = OUT / "receipts-none.pabook"


def build(count: int) -> None:
    """Write both books (once): the same demo book, and that book plus `count` receipts."""
    if WITH.exists() and WITHOUT.exists():
        return
    from sqlalchemy import select

    from pa_manager.services import demo, demo_receipts
    from pa_manager.services.book import open_book
    from pa_manager.services.documents import DocumentKind
    from pa_manager.store.models import TransactionRow

    OUT.mkdir(exist_ok=True)
    print(f"Writing the demo book and a copy with {count:,} receipts (once)…", flush=True)
    real = demo.add_demo_receipts
    demo.add_demo_receipts = lambda *_a, **_k: 0  # type: ignore[assignment]  # neither copy has the demo's
    try:
        for path in (WITH, WITHOUT):
            for extra in (path, Path(f"{path}.keys")):
                extra.unlink(missing_ok=True)
        made = demo.create_demo_book(WITHOUT, PASSPHRASE)
    finally:
        demo.add_demo_receipts = real  # type: ignore[assignment]
    assert made.path == WITHOUT
    shutil.copy(WITHOUT, WITH)  # copy, not copyfile: the owner-only permissions come too
    shutil.copy(f"{WITHOUT}.keys", f"{WITH}.keys")
    book = open_book(WITH, passphrase=PASSPHRASE)
    book.act_as_default()
    started = time.perf_counter()
    with book.read() as s:
        t = TransactionRow
        payments = s.execute(
            select(t.id, t.date, t.payee, t.amount_pence).where(t.amount_pence < 0).order_by(t.date.desc())
        ).all()
    rng = random.Random(5)
    shops = list(demo_receipts._ITEMS)
    done = 0
    while done < count:
        batch: list[demo_receipts.FileSpec] = []
        for n in range(done, min(count, done + 250)):
            # A 1-year book has fewer payments than receipts: some payments get two.
            line = payments[n % len(payments)]
            pence = -line.amount_pence
            if n % 10 == 9:  # one in ten an invoice PDF, the rest photos of till receipts
                data = demo_receipts._invoice_pdf(line.payee, "Invoice", line.date, pence)
                name, kind, title = f"Invoice {n}.pdf", DocumentKind.INVOICE, f"Invoice {n}"
            else:
                data = demo_receipts.till_receipt(rng, shops[n % len(shops)], line.date, pence)
                name, kind, title = f"IMG_{n}.jpg", DocumentKind.RECEIPT, f"Receipt {n}"
            batch.append((name, data, kind, line.date, title, [line.id], None, False))
        demo_receipts.store_files(book, batch)
        done += len(batch)
    book.close()
    print(
        f"  {count:,} receipts added in {time.perf_counter() - started:.1f} s "
        f"({(time.perf_counter() - started) / count * 1000:.1f} ms each)",
        flush=True,
    )


def page_open(runs: int) -> tuple[list[float], list[float], int]:
    """Milliseconds from handing the page the open book to its list shown, and to the first
    screenful of thumbnails; and how many documents it listed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pa_manager.services.book import open_book
    from pa_manager.ui.session import describe
    from pa_manager.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    tasks = TaskRunner()
    opened_list: list[object] = []
    tasks.run(lambda: describe(open_book(WITH, passphrase=PASSPHRASE)), opened_list.append)
    _wait(app, lambda: bool(opened_list))
    opened = opened_list[0]
    listed, thumbs, count = [], [], 0
    for _ in range(runs):
        shown, filled, count = _open_once(app, tasks, opened)
        listed.append(shown)
        thumbs.append(filled)
    tasks.run(opened.book.close)  # type: ignore[attr-defined]
    _wait(app, tasks.is_idle)
    tasks.shutdown()
    return listed, thumbs, count


def _open_once(app: object, tasks: object, opened: object) -> tuple[float, float, int]:
    from PySide6.QtCore import QEventLoop, QTimer

    from pa_manager.ui.pages.receipts.receipts_page import ReceiptsPage

    page = ReceiptsPage(tasks)  # type: ignore[arg-type]
    page.resize(1200, 900)
    page.show()
    loaded: list[float] = []
    page.loaded.connect(lambda: loaded.append(time.perf_counter()))
    start = time.perf_counter()
    page.set_book(opened)  # type: ignore[arg-type]
    _wait(app, lambda: bool(loaded))
    count = page.model.rowCount()
    app.processEvents()  # type: ignore[attr-defined]  # paint: visible rows ask for thumbnails
    first = page.table.rowAt(0)
    last = max(first, page.table.rowAt(page.table.viewport().height() - 1))
    visible = [page.model.row_at(r).id for r in range(first, last + 1)]
    _wait(app, lambda: all(page.thumbnails.pixmap(i) is not None for i in visible))
    filled = time.perf_counter()
    page.set_book(None)
    page.deleteLater()
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()
    return (loaded[0] - start) * 1000, (filled - start) * 1000, count


def _wait(app: object, done: object, timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not done():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        if time.perf_counter() > end:
            raise SystemExit("timed out")
        time.sleep(0.001)


def unlock_times(runs: int) -> tuple[list[float], list[float]]:
    with_r, without = [], []
    for _ in range(runs):
        for path, out in ((WITHOUT, without), (WITH, with_r)):
            text, _wall, _peak = child(UNLOCK_CHILD, str(path), PASSPHRASE)
            out.append(float(text.split()[1]) * 1000)
    return with_r, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--receipts", type=int, default=2000)
    args = parser.parse_args()
    build(args.receipts)
    listed, thumbs, count = page_open(args.runs)
    with_r, without = unlock_times(args.runs)
    median = statistics.median
    size_with, size_without = WITH.stat().st_size / 1e6, WITHOUT.stat().st_size / 1e6
    print(f"Book with receipts: {count:,} documents, {size_with:.1f} MB (without: {size_without:.1f} MB)")
    _line("Receipts page open, list shown", listed, "(target ≤ 300 ms)")
    _line("Receipts page, first screen of thumbnails", thumbs, "(filled in lazily)")
    _line("Unlock + summary, with receipts", with_r)
    _line("Unlock + summary, without receipts", without)
    change = (median(with_r) / median(without) - 1) * 100
    print(f"Unlock with receipts against without: {change:+.1f}%  (target within 10%)")


def _line(label: str, values: list[float], note: str = "") -> None:
    runs = ", ".join(f"{v:.0f}" for v in values)
    print(f"{label + ':':44} median {statistics.median(values):7.1f} ms {note}  runs: {runs}")


if __name__ == "__main__":
    main()
