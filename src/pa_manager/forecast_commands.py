"""`pa-manager forecast BOOK --months N [--json]`: the balance projected N months ahead.

Prints each month's money in and out and closing balance, and the first day the balance would
leave the council's allowed band. What-ifs are optional: `--extra-hours "NAME=10"` (repeatable),
`--new-pa 20@12.71` (hours a week @ hourly rate), `--wage-rise 4.1` (per cent, from next April).
Nothing is written to the book. Money in --json is decimal strings ("123.45").
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pa_manager import command_args
from pa_manager.domain.forecast import Forecast, NewPa, WhatIf
from pa_manager.domain.money import Money, MoneyError
from pa_manager.domain.people import long_date
from pa_manager.services.errors import BookError


def run(args: list[str], parser_class: type[argparse.ArgumentParser]) -> int:
    """`pa-manager forecast ARGS`, called from `cli.main`."""
    parser = parser_class(prog="pa-manager forecast", description=cmd_forecast.__doc__)
    forecast_args(parser)
    return cmd_forecast(parser.parse_args(args))


def cmd_forecast(ns: argparse.Namespace) -> int:
    """The balance month by month from the council schedule, planned pay and known bills."""
    from pa_manager.services.forecast import forecast  # SQLAlchemy loads only once the args are good

    what_if = _what_if(ns)
    book = command_args._open(ns)
    try:
        result = forecast(book, ns.months, what_if)
    finally:
        book.close()
    print(json.dumps(forecast_json(result), indent=2) if ns.json else _text(result))
    return 0


def _number(text: str, flag: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise BookError(f"{flag}: “{text}” is not a number.") from None
    if not value.is_finite():
        raise BookError(f"{flag}: “{text}” is not a number.")
    return value


def _what_if(ns: argparse.Namespace) -> WhatIf | None:
    extra: dict[str, Decimal] = {}
    for item in ns.extra_hours or []:
        name, sep, hours = item.rpartition("=")
        if not sep or not name.strip():
            raise BookError(
                f"--extra-hours: write the PA's name and the hours, like “Ben Jones=10”, not “{item}”."
            )
        extra[name.strip()] = _number(hours, "--extra-hours")
    new_pas = []
    for item in ns.new_pa or []:
        hours, sep, rate = item.partition("@")
        if not sep:
            raise BookError(
                f"--new-pa: write hours a week and the hourly rate, like “20@12.71”, not “{item}”."
            )
        try:
            hourly = Money.parse(rate)
        except MoneyError as err:
            raise BookError(f"--new-pa: {err}") from None
        new_pas.append(NewPa(_number(hours, "--new-pa"), hourly))
    rise = _number(ns.wage_rise, "--wage-rise") / 100 if ns.wage_rise else Decimal(0)
    if not extra and not new_pas and not rise:
        return None
    return WhatIf(MappingProxyType(extra), tuple(new_pas), rise)


def forecast_json(f: Forecast) -> dict[str, Any]:
    """The forecast as plain values for --json."""
    out = f.out_of_band
    return {
        "from": f.inputs.start.isoformat(),
        "to": f.inputs.end.isoformat(),
        "opening_balance": f.inputs.opening.decimal_str(),
        "closing_balance": f.closing.decimal_str(),
        "weekly_dp": f.inputs.weekly_dp.decimal_str(),
        "band": {"min": f.inputs.band_floor.decimal_str(), "max": f.inputs.band_ceiling.decimal_str()},
        "out_of_band": None
        if out is None
        else {
            "date": out.day.isoformat(),
            "balance": out.balance.decimal_str(),
            "side": "above" if out.above else "below",
        },
        "months": [
            {
                "from": m.first.isoformat(),
                "to": m.last.isoformat(),
                "opening": m.opening.decimal_str(),
                **{k.value: v.decimal_str() for k, v in m.totals.items()},
                "money_in": m.money_in.decimal_str(),
                "money_out": m.money_out.decimal_str(),
                "closing": m.closing.decimal_str(),
                "lowest": m.lowest.decimal_str(),
                "highest": m.highest.decimal_str(),
            }
            for m in f.months
        ],
        "staff": [
            {"pa": p.name, "weekly_gross": p.weekly_gross.decimal_str(), "from": p.source}
            for p in f.inputs.staff
        ],
        "usual_other_spending_weekly": f.inputs.weekly_other.decimal_str(),
        "notes": list(f.notes),
    }


def _text(f: Forecast) -> str:
    lines = [
        f"Forecast from {long_date(f.inputs.start)} to {long_date(f.inputs.end)}: "
        f"{f.inputs.opening} now, {f.closing} at the end.",
        f"Allowed band: {f.inputs.band_floor} to {f.inputs.band_ceiling}.",
    ]
    for m in f.months:
        lines.append(
            f"  {m.first:%d/%m/%Y} to {m.last:%d/%m/%Y}: in {m.money_in}, out {m.money_out}, "
            f"closing {m.closing} (lowest {m.lowest}, highest {m.highest})"
        )
    out = f.out_of_band
    if out is None:
        lines.append("The balance stays inside the allowed band.")
    else:
        side = "above" if out.above else "below"
        lines.append(f"The balance would first be {side} the band on {long_date(out.day)} ({out.balance}).")
    lines += [f"Note: {n}" for n in f.notes]
    return "\n".join(lines)


def forecast_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("--months", type=int, default=12, help="how many months ahead, 1 to 24 (default 12)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--extra-hours", action="append", help='what if: "PA NAME=HOURS" more a week (repeatable)')
    p.add_argument("--new-pa", action="append", help="what if: a new PA, HOURS@RATE, like 20@12.71")
    p.add_argument("--wage-rise", help="what if: pay rises by this per cent from next April")
    command_args._passphrase_args(p)
