"""`pa-manager export-return BOOK --from D --to D --format pdf|csv|xlsx|pack --out PATH
[--template NAME] [--json]`.

Writes the council return for the period in the chosen format. With `--json` the return's figures
(opening, money in and out by category, closing, weeks held, surplus at risk, the council's lines)
are printed as JSON, money as decimal strings ("123.45"); without it, one line says what was saved
and what was still open. Without --from and --to the period is the next return due.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pa_manager import command_args
from pa_manager.services.errors import BookError


def run(args: list[str], parser_class: type[argparse.ArgumentParser]) -> int:
    """`pa-manager export-return ARGS`, called straight from `cli.main`."""
    parser = parser_class(prog="pa-manager export-return", description=cmd_export_return.__doc__)
    export_return_args(parser)
    return cmd_export_return(parser.parse_args(args))


def cmd_export_return(ns: argparse.Namespace) -> int:
    """Export the council return for a period as PDF, CSV, XLSX or an evidence pack (ZIP)."""
    from pa_manager.services import returns, returns_export

    start = command_args._date(ns.date_from, "--from")
    end = command_args._date(ns.date_to, "--to")
    if ns.format not in returns_export.FORMATS:
        raise BookError(f"--format: “{ns.format}” is not a format. Use pdf, csv, xlsx or pack.")
    book = command_args._open(ns)
    try:
        book.act_as_default()
        period = returns.period_for(book, start, end)
        result = returns_export.export_return(book, period.start, period.end, ns.format, ns.out, ns.template)
    finally:
        book.close()
    if ns.json:
        data = returns_export.json_figures(result.figures, result.template)
        data["file"] = str(result.path)
        data["open_items"] = list(result.open_items)
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        extra = f" with {result.documents} documents" if ns.format == "pack" else ""
        print(f"Saved the return for {period.label()} to {result.path}{extra}.")
        for item in result.open_items:
            print(f"  Still open: {item}")
    return 0


def export_return_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("--from", dest="date_from", help="first day, e.g. 2026-04-06 or 06/04/2026")
    p.add_argument("--to", dest="date_to", help="last day")
    p.add_argument("--format", required=True, help="pdf, csv, xlsx or pack (a ZIP evidence pack)")
    p.add_argument("--out", required=True, type=Path, help="the file to write")
    p.add_argument("--template", help="a council template's short name (default: generic)")
    p.add_argument("--json", action="store_true", help="print the return's figures as JSON")
    command_args._passphrase_args(p)
