"""Nothing personal is written outside the book: no temp files, nothing readable anywhere."""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers import plaintext_hits
from tests.test_cli import run


def test_cli_lifecycle_leaves_temp_folders_empty(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    home = tmp_path / "home"
    work = tmp_path / "work"
    for d in (temp, home, work):
        d.mkdir()
    env = {"TMPDIR": str(temp), "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    book = work / "holder.pabook"
    steps = [
        ("new", book, "--holder", "Winifred Quayle", "--reference", "WQ-77123", "--weekly-dp", "300"),
        ("summary", book, "--json"),
        ("check", book),
        ("backup", book, work / "copy"),
        ("restore", work / "copy.pabackup", work / "restored"),
        ("summary", work / "restored.pabook"),
    ]
    for step in steps:
        result = run(*step, **env)
        assert result.returncode == 0, result.stderr
    assert list(temp.iterdir()) == []
    leaks = [p for p in home.rglob("*") if p.is_file() and plaintext_hits(p, "Winifred", "WQ-77123")]
    assert leaks == []
    for f in work.iterdir():
        assert plaintext_hits(f, "Winifred", "Quayle", "WQ-77123") == [], f.name
    # Only the books, their keys files and the backup: no -wal, -shm or stray snapshots left.
    assert sorted(p.name for p in work.iterdir()) == [
        "copy.pabackup",
        "holder.pabook",
        "holder.pabook.keys",
        "restored.pabook",
        "restored.pabook.keys",
    ]
    assert all(os.stat(p).st_mode & 0o077 == 0 for p in work.iterdir())
