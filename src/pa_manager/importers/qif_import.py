"""QIF statements: a small, strict reader of the one part of QIF a bank download uses.

QIF is lines of one-letter codes ("D" date, "T" amount, "P" payee, "M" memo) with "^" ending
each transaction, under a "!Type:Bank" (or CCard, Cash, Oth A, Oth L) header. A hand-written
reader was chosen over `quiffen` because that library needs pydantic and python-dateutil and
guesses ambiguous dates, while this needs 150 lines and follows the app's one date rule.

QIF dates are the format's weak point: "01/02/26" is 1 February in a UK download and 2 January
in an American one, and Quicken writes "1/31'26" for 2026. Dates are read day-first, as every
UK bank writes them; a file from American software needs an explicit `date_format`
(for example "%m/%d'%y"). Investment and list sections (securities, categories, classes,
memorised transactions) are skipped; an investment-only file is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pa_manager.domain.errors import DomainError
from pa_manager.importers.model import ParsedStatement, StatementLine, finish
from pa_manager.importers.values import (
    MonthFirstError,
    ValueProblemError,
    check_date_format,
    parse_amount,
    parse_day,
)

_CASH_TYPES = {"bank", "ccard", "cash", "oth a", "oth l"}
_MAX_PROBLEMS = 200


def looks_like_qif(text: str) -> bool:
    """A QIF file starts with a "!Type:", "!Account" or "!Option:" line."""
    for line in text.splitlines()[:20]:
        if line.strip():
            return line.strip().lower().startswith(("!type:", "!account", "!option:", "!clear:"))
    return False


@dataclass
class _Record:
    """The fields of one transaction while it is being read."""

    first_line: int
    fields: dict[str, str] = field(default_factory=dict)


def _qif_day(raw: str, date_format: str | None) -> date:
    # Quicken pads with spaces (" 1/ 5/26") and marks years after 1999 with an apostrophe.
    text = raw.replace(" ", "")
    if date_format:
        return parse_day(text, date_format)
    return parse_day(text.replace("'", "/"))


def _to_line(record: _Record, date_format: str | None) -> StatementLine | str:
    raw_day = record.fields.get("D", "")
    raw_amount = record.fields.get("T", record.fields.get("U", ""))
    if not raw_day:
        return "the transaction has no date (D line)"
    if not raw_amount:
        return "the transaction has no amount (T line)"
    try:
        day = _qif_day(raw_day, date_format)
        amount = parse_amount(raw_amount)
    except MonthFirstError as exc:
        raw = raw_day.replace(" ", "")  # name the date as the file wrote it, apostrophe and all
        pattern = exc.suggested_format
        if "'" in raw:
            pattern = pattern[:5] + "'" + pattern[6:]
        raise MonthFirstError(raw, pattern).refusal(f"Line {record.first_line}") from None
    except ValueProblemError as exc:
        return str(exc)
    if amount is None:
        return "the transaction has no amount (T line)"
    payee, memo = record.fields.get("P", ""), record.fields.get("M", "")
    description = payee or memo
    if payee and memo and memo.casefold() not in payee.casefold():
        description = f"{payee} {memo}"
    return StatementLine(
        day=day,
        description=description,
        amount=amount,
        balance=None,
        bank_id=None,  # a QIF "N" is a cheque number, not a unique id
        line_number=record.first_line,
    )


def parse_qif(text: str, *, date_format: str | None = None) -> ParsedStatement:
    """Parse decoded QIF text. Raises DomainError when it holds no readable transactions."""
    if date_format:
        check_date_format(date_format)
    lines: list[StatementLine] = []
    problems: list[str] = []
    account_hint: str | None = None
    section: str | None = None
    saw_cash_section = saw_other_section = False
    record: _Record | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("!"):
            lowered = line[1:].lower()
            if lowered.startswith("type:"):
                section = lowered[5:].strip()
                if section in _CASH_TYPES:
                    saw_cash_section = True
                else:
                    saw_other_section = True
            elif lowered.startswith("account"):
                if lines or problems:
                    # A second account's transactions must not be mixed into the first's.
                    problems.append(
                        f"Line {number}: the file holds more than one account; only the first was read."
                    )
                    record = None
                    break
                section = "account"
            record = None
            continue
        if section == "account":
            if line[0] == "N" and account_hint is None:
                account_hint = line[1:].strip() or None
            if line[0] == "^":
                section = None
            continue
        if section is not None and section not in _CASH_TYPES:
            continue  # investment, category, class and memorised lists are not statements
        if line == "^" or line[0] == "^":
            if record is not None:
                result = _to_line(record, date_format)
                if isinstance(result, str):
                    problems.append(f"Line {record.first_line}: {result}.")
                else:
                    lines.append(result)
            record = None
            continue
        if record is None:
            record = _Record(first_line=number)
        code, value = line[0], line[1:].strip()
        # Split lines (S, E, $) and address lines (A) repeat; only the first of a code is kept,
        # which leaves the transaction's own total and payee untouched.
        record.fields.setdefault(code, value)
    if record is not None and record.fields:
        # Some exporters leave off the final "^"; the last transaction still counts.
        result = _to_line(record, date_format)
        if isinstance(result, str):
            problems.append(f"Line {record.first_line}: {result}.")
        else:
            lines.append(result)
    if not lines:
        if saw_other_section and not saw_cash_section:
            raise DomainError("This QIF file holds investments or lists, not a bank or card statement.")
        if problems:
            raise DomainError(
                f"No transaction in the QIF file could be read; the first problem is on "
                f"{problems[0][0].lower()}{problems[0][1:-1]}."
            )
        raise DomainError("The QIF file has no transactions in it.")
    if len(problems) > _MAX_PROBLEMS:
        extra = len(problems) - _MAX_PROBLEMS
        problems = [*problems[:_MAX_PROBLEMS], f"…and {extra} more transactions that could not be read."]
    return finish(lines, closing_balance=None, account_hint=account_hint, problems=problems, format="qif")
