"""Keep text from being run as a spreadsheet formula (CSV/formula injection).

A payee typed or imported as "=HYPERLINK(...)" or "+cmd|' /C calc'!A0" would be run by Excel or
LibreOffice when the council opens the export. Text starting with = + - @ (or a tab or carriage
return, which some programs skip before looking) gets a leading apostrophe in CSV, the usual
defence; in XLSX the cell is written as a plain string, which spreadsheets never evaluate.
"""

from __future__ import annotations

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def risky(text: str) -> bool:
    return text.startswith(DANGEROUS)


def csv_text(text: str) -> str:
    """Text for a CSV cell: inert when it starts like a formula."""
    return "'" + text if risky(text) else text
