"""The command line as a script would use it: real processes, real files, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import hashes, plaintext_hits

PASSPHRASE = "a perfectly fine passphrase"


def run(
    *args: str | Path, passphrase: str | None = PASSPHRASE, **env: str
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PA_MANAGER_")}
    if passphrase is not None:
        full_env["PA_MANAGER_PASSPHRASE"] = passphrase
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pa_manager", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "demo.pabook"
    result = run("demo-book", out)
    assert result.returncode == 0, result.stderr
    return out


def test_demo_book_then_summary_json(demo: Path) -> None:
    result = run("summary", demo, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["holder"]["name"] == "Margaret Ellis"
    assert data["holder"]["council_reference"] == "DP-482913"
    for key in ("balance", "total_in", "total_out"):
        assert data[key].replace("-", "").replace(".", "").isdigit()
        assert data[key].split(".")[1].__len__() == 2
    assert data["money_in"]["council_direct_payment"] != "0.00"
    assert "pa_net_wages" in data["money_out"]
    total = sum(int(v.replace(".", "")) for v in data["money_out"].values())
    assert f"{total // 100}.{total % 100:02d}" == data["total_out"]
    # The money position: available = balance - committed - contingency, all decimal strings.
    pence = {k: int(data[k].replace(".", "")) for k in ("balance", "committed", "contingency", "available")}
    assert pence["available"] == pence["balance"] - pence["committed"] - pence["contingency"]
    assert pence["committed"] > 0 and pence["contingency"] > 0  # the demo has wages owed and pots
    assert data["surplus_at_risk"].count(".") == 1 and float(data["weeks_held"]) > 0
    assert set(data["allowed_weeks"]) == {"min", "max"}
    # The demo's council pays exactly on its four-weekly schedule: nothing to warn about.
    assert data["warnings"] == []


def test_demo_book_files_never_show_the_name_or_reference(demo: Path, tmp_path: Path) -> None:
    backup = tmp_path / "demo.pabackup"
    assert run("backup", demo, backup).returncode == 0
    keys = demo.with_name(demo.name + ".keys")
    for f in (demo, keys, backup):
        assert plaintext_hits(f, "Margaret", "Ellis", "DP-482913", "Anytown") == [], f.name


def test_backup_then_restore_gives_an_identical_summary(demo: Path, tmp_path: Path) -> None:
    assert run("backup", demo, tmp_path / "b.pabackup").returncode == 0
    assert run("restore", tmp_path / "b.pabackup", tmp_path / "restored.pabook").returncode == 0
    a = run("summary", demo, "--json").stdout
    b = run("summary", tmp_path / "restored.pabook", "--json").stdout
    assert a == b and json.loads(a)["balance"]


def test_wrong_passphrase_is_one_line_and_changes_nothing(demo: Path) -> None:
    before = hashes(demo.parent)
    result = run("summary", demo, passphrase="not the right one")
    assert one_line_error(result) == (
        "pa-manager: That passphrase does not open this book. "
        "Check it and try again, or use the recovery code."
    )
    assert hashes(demo.parent) == before


def test_check_passes_on_a_fresh_book(demo: Path) -> None:
    result = run("check", demo)
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout


def test_new_book_for_scripts_and_passphrase_file(tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    book = tmp_path / "alice.pabook"
    result = run(
        "new",
        book,
        "--holder",
        "Alice Jones",
        "--council",
        "Northshire",
        "--reference",
        "NS-9",
        "--nation",
        "scotland",
        "--weekly-dp",
        "£512.40",
        "--allowed-weeks",
        "4-6",
        "--passphrase-file",
        secret,
        passphrase=None,
    )
    assert result.returncode == 0, result.stderr
    code = result.stdout.split("keep it safe): ")[1].strip()
    data = json.loads(run("summary", book, "--json", "--passphrase-file", secret, passphrase=None).stdout)
    assert data["holder"] == {"name": "Alice Jones", "council": "Northshire", "council_reference": "NS-9"}
    assert data["weekly_dp"] == "512.40" and data["allowed_weeks"] == {"min": "4", "max": "6"}
    # The recovery code opens it with the keys file gone, and a new passphrase can be set.
    book.with_name(book.name + ".keys").unlink()
    result = run(
        "set-passphrase",
        book,
        passphrase=None,
        PA_MANAGER_RECOVERY_CODE=code,
        PA_MANAGER_NEW_PASSPHRASE="my second passphrase",
    )
    assert result.returncode == 0, result.stderr
    assert run("summary", book, passphrase="my second passphrase").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "{demo}", "--from", "2026-13-01"], "is not a date"),
        (["summary", "{demo}", "--from", "2026-06-01", "--to", "2026-05-01"], "start date"),
        (["summary", "{dir}/missing.pabook"], "There is no book"),
        (["new", "{dir}/x", "--holder", "A", "--weekly-dp", "lots"], "is not an amount of money"),
        (["new", "{dir}/x", "--holder", "A", "--nation", "france"], "not one of"),
        (["new", "{dir}/x", "--holder", "A", "--allowed-weeks", "8-4"], "smaller number first"),
        (["new", "{dir}/x", "--holder", " "], "Type the name"),
        (["demo-book", "{dir}/y", "--years", "0"], "1 to 20 years"),
        (["restore", "{demo}", "{dir}/r"], "not a PA Manager backup"),
        (["summary"], "required: book"),
        (["frobnicate"], "not a command"),
    ],
)
def test_bad_input_gets_one_plain_line(demo: Path, tmp_path: Path, args: list[str], message: str) -> None:
    before = hashes(demo.parent)
    filled = [a.format(demo=demo, dir=tmp_path) for a in args]
    assert message in one_line_error(run(*filled))
    assert hashes(demo.parent) == before
    assert not list(tmp_path.glob("x*")) and not list(tmp_path.glob("r*"))


def test_missing_passphrase_says_where_to_put_it(demo: Path) -> None:
    assert "PA_MANAGER_PASSPHRASE" in one_line_error(run("summary", demo, passphrase=None))


def test_import_statement_json_counts_and_mapping(tmp_path: Path) -> None:
    book = tmp_path / "imp.pabook"
    assert run("new", book, "--holder", "Ida Import").returncode == 0
    statement = tmp_path / "odd.csv"
    statement.write_text(
        "Posted;Details;Money In;Money Out\n03/02/2026;Council DP;1,200.00;\n04/02/2026;Argos;;£19.99\n"
    )
    args = [
        "import-statement",
        book,
        statement,
        "--json",
        "--columns",
        "date=Posted,description=Details,paid_in=Money In,paid_out=Money Out",
    ]
    first = json.loads(run(*args).stdout)
    assert (first["added"], first["duplicates"], first["rejected"]) == (2, 0, 0)
    second = json.loads(run(*args).stdout)
    assert (second["added"], second["duplicates"]) == (0, 2)
    data = json.loads(run("summary", book, "--json", "--from", "2026-01-01", "--to", "2026-03-01").stdout)
    assert data["balance"] == "1180.01"
    assert "has no column" in one_line_error(
        run("import-statement", book, statement, "--columns", "date=When,description=Details,amount=Money In")
    )
