"""Prints the time to open one PA's timesheet and to total a year of their shifts (issue 4).

Targets on a 2-core machine, 10-year 20-PA demo book: open a timesheet ≤ 150 ms; total a year
≤ 200 ms. Figures are in-process, after the book is unlocked (unlocking is bench_open's business).

Usage: .venv/bin/python benchmarks/bench_timesheets.py [--runs N]
The book is written to benchmarks/out/ten-years-people.pabook the first time. If the demo generator
does not yet add timesheets itself, this script adds them with `services.demo_people`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from pa_manager.services import book as books
from pa_manager.services import timesheets
from pa_manager.services.demo_people import add_demo_people
from pa_manager.store.models import PARow, TimesheetRow

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PASSPHRASE = "benchmark passphrase only"
BOOK = OUT / "ten-years-people.pabook"


def ensure_book() -> None:
    if not BOOK.exists():
        OUT.mkdir(exist_ok=True)
        print("Writing the 10-year, 20-PA book (once)…", flush=True)
        env = dict(os.environ, PA_MANAGER_PASSPHRASE=PASSPHRASE)
        cmd = [sys.executable, "-m", "pa_manager", "demo-book", str(BOOK), "--years", "10", "--pas", "20"]
        subprocess.run(cmd, check=True, env=env)
    book = books.open_book(BOOK, passphrase=PASSPHRASE)
    try:
        with book.read() as s:
            sheets = s.scalar(select(func.count()).select_from(TimesheetRow))
            rows = list(s.scalars(select(PARow).order_by(PARow.id)))
        if not sheets:
            print("Adding a year of timesheets (the demo does not yet)…", flush=True)
            book.act_as_default()
            rng = random.Random(7)
            hours = [rng.choice([12, 16, 20, 24, 30]) for _ in rows]  # as services/demo.py draws them
            started = time.perf_counter()
            add_demo_people(book, rng, rows[0].start_date, date.today(), [r.id for r in rows], hours)
            print(f"  added in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    ensure_book()
    book = books.open_book(BOOK, passphrase=PASSPHRASE)
    try:
        with book.read() as s:
            pa_ids = list(s.scalars(select(PARow.id).order_by(PARow.id)))
            sheets = s.scalar(select(func.count()).select_from(TimesheetRow))
        end = date.today()
        opened: list[float] = []
        totalled: list[float] = []
        first_open = 0.0
        for run in range(runs):
            pa_id = pa_ids[run % len(pa_ids)]
            day = end - timedelta(weeks=1 + run * 3 % 50)
            started = time.perf_counter()
            sheet = timesheets.open_timesheet(book, pa_id, day)
            took = time.perf_counter() - started
            if run == 0:
                first_open = took
            opened.append(took)
            assert sheet.shifts, "the benchmark book should have timesheets"
            started = time.perf_counter()
            year = timesheets.totals_between(book, pa_id, end - timedelta(days=364), end)
            totalled.append(time.perf_counter() - started)
            assert year.pay.gross.pence > 0
    finally:
        book.close()
    print(f"\nPA Manager timesheet benchmark: {len(pa_ids)} PAs, {sheets} timesheets ({runs} runs, median)")
    print(f"  open one PA's timesheet: {statistics.median(opened) * 1000:.1f} ms  [≤ 150 ms]")
    print(f"    (first open, calendar not yet cached: {first_open * 1000:.1f} ms)")
    print(f"  total a year of one PA's shifts: {statistics.median(totalled) * 1000:.1f} ms  [≤ 200 ms]")


if __name__ == "__main__":
    main()
