"""What the timesheet dialog's buttons do besides saving: copy last week, rotas, sign, approve, unlock, print.

`TimesheetActions` is a plain collaborator of `TimesheetDialog`: it runs the book calls on the
TaskRunner's worker (owned by the dialog, so nothing arrives after it is gone) and shows what
happened through the dialog. Questions go through the dialog's replaceable `ask_text`,
`ask_choice` and `ask_pdf_path`, read at the moment they are needed so tests can answer them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pa_manager.domain.timesheets import Shift
from pa_manager.services import rota, timesheet_print, timesheet_signing, timesheets
from pa_manager.services.book import Book
from pa_manager.services.shift_store import week_start
from pa_manager.services.timesheets import Timesheet
from pa_manager.ui.pages.people.sign_dialog import SignDialog
from pa_manager.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pa_manager.ui.pages.people.timesheet_dialog import TimesheetDialog


class TimesheetActions:
    """The dialog's copy, rota, signing, approval, unlock and print actions."""

    def __init__(self, dialog: TimesheetDialog, tasks: TaskRunner, book: Book, pa_id: int) -> None:
        self._dialog = dialog
        self._tasks, self._book, self._pa_id = tasks, book, pa_id

    # -- copying and rotas -----------------------------------------------------------------
    def _mondays(self) -> list[date]:
        sheet = self._dialog.sheet
        assert sheet is not None
        first = week_start(sheet.period_start)
        return [first + timedelta(days=7 * n) for n in range((sheet.period_end - first).days // 7 + 1)]

    def copy_last_week(self) -> None:
        """Fill the empty days of each week from the week before (not saved until Save)."""
        if self._dialog.sheet is None:
            return
        book, pa_id, mondays = self._book, self._pa_id, self._mondays()

        def work() -> list[Shift]:
            return [sh for monday in mondays for sh in timesheets.copy_previous_week(book, pa_id, monday)]

        self._tasks.run(work, self._on_shifts_to_add, self._dialog.show_failure, owner=self._dialog)

    def _on_shifts_to_add(self, shifts: list[Shift]) -> None:
        dialog = self._dialog
        added = dialog.model.add_shifts(shifts)
        if added:
            dialog.say(
                f"Added {added} shift{'' if added == 1 else 's'} on days that had none. Check them, "
                "then press Save: nothing is saved until you do."
            )
        else:
            dialog.say("Nothing was added: there were no shifts to copy for days that are empty here.")
        dialog.mark_edited()
        dialog.loaded.emit()

    def use_rota(self) -> None:
        """Ask which saved rota to use, then fill the empty days from it."""
        book, pa_id, dialog = self._book, self._pa_id, self._dialog
        self._tasks.run(
            lambda: rota.list_rotas(book, pa_id), self._on_rotas, dialog.show_failure, owner=dialog
        )

    def _on_rotas(self, rotas: list[rota.RotaTemplate]) -> None:
        dialog = self._dialog
        if not rotas:
            dialog.say("No rotas are saved for this PA yet. Fill in a usual week, then choose Save as rota….")
            return
        chosen = dialog.ask_choice(
            "Use a rota", "Which rota should fill the empty days?", [r.name for r in rotas]
        )
        if chosen is None:
            return
        book, rota_id, mondays = self._book, rotas[chosen].id, self._mondays()

        def work() -> list[Shift]:
            return [sh for monday in mondays for sh in rota.apply_rota(book, rota_id, monday)]

        self._tasks.run(work, self._on_shifts_to_add, dialog.show_failure, owner=dialog)

    def save_rota(self) -> None:
        """Save the first week shown as a named rota, after checking its rows."""
        dialog = self._dialog
        if dialog.sheet is None:
            return
        shifts, problems = dialog.model.shifts()
        if problems:
            dialog.show_problems(
                [m for _row, m in problems], {row: n for n, (row, _m) in enumerate(problems, 1)}
            )
            return
        name = dialog.ask_text("Save as rota", "Name for this usual week, for example “Usual week”:")
        if name is None:
            return
        pattern = rota.rota_from_week(shifts, week_start(dialog.sheet.period_start))
        book, pa_id = self._book, self._pa_id
        self._tasks.run(
            lambda: rota.save_rota(book, pa_id, name, pattern),
            lambda _id: dialog.say(f"Saved the rota “{' '.join(name.split())}”."),
            dialog.show_failure,
            owner=dialog,
        )

    # -- signing, approval, unlock and printing --------------------------------------------
    def _saved_id(self) -> int | None:
        dialog = self._dialog
        if dialog.sheet is None or dialog.sheet.id is None or dialog.model.dirty:
            dialog.problems.show_message(
                "Save the timesheet first: only saved hours can be signed or approved."
            )
            return None
        return dialog.sheet.id

    def sign(self, *, by_pa: bool) -> None:
        """Open the signing dialog for the PA or the employer; its answer signs the saved sheet."""
        dialog = self._dialog
        sheet_id = self._saved_id()
        if sheet_id is None or dialog.sheet is None:
            return
        who = dialog.sheet.pa_name if by_pa else "the employer"
        name = dialog.sheet.pa_name if by_pa else dialog.holder_name
        signer = SignDialog(
            "the PA" if by_pa else "the employer",
            name,
            f"Signing says the hours on this timesheet are right. {who[0].upper()}{who[1:]} signs, "
            "or the employer or the person acting for them.",
            dialog,
        )
        dialog.sign_dialog = signer
        book = self._book
        sign = timesheet_signing.sign_by_pa if by_pa else timesheet_signing.sign_by_employer

        def on_accepted() -> None:
            signature = signer.signature()
            if signature is not None:
                self._run_change(lambda: sign(book, sheet_id, signature), "Signed.")

        signer.accepted.connect(on_accepted)
        signer.open()

    def _run_change(self, fn: Callable[[], Timesheet], done: str) -> None:
        dialog = self._dialog

        def on_done(sheet: Timesheet) -> None:
            dialog.show_sheet(sheet)
            dialog.problems.clear_message()
            dialog.say(done)
            dialog.changed.emit()
            dialog.loaded.emit()

        self._tasks.run(fn, on_done, dialog.show_failure, owner=dialog)

    def approve(self) -> None:
        """Approve the saved timesheet and lock it."""
        sheet_id = self._saved_id()
        if sheet_id is not None:
            book = self._book
            self._run_change(lambda: timesheet_signing.approve(book, sheet_id), "Approved and locked.")

    def unlock(self) -> None:
        """Ask why the approved timesheet needs changing, then unlock it (the reason is kept)."""
        sheet = self._dialog.sheet
        if sheet is None or sheet.id is None:
            return
        reason = self._dialog.ask_text(
            "Unlock the timesheet",
            "Why does this timesheet need changing? The reason is kept in the audit trail:",
        )
        if reason is None:
            return
        book, sheet_id = self._book, sheet.id
        self._run_change(
            lambda: timesheet_signing.unlock(book, sheet_id, reason), "Unlocked; the reason was recorded."
        )

    def print_pdf(self, *, blank: bool) -> None:
        """Ask where to save, then write the saved (or a blank) timesheet as a PDF."""
        dialog = self._dialog
        if dialog.sheet is None:
            return
        kind = "blank " if blank else ""
        suggested = f"Timesheet {kind}{dialog.sheet.pa_name} {dialog.sheet.period_start.isoformat()}.pdf"
        path = dialog.ask_pdf_path(suggested)
        if path is None:
            return
        book, pa_id, day = self._book, self._pa_id, dialog.sheet.period_start
        note = (
            " It shows the saved timesheet, not the changes not yet saved."
            if dialog.model.dirty and not blank
            else ""
        )
        self._tasks.run(
            lambda: timesheet_print.write_timesheet_pdf(book, pa_id, day, path, blank=blank),
            lambda out: dialog.say(f"Saved the {kind}timesheet to {out}.{note}"),
            dialog.show_failure,
            owner=dialog,
        )
