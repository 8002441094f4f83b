"""CSV statements: delimiter, header row, column mapping, then one `StatementLine` per row.

The layout comes from, in order: an explicit `ColumnMap`, a named preset, a preset recognised
from the header row, common header names, or, for a file with no header row at all, the shape
of its data (date, description, amount). Banks put account details above the header
(Nationwide), so the header is the first row that holds every mapped column, not row one.

A row with a bad date or amount becomes a problem naming its line and the rest still import.
If the mapped columns are missing, or no row at all can be read, the whole file is refused.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from pa_manager.domain.errors import DomainError
from pa_manager.domain.money import Money
from pa_manager.importers.columns import ColumnMap, missing_headers, norm_header, resolve
from pa_manager.importers.model import ParsedStatement, StatementLine, finish
from pa_manager.importers.presets import HEADERLESS, Preset, detect_preset, guess_columns
from pa_manager.importers.values import (
    MonthFirstError,
    ValueProblemError,
    check_date_format,
    clean_cell,
    parse_amount,
    parse_day,
    parse_pence,
)

_DELIMITERS = (",", ";", "\t")
_EDGE = frozenset(" \t\r\n\u00a0'")  # cells starting or ending with one of these need cleaning
_SNIFF_LINES = 60
_HEADER_SEARCH_ROWS = 200  # no bank puts more than a handful of lines above its header
_MAX_PROBLEMS = 200
_ACCOUNT_LABELS = {"account name", "account number", "account", "account no", "account no."}

Row = tuple[int, list[str]]  # (line number of the row's first physical line, cleaned cells)


@dataclass(frozen=True, slots=True)
class _Layout:
    """A mapping fixed to one file: column indexes and where the data starts."""

    columns: ColumnMap
    preset: Preset | None
    header_index: int | None  # index into rows of the header row; None for a headerless file
    header: list[str]
    date_cols: list[int]
    text_cols: list[int]
    amount_cols: list[int] | None
    in_cols: list[int] | None
    out_cols: list[int] | None
    balance_cols: list[int] | None
    id_cols: list[int] | None


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the most lines into the same number of fields."""
    sample = [line for line in text[:65_536].splitlines()[:_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts = Counter(len(cells) for cells in csv.reader(sample, delimiter=delimiter))
        counts.pop(1, None)
        counts.pop(0, None)
        if not counts:
            continue
        width, lines = max(counts.items(), key=lambda item: (item[1], item[0]))
        if (lines, width) > best_score:
            best, best_score = delimiter, (lines, width)
    return best


def read_rows(text: str) -> list[Row]:
    """Every non-blank row with its starting line number; cells trimmed of spaces and apostrophes."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: list[Row] = []
    line_before = 0
    try:
        for cells in reader:
            start = line_before + 1
            line_before = reader.line_num
            cleaned = [
                cell if not cell or (cell[0] not in _EDGE and cell[-1] not in _EDGE) else clean_cell(cell)
                for cell in cells
            ]
            if any(cleaned):
                rows.append((start, cleaned))
    except csv.Error:
        # With strict off, the csv module only gives up when a quoted cell runs on for more than
        # 128 KB, which is an unclosed quote (or not a CSV file at all).
        raise DomainError(
            f"The file could not be read as CSV: a quotation mark opened near line {line_before + 1} "
            "is never closed."
        ) from None
    return rows


def _indexes(header: list[str], wanted: str | None) -> list[int] | None:
    return None if wanted is None else resolve(header, wanted)


def _layout(
    columns: ColumnMap, preset: Preset | None, header_index: int | None, header: list[str]
) -> _Layout:
    def required(wanted: str) -> list[int]:
        found = resolve(header, wanted)
        assert found is not None  # the caller checked every mapped column is present
        return found

    return _Layout(
        columns=columns,
        preset=preset,
        header_index=header_index,
        header=header,
        date_cols=required(columns.date),
        text_cols=required(columns.description),
        amount_cols=_indexes(header, columns.amount),
        in_cols=_indexes(header, columns.paid_in),
        out_cols=_indexes(header, columns.paid_out),
        balance_cols=_indexes(header, columns.balance),
        id_cols=_indexes(header, columns.bank_id),
    )


def _find_header(rows: list[Row], columns: ColumnMap) -> int | None:
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if not missing_headers(cells, columns):
            return index
    return None


def _likely_header(rows: list[Row], columns: ColumnMap | None = None) -> list[str]:
    """The row a person would call the header, to list in an error."""
    return rows[likely_header_index(rows, columns)][1] if rows else []


def likely_header_index(rows: list[Row], columns: ColumnMap | None = None) -> int:
    """Where the header a person would recognise is (0 when none stands out).

    That is the wordy row (no dates or amounts) holding most of the mapped columns, then the one
    with most cells, so a bank's "Account Name:" lines above the header are passed over.
    """
    best = 0
    best_score = (-1, -1)
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        filled = [cell for cell in cells if cell]
        if len(filled) < 2 or any(_is_date(cell) or _is_amount(cell) for cell in filled):
            continue
        matched = 0 if columns is None else len(columns.named()) - len(missing_headers(cells, columns))
        if (matched, len(filled)) > best_score:
            best, best_score = index, (matched, len(filled))
    return best


def _is_date(cell: str) -> bool:
    try:
        parse_day(cell)
    except ValueProblemError:
        return False
    return True


def _is_amount(cell: str) -> bool:
    try:
        return parse_amount(cell) is not None
    except ValueProblemError:
        return False


def _missing_error(rows: list[Row], columns: ColumnMap, preset: Preset | None) -> DomainError:
    header = _likely_header(rows, columns)
    missing = missing_headers(header, columns)
    have = ", ".join(cell for cell in header if cell) or "none that could be read"
    what = (
        f"no column called “{missing[0]}”"
        if len(missing) == 1
        else ("no columns called " + ", ".join(f"“{name}”" for name in missing))
    )
    layout = f" (the {preset.label} layout)" if preset is not None else ""
    return DomainError(f"The file has {what}{layout}. Its columns are: {have}.")


def _headerless_layout(rows: list[Row], preset: Preset) -> _Layout | None:
    width = max((len(cells) for _, cells in rows[:_SNIFF_LINES]), default=0)
    header = list(preset.headerless) + [""] * max(0, width - len(preset.headerless))
    columns = preset.maps[0]
    if missing_headers(header, columns):
        return None
    return _layout(columns, preset, None, header)


def _looks_headerless(rows: list[Row]) -> bool:
    """True when the first rows read as date, description, amount with no header above them."""
    sample = rows[:5]
    return bool(sample) and all(
        len(cells) >= 3
        and _is_date(cells[0])
        and cells[1]
        and not _is_amount(cells[1])
        and _is_amount(cells[2])
        for _, cells in sample
    )


def choose_layout(rows: list[Row], columns: ColumnMap | None, preset: Preset | None) -> _Layout:
    """Settle which columns mean what, or raise DomainError saying which column is missing."""
    if columns is not None and columns.positional:
        width = max((len(cells) for _, cells in rows[:_SNIFF_LINES]), default=0)
        if max(int(v) for v in columns.named().values()) > width:
            raise DomainError(f"The column mapping names a column number beyond the file's {width} columns.")
        return _layout(columns, preset, None, [str(i + 1) for i in range(width)])
    if columns is not None or (preset is not None and not preset.guess):
        candidates = [columns] if columns is not None else list(preset.maps if preset else ())
        for candidate in candidates:
            found = _find_header(rows, candidate)
            if found is not None:
                return _layout(candidate, preset, found, rows[found][1])
        if columns is None and preset is not None and preset.headerless:
            layout = _headerless_layout(rows, preset)
            if layout is not None:
                return layout
        raise _missing_error(rows, candidates[0], preset if columns is None else None)
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        detected = detect_preset(cells) if preset is None else None
        if detected is not None:
            for candidate in detected.maps:
                if not missing_headers(cells, candidate):
                    return _layout(candidate, detected, index, cells)
        guessed = guess_columns(cells)
        if guessed is not None:
            return _layout(guessed, preset, index, cells)
    if preset is None and _looks_headerless(rows):
        layout = _headerless_layout(rows, HEADERLESS)
        if layout is not None:
            return layout
    have = ", ".join(cell for cell in _likely_header(rows) if cell) or "none that could be read"
    raise DomainError(
        "PA Manager cannot tell which columns hold the date, description and amount "
        f"(the columns are: {have}); choose a preset or map the columns yourself."
    )


def _cell(cells: list[str], indexes: list[int]) -> str:
    if len(indexes) == 1:
        i = indexes[0]
        return cells[i] if i < len(cells) else ""
    # Joined columns often repeat each other (Nationwide's type column holds the payee too),
    # so a part already contained in another is dropped.
    parts: list[str] = []
    for i in indexes:
        value = cells[i] if i < len(cells) else ""
        if not value or any(value.casefold() in part.casefold() for part in parts):
            continue
        parts = [part for part in parts if part.casefold() not in value.casefold()] + [value]
    return " ".join(parts)


def _account_hint(rows: list[Row], layout: _Layout) -> str | None:
    above = rows[: layout.header_index] if layout.header_index is not None else []
    for _, cells in above:
        if len(cells) >= 2 and norm_header(cells[0]) in _ACCOUNT_LABELS and cells[1]:
            return cells[1]
    column = layout.preset.account_column if layout.preset else None
    indexes = resolve(layout.header, column) if column else None
    if indexes and layout.header_index is not None:
        for _, cells in rows[layout.header_index + 1 :]:
            if value := _cell(cells, indexes):
                return value
    return None


def _closing_balance(lines: list[StatementLine]) -> Money | None:
    """The balance after the latest line, whichever way round the bank listed them."""
    known = [line for line in lines if line.balance is not None]
    if not known:
        return None
    if len(known) == len(lines) and len(lines) >= 2:
        # Running balances say which end is newest better than dates do (many lines share a day).
        pence = [(line.balance.pence if line.balance else 0, line.amount.pence) for line in lines]
        forward = sum(1 for (ab, _), (bb, bm) in pairwise(pence) if ab + bm == bb)
        backward = sum(1 for (ab, am), (bb, _) in pairwise(pence) if bb + am == ab)
        if forward != backward:
            return lines[-1].balance if forward > backward else lines[0].balance
    return known[0].balance if known[0].day > known[-1].day else known[-1].balance


def _read_line(
    line_number: int,
    cells: list[str],
    layout: _Layout,
    date_format: str | None,
    day_cache: dict[str, date | str],
) -> StatementLine | str:
    """One row to a line, or the reason it was refused."""
    raw_day = _cell(cells, layout.date_cols)
    day = day_cache.get(raw_day)
    if day is None:
        try:
            day = parse_day(raw_day, date_format)
        except MonthFirstError as exc:
            raise exc.refusal(f"Line {line_number}") from None
        except ValueProblemError as exc:
            day = str(exc)
        day_cache[raw_day] = day
    if isinstance(day, str):
        return day
    try:
        if layout.amount_cols is not None:
            pence = parse_pence(_cell(cells, layout.amount_cols))
            if pence is None:
                return "the amount is blank"
        else:
            paid_in = parse_pence(_cell(cells, layout.in_cols)) if layout.in_cols else None
            paid_out = parse_pence(_cell(cells, layout.out_cols)) if layout.out_cols else None
            if paid_in is None and paid_out is None:
                return "both the paid-in and paid-out amounts are blank"
            # The column says which way the money went, so a bank's own minus sign is ignored.
            pence = abs(paid_in or 0) - abs(paid_out or 0)
    except ValueProblemError as exc:
        return str(exc)
    balance: Money | None = None
    if layout.balance_cols is not None:
        try:
            balance = parse_amount(_cell(cells, layout.balance_cols))
        except ValueProblemError:
            balance = None  # a bad balance does not make the transaction itself wrong
    bank_id = _cell(cells, layout.id_cols) if layout.id_cols is not None else ""
    return StatementLine(
        day=day,
        # Barclays pads its memos with runs of spaces to a fixed width; one space reads better.
        description=" ".join(_cell(cells, layout.text_cols).split()),
        amount=Money(-pence if layout.columns.negate else pence),
        balance=balance,
        bank_id=bank_id or None,
        line_number=line_number,
    )


def parse_csv(
    text: str,
    *,
    columns: ColumnMap | None = None,
    preset: Preset | None = None,
    date_format: str | None = None,
) -> ParsedStatement:
    """Parse decoded CSV text. Raises DomainError when the file as a whole cannot be read."""
    if date_format:
        check_date_format(date_format)
    rows = read_rows(text)
    if not rows:
        raise DomainError("The file holds only blank lines, so there is nothing to import.")
    layout = choose_layout(rows, columns, preset)
    date_format = date_format or (layout.preset.date_format if layout.preset else None)
    skip = tuple(norm_header(p) for p in (layout.preset.skip_prefixes if layout.preset else ()))
    header_key = [norm_header(cell) for cell in layout.header]
    start = layout.header_index + 1 if layout.header_index is not None else 0
    lines: list[StatementLine] = []
    problems: list[str] = []
    day_cache: dict[str, date | str] = {}
    seen_data = False
    for line_number, cells in rows[start:]:
        result = _read_line(line_number, cells, layout, date_format, day_cache)
        if isinstance(result, str):
            # Only rows that fail are checked for being a repeated header (two downloads pasted
            # together) or a known footer, which keeps the common path fast.
            if layout.header_index is not None and [norm_header(c) for c in cells] == header_key:
                continue
            if skip and norm_header(cells[0]).startswith(skip):
                continue
            if layout.header_index is None and not seen_data:
                continue  # lines above the first dated row of a headerless file are a preamble
            problems.append(f"Line {line_number}: {result}.")
            continue
        seen_data = True
        lines.append(result)
    if not lines:
        if problems:
            raise DomainError(
                f"No line of the file could be read; the first problem is on "
                f"{problems[0][0].lower()}{problems[0][1:-1]}."
            )
        raise DomainError("The file has column headings but no transactions under them.")
    if len(problems) > _MAX_PROBLEMS:
        extra = len(problems) - _MAX_PROBLEMS
        problems = [*problems[:_MAX_PROBLEMS], f"…and {extra} more lines that could not be read."]
    return finish(
        lines,
        closing_balance=_closing_balance(lines),
        account_hint=_account_hint(rows, layout),
        problems=problems,
        format="csv",
        preset=layout.preset.name if layout.preset else None,
    )
