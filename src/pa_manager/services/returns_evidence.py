"""Number the evidence for a return, so the transaction list and the evidence pack agree.

Receipts and invoices linked to a payment are "R" numbers, payslips paid in the period "P", the
PAs' timesheets for the period "T", and bank statements "S", each counted from 1 in the order they
first appear. A wage payment points at the payslip it paid (the commitment it settled, or that
PA's payslip paid within a week of it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Row, select

from pa_manager.domain.categories import Category
from pa_manager.domain.money import Money
from pa_manager.domain.returns.model import EvidenceItem, PaHours, ReturnTxn
from pa_manager.domain.returns.periods import ReturnPeriod
from pa_manager.services.book import Book
from pa_manager.services.evidence import evidence_for
from pa_manager.store.models import CommitmentRow, PARow, PayslipRow, TimesheetRow, TransactionRow
from pa_manager.store.models_receipts import DocumentRow

WAGE_WINDOW = timedelta(days=7)
STATEMENT_AFTER = timedelta(days=31)  # the statement covering the period's last days comes later
_SIGNED = ("signed", "approved")


def number(
    book: Book, period: ReturnPeriod, txns: list[ReturnTxn]
) -> tuple[tuple[ReturnTxn, ...], tuple[PaHours, ...], tuple[EvidenceItem, ...]]:
    """The transactions with their evidence numbers, the per-PA table, and every numbered item."""
    start, end = period.start, period.end
    docs = evidence_for(book, [t.txn_id for t in txns])
    with book.read() as s:
        names = {i: n for i, n in s.execute(select(PARow.id, PARow.name))}
        slips = s.execute(
            select(
                PayslipRow.id,
                PayslipRow.pay_run_id,
                PayslipRow.pa_id,
                PayslipRow.pay_date,
                PayslipRow.worked_minutes,
                PayslipRow.gross_pence,
                PayslipRow.net_pence,
            )
            .where(PayslipRow.final.is_(True), PayslipRow.pay_date >= start, PayslipRow.pay_date <= end)
            .order_by(PayslipRow.pay_date, PayslipRow.id)
        ).all()
        settled = {
            txn: src
            for txn, src in s.execute(
                select(CommitmentRow.settled_txn_id, CommitmentRow.source)
                .join(TransactionRow, TransactionRow.id == CommitmentRow.settled_txn_id)
                .where(
                    CommitmentRow.source.like("payslip:%"),
                    TransactionRow.date >= start,
                    TransactionRow.date <= end,
                )
            )
        }
        wage_pa = {
            i: pa
            for i, pa in s.execute(
                select(TransactionRow.id, TransactionRow.pa_id).where(
                    TransactionRow.date >= start,
                    TransactionRow.date <= end,
                    TransactionRow.category == Category.PA_WAGES.value,
                )
            )
        }
        sheets = s.execute(
            select(
                TimesheetRow.pa_id, TimesheetRow.period_start, TimesheetRow.period_end, TimesheetRow.status
            )
            .where(TimesheetRow.period_end >= start, TimesheetRow.period_start <= end)
            .order_by(TimesheetRow.period_start, TimesheetRow.pa_id)
        ).all()
        statements = s.execute(
            select(DocumentRow.id, DocumentRow.title, DocumentRow.day)
            .where(
                DocumentRow.kind == "bank_statement",
                DocumentRow.day >= start,
                DocumentRow.day <= end + STATEMENT_AFTER,
            )
            .order_by(DocumentRow.day, DocumentRow.id)
        ).all()
    items: list[EvidenceItem] = []
    # Payslips, in pay-date order.
    slip_no: dict[int, str] = {}
    by_pa_day: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for n, (sid, run_id, pa_id, day, *_rest) in enumerate(slips, start=1):
        slip_no[sid] = f"P{n}"
        by_pa_day[pa_id].append((day, f"P{n}"))
        items.append(
            EvidenceItem(
                f"P{n}", "payslip", f"Payslip: {names.get(pa_id, '?')}", day, ("payslip", run_id, pa_id)
            )
        )
    # Receipts, in the order the transaction list first mentions them.
    receipt_no: dict[int, str] = {}
    out: list[ReturnTxn] = []
    for t in txns:
        refs: list[str] = []
        for ref in docs.get(t.txn_id, []):
            if ref.document_id not in receipt_no:
                receipt_no[ref.document_id] = f"R{len(receipt_no) + 1}"
                items.append(
                    EvidenceItem(
                        receipt_no[ref.document_id],
                        ref.kind,
                        ref.name,
                        t.day,
                        ("document", ref.document_id, 0),
                    )
                )
            refs.append(receipt_no[ref.document_id])
        slip = _payslip_for(t, settled.get(t.txn_id), slip_no, wage_pa, by_pa_day)
        if slip:
            refs.append(slip)
        out.append(replace(t, evidence=tuple(refs)) if refs else t)
    # Timesheets, per PA.
    sheet_no: dict[int, list[str]] = defaultdict(list)
    signed: dict[int, int] = defaultdict(int)
    # Grouped by PA so each PA's timesheets carry consecutive numbers ("T1–T13").
    sheets = sorted(sheets, key=lambda r: (names.get(r[0], ""), r[0], r[1]))
    for n, (pa_id, first, last, status) in enumerate(sheets, start=1):
        sheet_no[pa_id].append(f"T{n}")
        signed[pa_id] += status in _SIGNED
        title = f"Timesheet: {names.get(pa_id, '?')}, {first:%d/%m/%Y} to {last:%d/%m/%Y}"
        items.append(
            EvidenceItem(f"T{n}", "timesheet", title, first, ("timesheet", pa_id, first.toordinal()))
        )
    for n, (doc_id, title, day) in enumerate(statements, start=1):
        items.append(EvidenceItem(f"S{n}", "bank_statement", title, day, ("document", doc_id, 0)))
    pas = _pa_table(names, slips, sheet_no, signed)
    order = {"S": 0, "P": 2, "T": 3, "R": 1}
    items.sort(key=lambda e: (order[e.number[0]], int(e.number[1:])))
    return tuple(out), pas, tuple(items)


def _payslip_for(
    t: ReturnTxn,
    source: str | None,
    slip_no: dict[int, str],
    wage_pa: dict[int, int | None],
    by_pa_day: dict[int, list[tuple[date, str]]],
) -> str | None:
    if source:
        sid = source.partition(":")[2]
        if sid.isdigit() and int(sid) in slip_no:
            return slip_no[int(sid)]
    pa_id = wage_pa.get(t.txn_id)
    if pa_id is None:
        return None
    near = [
        (abs((day - t.day).days), no)
        for day, no in by_pa_day.get(pa_id, [])
        if abs(day - t.day) <= WAGE_WINDOW
    ]
    return min(near)[1] if near else None


def _pa_table(
    names: dict[int, str],
    slips: Sequence[Row[int, int, int, date, int, int, int]],
    sheet_no: dict[int, list[str]],
    signed: dict[int, int],
) -> tuple[PaHours, ...]:
    minutes: dict[int, int] = defaultdict(int)
    gross: dict[int, int] = defaultdict(int)
    net: dict[int, int] = defaultdict(int)
    count: dict[int, int] = defaultdict(int)
    for _sid, _run, pa_id, _day, worked, g, n in slips:
        minutes[pa_id] += worked
        gross[pa_id] += g
        net[pa_id] += n
        count[pa_id] += 1
    ids = sorted(set(count) | set(sheet_no), key=lambda i: names.get(i, ""))
    return tuple(
        PaHours(
            name=names.get(i, "?"),
            timesheets=len(sheet_no.get(i, [])),
            signed=signed.get(i, 0),
            timesheet_numbers=tuple(sheet_no.get(i, [])),
            hours=(Decimal(minutes[i]) / 60).quantize(Decimal("0.01")),
            payslips=count[i],
            gross=Money(gross[i]),
            net=Money(net[i]),
        )
        for i in ids
    )
