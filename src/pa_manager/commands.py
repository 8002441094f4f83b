"""The headless commands behind `pa-manager COMMAND`: each reads arguments, calls services, prints.

Imported only by `cli.main`; no Qt here, so scripts and CI never load the GUI libraries.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pa_manager.command_args import (
    NEW_PASSPHRASE_ENV,
    RECOVERY_ENV,
    _date,
    _open,
    _passphrase,
    _passphrase_args,
    _secret,
)
from pa_manager.domain.holder import (
    AccountType,
    AllowedBand,
    BudgetHolder,
    FundingAgreement,
    ManagedBy,
    Nation,
    PaymentSchedule,
    ReturnFrequency,
)
from pa_manager.domain.money import Money, MoneyError
from pa_manager.pay_commands import cmd_run_payroll, run_payroll_args
from pa_manager.payroll_commands import cmd_payroll_calc, payroll_calc_args
from pa_manager.services import book as books
from pa_manager.services import maintenance, statements
from pa_manager.services.demo import create_demo_book
from pa_manager.services.errors import BookError
from pa_manager.services.summary import BookSummary, summarise
from pa_manager.timesheet_commands import cmd_timesheets, timesheets_args


def run(name: str, args: list[str], parser_class: type[argparse.ArgumentParser]) -> int:
    command, configure = _COMMANDS[name]
    parser = parser_class(prog=f"pa-manager {name}", description=command.__doc__)
    configure(parser)
    return command(parser.parse_args(args))


# -- new --------------------------------------------------------------------------------------
def cmd_new(ns: argparse.Namespace) -> int:
    """Make a new, empty book for scripts (the GUI's wizard does the same interactively)."""
    try:
        weekly = Money.parse(ns.weekly_dp)
    except MoneyError as err:
        raise BookError(f"--weekly-dp: {err}") from None
    managed = ManagedBy.FAMILY_CARER if ns.manager else ManagedBy.SELF
    holder = BudgetHolder(
        ns.holder,
        ns.council,
        ns.reference,
        Nation.parse(ns.nation),
        managed,
        AccountType.parse(ns.account_type),
    )
    funding = FundingAgreement(
        weekly,
        PaymentSchedule.FOUR_WEEKLY_IN_ADVANCE,
        Money(0),
        AllowedBand.parse(ns.allowed_weeks),
        ReturnFrequency.QUARTERLY,
        date.today(),
    )
    new = books.NewBook(holder, funding, ns.manager or "", ns.relationship or "")
    created = books.create_book(ns.book, _passphrase(ns), new)
    print(f"Created {created.path}")
    if ns.recovery_sheet:
        sheet = books.write_recovery_sheet(created, ns.recovery_sheet)
        print(f"Recovery sheet saved to {sheet}: print it and keep it somewhere safe.")
    else:
        print(f"Recovery code (write it down and keep it safe): {created.recovery_code}")
    return 0


def _new_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("--holder", required=True, help="the budget holder's name")
    p.add_argument("--council", default="")
    p.add_argument("--reference", default="", help="the council's reference for the holder")
    p.add_argument("--nation", default="england")
    p.add_argument("--account-type", default="bank-account")
    p.add_argument("--weekly-dp", default="0", help="gross weekly direct payment, e.g. 450.00")
    p.add_argument("--allowed-weeks", default="8", help="allowed balance in weeks, e.g. 4-8")
    p.add_argument("--manager", help="name of a family carer who manages the book")
    p.add_argument("--relationship", help="how the manager is related, e.g. son")
    p.add_argument("--recovery-sheet", type=Path, help="save the recovery sheet PDF here")
    _passphrase_args(p)


# -- demo-book --------------------------------------------------------------------------------
def cmd_demo_book(ns: argparse.Namespace) -> int:
    """Write a realistic demo book (also the benchmark data)."""
    created = create_demo_book(ns.out, _passphrase(ns), years=ns.years, pas=ns.pas)
    print(f"Created demo book {created.path}")
    return 0


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", type=Path)
    p.add_argument("--years", type=int, default=1)
    p.add_argument("--pas", type=int, default=3)
    _passphrase_args(p)


# -- summary ----------------------------------------------------------------------------------
def cmd_summary(ns: argparse.Namespace) -> int:
    """Balance, money in and out by category, and weeks held."""
    book = _open(ns)
    try:
        s = summarise(book, _date(ns.date_from, "--from"), _date(ns.date_to, "--to"))
    finally:
        book.close()
    print(json.dumps(summary_json(s), indent=2) if ns.json else _summary_text(s))
    return 0


def summary_json(s: BookSummary) -> dict[str, Any]:
    return {
        "holder": {"name": s.holder_name, "council": s.council, "council_reference": s.council_reference},
        "from": s.date_from.isoformat(),
        "to": s.date_to.isoformat(),
        "balance": s.balance.decimal_str(),
        "weekly_dp": s.weekly_dp.decimal_str(),
        "weeks_held": None if s.weeks_held is None else str(s.weeks_held),
        "allowed_weeks": {"min": str(s.allowed.min_weeks), "max": str(s.allowed.max_weeks)},
        "total_in": s.total_in.decimal_str(),
        "total_out": s.total_out.decimal_str(),
        "money_in": {c.value: m.decimal_str() for c, m in s.money_in.items()},
        "money_out": {c.value: m.decimal_str() for c, m in s.money_out.items()},
        "committed": s.committed.decimal_str(),
        "contingency": s.contingency.decimal_str(),
        "available": s.position.available.decimal_str(),
        "surplus_at_risk": s.position.surplus_at_risk.decimal_str(),
        "warnings": s.warnings,
    }


def _summary_text(s: BookSummary) -> str:
    lines = [
        f"{s.holder_name} ({s.council or 'no council set'}, reference {s.council_reference or '-'})",
        f"From {s.date_from:%d %b %Y} to {s.date_to:%d %b %Y}",
        f"Money in the account: {s.balance}",
    ]
    p = s.position
    lines.append(p.available_sentence())
    lines.append(p.weeks_sentence())
    lines.append(f"Money in: {s.total_in}")
    lines += [f"  {c.label}: {m}" for c, m in s.money_in.items()]
    lines.append(f"Money out: {s.total_out}")
    lines += [f"  {c.label}: {m}" for c, m in s.money_out.items()]
    if s.warnings:
        lines.append("Things a council may ask about:")
        lines += [f"  {w}" for w in s.warnings]
    return "\n".join(lines)


def _summary_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--from", dest="date_from", help="first day, e.g. 2026-04-06 or 06/04/2026")
    p.add_argument("--to", dest="date_to", help="last day (default today)")
    _passphrase_args(p)


# -- import-statement -------------------------------------------------------------------------
def cmd_import_statement(ns: argparse.Namespace) -> int:
    """Import a bank or card statement (CSV, OFX or QIF), adding nothing twice."""
    book = _open(ns)
    try:
        book.act_as_default()
        preview = statements.preview_file(
            book,
            ns.file,
            account=ns.account,
            preset=ns.preset,
            columns=ns.columns,
            date_format=ns.date_format,
        )
        result = statements.apply_import(book, preview)
    finally:
        book.close()
    if ns.json:
        data: dict[str, Any] = {
            "added": result.added,
            "duplicates": result.duplicates,
            "rejected": result.rejected,
            "rejected_lines": preview.rejected,
        }
        if result.closing_balance is not None:
            data["closing_balance"] = result.closing_balance.decimal_str()
        print(json.dumps(data, indent=2))
    else:
        print(
            f"Added {result.added}, skipped {result.duplicates} already in the book, "
            f"rejected {result.rejected}."
        )
        for problem in preview.rejected:
            print(f"  {problem}")
    return 0


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    p.add_argument("file", type=Path)
    p.add_argument("--account", help="the account to import into (default: the first)")
    p.add_argument("--preset", help="a bank or card format, e.g. lloyds, nationwide, monzo")
    p.add_argument(
        "--columns", help='e.g. "date=Posted,description=Details,paid_in=Money In,paid_out=Money Out"'
    )
    p.add_argument("--date-format", help="a strftime pattern, e.g. %%d/%%m/%%Y")
    p.add_argument("--json", action="store_true")
    _passphrase_args(p)


# -- check, backup, restore, set-passphrase ---------------------------------------------------
def cmd_check(ns: argparse.Namespace) -> int:
    """Check the database, the audit trail's hash chain, and rows changed outside PA Manager."""
    book = _open(ns)
    try:
        report = maintenance.check_book(book)
    finally:
        book.close()
    if report.ok:
        print(f"The book is sound: database intact, {report.audit_entries} audit entries, chain unbroken.")
        return 0
    for problem in report.problems:
        print(problem)
    raise BookError(f"The book failed its check: {len(report.problems)} problem(s) listed above.")


def cmd_backup(ns: argparse.Namespace) -> int:
    """Write one encrypted .pabackup file that carries the book and its keys file."""
    book = _open(ns)
    try:
        book.act_as_default()
        out = maintenance.backup_book(book, ns.out)
    finally:
        book.close()
    print(f"Backup written to {out}")
    return 0


def cmd_restore(ns: argparse.Namespace) -> int:
    """Unpack a .pabackup into a book and its keys file (never overwrites)."""
    out = maintenance.restore_backup(ns.backup, ns.out)
    print(f"Restored to {out}")
    return 0


def cmd_set_passphrase(ns: argparse.Namespace) -> int:
    """Set a new passphrase, opening with the current one or with the recovery code."""
    code = _secret(ns.recovery_code_file, RECOVERY_ENV, required=False)
    book = books.open_book(ns.book, recovery_code=code) if code else _open(ns)
    try:
        book.act_as_default()
        books.set_new_passphrase(book, _secret(ns.new_passphrase_file, NEW_PASSPHRASE_ENV) or "")
    finally:
        book.close()
    print("The new passphrase is set. The old one no longer opens this book.")
    return 0


def _book_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("book", type=Path)
    _passphrase_args(p)


def _backup_args(p: argparse.ArgumentParser) -> None:
    _book_args(p)
    p.add_argument("out", type=Path)


def _restore_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path)
    p.add_argument("out", type=Path)


def _set_passphrase_args(p: argparse.ArgumentParser) -> None:
    _book_args(p)
    p.add_argument("--recovery-code-file", type=Path, help=f"or set {RECOVERY_ENV}")
    p.add_argument("--new-passphrase-file", type=Path, help=f"or set {NEW_PASSPHRASE_ENV}")


# -- shared -----------------------------------------------------------------------------------
_COMMANDS: dict[
    str, tuple[Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None]]
] = {
    "new": (cmd_new, _new_args),
    "demo-book": (cmd_demo_book, _demo_args),
    "summary": (cmd_summary, _summary_args),
    "check": (cmd_check, _book_args),
    "backup": (cmd_backup, _backup_args),
    "restore": (cmd_restore, _restore_args),
    "set-passphrase": (cmd_set_passphrase, _set_passphrase_args),
    "payroll-calc": (cmd_payroll_calc, payroll_calc_args),
    "import-statement": (cmd_import_statement, _import_args),
    "timesheets": (cmd_timesheets, timesheets_args),
    "run-payroll": (cmd_run_payroll, run_payroll_args),
}
