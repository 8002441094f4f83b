"""Every built-in preset against a hand-written export in its layout: dates, signs and amounts."""

from __future__ import annotations

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers import PRESETS, detect_preset, get_preset
from tests.importers.helpers import parse_sample, table


def test_barclays_signed_amounts_newest_first() -> None:
    statement = parse_sample("barclays.csv")
    assert statement.preset == "barclays"
    assert table(statement) == [
        ("2026-01-28", "J SMITH PA WAGES WK4 BGC", "-180.00"),
        ("2026-01-21", "J SMITH PA WAGES WK3 BGC", "-180.00"),
        ("2026-01-14", "TESCO STORES 3021 ON 13 JAN BCC", "-12.50"),
        ("2026-01-02", "SURREY COUNTY COUNCIL DIRECT PAYMENT", "1450.00"),
    ]
    assert statement.account_hint == "20-00-00 12345678"
    assert statement.closing_balance is None  # Barclays' export has no balance column
    assert (statement.first_day.isoformat(), statement.last_day.isoformat()) == ("2026-01-02", "2026-01-28")  # type: ignore[union-attr]


def test_lloyds_with_bom_split_columns_and_two_identical_lines_on_one_day() -> None:
    statement = parse_sample("lloyds.csv")
    assert statement.preset == "lloyds"
    assert table(statement) == [
        ("2026-01-02", "CUMBRIA CC DP JAN", "1200.00"),
        ("2026-01-09", "A JONES PA", "-150.00"),
        ("2026-01-09", "A JONES PA", "-150.00"),
        ("2026-01-15", "HMRC PAYE", "-42.60"),
    ]
    assert [line.balance for line in statement.lines][-1] == Money(110740)
    assert statement.closing_balance == Money(110740)
    assert statement.account_hint == "02344812"
    assert [line.line_number for line in statement.lines] == [2, 3, 4, 5]


def test_natwest_named_month_dates_apostrophes_and_a_blank_first_line() -> None:
    statement = parse_sample("natwest.csv")
    assert statement.preset == "natwest"
    assert table(statement) == [
        ("2026-01-05", "NORFOLK CC , DIRECT PAYMENT", "1000.00"),
        ("2026-01-12", "HMRC , PAYE REF 123", "-38.40"),
        ("2026-01-19", "K BROWN , PA WAGES", "-210.00"),
    ]
    assert statement.closing_balance == Money(160185)
    assert statement.account_hint == "DP ACCOUNT"


def test_nationwide_windows_1252_pound_signs_and_preamble() -> None:
    statement = parse_sample("nationwide_cp1252.csv")
    assert statement.preset == "nationwide"
    assert table(statement) == [
        ("2026-01-02", "Transfer from LEEDS CC DIRECT PAYMENT JAN", "1200.00"),
        ("2026-01-10", "Payment to M PATEL PA WAGES", "-240.00"),
        ("2026-01-20", "Direct debit HMRC", "-50.00"),
    ]
    assert statement.account_hint == "DP Flex Account ****12345"
    assert statement.closing_balance == Money(116000)
    assert [line.line_number for line in statement.lines] == [6, 7, 8]


def test_nationwide_midata_signed_pounds_and_footer_line_skipped() -> None:
    statement = parse_sample("nationwide_midata.csv")
    assert statement.preset == "nationwide-midata"
    assert table(statement) == [
        ("2026-01-19", "Visa purchase CARE SUPPLIES LTD GB", "-52.00"),
        ("2026-01-10", "Transfer from BRISTOL CITY COUNCIL DIRECT PAYMENT", "1200.00"),
    ]
    assert statement.problems == []
    assert statement.closing_balance == Money(114800)  # newest first, found from the balances


def test_monzo_uses_transaction_ids_as_bank_ids() -> None:
    statement = parse_sample("monzo.csv")
    assert statement.preset == "monzo"
    assert table(statement) == [
        ("2026-01-02", "Devon County Council", "950.00"),
        ("2026-01-09", "Sam Taylor", "-165.00"),
        ("2026-01-11", "Boots", "-8.99"),
    ]
    assert [line.bank_id for line in statement.lines] == [
        "tx_0000AbCdEf01",
        "tx_0000AbCdEf02",
        "tx_0000AbCdEf03",
    ]


