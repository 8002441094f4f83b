"""Malformed input: one clear sentence, and no statement at all (so nothing can be written)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pa_manager.domain.errors import DomainError
from pa_manager.importers import MAX_STATEMENT_BYTES, ColumnMap, parse_statement, read_statement_file
from pa_manager.importers.decoding import check_size
from tests.importers.helpers import sample_bytes


def _refusal(data: bytes, name: str = "statement.csv", **options: object) -> str:
    with pytest.raises(DomainError) as caught:
        parse_statement(data, name, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message, message
    assert message.endswith("."), message
    assert message[0].isupper(), message
    return message


def test_missing_mapped_column_names_it_and_lists_the_files_columns() -> None:
    columns = ColumnMap.parse("date=Date,description=Description,paid_in=Money In,paid_out=Money Out")
    data = b"Date,Description,Amount\n01/03/2026,Shop,-3.50\n"
    assert _refusal(data, columns=columns) == (
        "The file has no columns called “Money In”, “Money Out”. Its columns are: Date, Description, Amount."
    )
    one = ColumnMap.parse("date=Date,description=Description,amount=Value")
    assert _refusal(data, columns=one) == (
        "The file has no column called “Value”. Its columns are: Date, Description, Amount."
    )


def test_missing_column_is_found_below_a_preamble() -> None:
    data = sample_bytes("nationwide_cp1252.csv")
    message = _refusal(data, columns=ColumnMap.parse("date=Date,description=Memo,amount=Paid out"))
    assert message == (
        "The file has no column called “Memo”. Its columns are: "
        "Date, Transaction type, Description, Paid out, Paid in, Balance."
    )


def test_every_date_bad_refuses_the_file_naming_the_first() -> None:
    data = b"Date,Description,Amount\n31/02/2026,A,1.00\n99/99/9999,B,2.00\n"
    assert _refusal(data) == (
        "No line of the file could be read; the first problem is on line 2: “31/02/2026” is not a real date."
    )


def test_text_in_every_amount_refuses_the_file() -> None:
    data = b"Date,Description,Amount\n01/03/2026,A,one pound\n02/03/2026,B,n/a\n"
    assert _refusal(data) == (
        "No line of the file could be read; the first problem is on line 2: "
        "“one pound” is not an amount of money."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty, so there is nothing to import."),
        (b"\r\n \r\n\t\r\n", "The file holds only blank lines, so there is nothing to import."),
        (b"\xef\xbb\xbf", "The file holds only blank lines, so there is nothing to import."),
        (b"Date,Description,Amount\r\n", "The file has column headings but no transactions under them."),
    ],
)
def test_empty_files(data: bytes, message: str) -> None:
    assert _refusal(data) == message


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_binary_junk(seed: int) -> None:
    junk = random.Random(seed).randbytes(4096)
    assert _refusal(junk).startswith("The file is not a text statement (it holds binary data)")


def test_binary_junk_without_nul_bytes_that_decodes_as_windows_1252() -> None:
    junk = bytes(b for b in random.Random(9).randbytes(8192) if b not in (0, 0x81, 0x8D, 0x8F, 0x90, 0x9D))
    assert _refusal(junk).startswith("The file is not a text statement")


def test_pdf_and_excel_downloads_are_named() -> None:
    assert _refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").startswith("This is a PDF statement")
    assert _refusal(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64, "x.xlsx").startswith(
        "This is an Excel workbook"
    )


@pytest.mark.parametrize(("suffix", "kind"), [(".ofx", "OFX"), (".QFX", "OFX"), (".qif", "QIF")])
def test_a_file_named_ofx_or_qif_that_holds_csv(suffix: str, kind: str) -> None:
    assert _refusal(sample_bytes("barclays.csv"), f"statement{suffix}") == (
        f"The file is named {suffix.lower()} but holds no {kind} data; download the statement "
        "again or choose the file your bank saved."
    )


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.truncate(50 * 1000 * 1000)  # sparse: no 50 MB written to the test disk
    with pytest.raises(DomainError) as caught:
        read_statement_file(big)
    assert str(caught.value) == (
        "The file is 50.0 MB, and statements of 50 MB or more are refused; "
        "download a shorter date range instead."
    )


def test_50_mb_in_memory_is_refused_too() -> None:
    message = _refusal(b"x" * MAX_STATEMENT_BYTES)
    assert message.startswith("The file is 50.0 MB")
    check_size(MAX_STATEMENT_BYTES - 1)  # just under the limit is allowed through


def test_reading_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="There is no file at"):
        read_statement_file(tmp_path / "nope.csv")
    with pytest.raises(DomainError, match="is a folder, not a statement file"):
        read_statement_file(tmp_path)
    good = tmp_path / "ok.csv"
    good.write_bytes(sample_bytes("barclays.csv"))
    assert read_statement_file(good) == sample_bytes("barclays.csv")


def test_a_mistyped_preset_fails_before_parsing() -> None:
    assert _refusal(sample_bytes("statement_v1.ofx"), "x.ofx", preset="lloyd").startswith(
        "There is no preset called “lloyd”"
    )


def test_a_bad_date_format_is_refused_up_front() -> None:
    assert _refusal(sample_bytes("barclays.csv"), date_format="%H:%M") == (
        "The date format “%H:%M” has no day or month or year in it; write it like %d/%m/%Y or %d-%b-%Y."
    )
