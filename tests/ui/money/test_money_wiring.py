"""The Money page's buttons open the import, reconcile and pots dialogs in the main window, and
what a dialog adds shows at once in the register and on Home."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pa_manager.ui.pages.money.dialogs.import_dialog import ImportDialog
from pa_manager.ui.pages.money.dialogs.pots_dialog import PotsDialog
from pa_manager.ui.pages.money.dialogs.reconcile_dialog import ReconcileDialog
from tests.ui import helpers
from tests.ui.scenes import Stage, main_window

SAMPLES = Path(__file__).resolve().parents[2] / "importers" / "samples"


def test_import_from_the_money_page_updates_the_register_and_home(stage: Stage, qtbot: QtBot) -> None:
    window = main_window(stage, "Money")
    page = window.money_page
    assert page.model.rowCount() == 0
    before = window.home_page.balance.text()
    page.import_button.click()
    dialog = window.money_dialogs.current
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.set_path(SAMPLES / "lloyds.csv")
    helpers.wait_idle(qtbot, stage.tasks)
    dialog.add_button.click()
    helpers.wait_idle(qtbot, stage.tasks)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: window.home_page.balance.text() != before, timeout=10_000)
    qtbot.waitUntil(lambda: window.money_dialogs.current is None)  # it closed itself when done
    for button, kind in ((page.reconcile_button, ReconcileDialog), (page.pots_button, PotsDialog)):
        button.click()
        shown = window.money_dialogs.current
        assert isinstance(shown, kind) and shown.isVisible()
        helpers.wait_idle(qtbot, stage.tasks)
        shown.close()
