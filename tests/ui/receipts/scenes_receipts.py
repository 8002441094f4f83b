"""Receipts scenes for the accessibility walk and the screenshots: the Receipts page of the demo
book, the viewer on a two-page PDF, the missing-evidence list, and the link, details and rules
dialogs. (Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from tests.conftest import PASSPHRASE


def _demo_receipts_window(stage: object, tab: int = 0) -> QWidget:
    from pa_manager.services.demo import create_demo_book
    from pa_manager.ui.main_window import SECTIONS, MainWindow
    from tests.ui import helpers
    from tests.ui.scenes import Stage, _show, open_for_gui

    assert isinstance(stage, Stage)
    made = create_demo_book(stage.folder / "demo", PASSPHRASE)
    window = MainWindow(stage.tasks, stage.settings)
    _show(stage, window)
    page = window.receipts_page
    window.set_book(open_for_gui(stage, made.path))
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


def _dialog(stage: object, window: QWidget, open_it: Callable[[], None]) -> QWidget:
    from tests.ui import helpers
    from tests.ui.scenes import Stage

    assert isinstance(stage, Stage)
    page = window.receipts_page  # type: ignore[attr-defined]
    open_it()
    dialog = page.actions.dialog
    assert dialog is not None
    stage.shown.append(dialog)
    stage.qtbot.waitExposed(dialog)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)
    return dialog  # type: ignore[no-any-return]


def _select_title(window: QWidget, prefix: str) -> None:
    page = window.receipts_page  # type: ignore[attr-defined]
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
    window = _demo_receipts_window(stage)
    _select_title(window, "Expenses")
    page = window.receipts_page  # type: ignore[attr-defined]
    dialog = _dialog(stage, window, page.actions.view_selected)
    return dialog


def receipts_viewer_photo(stage: object) -> QWidget:
    window = _demo_receipts_window(stage)
    _select_title(window, "Argos")
    page = window.receipts_page  # type: ignore[attr-defined]
    return _dialog(stage, window, page.actions.view_selected)


def receipts_link_dialog(stage: object) -> QWidget:
    window = _demo_receipts_window(stage)
    page = window.receipts_page  # type: ignore[attr-defined]
    return _dialog(stage, window, page.actions.link_selected)


def receipts_details_dialog(stage: object) -> QWidget:
    window = _demo_receipts_window(stage)
    _select_title(window, "Contract")
    page = window.receipts_page  # type: ignore[attr-defined]
    return _dialog(stage, window, page.actions.describe_selected)


def receipts_rules_dialog(stage: object) -> QWidget:
    window = _demo_receipts_window(stage, tab=1)
    page = window.receipts_page  # type: ignore[attr-defined]
    return _dialog(stage, window, page.actions.edit_rules)


RECEIPTS_SCENES: tuple[Callable[[object], QWidget], ...] = (
    main_receipts_demo,
    receipts_missing_evidence,
    receipts_viewer_pdf,
    receipts_viewer_photo,
    receipts_link_dialog,
    receipts_details_dialog,
    receipts_rules_dialog,
)
