"""The pension letter after an automatic-enrolment assessment, one wording per outcome.

It follows the information The Pensions Regulator says a worker must be given (the Employers' Duties
(Information) rules): for someone enrolled, that they have been, from when, into which scheme, what
both sides pay and on what earnings, how tax relief works, the right to opt out and the one-month
window with a full refund, and where the opt-out form comes from; for anyone not enrolled, their right
to opt in or to join and whether the employer then pays in; for a postponement, until when and that
they may opt in or join meanwhile. Written as from the employer, who is usually a person, so "I".
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from pa_manager.reports.pay_documents import layout
from pa_manager.reports.pay_documents.model import PensionLetterDoc, PensionOutcome

_HEADINGS = {
    PensionOutcome.ENROLLED: "You have been put into a workplace pension",
    PensionOutcome.NON_ELIGIBLE: "You can choose to join a workplace pension, and I will pay in too",
    PensionOutcome.ENTITLED: "You can ask to join a workplace pension",
    PensionOutcome.POSTPONED: "I am postponing your workplace pension assessment",
}


def _relief(doc: PensionLetterDoc) -> str:
    if doc.tax_relief == "net pay":
        return (
            "Your contribution is taken from your pay before income tax is worked out, so you get tax "
            "relief straight away."
        )
    taken = (doc.employee_rate * Decimal("0.8")).normalize()
    return (
        f"Your contribution gets tax relief: {layout.rate(taken)} is taken from your pay and the "
        "pension scheme claims basic-rate tax relief from the government to make it up to "
        f"{layout.rate(doc.employee_rate)}. "
        "If you pay no income tax you still get this relief."
    )


def _contributions(doc: PensionLetterDoc, *, employer_pays: bool = True) -> str:
    basis = layout.text(doc.earnings_basis)
    text = (
        f"Each payday, {layout.rate(doc.employee_rate)} of your {basis} goes into your pension from your pay"
    )
    if employer_pays:
        text += f", and I pay in {layout.rate(doc.employer_rate)} of your {basis} on top."
    else:
        text += "."
    if doc.earnings_basis == "qualifying earnings":
        text += (
            " Qualifying earnings are your pay between a lower and an upper limit that the government "
            "sets each year."
        )
    return text


def _how_to_ask(doc: PensionLetterDoc, wish: str) -> str:
    where = f" ({layout.text(doc.employer_contact)})" if doc.employer_contact else ""
    return (
        f"To {wish}, write to me{where} and sign the letter, or send me an email from your own email "
        f"address saying that you want to {wish}."
    )


def _body(doc: PensionLetterDoc) -> list[str]:
    scheme = layout.text(doc.scheme_name)
    if doc.outcome is PensionOutcome.ENROLLED:
        start = layout.day(doc.enrolment_date) if doc.enrolment_date else "your next payday"
        out = [
            "The law says every employer must put certain staff into a workplace pension and pay into it. "
            "You are aged between 22 and State Pension age and earn more than the earnings trigger, so "
            f"I have put you into {scheme} from <b>{start}</b>.",
            _contributions(doc),
            _relief(doc),
            "<b>You can choose to leave (opt out).</b> "
            + (
                f"If you opt out between <b>{layout.day(doc.opt_out_from)}</b> and "
                f"<b>{layout.day(doc.opt_out_until)}</b>, "
                if doc.opt_out_from and doc.opt_out_until
                else "If you opt out within one month of joining, "
            )
            + "it will be as if you had never joined: any money taken from your pay for the pension "
            "will be given back to you.",
            "To opt out, get an opt-out form from the pension scheme"
            + (f" ({layout.text(doc.scheme_contact)})" if doc.scheme_contact else "")
            + ", fill it in and give it to me. I cannot opt you out, and you must not be asked or "
            "pressured to opt out.",
            "If you leave after that month, you can stop paying in, but what has already been paid in "
            "will normally stay in your pension until you retire.",
            "If you opt out, I will normally have to put you back in about every three years, and I will "
            "write to you when I do. You can also ask to rejoin at any time. " + _how_to_ask(doc, "rejoin"),
        ]
    elif doc.outcome is PensionOutcome.NON_ELIGIBLE:
        out = [
            "The law says every employer must put certain staff into a workplace pension. Because of your "
            "age or your pay, I do not have to put you in at the moment, but <b>you have the right to "
            "join (opt in)</b>.",
            f"If you opt in, I will put you into {scheme} and pay in too. " + _contributions(doc),
            _relief(doc),
            _how_to_ask(doc, "opt in"),
            "I will check your age and pay each payday. If you become eligible, I will put you in "
            "automatically and write to you.",
        ]
    elif doc.outcome is PensionOutcome.ENTITLED:
        out = [
            "The law says every employer must put certain staff into a workplace pension. Because of your "
            "age or your pay, I do not have to put you in, but <b>you have the right to ask to join a "
            "pension scheme</b>.",
            f"If you ask, I will arrange for you to join {scheme}. "
            + _contributions(doc, employer_pays=False)
            + " At your level of pay I do not have to pay in, "
            + (
                f"but I will pay {layout.rate(doc.employer_rate)}."
                if doc.employer_rate > 0
                else "and I will not be paying in."
            ),
            _how_to_ask(doc, "join"),
            "I will check your age and pay each payday. If you become eligible, I will put you in "
            "automatically and write to you.",
        ]
    else:
        until = layout.day(doc.postponed_until) if doc.postponed_until else "a date up to three months away"
        out = [
            "The law says every employer must put certain staff into a workplace pension. It also lets me "
            "wait (postpone) for up to three months before I check whether I must put you in.",
            f"I am postponing until <b>{until}</b>. On that date I will check your age and pay. If you are "
            "eligible then, I will put you into "
            f"{scheme} and write to you; if not, I will write to tell you your rights.",
            "<b>You do not have to wait.</b> You can ask to join before then, and depending on your age "
            "and pay I may have to pay in too. " + _how_to_ask(doc, "join"),
        ]
    out.append(
        "For free, impartial information about pensions, see MoneyHelper at moneyhelper.org.uk or call "
        "0800 011 3797."
    )
    return out


def _key_facts(doc: PensionLetterDoc) -> list[tuple[str, str]]:
    rows = [("Pension scheme", doc.scheme_name)]
    you = f"{layout.rate(doc.employee_rate)} of your {doc.earnings_basis}"
    me = f"{layout.rate(doc.employer_rate)} of your {doc.earnings_basis}"
    if doc.outcome is PensionOutcome.ENTITLED and doc.employer_rate == 0:
        me = "Not required"
    label = "If you join, you pay" if doc.outcome is not PensionOutcome.ENROLLED else "You pay"
    rows += [(label, you), ("I pay", me)]
    if doc.outcome is PensionOutcome.ENROLLED:
        if doc.enrolment_date:
            rows.append(("Date you were put in", layout.day(doc.enrolment_date)))
        if doc.opt_out_from and doc.opt_out_until:
            rows.append(
                (
                    "Opt out with a full refund",
                    f"{layout.day(doc.opt_out_from)} to {layout.day(doc.opt_out_until)}",
                )
            )
    if doc.outcome is PensionOutcome.POSTPONED and doc.postponed_until:
        rows.append(("Postponed until", layout.day(doc.postponed_until)))
    if doc.scheme_contact:
        rows.append(("Scheme contact", doc.scheme_contact))
    return rows


def write_pension_letter(doc: PensionLetterDoc, path: Path) -> Path:
    """Write the pension letter to `path` and return it."""
    st = layout.styles()
    sender = layout.lines([doc.employer.name, *doc.employer.address_lines])
    to = layout.lines([doc.worker.name, *doc.worker.address_lines])
    story: list[Any] = [
        layout.side_by_side(Paragraph(to, st.body), Paragraph(sender, st.body)),
        Spacer(1, 4 * mm),
        Paragraph(layout.day(doc.letter_date), st.body),
        Spacer(1, 2 * mm),
        Paragraph(f"Dear {layout.text(doc.worker.name)},", st.body),
        Paragraph(_HEADINGS[doc.outcome], st.head),
    ]
    story += [Paragraph(p, st.body) for p in _body(doc)]
    story += [Spacer(1, 2 * mm), layout.facts(_key_facts(doc), st)]
    story += [Paragraph(layout.text(note), st.body) for note in doc.notes]
    story += [
        Spacer(1, 6 * mm),
        Paragraph("Yours sincerely,", st.body),
        Spacer(1, 8 * mm),
        Paragraph(layout.text(doc.employer.name), st.body),
    ]
    footer = f"Workplace pension letter for {doc.worker.name}, {layout.day(doc.letter_date)}"
    return layout.build(path, story, title=f"Workplace pension: {doc.worker.name}", footer=footer)
