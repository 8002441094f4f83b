"""Pay scenes for the accessibility walk and the screenshots: the Pay page of the demo book with a
week worked out (one PA's timesheet waiting for approval, so a warning) and with a finalised run
shown, a payslip's figures, and the bureau payslip form with problems beside its boxes.
(Imported by tests/ui/scenes.py; it imports that module lazily.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from tests.conftest import PASSPHRASE


def _demo_pay_window(stage: object) -> QWidget:
    """The demo book (a year of finalised weekly runs) on the Pay page, with all but one PA's
    timesheet of the newest week approved."""
    from pa_manager.services import book as books
    from pa_manager.services.demo import create_demo_book
    from pa_manager.ui.main_window import SECTIONS, MainWindow
    from tests.ui import helpers
    from tests.ui.pay.conftest import demo_weeks
    from tests.ui.scenes import Stage, _show, open_for_gui

    assert isinstance(stage, Stage)
    made = create_demo_book(stage.folder / "demo", PASSPHRASE)
    book = books.open_book(made.path, passphrase=PASSPHRASE)
    try:
        book.act_as_default()
        weeks = demo_weeks(book)
    finally:
        book.close()
    window = MainWindow(stage.tasks, stage.settings)
    _show(stage, window)
    page = window.pay_page
    with stage.qtbot.waitSignal(page.loaded, timeout=60_000):
        window.set_book(open_for_gui(stage, made.path))
    window.sidebar.setCurrentRow(SECTIONS.index("Pay"))
    window._pay_weeks = weeks  # type: ignore[attr-defined]
    helpers.wait_idle(stage.qtbot, stage.tasks)
    return window


def _work_out(stage: object, window: QWidget, week: int) -> None:
    from pa_manager.domain.periods import PayFrequency
    from tests.ui import helpers
    from tests.ui.scenes import Stage

    assert isinstance(stage, Stage)
    page = window.pay_page  # type: ignore[attr-defined]
    weeks = window._pay_weeks  # type: ignore[attr-defined]
    page.picker.set_key((weeks.year, PayFrequency.WEEKLY, week))
    with stage.qtbot.waitSignal(page.run_shown, timeout=30_000):
        page.work_out_button.click()
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)  # the scroll area fits its contents on the next turn of the event loop


def main_pay_run(stage: object) -> QWidget:
    """The newest week worked out: two PAs paid, one left out with a warning."""
    window = _demo_pay_window(stage)
    _work_out(stage, window, window._pay_weeks.open)  # type: ignore[attr-defined]
    return window


def main_pay_finalised(stage: object) -> QWidget:
    window = _demo_pay_window(stage)
    _work_out(stage, window, window._pay_weeks.finalised)  # type: ignore[attr-defined]
    return window


def _shown(stage: object, dialog: QWidget) -> QWidget:
    from tests.ui import helpers
    from tests.ui.scenes import Stage

    assert isinstance(stage, Stage)
    stage.qtbot.waitUntil(dialog.isVisible, timeout=30_000)
    stage.shown.append(dialog)
    stage.qtbot.waitExposed(dialog)
    helpers.wait_idle(stage.qtbot, stage.tasks)
    stage.qtbot.wait(50)
    return dialog


def pay_payslip(stage: object) -> QWidget:
    window = _demo_pay_window(stage)
    _work_out(stage, window, window._pay_weeks.finalised)  # type: ignore[attr-defined]
    page = window.pay_page  # type: ignore[attr-defined]
    page.view.table.selectRow(0)
    page.show_payslip()
    return _shown(stage, page.payslip_dialog)


def pay_bureau(stage: object) -> QWidget:
    """The bureau form with a figure that is not money and the tick box not ticked."""
    window = _demo_pay_window(stage)
    page = window.pay_page  # type: ignore[attr-defined]
    page.bureau_button.click()
    stage.qtbot.waitUntil(lambda: page.bureau_dialog is not None, timeout=30_000)  # type: ignore[attr-defined]
    dialog = page.bureau_dialog
    dialog.edits["gross"].setText("four hundred")
    dialog.edits["tax"].setText("12.40")
    dialog.save()
    return _shown(stage, dialog)


PAY_SCENES: tuple[Callable[[object], QWidget], ...] = (
    main_pay_run,
    main_pay_finalised,
    pay_payslip,
    pay_bureau,
)
