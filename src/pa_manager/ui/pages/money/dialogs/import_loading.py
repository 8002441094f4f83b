"""Reading a statement file for the import dialog, on the worker thread.

`load_statement` previews the file with the columns chosen (or the ones remembered for the
account); when it cannot be read it says why and also fetches the file's first rows, so the
column-mapping dialog can show them. The result is made on the worker and read on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pa_manager.importers import CsvTable
from pa_manager.services import statements
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.statements import ImportPreview, Mapping


@dataclass(frozen=True, slots=True)
class LoadedStatement:
    """What the worker found out about the file (made on the worker, read on the GUI thread)."""

    preview: ImportPreview | None
    table: CsvTable | None
    error: str
    remembered: Mapping | None


def load_statement(book: Book, path: Path, account: str | None, mapping: Mapping | None) -> LoadedStatement:
    """Worker: preview the file; if it cannot be read, say why and fetch its first rows."""
    remembered = statements.remembered_mapping(book, account)
    chosen = mapping or Mapping()
    try:
        preview = statements.preview_file(
            book,
            path,
            account=account,
            preset=chosen.preset,
            columns=chosen.columns,
            date_format=chosen.date_format,
        )
    except BookError as err:
        error = str(err)
        preview = None
    else:
        error = ""
    try:
        table = statements.read_table(path)
    except BookError:
        table = None
    return LoadedStatement(preview, table, error, remembered)
