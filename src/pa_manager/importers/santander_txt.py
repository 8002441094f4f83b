"""Santander UK's "Text file (TXT)" transaction download.

Santander's personal online banking offers this rather than CSV. It is a "From:" line, an
"Account:" line, then blocks of "Date:", "Description:", "Amount:" and "Balance:" lines, newest
first, in Latin-1 with trailing spaces and tabs. The layout is taken from two independent
readers of real downloads: joesingo/bank-statements (bank.py, test.py) and
benhartley/ledger-santander (README.md, santander.awk).
"""

from __future__ import annotations

import re

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers.model import ParsedStatement, StatementLine, finish
from pa_manager.importers.values import ValueProblemError, parse_amount, parse_day

_FIELD = re.compile(r"^\s*(from|account|date|description|amount|balance)\s*:\s?(.*)$", re.IGNORECASE)
_MAX_PROBLEMS = 200


def looks_like_santander_txt(text: str) -> bool:
    """The download opens with "From: <date> to <date>" and has "Date:"/"Amount:" blocks."""
    head = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    return (
        bool(head)
        and head[0].lower().startswith("from:")
        and " to " in head[0].lower()
        and any(line.lower().startswith("date:") for line in head)
    )


def _finish_block(block: dict[str, str], first_line: int) -> StatementLine | str:
    try:
        day = parse_day(block.get("date", ""))
        amount = parse_amount(block.get("amount", ""))
    except ValueProblemError as exc:
        return str(exc)
    if amount is None:
        return "the amount is blank"
    try:
        balance = parse_amount(block.get("balance", ""))
    except ValueProblemError:
        balance = None
    return StatementLine(
        day=day,
        description=" ".join(block.get("description", "").split()),
        amount=amount,
        balance=balance,
        bank_id=None,
        line_number=first_line,
    )


def parse_santander_txt(text: str) -> ParsedStatement:
    """Parse the decoded TXT download. Raises DomainError when no transaction can be read."""
    lines: list[StatementLine] = []
    problems: list[str] = []
    account_hint: str | None = None
    block: dict[str, str] = {}
    first_line = 0

    def close() -> None:
        if not block:
            return
        result = _finish_block(block, first_line)
        if isinstance(result, str):
            problems.append(f"Line {first_line}: {result}.")
        else:
            lines.append(result)
        block.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        m = _FIELD.match(raw.replace("\u00a0", " "))
        if not m:
            continue
        key, value = m[1].lower(), m[2].strip()
        if key == "from":
            continue
        if key == "account":
            account_hint = account_hint or value or None
            continue
        if key == "date":
            close()
            first_line = number
        block[key] = value
    close()
    if not lines:
        if problems:
            raise DomainError(
                f"No transaction in the Santander file could be read; the first problem is on "
                f"{problems[0][0].lower()}{problems[0][1:-1]}."
            )
        raise DomainError("The Santander file has no transactions in it.")
    if len(problems) > _MAX_PROBLEMS:
        extra = len(problems) - _MAX_PROBLEMS
        problems = [*problems[:_MAX_PROBLEMS], f"…and {extra} more transactions that could not be read."]
    # Santander lists newest first, so the first block's balance is the latest; checking the
    # dates keeps that right if a file ever comes oldest first.
    newest = lines[0] if lines[0].day >= lines[-1].day else lines[-1]
    closing: Money | None = newest.balance
    return finish(
        lines,
        closing_balance=closing,
        account_hint=account_hint,
        problems=problems,
        format="santander-txt",
        preset="santander",
    )
