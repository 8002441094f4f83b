"""Returns scenes for the accessibility walk and the screenshots: the Returns page of the demo
book (pre-flight list, preview, history) and the template copy-and-edit dialog.
(Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def demo_returns_window(stage: object) -> QWidget:
    from pa_manager.ui.main_window import SECTIONS
    from tests.ui import helpers
    from tests.ui.scenes import Stage, demo_main_window, open_for_gui

    assert isinstance(stage, Stage)
    window, path = demo_main_window(stage, pas=2)
    page = window.returns_page  # type: ignore[attr-defined]
    window.set_book(open_for_gui(stage, path))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    assert page.view is None  # nothing is worked out until the page is shown
    with stage.qtbot.waitSignal(page.loaded, timeout=90_000):
        window.sidebar.setCurrentRow(SECTIONS.index("Returns"))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)  # the scroll area fits its contents on the next turn of the event loop
    return window


def main_returns_demo(stage: object) -> QWidget:
    return demo_returns_window(stage)


def returns_template_dialog(stage: object) -> QWidget:
    from tests.ui.scenes import Stage, settled_dialog

    assert isinstance(stage, Stage)
    window = demo_returns_window(stage)
    page = window.returns_page  # type: ignore[attr-defined]
    page.template_box.setCurrentIndex(page.template_box.findData("birmingham-quarterly-declaration"))
    page.edit_template()
    return settled_dialog(stage, page.template_dialog)


RETURNS_SCENES: tuple[Callable[[object], QWidget], ...] = (main_returns_demo, returns_template_dialog)
