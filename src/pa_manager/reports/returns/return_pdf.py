"""The council return as a PDF: the form a council would accept, then the supporting schedules.

Page 1 is the return itself (who, the period, opening + in − out = closing, the balance held and
the council's own lines); then the explanation and declaration, the reconciliation to the
statement, the per-PA hours and pay, and the numbered transaction list whose evidence column
matches the evidence pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table

from pa_manager.domain.money import Money
from pa_manager.domain.people import long_date
from pa_manager.domain.returns.model import ReturnFigures
from pa_manager.domain.returns.template import CouncilLine, ReturnTemplate
from pa_manager.reports.pay_documents import layout
from pa_manager.reports.pay_documents.layout import Styles, boxed, facts, grid, text
from pa_manager.reports.returns.pdf_doc import WIDTH, build, clip, fast_table
from pa_manager.reports.returns.rows import Rows


def _m(value: Money) -> str:
    return value.format()


def _weeks(figures: ReturnFigures) -> str:
    w = figures.weeks_held
    return "not known (no weekly payment set)" if w is None else f"{w.normalize():f} weeks"


def footer(figures: ReturnFigures) -> str:
    h = figures.header
    ref = f", ref. {h.council_reference}" if h.council_reference else ""
    return f"{h.holder}{ref} · return for {figures.period.label()}"


def render(
    figures: ReturnFigures,
    template: ReturnTemplate,
    out: Path | BinaryIO,
    *,
    open_items: Sequence[str] = (),
) -> None:
    """Write the return PDF to `out`. `open_items` are pre-flight problems still open at export."""
    st = layout.styles()
    story: list[Any] = []
    story += _front(figures, template, st)
    if open_items:
        story += [PageBreak(), *_open_page(open_items, st)]
    story += [PageBreak(), *_explanation(figures, template, st), *_declaration(figures, template, st)]
    story += [PageBreak(), *_reconciliation(figures, st), *_held_back(figures, st)]
    story += _pas(figures, st)
    story += [PageBreak(), *_transactions(figures, st)]
    build(out, story, title=f"{template.title}: {figures.header.holder}", footer=footer(figures))


def _front(f: ReturnFigures, t: ReturnTemplate, st: Styles) -> list[Any]:
    h = f.header
    dob = long_date(h.date_of_birth) if h.date_of_birth else "Not recorded"
    story: list[Any] = [
        Paragraph(text(t.title), st.title),
        Paragraph(f"Period of this return: <b>{text(f.period.label())}</b>", st.subtitle),
        facts(
            [
                ("Direct payment holder", h.holder),
                ("Date of birth", dob),
                ("Council", h.council or "Not recorded"),
                ("Council reference", h.council_reference or "Not recorded"),
                ("Completed by", h.acting or f.signed_by or "-"),
                ("Account type", h.account_type),
                ("Weekly direct payment (gross)", _m(h.weekly_dp)),
                ("Weekly client contribution", _m(h.weekly_contribution)),
            ],
            st,
            label_share=0.45,
        ),
        Paragraph("Account summary", st.head),
        grid(
            [
                ["", "Amount"],
                [f"Opening balance on {long_date(f.period.start)}", _m(f.opening)],
                ["Add: money paid in during the period", _m(f.total_in)],
                ["Less: money paid out during the period", _m(f.total_out)],
                [f"Closing balance on {long_date(f.period.end)}", _m(f.closing)],
            ],
            [WIDTH * 0.7, WIDTH * 0.3],
            st,
            right_from=1,
            bold_last=1,
        ),
        Paragraph("Opening balance + money in − money out = closing balance.", st.small),
        Paragraph("Balance held", st.head),
    ]
    held = [
        ("Weeks of direct payment held", _weeks(f)),
        ("Balance the council allows", f"{f.allowed} ({_m(f.allowed_to_keep)} at the top of the band)"),
        ("Committed money (owed, not yet paid)", _m(f.committed)),
        ("Contingency set aside", _m(f.contingency)),
        ("Available after commitments and contingency", _m(f.available)),
        ("Surplus at risk of being reclaimed", _m(f.surplus_at_risk)),
    ]
    if t.show_retained:
        retained = f.allowed_to_keep + f.committed + f.contingency
        held += [
            ("Weekly gross direct payment retained", _m(f.allowed_to_keep)),
            ("Further amounts to keep (committed and contingency)", _m(f.committed + f.contingency)),
            ("Total to be retained", _m(retained)),
            ("Amount that can be returned as surplus", _m(f.surplus_at_risk)),
            ("Amount requested to be returned (council use)", ""),
        ]
    story.append(facts(held, st, label_share=0.6))
    money_in, money_out = t.lines(f.money_in, f.money_out)
    story.append(PageBreak())
    story.append(Paragraph("Money in and out, on the council's lines", st.title))
    story.append(Paragraph("Money in", st.head))
    story.append(_lines_table(money_in, "Total money in", f.total_in, st))
    story.append(Paragraph("Money out", st.head))
    story.append(_lines_table(money_out, "Total money out", f.total_out, st))
    return story


def _lines_table(lines: Sequence[CouncilLine], total_label: str, total: Money, st: Styles) -> Table:
    """One side of the money (in or out) on the council's lines, with its total in bold."""
    rows = [["Line", "Amount"], *[[x.label, _m(x.amount)] for x in lines], [total_label, _m(total)]]
    return grid(rows, [WIDTH * 0.7, WIDTH * 0.3], st, right_from=1, bold_last=1)


