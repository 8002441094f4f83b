"""Re-importing adds nothing twice, while genuinely identical lines on one day both stand."""

from __future__ import annotations

import re
from datetime import date

from pa_manager.domain.money import Money
from pa_manager.importers import StatementLine, assign_fingerprints, fingerprint
from tests.importers.helpers import parse_sample


def _line(description: str, pence: int = -450, day: date = date(2026, 1, 15)) -> StatementLine:
    return StatementLine(day, description, Money(pence), None, None, 1)


def test_two_identical_lines_on_one_day_get_different_fingerprints() -> None:
    prints = assign_fingerprints([_line("BUS FARES"), _line("BUS FARES")])
    assert prints[0] != prints[1]
    assert prints == [fingerprint(_line("BUS FARES"), 0), fingerprint(_line("BUS FARES"), 1)]
    assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in prints)


def test_the_same_file_gives_the_same_fingerprints_every_time() -> None:
    first = assign_fingerprints(parse_sample("lloyds.csv").lines)
    again = assign_fingerprints(parse_sample("lloyds.csv").lines)
    assert first == again
    assert len(set(first)) == 4  # the two 09/01 "A JONES PA" lines both stand


def test_overlapping_statements_agree_on_the_overlap() -> None:
    older = parse_sample("overlap_first.csv")
    newer = parse_sample("overlap_second.csv")
    older_prints = dict(zip(assign_fingerprints(older.lines), older.lines, strict=True))
    newer_prints = assign_fingerprints(newer.lines)
    shared = [print_ for print_ in newer_prints if print_ in older_prints]
    # 15/01 bus fares twice (one spelt "Bus  Fares") and 19/01 wages are in both files.
    assert [(older_prints[p].day.isoformat(), older_prints[p].amount.decimal_str()) for p in shared] == [
        ("2026-01-15", "-4.50"),
        ("2026-01-15", "-4.50"),
        ("2026-01-19", "-150.00"),
    ]
    new_only = [line for line, p in zip(newer.lines, newer_prints, strict=True) if p not in older_prints]
    assert [(line.day.isoformat(), line.description) for line in new_only] == [
        ("2026-01-26", "PA WAGES R SINGH"),
        ("2026-02-02", "COUNCIL DIRECT PAYMENT"),
    ]


def test_case_and_spacing_do_not_change_a_fingerprint_but_amount_date_and_words_do() -> None:
    base = fingerprint(_line("PA WAGES  R Singh"), 0)
    assert fingerprint(_line("pa wages r singh "), 0) == base
    assert fingerprint(_line("PA WAGES R SINGH", pence=-451), 0) != base
    assert fingerprint(_line("PA WAGES R SINGH", day=date(2026, 1, 16)), 0) != base
    assert fingerprint(_line("PA WAGES J SINGH"), 0) != base
