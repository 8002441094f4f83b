"""`pa-manager --self-test`: prove an installed or bundled PA Manager has everything it needs.

It writes a demo book, opens it again (SQLCipher and the Alembic migrations), sums it up, renders
a PDF with our DejaVu font (reportlab), touches the keyring when there is a usable one, and makes
a Qt window and grabs it (Qt's platform, image and icon plugins). Used to smoke-test a PyInstaller
bundle (installer/README.md). Everything goes into a temporary folder that is deleted, and nothing
from the book is printed: only which checks passed and how long they took.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pa_manager.services.book import CreatedBook

# The demo book's passphrase: random each run, never shown, gone with the folder.
_PASSPHRASE_BYTES = 18


def run(out: Callable[[str], None] = print) -> int:
    """Run every check; 0 when all pass, 1 (with one plain line saying which failed) otherwise."""
    started = time.perf_counter()
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a build machine or CI has no screen
    folder = Path(tempfile.mkdtemp(prefix="pa-manager-selftest-"))
    step = "starting"
    try:
        import pa_manager

        out(f"PA Manager {pa_manager.__version__} self-test")
        step = "book"
        created = _check_book(folder)
        out("  book: created, reopened, summarised")
        step = "pdf"
        out(f"  pdf: {_check_pdf(created, folder)}")
        step = "keyring"
        out(f"  keyring: {_check_keyring(created)}")
        step = "qt"
        out(f"  qt: {_check_qt(folder)}")
    except Exception as err:
        if os.environ.get("PA_MANAGER_DEBUG"):
            import traceback

            traceback.print_exc()
        print(f"pa-manager: self-test failed at '{step}' ({type(err).__name__})", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    out(f"self-test passed in {time.perf_counter() - started:.2f} s")
    return 0


def _passphrase() -> str:
    return secrets.token_urlsafe(_PASSPHRASE_BYTES)


def _check_book(folder: Path) -> CreatedBook:
    from pa_manager.services.book import open_book
    from pa_manager.services.demo import create_demo_book
    from pa_manager.services.summary import summarise

    passphrase = _passphrase()
    path = folder / "self-test.pabook"
    created = create_demo_book(path, passphrase, years=1, pas=1)
    book = open_book(path, passphrase=passphrase)
    try:
        summarise(book)
    finally:
        book.close()
    return created


def _check_pdf(created: CreatedBook, folder: Path) -> str:
    from pa_manager.services.book import write_recovery_sheet

    pdf = write_recovery_sheet(created, folder / "recovery-sheet.pdf")
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or b"DejaVuSans" not in data:
        raise RuntimeError("the PDF is not what reportlab should have written")
    return f"{len(data)} bytes, DejaVu font embedded"


def _check_keyring(created: CreatedBook) -> str:
    from pa_manager.services.book import keyring_usable, open_book, remember_on_this_computer

    if not keyring_usable():
        return "none usable here (normal on a headless machine)"
    # Remember the throwaway book's key, then forget it again, so the real keyring sees one
    # short-lived entry for a book that is about to be deleted.
    book = open_book(created.path, recovery_code=created.recovery_code)
    try:
        stored = remember_on_this_computer(book, True)
        remember_on_this_computer(book, False)
    finally:
        book.close()
    return "stored and removed a test entry" if stored else "present but refused the test entry"


def _check_qt(folder: Path) -> str:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QLabel

    from pa_manager.app import ICON

    # Nothing here reads or writes QSettings, so the person's saved settings are never touched.
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    icon = QIcon(str(ICON))
    pixmap = icon.pixmap(64, 64)
    if pixmap.isNull():
        raise RuntimeError("the SVG icon did not render (Qt's svg plugin is missing)")
    label = QLabel("PA Manager £1,234.56")
    label.setWindowIcon(icon)
    label.resize(320, 80)
    label.show()
    app.processEvents()
    shot = folder / "window.png"
    if not label.grab().save(str(shot)) or shot.stat().st_size == 0:
        raise RuntimeError("could not grab the window")
    label.close()
    return f"platform {app.platformName()}, window grabbed, icon rendered"