def test_starling_joins_counter_party_and_reference() -> None:
    statement = parse_sample("starling.csv")
    assert statement.preset == "starling"
    assert table(statement) == [
        ("2026-01-01", "Hampshire County Council DIRECT PAYMENT JAN", "1100.00"),
        ("2026-01-08", "Chris Evans PA WAGES WK1", "-175.00"),
        ("2026-01-15", "Chris Evans PA WAGES WK2", "-175.00"),
    ]
    assert statement.closing_balance == Money(105000)


def test_hsbc_file_without_a_header_row() -> None:
    expected = [
        ("2026-01-30", "KENT COUNTY COUNCIL DP", "1000.00"),
        ("2026-01-23", "L GREEN PA WAGES", "-200.00"),
        ("2026-01-16", "L GREEN PA WAGES", "-200.00"),
    ]
    named = parse_sample("hsbc.csv", preset="hsbc")
    assert named.preset == "hsbc" and table(named) == expected
    assert [line.line_number for line in named.lines] == [1, 2, 3]
    recognised = parse_sample("hsbc.csv")  # found from the data's shape, not claimed as HSBC
    assert recognised.preset == "headerless" and table(recognised) == expected


@pytest.mark.parametrize(
    ("name", "preset", "expected"),
    [
        (
            "allpay.csv",
            "allpay",
            [
                ("2026-01-03", "LOAD FROM WILTSHIRE COUNCIL", "800.00"),
                ("2026-01-10", "BANK TRANSFER TO R KHAN", "-160.00"),
                ("2026-01-17", "CARE AGENCY LTD", "-95.50"),
            ],
        ),
        (
            "pfs.csv",
            "pfs",
            [
                ("2026-01-04", "Card Load - West Berkshire Council", "700.00"),
                ("2026-01-11", "Payment - T Okafor", "-140.00"),
            ],
        ),
        (
            "eml.csv",
            "eml",
            [("2026-01-05", "Funds loaded", "650.00"), ("2026-01-12", "Faster Payment to P Lee", "-130.00")],
        ),
    ],
)
def test_prepaid_card_presets_map_common_column_names(
    name: str, preset: str, expected: list[tuple[str, str, str]]
) -> None:
    # These layouts are assumed (no published export found), so the samples are guesses too:
    # what is tested is that each provider's preset reads the usual column names correctly.
    statement = parse_sample(name, preset=preset)
    assert statement.preset == preset
    assert table(statement) == expected
    assert statement.closing_balance == statement.lines[-1].balance


def test_prepaid_presets_are_never_claimed_automatically() -> None:
    statement = parse_sample("allpay.csv")
    assert statement.preset is None  # read by common names, but not labelled allpay
    assert len(statement.lines) == 3


def test_every_confirmed_preset_is_detected_from_its_own_signature() -> None:
    confirmed = [preset for preset in PRESETS if preset.confirmed]
    assert len(confirmed) >= 6
    for preset in confirmed:
        assert detect_preset(list(preset.signature)) is preset, preset.name
        assert preset.source


def test_unconfirmed_presets_say_so_in_their_source() -> None:
    for preset in PRESETS:
        if not preset.confirmed:
            assert any(word in preset.source for word in ("Not confirmed", "assumed")), preset.name
    names = {preset.name for preset in PRESETS}
    assert {"allpay", "pfs", "eml"} <= names


def test_presets_are_found_by_alias_and_unknown_names_are_listed() -> None:
    assert get_preset("Halifax").name == "lloyds"
    assert get_preset("bank_of_scotland").name == "lloyds"
    assert get_preset("RBS").name == "natwest"
    with pytest.raises(DomainError) as caught:
        get_preset("Bank of Narnia")
    assert "There is no preset called “Bank of Narnia”" in str(caught.value)
    assert "barclays" in str(caught.value) and "allpay" in str(caught.value)


def test_a_preset_that_does_not_fit_the_file_names_the_missing_column() -> None:
    with pytest.raises(DomainError) as caught:
        parse_sample("barclays.csv", preset="lloyds")
    message = str(caught.value)
    assert message.startswith("The file has no columns called “Transaction Date”")
    assert "(the Lloyds, Halifax or Bank of Scotland layout)" in message
    assert message.endswith("Its columns are: Number, Date, Account, Amount, Subcategory, Memo.")


def test_detect_preset_ignores_unknown_headers() -> None:
    assert detect_preset(["Date", "Description", "Amount"]) is None
    assert detect_preset(["when", "what"]) is None
