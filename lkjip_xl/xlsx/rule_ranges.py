"""Ranges of cells gathered for one conditional-format rule per sheet column.

A rule per table would be thousands of rules in a big workbook, so the writers collect ranges
(0-based, inclusive) and give each column of a sheet one rule over all of them: touching ranges
merged, listed top to bottom in the rule's `sqref`, at most a few hundred to a rule (spreadsheets
cope with that). The rule's relative reference is anchored at the first range's top cell, which
is also the top-left of them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lkjip_xl.xlsx.a1 import col_letter

MAX_RANGES_PER_RULE = 200


@dataclass(frozen=True)
class RuleRange:
    ws: Any  # the worksheet the rule goes on
    col: int
    top: int  # first row of the first range (0-based)
    bottom: int  # last row of the last range
    sqref: str  # "C5 C9:C12 ..."
    anchor: str  # "C5": what a relative reference in the rule's formula is relative to


def rule_ranges(ranges: Iterable[tuple[Any, int, int, int]]) -> Iterator[RuleRange]:
    """(worksheet, first_row, col, last_row) ranges as one or more rules per column of a sheet."""
    sheets: dict[int, Any] = {}
    by_column: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ws, first, col, last in ranges:
        sheets[id(ws)] = ws
        by_column.setdefault((id(ws), col), []).append((first, last))
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
            yield RuleRange(sheets[ws_id], col, top, chunk[-1][1], sqref, f"{letter}{top + 1}")


__all__ = ["MAX_RANGES_PER_RULE", "RuleRange", "rule_ranges"]
