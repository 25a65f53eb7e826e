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

from lkjip_xl.xlsx.rule_ranges import rule_ranges


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
        rules = 0
        for r in rule_ranges(self.ranges):
            r.ws.conditional_format(r.top, r.col, r.bottom, r.col, {
                "type": "formula", "criteria": criteria(r.anchor), "format": fmt,
                "multi_range": r.sqref})
            rules += 1
        return rules


__all__ = ["WholeNumbers", "criteria"]
