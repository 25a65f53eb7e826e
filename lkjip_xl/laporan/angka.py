"""Numbers as an Indonesian report prints them: 2.072.337.900; 93,37 %; 0,494.

The document shows the domain core's values, never re-rounded sums: money to the rupiah, a
percentage to two decimals, any other number with up to four decimals (as the workbook's
"#,##0.####" shows it), so a reader can recompute a table's figures from the table itself.
"""

from __future__ import annotations

from typing import Any

DECIMALS = {"money": 0, "percent": 2, "number": 4, "int": 0}


def _group(digits: str) -> str:
    out: list[str] = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def angka(value: Any, kind: str = "number") -> str:
    """`value` in Indonesian form; "" for an empty cell, text as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    places = DECIMALS.get(kind, 4)
    text = f"{abs(float(value)):.{places}f}"
    whole, _, frac = text.partition(".")
    if kind == "number":
        frac = frac.rstrip("0")
    sign = "-" if value < 0 and (whole.strip("0") or frac.strip("0")) else ""
    out = sign + _group(whole) + ("," + frac if frac else "")
    return out + " %" if kind == "percent" else out


def parse_angka(text: str) -> float | None:
    """The inverse, for tests and readers: "2.072.337.900" -> 2072337900.0, "93,37 %" -> 93.37."""
    t = text.strip().removesuffix("%").strip()
    if not t:
        return None
    try:
        return float(t.replace(".", "").replace(",", "."))
    except ValueError:
        return None
