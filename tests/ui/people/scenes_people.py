"""People scenes for the accessibility walk and the screenshots: the People page of the demo book,
a PA's record (about them, and their paperwork) and the timesheet grid with a week filled in.
(Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QWidget


def _demo_people_window(stage: object) -> QWidget:
    from pa_manager.ui.main_window import SECTIONS
    from tests.ui import helpers
    from tests.ui.scenes import Stage, demo_main_window, open_for_gui

    assert isinstance(stage, Stage)
    window, path = demo_main_window(stage)
    with stage.qtbot.waitSignal(window.people_page.loaded, timeout=60_000):
        window.set_book(open_for_gui(stage, path))
    window.sidebar.setCurrentRow(SECTIONS.index("People & timesheets"))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return window


def _shown(stage: object, dialog: QWidget) -> QWidget:
    from tests.ui.scenes import Stage, settled_dialog

    assert isinstance(stage, Stage)
    stage.qtbot.waitUntil(dialog.isVisible, timeout=30_000)
    return settled_dialog(stage, dialog)


def main_people_demo(stage: object) -> QWidget:
    return _demo_people_window(stage)


def _record(stage: object, tab: int) -> QWidget:
    window = _demo_people_window(stage)
    page = window.people_page  # type: ignore[attr-defined]
    page.pa_list.setCurrentItem(page.pa_list.topLevelItem(0))
    page.open_record(page.selected_pa_id(), tab)
    stage.qtbot.waitUntil(lambda: page.pa_dialog is not None, timeout=30_000)  # type: ignore[attr-defined]
    return _shown(stage, page.pa_dialog)


def people_pa_record(stage: object) -> QWidget:
    return _record(stage, 0)


def people_pa_paperwork(stage: object) -> QWidget:
    return _record(stage, 2)


def people_timesheet_week(stage: object) -> QWidget:
    """The grid of the demo's first PA, a full week back (signed and approved, with a sleep-in)."""
    window = _demo_people_window(stage)
    page = window.people_page  # type: ignore[attr-defined]
    page.pa_list.setCurrentItem(page.pa_list.topLevelItem(0))
    page.open_timesheets(date.today() - timedelta(days=14))
    dialog = page.timesheet_dialog
    stage.qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=30_000)  # type: ignore[attr-defined]
    return _shown(stage, dialog)


PEOPLE_SCENES: tuple[Callable[[object], QWidget], ...] = (
    main_people_demo,
    people_pa_record,
    people_pa_paperwork,
    people_timesheet_week,
)
