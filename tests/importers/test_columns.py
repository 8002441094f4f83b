"""ColumnMap: the --columns text, and what a mapping must and must not say."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.importers import ColumnMap
from pa_manager.importers.columns import missing_headers, resolve


def test_parse_reads_the_cli_form() -> None:
    columns = ColumnMap.parse("date=Posted,description=Details,paid_in=Money In,paid_out=Money Out")
    assert columns == ColumnMap(
        date="Posted", description="Details", paid_in="Money In", paid_out="Money Out"
    )
    assert columns.sign_convention == "split"
    assert ColumnMap.parse(columns.spec()) == columns


def test_parse_takes_amount_balance_id_and_negate_with_loose_key_spelling() -> None:
    columns = ColumnMap.parse(
        " Date = Posted , DESCRIPTION=Details, amount=Value, balance=Bal, bank-id=Ref, negate=yes"
    )
    assert columns.amount == "Value" and columns.balance == "Bal" and columns.bank_id == "Ref"
    assert columns.negate and columns.sign_convention == "inverted"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "date=Posted,description=Details,amount=Amt,colour=Blue",
            "“colour” is not something a column can hold",
        ),
        ("description=Details,amount=Amt", "has no date"),
        ("date=Posted,amount=Amt", "has no description"),
        ("date=Posted,description=Details", "needs an amount column, or paid_in and paid_out"),
        (
            "date=Posted,description=Details,amount=A,paid_in=B",
            "either one amount column or paid_in/paid_out",
        ),
        ("date=Posted,description=Details,amount", "has no “=”"),
        ("date=Posted,date=Other,description=D,amount=A", "names date twice"),
        ("date=,description=D,amount=A", "gives date no column name"),
        ("date=1,description=Details,amount=3", "not a mixture"),
        ("date=Posted,description=D,amount=A,negate=perhaps", "negate in a column mapping is yes or no"),
    ],
)
def test_bad_mappings_are_refused_with_one_sentence(text: str, message: str) -> None:
    with pytest.raises(DomainError) as caught:
        ColumnMap.parse(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")


def test_headers_match_without_case_spacing_or_colon() -> None:
    header = ["  transaction DATE ", "Details:", "Money\u00a0 In"]
    assert resolve(header, "Transaction Date") == [0]
    assert resolve(header, "details") == [1]
    assert resolve(header, "money in") == [2]


def test_plus_joins_columns_but_a_header_containing_plus_still_matches_whole() -> None:
    assert resolve(["Date", "Counter Party", "Reference"], "Counter Party+Reference") == [1, 2]
    assert resolve(["Date", "Fee+VAT"], "Fee+VAT") == [1]
    assert missing_headers(
        ["Date", "Counter Party"],
        ColumnMap.parse("date=Date,description=Counter Party+Reference,amount=Amount"),
    ) == ["Reference", "Amount"]


def test_column_numbers_address_a_file_without_a_header() -> None:
    columns = ColumnMap.parse("date=1,description=2,amount=3")
    assert columns.positional
    assert resolve(["a", "b", "c"], columns.amount or "") == [2]
    with pytest.raises(DomainError, match="start at 1"):
        ColumnMap.parse("date=0,description=2,amount=3")
