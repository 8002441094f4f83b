"""The Money dialogs in the accessibility walk: every input named, every control reachable by
Tab, and screenshots at 100% and 200% text (saved to screenshots/) with no text cut off."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.ui.text_size import apply_text_size
from tests.ui import helpers
from tests.ui.scenes import Stage
from tests.ui.test_screenshots import SHOTS

from .money_dialog_scenes import MONEY_DIALOG_SCENES


@pytest.mark.parametrize("scene", sorted(MONEY_DIALOG_SCENES))
def test_every_input_has_an_accessible_name(stage: Stage, scene: str) -> None:
    window = MONEY_DIALOG_SCENES[scene](stage)
    assert helpers.input_widgets(window)
    assert helpers.unnamed_inputs(window) == []


@pytest.mark.parametrize("scene", sorted(MONEY_DIALOG_SCENES))
def test_every_visible_control_is_reachable_by_tab(stage: Stage, scene: str, qtbot: QtBot) -> None:
    window = MONEY_DIALOG_SCENES[scene](stage)
    assert helpers.unreachable_inputs(qtbot, window) == []


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize("scene", sorted(MONEY_DIALOG_SCENES))
def test_screenshot_has_no_clipped_text(stage: Stage, scene: str, percent: int, qtbot: QtBot) -> None:
    apply_text_size(percent)
    window = MONEY_DIALOG_SCENES[scene](stage)
    qtbot.wait(100)
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / f"{scene}-{percent}.png"))
    assert helpers.clipped_texts(window) == []
    assert helpers.hidden_overflow(window) == []
