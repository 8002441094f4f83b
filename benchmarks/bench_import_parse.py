"""Prints how long parsing a 10,000-line CSV statement takes (issue: Money, statement import).

Target: the whole import of 10,000 lines in 1 s or less, so parsing plus fingerprinting should
take a small part of that, leaving the rest for matching and writing the book. The file is made
in memory in the Lloyds layout (split paid-in/paid-out columns, running balance), which
exercises the slowest path: header search, two amount cells and a balance per line.

Usage: .venv/bin/python benchmarks/bench_import_parse.py [--lines N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from pa_manager.importers import assign_fingerprints, parse_statement

HEADER = (
    "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,"
    "Debit Amount,Credit Amount,Balance"
)


def make_csv(lines: int) -> bytes:
    """A Lloyds-style export of `lines` transactions, oldest first, with a consistent balance."""
    rows = [HEADER]
    balance = 100_000  # pence
    start = date(2016, 1, 1)
    for i in range(lines):
        day = start + timedelta(days=i // 3)
        if i % 10 == 0:
            pence, debit, credit = 120_000, "", "1200.00"
        else:
            pence = -(1_000 + (i * 37) % 20_000)
            debit, credit = f"{-pence // 100}.{-pence % 100:02d}", ""
        balance += pence
        rows.append(
            f"{day:%d/%m/%Y},FPO,'30-91-74,02344812,PAYEE {i % 97} REF {i % 13},"
            f"{debit},{credit},{balance // 100}.{balance % 100:02d}"
        )
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = make_csv(args.lines)
    parse_times, total_times = [], []
    for _ in range(args.runs):
        began = time.perf_counter()
        statement = parse_statement(data, "statement.csv")
        parsed = time.perf_counter()
        fingerprints = assign_fingerprints(statement.lines)
        done = time.perf_counter()
        assert len(statement.lines) == args.lines and len(set(fingerprints)) == args.lines
        parse_times.append(parsed - began)
        total_times.append(done - began)
    print(f"{args.lines} lines, {len(data) / 1_000_000:.2f} MB, preset {statement.preset}")
    print(f"parse:               median {statistics.median(parse_times) * 1000:.0f} ms")
    print(f"parse + fingerprint: median {statistics.median(total_times) * 1000:.0f} ms (target ≤ 1000)")


if __name__ == "__main__":
    main()
