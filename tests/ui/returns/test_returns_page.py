"""The Returns page on the demo book inside the main window: figures from the service, pre-flight
buttons that go to the fix, the explanation saved, exports (with the pack's progress), the history
and a template copied and edited."""

from __future__ import annotations

import zipfile

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.domain.errors import DomainError
from pa_manager.services import returns_history
from pa_manager.services.returns import build_return
from pa_manager.ui.main_window import SECTIONS
from pa_manager.ui.tasks import TaskRunner
from tests.ui import helpers
from tests.ui.money.conftest import on_worker
from tests.ui.returns.scenes_returns import demo_returns_window
from tests.ui.scenes import Stage


@pytest.fixture
def window(stage: Stage):  # type: ignore[no-untyped-def]
    return demo_returns_window(stage)


def _reload(qtbot: QtBot, page: object, action: object) -> None:
    with qtbot.waitSignal(page.loaded, timeout=60_000):  # type: ignore[attr-defined]
        action()  # type: ignore[operator]


def test_the_page_shows_the_services_figures_and_a_preview(window, qtbot: QtBot, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    view = page.view
    assert view is not None
    f = view.figures
    start, end = page.date_from.date_value(), page.date_to.date_value()
    assert (start, end) == (view.next_due.start, view.next_due.end)
    fresh, _ = on_worker(qtbot, tasks, lambda: build_return(window.opened.book, start, end))
    assert (fresh.opening, fresh.closing) == (f.opening, f.closing)
    text = page.figures.text()
    for money in (f.opening, f.total_in, f.total_out, f.closing):
        assert str(money) in text
    assert page.preview.pictures.count() == len(view.pages) == 3
    assert f"of {view.page_count}" in page.preview.note.text()
    assert len(page.preflight.buttons) == len(view.open_items) >= 1
    assert page.history_empty.isVisible() and not page.history.isVisible()


def test_fix_buttons_go_to_the_page_that_fixes_them(window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    evidence = next(b for b in page.preflight.buttons if b.text() == "Add receipts")
    evidence.click()
    assert window.sidebar.currentRow() == SECTIONS.index("Receipts")
    window.sidebar.setCurrentRow(SECTIONS.index("Returns"))
    reconcile = next(b for b in page.preflight.buttons if b.text() == "Reconcile in Money")
    reconcile.click()
    assert window.sidebar.currentRow() == SECTIONS.index("Money")


def test_the_explanation_is_kept_and_clears_its_preflight_item(window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    page.template_box.setCurrentIndex(page.template_box.findData("birmingham-quarterly-declaration"))
    _reload(qtbot, page, page.show_button.click)
    assert any(b.text() == "Write the explanation" for b in page.preflight.buttons)
    page.explanation.setPlainText("Holiday pay owed to two PAs and the HMRC quarter.")
    page.capacity.setText("son and appointee")
    _reload(qtbot, page, page.save_words_button.click)
    assert not any(b.text() == "Write the explanation" for b in page.preflight.buttons)
    assert page.view.figures.explanation.startswith("Holiday pay owed")
    assert page.capacity.text() == "son and appointee"


def test_exports_the_pack_with_progress_then_marks_it_sent(window, stage: Stage, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    seen: list[int] = []
    page.export_panel.progress.valueChanged.connect(seen.append)
    page.choose_path = lambda fmt: stage.folder / f"return-{fmt}"
    page.confirm = lambda *_args: True
    with qtbot.waitSignal(page.exported, timeout=120_000) as blocker:
        page.export_panel.pack_button.click()
    result = blocker.args[0]
    assert result.path == stage.folder / "return-pack.zip"
    with zipfile.ZipFile(result.path) as z:
        assert "00 Return.pdf" in z.namelist() and len(z.namelist()) == len(page.view.figures.evidence) + 2
    assert seen and max(seen) == page.export_panel.progress.maximum()
    assert "Saved to" in page.export_panel.note.text()
    with qtbot.waitSignal(page.exported, timeout=60_000):
        page.export_panel.pdf_button.click()
    _reload(qtbot, page, page.export_panel.sent_button.click)
    assert page.history.isVisible() and page.history.rowCount() == 1
    assert page.history.item(0, 2).text() == "PDF"
    # The next return due moves on to the following period.
    assert page.view.next_due.start > page.view.figures.period.end
    page.history.selectRow(0)
    _reload(qtbot, page, page.forget_button.click)
    assert page.history.rowCount() == 0


def test_a_cancelled_pack_leaves_no_file(window, stage: Stage, qtbot: QtBot, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    page.choose_path = lambda fmt: stage.folder / "cancelled"
    page.export_panel.progress.valueChanged.connect(
        lambda v: v >= 2 and page.export_panel.cancel_button.click()
    )
    page.export_panel.pack_button.click()
    helpers.wait_idle(qtbot, tasks, timeout=120_000)
    assert "cancelled" in page.export_panel.note.text()
    assert not any(
        p.name.startswith("cancelled") or p.name.endswith(".partial") for p in stage.folder.iterdir()
    )
    assert page.export_panel.pack_button.isEnabled() and not page.export_panel.progress_row.isVisible()


def test_a_bad_date_says_so_and_changes_nothing(window) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    before = page.view
    page.date_to.setText("31/02/2026")
    page.show_button.click()
    assert page.message.isVisible() and "not a date" in page.message.text()
    assert page.view is before


def test_a_template_copied_and_edited_is_used_for_the_return(window, qtbot: QtBot, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    page = window.returns_page
    page.template_box.setCurrentIndex(page.template_box.findData("birmingham-quarterly-declaration"))
    page.edit_template()
    dialog = page.template_dialog
    assert dialog.copying
    dialog.name.setText("Our council")
    dialog.band.setText("6-8")
    wages = next(
        i for i, (incoming, c) in enumerate(dialog._rows) if not incoming and c.value == "pa_net_wages"
    )
    dialog.lines.item(wages, 1).setText("Carers' wages")
    with qtbot.waitSignal(page.loaded, timeout=60_000):
        dialog.save()
    assert page.template_box.currentData() == "our-council"
    view = page.view
    assert view.template.key == "our-council" and str(view.template.allowed) == "6 to 8 weeks"
    labels = [x.label for x in view.template.money_out]
    assert "Carers' wages" in labels and "Wages" not in labels
    # Bad input in the dialog is said in words and saves nothing.
    page.edit_template()
    dialog = page.template_dialog
    dialog.band.setText("8-4")
    dialog.save()
    assert "smaller number first" in dialog.message.text()
    with pytest.raises(DomainError):
        dialog.edited()
    keys = on_worker(
        qtbot, tasks, lambda: [r.template_key for r in returns_history.history(window.opened.book)]
    )
    assert keys == []
