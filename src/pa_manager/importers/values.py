"""Reading the amounts and dates that banks write, the UK way, and nothing cleverer.

Dates are day-first. "01/02/2026" is 1 February. "01/31/2026" raises `MonthFirstError`, and
the parsers refuse the whole file with the format to use, because once one date shows the file
is American every other date in it is misread, silently putting money in the wrong month's
return. An explicit strftime pattern overrides all of this for the odd export that needs it.

Amounts go through `Money.parse` after the bank-specific wrapping is removed: a "CR"/"DR"
suffix or trailing minus, a currency code, the apostrophe NatWest and Lloyds put in front of
cells to stop Excel treating them as formulas, and non-breaking spaces. Plain "-12.50" cells,
the vast majority, take a shorter path.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money, MoneyError

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

# A time after the date ("31/01/2026 14:05", "2026-01-31T14:05:00Z") is allowed and ignored.
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_DAY_FIRST = re.compile(rf"^(\d{{1,2}})\s*([/.\-])\s*(\d{{1,2}})\s*([/.\-'])\s*(\d{{4}}|\d{{2}}){_TIME}$")
_ISO = re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NAMED = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]{{3,9}})\.?[\s\-,]+(\d{{4}}|\d{{2}}){_TIME}$"
)

# "12.00 CR" / "12.00 DR", and the trailing minus some accounting exports use ("12.00-").
_CRDR = re.compile(r"^(?P<body>.*?)\s*(?P<flag>CR|DR|C|D|-)\.?$", re.IGNORECASE)
_PLAIN = re.compile(r"^(-?)(\d+)(?:\.(\d{1,2}))?$")
_CURRENCY = re.compile(r"\s*(?:GBP|UKP)\s*", re.IGNORECASE)


_EDGE = frozenset(" \t\r\n\u00a0'")


class ValueProblemError(ValueError):
    """A cell that is not a date or an amount; the message is a clause for a problem line."""


class MonthFirstError(ValueProblemError):
    """A date that only makes sense month first: the whole file is American, not one line."""

    def __init__(self, raw: str, suggested_format: str) -> None:
        super().__init__(f"“{raw}” is not a date in day/month/year order")
        self.raw = raw
        self.suggested_format = suggested_format

    def refusal(self, where: str) -> DomainError:
        """The whole-file refusal: reading the rest day-first would misdate them silently."""
        return DomainError(
            f"{where} has the date “{self.raw}”, which is written month first, so this file uses "
            f"American dates; import it again with the date format {self.suggested_format}."
        )


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        # Two-digit years in a bank export are this century; nobody imports 1970s statements.
        return 2000 + value
    return value


def _make(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblemError(f"“{raw}” is not a real date") from None


def clean_cell(text: str) -> str:
    """Strip spaces (including non-breaking ones) and the Excel-guard apostrophe."""
    if not text or (text[0] not in _EDGE and text[-1] not in _EDGE):
        return text  # the common case, kept cheap: most cells need nothing
    text = text.replace("\u00a0", " ").strip()
    if text.startswith("'"):
        text = text[1:].lstrip()
    return text


def parse_day(raw: str, date_format: str | None = None) -> date:
    """Read a UK date, or follow `date_format` (a strftime pattern) exactly when one is given."""
    text = clean_cell(raw)
    if not text:
        raise ValueProblemError("the date is blank")
    if date_format:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            raise ValueProblemError(f"“{text}” does not match the date format {date_format}") from None
    if m := _DAY_FIRST.match(text):
        first, month, year = int(m[1]), int(m[3]), m[5]
        if 1 <= first <= 12 and 13 <= month <= 31:
            pattern = f"%m{m[2]}%d{m[4]}{'%Y' if len(year) == 4 else '%y'}"
            raise MonthFirstError(text, pattern)
        return _make(_year(year), month, first, text)
    if m := _ISO.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _NAMED.match(text):
        named = MONTHS.get(m[2].lower())
        if named is None:
            raise ValueProblemError(f"“{text}” has no month called “{m[2]}”")
        return _make(_year(m[3]), named, int(m[1]), text)
    if m := _COMPACT.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    raise ValueProblemError(f"“{text}” is not a date (use day/month/year, e.g. 31/01/2026)")


def check_date_format(date_format: str) -> None:
    """Refuse a --date-format with no day, month and year in it, before any line is read."""
    missing = [
        part
        for part, codes in (("day", "dj"), ("month", "mbB"), ("year", "yY"))
        if not any(f"%{code}" in date_format for code in codes)
    ]
    if missing:
        raise DomainError(
            f"The date format “{date_format}” has no {' or '.join(missing)} in it; "
            "write it like %d/%m/%Y or %d-%b-%Y."
        )


def parse_pence(raw: str) -> int | None:
    """Read a bank's amount cell as pence; None for a blank cell. ValueProblemError for text."""
    if not raw:
        return None
    if plain := _PLAIN.match(raw):
        # Most cells are plain "-12.50"; reading them directly keeps 10,000 lines well under
        # the one-second import target.
        pence = int(plain[2]) * 100 + int((plain[3] or "0").ljust(2, "0"))
        return -pence if plain[1] else pence
    text = clean_cell(raw)
    if not text:
        return None
    negate = False
    m = _CRDR.match(text)
    if m and m["body"] and m["body"][-1:].isdigit():
        text = m["body"]
        negate = m["flag"].upper() in ("D", "DR", "-")
    text = _CURRENCY.sub("", text)
    try:
        value = Money.parse(text).pence
    except MoneyError:
        raise ValueProblemError(f"“{clean_cell(raw)}” is not an amount of money") from None
    return -abs(value) if negate else value


def parse_amount(raw: str) -> Money | None:
    """Read a bank's amount cell; None for a blank cell. Raises ValueProblemError for text."""
    pence = parse_pence(raw)
    return None if pence is None else Money(pence)
