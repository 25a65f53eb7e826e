"""Rows inserted into or deleted from a table: which sheet was edited, at which row, and advice
that restores the workbook without losing typed data.

A computed table mirrors an input table row by row (`Table.mirror`), so a row edit on either side
shows in the computed rows' references to the input sheet:

- a row inserted in the input sheet: from that row on, the computed rows refer one row further
  down; the input table's names are one row longer (or start one row later);
- a row deleted in the input sheet: one computed row of `#REF!`, then references one row up;
- a row inserted in the computed sheet: one row without formulas, then references one row up;
- a row deleted in the computed sheet: from that row on, references one row further down; the
  computed table's names are one row shorter.

The first and the last look alike in the references; the names' lengths tell them apart, against
an anchor that did not move (`_computed_rows_deleted`). A table joined by code (RKT, PK, Rencana
Aksi, Realisasi Kinerja) takes row edits in its middle in its stride; a row inserted at its first
row leaves the named ranges starting below it, so what is typed there is not seen by the formulas.
"""

from __future__ import annotations

import re
from collections import Counter

from lkjip_xl.core.findings import Finding
from lkjip_xl.schema import TABLES
from lkjip_xl.verify.formulas_check import MirrorMap, MirrorRefs
from lkjip_xl.verify.structure import Placed, Structure
from lkjip_xl.workbook.read import loc
from lkjip_xl.xlsx.grid import SheetGrid

# the codes, one per kind of edit (catalogue/structure.py holds their messages and advice)
INSERTED = "baris-disisipkan"  # an empty row inserted in an input table
INSERTED_FILLED = "baris-disisipkan-berisi"  # ... and typed into: never advise deleting it
DELETED = "baris-dihapus"  # a row of an input table deleted, with what it held
COMPUTED_INSERTED = "baris-hitungan-disisipkan"
COMPUTED_DELETED = "baris-hitungan-dihapus"
ROW_EDITS = (INSERTED, INSERTED_FILLED, DELETED, COMPUTED_INSERTED, COMPUTED_DELETED)

_SPAN = re.compile(r"!\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$")


def name_span(st: Structure, key: str) -> tuple[int, int] | None:
    """The rows the table's defined names span in this workbook (the most common span)."""
    spans: Counter[tuple[int, int]] = Counter()
    for col in TABLES[key].columns:
        text = st.grid.defined_names.get(TABLES[key].range_name(col.key))
        m = _SPAN.search(text or "")
        if m:
            spans[(int(m.group(1)), int(m.group(2) or m.group(1)))] += 1
    return spans.most_common(1)[0][0] if spans else None


def _has_values(sg: SheetGrid | None, row: int, cols: list[int]) -> bool:
    return sg is not None and any(sg.value(row, c) not in (None, "") for c in cols)


class _Events:
    def __init__(self, st: Structure) -> None:
        self.st = st
        self.found: dict[tuple[str, str, int], Finding] = {}

    def add(self, code: str, key: str, row: int, **params: object) -> None:
        sheet = TABLES[key].sheet
        self.found.setdefault((code, sheet, row), Finding(
            code, "error", loc(sheet, row, 1), found=row,
            params={"table": key, "sheet": sheet, **params}))

    def inserted(self, key: str, row: int) -> None:
        p, sg = self.st.placed[key], self.st.sheet(TABLES[key].sheet)
        cols = [p.columns[c.key] for c in TABLES[key].columns if c.is_input and c.key in p.columns]
        self.add(INSERTED_FILLED if _has_values(sg, row, cols) else INSERTED, key, row)


def detect_shifts(st: Structure) -> tuple[MirrorMap, list[Finding]]:
    """Rows inserted or deleted in the tables, and where each computed row points."""
    out: MirrorMap = {}
    ev = _Events(st)
    for key, table in TABLES.items():
        p, pm = st.placed.get(key), st.placed.get(table.mirror or "")
        sg = st.sheet(table.sheet)
        if table.mirror is None or p is None or pm is None or sg is None:
            continue
        out[key] = _mirror_rows(st, ev, key, p, pm, sg)
    mirrored = {t.mirror for t in TABLES.values() if t.mirror}
    for key in READ_BY_NAME:
        p, span = st.placed.get(key), name_span(st, key)
        if TABLES[key].mirror or key in mirrored or p is None or span is None:
            continue
        if span[0] > p.first:  # typed at the first row, not seen by the formulas
            ev.inserted(key, p.first)
    return out, list(ev.found.values())


# the tables whose defined names some formula of the layout reads (SDM's are read by no formula)
READ_BY_NAME = [k for k in TABLES if any(f"{k}_" in (c.formula or "") for t in TABLES.values()
                                          for c in t.columns)]


