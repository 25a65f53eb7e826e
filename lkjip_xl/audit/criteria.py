"""Criteria of COUNTIF / SUMIF / SUMIFS / AVERAGEIFS / MAXIFS, as Excel reads them.

A criterion is a value (10, "Selesai", TRUE) or text starting with an operator ("<>0", ">=75",
"Dinas*"). Equality criteria carry a hashable `key`, so the functions can take the matching rows
from a per-range index (`key -> rows`) built once, instead of testing every cell for every formula.

Excel quirks kept: text is compared case-insensitively; `*`, `?` and `~` are wildcards in text
equality; a numeric criterion also matches numbers stored as text ("10" counts for 10); "" matches
empty cells and empty text, "=" only empty cells, "<>" every non-empty cell; ordering criteria
(">5") see only numbers, or only text when the operand is text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lkjip_xl.audit.values import ERRORS, compare, text_to_number
from lkjip_xl.xlsx.grid import ErrorValue

NOKEY: Any = object()
BLANK_KEY = ("blank",)


def norm(v: Any) -> Any:
    """The equality key of a cell value as criteria see it."""
    t = type(v)
    if t is float:
        return v
    if t is str:
        n = text_to_number(v) if v[:1].isdigit() or v[:1] in "-+.$(" else None
        return n if n is not None else v.lower()
    if v is None:
        return BLANK_KEY
    if t is bool:
        return ("b", v)
    if t is ErrorValue:
        return ("e", v.code)
    return v


class Crit:
    __slots__ = ("key", "test", "blank")

    def __init__(self, key: Any, test: Callable[[Any], bool], blank: bool) -> None:
        self.key = key  # NOKEY when the criterion is no plain equality
        self.test = test
        self.blank = blank  # whether an empty cell matches


def _eq(key: Any) -> Crit:
    return Crit(key, lambda v: norm(v) == key, key == BLANK_KEY)


@lru_cache(maxsize=2048)
def wildcard_regex(pattern: str, anchored: bool = True) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "~" and i + 1 < len(pattern) and pattern[i + 1] in "*?~":
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
        i += 1
    body = "".join(out)
    return re.compile(body + r"\Z" if anchored else body, re.S)


def has_wildcard(s: str) -> bool:
    return "*" in s or "?" in s or "~" in s


_OPS = re.compile(r"^(<=|>=|<>|<|>|=)?(.*)$", re.S)

_cache: dict[tuple[type, Any], Crit] = {}


def criterion(value: Any) -> Crit:
    ck = (type(value), value)
    try:
        got = _cache.get(ck)
    except TypeError:
        got = None
    if got is None:
        got = _build(value)
        if len(_cache) < 10_000:
            _cache[ck] = got
    return got


def _build(value: Any) -> Crit:
    t = type(value)
    if t is float or t is bool or t is ErrorValue:
        return _eq(norm(value))
    if value is None:  # an empty criterion cell: Excel matches zeros... and LibreOffice blanks
        return _eq(0.0)
    s = str(value)
    op, rest = _OPS.match(s).groups()  # type: ignore[union-attr]
    op = op or ""
    num = text_to_number(rest) if rest else None
    upper = rest.upper()
    if op in ("", "="):
        if rest == "":
            if op == "=":
                return _eq(BLANK_KEY)
            return Crit(NOKEY, lambda v: v is None or v == "", True)
        if num is not None:
            return _eq(num)
        if upper in ("TRUE", "FALSE"):
            return _eq(("b", upper == "TRUE"))
        if upper in ERRORS:
            return _eq(("e", upper))
        if has_wildcard(rest):
            rx = wildcard_regex(rest.lower())
            return Crit(NOKEY, lambda v: type(v) is str and rx.match(v.lower()) is not None,
                        rest.strip("*") == "")
        return _eq(rest.lower())
    if op == "<>":
        if rest == "":
            return Crit(NOKEY, lambda v: v is not None, False)
        if num is not None:
            return Crit(NOKEY, lambda v: norm(v) != num, True)
        if has_wildcard(rest):
            rx = wildcard_regex(rest.lower())
            return Crit(NOKEY, lambda v: not (type(v) is str and rx.match(v.lower())), True)
        low = rest.lower()
        key = ("b", upper == "TRUE") if upper in ("TRUE", "FALSE") else low
        return Crit(NOKEY, lambda v: norm(v) != key, True)
    # ordering: numbers against a number, text against text
    if num is not None:
        target: Any = num
        typ: type = float
    elif upper in ("TRUE", "FALSE"):
        target, typ = upper == "TRUE", bool
    else:
        target, typ = rest, str
    want = {"<": (-1,), ">": (1,), "<=": (-1, 0), ">=": (1, 0)}[op]

    def ordered(v: Any) -> bool:
        return type(v) is typ and compare(v, target) in want
    return Crit(NOKEY, ordered, False)
