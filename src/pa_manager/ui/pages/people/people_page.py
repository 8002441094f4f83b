"""People & timesheets: the PAs, what paperwork needs doing, and the way into records and timesheets.

The list and the to-do items come from the worker (`list_pas` and `compliance_overview`). Each
to-do says its state in words with a sign ("⚠ Overdue", "✖ Missing"); Enter on one opens the PA's
record at the tab that deals with it (or, for the employer's insurance, the insurance form).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pa_manager.domain.compliance import ComplianceState, ComplianceTopic
from pa_manager.domain.people import long_date
from pa_manager.services import compliance_records, people
from pa_manager.services.compliance_records import ToDo
from pa_manager.services.people import PaListRow, PaRecord
from pa_manager.ui.pages.money.flow_layout import flow_row
from pa_manager.ui.pages.people.compliance_tab import STATE_WORDS
from pa_manager.ui.pages.people.insurance_dialog import InsuranceDialog
from pa_manager.ui.pages.people.pa_dialog import DETAILS_TAB, PaDialog, tab_for
from pa_manager.ui.pages.people.timesheet_dialog import TimesheetDialog
from pa_manager.ui.session import OpenedBook
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import ScaledLabel
from pa_manager.ui.widgets.scrolling import fill_with_scrolling, page_column

EMPTY = (
    "No PAs yet. Choose Add PA… to record the first person who works for you: their details, pay "
    "rates and paperwork. Then choose Timesheets… to record the hours they work."
)
NOTHING_TO_DO = "✔ Nothing needs doing: all the paperwork is in order."
NAME, WORKS_AS, STATUS, NEXT = range(4)


@dataclass(frozen=True, slots=True)
class _Loaded:
    pas: list[PaListRow]
    overview: list[ToDo]


def status_words(row: PaListRow, today: date) -> str:
    if not row.finished:
        return "Record not finished"
    if row.leave_date is not None:
        return f"{'Left' if row.leave_date < today else 'Leaving'} on {long_date(row.leave_date)}"
    if row.start_date > today:
        return f"Starts on {long_date(row.start_date)}"
    return "Employed"


def next_due(items: list[ToDo]) -> str:
    """The worst or soonest item for one PA, in words."""
    if not items:
        return "Nothing due"
    first = items[0]
    if first.state is not ComplianceState.OK:
        return f"{STATE_WORDS[first.state]}: {first.title}"
    dated = [i for i in items if i.due is not None]
    if dated:
        soonest = min(dated, key=lambda i: i.due or date.max)
        return f"{soonest.title} by {long_date(soonest.due or date.max)}"
    return "Nothing due"


class PeoplePage(QWidget):
    """The page; `loaded` after every (re)load, for tests. Dialogs are kept as attributes for tests."""

    loaded = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._opened: OpenedBook | None = None
        self._loaded: _Loaded | None = None
        self.pa_dialog: PaDialog | None = None
        self.timesheet_dialog: TimesheetDialog | None = None
        self.insurance_dialog: InsuranceDialog | None = None
        self._keep_pa = 0

        self.heading = ScaledLabel("People & timesheets", scale=1.6, bold=True)
        self.heading.setWordWrap(True)
        self.status = QLabel("Open a book to see the people who work for you.")
        self.status.setWordWrap(True)
        self.add_button = QPushButton("&Add PA…")
        self.edit_button = QPushButton("&Edit…")
        self.timesheets_button = QPushButton("&Timesheets…")
        self.show_left = QCheckBox("Show PAs who have &left")
        buttons = flow_row(self.add_button, self.edit_button, self.timesheets_button, self.show_left)
        self.pa_list = QTreeWidget()
        self.pa_list.setColumnCount(4)
        self.pa_list.setHeaderLabels(["Name", "Works as", "Status", "Next thing due"])
        self.pa_list.setRootIsDecorated(False)
        self.pa_list.setAccessibleName("PAs")
        self.pa_list.header().setAccessibleName("Column headings")
        self.pa_list.setAccessibleDescription("Enter opens the PA's record.")
        self.pa_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pa_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pa_list.header().setStretchLastSection(True)
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)

        self.todo_card = QFrame()
        self.todo_card.setFrameShape(QFrame.Shape.StyledPanel)
        todo_heading = ScaledLabel("What needs doing", scale=1.25, bold=True)
        self.todo_list = QListWidget()
        self.todo_list.setWordWrap(True)
        self.todo_list.setAccessibleName("What needs doing")
        self.todo_list.setAccessibleDescription("Enter opens the record where this is dealt with.")
        self.todo_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.todo_empty = QLabel(NOTHING_TO_DO)
        self.todo_empty.setWordWrap(True)
        self.deal_button = QPushButton("&Deal with this…")
        card = QVBoxLayout(self.todo_card)
        card.addWidget(todo_heading)
        card.addWidget(self.todo_list)
        card.addWidget(self.todo_empty)
        card.addWidget(self.deal_button, 0, Qt.AlignmentFlag.AlignLeft)

        content, column = page_column(12)
        column.addWidget(self.heading)
        column.addWidget(self.status)
        column.addWidget(buttons)
        column.addWidget(self.pa_list, 1)
        column.addWidget(self.empty)
        column.addWidget(self.todo_card, 1)
        fill_with_scrolling(self, content)

        self.add_button.clicked.connect(self.add_pa)
        self.edit_button.clicked.connect(self.edit_selected)
        self.timesheets_button.clicked.connect(self.open_timesheets)
        self.show_left.toggled.connect(self._fill)
        self.pa_list.itemActivated.connect(lambda _item, _col: self.edit_selected())
        self.todo_list.itemActivated.connect(lambda _item: self.deal_with_selected())
        self.deal_button.clicked.connect(self.deal_with_selected)
        self.set_book(None)

    # -- book ------------------------------------------------------------------------------
    def set_book(self, opened: OpenedBook | None) -> None:
        self._opened = opened
        if opened is None:
            self._loaded = None
            self.pa_list.clear()
            self.todo_list.clear()
            self.status.setText("Open a book to see the people who work for you.")
            for widget in (self.add_button, self.edit_button, self.timesheets_button, self.show_left):
                widget.setEnabled(False)
            self.todo_card.hide()
            self.empty.hide()
            for dialog in (self.pa_dialog, self.timesheet_dialog, self.insurance_dialog):
                if dialog is not None:
                    dialog.done(0)
            return
        self.refresh()

    def refresh(self) -> None:
        if self._opened is None:
            return
        book = self._opened.book
        today = date.today()

        def work() -> _Loaded:
            return _Loaded(people.list_pas(book), compliance_records.compliance_overview(book, today))

        self._tasks.run(work, self._on_loaded, self._on_failed, owner=self)

    def _on_loaded(self, loaded: _Loaded) -> None:
        if self._opened is None:
            return
        self._loaded = loaded
        self.add_button.setEnabled(True)
        self.show_left.setEnabled(True)
        self._fill()
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"The list of PAs could not be read. {message}")
        self.loaded.emit()

    def _fill(self) -> None:
        loaded, today = self._loaded, date.today()
        if loaded is None:
            return
        keep = self.selected_pa_id()
        self.pa_list.clear()
        shown = [r for r in loaded.pas if self.show_left.isChecked() or not r.has_left(today)]
        for row in shown:
            items = [t for t in loaded.overview if t.pa_id == row.id]
            due = "Nothing (has left)" if row.has_left(today) else next_due(items)
            item = QTreeWidgetItem([row.name, row.employment or "—", status_words(row, today), due])
            item.setData(NAME, Qt.ItemDataRole.UserRole, row.id)
            self.pa_list.addTopLevelItem(item)
            if row.id == keep or (keep is None and self.pa_list.topLevelItemCount() == 1):
                self.pa_list.setCurrentItem(item)
        left = len(loaded.pas) - len(shown)
        employed = len(shown)
        self.status.setText(
            f"{employed} PA{'' if employed == 1 else 's'} shown"
            + (f"; {left} who have left are hidden." if left else ".")
            if loaded.pas
            else "Nobody is recorded yet."
        )
        self.pa_list.setVisible(bool(shown))
        self.empty.setVisible(not loaded.pas)
        for button in (self.edit_button, self.timesheets_button):
            button.setEnabled(bool(shown))
        self.todo_list.clear()
        todo = [t for t in loaded.overview if t.needs_action]
        for t in todo:
            whose = t.pa_name or "You (the employer)"
            item = QListWidgetItem(f"{STATE_WORDS[t.state]} — {whose}: {t.title}. {t.explanation}")
            item.setData(Qt.ItemDataRole.UserRole, t)
            self.todo_list.addItem(item)
        if todo:
            self.todo_list.setCurrentRow(0)
        self.todo_card.setVisible(bool(loaded.pas))
        self.todo_list.setVisible(bool(todo))
        self.deal_button.setVisible(bool(todo))
        self.todo_empty.setVisible(not todo)

    def selected_pa_id(self) -> int | None:
        item = self.pa_list.currentItem()
        value = item.data(NAME, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def select_pa(self, pa_id: int) -> None:
        for n in range(self.pa_list.topLevelItemCount()):
            item = self.pa_list.topLevelItem(n)
            if item is not None and item.data(NAME, Qt.ItemDataRole.UserRole) == pa_id:
                self.pa_list.setCurrentItem(item)

    # -- actions ---------------------------------------------------------------------------
    def add_pa(self) -> None:
        if self._opened is not None:
            self._show_pa_dialog(None, DETAILS_TAB, None)

    def edit_selected(self) -> None:
        pa_id = self.selected_pa_id()
        if pa_id is not None:
            self.open_record(pa_id)

    def open_record(self, pa_id: int, tab: int = DETAILS_TAB, topic: ComplianceTopic | None = None) -> None:
        """Read the PA's record on the worker, then open it at `tab`."""
        if self._opened is None:
            return
        book = self._opened.book
        self._tasks.run(
            lambda: people.get_pa(book, pa_id),
            lambda record: self._show_pa_dialog(record, tab, topic),
            self._on_failed,
            owner=self,
        )

    def _show_pa_dialog(self, record: PaRecord | None, tab: int, topic: ComplianceTopic | None) -> None:
        if self._opened is None:
            return
        dialog = PaDialog(self._tasks, self._opened.book, record, tab=tab, topic=topic, parent=self)
        self.pa_dialog = dialog
        dialog.saved.connect(self._on_pa_saved)
        dialog.changed.connect(self.refresh)
        dialog.open()

    def _on_pa_saved(self, pa_id: int) -> None:
        self._keep_pa = pa_id
        self.refresh()
        self.loaded.connect(self._select_saved, Qt.ConnectionType.SingleShotConnection)

    def _select_saved(self) -> None:
        self.select_pa(self._keep_pa)
        self.pa_list.setFocus()

    def deal_with_selected(self) -> None:
        item = self.todo_list.currentItem()
        todo = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(todo, ToDo) or self._opened is None:
            return
        if todo.pa_id is None:
            dialog = InsuranceDialog(self._tasks, self._opened.book, self)
            self.insurance_dialog = dialog
            dialog.saved.connect(self.refresh)
            dialog.open()
        else:
            self.open_record(todo.pa_id, tab_for(todo.topic), todo.topic)

    def open_timesheets(self, day: date | None = None) -> None:
        pa_id = self.selected_pa_id()
        if pa_id is None or self._opened is None:
            return
        row = next((r for r in (self._loaded.pas if self._loaded else []) if r.id == pa_id), None)
        if row is not None and not row.finished:
            self.status.setText(f"Finish {row.name}'s record first (Edit…): timesheets need their pay rates.")
            return
        when = day or date.today()
        if row is not None and row.leave_date is not None and row.leave_date < when:
            when = row.leave_date
        dialog = TimesheetDialog(self._tasks, self._opened.book, pa_id, when, self)
        self.timesheet_dialog = dialog
        dialog.changed.connect(self.refresh)
        dialog.open()
