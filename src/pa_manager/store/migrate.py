"""Bring a book's schema up to date on open: back it up first, refuse books newer than this app.

Alembic runs on the keyed connection (env.py); its version table says which schema a book has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, inspect, text

from pa_manager.store import audit

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UPGRADE_ACTOR = "PA Manager (automatic upgrade)"


class NewerBookError(Exception):
    """The book was written by a newer PA Manager than this one."""


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What the runner did: the schema before and after, and the backup it left, if any."""

    before: str | None
    after: str
    backup: Path | None


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str:
    rev = ScriptDirectory.from_config(_config()).get_current_head()
    assert rev is not None
    return rev


def current(engine: Engine) -> str | None:
    with engine.connect() as con:
        if not inspect(con).has_table("alembic_version"):
            return None
        return con.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run migrations up to `revision` (tests use this to make a first-schema book)."""
    cfg = _config()
    with engine.begin() as con:
        cfg.attributes["connection"] = con
        command.upgrade(cfg, revision)


def bring_up_to_date(engine: Engine, take_backup: Callable[[str], Path]) -> UpgradeResult:
    """Upgrade an existing book to head, calling `take_backup(old_revision)` first."""
    before = current(engine)
    target = head()
    if before == target:
        return UpgradeResult(before, target, None)
    scripts = ScriptDirectory.from_config(_config())
    if before is not None:
        try:
            scripts.get_revision(before)
        except CommandError:
            raise NewerBookError(before) from None
    backup = take_backup(before or "none") if before is not None else None
    cfg = _config()
    with engine.begin() as con:
        cfg.attributes["connection"] = con
        command.upgrade(cfg, target)
        if before is not None:
            audit.append(
                con,
                UPGRADE_ACTOR,
                [
                    audit.PendingEntry(
                        "note", "-", "-", f"Upgraded the book from schema {before} to {target}", ""
                    )
                ],
            )
    return UpgradeResult(before, target, backup)
