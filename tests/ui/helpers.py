"""Shared steps for the GUI tests: drive the wizard and unlock dialog, and inspect widget trees."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pa_manager.ui.dialogs.unlock_dialog import UnlockDialog
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.wizard.first_run_wizard import FirstRunWizard
from tests.conftest import PASSPHRASE

T = TypeVar("T")

INPUT_TYPES = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
)


def on_worker(qtbot: QtBot, tasks: TaskRunner, fn: Callable[[], T]) -> T:
    """Run `fn` on the book's worker thread and wait for its result."""
    out: list[Any] = []
    errors: list[str] = []
    tasks.run(fn, out.append, errors.append)
    qtbot.waitUntil(lambda: bool(out or errors), timeout=30_000)
    assert not errors, errors
    return out[0]  # type: ignore[no-any-return]


def wait_idle(qtbot: QtBot, tasks: TaskRunner, timeout: int = 30_000) -> None:
    qtbot.waitUntil(tasks.is_idle, timeout=timeout)


# -- the wizard ---------------------------------------------------------------------------
def fill_holder(wizard: FirstRunWizard, name: str = "Jane Smith") -> None:
    wizard.holder_page.name.setText(name)
    wizard.holder_page.date_of_birth.setText("17/05/1960")


def fill_manager(wizard: FirstRunWizard) -> None:
    from pa_manager.domain.holder import ManagedBy

    wizard.manager_page.choices[ManagedBy.FAMILY_CARER].setChecked(True)
    wizard.manager_page.manager_name.setText("Tom Smith")
    wizard.manager_page.relationship.setText("son")


def fill_council(wizard: FirstRunWizard) -> None:
    wizard.council_page.council.setText("Anytown Council")
    wizard.council_page.reference.setText("AC-55501")


def fill_funding(wizard: FirstRunWizard) -> None:
    page = wizard.funding_page
    page.weekly_dp.setText("450.00")
    page.contribution.setText("25")
    page.start_date.setText("06/04/2026")
    page.allowed.setText("4-8")
    page.opening_balance.setText("£1,800.00")


def next_page(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    before = wizard.currentId()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=30_000)


def wizard_to_save_page(qtbot: QtBot, wizard: FirstRunWizard, folder: Path) -> None:
    fill_holder(wizard)
    next_page(qtbot, wizard)
    fill_manager(wizard)
    next_page(qtbot, wizard)
    fill_council(wizard)
    next_page(qtbot, wizard)
    fill_funding(wizard)
    next_page(qtbot, wizard)
    wizard.save_page.path.setText(str(folder / "Jane Smith.pabook"))


def wizard_to_recovery_page(qtbot: QtBot, wizard: FirstRunWizard, folder: Path) -> None:
    wizard_to_save_page(qtbot, wizard, folder)
    next_page(qtbot, wizard)
    wizard.passphrase_page.pair.first.setText(PASSPHRASE)
    wizard.passphrase_page.pair.second.setText(PASSPHRASE)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.recovery_page


# -- the unlock dialog --------------------------------------------------------------------
def unlock_with_passphrase(
    qtbot: QtBot, dialog: UnlockDialog, passphrase: str = PASSPHRASE, *, visit: bool = False
) -> None:
    """Type the passphrase, open, and wait for the next step (or the error)."""
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)
    dialog.unlock_step.passphrase_choice.setChecked(True)
    dialog.unlock_step.visit_box.setChecked(visit)
    dialog.unlock_step.passphrase.setText(passphrase)
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)


def choose_first_person(qtbot: QtBot, dialog: UnlockDialog) -> None:
    assert dialog.current_step() is dialog.acting_step
    qtbot.mouseClick(dialog.primary, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=30_000)


# -- widget trees -------------------------------------------------------------------------
def key(widget: object) -> int:
    """A stable identity for a Qt object (Python wrappers of Qt-made widgets come and go)."""
    return int(shiboken6.getCppPointer(widget)[0])


