"""Which findings follow from another: every root cause gets its consequences.

One act leaves many marks: a row deleted in *Renstra & IKU* breaks every computed row below it and
every code that named the indicator; a formula overwritten with a constant feeds a wrong value to
every cell that reads it. The report names the act once, at the cell to change, and lists the
marks under it (`akibat` on the cause, `cause` on each consequence; render.py folds them, the
JSON keeps both). Text numbers link their own consequences first (causes.link_root_causes).

- A row edit (row_edits.py) on table T: the formula and value findings on T's sheet and on every
  sheet computed from T, and the code findings whose code should be in T.
- An overwritten, edited or deleted formula, a code or an input at a cell X: the wrong values
  whose formulas read X, directly or through other cells and defined names (followed backwards
  from the wrong value, at most `REACH` cells).
"""

from __future__ import annotations

import re
from collections import deque

from lkjip_xl.core.findings import Finding
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.sheets import sheet
from lkjip_xl.verify.renja_check import MISSING_IN
from lkjip_xl.verify.row_edits import ROW_EDITS
from lkjip_xl.xlsx.a1 import col_index
from lkjip_xl.xlsx.grid import WorkbookGrid

# marks a broken structure or a wrong input leaves on computed cells
FOLLOWERS = frozenset({"nilai-salah", "nilai-cache-basi", "rumus-diubah", "rumus-diubah-rentang",
                       "rumus-dihapus"})
# findings at a cell whose value other cells read
CELL_ROOTS = frozenset({"rumus-ditimpa", "rumus-ditimpa-salah", "rumus-diubah",
                        "rumus-diubah-rentang", "rumus-dihapus", "rumus-tautan-eksternal",
                        "rumus-dari-sheet-tersembunyi", "kode-berspasi", "persen-skala-salah",
                        "anggaran-skala-ribuan"})
# findings at a row that the document leaves out but the sheet's formulas still read
# (an Indikator Program row naming no owner is not read, yet the Renja sheets still compute it)
ROW_ROOTS = frozenset({"kode-ganda", "sub-kegiatan-tanpa-kegiatan",
                       "indikator-program-tanpa-program", "indikator-program-tanpa-kegiatan",
                       "indikator-program-tanpa-sub-kegiatan", "indikator-program-beda-program"})
_WIDE = 16384  # the last column of a sheet
# code findings whose missing code should be in a table: a row edit there is their cause
REF_CODES = {**{c.ref.finding: c.ref.table for t in TABLES.values() for c in t.columns if c.ref},
             **MISSING_IN}
REACH = 4000  # precedent cells visited per wrong value
TRACED = 200  # wrong values traced back; a workbook with more is reported as it is

Box = tuple[str, int, int, int, int]  # sheet, first row, first col, last row, last col
_REF = re.compile(r"(?<![A-Za-z0-9_.$'])(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?"
                  r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![\w(])")
_NAME = re.compile(r"(?<![\w.$'!])([A-Za-z_][\w.]*)(?![\w(!])")
_LOC = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)"
                  r"(?::\$?([A-Z]{1,3})\$?(\d+))?$")


def box_of(location: str) -> Box | None:
    m = _LOC.match(location or "")
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    c1, r1 = col_index(m.group(3)), int(m.group(4))
    c2, r2 = (col_index(m.group(5)), int(m.group(6))) if m.group(5) else (c1, r1)
    return sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def cell_count(location: str) -> int:
    b = box_of(location)
    return 1 if b is None else (b[3] - b[1] + 1) * (b[4] - b[2] + 1)


def _meets(a: Box, b: Box) -> bool:
    return a[0] == b[0] and a[1] <= b[3] and b[1] <= a[3] and a[2] <= b[4] and b[2] <= a[4]


def _downstream(key: str) -> set[str]:
    """The tables computed, directly or not, from table `key`."""
    out: set[str] = set()
    todo = [key]
    while todo:
        k = todo.pop()
        for other, t in TABLES.items():
            if other in out or other == key:
                continue
            # its columns' formulas and those of its sheet's fixed cells (the E.81 footer on
            # Renja Kinerja sums Renja Anggaran Program)
            text = " ".join([c.formula or "" for c in t.columns]
                            + [sc.formula for sc in sheet(t.sheet).summary])
            if t.mirror == k or "{" + k + "." in text or k + "_" in text:
                out.add(other)
                todo.append(other)
    return out


def _structural(roots: list[Finding], findings: list[Finding]) -> None:
    for root in roots:
        key = str(root.params.get("table", ""))
        if key not in TABLES:
            continue
        sheets = {TABLES[k].sheet for k in {key} | _downstream(key)}
        for f in findings:
            if f is root or "cause" in f.params or f.params.get("akibat") or f.code in ROW_EDITS:
                continue
            if (f.code in FOLLOWERS and f.sheet in sheets) or REF_CODES.get(f.code) == key:
                f.params["cause"] = root.location