def _length(span: tuple[int, int] | None) -> int | None:
    return None if span is None else span[1] - span[0] + 1


def _computed_rows_deleted(st: Structure, key: str, mkey: str) -> int:
    """How many rows the computed table lost. The layout gives every table mirroring an input the
    same number of rows, never fewer than the default; the computed table's names are measured
    against an anchor that a row edit on its sheet does not move: another computed table
    mirroring the same input, else the layout's default number of rows."""
    n_out = _length(name_span(st, key))
    if n_out is None:
        return 0
    siblings = Counter(n for k, t in TABLES.items() if t.mirror == mkey and k != key
                       and k in st.placed and (n := _length(name_span(st, k))) is not None)
    anchor = siblings.most_common(1)[0][0] if siblings else TABLES[mkey].default_capacity
    return max(0, anchor - n_out)


def _row_refs(st: Structure, key: str, p: Placed, sg: SheetGrid
              ) -> list[tuple[int, int | None, bool, bool]]:
    """Per computed row: (row, smallest input row referenced, only #REF! left, no formula)."""
    table = TABLES[key]
    refs_of = MirrorRefs(TABLES[table.mirror or ""].sheet, st.renamed)
    template = sg.cells.template
    cols = list(p.columns.values())
    out = []
    for r in range(p.first, p.last + 1):
        rows: list[int] = []
        ref, empty = False, True
        for c in cols:
            t = template(r, c)
            if t is None:
                continue
            empty = False
            found, has_ref = refs_of(t, r)
            rows.extend(found)
            # LibreOffice writes a reference to a deleted row as a bare #REF! (no sheet name)
            ref = ref or has_ref or "#REF!" in t
        out.append((r, min(rows) if rows else None, ref and not rows, empty))
    return out


def _mirror_rows(st: Structure, ev: _Events, key: str, p: Placed, pm: Placed,
                 sg: SheetGrid) -> dict[int, int | None]:
    table = TABLES[key]
    mkey = table.mirror or ""
    cells = _row_refs(st, key, p, sg)
    # the next row's (delta, #REF!) that says anything, for every row: one pass from the end
    # (searching forward from each row would be quadratic in a long empty tail)
    following: list[tuple[int | None, bool] | None] = [None] * len(cells)
    ahead: tuple[int | None, bool] | None = None
    for i in range(len(cells) - 1, -1, -1):
        following[i] = ahead
        r, ref_row, rf, _ = cells[i]
        base = r - p.first + pm.first
        if ref_row is not None or rf:
            ahead = (None if ref_row is None else ref_row - base, rf)
    mapping: dict[int, int | None] = {}
    further: list[tuple[int, int]] = []  # (computed row, input row): references one row down
    d = 0
    for i, (r, ref_row, ref, empty) in enumerate(cells):
        base = r - p.first + pm.first
        delta = None if ref_row is None else ref_row - base
        nxt = following[i]
        # a run of #REF! rows is as many rows deleted: each row's next says #REF! or one row up
        if ref and (nxt is None or nxt[0] == d - 1 or (nxt[0] is None and nxt[1])):
            ev.add(DELETED, mkey, base + d)
            mapping[r] = None
            d -= 1
            continue
        if empty and nxt is not None and nxt[0] == d - 1:
            ev.add(COMPUTED_INSERTED, key, r, input=TABLES[mkey].sheet)
            mapping[r] = None
            d -= 1
            continue
        if delta is not None and delta != d and (nxt is None or nxt[0] == delta):
            if delta > d:
                further.append((r, base + d))
            else:
                ev.add(DELETED, mkey, base + d)
            d = delta
        mapping[r] = base + d
    # each step down is a row inserted in the input or one deleted from the computed table: as
    # many deletions as the computed table lost rows, first where the input row holds data (a
    # row just inserted in the input is empty, or typed into after)
    deleted = _computed_rows_deleted(st, key, mkey) if further else 0
    pin, sin = st.placed[mkey], st.sheet(TABLES[mkey].sheet)
    inputs = [pin.columns[c.key] for c in TABLES[mkey].columns if c.is_input and c.key in pin.columns]
    for n, (r, at) in enumerate(further):
        if deleted and (_has_values(sin, at, inputs) or len(further) - n <= deleted):
            ev.add(COMPUTED_DELETED, key, r, input=TABLES[mkey].sheet)
            deleted -= 1
        else:
            ev.inserted(mkey, at)
    return mapping


__all__ = ["ROW_EDITS", "READ_BY_NAME", "detect_shifts", "name_span"]
