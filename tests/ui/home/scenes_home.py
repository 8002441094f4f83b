"""Home, Forecast and Spending scenes for the accessibility walk and the screenshots, all on the
demo book: Home with its figures and to-do list, the forecast as planned and with a what-if, and
spending by month. (Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


def demo_window(stage: object, section: str) -> QWidget:
    """A main window on a fresh demo book, showing `section` once its figures are in."""
    from pa_manager.ui.main_window import SECTIONS
    from tests.ui import helpers
    from tests.ui.scenes import Stage, demo_main_window, open_for_gui

    assert isinstance(stage, Stage)
    window, path = demo_main_window(stage)
    with stage.qtbot.waitSignal(window.home_page.loaded, timeout=60_000):
        window.set_book(open_for_gui(stage, path))
    window.sidebar.setCurrentRow(SECTIONS.index(section))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)
    return window


def home_demo_figures(stage: object) -> QWidget:
    return demo_window(stage, "Home")


def _table_tab(window: QWidget, page: Any) -> QWidget:
    """The chart's page turned to the table behind it."""
    page.tabs.setCurrentWidget(page.table)
    return window


def forecast_demo(stage: object) -> QWidget:
    window = demo_window(stage, "Forecast")
    page = window.forecast_page  # type: ignore[attr-defined]
    stage.qtbot.waitUntil(lambda: page.shown_forecast is not None, timeout=30_000)  # type: ignore[attr-defined]
    return window


def forecast_what_if(stage: object) -> QWidget:
    """Ten more hours a week for the first PA and a 4.1% rise from April, typed into the panel."""
    window = forecast_demo(stage)
    panel = window.forecast_page.what_if  # type: ignore[attr-defined]
    panel.extra_hours.setValue(10)
    panel.rise.setValue(4.1)
    page = window.forecast_page  # type: ignore[attr-defined]
    stage.qtbot.waitUntil(lambda: page.sentence.text().startswith("With your changes:"), timeout=5_000)  # type: ignore[attr-defined]
    return window


def forecast_table(stage: object) -> QWidget:
    window = forecast_what_if(stage)
    return _table_tab(window, window.forecast_page)  # type: ignore[attr-defined]


def spending_demo(stage: object) -> QWidget:
    window = demo_window(stage, "Spending")
    page = window.spending_page  # type: ignore[attr-defined]
    stage.qtbot.waitUntil(lambda: bool(page.months), timeout=30_000)  # type: ignore[attr-defined]
    return window


def spending_table(stage: object) -> QWidget:
    window = spending_demo(stage)
    return _table_tab(window, window.spending_page)  # type: ignore[attr-defined]


HOME_SCENES: tuple[Callable[[object], QWidget], ...] = (
    home_demo_figures,
    forecast_demo,
    forecast_what_if,
    forecast_table,
    spending_demo,
    spending_table,
)
