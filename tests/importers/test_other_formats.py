"""OFX/QFX through ofxtools, QIF, and Santander's TXT download."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers import parse_statement
from tests.importers.helpers import parse_sample, sample_bytes, table


def test_ofx_v1_sgml_bank_statement() -> None:
    statement = parse_sample("statement_v1.ofx")
    assert statement.format == "ofx"
    assert table(statement) == [
        ("2026-01-05", "KENT COUNTY COUNCIL DP JAN & FEB", "1200.00"),
        ("2026-01-15", "J SMITH PA WAGES", "-350.50"),
    ]
    assert [line.bank_id for line in statement.lines] == ["2026010501", "2026011002"]
    assert statement.closing_balance == Money(84950)
    assert statement.account_hint == "40051512345678"


def test_qfx_v2_xml_card_statement_keeps_the_banks_date_and_reports_a_bad_one() -> None:
    statement = parse_sample("card_v2.qfx")
    # 20260615000000[+1:BST] is 15 June to the bank, though it is 14 June 23:00 in UTC.
    assert table(statement) == [
        ("2026-06-01", "CARD LOAD COUNCIL", "500.00"),
        ("2026-06-15", "CHEMIST & CO CONTACTLESS", "-23.45"),
    ]
    assert statement.problems == ["Transaction 3: “2026-06-20” is not an OFX date (DTPOSTED)."]
    assert statement.closing_balance == Money(47655)
    assert statement.account_hint == "5555444433331111"


def test_ofx_is_recognised_by_content_whatever_the_file_is_called() -> None:
    statement = parse_statement(sample_bytes("statement_v1.ofx"), "download.csv")
    assert statement.format == "ofx" and len(statement.lines) == 2


@pytest.mark.parametrize(
    "damage",
    [
        (b"<STMTRS>", b"<STMTRS></BANKMSGSRSV1>"),  # a closing tag with no opening tag
        (b"DATA:OFXSGML", b"DATA:NONSENSE"),  # a header field with an impossible value
    ],
)
def test_broken_ofx_is_refused_in_one_sentence(damage: tuple[bytes, bytes]) -> None:
    broken = sample_bytes("statement_v1.ofx").replace(*damage)
    with pytest.raises(DomainError) as caught:
        parse_statement(broken, "x.ofx")
    assert str(caught.value) == (
        "The file looks like OFX but its header or tags are broken, so it cannot be read."
    )


def test_ofx_without_transactions_is_refused() -> None:
    kept = [row for row in sample_bytes("statement_v1.ofx").split(b"\n") if not row.startswith(b"<STMTTRN>")]
    with pytest.raises(DomainError) as caught:
        parse_statement(b"\n".join(kept), "x.ofx")
    assert str(caught.value) == "The OFX statement has no transactions in it."


def test_qif_bank_statement_with_quicken_dates_and_identical_lines() -> None:
    statement = parse_sample("statement.qif")
    assert statement.format == "qif"
    assert table(statement) == [
        ("2026-01-02", "NORTH YORKSHIRE CC DIRECT PAYMENT JAN", "1200.00"),
        ("2026-01-09", "G HUGHES PA WAGES", "-150.00"),
        ("2026-01-09", "G HUGHES PA WAGES", "-150.00"),
        ("2026-01-16", "HMRC", "-42.10"),
    ]
    assert statement.account_hint == "DP Current Account"
    assert [line.line_number for line in statement.lines] == [6, 11, 17, 22]
    assert all(line.bank_id is None for line in statement.lines)


def test_qif_saved_as_txt_is_recognised_by_its_content() -> None:
    statement = parse_statement(sample_bytes("statement.qif"), "Transactions.txt")
    assert statement.format == "qif" and len(statement.lines) == 4


def test_qif_with_american_dates_is_refused_unless_a_date_format_is_given() -> None:
    with pytest.raises(DomainError) as caught:
        parse_sample("us_dates.qif")
    assert str(caught.value) == (
        "Line 2 has the date “01/31'26”, which is written month first, so this file uses "
        "American dates; import it again with the date format %m/%d'%y."
    )
    statement = parse_sample("us_dates.qif", date_format="%m/%d'%y")
    assert table(statement) == [("2026-01-31", "PHARMACY", "-20.00"), ("2026-02-01", "BUS FARE", "-7.50")]


def test_qif_missing_fields_are_problems_and_an_investment_file_is_refused() -> None:
    text = b"!Type:Bank\nD01/03/2026\nPNO AMOUNT\n^\nD02/03/2026\nT-1.00\nPOK\n^\nT5.00\nPNO DATE\n"
    statement = parse_statement(text, "x.qif")
    assert table(statement) == [("2026-03-02", "OK", "-1.00")]
    assert statement.problems == [
        "Line 2: the transaction has no amount (T line).",
        "Line 9: the transaction has no date (D line).",
    ]
    with pytest.raises(DomainError, match="holds investments or lists, not a bank or card statement"):
        parse_statement(b"!Type:Invst\nD01/03/2026\nNBuy\nYACME\nT100.00\n^\n", "x.qif")


def test_qif_with_two_accounts_reads_only_the_first() -> None:
    text = (
        b"!Account\nNFirst\n^\n!Type:Bank\nD01/03/2026\nT1.00\nPA\n^\n"
        b"!Account\nNSecond\n^\n!Type:Bank\nD02/03/2026\nT2.00\nPB\n^\n"
    )
    statement = parse_statement(text, "x.qif")
    assert table(statement) == [("2026-03-01", "A", "1.00")]
    assert statement.account_hint == "First"
    assert statement.problems == ["Line 9: the file holds more than one account; only the first was read."]


def test_santander_txt_latin1_newest_first() -> None:
    statement = parse_sample("santander.txt")
    assert (statement.format, statement.preset) == ("santander-txt", "santander")
    assert table(statement) == [
        ("2026-01-24", "BILL PAYMENT TO K AHMED REFERENCE PA WAGES", "-190.00"),
        ("2026-01-05", "FASTER PAYMENTS RECEIPT REF.DP JAN FROM ESSEX C C", "1000.00"),
    ]
    assert statement.closing_balance == Money(81000)
    assert statement.account_hint == "XXXX XXXX XXXX 4321"
