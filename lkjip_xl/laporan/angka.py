"""Numbers as an Indonesian report prints them: 2.072.337.900; 93,37 %; 0,49.

The document shows the domain core's values, never re-rounded sums, each kind with the decimals
of the one rule every output follows (core/number_display.py, docs/numbers.md): money to the
rupiah, a percentage and efficiency points to two decimals, a value in an indicator's unit with
up to two.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.core.number_display import is_number, tampil


def angka(value: Any, kind: str = "number") -> str:
    """`value` in Indonesian form; "" for an empty cell, text as it is; a percent with " %"."""
    if value is None or value == "":
        return ""
    out = tampil(value, kind, "id")
    return out + " %" if kind == "percent" and is_number(value) else out


def parse_angka(text: str) -> float | None:
    """The inverse, for tests and readers: "2.072.337.900" -> 2072337900.0, "93,37 %" -> 93.37."""
    t = text.strip().removesuffix("%").strip()
    if not t:
        return None
    try:
        return float(t.replace(".", "").replace(",", "."))
    except ValueError:
        return None
