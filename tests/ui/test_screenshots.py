"""Screenshots of every scene at normal and 200% text, saved to screenshots/ for people to look
at, and checks that no label or button text is cut off and nothing is out of reach of a scroll
bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.ui.text_size import apply_text_size, base_point_size
from tests.ui import helpers
from tests.ui.scenes import SCENES, Stage

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize("scene", sorted(SCENES))
def test_screenshot_has_no_clipped_text(stage: Stage, scene: str, percent: int, qtbot: QtBot) -> None:
    apply_text_size(percent)
    assert QApplication.font().pointSizeF() == pytest.approx(base_point_size() * percent / 100)
    window = SCENES[scene](stage)
    qtbot.wait(100)  # queued layout work (scroll bars showing or hiding) settles first
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / f"{scene}-{percent}.png"))
    assert helpers.clipped_texts(window) == []
    assert helpers.hidden_overflow(window) == []
