"""Every computed cell holds exactly the formula the layout puts there.

The expected text is rendered from the layout in the package (never from anything stored in the
file), at the positions where the tables actually are (structure.Placed). Both sides are
normalised (normalise.py) because LibreOffice rewrites formula text on save.

A row inserted into or deleted from a table shifts every formula that mirrors it (Excel and
LibreOffice rewrite the references); row_edits.py recognises that once, at the row of the sheet
that was edited, and the shifted formulas are then judged against the shifted rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from lkjip_xl.core.findings import Finding
from lkjip_xl.schema import TABLES, Table, col_letter, quote_sheet
from lkjip_xl.schema.types import compile_template
from lkjip_xl.verify.normalise import normalise, rename_sheets
from lkjip_xl.verify.structure import Placed, Structure, placed_summary
from lkjip_xl.workbook.read import loc
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.grid import SheetGrid

Cell3 = tuple[str, int, int]  # (sheet name in the file, row, col)
MirrorMap = dict[str, dict[int, int | None]]  # computed table -> row -> mirrored row (None: #REF!)
COLLAPSE = 4  # this many edited formulas in one column become one finding over the range


class CellRanges:
    """A set of (sheet, row, col) kept as row ranges per column: the layout's 700,000 computed
    cells of a 10,000-row workbook cost a few hundred entries instead of 100 MB of tuples."""

    def __init__(self) -> None:
        self._cols: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._cells: set[Cell3] = set()

    def add_range(self, sheet: str, col: int, first: int, last: int) -> None:
        if first <= last:
            self._cols.setdefault((sheet, col), []).append((first, last))

    def add(self, key: Cell3) -> None:
        self._cells.add(key)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 3:
            return False
        ranges = self._cols.get((key[0], key[2]))
        if ranges is not None:
            r = key[1]
            for lo, hi in ranges:
                if lo <= r <= hi:
                    return True
        return key in self._cells

    def __bool__(self) -> bool:
        return bool(self._cols) or bool(self._cells)

    def __len__(self) -> int:
        return len(self._cells) + sum(hi - lo + 1 for rs in self._cols.values() for lo, hi in rs)


@dataclass
class FormulaResult:
    findings: list[Finding] = field(default_factory=list)
    layout_cells: CellRanges = field(default_factory=CellRanges)  # every cell judged here (audit skip)
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
    # rows as digits, or as NUL standing for the cell's own row (a CellStore template)
    q = re.escape(quote_sheet(sheet))
    return re.compile(rf"{q}!(?:\$?[A-Z]{{1,3}}\$?([\d\x00]+)|(#REF!))")


class MirrorRefs:
    """The rows a formula cell refers to on one sheet, worked out once per template."""

    def __init__(self, sheet: str, renamed: dict[str, str]) -> None:
        self.pattern = _ref_pattern(sheet)
        self.renamed = renamed
        # a digit in a sheet name could be the row number itself: decode every cell then
        names = [sheet, *renamed.values()]
        self.per_cell = any(ch.isdigit() for name in names for ch in name)
        self.cache: dict[str, tuple[tuple[str, ...], bool]] = {}

    def __call__(self, tmpl: str, r: int) -> tuple[list[int], bool]:
        rs = str(r)
        hit = None if self.per_cell else self.cache.get(tmpl)
        if hit is None:
            text = tmpl.replace("\0", rs) if self.per_cell else tmpl
            if self.renamed:
                text = rename_sheets(text, self.renamed)
            refs: list[str] = []
            ref = False
            for m in self.pattern.finditer(text):
                if m.group(2):
                    ref = True
                else:
                    refs.append(m.group(1))
            hit = (tuple(refs), ref)
            if not self.per_cell:
                self.cache[tmpl] = hit
        return [int(x.replace("\0", rs)) for x in hit[0]], hit[1]


def _external(formula: str) -> bool:
    return bool(re.search(r"\[[^\]]*\][^!]*!|\[\d+\]", formula))


def _hidden_sheet(formula: str, st: Structure) -> str | None:
    for sg in st.grid.sheets:
        if sg.state != "visible":
            q = quote_sheet(sg.name)
            if f"{q}!" in formula or f"'{sg.name}'!" in formula:
                return sg.name
    return None


class _Checker:
    def __init__(self, st: Structure, mirror: MirrorMap,
                 expected: Callable[[str, int, str], Any]) -> None:
        self.st, self.mirror, self.expected = st, mirror, expected
        self.res = FormulaResult()
        self.edited: dict[tuple[str, int], list[Finding]] = {}
        self.older: dict[tuple[str, int], list[int]] = {}  # an earlier release's formula

    def cell(self, sheet_name: str, row: int, col: int, text: str, value_of: Callable[[], Any],
             deleted_ok: bool | Callable[[], bool] = False, counted: bool = False) -> None:
        """Judge one cell (`counted`: the caller already recorded it as a layout cell)."""
        sg = self.st.sheet(sheet_name)
        if sg is None:
            return
        key3 = (sg.name, row, col)
        if not counted:
            self.res.layout_cells.add(key3)
            self.res.checked += 1
        where = loc(sheet_name, row, col)
        cell = sg.get(row, col)
        if cell is None or not cell.formula:
            value = None if cell is None else cell.value
            self.res.settled.add(key3)
            if value is None or value == "":
                if not (deleted_ok() if callable(deleted_ok) else deleted_ok):
                    self.res.findings.append(Finding("rumus-dihapus", "error", where,
                                                     params={"expected_formula": text}))
                return
            expected = value_of()
            if expected is not UNKNOWN and not same_value(value, expected):
                self.res.findings.append(Finding("rumus-ditimpa-salah", "error", where,
                                                 found=value, expected=expected))
            else:
                self.res.findings.append(Finding("rumus-ditimpa", "warning", where, found=value,
                                                 expected=expected if expected is not UNKNOWN
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
        for (sheet_name, col), rows in self.older.items():
            rng = f"{quote_sheet(sheet_name)}!{col_letter(col)}{rows[0]}:{col_letter(col)}{rows[-1]}"
            self.res.findings.append(Finding(
                "rumus-versi-lama", "warning", rng, found=len(rows),
                params={"count": len(rows), "first": loc(sheet_name, rows[0], col)}))
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


UNKNOWN: Any = object()


def check_formulas(st: Structure, mirror: MirrorMap,
                   expected: Callable[[str, int, str], Any]) -> FormulaResult:
    """Compare every formula cell of the layout with the layout's formula.

    `expected(table_or_sheet, row, key)` gives the domain value of a computed cell (or UNKNOWN).
    Column by column: the expected text is rendered for each row and compared with the cell's
    stored template (xlsx.grid.CellStore), so a matching cell costs a format and a compare;
    only cells that differ go through the full judgement (_Checker.cell).
    """
    ch = _Checker(st, mirror, expected)
    pkey = placement_key(st.placed)
    same = _SameFormula(st.renamed)
    for key, table in TABLES.items():
        p = st.placed.get(key)
        sg = st.sheet(table.sheet)
        if p is None or sg is None:
            continue
        cols = [c for c in table.columns if c.formula and c.key in p.columns]
        if not cols:
            continue
        rows = mirror.get(key)
        store = sg.cells
        input_cols = [p.columns[c.key] for c in table.columns if c.is_input and c.key in p.columns]
        deleted = [r for r in range(p.first, p.last + 1)
                   if rows is not None and rows.get(r, r) is None]
        for c in cols:
            assert c.formula is not None
            col = p.columns[c.key]
            ch.res.layout_cells.add_range(sg.name, col, p.first, p.last)
            fmt, deltas, mirrored = _compiled(c.formula, table, st.placed, pkey)
            earlier = [_compiled(e, table, st.placed, pkey) for e in c.earlier]
            for r in range(p.first, p.last + 1):
                m = None if rows is None else rows.get(r, r)
                if rows is not None and m is None:
                    continue  # the row that mirrored a deleted row: reported as baris-dihapus
                ch.res.checked += 1
                text = _text_at(fmt, deltas, mirrored, r, m)
                tmpl = store.template(r, col)
                if tmpl is not None and same(tmpl, text, r):
                    continue
                if tmpl is not None and any(same(tmpl, _text_at(*e, r, m), r) for e in earlier):
                    ch.older.setdefault((table.sheet, col), []).append(r)
                    continue  # its value is still judged against today's rule
                ch.cell(table.sheet, r, col, text, partial(expected, key, r, c.key),
                        deleted_ok=partial(_empty_input, sg, r, input_cols, table.mirror),
                        counted=True)
        for r in deleted:
            for c in cols:
                ch.res.settled.add((sg.name, r, p.columns[c.key]))
    for sheet_name, sc, row, col in placed_summary(st):
        ch.cell(sheet_name, row, col, sc.formula, partial(expected, sheet_name, 0, sc.key))
    return ch.finish()


def _text_at(fmt: str, deltas: list[int], mirrored: int | None, r: int, m: int | None) -> str:
    """A compiled template's text at row r, whose mirrored row is m (None: not remapped)."""
    args = [r + d for d in deltas]
    if mirrored is not None and m is not None:
        args[mirrored] = m
    return fmt.format(*args)


