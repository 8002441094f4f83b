"""Where each pre-flight button on the Returns page takes the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pa_manager.services.returns_checks import Fix

if TYPE_CHECKING:
    from pa_manager.ui.main_window import MainWindow

SECTION_FOR = {
    Fix.RECONCILE: "Money",
    Fix.EVIDENCE: "Receipts",
    Fix.TIMESHEETS: "People & timesheets",
    Fix.COUNCIL_PAYMENTS: "Money",
}


def go_to_return_fix(window: MainWindow, value: str) -> None:
    """Switch to the section that fixes the item (the explanation is on the Returns page itself)."""
    from pa_manager.ui.main_window import SECTIONS

    fix = Fix(value)
    section = SECTION_FOR.get(fix)
    if section is None or section not in SECTIONS:
        return
    window.sidebar.setCurrentRow(SECTIONS.index(section))
    if fix is Fix.RECONCILE:
        window.money_dialogs.show_reconcile()
