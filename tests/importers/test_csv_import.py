"""CSV layouts no preset covers, through a column mapping; and the CSV reader's own rules."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers import ColumnMap, parse_statement
from pa_manager.importers.csv_import import sniff_delimiter
from tests.importers.helpers import parse_sample, table


def test_unknown_bank_semicolons_windows_1252_preamble_via_mapping() -> None:
    columns = ColumnMap.parse(
        "date=Posted,description=Details,paid_in=Money In,paid_out=Money Out,balance=Running total"
    )
    statement = parse_sample("custom_semicolon_cp1252.csv", columns=columns)
    assert statement.preset is None
    assert table(statement) == [
        ("2026-01-31", "Payment – D Wright (PA)", "-185.00"),
        ("2026-01-02", "Council “direct payment”", "1000.00"),
    ]
    assert [line.line_number for line in statement.lines] == [5, 6]
    assert statement.closing_balance == Money(81500)  # newest line first in this file


def test_unknown_bank_with_cr_dr_and_bracketed_amounts_is_read_by_common_names() -> None:
    statement = parse_sample("custom_crdr.csv")
    assert table(statement) == [
        ("2026-01-06", "COUNCIL DIRECT PAYMENT", "1200.00"),
        ("2026-01-13", "PA WAGES E HALL", "-180.00"),
        ("2026-01-20", "PAYROLL BUREAU FEE", "-25.00"),
    ]
    assert statement.closing_balance == Money(99500)


def test_tab_separated_file_with_dotted_dates_needs_and_obeys_a_date_format() -> None:
    columns = ColumnMap.parse("date=When,description=Who,amount=How much")
    with pytest.raises(DomainError) as caught:
        parse_sample("custom_tabs_dotted_dates.tsv", columns=columns)
    assert str(caught.value) == (
        "No line of the file could be read; the first problem is on line 2: "
        "“2026.01.07” is not a date (use day/month/year, e.g. 31/01/2026)."
    )
    statement = parse_sample("custom_tabs_dotted_dates.tsv", columns=columns, date_format="%Y.%m.%d")
    assert table(statement) == [
        ("2026-01-07", "Council DP", "900.00"),
        ("2026-01-14", "PA wages F Ali", "-170.00"),
    ]


def test_negate_flips_a_card_export_where_spending_is_positive() -> None:
    data = b"Date,Merchant,Amount\n03/02/2026,CHEMIST,12.40\n04/02/2026,REFUND,-2.00\n"
    columns = ColumnMap.parse("date=Date,description=Merchant,amount=Amount,negate=yes")
    statement = parse_statement(data, "card.csv", columns=columns)
    assert [line.amount.decimal_str() for line in statement.lines] == ["-12.40", "2.00"]


def test_column_numbers_read_a_headerless_file_and_skip_a_leading_title() -> None:
    data = b"My card transactions\n30/01/2026,LOAD,100.00\n31/01/2026,SHOP,-9.99\n"
    statement = parse_statement(data, "x.csv", columns=ColumnMap.parse("date=1,description=2,amount=3"))
    assert table(statement) == [("2026-01-30", "LOAD", "100.00"), ("2026-01-31", "SHOP", "-9.99")]
    with pytest.raises(DomainError, match="beyond the file's 3 columns"):
        parse_statement(data, "x.csv", columns=ColumnMap.parse("date=1,description=2,amount=7"))


def test_bad_lines_become_problems_with_line_numbers_and_the_rest_import() -> None:
    statement = parse_sample("bad_lines.csv")
    assert table(statement) == [
        ("2026-01-02", "COUNCIL DIRECT PAYMENT", "900.00"),
        ("2026-01-16", "PA WAGES", "-120.00"),
    ]
    assert statement.problems == [
        "Line 3: “31/02/2026” is not a real date.",
        "Line 4: “ten pounds” is not an amount of money.",
        "Line 6: the date is blank.",
        "Line 7: the amount is blank.",
    ]


def test_a_repeated_header_from_pasted_downloads_is_not_a_problem() -> None:
    data = (
        b"Date,Description,Amount\r\n01/03/2026,A,1.00\r\nDate,Description,Amount\r\n02/03/2026,B,-2.00\r\n"
    )
    statement = parse_statement(data, "x.csv")
    assert table(statement) == [("2026-03-01", "A", "1.00"), ("2026-03-02", "B", "-2.00")]
    assert statement.problems == []


def test_quoted_commas_newlines_and_cr_only_line_endings() -> None:
    data = b'Date;Description;Amount\r01/03/2026;"Shop, London";-3.50\r02/03/2026;"Two\rlines";1.00\r'
    statement = parse_statement(data, "x.csv")
    assert table(statement) == [("2026-03-01", "Shop, London", "-3.50"), ("2026-03-02", "Two lines", "1.00")]


def test_an_unclosed_quote_that_swallows_the_file_is_named() -> None:
    data = b'Date,Description,Amount\n01/03/2026,"unclosed,1.00\n' + b"x" * 140_000 + b"\n"
    with pytest.raises(DomainError) as caught:
        parse_statement(data, "x.csv")
    assert str(caught.value) == (
        "The file could not be read as CSV: a quotation mark opened near line 2 is never closed."
    )


def test_utf16_text_from_excel_is_accepted() -> None:
    data = "Date\tDescription\tAmount\r\n05/03/2026\tCafé £ test\t-4.20\r\n".encode("utf-16")
    statement = parse_statement(data, "x.txt")
    assert table(statement) == [("2026-03-05", "Café £ test", "-4.20")]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("Statement for Church, London\na;b;c\n1;2,5;3\n4;5;6\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
    ],
)
def test_delimiter_is_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_american_dates_refuse_the_whole_file_rather_than_misdate_it() -> None:
    data = b"Date,Description,Amount\n01/02/2026,A,1.00\n01/31/2026,B,2.00\n"
    with pytest.raises(DomainError) as caught:
        parse_statement(data, "us.csv")
    assert str(caught.value) == (
        "Line 3 has the date “01/31/2026”, which is written month first, so this file uses "
        "American dates; import it again with the date format %m/%d/%Y."
    )
    statement = parse_statement(data, "us.csv", date_format="%m/%d/%Y")
    assert [line.day.isoformat() for line in statement.lines] == ["2026-01-02", "2026-01-31"]


def test_closing_balance_follows_the_running_balance_not_the_file_order() -> None:
    # Same-day lines listed newest first: dates cannot tell the order, the balances can.
    data = b"Date,Description,Amount,Balance\n05/03/2026,B,-5.00,90.00\n05/03/2026,A,-5.00,95.00\n"
    assert parse_statement(data, "x.csv").closing_balance == Money(9000)


def test_a_headerless_file_with_no_recognisable_shape_asks_for_a_mapping() -> None:
    with pytest.raises(DomainError) as caught:
        parse_statement(b"alpha,beta\ngamma,delta\n", "x.csv")
    assert str(caught.value) == (
        "PA Manager cannot tell which columns hold the date, description and amount "
        "(the columns are: alpha, beta); choose a preset or map the columns yourself."
    )
