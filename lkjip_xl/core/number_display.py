"""How many decimals each kind of number shows, for every output: one table, two languages.

The same rule gives the text of a message, a CSV cell, the LKjIP document and a chart label, and
the number format code of a workbook cell (`excel_format`), so a figure reads the same wherever
it is printed (docs/numbers.md):

| kind      | what                                          | id            | en            |
|-----------|-----------------------------------------------|---------------|---------------|
| percent   | capaian, penyerapan, kemajuan, any rate in %  | 99,54         | 99.54         |
| points    | efficiency (selisih, hemat, rasio; Rp/unit)   | 6,63          | 6.63          |
| money     | rupiah                                        | 1.250.000     | 1,250,000     |
| count     | how many (indicators, cells, files)           | 1.204         | 1,204         |
| number    | a value in an indicator's own unit            | 66; 0,5; 80,67| 66; 0.5; 80.67|
| typed     | such a value in the input cell staff typed it | 0,385         | 0.385         |
| entry     | a number as staff should type it              | 1250000; 0,5  | 1250000; 0.5  |
| year      | a year, a row number, a version               | 2019          | 2019          |

Indonesian: decimal comma, thousands dot; English: decimal point, thousands comma. A value in an
indicator's unit shows at most two decimals with trailing zeros dropped (the seed reports
150 / 30363 x 100 = 0,494 as 0,5); a unit that needs finer figures is written in a smaller unit
("per 100.000 penduduk"). Rounding is half away from zero on the decimal digits as printed, so
a value never shows float noise (99.54268293, 1250000.0, 100.509977827051).

`pair` shows two numbers a message compares with enough decimals to tell them apart: "is
99,54, expected 99,54" would be a message nobody can act on.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any


@dataclass(frozen=True)
class Rule:
    decimals: int  # digits after the decimal separator
    trim: bool = False  # drop trailing zeros (and the separator when nothing is left)
    group: bool = True  # thousands separators


RULES: dict[str, Rule] = {
    "percent": Rule(2),
    "points": Rule(2),
    "money": Rule(0),
    "count": Rule(0),
    "number": Rule(2, trim=True),
    "typed": Rule(4, trim=True),
    "entry": Rule(4, trim=True, group=False),
    "year": Rule(0, group=False),
}
# the layout's kinds that are numbers under another name
ALIASES = {"int": "count"}
NUMBER_KINDS = frozenset(RULES) | frozenset(ALIASES)
# a comparison is shown with up to this many decimals before giving up on telling two apart
MAX_DECIMALS = 10

SEPARATORS = {"id": (",", "."), "en": (".", ",")}  # (decimal, thousands)


def rule(kind: str) -> Rule:
    """The rule of `kind`; an unknown kind is a value in an indicator's unit."""
    return RULES.get(ALIASES.get(kind, kind), RULES["number"])


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def is_number(value: Any) -> bool:
    """A real number, bool excluded (numpy's too: matplotlib hands its ticks as float64)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def tampil(value: Any, kind: str = "number", lang: str = "id", decimals: int | None = None) -> str:
    """`value` as a reader of `lang` reads it; "" for None, anything not a number as str().

    `decimals` overrides the kind's (for `pair`); trimming and grouping still follow the kind.
    """
    if value is None:
        return ""
    if not is_number(value):
        return str(value)
    value = value if isinstance(value, int) else float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    r = rule(kind)
    places = r.decimals if decimals is None else decimals
    try:
        # via the shortest repr: 0.285 rounds to 0.29 as printed, not to 0.28 as stored
        d = Decimal(repr(value) if isinstance(value, float) else value)
        q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # beyond Decimal's precision: no sensible reading anyway
        return str(value)
    text = f"{abs(q):f}"
    whole, _, frac = text.partition(".")
    if r.trim:
        frac = frac.rstrip("0")
    dec, thou = SEPARATORS.get(lang, SEPARATORS["id"])
    if r.group:
        whole = _group(whole, thou)
    negative = q < 0 and q != 0  # never "-0,00"
    return ("-" if negative else "") + whole + (dec + frac if frac else "")


def pair(a: Any, b: Any, kind: str = "number", lang: str = "id") -> tuple[str, str]:
    """Two compared numbers, each in its kind's form, with more decimals only when the kind's
    own would print them equal (at most MAX_DECIMALS)."""
    first, second = tampil(a, kind, lang), tampil(b, kind, lang)
    if not (is_number(a) and is_number(b)) or first != second or a == b:
        return first, second
    for places in range(rule(kind).decimals + 1, MAX_DECIMALS + 1):
        x, y = tampil(a, kind, lang, places), tampil(b, kind, lang, places)
        if x != y:
            return x, y
    return first, second  # equal but for float noise: shown as the kind shows them


def excel_format(kind: str, suffix: str = "", prefix: str = "") -> str:
    """The number format code of a workbook cell of `kind` (Excel's grammar: "," groups and "."
    separates decimals; every client shows them in its own locale). `prefix` and `suffix` are
    literals ("Rp ", " %"), quoted: a literal in every client's format grammar."""
    r = rule(kind)
    base = "#,##0" if r.group else "0"
    if r.decimals:
        base += "." + ("#" if r.trim else "0") * r.decimals
    return (f'"{prefix}"' if prefix else "") + base + (f'"{suffix}"' if suffix else "")


__all__ = ["RULES", "Rule", "NUMBER_KINDS", "SEPARATORS", "tampil", "pair", "excel_format",
           "rule", "is_number"]
