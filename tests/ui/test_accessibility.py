"""Every window, dialog step and wizard page: each input is named for screen readers, and every
control can be reached from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.ui.main_window import SECTIONS, MainWindow
from tests.ui import helpers, scenes
from tests.ui.scenes import SCENES, Stage


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_every_input_has_an_accessible_name(stage: Stage, scene: str) -> None:
    window = SCENES[scene](stage)
    assert helpers.input_widgets(window), "the scene should contain some inputs"
    assert helpers.unnamed_inputs(window) == []


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_every_visible_control_is_reachable_by_tab(stage: Stage, scene: str, qtbot: QtBot) -> None:
    window = SCENES[scene](stage)
    assert helpers.unreachable_inputs(qtbot, window) == []


def test_accessibility_check_catches_an_unnamed_field(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    named, unnamed, with_buddy = QLineEdit(), QLineEdit(), QLineEdit()
    named.setAccessibleName("Named")
    label = QLabel("&Buddy:")
    label.setBuddy(with_buddy)
    for widget in (named, unnamed, label, with_buddy):
        column.addWidget(widget)
    assert helpers.unnamed_inputs(window) == [helpers.describe_widget(unnamed)]


def test_sidebar_reaches_every_page_with_arrow_keys(stage: Stage, qtbot: QtBot) -> None:
    window = scenes.main_window(stage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.setFocus()
    assert window.page_stack.currentWidget() is window.pages["Home"]
    for title in SECTIONS[1:]:
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
        assert window.page_stack.currentWidget() is window.pages[title]
    for title in reversed(SECTIONS[:-1]):
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Up)
        assert window.page_stack.currentWidget() is window.pages[title]


def test_tab_moves_from_the_sidebar_into_the_page(stage: Stage, qtbot: QtBot) -> None:
    window = scenes.main_window(stage, "Settings")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None
    assert window.pages["Settings"].isAncestorOf(focus)


def test_lock_screen_shows_only_the_lock_message_and_unlock(stage: Stage, qtbot: QtBot) -> None:
    window = scenes.main_locked(stage)
    assert isinstance(window, MainWindow)
    assert window.is_locked()
    visible_inputs = [w for w in helpers.input_widgets(window) if w.isVisible()]
    assert visible_inputs == [window.lock_screen.unlock_button]
    assert window.lock_screen.unlock_button.hasFocus()
