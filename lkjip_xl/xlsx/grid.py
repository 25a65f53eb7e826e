"""The cell grid of a workbook: every cell's formula and cached value, read in one guarded pass.

This module holds the data types every reader of an .xlsx shares (verify, measure, export, the
formula audit). `read_grid` is the single guarded way in: see `lkjip_xl/xlsx/guard.py` for the checks
done on the container before any XML parser sees it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lkjip_xl.core.findings import Finding

ERROR_VALUES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")

CellValue = Any  # float | int | str | bool | None | ErrorValue


@dataclass(frozen=True)
class ErrorValue:
    """An Excel error value such as #DIV/0!, kept distinct from a string that happens to look alike."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(slots=True)  # slots: a workbook may hold up to Limits.max_cells of these
class Cell:
    value: CellValue = None  # the cached value for a formula cell; the typed value otherwise
    formula: str | None = None  # formula text with its leading "=", shared formulas expanded
    array: bool = False  # part of an array formula (the formula itself sits on the range's master)
    style_id: int = 0  # index into cellXfs; used to tell number formats (percent, dates)


# ---------------------------------------------------------------------------------------------
# Compact cell storage


_ABSENT: Any = type("_Absent", (), {"__repr__": lambda self: "<absent>"})()
_GAP = 16  # a cell more than this many empty slots past its row's end is stored apart
_PAD = [_ABSENT, None, 0] * (_GAP + 1)  # empty slots: no value, no formula, no style


