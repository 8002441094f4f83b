"""Turning a downloaded file's bytes into text, or refusing it with one plain sentence.

Banks write CSV in UTF-8 (often with a byte-order mark, which Excel adds) or in Windows-1252,
where "£" is the single byte 0xA3. UTF-8 is tried first because it is strict: Windows-1252 text
with a "£" almost never happens to be valid UTF-8, while every byte string "decodes" as 1252.
Excel's "Unicode text" is UTF-16 with a mark, so that is accepted too.
"""

from __future__ import annotations

import os
from pathlib import Path

from pa_manager.domain.errors import DomainError
from pa_manager.importers.model import MAX_STATEMENT_BYTES

# C0 control characters other than tab, newline, carriage return and form feed never appear in
# a real statement. Random bytes decode to roughly one in eight of them, so a small share is a
# reliable sign of a binary file that happened to decode as Windows-1252.
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f"}
_SAMPLE_CHARS = 65_536


def _size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def check_size(size: int) -> None:
    """Refuse an empty or oversized file before anything is read or parsed."""
    if size == 0:
        raise DomainError("The file is empty, so there is nothing to import.")
    if size >= MAX_STATEMENT_BYTES:
        raise DomainError(
            f"The file is {_size_text(size)}, and statements of 50 MB or more are refused; "
            "download a shorter date range instead."
        )


def read_statement_file(path: str | os.PathLike[str]) -> bytes:
    """Read a statement from disk, checking its size first so a huge file is never loaded."""
    target = Path(path)
    try:
        size = target.stat().st_size
    except FileNotFoundError:
        raise DomainError(f"There is no file at {target}.") from None
    except OSError as exc:
        raise DomainError(f"The file {target} could not be opened ({exc.strerror}).") from None
    if target.is_dir():
        raise DomainError(f"{target} is a folder, not a statement file.")
    check_size(size)
    try:
        return target.read_bytes()
    except OSError as exc:
        raise DomainError(f"The file {target} could not be read ({exc.strerror}).") from None


def refuse_known_binary(data: bytes) -> None:
    """Name the common wrong downloads (PDF, Excel) rather than calling them junk."""
    if data.startswith(b"%PDF"):
        raise DomainError(
            "This is a PDF statement, which cannot be imported; download your transactions "
            "as CSV, OFX or QIF from online banking instead."
        )
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DomainError(
            "This is an Excel workbook, not a CSV file; open it in a spreadsheet and save it "
            "as CSV, or download CSV from online banking instead."
        )


def decode_statement(data: bytes) -> str:
    """Decode bytes as UTF-16 (with mark), UTF-8 (with or without mark) or Windows-1252.

    Raises DomainError for empty, oversized or binary input. Newlines are left as they are:
    the csv module copes with all three conventions.
    """
    check_size(len(data))
    refuse_known_binary(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _junk() from None
    else:
        if b"\x00" in data:
            raise _junk()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                # 1252 leaves five bytes undefined; hitting one means this is not text at all.
                raise _junk() from None
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for ch in sample if ch in _CONTROL)
    if controls > max(2, len(sample) // 200):
        raise _junk()
    if not text.strip():
        raise DomainError("The file holds only blank lines, so there is nothing to import.")
    return text


def _junk() -> DomainError:
    return DomainError(
        "The file is not a text statement (it holds binary data); choose the CSV, OFX or QIF "
        "file you downloaded from your bank."
    )
