"""Money scenes for the accessibility walk and the screenshots: the register of the demo book and
the edit dialog with a split. (Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def _demo_money_window(stage: object) -> QWidget:
    from pa_manager.ui.main_window import SECTIONS
    from tests.ui import helpers
    from tests.ui.scenes import Stage, demo_main_window, open_for_gui

    assert isinstance(stage, Stage)
    window, path = demo_main_window(stage)
    page = window.money_page
    with stage.qtbot.waitSignal(page.loaded, timeout=60_000):
        window.set_book(open_for_gui(stage, path))
    window.sidebar.setCurrentRow(SECTIONS.index("Money"))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    # A line selected, as after a change.
    rows = page.model.rows()
    if rows:
        page.select_line(rows[-1].id)
    return window


def main_money_demo(stage: object) -> QWidget:
    return _demo_money_window(stage)


def money_edit_split(stage: object) -> QWidget:
    """The edit dialog for a line of the demo book, shared across two categories."""
    from tests.ui.scenes import Stage, settled_dialog

    assert isinstance(stage, Stage)
    window = _demo_money_window(stage)
    page = window.money_page  # type: ignore[attr-defined]
    spending = [r for r in page.model.rows() if r.amount < 0]
    page.select_line(spending[-1].id)
    page._on_edit_triggered()
    stage.qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=30_000)
    dialog = page.dialog
    dialog.split_box.setChecked(True)
    _combo, first_amount, _remove = dialog.splits._rows[0]
    first_amount.setText("1.00")
    settled_dialog(stage, dialog)
    dialog.scroll.ensureWidgetVisible(dialog.splits.add_button)
    return dialog  # type: ignore[no-any-return]


MONEY_SCENES: tuple[Callable[[object], QWidget], ...] = (main_money_demo, money_edit_split)
