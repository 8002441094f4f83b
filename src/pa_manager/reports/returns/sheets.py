"""The return as a spreadsheet (XLSX, with formulas the council can check) and as CSV.

XLSX: "Transactions" lists every line (a split line once per part, so each row has one category);
"Return" works each council line out from it with SUMIFS, the totals with SUM and the closing
balance as opening + in − out, next to the figure PA Manager worked out, so a reviewer sees both
agree. "PAs" is the hours and pay table. CSV: one file, first column says what each row is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.returns.model import ReturnFigures, ReturnTxn
from pa_manager.domain.returns.template import CouncilLine, ReturnTemplate
from pa_manager.reports.returns.safe_text import csv_text, risky

MONEY_FORMAT = '"£"#,##0.00;-"£"#,##0.00'
TXN_HEADER = ["No.", "Date", "Paid to or from", "Reference", "Category", "In", "Out", "Evidence", "State"]


def _pounds(m: Money) -> Decimal:
    return m.to_decimal()


def txn_rows(figures: ReturnFigures) -> Iterable[tuple[ReturnTxn, Category, Money, str]]:
    """Each transaction once per category: (line, category, signed amount, part note)."""
    for t in figures.transactions:
        if t.parts:
            for k, (category, amount) in enumerate(t.parts, start=1):
                yield t, category, amount, f"part {k} of {len(t.parts)}"
        else:
            yield t, t.category_key, t.amount, ""


# -- XLSX -----------------------------------------------------------------------------------------
def write_xlsx(figures: ReturnFigures, template: ReturnTemplate, out: Path | BinaryIO) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Return"
    tx = wb.create_sheet("Transactions")
    last = _transactions_sheet(tx, figures)
    bold = Font(bold=True)

    row = 1

    def put(
        label: str, value: Any = None, app: Money | None = None, *, money: bool = True, strong: bool = False
    ) -> int:
        nonlocal row
        _text(ws.cell(row, 1), label)
        if value is not None:
            c = ws.cell(row, 2)
            if isinstance(value, str) and not value.startswith("="):
                _text(c, value)
            else:
                c.value = value
            if money:
                c.number_format = MONEY_FORMAT
        if app is not None:
            a = ws.cell(row, 3, _pounds(app))
            a.number_format = MONEY_FORMAT
        if strong:
            ws.cell(row, 1).font = bold
            ws.cell(row, 2).font = bold
        row += 1
        return row - 1

    put(template.title, strong=True)
    put("Period", figures.period.label(), money=False)
    h = figures.header
    for label, value in (
        ("Direct payment holder", h.holder),
        ("Date of birth", h.date_of_birth.strftime("%d/%m/%Y") if h.date_of_birth else ""),
        ("Council", h.council),
        ("Council reference", h.council_reference),
        ("Completed by", h.acting or figures.signed_by),
        ("Account type", h.account_type),
    ):
        put(label, value, money=False)
    weekly = put("Weekly direct payment (gross)", _pounds(h.weekly_dp))
    put("Weekly client contribution", _pounds(h.weekly_contribution))
    row += 1
    ws.cell(row, 2, "Worked out here").font = bold
    ws.cell(row, 3, "PA Manager's figure").font = bold
    row += 1
    money_in, money_out = template.lines(figures.money_in, figures.money_out)
    opening = put("Opening balance", _pounds(figures.opening), figures.opening)
    put("Money in", strong=True)
    first_in = row
    for line in money_in:
        put(line.label, _line_formula(line, True, last), line.amount)
    total_in = put("Total money in", f"=SUM(B{first_in}:B{row - 1})", figures.total_in, strong=True)
    put("Money out", strong=True)
    first_out = row
    for line in money_out:
        put(line.label, _line_formula(line, False, last), line.amount)
    total_out = put("Total money out", f"=SUM(B{first_out}:B{row - 1})", figures.total_out, strong=True)
    closing = put(
        "Closing balance (opening + in − out)",
        f"=B{opening}+B{total_in}-B{total_out}",
        figures.closing,
        strong=True,
    )
    put("Difference from PA Manager's closing balance", f"=B{closing}-C{closing}")
    row += 1
    put("Balance held", strong=True)
    committed = put("Committed money", _pounds(figures.committed), figures.committed)
    contingency = put("Contingency set aside", _pounds(figures.contingency), figures.contingency)
    top = put("Weeks allowed (top of the band)", figures.allowed.max_weeks, money=False)
    keep = put("Allowed to keep", f"=ROUND(B{weekly}*B{top},2)", figures.allowed_to_keep)
    if figures.weeks_held is not None:
        w = put("Weeks held", f"=ROUND(B{closing}/B{weekly},1)", money=False)
        ws.cell(w, 3, figures.weeks_held)
    put(
        "Available after commitments and contingency",
        f"=B{closing}-B{committed}-B{contingency}",
        figures.available,
    )
    put("Surplus at risk", f"=MAX(0,B{closing}-B{committed}-B{contingency}-B{keep})", figures.surplus_at_risk)
    row += 1
    put("Explanation of the balance held", figures.explanation or "(none given)", money=False)
    put("Signed by", figures.signed_by, money=False)
    put("Capacity", figures.capacity, money=False)
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 22
    _pas_sheet(wb.create_sheet("PAs"), figures)
    wb.save(str(out) if isinstance(out, Path) else out)


def _text(cell: Any, value: str) -> None:
    """A text cell that can never be a formula, whatever it starts with."""
    cell.value = value
    if risky(value) or value.startswith("="):
        cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula


def _line_formula(line: CouncilLine, incoming: bool, last: int) -> str:
    """SUMIFS over the Transactions sheet, counting each category the way the summary does."""
    cat = f"Transactions!$E$2:$E${last}"
    col_in, col_out = f"Transactions!$F$2:$F${last}", f"Transactions!$G$2:$G${last}"
    terms = []
    for c in line.categories:
        label = c.label.replace('"', '""')
        got_in = f'SUMIFS({col_in},{cat},"{label}")'
        got_out = f'SUMIFS({col_out},{cat},"{label}")'
        if c is Category.UNCATEGORISED:
            terms.append(got_in if incoming else got_out)
        elif c.is_income and incoming:
            terms.append(f"{got_in}-{got_out}")
        elif not c.is_income and not incoming:
            terms.append(f"{got_out}-{got_in}")
    return "=" + "+".join(terms) if terms else "=0"


def _transactions_sheet(ws: Any, figures: ReturnFigures) -> int:
    """Write the transaction rows; returns the last row used (at least 2, for the formulas)."""
    from openpyxl.styles import Font

    for col, name in enumerate(TXN_HEADER, start=1):
        ws.cell(1, col, name).font = Font(bold=True)
    r = 1
    for r, (t, category, amount, note) in enumerate(txn_rows(figures), start=2):
        ws.cell(r, 1, t.number)
        ws.cell(r, 2, t.day).number_format = "DD/MM/YYYY"
        _text(ws.cell(r, 3), f"{t.payee} ({note})" if note else t.payee)
        _text(ws.cell(r, 4), t.reference)
        _text(ws.cell(r, 5), category.label)
        if amount.pence > 0:
            ws.cell(r, 6, _pounds(amount)).number_format = MONEY_FORMAT
        elif amount.pence < 0:
            ws.cell(r, 7, _pounds(-amount)).number_format = MONEY_FORMAT
        _text(ws.cell(r, 8), ", ".join(t.evidence))
        _text(ws.cell(r, 9), t.state)
    for col, width in zip("ABCDEFGHI", (7, 12, 34, 20, 30, 12, 12, 14, 11), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    return max(r, 2)


def _pas_sheet(ws: Any, figures: ReturnFigures) -> None:
    from openpyxl.styles import Font

    header = ["PA", "Timesheets", "Signed", "Hours paid", "Payslips", "Gross pay", "Net pay", "Evidence"]
    for col, name in enumerate(header, start=1):
        ws.cell(1, col, name).font = Font(bold=True)
    r = 1
    for r, p in enumerate(figures.pas, start=2):
        _text(ws.cell(r, 1), p.name)
        ws.cell(r, 2, p.timesheets)
        ws.cell(r, 3, p.signed)
        ws.cell(r, 4, p.hours)
        ws.cell(r, 5, p.payslips)
        ws.cell(r, 6, _pounds(p.gross)).number_format = MONEY_FORMAT
        ws.cell(r, 7, _pounds(p.net)).number_format = MONEY_FORMAT
        _text(ws.cell(r, 8), ", ".join(p.timesheet_numbers))
    if figures.pas:
        t = r + 1
        ws.cell(t, 1, "Total").font = Font(bold=True)
        for col in "BCDEFG":
            cell = ws[f"{col}{t}"]
            cell.value = f"=SUM({col}2:{col}{r})"
            if col in "FG":
                cell.number_format = MONEY_FORMAT
    ws.column_dimensions["A"].width = 28


# -- CSV ------------------------------------------------------------------------------------------
def csv_rows(figures: ReturnFigures, template: ReturnTemplate) -> list[list[str]]:
    """The CSV as rows: "summary", "money_in", "money_out", "held" and "transaction" records."""
    money_in, money_out = template.lines(figures.money_in, figures.money_out)
    h = figures.header
    rows: list[list[str]] = [["record", "item", "value"]]
    for item, value in (
        ("title", template.title),
        ("holder", h.holder),
        ("council", h.council),
        ("council_reference", h.council_reference),
        ("completed_by", h.acting or figures.signed_by),
        ("from", figures.period.start.isoformat()),
        ("to", figures.period.end.isoformat()),
        ("weekly_dp", h.weekly_dp.decimal_str()),
    ):
        rows.append(["header", item, value])
    rows.append(["summary", "opening", figures.opening.decimal_str()])
    rows += [["money_in", x.label, x.amount.decimal_str()] for x in money_in]
    rows.append(["summary", "total_in", figures.total_in.decimal_str()])
    rows += [["money_out", x.label, x.amount.decimal_str()] for x in money_out]
    rows.append(["summary", "total_out", figures.total_out.decimal_str()])
    rows.append(["summary", "closing", figures.closing.decimal_str()])
    weeks = "" if figures.weeks_held is None else str(figures.weeks_held)
    for item, value in (
        ("weeks_held", weeks),
        ("allowed_weeks", f"{figures.allowed.min_weeks}-{figures.allowed.max_weeks}"),
        ("committed", figures.committed.decimal_str()),
        ("contingency", figures.contingency.decimal_str()),
        ("available", figures.available.decimal_str()),
        ("surplus_at_risk", figures.surplus_at_risk.decimal_str()),
        ("explanation", figures.explanation),
    ):
        rows.append(["held", item, value])
    rows.append(["transaction_columns", *(h.lower().replace(" ", "_").replace(".", "") for h in TXN_HEADER)])
    for t, category, amount, note in txn_rows(figures):
        rows.append(
            [
                "transaction",
                str(t.number),
                t.day.isoformat(),
                f"{t.payee} ({note})" if note else t.payee,
                t.reference,
                category.label,
                amount.decimal_str() if amount.pence > 0 else "",
                (-amount).decimal_str() if amount.pence < 0 else "",
                ", ".join(t.evidence),
                t.state,
            ]
        )
    return rows


# Columns PA Manager fills with its own numbers (never typed text), which may start with a minus.
_NUMERIC_COLUMNS = {"summary": {2}, "money_in": {2}, "money_out": {2}, "held": {2}, "transaction": {1, 6, 7}}
_TEXT_ITEMS = {"explanation"}


def write_csv(figures: ReturnFigures, template: ReturnTemplate, out: Path | BinaryIO) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in csv_rows(figures, template):
        numeric = set() if row[1] in _TEXT_ITEMS else _NUMERIC_COLUMNS.get(row[0], set())
        writer.writerow([cell if i in numeric else csv_text(cell) for i, cell in enumerate(row)])
    data = buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read £ and accents right
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
