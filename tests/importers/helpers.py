"""Helpers for the importer tests: sample files by name, parsed through the public entry point."""

from __future__ import annotations

from pathlib import Path

from pa_manager.importers import ColumnMap, ParsedStatement, parse_statement

SAMPLES = Path(__file__).parent / "samples"


def sample_bytes(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def parse_sample(
    name: str,
    *,
    preset: str | None = None,
    columns: ColumnMap | None = None,
    date_format: str | None = None,
) -> ParsedStatement:
    return parse_statement(sample_bytes(name), name, preset=preset, columns=columns, date_format=date_format)


def table(statement: ParsedStatement) -> list[tuple[str, str, str]]:
    """Lines as (ISO date, description, pounds) for compact, readable assertions."""
    return [(line.day.isoformat(), line.description, line.amount.decimal_str()) for line in statement.lines]
