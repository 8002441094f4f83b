"""Settings: passphrase, remembering the key on this computer, auto-lock time, text size, About."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

import pa_manager
from pa_manager.services.book import keyring_usable, remember_on_this_computer, unlock_info
from pa_manager.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog
from pa_manager.ui.licences import licences_text
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.settings import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    TEXT_SIZES,
    AppSettings,
)
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel, apply_text_size, current_text_size
from pa_manager.ui.widgets.field_message import add_field, make_form
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column


def _section(title: str) -> ScaledLabel:
    label = ScaledLabel(title, scale=1.25, bold=True)
    label.setWordWrap(True)
    return label


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class SettingsPage(QWidget):
    """Emits `idle_minutes_changed` so the main window's auto-lock follows the spin box."""

    idle_minutes_changed = Signal(int)

    def __init__(self, tasks: TaskRunner, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._settings = settings
        self._opened: OpenedBook | None = None
        self.change_dialog: ChangePassphraseDialog | None = None

        heading = ScaledLabel("Settings", scale=1.6, bold=True)

        self.change_button = QPushButton("C&hange passphrase…")
        self.change_button.clicked.connect(self._on_change_clicked)
        self.passphrase_note = _note("The passphrase opens this book on any computer.")

        self.remember_box = QCheckBox("&Remember on this computer")
        self.remember_box.setAccessibleDescription(
            "Keep the book's key in this computer's password store, so it opens without typing "
            "the passphrase."
        )
        self.remember_box.clicked.connect(self._on_remember_clicked)
        self.remember_note = _note()

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(" minutes")
        self.idle_minutes.setValue(settings.idle_minutes())
        self.idle_minutes.valueChanged.connect(self._on_idle_minutes_changed)

        self.text_size = QComboBox()
        for percent in TEXT_SIZES:
            self.text_size.addItem(f"{percent}%", percent)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(current_text_size())))
        self.text_size.currentIndexChanged.connect(self._on_text_size_changed)
        self.saved_note = _note()

        form = make_form()
        add_field(
            form,
            "&Lock the book after:",
            self.idle_minutes,
            "If nobody touches the keyboard or mouse for this long, the book locks itself.",
        )
        add_field(form, "&Text size:", self.text_size, "200% makes all the writing twice as big.")

        about = _note(
            f"PA Manager version {pa_manager.__version__}. Free software (GNU GPL version 3 or "
            "later). Your book stays on your computer, encrypted; nothing is sent anywhere."
        )
        about.setAccessibleName("About PA Manager")
        self.about = about
        # Read from the installed packages' metadata (copied into the bundle), so it stays true.
        self.licences = _note(
            "PA Manager includes these libraries, under their own licences:\n" + licences_text()
        )
        self.licences.setAccessibleName("Libraries included and their licences")
        self.licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        content, column = page_column()
        column.addWidget(heading)
        column.addWidget(_section("Passphrase"))
        column.addWidget(self.passphrase_note)
        column.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = _note()
        column.addWidget(self.status)
        column.addWidget(_section("This computer"))
        column.addWidget(self.remember_box)
        column.addWidget(self.remember_note)
        column.addWidget(_section("Locking and text size"))
        column.addLayout(form)
        column.addWidget(self.saved_note)
        column.addWidget(_section("About"))
        column.addWidget(about)
        column.addWidget(self.licences)
        column.addStretch(1)
        fill_with_scrolling(self, content)
        self.set_book(None)

    # -- book ------------------------------------------------------------------------------
    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        if opened is None and self.change_dialog is not None:
            self.change_dialog.reject()  # locked mid-change: the dialog holds the old book
            self.change_dialog = None
        self.status.clear()
        self.remember_box.setChecked(False)
        self.remember_box.setEnabled(False)
        self.change_button.setEnabled(opened is not None and not opened.demo)
        if opened is None:
            self.remember_note.setText("Open a book to change how this computer treats it.")
            self.saved_note.clear()
            return
        if opened.demo:
            self.passphrase_note.setText(
                "This is a demo book with made-up data: it has no passphrase to change, and it "
                "is deleted when you close PA Manager."
            )
        else:
            self.passphrase_note.setText("The passphrase opens this book on any computer.")
        self.saved_note.setText(
            "In visit mode these choices last until PA Manager closes; nothing is saved on this computer."
            if opened.visit_mode
            else ""
        )
        self.saved_note.setVisible(opened.visit_mode)
        if opened.visit_mode:
            self.remember_note.setText(
                "Not available in visit mode: nothing about this book is kept on this computer."
            )
            return
        if opened.demo:
            self.remember_note.setText("Not needed for the demo book.")
            return
        self.remember_note.setText("Checking this computer's password store…")
        path = opened.path
        self._tasks.run(
            lambda: (keyring_usable(), bool(unlock_info(path).remembered)),
            self._on_remember_state,
            self._on_remember_failed,
            owner=self,
        )

    def _on_remember_state(self, state: tuple[bool, bool]) -> None:
        usable, remembered = state
        if self._opened is None or self._opened.visit_mode:
            return
        if not usable:
            self.remember_note.setText(
                "This computer has no password store PA Manager can use, so type the "
                "passphrase each time. That is normal on some computers."
            )
            return
        self.remember_box.setEnabled(True)
        self.remember_box.setChecked(remembered)
        self._say_remembered(remembered)

    def _on_remember_failed(self, message: str) -> None:
        self.remember_note.setText(message)

    def _say_remembered(self, remembered: bool) -> None:
        self.remember_note.setText(
            "This computer remembers the key: the book opens here without the passphrase. "
            "Untick this on a shared computer."
            if remembered
            else "Tick this to open the book on this computer without typing the passphrase. "
            "Only do it on a computer nobody else uses."
        )

    # -- slots -----------------------------------------------------------------------------
    def _on_change_clicked(self) -> None:
        if self._opened is None:
            return
        dialog = ChangePassphraseDialog(self._opened.book, self._tasks, self)
        dialog.accepted.connect(self._on_passphrase_changed)
        dialog.open()
        self.change_dialog = dialog

    def _on_passphrase_changed(self) -> None:
        self.status.setText("Done: the book now opens with the new passphrase.")

    def _on_remember_clicked(self, checked: bool) -> None:
        if self._opened is None or self._opened.visit_mode:
            return
        book = self._opened.book
        self.remember_box.setEnabled(False)
        self._tasks.run(
            lambda: bool(remember_on_this_computer(book, checked)),
            lambda ok: self._on_remember_done(checked, ok),
            self._on_remember_error,
            owner=self,
        )

    def _on_remember_done(self, wanted: bool, remembered: bool) -> None:
        # The service answers whether the key is remembered now (False: no usable keyring).
        self.remember_box.setEnabled(True)
        self.remember_box.setChecked(remembered)
        self._say_remembered(remembered)
        if wanted and not remembered:
            self.remember_note.setText(
                "This computer's password store did not accept the key, so it is not remembered. "
                "Type the passphrase each time."
            )

    def _on_remember_error(self, message: str) -> None:
        self.remember_box.setEnabled(True)
        self.remember_box.setChecked(not self.remember_box.isChecked())
        self.remember_note.setText(message)

    def _on_idle_minutes_changed(self, minutes: int) -> None:
        self._settings.set_idle_minutes(minutes)
        self.idle_minutes_changed.emit(minutes)

    def _on_text_size_changed(self, _index: int) -> None:
        percent = int(self.text_size.currentData())
        apply_text_size(percent)
        self._settings.set_text_size(percent)
