"""Prints the payroll timings of issue 5.

(a) the whole process `pa-manager payroll-calc --batch` on 10,000 generated cases, interpreter
    start-up included. Target ≤ 2 s.
(b) one pay run of 20 PAs (`services.pay_runs.calculate_pay_run`) in the 10-year, 20-PA benchmark
    book, after it is unlocked. Target ≤ 100 ms. Printed as "not built yet" while that module is
    missing.

Usage: .venv/bin/python benchmarks/bench_payroll.py [--runs N]
The cases are written to benchmarks/out/payroll-10000.jsonl (the same every time: a fixed seed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CASES = OUT / "payroll-10000.jsonl"
N_CASES = 10_000
PASSPHRASE = "benchmark passphrase only"

_FREQUENCIES = {"weekly": 52, "fortnightly": 26, "four_weekly": 13, "monthly": 12}
_CODES = ["1257L", "1257L", "1257L", "S1257L", "C1257L", "K500", "BR", "0T", "D0", "SD1", "NT", "1100M"]


def write_cases() -> None:
    """10,000 varied cases: both years, all frequencies, most code forms and NI categories."""
    rng = random.Random(5)
    lines = []
    for _ in range(N_CASES):
        frequency = rng.choice(list(_FREQUENCIES))
        period = rng.randint(1, _FREQUENCIES[frequency])
        gross = rng.randint(0, 500_000)  # pence
        earlier = gross * (period - 1)
        case = {
            "tax_year": rng.choice(["2025-26", "2026-27"]),
            "frequency": frequency,
            "period": period,
            "tax_code": rng.choice(_CODES),
            "week1_month1": rng.random() < 0.2,
            "ni_category": rng.choice("AAAABCHJMVZ"),
            "gross": f"{gross // 100}.{gross % 100:02d}",
            "pay_to_date": f"{earlier // 100}.{earlier % 100:02d}",
            "tax_to_date": f"{earlier // 500}.00",
        }
        lines.append(json.dumps(case) + "\n")
    OUT.mkdir(exist_ok=True)
    CASES.write_text("".join(lines), encoding="utf-8")


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (nan where `resource` is missing: Windows)."""
    try:
        import resource
    except ImportError:
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_batch(runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run. CPU time shows whether a slow wall-clock figure
    was the machine being busy with something else (it often is, with tests running alongside)."""
    command = [sys.executable, "-m", "pa_manager", "payroll-calc", "--batch", str(CASES)]
    took, cpu = [], []
    for _ in range(runs):
        before = _children_cpu()
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        took.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - before)
        if result.returncode != 0:
            raise SystemExit(f"payroll-calc --batch failed: {result.stderr.strip()}")
        if result.stdout.count("\n") != N_CASES:
            raise SystemExit("payroll-calc --batch did not print one line per case")
    return took, cpu


def pay_run_line(runs: int) -> str:
    """A 20-PA pay run worked out afresh on the 10-year, 20-PA benchmark book (after a warm-up)."""
    from bench_open import BIG, ensure_big_book

    from pa_manager.services import book as books
    from pa_manager.services import pay_runs
    from pa_manager.services.demo_pay import latest_period

    ensure_big_book()
    book = books.open_book(BIG, passphrase=PASSPHRASE, visit_mode=True)
    try:
        year, frequency, period = latest_period(book)
        pay_runs.calculate_pay_run(book, year, frequency, period, afresh=True)  # warm-up
        took, slips = [], 0
        for _ in range(runs):
            started = time.perf_counter()
            preview = pay_runs.calculate_pay_run(book, year, frequency, period, afresh=True)
            took.append(time.perf_counter() - started)
            slips = len(preview.payslips)
    finally:
        book.close()
    return (
        f"  pay run of 20 PAs (calculate_pay_run, worked out afresh): "
        f"{statistics.median(took) * 1000:.1f} ms median, {slips} payslips, "
        f"{year} {frequency.value} period {period}  [≤ 100 ms]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    write_cases()
    took, cpu = time_batch(runs)
    load = f"; load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"\nPA Manager payroll benchmark ({runs} runs{load})")
    print(
        f"  payroll-calc --batch, {N_CASES:,} cases, whole process: {statistics.median(took):.2f} s median, "
        f"{min(took):.2f} s best (CPU {statistics.median(cpu):.2f} s)  [≤ 2 s]"
    )
    print(pay_run_line(runs))


if __name__ == "__main__":
    main()