def _empty_input(sg: SheetGrid, r: int, input_cols: list[int], mirror: str | None) -> bool:
    """A row of an input table with no input at all: its formulas may be cleared."""
    return mirror is None and all(sg.value(r, c) in (None, "") for c in input_cols)


_ROW_FREE = re.compile(r"(?<![A-Za-z$])\x00|\x00(?=[\d.])")


class _SameFormula:
    """Does the stored template at row r hold the layout's text (exactly, or once normalised)?

    The template is the cell's formula with its row number replaced by NUL (CellStore), so
    encoding the expected text the same way compares them exactly. When they differ only by
    how a spreadsheet rewrote the text (normalise.py), the verdict is kept per template pair,
    but only when every NUL stands in a reference's row (after a column letter or $): there the
    number substituted cannot change what normalising does."""

    def __init__(self, renamed: dict[str, str]) -> None:
        self.renamed = renamed
        # renaming works on the decoded text when a renamed sheet's name holds digits
        self.per_cell = any(ch.isdigit() for name in renamed.values() for ch in name)
        self.verdicts: dict[tuple[str, str], bool] = {}

    def __call__(self, tmpl: str, text: str, r: int) -> bool:
        rs = str(r)
        expected = ("=" + text).replace(rs, "\0")
        if tmpl == expected and not self.renamed:
            return True
        if self.per_cell:
            actual = rename_sheets(tmpl.replace("\0", rs), self.renamed)
            return actual[1:] == text or normalise(actual) == normalise(text)
        pair = (tmpl, expected)
        hit = self.verdicts.get(pair)
        if hit is not None:
            return hit
        actual_t = rename_sheets(tmpl, self.renamed) if self.renamed else tmpl
        if actual_t == expected:
            verdict = True
        else:
            verdict = normalise(actual_t.replace("\0", rs)) == normalise(text)
        if not _ROW_FREE.search(actual_t) and not _ROW_FREE.search(expected):
            self.verdicts[pair] = verdict
        return verdict


__all__ = ["FormulaResult", "MirrorMap", "MirrorRefs", "check_formulas", "UNKNOWN"]
