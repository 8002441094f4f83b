"""Prints how long the Home page takes to open on the 10-year, 20-PA book (target ≤ 300 ms).

Each run is a fresh process (so the book's pages and the query caches start cold, as after an
unlock): the book is opened first, not timed, after the bank-holiday calendars are loaded as the
app does while its unlock dialog is up; then the clock runs from `HomePage.set_book` to
the money figures on screen, and on to the to-do list filled in. In the same process it then
times the figures worked out again with nothing cached (warm) and a return to Home with the
book unchanged (served from the per-book cache). Also: the forecast's inputs and a what-if.

Usage: .venv/bin/python benchmarks/bench_home.py [--runs N]
The 10-year book is written to benchmarks/out/ the first time (see bench_open.py).
"""

from __future__ import annotations

import argparse
import statistics

from bench_open import BIG, PASSPHRASE, child, ensure_big_book

HOME_CHILD = """
import sys, time
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from pa_manager.app import make_application
from pa_manager.domain.forecast import WhatIf, apply_what_if, project
from pa_manager.services import home
from pa_manager.services.book import open_book
from pa_manager.services.forecast import forecast_inputs
from pa_manager.ui.pages.home_page import HomePage
from pa_manager.ui.session import describe
from pa_manager.ui.tasks import TaskRunner

app = make_application()
# The app loads the bank-holiday calendars on its worker while the unlock dialog is up.
from pa_manager.services.bank_holidays import load_calendar
load_calendar()
book = open_book(Path(sys.argv[1]), passphrase=sys.argv[2])
book.act_as_default()
opened = describe(book)
tasks = TaskRunner()
page = HomePage(tasks)
page.resize(1000, 800)
page.show()
app.processEvents()
marks = {}
t0 = [0.0]
page.money_loaded.connect(lambda: marks.setdefault("money", time.perf_counter() - t0[0]))
page.loaded.connect(lambda: (marks.setdefault("all", time.perf_counter() - t0[0]), app.quit()))

def timed(start):
    marks.clear()
    t0[0] = time.perf_counter()
    start()
    app.exec()
    app.processEvents()  # the figures painted
    return marks["money"], marks["all"]

cold = timed(lambda: page.set_book(opened))
def uncached():
    home._CACHE.clear()
    page.refresh()
warm = timed(uncached)
cached = timed(page.refresh)
t = time.perf_counter()
inputs = forecast_inputs(book, 12, date.today())
f_inputs = time.perf_counter() - t
name = inputs.staff[0].name
t = time.perf_counter()
project(apply_what_if(inputs, WhatIf(MappingProxyType({name: Decimal(10)}))))
f_what_if = time.perf_counter() - t
print(*cold, *warm, *cached, f_inputs, f_what_if)
tasks.shutdown()
book.close()
"""

LABELS = (
    "Home open after unlock (cold): money figures shown",
    "Home open after unlock (cold): to-do list filled too",
    "Home worked out again, nothing cached (warm): money figures shown",
    "Home worked out again, nothing cached (warm): to-do list filled too",
    "back to Home, book unchanged (cached): money figures shown",
    "back to Home, book unchanged (cached): to-do list filled too",
    "forecast inputs gathered from the book (12 months, on the worker)",
    "what-if projected again (10 more hours, on each keystroke)",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    ensure_big_book()
    figures: list[list[float]] = [[] for _ in LABELS]
    for _ in range(runs):
        out, _wall, _peak = child(HOME_CHILD, str(BIG), PASSPHRASE)
        for n, value in enumerate(out.split()[-len(LABELS) :]):
            figures[n].append(float(value))
    print(f"10-year, 20-PA book; median of {runs} fresh processes (target: Home open ≤ 300 ms)")
    for label, values in zip(LABELS, figures, strict=True):
        print(f"  {label}: {statistics.median(values) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
