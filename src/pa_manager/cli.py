"""The command line (DESIGN section 5): the GUI launcher and the headless commands.

Every command exits 0 on success; otherwise it prints one plain-English line on stderr and exits
non-zero, never a traceback (set PA_MANAGER_DEBUG=1 to see one). Passphrases come from the
environment or a file, never from the command line where other users could see them.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pa_manager.domain.errors import DomainError
from pa_manager.services.errors import BookError

COMMANDS = {
    "new",
    "demo-book",
    "summary",
    "check",
    "backup",
    "restore",
    "set-passphrase",
    "payroll-calc",
    "import-statement",
    "timesheets",
    "run-payroll",
    "forecast",
    "export-return",
}


class UsageError(Exception):
    """Bad arguments: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (its default prints the whole usage block first)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}. Try: pa-manager --help")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "payroll-calc":
            # Straight to the payroll domain: commands.py loads SQLAlchemy and the importers,
            # which would take most of the 2 s budget for `payroll-calc --batch` (issue 5).
            from pa_manager import payroll_commands

            return payroll_commands.run(args[1:], _Parser)
        if args and args[0] == "forecast":
            from pa_manager import forecast_commands

            return forecast_commands.run(args[1:], _Parser)
        if args and args[0] == "export-return":
            from pa_manager import return_commands

            return return_commands.run(args[1:], _Parser)
        if args and args[0] in COMMANDS:
            from pa_manager import commands  # the headless commands; no Qt import

            return commands.run(args[0], args[1:], _Parser)
        return _gui(args)
    except UsageError as err:
        return _fail(str(err), 2)
    except (BookError, DomainError) as err:
        return _fail(str(err), 1)
    except KeyboardInterrupt:
        return _fail("Stopped.", 130)
    except BrokenPipeError:
        # The reader went away (`pa-manager summary | head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as err:
        return _fail(f"{err.strerror or err}: {err.filename or ''}".rstrip(": "), 1)
    except Exception as err:
        if os.environ.get("PA_MANAGER_DEBUG"):
            traceback.print_exc()
        return _fail(
            f"PA Manager hit an unexpected problem ({type(err).__name__}). Nothing more was changed.", 70
        )


def _gui(args: list[str]) -> int:
    parser = _Parser(
        prog="pa-manager",
        description="Open PA Manager. Commands: "
        + ", ".join(sorted(COMMANDS))
        + " (pa-manager COMMAND --help for each).",
    )
    parser.add_argument("book", nargs="?", type=Path, help="the .pabook file to open")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo book")
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation works (demo book, PDF, keyring, Qt) in a temporary folder, then exit",
    )
    ns = parser.parse_args(args)
    if ns.self_test:
        if ns.demo or ns.book:
            raise UsageError("--self-test takes no book and no --demo")
        from pa_manager import selftest  # works without a screen: it picks Qt's offscreen platform

        return selftest.run()
    if ns.demo and ns.book:
        raise UsageError("give a book or --demo, not both")
    if ns.book and not ns.book.is_file():
        raise UsageError(
            f"there is no book at {ns.book}, and it is not a command ({', '.join(sorted(COMMANDS))})"
        )
    if not _has_screen():
        return _fail(
            "No screen was found to show PA Manager on. Run it from a desktop session "
            "(or set QT_QPA_PLATFORM=offscreen to run it without a window).",
            1,
        )
    from pa_manager.app import run_gui  # Qt is loaded only when the GUI is wanted

    return run_gui(ns.book, demo=ns.demo)


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (importlib.metadata is slow to load)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        import pa_manager

        print(f"PA Manager {pa_manager.__version__}")
        parser.exit()


def _has_screen() -> bool:
    # Qt aborts the whole process with a C++ message when Linux has no display; say it plainly.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _fail(message: str, code: int) -> int:
    print(f"pa-manager: {message}", file=sys.stderr)
    return code
