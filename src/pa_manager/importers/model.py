"""What every statement parser returns: plain, immutable records and nothing that touches the book.

A parser turns one downloaded file into a `ParsedStatement`. Lines it could not read go to
`problems` as sentences naming the line number, so one bad row never sinks a whole statement;
a file that cannot be read at all raises `DomainError` instead, and nothing is returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pa_manager.domain.money import Money

# One limit for every format, checked before a byte is parsed. Ten years of a busy DP account
# is under 5 MB; anything near this size is a wrong file or an export of the wrong thing.
MAX_STATEMENT_BYTES = 50_000_000


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One transaction as the bank reported it. `amount` is positive for money in."""

    day: date
    description: str
    amount: Money
    balance: Money | None
    bank_id: str | None
    line_number: int


@dataclass(frozen=True, slots=True)
class ParsedStatement:
    """A whole file's worth of lines, plus what the file said about itself.

    `format` is "csv", "ofx", "qif" or "santander-txt"; `preset` names the CSV layout used, if any.
    `closing_balance` is the balance after the latest transaction when the file gives one.
    """

    lines: list[StatementLine]
    closing_balance: Money | None
    account_hint: str | None
    problems: list[str]
    format: str
    preset: str | None = None
    # The date range the lines cover, for the import summary ("3 Jan to 31 Jan 2026").
    first_day: date | None = field(default=None)
    last_day: date | None = field(default=None)


def finish(
    lines: list[StatementLine],
    *,
    closing_balance: Money | None,
    account_hint: str | None,
    problems: list[str],
    format: str,
    preset: str | None = None,
) -> ParsedStatement:
    """Build the result, filling in the date range so each parser need not."""
    days = [line.day for line in lines]
    return ParsedStatement(
        lines=lines,
        closing_balance=closing_balance,
        account_hint=account_hint,
        problems=problems,
        format=format,
        preset=preset,
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
    )