def _open_page(items: Sequence[str], st: Styles) -> list[Any]:
    return [
        Paragraph("Still open when this return was made", st.title),
        Paragraph(
            "These were not finished when the return was exported. The figures are correct for what "
            "is recorded; the council may ask about the items below.",
            st.body,
        ),
        *[Paragraph(f"• {text(i)}", st.body) for i in items],
    ]


def _explanation(f: ReturnFigures, t: ReturnTemplate, st: Styles) -> list[Any]:
    answer = f.explanation.strip()
    body = (
        [Paragraph(text(line) or "&nbsp;", st.body) for line in answer.splitlines()]
        if answer
        else [Paragraph("(No explanation given.)", st.body)]
    )
    return [
        Paragraph("About the balance held", st.head),
        Paragraph(text(t.balance_question), st.body),
        boxed(body, background=colors.white),
    ]


def _declaration(f: ReturnFigures, t: ReturnTemplate, st: Styles) -> list[Any]:
    sign = [
        ("Name", f.signed_by or ""),
        ("Capacity in which signed", f.capacity or ""),
        ("Signature", ""),
        ("Date", ""),
    ]
    evidence = [Paragraph(f"☐ {text(e)}", st.body) for e in t.evidence]
    block: list[Any] = [Paragraph("Declaration", st.head), Paragraph(text(t.declaration), st.body)]
    block.append(facts(sign, st, label_share=0.35))
    story: list[Any] = [Spacer(1, 4 * mm), KeepTogether(block)]
    if evidence:
        story += [Paragraph("Sent with this return", st.head), *evidence]
    return story


def _reconciliation(f: ReturnFigures, st: Styles) -> list[Any]:
    r = f.reconciliation
    if r is None:
        return []
    rows = [
        ["", "Amount"],
        [f"Balance in the book on {long_date(f.period.end)}", _m(r.book_balance)],
        ["Less: items not yet on a bank statement (listed below)", _m(r.uncleared_total)],
        ["Balance the bank statement should show", _m(r.statement_balance)],
        ["Difference", _m(r.difference)],
    ]
    story: list[Any] = [
        Paragraph("Reconciliation to the bank statement", st.title),
        grid(rows, [WIDTH * 0.7, WIDTH * 0.3], st, right_from=1, bold_last=1),
    ]
    if r.last_statement_date and r.last_statement_balance is not None:
        story.append(
            Paragraph(
                f"Last statement reconciled in PA Manager: {long_date(r.last_statement_date)}, "
                f"closing balance {_m(r.last_statement_balance)}.",
                st.small,
            )
        )
    if r.uncleared:
        story.append(Paragraph("Items not yet on a bank statement", st.head))
        widths = [WIDTH * 0.2, WIDTH * 0.55, WIDTH * 0.25]
        rows2 = [[t.day.strftime("%d/%m/%Y"), clip(t.payee, widths[1]), _m(t.amount)] for t in r.uncleared]
        story += fast_table(["Date", "Paid to or from", "Amount"], rows2, widths, right=(2,))
    else:
        story.append(Paragraph("Every line up to the end of the period is on a bank statement.", st.body))
    return story


