"""Receipts scenes for the accessibility walk and the screenshots: the Receipts page of the demo
book, the viewer on a two-page PDF, the missing-evidence list, and the link, details and rules
dialogs. (Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def _demo_receipts_window(stage: object, tab: int = 0) -> QWidget:
    from pa_manager.ui.main_window import SECTIONS
    from tests.ui import helpers
    from tests.ui.scenes import Stage, demo_main_window, open_for_gui

    assert isinstance(stage, Stage)
    window, path = demo_main_window(stage)
    page = window.receipts_page
    window.set_book(open_for_gui(stage, path))
    with stage.qtbot.waitSignal(page.loaded, timeout=60_000):
        window.sidebar.setCurrentRow(SECTIONS.index("Receipts"))  # the page loads when shown
    helpers.wait_idle(stage.qtbot, stage.tasks)
    page.tabs.setCurrentIndex(tab)
    if tab == 0 and page.model.rowCount():
        page.table.selectRow(0)
    if tab == 1 and page.missing_model.rowCount():
        page.missing_table.selectRow(0)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)
    helpers.wait_idle(stage.qtbot, stage.tasks)  # thumbnails asked for while painting
    return window


def _dialog(stage: object, open_it: Callable[[Any], object], *, title: str = "", tab: int = 0) -> QWidget:
    """The dialog `open_it(page)` opens on the demo book's Receipts page, with the document whose
    title starts with `title` selected (the first one when no title is given)."""
    from tests.ui.scenes import Stage, settled_dialog

    assert isinstance(stage, Stage)
    window = _demo_receipts_window(stage, tab=tab)
    page = window.receipts_page  # type: ignore[attr-defined]
    if title:
        _select_title(page, title)
    open_it(page)
    dialog = page.actions.dialog
    assert dialog is not None
    return settled_dialog(stage, dialog)


def _select_title(page: Any, prefix: str) -> None:
    for row, doc in enumerate(page.model.rows()):
        if doc.title.startswith(prefix):
            page.table.selectRow(row)
            return
    raise AssertionError(f"no demo document starting {prefix!r}")


def main_receipts_demo(stage: object) -> QWidget:
    return _demo_receipts_window(stage)


def receipts_missing_evidence(stage: object) -> QWidget:
    return _demo_receipts_window(stage, tab=1)


def receipts_viewer_pdf(stage: object) -> QWidget:
    """The viewer on the first expenses claim (a PDF), turned to its last page."""
    return _dialog(stage, lambda page: page.actions.view_selected(), title="Expenses")


def receipts_viewer_photo(stage: object) -> QWidget:
    return _dialog(stage, lambda page: page.actions.view_selected(), title="Argos")


def receipts_link_dialog(stage: object) -> QWidget:
    return _dialog(stage, lambda page: page.actions.link_selected())


def receipts_details_dialog(stage: object) -> QWidget:
    return _dialog(stage, lambda page: page.actions.describe_selected(), title="Contract")


def receipts_rules_dialog(stage: object) -> QWidget:
    return _dialog(stage, lambda page: page.actions.edit_rules(), tab=1)


RECEIPTS_SCENES: tuple[Callable[[object], QWidget], ...] = (
    main_receipts_demo,
    receipts_missing_evidence,
    receipts_viewer_pdf,
    receipts_viewer_photo,
    receipts_link_dialog,
    receipts_details_dialog,
    receipts_rules_dialog,
)
