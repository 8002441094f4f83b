"""Evidence rules: which kinds of payment need a receipt or invoice (kept in the book)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from pa_manager.domain.categories import Category
from pa_manager.services import evidence
from pa_manager.services.book import Book
from pa_manager.ui.tasks import TaskRunner
from pa_manager.ui.text_size import fit_to_text
from pa_manager.ui.widgets.save_dialog import SaveDialog
from pa_manager.ui.widgets.scrolling import scrolling

EXPLAIN = (
    "Councils usually ask for a receipt or invoice for every payment. Wages, HMRC and pension "
    "payments backed by a finalised payslip need nothing more. Untick a kind of payment that needs "
    "no evidence (bank charges show on the statement itself, for example)."
)


class RulesDialog(SaveDialog):
    """`saved` after the rules are written."""

    def __init__(self, tasks: TaskRunner, book: Book, parent: QWidget | None = None) -> None:
        super().__init__(tasks, book, "Evidence rules", "Which payments need evidence?", parent)
        text = QLabel(EXPLAIN)
        text.setWordWrap(True)
        self.boxes: dict[Category, QCheckBox] = {}
        inner = QWidget()
        boxes = QVBoxLayout(inner)
        for category in evidence.spending_categories():
            box = QCheckBox(category.label)
            box.setEnabled(False)  # until the rules are read
            self.boxes[category] = box
            boxes.addWidget(box)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(text)
        column.addWidget(scrolling(inner), 1)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        fit_to_text(self, 70, 34)
        self._read: dict[Category, bool] = {}
        self._tasks.run(
            lambda: evidence.evidence_rules(book), self._loaded, self.problem.show_message, owner=self
        )

    def _loaded(self, rules: dict[Category, bool]) -> None:
        self._read = rules
        for category, box in self.boxes.items():
            box.setChecked(rules.get(category, True))
            box.setEnabled(True)

    def _on_save(self) -> None:
        changes = {
            c: b.isChecked() for c, b in self.boxes.items() if self._read.get(c, True) != b.isChecked()
        }
        book = self._book

        def work() -> None:
            for category, needed in changes.items():
                evidence.set_evidence_rule(book, category, needed)

        self.save_on_worker(work)
