"""Every window, dialog step and wizard page, built and shown, for the accessibility and
screenshot tests. Each scene returns the top-level widget to inspect."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pa_manager.services import book as books
from pa_manager.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog
from pa_manager.ui.dialogs.unlock_dialog import UnlockDialog
from pa_manager.ui.main_window import SECTIONS, MainWindow
from pa_manager.ui.session import OpenedBook, describe
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.start_window import StartWindow
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.wizard.first_run_wizard import FirstRunWizard
from tests.conftest import PASSPHRASE
from tests.ui import helpers
from tests.ui.home.scenes_home import HOME_SCENES
from tests.ui.money.scenes_money import MONEY_SCENES
from tests.ui.pay.scenes_pay import PAY_SCENES
from tests.ui.people.scenes_people import PEOPLE_SCENES
from tests.ui.receipts.scenes_receipts import RECEIPTS_SCENES
from tests.ui.returns.scenes_returns import RETURNS_SCENES


@dataclass
class Stage:
    """What a scene needs: the bot, the worker, settings, a folder and a ready-made book."""

    qtbot: QtBot
    tasks: TaskRunner
    settings: AppSettings
    folder: Path
    created: books.CreatedBook
    remembered: Callable[[], books.CreatedBook]
    shown: list[QWidget] = field(default_factory=list)

    def close_all(self) -> None:
        """Close what the scene showed (main windows close their book) and let the worker finish."""
        for widget in reversed(self.shown):
            widget.close()
        self.shown.clear()
        helpers.wait_idle(self.qtbot, self.tasks)


def open_for_gui(stage: Stage, path: Path | None = None, *, visit: bool = False) -> OpenedBook:
    """Unlock a book on the worker the way the dialog does, and describe it for the window."""
    target = path or stage.created.path
    result: list[OpenedBook] = []

    def work() -> OpenedBook:
        book = books.open_book(target, passphrase=PASSPHRASE, visit_mode=visit)
        book.act_as_default()
        return describe(book)

    stage.tasks.run(work, result.append)
    stage.qtbot.waitUntil(lambda: bool(result), timeout=30_000)
    return result[0]


def _show(stage: Stage, widget: QWidget) -> QWidget:
    stage.qtbot.addWidget(widget)
    stage.shown.append(widget)
    widget.show()
    stage.qtbot.waitExposed(widget)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return widget


def demo_main_window(stage: Stage, **demo: Any) -> tuple[MainWindow, Path]:
    """A shown main window, and a fresh demo book (made with `demo`'s options) for it to open."""
    from pa_manager.services.demo import create_demo_book

    made = create_demo_book(stage.folder / "demo", PASSPHRASE, **demo)
    window = MainWindow(stage.tasks, stage.settings)
    _show(stage, window)
    return window, made.path


def settled_dialog(stage: Stage, dialog: QWidget) -> QWidget:
    """A dialog a page opened itself, once it is on screen and the worker is idle."""
    stage.shown.append(dialog)
    stage.qtbot.waitExposed(dialog)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)  # the scroll area fits its contents on the next turn of the event loop
    return dialog


# -- start window -------------------------------------------------------------------------
def start_empty(stage: Stage) -> QWidget:
    return _show(stage, StartWindow(stage.settings))


def start_recent(stage: Stage) -> QWidget:
    stage.settings.add_recent_book(stage.created.path)
    return _show(stage, StartWindow(stage.settings))


# -- unlock dialog ------------------------------------------------------------------------
def _unlock(stage: Stage, path: Path | None = None, *, visit: bool = False) -> UnlockDialog:
    dialog = UnlockDialog(path or stage.created.path, stage.tasks, visit_mode=visit)
    _show(stage, dialog)
    return dialog


def unlock_passphrase(stage: Stage) -> QWidget:
    return _unlock(stage)


def unlock_recovery(stage: Stage) -> QWidget:
    dialog = _unlock(stage)
    dialog.unlock_step.recovery_choice.setChecked(True)
    return dialog


def unlock_remembered(stage: Stage) -> QWidget:
    dialog = _unlock(stage, stage.remembered().path)
    assert dialog.unlock_step.remembered_choice.isVisible()
    return dialog


def unlock_visit(stage: Stage) -> QWidget:
    return _unlock(stage, visit=True)


def unlock_wrong_passphrase(stage: Stage) -> QWidget:
    dialog = _unlock(stage)
    helpers.unlock_with_passphrase(stage.qtbot, dialog, "not the right words at all")
    return dialog


def unlock_new_passphrase(stage: Stage) -> QWidget:
    dialog = _unlock(stage)
    dialog.unlock_step.recovery_choice.setChecked(True)
    dialog.unlock_step.recovery_code.setText(stage.created.recovery_code)
    dialog.primary.click()
    stage.qtbot.waitUntil(lambda: dialog.current_step() is dialog.new_passphrase_step, timeout=30_000)
    return dialog


