"""Every computed cell holds exactly the formula the layout puts there.

The expected text is rendered from the layout in the package (never from anything stored in the
file), at the positions where the tables actually are (structure.Placed). Both sides are
normalised (normalise.py) because LibreOffice rewrites formula text on save.

A row inserted into or deleted from the middle of an input table shifts every formula that
mirrors it (Excel and LibreOffice rewrite the references); that is recognised from the pattern of
the referenced rows and reported once, at the row, and the shifted formulas are then judged
against the shifted rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from ..findings import Finding
from ..layout import TABLES, Table, col_letter, quote_sheet
from ..layout.model import compile_template
from ..reader import loc
from .normalise import normalise, rename_sheets
from .structure import Placed, Structure, placed_summary

Cell3 = tuple[str, int, int]  # (sheet name in the file, row, col)
MirrorMap = dict[str, dict[int, int | None]]  # computed table -> row -> mirrored row (None: #REF!)
COLLAPSE = 4  # this many edited formulas in one column become one finding over the range


@dataclass
class FormulaResult:
    findings: list[Finding] = field(default_factory=list)
    layout_cells: set[Cell3] = field(default_factory=set)  # every cell judged here (audit skip)
    settled: set[Cell3] = field(default_factory=set)  # reported here: the value check skips them
    checked: int = 0


_letter = lru_cache(maxsize=None)(col_letter)
_quoted = lru_cache(maxsize=None)(quote_sheet)


_PLACEMENTS: dict[tuple[Any, ...], int] = {}


def placement_key(placed: dict[str, Placed]) -> int:
    """A small token for what rendering depends on in a placement (compute once per workbook)."""
    sig = tuple((k, p.first, tuple(sorted(p.columns.items()))) for k, p in sorted(placed.items()))
    if sig not in _PLACEMENTS and len(_PLACEMENTS) > 64:
        _PLACEMENTS.clear()
        _COMPILED.clear()
    return _PLACEMENTS.setdefault(sig, len(_PLACEMENTS))


def render_placed(template: str, table: Table, row: int, placed: dict[str, Placed],
                  mirror_row: int | None = None, pkey: int | None = None) -> str:
    """The layout's formula for `row`, at the tables' actual positions."""
    fmt, deltas, mirrored = _compiled(template, table, placed,
                                      pkey if pkey is not None else placement_key(placed))
    args = [row + d for d in deltas]
    if mirrored is not None:
        args[mirrored] = mirror_row if mirror_row is not None else row + deltas[mirrored]
    return fmt.format(*args)


Compiled = tuple[str, list[int], int | None]
_COMPILED: dict[int, dict[tuple[str, str], Compiled]] = {}


def _compiled(template: str, table: Table, placed: dict[str, Placed], pkey: int) -> Compiled:
    """The layout's template compiled at this workbook's placement (once per placement)."""
    cache = _COMPILED.setdefault(pkey, {})
    hit = cache.get((template, table.key))
    if hit is not None:
        return hit
    own = placed[table.key]

    def locate(other: str | None, key: str) -> tuple[int, int]:
        t = table if other is None else TABLES[other]
        pt = own if other is None else placed.get(other)
        col = pt.columns.get(key) if pt else None
        return (col if col is not None else t.index(key)), (pt.first if pt else t.first_row)

    fmt, deltas, slots = compile_template(template, table, locate)
    mirrored = slots.get(table.mirror) if table.mirror else None
    out = (fmt, deltas, mirrored)
    cache[(template, table.key)] = out
    return out


def _ref_pattern(sheet: str) -> re.Pattern[str]:
    q = re.escape(quote_sheet(sheet))
    return re.compile(rf"{q}!(?:\$?[A-Z]{{1,3}}\$?(\d+)|(#REF!))")


def detect_shifts(st: Structure) -> tuple[MirrorMap, list[Finding]]:
    """Rows inserted or deleted in mirrored input tables, and where each computed row points."""
    out: MirrorMap = {}
    events: dict[tuple[str, str, int], Finding] = {}
    for key, table in TABLES.items():
        p, pm = st.placed.get(key), st.placed.get(table.mirror or "")
        sg = st.sheet(table.sheet)
        if table.mirror is None or p is None or pm is None or sg is None:
            continue
        pattern = _ref_pattern(TABLES[table.mirror].sheet)
        deltas: list[tuple[int, int | None, bool]] = []  # row, delta, #REF!
        for r in range(p.first, p.last + 1):
            base = r - p.first + pm.first
            rows: list[int] = []
            ref = False
            for c in p.columns.values():
                cell = sg.get(r, c)
                if cell is None or not cell.formula:
                    continue
                for m in pattern.finditer(rename_sheets(cell.formula, st.renamed)):
                    if m.group(2):
                        ref = True
                    else:
                        rows.append(int(m.group(1)))
            deltas.append((r, (min(rows) - base) if rows else None, ref and not rows))
        mapping: dict[int, int | None] = {}
        d = 0
        for i, (r, delta, ref) in enumerate(deltas):
            base = r - p.first + pm.first
            nxt = next(((dl, rf) for _, dl, rf in deltas[i + 1:] if dl is not None or rf), None)
            if ref and (nxt is None or nxt[0] == d - 1):
                ev = ("baris-dihapus", table.mirror, base + d)
                events.setdefault(ev, Finding("baris-dihapus", "error",
                                              loc(TABLES[table.mirror].sheet, base + d, 1),
                                              found=base + d, params={"table": table.mirror}))
                mapping[r] = None
                d -= 1
                continue
            if delta is not None and delta != d and (nxt is None or nxt[0] == delta):
                kind = "baris-disisipkan" if delta > d else "baris-dihapus"
                at = base + d
                ev = (kind, table.mirror, at)
                events.setdefault(ev, Finding(kind, "error", loc(TABLES[table.mirror].sheet, at, 1),
                                              found=at, params={"table": table.mirror}))
                d = delta
            mapping[r] = base + d
        out[key] = mapping
    return out, list(events.values())


def _external(formula: str) -> bool:
    return bool(re.search(r"\[[^\]]*\][^!]*!|\[\d+\]", formula))


def _hidden_sheet(formula: str, st: Structure) -> str | None:
    for sg in st.grid.sheets:
        if sg.state != "visible":
            q = quote_sheet(sg.name)
            if f"{q}!" in formula or f"'{sg.name}'!" in formula:
                return sg.name
    return None


def _same_value(found: Any, expected: Any) -> bool:
    from .values_check import same_value

    return same_value(found, expected)


class _Checker:
    def __init__(self, st: Structure, mirror: MirrorMap,
                 expected: Callable[[str, int, str], Any]) -> None:
        self.st, self.mirror, self.expected = st, mirror, expected
        self.res = FormulaResult()
        self.edited: dict[tuple[str, int], list[Finding]] = {}

    def cell(self, sheet_name: str, row: int, col: int, text: str, value_of: Callable[[], Any],
             deleted_ok: bool = False) -> None:
        sg = self.st.sheet(sheet_name)
        if sg is None:
            return
        key3 = (sg.name, row, col)
        self.res.layout_cells.add(key3)
        self.res.checked += 1
        where = loc(sheet_name, row, col)
        cell = sg.get(row, col)
        if cell is None or not cell.formula:
            value = None if cell is None else cell.value
            self.res.settled.add(key3)
            if value is None or value == "":
                if not deleted_ok:
                    self.res.findings.append(Finding("rumus-dihapus", "error", where,
                                                     params={"expected_formula": text}))
                return
            expected = value_of()
            if expected is not _UNKNOWN and not _same_value(value, expected):
                self.res.findings.append(Finding("rumus-ditimpa-salah", "error", where,
                                                 found=value, expected=expected))
            else:
                self.res.findings.append(Finding("rumus-ditimpa", "warning", where, found=value,
                                                 expected=expected if expected is not _UNKNOWN
                                                 else None))
            return
        actual = rename_sheets(cell.formula, self.st.renamed) if self.st.renamed else cell.formula
        if actual[1:] == text or normalise(actual) == normalise(text):
            return
        self.res.settled.add(key3)
        found = cell.formula
        if _external(actual):
            self.res.findings.append(Finding("rumus-tautan-eksternal", "error", where, found=found))
            return
        hidden = _hidden_sheet(actual, self.st)
        if hidden is not None:
            self.res.findings.append(Finding("rumus-dari-sheet-tersembunyi", "error", where,
                                             found=found, params={"sheet": hidden}))
            return
        f = Finding("rumus-diubah", "error", where, found=found, expected="=" + text)
        self.edited.setdefault((sheet_name, col), []).append(f)

    def finish(self) -> FormulaResult:
        for (sheet_name, col), group in self.edited.items():
            if len(group) < COLLAPSE:
                self.res.findings.extend(group)
                continue
            rows = sorted(int(re.sub(r"^.*![A-Z]+", "", f.location)) for f in group)
            rng = f"{quote_sheet(sheet_name)}!{col_letter(col)}{rows[0]}:{col_letter(col)}{rows[-1]}"
            first = group[0]
            self.res.findings.append(Finding(
                "rumus-diubah-rentang", "error", rng, found=first.found, expected=first.expected,
                params={"count": len(group), "first": first.location}))
        return self.res


_UNKNOWN: Any = object()


def check_formulas(st: Structure, mirror: MirrorMap,
                   expected: Callable[[str, int, str], Any]) -> FormulaResult:
    """Compare every formula cell of the layout with the layout's formula.

    `expected(table_or_sheet, row, key)` gives the domain value of a computed cell (or _UNKNOWN).
    """
    ch = _Checker(st, mirror, expected)
    pkey = placement_key(st.placed)
    for key, table in TABLES.items():
        p = st.placed.get(key)
        if p is None:
            continue
        cols = [c for c in table.columns if c.formula and c.key in p.columns]
        if not cols:
            continue
        rows = mirror.get(key)
        sg = st.sheet(table.sheet)
        for r in range(p.first, p.last + 1):
            m = rows.get(r, r) if rows is not None else None
            if rows is not None and m is None:
                for c in cols:  # the row that mirrored a deleted row: reported as baris-dihapus
                    if sg is not None:
                        ch.res.layout_cells.add((sg.name, r, p.columns[c.key]))
                        ch.res.settled.add((sg.name, r, p.columns[c.key]))
                continue
            empty_input = table.mirror is None and sg is not None and all(
                sg.value(r, p.columns[c.key]) in (None, "") for c in table.columns
                if c.is_input and c.key in p.columns)
            for c in cols:
                assert c.formula is not None
                text = render_placed(c.formula, table, r, st.placed, m, pkey)
                ch.cell(table.sheet, r, p.columns[c.key], text,
                        partial(expected, key, r, c.key),
                        deleted_ok=empty_input)
    for sheet_name, sc, row, col in placed_summary(st):
        ch.cell(sheet_name, row, col, sc.formula, partial(expected, sheet_name, 0, sc.key))
    return ch.finish()


__all__ = ["FormulaResult", "MirrorMap", "check_formulas", "detect_shifts", "render_placed",
           "_UNKNOWN"]
