"""Hidden sheets, rows, columns and names that formulas depend on: the audit's check of data a
reader of the workbook cannot see but its results are computed from.

A row or column counts only where it holds data (a value, or a formula cell recomputed here), and
a run of hidden rows or columns is reported once, as a block, with the formulas that read it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Container
from typing import Any

from lkjip_xl.audit.evaluator import Evaluator, SheetState
from lkjip_xl.audit.parser import FormulaSyntaxError, RefSpec, parse, shape_of, walk
from lkjip_xl.core.findings import Finding
from lkjip_xl.xlsx.a1 import col_letter, location, quote_sheet
from lkjip_xl.xlsx.grid import WorkbookGrid

Key = tuple[str, int, int]  # (sheet, row, column) of a cell


def hidden_use(grid: WorkbookGrid, ev: Evaluator, skip: Container[Key]) -> list[Finding]:
    """One warning per hidden sheet, hidden name and block of hidden rows or columns holding
    data that a formula reads (cells in `skip` are judged by the layout verifier)."""
    book: list[Finding] = []
    hidden_sheets = {s.name.lower(): s for s in ev.sheets if s.state != "visible"}
    hidden_names = {n.rsplit("!", 1)[-1].upper() for n in grid.hidden_names}
    any_hidden_cells = any(s.hidden_rows or s.hidden_cols for s in ev.sheets)
    if not (hidden_sheets or hidden_names or any_hidden_cells):
        return book
    sheet_use: dict[str, list[str]] = defaultdict(list)
    name_use: dict[str, list[str]] = defaultdict(list)
    block_use: dict[tuple[int, str, tuple[int, int]], list[str]] = defaultdict(list)
    name_refs: dict[str, list[RefSpec]] = {}
    memo: dict[Any, list[tuple[str, tuple[int, int]]]] = {}
    indexes: dict[int, _HiddenIndex] = {}
    for sh in ev.sheets:
        for (r, c), fc in sorted(sh.fcells.items()):
            if (sh.name, r, c) in skip:
                continue
            here = location(sh.name, r, c)
            refs = list(fc.shape.refs)
            for n in fc.shape.names:
                if n in hidden_names:
                    name_use[n].append(here)
                if n not in name_refs:
                    name_refs[n] = _name_refs(ev, n)
                refs.extend(name_refs[n])
            sheets_hit = set()
            for spec in refs:
                if spec.external:
                    continue
                target = sh if spec.sheet is None else ev.sheet_by_name(spec.sheet)
                if target is None:
                    continue
                if target.name.lower() in hidden_sheets and target is not sh:
                    sheets_hit.add(target.name.lower())
                if target.hidden_rows or target.hidden_cols:
                    rect = spec.resolve(r, c) if spec in fc.shape.refs else spec.resolve(1, 1)
                    mkey = (target.index, rect)
                    hits = memo.get(mkey)
                    if hits is None:
                        index = indexes.get(target.index)
                        if index is None:
                            index = indexes[target.index] = _HiddenIndex(target)
                        hits = memo[mkey] = index.hits(rect)
                    for kind, block in hits:
                        use = block_use[(target.index, kind, block)]
                        if not use or use[-1] != here:
                            use.append(here)
            for name in sheets_hit:
                sheet_use[name].append(here)
    for name, where in sheet_use.items():
        s = hidden_sheets[name]
        book.append(Finding("sheet-tersembunyi-dipakai", "warning", quote_sheet(s.name),
                            found=s.state, params={"sheet": s.name, "state": s.state,
                                                   "count": len(where), "first": where[0]}))
    for n, where in sorted(name_use.items()):
        text = " / ".join(ev.name_texts(n))
        book.append(Finding("nama-tersembunyi-dipakai", "warning", where[0], found=n,
                            params={"name": n, "target": text, "count": len(where),
                                    "first": where[0]}))
    for (idx, kind, (a, b)), where in sorted(block_use.items(),
                                             key=lambda x: (x[0][0], x[0][1] != "rows", x[0][2])):
        s = ev.sheets[idx]
        if kind == "rows":
            loc = f"{quote_sheet(s.name)}!{a}:{b}"
            code = "baris-tersembunyi-dipakai"
        else:
            loc = f"{quote_sheet(s.name)}!{col_letter(a)}:{col_letter(b)}"
            code = "kolom-tersembunyi-dipakai"
        book.append(Finding(code, "warning", loc, found=f"{a}:{b}",
                            params={"count": len(where), "first": where[0]}))
    return book


def _name_refs(ev: Evaluator, name: str) -> list[RefSpec]:
    """The references a defined name's definitions make (each anchored at A1)."""
    out: list[RefSpec] = []
    for text in ev.name_texts(name):
        try:
            node = parse(shape_of("=" + text.lstrip("="), 1, 1))
        except FormulaSyntaxError:
            continue
        out.extend(n[1] for n in walk(node) if n[0] == "ref")
    return out


def _runs(sorted_ints: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for x in sorted_ints:
        if out and x == out[-1][-1] + 1:
            out[-1].append(x)
        else:
            out.append([x])
    return out


class _HiddenIndex:
    """Per sheet: hidden rows / columns that hold data, for quick rectangle tests.

    A cell holds data when it has a value other than None or is a formula cell recomputed here
    (a trusted formula cell counts by its cached value)."""

    def __init__(self, sh: SheetState) -> None:
        store, fcells = sh.store, sh.fcells
        rows: dict[int, list[int]] = {}
        for r in sh.hidden_rows:
            cs = [c for c, v in store.row_values(r) if v is not None or (r, c) in fcells]
            if cs:
                rows[r] = sorted(cs)
        cols: dict[int, list[int]] = defaultdict(list)
        if sh.hidden_cols:
            hidden_cols = sh.hidden_cols
            few = sorted(hidden_cols) if len(hidden_cols) <= 8 else None
            value = store.value
            for r in store.rows():
                if few is not None:  # a look at each hidden column of the row
                    for c in few:
                        if value(r, c) is not None or (r, c) in fcells:
                            cols[c].append(r)
                else:
                    for c, v in store.row_values(r):
                        if c in hidden_cols and (v is not None or (r, c) in fcells):
                            cols[c].append(r)
        self.rows = rows
        self.cols = {c: sorted(rs) for c, rs in cols.items()}
        self.row_keys = sorted(self.rows)
        self.col_keys = sorted(self.cols)

    def hits(self, rect: tuple[int, int, int, int]) -> list[tuple[str, tuple[int, int]]]:
        """Blocks of hidden rows / columns inside rect that hold data, as ("rows", (a, b))."""
        q1, p1, q2, p2 = rect
        out: list[tuple[str, tuple[int, int]]] = []
        for kind, keys, table, lo, hi, a, b in (
                ("rows", self.row_keys, self.rows, q1, q2, p1, p2),
                ("cols", self.col_keys, self.cols, p1, p2, q1, q2)):
            used = []
            for k in keys[bisect_left(keys, lo):bisect_right(keys, hi)]:
                inside = table[k]
                i = bisect_left(inside, a)
                if i < len(inside) and inside[i] <= b:
                    used.append(k)
            out.extend((kind, (blk[0], blk[-1])) for blk in _runs(used))
        return out


__all__ = ["Key", "hidden_use"]
