"""Whole numbers of a "#,##0.##" column without Excel's trailing separator.

A value in an indicator's unit shows up to two decimals with trailing zeros dropped
(core/number_display.py). Its format code "#,##0.##" does that in LibreOffice, but Excel prints
a whole number with the separator left over ("66." or "66,"). No format code alone tells a whole
number from a fraction, so a conditional format gives the cells that print whole at two decimals
the whole number's format ("#,##0"): both clients then print "66", "0,5" and "80,67".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lkjip_xl.xlsx.a1 import col_letter

# a rule lists its ranges in one attribute; spreadsheets cope with a few hundred
MAX_RANGES_PER_RULE = 200


def criteria(top_left: str) -> str:
    """True where the cell prints as a whole number at two decimals (65,999 and 66,004 too)."""
    return f"=AND(ISNUMBER({top_left}),ROUND({top_left},2)=ROUND({top_left},0))"


@dataclass
class WholeNumbers:
    """Collects the ranges (0-based, inclusive) of "#,##0.##" cells; `apply` adds one rule per
    column of a sheet over all its ranges."""

    whole_format: str
    ranges: list[tuple[Any, int, int, int]] = field(default_factory=list)

    def add(self, ws: Any, first_row: int, col: int, last_row: int) -> None:
        self.ranges.append((ws, first_row, col, last_row))

    def apply(self, wb: Any) -> int:
        if not self.ranges:
            return 0
        fmt = wb.add_format({"num_format": self.whole_format})
        sheets: dict[int, Any] = {}
        by_column: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for ws, first, col, last in self.ranges:
            sheets[id(ws)] = ws
            by_column.setdefault((id(ws), col), []).append((first, last))
        rules = 0
        for (ws_id, col), found in by_column.items():
            spans: list[tuple[int, int]] = []
            for a, b in sorted(found):
                if spans and a <= spans[-1][1] + 1:  # touching or overlapping: one range
                    spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
                else:
                    spans.append((a, b))
            letter = col_letter(col + 1)
            for start in range(0, len(spans), MAX_RANGES_PER_RULE):
                chunk = spans[start:start + MAX_RANGES_PER_RULE]
                top = chunk[0][0]
                sqref = " ".join(f"{letter}{a + 1}" if a == b else f"{letter}{a + 1}:{letter}{b + 1}"
                                 for a, b in chunk)
                # anchored at the top-left cell of all the ranges: the reference is relative
                sheets[ws_id].conditional_format(top, col, chunk[-1][1], col, {
                    "type": "formula", "criteria": criteria(f"{letter}{top + 1}"),
                    "format": fmt, "multi_range": sqref})
                rules += 1
        return rules


__all__ = ["WholeNumbers", "criteria"]
