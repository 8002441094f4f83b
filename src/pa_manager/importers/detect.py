"""One entry point for every statement format: look at the bytes, pick the parser.

Content decides, not the file name, because downloads get renamed ("statement (3).csv") and
some banks label QIF as .txt. The extension is only used to give a better message when the
content disagrees with it.
"""

from __future__ import annotations

from pathlib import PurePath

from pa_manager.domain.errors import DomainError
from pa_manager.importers.columns import ColumnMap
from pa_manager.importers.csv_import import parse_csv
from pa_manager.importers.decoding import check_size, decode_statement, refuse_known_binary
from pa_manager.importers.model import ParsedStatement
from pa_manager.importers.ofx_import import looks_like_ofx, parse_ofx
from pa_manager.importers.presets import get_preset
from pa_manager.importers.qif_import import looks_like_qif, parse_qif
from pa_manager.importers.santander_txt import looks_like_santander_txt, parse_santander_txt


def parse_statement(
    data: bytes,
    filename: str,
    *,
    preset: str | None = None,
    columns: ColumnMap | None = None,
    date_format: str | None = None,
) -> ParsedStatement:
    """Parse a downloaded statement (CSV, OFX/QFX, QIF or Santander TXT) held in memory.

    `preset`, `columns` and `date_format` steer CSV files (`date_format` also QIF); OFX dates
    have one fixed form, so they are ignored there. Raises DomainError, with one sentence for
    the person, when the file cannot be read at all; nothing is half-returned.
    """
    chosen = get_preset(preset) if preset else None  # a mistyped name fails before any parsing
    check_size(len(data))
    refuse_known_binary(data)
    suffix = PurePath(filename).suffix.lower()
    if looks_like_ofx(data):
        return parse_ofx(data)
    text = decode_statement(data)
    if looks_like_qif(text):
        return parse_qif(text, date_format=date_format)
    if suffix in (".ofx", ".qfx", ".qif"):
        kind = "QIF" if suffix == ".qif" else "OFX"
        raise DomainError(
            f"The file is named {suffix} but holds no {kind} data; download the statement again "
            "or choose the file your bank saved."
        )
    if looks_like_santander_txt(text):
        return parse_santander_txt(text)
    return parse_csv(text, columns=columns, preset=chosen, date_format=date_format)
