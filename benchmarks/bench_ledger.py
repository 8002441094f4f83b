"""Prints the Money page's register timings on the 10-year, 20-PA book, and a 10,000-line import.

Targets (issue: Money): open the register ≤ 300 ms, sort or filter ≤ 150 ms, import a
10,000-line CSV statement ≤ 1 s. The register opens on the last 12 months (about 10,500 lines in
this book), as the Money page does; opening all ten years is printed too, for information.
Each figure is the median of several runs in one process, after one warm-up run, with the book
already unlocked (unlocking is measured by bench_open.py). The import runs on a copy of the book.

Usage: .venv/bin/python benchmarks/bench_ledger.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_import_parse import make_csv
from bench_open import BIG, OUT, PASSPHRASE, ensure_big_book
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pa_manager.domain.categories import Category
from pa_manager.services import book as books
from pa_manager.services import statements
from pa_manager.services.register import RegisterFilter, load_register
from pa_manager.ui.pages.money.register_model import RegisterTableModel


def timed(action: Callable[[], object], runs: int) -> float:
    """Median milliseconds of `runs` calls after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    ensure_big_book()
    app = QGuiApplication([])
    book = books.open_book(BIG, passphrase=PASSPHRASE, visit_mode=True)
    year_ago = date.today() - timedelta(days=365)
    model = RegisterTableModel()

    def open_register() -> None:
        model.set_rows(load_register(book, date_from=year_ago).rows)

    print(f"register open, last 12 months: {timed(open_register, runs):.0f} ms (target ≤ 300)")
    print(f"  ({model.rowCount()} lines; all ten years: {timed(lambda: load_register(book), 1):.0f} ms)")
    register = load_register(book, date_from=year_ago)
    model.set_rows(register.rows)
    sorts = {}
    for column in range(model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal)
        sorts[name] = timed(lambda c=column: model.sort(c, Qt.SortOrder.DescendingOrder), runs)
    worst = max(sorts, key=lambda k: sorts[k])
    print(f"sort, slowest column ({worst}): {sorts[worst]:.0f} ms (target ≤ 150)")
    filters = {
        "text “tesco”": RegisterFilter(text="tesco"),
        "category": RegisterFilter(category=Category.PA_EXPENSES),
        "PA": RegisterFilter(pa_id=register.rows[-1].pa_id or 1),
        "text, first keystroke “t”": RegisterFilter(text="t"),
    }
    for label, wanted in filters.items():
        ms = timed(lambda f=wanted: model.set_rows(register.filtered(f)), runs)
        print(f"filter by {label}: {ms:.0f} ms (target ≤ 150)")
    csv_file = OUT / "ten-thousand-lines.csv"
    csv_file.write_bytes(make_csv(10_000))
    work = OUT / "ledger-import.pabook"
    import_times = []
    for _ in range(max(1, runs // 2)):
        shutil.copy(BIG, work)
        shutil.copy(BIG.with_name(BIG.name + ".keys"), work.with_name(work.name + ".keys"))
        target = books.open_book(work, passphrase=PASSPHRASE)
        target.act_as_default()
        began = time.perf_counter()
        result = statements.apply_import(target, statements.preview_file(target, csv_file))
        import_times.append(time.perf_counter() - began)
        target.close()
        assert result.added == 10_000, result
    print(f"import a 10,000-line CSV: {statistics.median(import_times) * 1000:.0f} ms (target ≤ 1000)")
    book.close()
    del app


if __name__ == "__main__":
    main()
