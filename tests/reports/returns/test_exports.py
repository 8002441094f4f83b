"""The return's PDF, XLSX, CSV and --json agree with each other and with `summary`, for several
periods of the demo book and a random one; opening + in − out = closing to the penny."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pa_manager.domain.money import Money
from pa_manager.domain.returns.model import ReturnFigures
from pa_manager.services import book as books
from pa_manager.services.returns_export import export_return
from pa_manager.services.summary import summarise
from tests.reports.returns.xlsx_eval import Evaluator
from tests.services.returns.books import INJECTIONS, png

PERIODS = [
    (date(2026, 4, 6), date(2026, 7, 5)),
    (date(2026, 9, 1), date(2026, 9, 30)),
    (date(2026, 4, 6), date(2027, 4, 5)),
]


def _d(m: Money) -> Decimal:
    return m.to_decimal()


def pdf_lines(reader: PdfReader) -> list[str]:
    """Each row of text as it sits on the page, columns separated by " | "."""
    out = []
    for page in reader.pages:
        for line in page.extract_text(extraction_mode="layout").splitlines():
            if line.strip():
                out.append(" | ".join(re.split(r"\s{2,}", line.strip())))
    return out


def check_pdf(path: Path, f: ReturnFigures) -> None:
    reader = PdfReader(path)
    lines = pdf_lines(reader)
    for label, money in (
        ("Opening balance on", f.opening),
        ("Add: money paid in during the period", f.total_in),
        ("Less: money paid out during the period", f.total_out),
        ("Closing balance on", f.closing),
        ("Total money in", f.total_in),
        ("Total money out", f.total_out),
        ("Surplus at risk of being reclaimed", f.surplus_at_risk),
    ):
        line = next(x for x in lines if x.startswith(label))
        assert line.endswith(" | " + money.format()), (label, line)
    pages = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        assert f"Page {n} of {pages}" in page.extract_text()
    # The transaction list: one row per line, numbered in order, and the totals row matches.
    numbered = [x for x in lines if re.match(r"^\d+ \| \d\d/\d\d/\d{4} \| ", x)]
    assert [int(x.split(" | ")[0]) for x in numbered] == [t.number for t in f.transactions]
    assert f"Totals for the period | {f.total_in} | {f.total_out}" in lines
    assert "Declaration" in lines and "Reconciliation to the bank statement" in lines


def check_xlsx(path: Path, f: ReturnFigures) -> None:
    wb = load_workbook(path)
    ws = wb["Return"]
    ev = Evaluator(wb, "Return")
    found: dict[str, Decimal] = {}
    for a, b, c in ws.iter_rows(min_row=1, max_col=3, values_only=True):
        if isinstance(b, str) and b.startswith("="):
            value = ev.eval(b)
            found[a] = value
            if c is not None:
                assert value == Decimal(str(c)).quantize(value), (a, b, value, c)
    assert found["Total money in"] == _d(f.total_in)
    assert found["Total money out"] == _d(f.total_out)
    assert found["Closing balance (opening + in − out)"] == _d(f.closing)
    assert found["Difference from PA Manager's closing balance"] == 0
    assert found["Surplus at risk"] == _d(f.surplus_at_risk)
    if f.weeks_held is not None:
        assert found["Weeks held"] == f.weeks_held
    # Every SUMIFS reads the whole transaction list and nothing else.
    tx = wb["Transactions"]
    last = max(tx.max_row, 2)
    ranges = {r for r in ev.refs if r.startswith("Transactions!")}
    assert ranges <= {f"Transactions!${c}$2:${c}${last}" for c in "EFG"}
    rows = tx.max_row - 1
    assert rows == sum(max(len(t.parts), 1) for t in f.transactions)


def check_csv(path: Path, f: ReturnFigures) -> dict[str, str]:
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    summary = {r[1]: r[2] for r in rows if r[0] in ("summary", "held")}
    assert summary["opening"] == f.opening.decimal_str()
    assert summary["closing"] == f.closing.decimal_str()
    assert summary["total_in"] == f.total_in.decimal_str()
    assert summary["total_out"] == f.total_out.decimal_str()
    lines = [r for r in rows if r[0] == "transaction"]
    paid_in = sum((Money.from_pounds_str(r[6]) for r in lines if r[6]), Money(0))
    paid_out = sum((Money.from_pounds_str(r[7]) for r in lines if r[7]), Money(0))
    assert paid_in - paid_out == f.total_in - f.total_out
    ins = sum((Money.from_pounds_str(r[2]) for r in rows if r[0] == "money_in"), Money(0))
    assert ins == f.total_in
    return summary


@pytest.mark.parametrize(("start", "end"), PERIODS)
@pytest.mark.parametrize("which", ["demo", "randombook"])
def test_every_format_agrees_with_the_summary(
    which: str, start: date, end: date, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    book: books.Book = request.getfixturevalue(which)
    s = summarise(book, start, end)
    results = {fmt: export_return(book, start, end, fmt, tmp_path / "r") for fmt in ("pdf", "xlsx", "csv")}
    f = results["pdf"].figures
    assert f.opening + f.total_in - f.total_out == f.closing == s.balance
    assert (f.total_in, f.total_out) == (s.total_in, s.total_out)
    check_pdf(results["pdf"].path, f)
    check_xlsx(results["xlsx"].path, f)
    held = check_csv(results["csv"].path, f)
    assert held["surplus_at_risk"] == s.position.surplus_at_risk.decimal_str()
    assert held["weeks_held"] == ("" if s.weeks_held is None else str(s.weeks_held))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "r.pdf", "r.xlsx"]  # nothing else left


def test_descriptions_that_look_like_formulas_come_out_inert(randombook: books.Book, tmp_path: Path) -> None:
    start, end = date(2026, 4, 6), date(2027, 4, 5)
    csv_path = export_return(randombook, start, end, "csv", tmp_path / "r").path
    xlsx_path = export_return(randombook, start, end, "xlsx", tmp_path / "r").path
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    payees = [r[3] for r in rows if r[0] == "transaction"]
    assert any(p.startswith("'") for p in payees)
    for p in payees:
        assert not p.startswith(("=", "+", "-", "@", "\t", "\r")), p
    # The book trims spaces and tabs from payees, so the tab and carriage-return ones arrive
    # trimmed; those are checked directly below.
    typed = [bad for bad in INJECTIONS if bad[0] in "=+-@"]
    for bad in typed:
        assert any(p.startswith("'" + bad) for p in payees), bad
    wb = load_workbook(xlsx_path)
    cells = [c for row in wb["Transactions"].iter_rows(min_col=3, max_col=3, min_row=2) for c in row]
    seen = {str(c.value) for c in cells}
    for bad in typed:
        assert any(v.startswith(bad) for v in seen), bad  # the text itself, unchanged
    assert all(c.data_type == "s" for c in cells)  # stored as text: never run as a formula
    with zipfile.ZipFile(xlsx_path) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()  # the Transactions sheet
    assert "<f>" not in sheet


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_every_risky_start_is_made_inert(text: str, tmp_path: Path) -> None:
    from openpyxl import Workbook

    from pa_manager.reports.returns.safe_text import csv_text
    from pa_manager.reports.returns.sheets import _text

    assert csv_text(text) == "'" + text
    assert csv_text("Boots " + text) == "Boots " + text  # only the start matters
    wb = Workbook()
    _text(wb.active["A1"], text)
    wb.save(tmp_path / "x.xlsx")
    cell = load_workbook(tmp_path / "x.xlsx").active["A1"]
    # XML turns a carriage return into a line feed; the text is otherwise unchanged, and a string.
    assert (cell.value, cell.data_type) == (text.replace("\r", "\n"), "s")


def test_the_evidence_pack_opens_and_its_numbers_match_the_transaction_list(
    randombook: books.Book, tmp_path: Path
) -> None:
    start, end = date(2026, 4, 6), date(2027, 4, 5)
    steps: list[tuple[int, int]] = []
    result = export_return(
        randombook, start, end, "pack", tmp_path / "pack", progress=lambda d, t: steps.append((d, t)) or True
    )
    assert result.path.name == "pack.zip" and result.documents == 6
    f = result.figures
    with zipfile.ZipFile(result.path) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert {"00 Return.pdf", "00 Index.pdf"} <= set(names)
        by_number = {n.split(" ", 1)[0]: n for n in names if not n.startswith("00 ")}
        cited = [n for t in f.transactions for n in t.evidence]
        assert cited and set(cited) == set(by_number)
        for k in range(1, 7):  # receipt Rk is the k-th picture attached, byte for byte
            assert z.read(by_number[f"R{k}"]) == png(k)
        index = pdf_lines(PdfReader(io.BytesIO(z.read("00 Index.pdf"))))
        listed = pdf_lines(PdfReader(io.BytesIO(z.read("00 Return.pdf"))))
    rows = {x.split(" | ")[0]: x for x in listed if re.match(r"^\d+ \| \d\d/", x)}
    entries = {x.split(" | ")[0]: x for x in index if re.match(r"^[RPTS]\d+ \| ", x)}
    for t in f.transactions:
        for n in t.evidence:
            # The index names the file with that number and says which line it supports ...
            assert by_number[n][:15] in entries[n] and str(t.number) in entries[n].split(" | ")[-1], n
            # ... and the return's transaction list shows the number on that line.
            assert rows[str(t.number)].endswith(" | " + ", ".join(t.evidence)), (t.number, n)
    assert steps[-1][0] == steps[-1][1] == len(f.evidence) + 2


def test_a_cancelled_pack_leaves_nothing(randombook: books.Book, tmp_path: Path) -> None:
    from pa_manager.services.returns_export import ExportCancelledError

    with pytest.raises(ExportCancelledError):
        export_return(
            randombook,
            date(2026, 4, 6),
            date(2027, 4, 5),
            "pack",
            tmp_path / "pack",
            progress=lambda d, t: d < 3,
        )
    assert list(tmp_path.iterdir()) == []


def test_the_demo_pack_holds_rendered_payslips_and_timesheets(demo: books.Book, tmp_path: Path) -> None:
    result = export_return(demo, date(2026, 9, 1), date(2026, 9, 30), "pack", tmp_path / "p")
    with zipfile.ZipFile(result.path) as z:
        names = z.namelist()
        slips = [n for n in names if n.startswith("P")]
        sheets = [n for n in names if n.startswith("T")]
        assert slips and sheets
        first = PdfReader(io.BytesIO(z.read(slips[0]))).pages[0].extract_text()
        assert "Payslip" in first
        sheet = PdfReader(io.BytesIO(z.read(sheets[0]))).pages[0].extract_text()
        assert "Timesheet" in sheet


def test_bad_formats_and_folders_are_refused(demo: books.Book, tmp_path: Path) -> None:
    from pa_manager.services.errors import BookError

    with pytest.raises(BookError, match="not an export format"):
        export_return(demo, date(2026, 4, 6), date(2026, 7, 5), "docx", tmp_path / "r")
    with pytest.raises(BookError, match="no folder"):
        export_return(demo, date(2026, 4, 6), date(2026, 7, 5), "pdf", tmp_path / "missing" / "r")
    assert list(tmp_path.iterdir()) == []


def test_bank_statements_in_the_period_are_numbered_s_and_packed(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from pa_manager.services import document_files, documents
    from tests.conftest import PASSPHRASE
    from tests.services.returns.books import random_book

    buffer = io.BytesIO()
    c = Canvas(buffer)
    c.drawString(72, 720, "Statement for June 2026")
    c.save()
    b = books.open_book(random_book(tmp_path, seed=5, receipts=2), passphrase=PASSPHRASE)
    try:
        b.act_as_default()
        checked = document_files.check_file("June statement.pdf", buffer.getvalue())
        documents.add_document(b, checked, kind=documents.DocumentKind.BANK_STATEMENT, day=date(2026, 6, 30))
        result = export_return(b, date(2026, 4, 6), date(2026, 7, 5), "pack", tmp_path / "pack")
    finally:
        b.close()
    (statement,) = [e for e in result.figures.evidence if e.number.startswith("S")]
    assert statement.number == "S1" and statement.kind == "bank_statement"
    with zipfile.ZipFile(result.path) as z:
        assert z.read("S1 June statement.pdf") == buffer.getvalue()
        index = pdf_lines(PdfReader(io.BytesIO(z.read("00 Index.pdf"))))
    assert any(line.startswith("S1 | June statement") for line in index)
