"""A small evaluator for the formulas the return's XLSX uses (SUM, SUMIFS, ROUND, MAX, + − × ÷),
so the tests check what a spreadsheet would show instead of trusting the formulas' text."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:(?P<str>\"(?:[^\"]|\"\")*\")|(?P<ref>(?:[A-Za-z]+!)?\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)"
    r"|(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Z]+)(?=\()|(?P<op>[-+*/(),]))"
)


class Evaluator:
    def __init__(self, wb: Any, sheet: str) -> None:
        self.wb, self.sheet = wb, sheet
        self.refs: list[str] = []  # every range or cell a formula used, for the tests to inspect

    def cell(self, sheet: str, ref: str) -> Any:
        value = self.wb[sheet][ref.replace("$", "")].value
        if isinstance(value, str) and value.startswith("="):
            return Evaluator(self.wb, sheet).eval(value)
        return value

    def eval(self, formula: str) -> Decimal:
        self.tokens = [m for m in _TOKEN.finditer(formula[1:])]
        self.pos = 0
        value = self.expr()
        assert self.pos == len(self.tokens), formula
        return Decimal(value)

    # -- grammar: expr := term (('+'|'-') term)* ; term := atom (('*'|'/') atom)* ------------------
    def peek(self) -> re.Match[str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> re.Match[str]:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expr(self) -> Any:
        value = self.term()
        while (t := self.peek()) is not None and t["op"] in ("+", "-"):
            op = self.take()["op"]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self) -> Any:
        value = self.atom()
        while (t := self.peek()) is not None and t["op"] in ("*", "/"):
            op = self.take()["op"]
            rhs = self.atom()
            value = value * rhs if op == "*" else value / rhs
        return value

    def atom(self) -> Any:
        t = self.take()
        if t["num"]:
            return Decimal(t["num"])
        if t["str"]:
            return t["str"][1:-1].replace('""', '"')
        if t["op"] == "-":
            return -self.atom()
        if t["op"] == "(":
            v = self.expr()
            assert self.take()["op"] == ")"
            return v
        if t["ref"]:
            return self.ref(t["ref"])
        if t["name"]:
            name = t["name"]
            assert self.take()["op"] == "("
            args = [self.expr()]
            while self.take()["op"] == ",":
                args.append(self.expr())
            return self.call(name, args)
        raise AssertionError(f"unexpected {t.group(0)}")

    def ref(self, text: str) -> Any:
        self.refs.append(text)
        sheet, _, ref = text.rpartition("!")
        sheet = sheet or self.sheet
        if ":" in ref:
            rows = self.wb[sheet][ref.replace("$", "")]
            return [self._num(self.cell(sheet, c.coordinate)) for (c,) in rows]
        v = self.cell(sheet, ref)
        return self._num(v)

    @staticmethod
    def _num(v: Any) -> Any:
        if v is None:
            return Decimal(0)
        if isinstance(v, int | float | Decimal) and not isinstance(v, bool):
            return Decimal(str(v))
        return v

    def call(self, name: str, args: list[Any]) -> Decimal:
        if name == "SUM":
            return sum((x for x in args[0] if isinstance(x, Decimal)), Decimal(0))
        if name == "SUMIFS":
            values, keys, wanted = args
            return sum(
                (v for v, k in zip(values, keys, strict=True) if k == wanted and isinstance(v, Decimal)),
                Decimal(0),
            )
        if name == "ROUND":
            return Decimal(args[0]).quantize(Decimal(1).scaleb(-int(args[1])), ROUND_HALF_UP)
        if name == "MAX":
            return max(Decimal(a) for a in args)
        raise AssertionError(f"unknown function {name}")
