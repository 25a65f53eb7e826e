"""The kind of number each finding's cell holds, so its message prints it in the reader's form.

A finding's `found` and `expected` are the cell's own values: a capaian reads like the
workbook's capaian (two decimals), a rupiah amount like money. The kind comes from the column
the cell sits in, where this workbook placed it (a moved table or column keeps its kind); a
template that names a kind (`{found:money}`) still wins (catalogue/__init__.py).
"""

from __future__ import annotations

import re

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.number_display import NUMBER_KINDS, is_number
from lkjip_xl.schema import SHEETS
from lkjip_xl.verify.structure import Structure, placed_summary
from lkjip_xl.xlsx.a1 import col_index

_CELL = re.compile(r"^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)$")


def _shown(kind: str, is_input: bool) -> str:
    """An input cell of an indicator's unit shows what was typed (schema/formats.py)."""
    return "typed" if kind == "number" and is_input else kind


class _Kinds:
    """Fixed cells (form fields, totals) by (sheet, row, column); table columns by (sheet,
    column) over their data rows only (a header cell holds no number of the column's kind)."""

    def __init__(self, st: Structure) -> None:
        self.cells: dict[tuple[str, int, int], str] = {}
        self.columns: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        for p in st.placed.values():
            sheet = st.renamed.get(p.table.sheet, p.table.sheet)
            last = p.last if p.last >= p.first else 1 << 20
            for key, col in p.columns.items():
                kind = _shown(p.table.column(key).kind, p.table.column(key).is_input)
                if kind in NUMBER_KINDS:
                    self.columns.setdefault((sheet, col), []).append((p.first, last, kind))
        for s in SHEETS:
            for f in s.fields:
                if f.kind in NUMBER_KINDS:
                    self.cells[(st.renamed.get(s.name, s.name), f.row, 2)] = _shown(f.kind, True)
        for sheet, sc, row, col in placed_summary(st):
            if sc.kind in NUMBER_KINDS:
                self.cells[(st.renamed.get(sheet, sheet), row, col)] = sc.kind

    def at(self, sheet: str, row: int, col: int) -> str | None:
        kind = self.cells.get((sheet, row, col))
        if kind:
            return kind
        for first, last, k in self.columns.get((sheet, col), ()):
            if first <= row <= last:
                return k
        return None


def attach_number_kinds(findings: list[Finding], st: Structure) -> None:
    """Set `number_kind` on each finding about a number in a cell of a numeric column."""
    kinds: _Kinds | None = None
    for f in findings:
        if "number_kind" in f.params or not (is_number(f.found) or is_number(f.expected)):
            continue
        m = _CELL.match(f.location or "")
        if not m:
            continue
        if kinds is None:
            kinds = _Kinds(st)
        sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
        row, col = int(m.group(4)), col_index(m.group(3))
        kind = kinds.at(sheet, row, col)
        if kind:
            f.params["number_kind"] = kind


__all__ = ["attach_number_kinds"]
