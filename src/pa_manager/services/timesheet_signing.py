"""Signing timesheets, approving them (which locks them) and the recorded unlock.

A timesheet is signed by the PA and by the employer or the person acting for them (a name and a
date, optionally a drawn signature as PNG), then approved: approval locks it, and a locked
timesheet feeds pay. The only way to change it afterwards is `unlock`, which needs a reason and
writes it to the audit trail; the signatures stay until the shifts themselves are changed.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from pa_manager.domain.people import long_date
from pa_manager.services.book import Book
from pa_manager.services.errors import BookError
from pa_manager.services.timesheets import (
    Signature,
    Timesheet,
    TimesheetStatus,
    locked_error,
    timesheet_parts,
    view_of,
)
from pa_manager.store import audit


def _sign(book: Book, timesheet_id: int, signature: Signature, *, by_pa: bool) -> Timesheet:
    name = " ".join(signature.name.split())
    if not name:
        raise BookError("Type the name of the person signing.")
    if len(name) > 200:
        raise BookError("That name is too long; shorten it to 200 letters or fewer.")
    if signature.drawn is not None and not signature.drawn.startswith(b"\x89PNG"):
        raise BookError("The drawn signature must be a PNG picture.")
    with book.write() as s:
        ts, row, pa = timesheet_parts(s, timesheet_id)
        if TimesheetStatus(ts.status).locked:
            raise locked_error(ts, row.name)
        if signature.on < ts.period_start:
            raise BookError(
                f"A timesheet cannot be signed before its period starts ({long_date(ts.period_start)})."
            )
        png = base64.b64encode(signature.drawn).decode("ascii") if signature.drawn else None
        if by_pa:
            ts.pa_signed_name, ts.pa_signed_on, ts.pa_signature_png = name, signature.on, png
        else:
            ts.employer_signed_name, ts.employer_signed_on, ts.employer_signature_png = (
                name,
                signature.on,
                png,
            )
        ts.status = TimesheetStatus.SIGNED.value
        s.flush()
        return view_of(s, row, pa, ts, ts.period_start, ts.period_end)


def sign_by_pa(book: Book, timesheet_id: int, signature: Signature) -> Timesheet:
    return _sign(book, timesheet_id, signature, by_pa=True)


def sign_by_employer(book: Book, timesheet_id: int, signature: Signature) -> Timesheet:
    """Signed by the holder or the person acting for them."""
    return _sign(book, timesheet_id, signature, by_pa=False)


def approve(book: Book, timesheet_id: int) -> Timesheet:
    """Approve and lock a timesheet signed by both the PA and the employer."""
    with book.write() as s:
        ts, row, pa = timesheet_parts(s, timesheet_id)
        if TimesheetStatus(ts.status).locked:
            raise BookError(f"{row.name}'s timesheet from {long_date(ts.period_start)} is already approved.")
        missing = [
            who
            for who, signed in ((row.name, ts.pa_signed_name), ("the employer", ts.employer_signed_name))
            if not signed
        ]
        if missing:
            raise BookError(f"The timesheet must be signed by {' and '.join(missing)} before it is approved.")
        ts.status = TimesheetStatus.APPROVED.value
        ts.approved_at = datetime.now(UTC).isoformat(timespec="seconds")
        ts.approved_by = book.actor_label
        s.flush()
        return view_of(s, row, pa, ts, ts.period_start, ts.period_end)


def unlock(book: Book, timesheet_id: int, reason: str) -> Timesheet:
    """Unlock an approved timesheet so it can be corrected; the reason goes in the audit trail."""
    reason = " ".join(reason.split())
    if not reason:
        raise BookError("Say why the timesheet is being unlocked; the reason is kept in the audit trail.")
    if len(reason) > 500:
        raise BookError("Keep the reason for unlocking to 500 letters or fewer.")
    with book.write() as s:
        ts, row, pa = timesheet_parts(s, timesheet_id)
        if not TimesheetStatus(ts.status).locked:
            raise BookError("That timesheet is not locked.")
        ts.status = TimesheetStatus.SIGNED.value
        ts.approved_at = ts.approved_by = None
        s.flush()
        audit.note(s, f"Unlocked timesheet {ts.id} (period from {ts.period_start.isoformat()}): {reason}")
        return view_of(s, row, pa, ts, ts.period_start, ts.period_end)
