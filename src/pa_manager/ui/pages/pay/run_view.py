"""One pay run on the page: which run and its state, the table of pay, its warnings, and what it
adds to the HMRC bill. Shows guidance instead when no run has been worked out."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pa_manager.domain.people import long_date
from pa_manager.services.pay_types import HmrcPosition, PayRunPreview, PayRunStatus, Payslip
from pa_manager.ui.pages.pay.pay_text import STATUS_WORDS, run_hmrc_sentence, run_warnings
from pa_manager.ui.pages.pay.run_table import RunTable
from pa_manager.ui.pages.pay.run_table_model import RunTableModel
from pa_manager.ui.text_size import ScaledLabel

NOTHING_SHOWN = "Choose a period above and Work out pay to see each PA's pay for it."
NOBODY = (
    "Nobody is paid in this period: there are no approved timesheets ending in it for PAs paid "
    "this often. Approve the PAs' timesheets on the People page, then Work out pay again."
)


def _selectable(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


class RunView(QFrame):
    """`show_run(preview, position)` or `clear()`; the table's model is `model`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview: PayRunPreview | None = None
        self.title = ScaledLabel("The pay run", scale=1.25, bold=True)
        self.title.setWordWrap(True)
        self.state = _selectable(QLabel(NOTHING_SHOWN))
        self.model = RunTableModel(self)
        self.table = RunTable(self.model)
        self.nobody = _selectable(QLabel(NOBODY))
        self.warnings_heading = QLabel("Things to check")
        bold = self.warnings_heading.font()
        bold.setBold(True)
        self.warnings_heading.setFont(bold)
        self.warnings = _selectable(QLabel())
        self.warnings.setAccessibleName("Things to check in this pay run")
        self.hmrc = _selectable(QLabel())
        self.hmrc.setAccessibleName("What this run adds to the HMRC bill")
        column = QVBoxLayout(self)
        for widget in (
            self.title,
            self.state,
            self.table,
            self.nobody,
            self.warnings_heading,
            self.warnings,
            self.hmrc,
        ):
            column.addWidget(widget)
        self.clear()

    def clear(self, text: str = NOTHING_SHOWN) -> None:
        self.preview = None
        self.title.setText("The pay run")
        self.state.setText(text)
        self.model.set_payslips([])
        for widget in (self.table, self.nobody, self.warnings_heading, self.warnings, self.hmrc):
            widget.hide()

    def show_run(self, preview: PayRunPreview, position: HmrcPosition | None) -> None:
        keep = self.table.currentIndex().row()
        self.preview = preview
        self.title.setText(f"{preview.label}: {STATUS_WORDS[preview.status]}")
        self.state.setText(self._state_text(preview))
        self.model.set_payslips(preview.payslips)
        has_pay = bool(preview.payslips)
        self.table.setVisible(has_pay)
        self.nobody.setVisible(not has_pay)
        if has_pay:
            row = keep if 0 <= keep < len(preview.payslips) else 0
            self.table.selectRow(row)
        warnings = run_warnings(preview)
        self.warnings.setText("\n".join(warnings))
        self.warnings_heading.setVisible(bool(warnings))
        self.warnings.setVisible(bool(warnings))
        self.hmrc.setText(run_hmrc_sentence(preview, position))
        self.hmrc.setVisible(has_pay)

    def selected_payslip(self) -> Payslip | None:
        index = self.table.currentIndex()
        return self.model.payslip_at(index.row()) if index.isValid() else None

    @staticmethod
    def _state_text(preview: PayRunPreview) -> str:
        span = f"{long_date(preview.period_start)} to {long_date(preview.period_end)}"
        paid = f"paid on {long_date(preview.pay_date)}"
        count = len(preview.payslips)
        if not count:
            return f"For {span}, to be {paid}."
        people = f"{count} payslip{'' if count == 1 else 's'}"
        if preview.status is PayRunStatus.FINALISED:
            return (
                f"For {span}, {paid}; {people}. Finalised and locked: these figures can no longer change, "
                f"and what must be paid is recorded as committed money. Net pay {preview.total('net')}."
            )
        if preview.status is PayRunStatus.DRAFT:
            return (
                f"For {span}, {paid}; {people}. Saved as a draft: work it out again whenever timesheets "
                f"change, then Finalise. Net pay {preview.total('net')}."
            )
        return (
            f"For {span}, {paid}; {people}. Worked out but not saved: Save draft to keep it (and to "
            f"save its payslips as PDF), or Finalise when it is right. Net pay {preview.total('net')}."
        )
