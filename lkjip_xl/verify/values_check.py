"""Each computed cell's cached value equals the domain core's value for the workbook's inputs.

Rows are matched by code, not by position: computed row r mirrors input row m (after any
inserted or deleted row, row_edits.detect_shifts), and the expected values are the domain
core's for the code found in row m (`layout.values.computed_rows`). Numbers agree within 1e-9
relative plus 1e-9 absolute: LibreOffice snaps differences near zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.measurement import ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema import TABLES
from lkjip_xl.verify.formulas_check import UNKNOWN as _UNKNOWN
from lkjip_xl.verify.formulas_check import MirrorMap
from lkjip_xl.verify.structure import Structure, placed_summary
from lkjip_xl.workbook.expected import BLANK, Row, computed_rows, summary_values
from lkjip_xl.workbook.read import cell_text, loc, match_key
from lkjip_xl.workbook.tree import identity
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.grid import SheetGrid

if TYPE_CHECKING:
    from lkjip_xl.core.measurement import Pengukuran

UNCALCULATED_SHARE = 0.9  # this share of non-blank expectations cached as blank: never calculated

_text = cell_text


@dataclass
class Expected:
    # table -> actual row -> values, a tuple in the order of `keys[table]` (a dict per row
    # would cost ~2 kB each: 20 MB for a 10,000-row workbook)
    rows: dict[str, dict[int, tuple[Any, ...]]] = field(default_factory=dict)
    keys: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> key -> index
    summary: dict[str, Any] = field(default_factory=dict)
    duplicates: set[tuple[str, int]] = field(default_factory=set)
    error: str | None = None
    pengukuran: Pengukuran | None = None  # the domain's measurement the values come from

    def value(self, table_or_sheet: str, row: int, key: str) -> Any:
        if table_or_sheet in self.rows:
            r = self.rows[table_or_sheet].get(row)
            i = self.keys.get(table_or_sheet, {}).get(key)
            return _UNKNOWN if r is None or i is None else r[i]
        v = self.summary.get(f"{table_or_sheet}:{key}", _UNKNOWN)
        return v


def _match_positions(st: Structure, table_key: str) -> dict[str, int]:
    p, sg = st.placed.get(table_key), st.sheet(TABLES[table_key].sheet)
    out: dict[str, int] = {}
    if p is None or sg is None or "kode" not in p.columns:
        return out
    for r in range(p.first, max(p.last, sg.max_row) + 1):
        code = match_key(sg.value(r, p.columns["kode"]))  # as MATCH finds it
        if code is not None and code not in out:
            out[code] = r - p.first + 1
    return out


def expected_values(st: Structure, dok: Dokumen | None, mirror: MirrorMap) -> Expected:
    ex = Expected()
    if dok is None:
        ex.error = "no document"
        return ex
    try:

        p = ex.pengukuran = ukur(dok)
        computed = computed_rows(dok, p, _Compact(ex.keys))
        ex.summary = summary_values(dok, p)
    except (ValueError, TypeError, KeyError, ZeroDivisionError, ArithmeticError) as exc:
        ex.error = f"{type(exc).__name__}: {exc}"
        return ex
    # a column giving the row of the code in a joined table: where MATCH finds it in the sheet
    matches = {c.matches: _match_positions(st, c.matches)
               for t in TABLES.values() for c in t.columns if c.matches}
    blank_rows = {key: tuple(BLANK for _ in ex.keys.get(key, ())) for key in computed}
    for key, rows in computed.items():
        index = ex.keys.get(key, {})
        by_key: dict[tuple[str, ...], tuple[Any, ...]] = {}
        table = TABLES[key]
        ident_keys = identity(table)  # the codes naming a row, the same in both tables
        for row in rows:
            by_key.setdefault(tuple(str(row[index[k]] or "") for k in ident_keys), row)
        match_cols = [(index[c.key], matches[c.matches]) for c in table.columns
                      if c.matches and c.key in index]
        mkey = table.mirror or ""
        pm = st.placed.get(mkey)
        msg = st.sheet(TABLES[mkey].sheet) if mkey else None
        seen: set[tuple[str, ...]] = set()
        out: dict[int, tuple[Any, ...]] = {}
        for r, m in mirror.get(key, {}).items():
            if m is None or pm is None or msg is None:
                continue
            ident = tuple(_text(msg.value(m, pm.columns[k])) or "" if k in pm.columns else ""
                          for k in ident_keys)
            if not any(ident):
                out[r] = blank_rows[key]
                continue
            if ident in seen:
                ex.duplicates.add((key, r))
                continue
            seen.add(ident)
            found = by_key.get(ident)
            if found is None:
                continue
            row = found
            if match_cols:
                code = match_key(msg.value(m, pm.columns[TABLES[mkey].row_key]))
                values = list(row)
                for i, found_at in match_cols:
                    values[i] = found_at.get(code or "", BLANK)
                row = tuple(values)
            out[r] = row
        ex.rows[key] = out
    return ex


class _Compact:
    """computed_rows' row_factory: each row dict becomes a tuple, its key order noted once per
    table (every row of a table is built by the same literal, so the order is the same)."""

    def __init__(self, keys: dict[str, dict[str, int]]) -> None:
        self.keys = keys
        self.order: dict[str, tuple[str, ...]] = {}

    def __call__(self, table: str, row: Row) -> tuple[Any, ...]:
        order = self.order.get(table)
        if order is None:
            order = self.order[table] = tuple(row)
            self.keys[table] = {k: i for i, k in enumerate(order)}
        elif tuple(row) != order:
            raise ValueError(f"computed row of {table} with other keys: {list(row)}")
        return tuple(row.values())


def check_values(st: Structure, ex: Expected, settled: set[tuple[str, int, int]],
                 expected_cells: dict[tuple[str, int, int], Any] | None = None) -> list[Finding]:
    """Cached values of the layout's formula cells against the domain's values.

    `expected_cells` (optional) receives every (sheet, row, col) -> expected value compared."""
    if ex.error is not None:
        return [Finding("nilai-tidak-dapat-dihitung", "warning", "", found=ex.error)]
    wrong: list[Finding] = []
    non_blank = blank_cached = 0

    def judge(sg: SheetGrid, sheet_name: str, r: int, col: int, exp: Any) -> None:
        nonlocal non_blank, blank_cached
        if settled and (sg.name, r, col) in settled:
            return
        store = sg.cells
        if store.template(r, col) is None:  # no formula: formulas_check has reported it
            return
        if expected_cells is not None:
            expected_cells[(sg.name, r, col)] = exp
        found = store.value(r, col)
        if exp is not None and exp != BLANK:
            non_blank += 1
            if found is None or found == "":
                blank_cached += 1
        if not same_value(found, exp):
            wrong.append(Finding("nilai-salah", "error", loc(sheet_name, r, col),
                                 found=found if found != "" else None,
                                 expected=exp if exp != BLANK else None))

    for key, rows in ex.rows.items():
        table, p = TABLES[key], st.placed.get(key)
        sg = st.sheet(table.sheet)
        if p is None or sg is None:
            continue
        index = ex.keys.get(key, {})  # no key order: the table had no computed rows
        cols = [(index[c.key], p.columns[c.key]) for c in table.columns
                if c.key in p.columns and c.key in index]
        for r, expected in rows.items():
            for i, col in cols:
                judge(sg, table.sheet, r, col, expected[i])
    for sheet_name, sc, row, col in placed_summary(st):
        exp = ex.summary.get(f"{sheet_name}:{sc.key}", _UNKNOWN)
        sg = st.sheet(sheet_name)
        if exp is not _UNKNOWN and sg is not None:
            judge(sg, sheet_name, row, col, exp)
    if non_blank and blank_cached >= UNCALCULATED_SHARE * non_blank:
        return [Finding("nilai-belum-dihitung", "info", "", params={"count": blank_cached})]
    return wrong


def differing_cells(st: Structure, a: Expected, b: Expected) -> list[str]:
    """The computed cells (`Sheet!A1`) whose expected value differs between two readings of the
    inputs: what one input changes downstream (verify's root-cause grouping)."""
    out: list[str] = []
    for key, rows in a.rows.items():
        table, p = TABLES[key], st.placed.get(key)
        other = b.rows.get(key, {})
        if p is None:
            continue
        ia, ib = a.keys.get(key, {}), b.keys.get(key, {})
        cols = [(ia[c.key], ib.get(c.key), p.columns[c.key]) for c in table.columns
                if c.key in p.columns and c.key in ia]
        for r, va in rows.items():
            vb = other.get(r)
            for i, j, col in cols:
                if vb is None or j is None or not same_value(vb[j], va[i]):
                    out.append(loc(table.sheet, r, col))
    for sheet_name, sc, row, col in placed_summary(st):
        k = f"{sheet_name}:{sc.key}"
        if not same_value(b.summary.get(k), a.summary.get(k)):
            out.append(loc(sheet_name, row, col))
    return out


__all__ = ["Expected", "check_values", "differing_cells", "expected_values", "same_value"]
