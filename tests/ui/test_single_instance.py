"""Single instance: a second launch hands its book to the running app over a local socket."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pa_manager.app import bring_forward
from pa_manager.ui.controller import AppController
from pa_manager.ui.dialogs.unlock_dialog import UnlockDialog
from pa_manager.ui.single_instance import SingleInstance, server_name
from pa_manager.ui.start_window import StartWindow

# The second launch runs in its own process, as it does when the file manager starts it.
_HAND_OVER = (
    "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication; "
    "from pa_manager.ui.single_instance import SingleInstance; app = QCoreApplication([]); "
    "sys.exit(0 if SingleInstance(sys.argv[1]).hand_over(Path(sys.argv[2]) if sys.argv[2] else None) else 1)"
)


@pytest.fixture
def listening(qtbot: QtBot) -> Iterator[SingleInstance]:
    instance = SingleInstance(f"pa-manager-test-{uuid.uuid4().hex[:12]}")
    assert instance.listen()
    yield instance
    instance.close()


def _second_launch(name: str, path: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", _HAND_OVER, name, path])


def _wait(qtbot: QtBot, proc: subprocess.Popen[bytes]) -> int:
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    return proc.returncode


def test_server_name_is_per_user_and_plain() -> None:
    name = server_name()
    assert name == server_name() and name.startswith("pa-manager-")
    assert name.replace("-", "").isalnum()


def test_no_running_app_means_no_hand_over(qtbot: QtBot) -> None:
    assert not SingleInstance(f"pa-manager-test-{uuid.uuid4().hex[:12]}").hand_over(Path("x.pabook"), 500)


def test_a_second_launch_hands_its_book_over_and_exits_0(
    qtbot: QtBot, listening: SingleInstance, tmp_path: Path
) -> None:
    book = tmp_path / "Jane’s book £.pabook"  # spaces and non-ASCII survive the trip
    book.write_bytes(b"")
    received: list[Path | None] = []
    listening.path_received.connect(received.append)
    proc = _second_launch(listening.name, str(book))
    qtbot.waitUntil(lambda: bool(received), timeout=30_000)
    assert _wait(qtbot, proc) == 0
    assert received == [book.resolve()]


def test_a_second_plain_launch_asks_only_to_come_forward(qtbot: QtBot, listening: SingleInstance) -> None:
    received: list[Path | None] = []
    listening.path_received.connect(received.append)
    proc = _second_launch(listening.name, "")
    qtbot.waitUntil(lambda: bool(received), timeout=30_000)
    assert _wait(qtbot, proc) == 0
    assert received == [None]


def test_a_stale_socket_from_a_crash_is_replaced(qtbot: QtBot) -> None:
    name = f"pa-manager-test-{uuid.uuid4().hex[:12]}"
    first = SingleInstance(name)
    assert first.listen()
    second = SingleInstance(name)
    # A second listener on the same name takes over (the first one would have crashed).
    assert second.listen() and second.is_listening()
    second.close()
    first.close()


def test_the_running_app_shows_the_unlock_dialog_for_the_handed_book(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    book = tmp_path / "handed.pabook"
    book.write_bytes(b"")
    bring_forward(controller, book)
    dialog = controller.unlock_dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def test_a_plain_second_launch_brings_the_start_window_forward(
    qtbot: QtBot, controller: AppController
) -> None:
    bring_forward(controller, None)
    assert isinstance(controller.start_window, StartWindow)
    qtbot.waitUntil(controller.start_window.isVisible)
    controller.start_window.close()
