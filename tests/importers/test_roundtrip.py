"""Property tests: any statement written in a bank's layout reads back exactly, in pence."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.importers import assign_fingerprints, parse_statement

_DESCRIPTIONS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ,&\"./-]{0,24}[A-Za-z0-9]", fullmatch=True)
_LINES = st.lists(
    st.tuples(
        st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
        _DESCRIPTIONS,
        st.integers(min_value=-5_000_000, max_value=5_000_000).filter(lambda pence: pence != 0),
    ),
    min_size=1,
    max_size=30,
)


def _pounds(pence: int, *, pound_sign: bool = False) -> str:
    body = f"{abs(pence) // 100:,}.{abs(pence) % 100:02d}"
    return f"{'£' if pound_sign else ''}{body}"


def _csv(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _expected(lines: list[tuple[date, str, int]]) -> list[tuple[date, str, int]]:
    return [(day, " ".join(text.split()), pence) for day, text, pence in lines]


def _read(data: bytes, name: str) -> list[tuple[date, str, int]]:
    statement = parse_statement(data, name)
    assert statement.problems == []
    return [(line.day, line.description, line.amount.pence) for line in statement.lines]


@settings(max_examples=60, deadline=None)
@given(_LINES)
def test_lloyds_layout_round_trips(lines: list[tuple[date, str, int]]) -> None:
    rows = [
        [
            "Transaction Date",
            "Transaction Type",
            "Sort Code",
            "Account Number",
            "Transaction Description",
            "Debit Amount",
            "Credit Amount",
            "Balance",
        ]
    ]
    for day, text, pence in lines:
        debit, credit = (_pounds(pence), "") if pence < 0 else ("", _pounds(pence))
        rows.append([f"{day:%d/%m/%Y}", "FPO", "'30-91-74", "02344812", text, debit, credit, "0.00"])
    assert _read(_csv(rows), "lloyds.csv") == _expected(lines)


@settings(max_examples=60, deadline=None)
@given(_LINES)
def test_nationwide_layout_in_windows_1252_round_trips(lines: list[tuple[date, str, int]]) -> None:
    rows = [
        ["Account Name:", "DP account"],
        [],
        ["Date", "Transaction type", "Description", "Paid out", "Paid in", "Balance"],
    ]
    for day, text, pence in lines:
        paid_out, paid_in = (
            (_pounds(pence, pound_sign=True), "") if pence < 0 else ("", _pounds(pence, pound_sign=True))
        )
        rows.append([f"{day:%d %b %Y}", "", text, paid_out, paid_in, "£0.00"])
    assert _read(_csv(rows, "cp1252"), "nationwide.csv") == _expected(lines)


@settings(max_examples=40, deadline=None)
@given(_LINES, st.integers(min_value=0, max_value=30))
def test_any_overlap_of_one_export_shares_fingerprints(lines: list[tuple[date, str, int]], cut: int) -> None:
    ordered = sorted(lines)
    rows = [["Date", "Description", "Amount"]] + [
        [f"{day:%Y-%m-%d}", text, f"{'-' if pence < 0 else ''}{_pounds(pence)}"]
        for day, text, pence in ordered
    ]
    # A later download starting on some day holds every line of that day and after.
    start_day = ordered[min(cut, len(ordered) - 1)][0]
    later_rows = [rows[0]] + [
        row for row, line in zip(rows[1:], ordered, strict=True) if line[0] >= start_day
    ]
    whole = parse_statement(_csv(rows), "a.csv")
    later = parse_statement(_csv(later_rows), "b.csv")
    whole_prints = dict(zip(assign_fingerprints(whole.lines), whole.lines, strict=True))
    later_prints = assign_fingerprints(later.lines)
    assert len(set(whole_prints)) == len(whole.lines)  # identical lines on a day still both stand
    assert all(print_ in whole_prints for print_ in later_prints)
    assert sorted(whole_prints[p].day for p in later_prints) == [line.day for line in later.lines]
