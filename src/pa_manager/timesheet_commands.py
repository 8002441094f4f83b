"""`pa-manager timesheets BOOK --pa NAME --from D --to D [--json]`: what a PA's shifts come to.

Reads the book (nothing is written): hours by shift type and by rate, gross pay and holiday accrued
for the shifts starting between the two dates. Money is printed as decimal strings ("123.45"),
hours with two decimal places.

The shared helpers (opening a book, reading dates, the passphrase options) are in `command_args`.
"""

from __future__ import annotations

import argparse
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from pa_manager import command_args
from pa_manager.domain.timesheets import PayKind
from pa_manager.services import people, timesheets
from pa_manager.services.errors import BookError

MAX_DAYS = 3700  # about ten years: a longer range is almost certainly a typing mistake


def _hours(minutes: int) -> str:
    return str((Decimal(minutes) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP))


def cmd_timesheets(ns: argparse.Namespace) -> int:
    """Hours by shift type and by rate, gross pay and holiday accrued for one PA between two dates."""
    first = command_args._date(ns.date_from, "--from")
    last = command_args._date(ns.date_to, "--to")
    if first is None or last is None:  # argparse requires both; kept for the type checker
        raise BookError("Give both --from and --to.")
    if last < first:
        raise BookError("--to is before --from; give the earlier date first.")
    if (last - first).days > MAX_DAYS:
        raise BookError("That range is more than ten years; give a shorter one.")
    book = command_args._open(ns)
    try:
        pa_id = people.find_pa(book, ns.pa)
        name = people.get_pa(book, pa_id).name
        totals = timesheets.totals_between(book, pa_id, first, last)
    finally:
        book.close()
    data = timesheets_json(name, first.isoformat(), last.isoformat(), totals)
    print(json.dumps(data, indent=2) if ns.json else _text(data))
    return 0


def timesheets_json(name: str, first: str, last: str, totals: timesheets.Totals) -> dict[str, Any]:
    pay = totals.pay
    by_rate: dict[str, dict[str, Any]] = {}
    for line in pay.lines:
        entry: dict[str, Any] = {"rate": line.rate.decimal_str(), "amount": line.amount.decimal_str()}
        if line.kind is PayKind.SLEEP_IN:
            entry["nights"] = line.nights
        else:
            entry["hours"] = _hours(line.minutes)
        by_rate[line.kind.value] = entry
    return {
        "pa": name,
        "from": first,
        "to": last,
        "hours_by_shift_type": {kind.value: _hours(m) for kind, m in totals.minutes_by_type.items()},
        "hours_by_rate": by_rate,
        "hours_worked": _hours(pay.worked_minutes),
        "sleep_in_nights": pay.sleep_in_nights,
        "holiday_taken_hours": _hours(pay.holiday_minutes),
        "sickness_hours": _hours(pay.sickness_minutes),
        "gross_pay": pay.gross.decimal_str(),
        "holiday_accrued_hours": str(totals.holiday_accrued),
        "minimum_wage": totals.minimum_wage_note,
    }


def _text(data: dict[str, Any]) -> str:
    lines = [f"{data['pa']}: shifts from {data['from']} to {data['to']}", "Hours by shift type:"]
    lines += [f"  {kind}: {hours}" for kind, hours in data["hours_by_shift_type"].items()]
    lines.append("Pay by rate:")
    for kind, e in data["hours_by_rate"].items():
        amount = f"{e['nights']} nights" if "nights" in e else f"{e['hours']} hours"
        lines.append(f"  {kind}: {amount} at £{e['rate']} = £{e['amount']}")
    lines.append(f"Gross pay: £{data['gross_pay']}")
    lines.append(f"Holiday accrued: {data['holiday_accrued_hours']} hours")
    return "\n".join(lines)


def timesheets_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("--pa", required=True, help="the PA's name (a unique start of it will do)")
    p.add_argument("--from", dest="date_from", required=True, help="first day, e.g. 2026-04-06")
    p.add_argument("--to", dest="date_to", required=True, help="last day, e.g. 2026-04-12")
    p.add_argument("--json", action="store_true")
    command_args._passphrase_args(p)


ENTRY = (cmd_timesheets, timesheets_args)
