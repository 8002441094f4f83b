"""The Money register shows each payment's evidence in words, not colour alone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from pa_manager.domain.categories import Category
from pa_manager.services.register import EVIDENCE_ATTACHED, EVIDENCE_MISSING, RegisterRow
from pa_manager.ui.pages.money.register_model import COLUMNS, EVIDENCE, RegisterTableModel


def _row(txn_id: int, mark: str) -> RegisterRow:
    return RegisterRow(
        txn_id,
        date(2026, 5, 1),
        "Argos",
        "",
        "",
        -2599,
        (Category.EQUIPMENT,),
        None,
        "",
        "cleared",
        0,
        (),
        mark,
    )


def test_evidence_column_text_and_spoken_words(qtbot: object) -> None:
    model = RegisterTableModel()
    model.set_rows([_row(1, EVIDENCE_ATTACHED), _row(2, EVIDENCE_MISSING), _row(3, "")])
    assert COLUMNS[EVIDENCE] == "Evidence"
    shown = [model.data(model.index(r, EVIDENCE)) for r in range(3)]
    assert shown == ["✓ Receipt", "✗ Missing", ""]
    spoken = [model.data(model.index(r, EVIDENCE), Qt.ItemDataRole.AccessibleTextRole) for r in range(3)]
    assert spoken[1] == "Evidence missing: this payment needs a receipt or invoice"
    assert spoken[2] == "No evidence needed"
    assert "Receipts page" in model.data(model.index(1, EVIDENCE), Qt.ItemDataRole.ToolTipRole)