class CellStore(MutableMapping[tuple[int, int], Cell]):
    """The cells of one sheet, (row, col) -> Cell, stored as one flat list per row.

    A dict of Cell objects costs ~250 bytes a cell before the formula text; a filled workbook of
    10,000 rows has 1.4 million cells. Here row r is one list holding, for each column from A,
    three slots: the value, the formula *template* and the style id. A template is the formula
    with its own row number replaced by NUL, kept once per distinct text: a filled-down formula
    (`=B12*C12`, `=B13*C13`, ...) is one template for the whole column. NUL cannot occur in XML
    text, so the encoding is lossless. Cells far to the right of the rest of their row (a
    hostile file's XFD1, XFD2, ...) are kept apart as Cell objects, so a sparse row never costs
    a long list.

    Reading it as a mapping builds Cell objects on the fly; hot paths use `value`, `formula`,
    `template` and the iterators, which build none.
    """

    __slots__ = ("_rows", "_far", "_arrays", "_n", "_intern")

    def __init__(self, cells: Mapping[tuple[int, int], Cell] | None = None,
                 intern: dict[str, str] | None = None) -> None:
        self._rows: dict[int, list[Any]] = {}  # row -> [value, template, style] per column
        self._far: dict[int, dict[int, Cell]] = {}  # row -> col -> Cell, far right of the row
        self._arrays: set[tuple[int, int]] = set()
        self._n = 0
        self._intern = intern if intern is not None else {}
        if cells:
            for (r, c), cell in cells.items():
                self[(r, c)] = cell

    # -- writing ------------------------------------------------------------------------------

    def put(self, r: int, c: int, value: Any, formula: str | None = None, style: int = 0,
            array: bool = False) -> str | None:
        """Store one cell; returns the formula's template (the same object for every cell of
        a filled-down column, so callers can keep per-template results)."""
        rec = self._rows.get(r)
        if rec is None:
            rec = self._rows[r] = []
        i = 3 * (c - 1)
        n = len(rec)
        far = self._far.get(r)
        if (far is not None and c in far) or (i >= n and (i - n > 3 * _GAP or i < 0)):
            self._put_far(r, c, value, formula, style, array)
            return formula
        tmpl = None
        if formula is not None:
            row_s = str(r)
            key = formula.replace(row_s, "\0") if row_s in formula else formula
            tmpl = self._intern.get(key)
            if tmpl is None:
                tmpl = self._intern[key] = key
        if style and not 0 < style <= 0xFFFFFFFF:  # not a cellXfs index: no style
            style = 0
        if i >= n:
            if i > n:
                rec.extend(_PAD[: i - n])
            rec.append(value)
            rec.append(tmpl)
            rec.append(style)
            self._n += 1
        else:
            if rec[i] is _ABSENT:
                self._n += 1
            rec[i] = value
            rec[i + 1] = tmpl
            rec[i + 2] = style
        if array:
            self._arrays.add((r, c))
        elif self._arrays:
            self._arrays.discard((r, c))
        return tmpl

    def _put_far(self, r: int, c: int, value: Any, formula: str | None, style: int,
                 array: bool) -> None:
        far = self._far.setdefault(r, {})
        if c not in far:
            self._n += 1
        far[c] = Cell(value, formula, array, style if 0 < style <= 0xFFFFFFFF else 0)

    def set_value(self, r: int, c: int, value: Any) -> None:
        """Change a present cell's value, keeping its formula and style (a Cell read from the
        store is a copy: setting its attributes changes nothing here)."""
        far = self._far.get(r)
        if far is not None and c in far:
            far[c].value = value
        elif self.has(r, c):
            self._rows[r][3 * (c - 1)] = value
        else:
            raise KeyError((r, c))

    def mark_array(self, r: int, c: int) -> None:
        """Mark a present cell as part of an array formula's range."""
        if not self.has(r, c):
            return
        far = self._far.get(r)
        if far is not None and c in far:
            far[c].array = True
        else:
            self._arrays.add((r, c))

    # -- reading one cell ---------------------------------------------------------------------

    def has(self, r: int, c: int) -> bool:
        rec = self._rows.get(r)
        i = 3 * (c - 1)
        if rec is not None and 0 <= i < len(rec) and rec[i] is not _ABSENT:
            return True
        far = self._far.get(r)
        return far is not None and c in far

    def value(self, r: int, c: int) -> Any:
        """The cell's value (None when there is no cell)."""
        rec = self._rows.get(r)
        if rec is not None:
            i = 3 * (c - 1)
            if 0 <= i < len(rec):
                v = rec[i]
                if v is not _ABSENT:
                    return v
        far = self._far.get(r)
        if far is not None:
            cell = far.get(c)
            if cell is not None:
                return cell.value
        return None

    def template(self, r: int, c: int) -> str | None:
        """The formula with NUL for its own row number (shared by a filled-down column)."""
        rec = self._rows.get(r)
        if rec is not None:
            i = 3 * (c - 1)
            if 0 <= i < len(rec):
                t = rec[i + 1]
                if t is not None:
                    return t  # type: ignore[no-any-return]
        far = self._far.get(r)
        if far is not None:
            cell = far.get(c)
            if cell is not None and cell.formula is not None:
                return cell.formula.replace(str(r), "\0")
        return None

    def formula(self, r: int, c: int) -> str | None:
        t = self.template(r, c)
        if t is None or "\0" not in t:
            return t
        far = self._far.get(r)
        if far is not None and c in far:
            return far[c].formula
        return t.replace("\0", str(r))

    def style(self, r: int, c: int) -> int:
        rec = self._rows.get(r)
        if rec is not None:
            i = 3 * (c - 1)
            if 0 <= i < len(rec) and rec[i] is not _ABSENT:
                return rec[i + 2]  # type: ignore[no-any-return]
        far = self._far.get(r)
        if far is not None:
            cell = far.get(c)
            if cell is not None:
                return cell.style_id
        return 0

    def is_array(self, r: int, c: int) -> bool:
        """The cell is part of an array formula's range."""
        far = self._far.get(r)
        if far is not None and c in far:
            return far[c].array
        return bool(self._arrays) and (r, c) in self._arrays

    # -- iterating ----------------------------------------------------------------------------

    def rows(self) -> Iterator[int]:
        """Row numbers that hold cells, in the order they were stored."""
        for r, rec in self._rows.items():
            if rec or r in self._far:
                yield r

    def row_values(self, r: int) -> Iterator[tuple[int, Any]]:
        """(col, value) of every cell of row r, in column order."""
        rec = self._rows.get(r)
        far = self._far.get(r)
        listed = ((i // 3 + 1, rec[i]) for i in range(0, len(rec), 3)
                  if rec[i] is not _ABSENT) if rec else iter(())
        if not far:
            yield from listed
            return
        # a far cell may lie inside the list once the row grew past it
        yield from sorted([*listed, *((c, cell.value) for c, cell in far.items())],
                          key=lambda cv: cv[0])

    def iter_values(self) -> Iterator[tuple[int, int, Any]]:
        """(row, col, value) of every cell, row by row."""
        for r in self.rows():
            for c, v in self.row_values(r):
                yield r, c, v

    def formulas(self) -> Iterator[tuple[int, int, str]]:
        """(row, col, formula text) of every formula cell: row by row, then the far cells."""
        for r, rec in self._rows.items():
            row_s = ""
            for i in range(1, len(rec), 3):
                t = rec[i]
                if t is not None:
                    if "\0" in t:
                        row_s = row_s or str(r)
                        t = t.replace("\0", row_s)
                    yield r, i // 3 + 1, t
        for r, far in self._far.items():
            for c in sorted(far):
                f = far[c].formula
                if f is not None:
                    yield r, c, f

    def formula_count(self) -> int:
        n = sum(len(rec) // 3 - rec[1::3].count(None) for rec in self._rows.values())
        return n + sum(1 for far in self._far.values() for cell in far.values() if cell.formula)

    # -- the mapping --------------------------------------------------------------------------

    def _cell(self, r: int, c: int) -> Cell | None:
        rec = self._rows.get(r)
        if rec is not None:
            i = 3 * (c - 1)
            if 0 <= i < len(rec):
                v = rec[i]
                if v is not _ABSENT:
                    t = rec[i + 1]
                    if t is not None and "\0" in t:
                        t = t.replace("\0", str(r))
                    return Cell(v, t, bool(self._arrays) and (r, c) in self._arrays, rec[i + 2])
        far = self._far.get(r)
        if far is not None:
            return far.get(c)
        return None

    def __getitem__(self, key: tuple[int, int]) -> Cell:
        cell = self._cell(*key)
        if cell is None:
            raise KeyError(key)
        return cell

    def get(self, key: tuple[int, int], default: Any = None) -> Any:  # type: ignore[override]
        cell = self._cell(*key)
        return default if cell is None else cell

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and len(key) == 2 and self.has(*key)

    def __setitem__(self, key: tuple[int, int], cell: Cell) -> None:
        self.put(key[0], key[1], cell.value, cell.formula, cell.style_id, cell.array)

    def __delitem__(self, key: tuple[int, int]) -> None:
        r, c = key
        rec = self._rows.get(r)
        i = 3 * (c - 1)
        if rec is not None and 0 <= i < len(rec) and rec[i] is not _ABSENT:
            rec[i:i + 3] = _PAD[:3]
            self._arrays.discard((r, c))
            self._n -= 1
            return
        far = self._far.get(r)
        if far is not None and c in far:
            del far[c]
            self._n -= 1
            return
        raise KeyError(key)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for r in self.rows():
            for c, _v in self.row_values(r):
                yield r, c

    def __len__(self) -> int:
        return self._n

    def items(self) -> Iterator[tuple[tuple[int, int], Cell]]:  # type: ignore[override]
        for r in self.rows():
            for c, _v in self.row_values(r):
                cell = self._cell(r, c)
                assert cell is not None
                yield (r, c), cell

    def __repr__(self) -> str:
        return f"CellStore({len(self)} cells)"


@dataclass
class SheetGrid:
    name: str
    state: str = "visible"  # visible / hidden / veryHidden
    cells: CellStore = field(default_factory=lambda: CellStore())  # (row, col), 1-based
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    max_row: int = 0  # from the cells actually read, never from <dimension>
    max_col: int = 0
    kind: str = "worksheet"  # worksheet / chartsheet / macrosheet / dialogsheet / other
    part: str = ""  # the zip member holding the sheet
    array_refs: dict[tuple[int, int], str] = field(default_factory=dict)  # master -> "A1:B3"
    read: bool = False  # the sheet's cells were read (only worksheets are)
    complete: bool = True  # False when a cap or the time budget stopped reading (see findings)
    skimmed: bool = False  # left unread on purpose: the caller rewrites it (read_grid's skim)

    def __post_init__(self) -> None:
        if not isinstance(self.cells, CellStore):  # a plain dict (tests, other loaders)
            self.cells = CellStore(self.cells)

    def get(self, row: int, col: int) -> Cell | None:
        return self.cells._cell(row, col)

    def value(self, row: int, col: int) -> CellValue:
        return self.cells.value(row, col)

    def formula(self, row: int, col: int) -> str | None:
        return self.cells.formula(row, col)


@dataclass
class WorkbookGrid:
    path: str
    sheets: list[SheetGrid] = field(default_factory=list)
    # name -> formula text (no "="); a sheet-local name is keyed "Sheet!name" ('My Sheet'!name)
    defined_names: dict[str, str] = field(default_factory=dict)
    hidden_names: set[str] = field(default_factory=set)
    calc_mode: str | None = None  # calcPr calcMode: "manual" / "auto" / None
    iterate: bool = False  # calcPr iterate (iterative calculation on)
    full_calc_on_load: bool = False
    external_links: list[str] = field(default_factory=list)  # targets of externalLink parts
    has_macros: bool = False
    percent_styles: set[int] = field(default_factory=set)  # cellXfs indices with a % format
    text_styles: set[int] = field(default_factory=set)  # cellXfs indices with the "@" format
    findings: list[Finding] = field(default_factory=list)  # caps reached, parts missing, ...
    date1904: bool = False  # workbookPr date1904: serial dates count from 1904
    number_formats: list[str] = field(default_factory=list)  # cellXfs index -> format code
    dde_links: list[str] = field(default_factory=list)  # "service|topic" of DDE link parts
    # formulas that would fetch or run something if recalculated: (location, hazard, formula),
    # hazard "DDE" or a function name (WEBSERVICE, FILTERXML, RTD, CALL, REGISTER.ID, EXEC);
    # data only: the formula audit reports them (fungsi-dde-web)
    formula_hazards: list[tuple[str, str, str]] = field(default_factory=list)

    def sheet(self, name: str) -> SheetGrid | None:
        for s in self.sheets:
            if s.name == name:
                return s
        return None

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets]
