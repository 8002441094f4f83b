"""Settings → About: the version from package metadata and the bundled libraries' licences."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from pytestqt.qtbot import QtBot

from pa_manager.ui.licences import COMPONENTS, bundled_licences, declared_licence, licences_text
from pa_manager.ui.pages.settings_page import SettingsPage
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.tasks import TaskRunner

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_licences_come_from_package_metadata() -> None:
    rows = {row.name: row for row in bundled_licences()}
    assert rows["SQLAlchemy"].licence == "MIT"
    assert rows["SQLAlchemy"].version == version("SQLAlchemy")
    assert rows["Alembic"].licence == "MIT"
    assert rows["ofxtools"].licence.startswith("GPL-3.0")
    assert "LGPL-3.0" in rows["Qt for Python (PySide6)"].licence
    assert rows["ReportLab"].licence == "BSD"  # from "BSD license (see license.txt ...)"
    assert "Apache-2.0" in rows["cryptography"].licence


def test_a_package_without_a_licence_field_uses_the_fallback() -> None:
    assert declared_licence("sqlcipher3") is None  # if this starts failing, the metadata improved
    rows = {row.name: row for row in bundled_licences()}
    assert rows["sqlcipher3"].licence == "Zlib"
    assert declared_licence("no-such-package-here") is None


def test_every_component_is_listed_once() -> None:
    text = licences_text()
    for part in COMPONENTS:
        assert text.count(part.name + " ") + text.count(part.name + ":") >= 1
    assert len(text.splitlines()) == len(COMPONENTS)


def test_about_shows_version_and_licences(qtbot: QtBot, tasks: TaskRunner, app_settings: AppSettings) -> None:
    page = SettingsPage(tasks, app_settings)
    qtbot.addWidget(page)
    page.resize(700, 1400)
    page.show()
    assert f"version {version('pa-manager')}" in page.about.text()
    assert "SQLAlchemy" in page.licences.text() and "DejaVu fonts" in page.licences.text()
    SCREENSHOTS.mkdir(exist_ok=True)
    assert page.grab().save(str(SCREENSHOTS / "settings-about.png"))
