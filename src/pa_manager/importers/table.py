"""A CSV statement as a plain table, for the column-mapping dialog to show and choose from."""

from __future__ import annotations

from dataclasses import dataclass

from pa_manager.domain.errors import DomainError
from pa_manager.importers.columns import ColumnMap, missing_headers
from pa_manager.importers.csv_import import likely_header_index, read_rows
from pa_manager.importers.decoding import check_size, decode_statement, refuse_known_binary
from pa_manager.importers.ofx_import import looks_like_ofx
from pa_manager.importers.presets import get_preset
from pa_manager.importers.qif_import import looks_like_qif

SAMPLE_ROWS = 8
HEADER_LINES = 30  # banks put a few lines of account details above the header


@dataclass(frozen=True, slots=True)
class CsvTable:
    """The header row a person would recognise and the first rows under it."""

    header: list[str]
    sample: list[list[str]]


def csv_table(data: bytes) -> CsvTable | None:
    """The file's header and first rows if it is a CSV; None for OFX and QIF (no mapping needed).

    Raises DomainError for what cannot be read at all (binary junk, too large, empty).
    """
    check_size(len(data))
    refuse_known_binary(data)
    if looks_like_ofx(data):
        return None
    text = decode_statement(data)
    if looks_like_qif(text):
        return None
    rows = read_rows(text)
    index = likely_header_index(rows)
    header = rows[index][1] if rows else []
    sample = [cells for _, cells in rows[index + 1 : index + 1 + SAMPLE_ROWS]]
    return CsvTable(header, sample)


def mapping_fits(data: bytes, preset: str | None, columns: ColumnMap | None) -> bool:
    """Whether a CSV's header (in its first rows) has the columns a preset or mapping names.

    A quick look before a full parse, so a remembered mapping that belongs to another bank's
    files is skipped without reading the whole statement. True when it cannot tell (headerless
    or numbered layouts), leaving the full parse to decide.
    """
    maps = get_preset(preset).maps if preset else ((columns,) if columns else ())
    if not maps or any(m.positional for m in maps) or (preset and get_preset(preset).headerless):
        return True
    try:
        head = "\n".join(decode_statement(data).splitlines()[:HEADER_LINES])
    except DomainError:
        return True
    rows = [cells for _, cells in read_rows(head)]
    return any(not missing_headers(cells, m) for m in maps for cells in rows)
