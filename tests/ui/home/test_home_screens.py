"""Screenshots of Home, Forecast and Spending at normal and 200% text, in the light and a dark
palette, saved to screenshots/home/ for people to look at; no text may be cut off in any."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pa_manager.ui.text_size import apply_text_size
from tests.ui import helpers
from tests.ui.home.scenes_home import HOME_SCENES
from tests.ui.scenes import Stage

SHOTS = Path(__file__).resolve().parents[3] / "screenshots" / "home"
SCENES = {f.__name__: f for f in HOME_SCENES}


def dark_palette() -> QPalette:
    """A dark palette like the ones desktops offer (light text on dark grey)."""
    p = QPalette()
    dark, darker, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(235, 235, 235)
    for role, colour in (
        (QPalette.ColorRole.Window, dark),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, darker),
        (QPalette.ColorRole.AlternateBase, dark),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, dark),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor(70, 140, 230)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Mid, QColor(90, 90, 95)),
        (QPalette.ColorRole.ToolTipBase, dark),
        (QPalette.ColorRole.ToolTipText, text),
    ):
        p.setColor(role, colour)
    return p


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    old = QApplication.palette()
    if request.param == "dark":
        QApplication.setPalette(dark_palette())
    yield request.param
    QApplication.setPalette(old)


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize("scene", sorted(SCENES))
def test_home_screens(stage: Stage, scene: str, percent: int, palette: str, qtbot: QtBot) -> None:
    apply_text_size(percent)
    window = SCENES[scene](stage)
    qtbot.wait(100)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / f"{scene}-{percent}-{palette}.png"))
    assert helpers.clipped_texts(window) == []
    assert helpers.hidden_overflow(window) == []
