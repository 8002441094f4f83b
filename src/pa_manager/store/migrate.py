"""Bring a book's schema up to date on open: back it up first, refuse books newer than this app.

Alembic runs on the keyed connection (env.py); its version table says which schema a book has.
Alembic itself is imported only when a book needs upgrading: loading it (and every SQL dialect it
knows) costs about 0.4 s, which an up-to-date book should not pay at every unlock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from pa_manager.store import audit

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. A test checks it against Alembic's own view, so a
# new migration without a matching bump here fails CI instead of going unnoticed.
HEAD = "0008"
KNOWN = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str:
    return HEAD


def alembic_head() -> str | None:
    """The head revision as Alembic finds it in the scripts (slow: for tests and tooling)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as con:
        if not inspect(con).has_table("alembic_version"):
            return None
        return con.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run migrations up to `revision` (tests use this to make a first-schema book)."""
    from alembic import command

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
    if before is not None and before not in KNOWN:
        raise NewerBookError(before)
    from alembic import command

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
