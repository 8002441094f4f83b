"""`pa-manager --self-test`: passes here, leaves nothing behind, prints nothing from the book."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pa_manager import selftest
from pa_manager.cli import main
from tests.conftest import MemoryKeyring


def test_self_test_passes_and_cleans_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    lines: list[str] = []
    assert selftest.run(lines.append) == 0
    assert list(tmp_path.iterdir()) == []  # the temporary folder is gone
    assert lines[0].startswith("PA Manager ") and lines[-1].startswith("self-test passed in ")
    text = "\n".join(lines)
    assert "none usable here" in text and "window grabbed" in text and "DejaVu font embedded" in text
    assert str(tmp_path) not in text  # not even where it worked


def test_self_test_uses_a_usable_keyring_and_leaves_it_empty(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    lines: list[str] = []
    assert selftest.run(lines.append) == 0
    assert any("stored and removed a test entry" in line for line in lines)
    assert memory_keyring.items == {}


def test_self_test_failure_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def broken(_created: object, _folder: Path) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(selftest, "_check_pdf", broken)
    assert selftest.run(lambda _line: None) == 1
    assert capsys.readouterr().err.strip() == "pa-manager: self-test failed at 'pdf' (OSError)"
    assert list(tmp_path.iterdir()) == []


def test_self_test_flag_refuses_a_book() -> None:
    assert main(["--self-test", "--demo"]) == 2


def test_self_test_runs_from_the_command_line_without_a_screen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}}
    env["TMPDIR"] = str(tmp_path)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = subprocess.run(
        [sys.executable, "-c", "from pa_manager.cli import main; raise SystemExit(main(['--self-test']))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "qt: platform offscreen" in done.stdout
    assert list(tmp_path.iterdir()) == []