class _Precedents:
    """The cells a formula cell reads, followed backwards through formulas and defined names."""

    def __init__(self, grid: WorkbookGrid) -> None:
        self.grid = grid
        self.names: dict[str, Box] = {}
        for name, text in grid.defined_names.items():
            b = box_of(text.lstrip("="))
            if b is not None:
                self.names[name] = b
        self.refs: dict[tuple[str, int, int], list[Box]] = {}
        self.boxes: dict[Box, list[tuple[str, int, int]]] = {}

    def of(self, sheet: str, row: int, col: int) -> list[Box]:
        key = (sheet, row, col)
        hit = self.refs.get(key)
        if hit is not None:
            return hit
        sg = self.grid.sheet(sheet)
        formula = sg.cells.formula(row, col) if sg is not None else None
        out: list[Box] = []
        if formula:
            text = re.sub(r'"[^"]*"', '""', formula)
            for m in _REF.finditer(text):
                at = (m.group(1) or "").replace("''", "'") or m.group(2) or sheet
                c1, r1 = col_index(m.group(3)), int(m.group(4))
                c2, r2 = (col_index(m.group(5)), int(m.group(6))) if m.group(5) else (c1, r1)
                out.append((at, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
            out += [self.names[n] for n in _NAME.findall(text) if n in self.names]
        self.refs[key] = out
        return out

    def cells(self, b: Box) -> list[tuple[str, int, int]]:
        """The formula cells in a box (once per box: a defined name is met again and again)."""
        hit = self.boxes.get(b)
        if hit is None:
            sg = self.grid.sheet(b[0])
            hit = [] if sg is None else [
                (b[0], r, c) for r in range(b[1], min(b[3], sg.max_row) + 1)
                for c in range(b[2], min(b[4], sg.max_col) + 1) if sg.cells.formula(r, c)]
            self.boxes[b] = hit
        return hit

    def reaches(self, start: Box, roots: list[tuple[Box, Finding]]) -> Finding | None:
        seen: set[tuple[str, int, int]] = set()
        todo = deque(self.cells(start))
        while todo and len(seen) < REACH:
            cell = todo.popleft()
            if cell in seen:
                continue
            seen.add(cell)
            for b in self.of(*cell):
                for rb, root in roots:
                    if _meets(b, rb) and not _meets(start, rb):
                        return root
                todo.extend(c for c in self.cells(b) if c not in seen)
        return None


REPORT_ROW_EDITS = ("laporan-baris-disisipkan", "laporan-baris-dihapus")


def link_report_followers(findings: list[Finding]) -> None:
    """The generic audit's findings in a report sheet where a row was inserted or deleted
    (`laporan-baris-*`) are that edit's consequences, as `_structural` folds a table's: the
    E.80's sums of the rows below hold #REF! where a row they read was deleted, and its footer
    with them. The audit runs after `link_follow_ons`, on the cells the layout does not own."""
    roots = {str(f.params.get("sheet")): f for f in findings if f.code in REPORT_ROW_EDITS}
    for f in findings:
        root = roots.get(f.sheet)
        if root is not None and "cause" not in f.params and \
                (f.code in FOLLOWERS or f.code == "nilai-galat"):
            f.params["cause"] = root.location
            akibat = root.params.setdefault("akibat", [])
            if f.location not in akibat:
                akibat.append(f.location)


def link_follow_ons(grid: WorkbookGrid, findings: list[Finding]) -> None:
    """Mark each consequence with its `cause` and give each cause its `akibat` (locations)."""
    structural = [f for f in findings if f.code in ROW_EDITS]
    _structural(structural, findings)
    roots = [(b, f) for f in findings
             if (f.code in CELL_ROOTS or f.code == "angka-sebagai-teks") and "cause" not in f.params
             and (b := box_of(f.location)) is not None]
    # a row the reader sets aside (a code used twice) is still summed by the formulas: every
    # value it moves follows from the whole row, not from its code cell alone
    roots += [((b[0], b[1], 1, b[3], _WIDE), f) for f in findings
              if f.code in ROW_ROOTS and "cause" not in f.params
              and (b := box_of(f.location)) is not None]
    wrong = [f for f in findings if f.code in FOLLOWERS and "cause" not in f.params
             and not any(f is r for _, r in roots)]
    if roots and wrong:
        prec = _Precedents(grid)
        for f in wrong[:TRACED]:
            b = box_of(f.location)
            root = prec.reaches(b, roots) if b is not None else None
            if root is not None:
                f.params["cause"] = root.location
    by_root: dict[str, list[str]] = {}
    for f in findings:
        if "cause" in f.params:
            by_root.setdefault(f.params["cause"], []).append(f.location)
    order = {name: i for i, name in enumerate(grid.sheet_names)}

    def place(location: str) -> tuple[int, int, int]:
        b = box_of(location)
        return (order.get(b[0], len(order)), b[2], b[1]) if b else (len(order), 0, 0)

    for f in findings:
        if f.location in by_root and "cause" not in f.params:
            mine = f.params.setdefault("akibat", [])
            mine.extend(loc for loc in sorted(by_root[f.location], key=place) if loc not in mine)
            if f.code in ROW_ROOTS:  # a row that makes computed cells wrong is the error itself
                f.severity = "error"


def grouped(findings: list[Finding]) -> list[tuple[Finding, bool]]:
    """The findings in their order, each consequence moved right under its cause:
    (finding, is a consequence)."""
    causes = {f.location for f in findings if f.params.get("akibat") and "cause" not in f.params}
    under: dict[str, list[Finding]] = {}
    for f in findings:
        if f.params.get("cause") in causes:
            under.setdefault(f.params["cause"], []).append(f)
    out: list[tuple[Finding, bool]] = []
    for f in findings:
        if f.params.get("cause") in causes:
            continue
        out.append((f, False))
        if f.location in causes and "cause" not in f.params:
            out += [(g, True) for g in under.pop(f.location, [])]
    return out


__all__ = ["cell_count", "grouped", "link_follow_ons"]
