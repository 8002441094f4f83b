"""Where each Home to-do button goes: the section that fixes it, and the record, form or dialog.

Called by the main window with itself and the item (`go_to_fix(window, todo)`); kept here so the
main window needs one line to wire it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pa_manager.services.home_todos import FixTarget, HomeTodo
from pa_manager.ui.pages.people.insurance_dialog import InsuranceDialog
from pa_manager.ui.pages.people.pa_dialog import tab_for

if TYPE_CHECKING:
    from pa_manager.ui.main_window import MainWindow

SECTION_FOR = {
    FixTarget.PA_RECORD: "People & timesheets",
    FixTarget.INSURANCE: "People & timesheets",
    FixTarget.TIMESHEET: "People & timesheets",
    FixTarget.RECONCILE: "Money",
    FixTarget.RECEIPTS: "Receipts",
    FixTarget.RETURN: "Returns",
    FixTarget.PAY: "Pay",
}


def go_to_fix(window: MainWindow, todo: HomeTodo) -> None:
    """Switch to the section that fixes `todo` and open what deals with it there."""
    from pa_manager.ui.main_window import SECTIONS

    section = SECTION_FOR[todo.target]
    if section in SECTIONS:
        window.sidebar.setCurrentRow(SECTIONS.index(section))
    people = window.people_page
    if todo.target is FixTarget.PA_RECORD and todo.pa_id is not None:
        people.open_record(todo.pa_id, tab_for(todo.topic), todo.topic)
    elif todo.target is FixTarget.TIMESHEET and todo.pa_id is not None:
        people.select_pa(todo.pa_id)
        people.open_timesheets(todo.day)
    elif todo.target is FixTarget.INSURANCE and window.opened is not None:
        dialog = InsuranceDialog(window._tasks, window.opened.book, people)
        people.insurance_dialog = dialog
        dialog.saved.connect(people.refresh)
        dialog.saved.connect(window.home_page.refresh)
        dialog.open()
    elif todo.target is FixTarget.RECONCILE:
        window.money_dialogs.show_reconcile()
