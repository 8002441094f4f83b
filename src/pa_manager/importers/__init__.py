"""Bank and card statement importers: bytes of a downloaded file in, `ParsedStatement` out.

This package only parses. It never touches the book: matching lines to the ledger, skipping
ones already imported (by `bank_id`, else by `assign_fingerprints`) and writing are the
services' job. It may import `pa_manager.domain` and its parsing libraries, nothing else.

Formats: CSV (presets for UK banks and prepaid cards, or a `ColumnMap`), OFX/QFX via ofxtools,
QIF, and Santander's TXT download. Start with `parse_statement`.
"""

from pa_manager.importers.columns import ColumnMap
from pa_manager.importers.decoding import read_statement_file
from pa_manager.importers.detect import parse_statement
from pa_manager.importers.fingerprints import assign_fingerprints, fingerprint, normalise_description
from pa_manager.importers.model import MAX_STATEMENT_BYTES, ParsedStatement, StatementLine
from pa_manager.importers.presets import PRESETS, Preset, detect_preset, get_preset, guess_columns
from pa_manager.importers.table import CsvTable, csv_table, mapping_fits

__all__ = [
    "MAX_STATEMENT_BYTES",
    "PRESETS",
    "ColumnMap",
    "CsvTable",
    "ParsedStatement",
    "Preset",
    "StatementLine",
    "assign_fingerprints",
    "csv_table",
    "detect_preset",
    "fingerprint",
    "get_preset",
    "guess_columns",
    "mapping_fits",
    "normalise_description",
    "parse_statement",
    "read_statement_file",
]