def _is_internal(widget: QWidget) -> bool:
    """Qt's own helpers inside compound widgets (a spin box's line edit, a scroll bar...)."""
    w: QWidget | None = widget
    while w is not None:
        # A scroll area's viewport is Qt's, but what it shows is ours: keep looking above it.
        if w.objectName().startswith("qt_") and w.objectName() != "qt_scrollarea_viewport":
            return True
        parent = w.parentWidget()
        # A spin box's or combo's own line edit, a line edit's clear button, a table's header.
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)):
            return True
        if isinstance(w, QHeaderView) and isinstance(parent, QAbstractItemView):
            return True
        w = parent
    return False


def input_widgets(root: QWidget) -> list[QWidget]:
    found = [w for w in [root, *root.findChildren(QWidget)] if isinstance(w, INPUT_TYPES)]
    return [
        w for w in found if not _is_internal(w) and not (isinstance(w, QAbstractSlider) and _is_scroll_bar(w))
    ]


def _is_scroll_bar(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QScrollBar

    return isinstance(widget, QScrollBar)


def describe_widget(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}(objectName={widget.objectName()!r}, text={text!r})"


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs with neither an accessible name nor a QLabel buddy (buttons: nor any text)."""
    window = root.window()
    buddies = {key(label.buddy()) for label in window.findChildren(QLabel) if label.buddy()}
    problems = []
    for widget in input_widgets(root):
        if widget.accessibleName().strip() or key(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        problems.append(describe_widget(widget))
    return problems


def clipped_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit: too narrow or too short, or, for a
    word-wrapped label, too short for its text at the width it was given."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisible():
            continue
        if _is_internal(widget) or not widget.text():
            continue
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(size.width())
            if needed > size.height() + 1:
                problems.append(
                    f"{describe_widget(widget)} {widget.text()!r}: wrapped text needs "
                    f"{needed}px of height, has {size.height()}px"
                )
            continue
        hint = widget.sizeHint()
        if size.width() < hint.width() or size.height() < hint.height():
            problems.append(
                f"{describe_widget(widget)} {widget.text()!r}: "
                f"{size.width()}x{size.height()} < {hint.width()}x{hint.height()}"
            )
    return problems


def hidden_overflow(root: QWidget) -> list[str]:
    """Scroll areas whose contents are bigger than the view with no scroll bar to reach the rest."""
    from PySide6.QtWidgets import QScrollArea

    problems = []
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if inner is None or not area.isVisible() or _is_internal(area):
            continue
        view = area.viewport().size()
        if inner.height() > view.height() + 1 and not area.verticalScrollBar().isVisible():
            problems.append(f"{type(area).__name__} hides {inner.height() - view.height()}px below")
        if inner.width() > view.width() + 1 and not area.horizontalScrollBar().isVisible():
            problems.append(f"{type(area).__name__} hides {inner.width() - view.width()}px across")
    return problems


def tab_reachable(qtbot: QtBot, window: QWidget, limit: int = 300) -> set[int]:
    """Ids of the widgets that take focus while pressing Tab once round the window."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.focusNextPrevChild(True)
    first = QApplication.focusWidget()
    seen: set[int] = set()
    focus = first
    for _ in range(limit):
        if focus is None:
            break
        seen.add(key(focus))
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is None or key(focus) == key(first):
            break
    return seen


def unreachable_inputs(qtbot: QtBot, window: QWidget) -> list[str]:
    """Visible, enabled inputs that neither Tab nor (for radio groups) arrow keys reach."""
    reached = tab_reachable(qtbot, window)
    missing = []
    for widget in _visible_inputs(window):
        if key(widget) in reached:
            continue
        if isinstance(widget, QRadioButton) and any(
            key(sibling) in reached for sibling in _radio_siblings(widget)
        ):
            continue  # the arrow keys move between radio buttons of one group
        missing.append(describe_widget(widget))
    return missing


def _visible_inputs(window: QWidget) -> Iterable[QWidget]:
    for widget in input_widgets(window):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            yield widget


def _radio_siblings(button: QRadioButton) -> list[QWidget]:
    group = button.group()
    if group is not None:
        return list(group.buttons())
    parent = button.parentWidget()
    return list(parent.findChildren(QRadioButton)) if parent is not None else []
