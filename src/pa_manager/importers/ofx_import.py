"""OFX and QFX statements (bank and credit card), read with ofxtools.

`ofxtools.Parser.OFXTree` does the hard part: the header, and OFX 1.x SGML (unclosed tags) as
well as OFX 2 XML. The transactions are then read from its element tree rather than through
`OFXTree.convert()`, for two reasons found by testing ofxtools 1.1.1:

* `convert()` turns every DTPOSTED into UTC, so "20260615000000[+1:BST]" becomes 14 June. The
  first eight digits are the date the bank meant, and that is what a person sees on paper.
* `convert()` refuses the whole file over one off-spec element, where one bad transaction
  should only be a problem line.

FITID becomes `bank_id`, LEDGERBAL the closing balance, and the account number the hint. OFX
signs amounts from the account holder's side (credit positive) for bank and card accounts alike.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal, InvalidOperation

from ofxtools.Parser import OFXTree

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers.model import ParsedStatement, StatementLine, finish

_STATEMENTS = ("STMTRS", "CCSTMTRS")
_OFX_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})")
_AMOUNT = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def looks_like_ofx(data: bytes) -> bool:
    """OFX 1 starts with "OFXHEADER:"; OFX 2 is XML with an <OFX> root near the top."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return head.startswith(b"OFXHEADER") or b"<OFX>" in head or b"<?OFX " in head


def _text(element: ET.Element | None, tag: str) -> str:
    found = element.find(tag) if element is not None else None
    if found is None or found.text is None:
        return ""
    # SGML text arrives with entities still escaped ("&amp;"); convert() would unescape them.
    return html.unescape(found.text).strip()


def _money(text: str) -> Money | None:
    cleaned = text.replace(" ", "")
    if not _AMOUNT.match(cleaned):
        return None
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        return None
    pence = value * 100
    if pence != pence.to_integral_value():
        return None  # fractions of a penny are not a real bank transaction
    return Money(int(pence))


def _day(text: str) -> date | None:
    m = _OFX_DATE.match(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _description(trn: ET.Element) -> str:
    name = _text(trn, "NAME") or _text(trn.find("PAYEE"), "NAME")
    memo = _text(trn, "MEMO")
    if name and memo and memo.casefold() not in name.casefold():
        return f"{name} {memo}"
    return name or memo


def _read_transaction(number: int, trn: ET.Element) -> StatementLine | str:
    raw_day, raw_amount = _text(trn, "DTPOSTED"), _text(trn, "TRNAMT")
    day = _day(raw_day)
    if day is None:
        return f"Transaction {number}: “{raw_day}” is not an OFX date (DTPOSTED)."
    amount = _money(raw_amount)
    if amount is None:
        return f"Transaction {number}: “{raw_amount}” is not an amount of money (TRNAMT)."
    return StatementLine(
        day=day,
        description=_description(trn),
        amount=amount,
        balance=None,
        bank_id=_text(trn, "FITID") or None,
        # OFX has no useful line numbers once parsed; the transaction's position stands in.
        line_number=number,
    )


def parse_ofx(data: bytes) -> ParsedStatement:
    """Parse OFX/QFX bytes. Raises DomainError if the file is not a readable OFX statement."""
    tree = OFXTree()
    try:
        tree.parse(io.BytesIO(data))
    # ofxtools' ParseError and OFXHeaderError, and the ElementTree ParseError its tree builder
    # raises for unbalanced tags, are all SyntaxErrors; bad values are ValueErrors.
    except (SyntaxError, ValueError, LookupError):
        raise DomainError(
            "The file looks like OFX but its header or tags are broken, so it cannot be read."
        ) from None
    root = tree.getroot()
    if root is None:
        raise DomainError("The OFX file is empty after its header.")
    statements = [element for element in root.iter() if element.tag in _STATEMENTS]
    if not statements:
        raise DomainError("The OFX file holds no bank or card statement, only other messages.")
    statement = statements[0]
    problems: list[str] = []
    if len(statements) > 1:
        problems.append(f"The file holds statements for {len(statements)} accounts; only the first was read.")
    lines: list[StatementLine] = []
    transactions = statement.findall("BANKTRANLIST/STMTTRN")
    for number, trn in enumerate(transactions, start=1):
        result = _read_transaction(number, trn)
        if isinstance(result, str):
            problems.append(result)
        else:
            lines.append(result)
    if not lines:
        if problems and transactions:
            raise DomainError(f"No transaction in the OFX file could be read; {problems[-1]}")
        raise DomainError("The OFX statement has no transactions in it.")
    account = statement.find("BANKACCTFROM")
    if account is None:
        account = statement.find("CCACCTFROM")
    ledger = statement.find("LEDGERBAL")
    return finish(
        lines,
        closing_balance=_money(_text(ledger, "BALAMT")) if ledger is not None else None,
        account_hint=_text(account, "ACCTID") or None,
        problems=problems,
        format="ofx",
    )