def unlock_acting(stage: Stage) -> QWidget:
    dialog = _unlock(stage)
    helpers.unlock_with_passphrase(stage.qtbot, dialog)
    assert dialog.current_step() is dialog.acting_step
    return dialog


def unlock_acting_someone_new(stage: Stage) -> QWidget:
    dialog = unlock_acting(stage)
    assert isinstance(dialog, UnlockDialog)
    dialog.acting_step.new_choice.setChecked(True)
    return dialog


# -- wizard -------------------------------------------------------------------------------
def wizard_page(index: int) -> Callable[[Stage], QWidget]:
    def scene(stage: Stage) -> QWidget:
        wizard = FirstRunWizard(stage.tasks)
        _show(stage, wizard)
        fills = (
            helpers.fill_holder,
            helpers.fill_manager,
            helpers.fill_council,
            helpers.fill_funding,
        )
        for step in range(index):
            if step < len(fills):
                fills[step](wizard)
            elif step == 4:
                wizard.save_page.path.setText(str(stage.folder / "Wizard book.pabook"))
            elif step == 5:
                wizard.passphrase_page.pair.first.setText(PASSPHRASE)
                wizard.passphrase_page.pair.second.setText(PASSPHRASE)
            helpers.next_page(stage.qtbot, wizard)
        helpers.wait_idle(stage.qtbot, stage.tasks)
        return wizard

    scene.__name__ = f"wizard_page_{index + 1}"
    return scene


def wizard_with_problems(stage: Stage) -> QWidget:
    wizard = wizard_page(3)(stage)
    assert isinstance(wizard, FirstRunWizard)
    wizard.funding_page.weekly_dp.setText("four hundred")
    wizard.funding_page.allowed.setText("lots")
    wizard.next()
    return wizard


# -- main window --------------------------------------------------------------------------
def main_window(stage: Stage, section: str = "Home", *, visit: bool = False) -> MainWindow:
    window = MainWindow(stage.tasks, stage.settings)
    _show(stage, window)
    window.set_book(open_for_gui(stage, visit=visit))
    window.sidebar.setCurrentRow(SECTIONS.index(section))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return window


def main_section(section: str) -> Callable[[Stage], QWidget]:
    def scene(stage: Stage) -> QWidget:
        return main_window(stage, section)

    scene.__name__ = "main_" + section.lower().replace(" & ", "_").replace(" ", "_")
    return scene


def main_home_demo(stage: Stage) -> QWidget:
    """Home with a year of made-up money in and out, so every figure has a value."""
    window, path = demo_main_window(stage)
    window.set_book(open_for_gui(stage, path))
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return window


def main_home_at_risk(stage: Stage) -> QWidget:
    """Home for a book above its band, with a short council payment and a bank charge."""
    from datetime import date

    from pa_manager.domain.categories import Category
    from pa_manager.domain.money import Money
    from pa_manager.services.ledger import NewTransaction, record_transactions

    opened = open_for_gui(stage)
    record_transactions(
        opened.book,
        [
            NewTransaction(date(2026, 4, 6), "Anytown Council", Money.parse("1700"), Category.COUNCIL_DP),
            NewTransaction(date(2026, 5, 4), "Anytown Council", Money.parse("1600"), Category.COUNCIL_DP),
            NewTransaction(date(2026, 5, 9), "Overdraft charge", Money.parse("-12"), Category.BANK_CHARGES),
        ],
    )
    opened.book.close()
    return main_window(stage)


def main_settings_visit(stage: Stage) -> QWidget:
    return main_window(stage, "Settings", visit=True)


def main_locked(stage: Stage) -> QWidget:
    window = main_window(stage)
    window.lock()
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return window


def change_passphrase(stage: Stage) -> QWidget:
    opened = open_for_gui(stage)
    dialog = ChangePassphraseDialog(opened.book, stage.tasks)
    _show(stage, dialog)
    stage.tasks.run(opened.book.close)
    return dialog


SCENES: dict[str, Callable[[Stage], QWidget]] = {
    f.__name__: f
    for f in (
        start_empty,
        start_recent,
        unlock_passphrase,
        unlock_recovery,
        unlock_remembered,
        unlock_visit,
        unlock_wrong_passphrase,
        unlock_new_passphrase,
        unlock_acting,
        unlock_acting_someone_new,
        *(wizard_page(i) for i in range(7)),
        wizard_with_problems,
        *(main_section(s) for s in SECTIONS),
        main_home_demo,
        main_home_at_risk,
        main_settings_visit,
        main_locked,
        change_passphrase,
        *MONEY_SCENES,
        *PEOPLE_SCENES,
        *PAY_SCENES,
        *HOME_SCENES,
        *RECEIPTS_SCENES,
        *RETURNS_SCENES,
    )
}