def _held_back(f: ReturnFigures, st: Styles) -> list[Any]:
    story: list[Any] = []
    for title, lines, total in (
        ("Contingency set aside", f.contingency_lines, f.contingency),
        ("Committed money", f.committed_lines, f.committed),
    ):
        if not lines:
            continue
        rows = [["What for", "Amount"], *[[name, _m(m)] for name, m in lines], ["Total", _m(total)]]
        story += [
            Paragraph(title, st.head),
            grid(rows, [WIDTH * 0.7, WIDTH * 0.3], st, right_from=1, bold_last=1),
        ]
    return story


def _span(numbers: Sequence[str]) -> str:
    if not numbers:
        return "-"
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def _pas(f: ReturnFigures, st: Styles) -> list[Any]:
    if not f.pas:
        return []
    header = ["PA", "Timesheets", "Signed", "Hours", "Payslips", "Gross pay", "Net pay"]
    rows: list[list[str]] = []
    widths = [WIDTH * x for x in (0.22, 0.19, 0.1, 0.12, 0.11, 0.13, 0.13)]
    for p in f.pas:
        rows.append(
            [
                clip(p.name, widths[0], 9),
                f"{p.timesheets} ({_span(p.timesheet_numbers)})",
                str(p.signed),
                f"{p.hours:,}",
                str(p.payslips),
                _m(p.gross),
                _m(p.net),
            ]
        )
    note = Paragraph(
        "Timesheets overlapping the period (with their evidence numbers), how many are signed, and "
        "the hours and pay on the payslips paid in the period.",
        st.small,
    )
    table = fast_table(header, rows, widths, right=(2, 3, 4, 5, 6), font_size=9)
    return [CondPageBreak(50 * mm), Paragraph("Hours and pay for each PA", st.head), note, *table]


def _transactions(f: ReturnFigures, st: Styles) -> list[Any]:
    widths = [WIDTH * x for x in (0.065, 0.115, 0.27, 0.24, 0.105, 0.105, 0.10)]
    rows = []
    for t in f.transactions:
        who = f"{t.payee} ({t.reference})" if t.reference else t.payee
        rows.append(
            [
                str(t.number),
                t.day.strftime("%d/%m/%Y"),
                clip(who, widths[2]),
                clip(t.category, widths[3]),
                _m(t.amount) if t.amount.pence > 0 else "",
                _m(-t.amount) if t.amount.pence < 0 else "",
                clip(", ".join(t.evidence), widths[6]),
            ]
        )
    header = ["No.", "Date", "Paid to or from", "Category", "In", "Out", "Evidence"]
    intro = Paragraph(
        f"{len(rows)} lines. The evidence column gives each document's number in the evidence pack: "
        "R receipts and invoices, P payslips, T timesheets, S bank statements.",
        st.small,
    )
    totals = grid(
        [["", "In", "Out"], ["Totals for the period", _m(f.total_in), _m(f.total_out)]],
        [WIDTH * 0.6, WIDTH * 0.2, WIDTH * 0.2],
        st,
        right_from=1,
        bold_last=1,
    )
    return [
        Paragraph("Transactions in the period", st.title),
        intro,
        Rows(header, rows, widths, right=(4, 5)),
        Spacer(1, 3 * mm),
        totals,
    ]
