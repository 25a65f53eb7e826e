"""Read a workbook in the lkjip-xl layout back into a `Dokumen`.

Tables are found by their header text, not by fixed positions, so a moved column or rows
inserted above a table are still read; what differs from the layout is reported by the
verifier, which reuses `locate` and the raw rows kept here with their cell positions.
Text typed where a number belongs is read as the number probably meant *and* reported.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from lkjip_xl.core.errors import InputError
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen, Renstra
from lkjip_xl.core.number_text import parse
from lkjip_xl.schema import SHEETS, TABLES, Table
from lkjip_xl.schema.sheets import PENGATURAN_FIELDS, PROFIL, PROFIL_FIELDS
from lkjip_xl.schema.types import Column, FormField, quote_sheet
from lkjip_xl.workbook import tree
from lkjip_xl.workbook.binding import Years, bound, get, put, setter
from lkjip_xl.xlsx.a1 import location
from lkjip_xl.xlsx.cells import cell_text, is_blank
from lkjip_xl.xlsx.grid import CellStore, ErrorValue, SheetGrid, WorkbookGrid
from lkjip_xl.xlsx.stream import read_grid

NUMERIC_KINDS = ("number", "money", "percent", "points", "int", "year")
HEADER_SEARCH_ROWS = 30


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


loc = location  # 'Sheet'!A1, one rule for every location a finding names


class RowValues(Mapping[str, Any]):
    """A table row's values by column key, read from the grid on access.

    A dict per row would copy every input cell of a big workbook (10,000 rows x 16 columns,
    ~10 MB per table); this view costs one small object per row."""

    __slots__ = ("_store", "_row", "_cols")

    def __init__(self, store: CellStore, row: int, cols: dict[str, int]) -> None:
        self._store, self._row, self._cols = store, row, cols

    def __getitem__(self, key: str) -> Any:
        return self._store.value(self._row, self._cols[key])

    def get(self, key: str, default: Any = None) -> Any:
        c = self._cols.get(key)
        return default if c is None else self._store.value(self._row, c)

    def __contains__(self, key: object) -> bool:
        return key in self._cols

    def __iter__(self) -> Iterator[str]:
        return iter(self._cols)

    def __len__(self) -> int:
        return len(self._cols)

    def __repr__(self) -> str:
        return repr(dict(self))


@dataclass
class RowRead:
    row: int
    values: Mapping[str, Any]  # column key -> value (a RowValues view when read from a grid)


@dataclass
class TableRead:
    table: Table
    header_row: int
    columns: dict[str, int]  # column key -> actual 1-based column
    # non-empty rows, in sheet order; a computed table's rows hold only their code columns
    rows: list[RowRead] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def where(self, row: int, key: str) -> str:
        col = self.columns.get(key, self.table.index(key))
        return loc(self.table.sheet, row, col)


@dataclass
class LayoutRead:
    grid: WorkbookGrid
    tables: dict[str, TableRead] = field(default_factory=dict)
    forms: dict[str, dict[str, tuple[Any, int]]] = field(default_factory=dict)  # value, row
    findings: list[Finding] = field(default_factory=list)

    @property
    def is_layout(self) -> bool:
        return bool(self.tables) or bool(self.forms)


def find_header(sheet: SheetGrid, table: Table) -> tuple[int, dict[str, int]] | None:
    wanted = {_norm(c.header): c.key for c in table.columns}
    # the first layout's columns decide whether this is the table: a workbook written before
    # later columns existed (`since`) must still be found
    core = {c.key for c in table.columns if c.since == 1}
    best: tuple[int, dict[str, int]] | None = None
    for r in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS + table.header_row) + 1):
        found: dict[str, int] = {}
        for c in range(1, sheet.max_col + 1):
            v = sheet.value(r, c)
            if isinstance(v, str) and _norm(v) in wanted:
                found.setdefault(wanted[_norm(v)], c)
        if len(core & found.keys()) * 2 > len(core) and (best is None
                                                         or len(found) > len(best[1])):
            best = (r, found)
    return best


def locate(grid: WorkbookGrid) -> LayoutRead:
    """Find every table and form of the layout in the grid (no interpretation of values)."""
    out = LayoutRead(grid)
    for s in SHEETS:
        sg = grid.sheet(s.name)
        if sg is None:
            continue
        if s.fields:
            labels = {_norm(f.label): f for f in s.fields}
            form: dict[str, tuple[Any, int]] = {}
            for r in range(1, min(sg.max_row, 60) + 1):
                f = labels.get(_norm(sg.value(r, 1)))
                if f is not None and f.key not in form:
                    form[f.key] = (sg.value(r, 2), r)
            out.forms[s.name] = form
        for t in ((s.table,) if s.table else ()) + s.extra_tables:
            found = find_header(sg, t)
            if found is None:
                continue
            hr, cols = found
            tr = TableRead(t, hr, cols, missing=[c.key for c in t.columns if c.key not in cols])
            key_col = cols.get(t.row_key)
            store = sg.cells
            value = store.value
            table_cols = list(cols.values())
            input_cols = {k: c for k, c in cols.items() if not t.column(k).formula}
            # a computed table's rows keep only their codes: the values are the formulas' own,
            # judged in place by verify; holding them all would double a big workbook's memory
            kept = ({k: c for k, c in cols.items() if k in (t.row_key, "kode")}
                    if t.mirror is not None else cols)
            # only the rows holding cells: one cell at row 1048576 must not cost a million rows
            for r in sorted(r for r in store.rows() if r > hr):
                if key_col is None or t.mirror is not None:
                    if all(is_blank(value(r, c)) for c in table_cols):
                        continue
                elif all(is_blank(value(r, c)) for c in input_cols.values()):
                    continue
                tr.rows.append(RowRead(r, RowValues(store, r, kept)))
            out.tables[t.key] = tr
    return out


# ---------------------------------------------------------------- values to model
Report = Callable[[Finding], None]
# How a number typed as text is read: "meant" (the number the person meant, as measure and export
# take it), "excel" (as the workbook's own formulas see it: empty), or the set of locations
# read as meant with every other one as Excel reads it (verify's what-if per input).
TextNumbers = Literal["meant", "excel"] | Container[str]


# Excel and Calc keep 15 significant digits of a number: a longer integer typed into a text
# field (a NIP, an NIK, any identifier) has lost its last digits
MAX_DIGITS = 15


def rounded_identifier(v: Any) -> bool:
    """A number too long to be kept whole: an identifier typed as a number."""
    return (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            and abs(v) >= 10 ** MAX_DIGITS)


def digits_shown(v: float) -> str:
    """The digits the spreadsheet shows for such a number: 15 significant, then zeros."""
    return format(Decimal(f"{v:.{MAX_DIGITS}g}"), "f")


def _labels(decl: Column | FormField) -> dict[str, str]:
    if isinstance(decl, FormField):
        return {"label": decl.label, "label_en": decl.label_en}
    return {"label": decl.header, "label_en": decl.header_en}


class _Conv:
    """Converts raw cell values, reporting anything that needed interpretation."""

    def __init__(self, report: Report | None, text_numbers: TextNumbers = "meant") -> None:
        self.report = report or (lambda f: None)
        self.text_numbers = text_numbers

    def text(self, v: Any) -> str | None:
        return cell_text(v)

    def memo(self, v: Any) -> str | None:
        """Long text as typed: paragraphs and their line breaks kept (Excel stores Alt+Enter as
        LF, some files CR LF), only the whole text's outer blanks dropped."""
        t = self.text(v)
        return None if t is None else t.replace("\r\n", "\n").replace("\r", "\n")

    def choice(self, v: Any, where: str, allowed: tuple[str, ...], default: str) -> str:
        """A setting from a fixed list; an unknown one is reported and read as the default (the
        domain core refuses unknown names)."""
        t = self.text(v)
        if t is None:
            return default
        if t not in allowed:
            self.report(Finding("pilihan-tidak-dikenal", "error", where, found=t,
                                expected=", ".join(allowed)))
            return default
        return t

    def number(self, v: Any, where: str) -> float | None:
        if v is None or isinstance(v, bool):
            return None
        if isinstance(v, (int, float)):
            return float(v)
        if isinstance(v, ErrorValue):
            self.report(Finding("nilai-galat-input", "error", where, found=str(v)))
            return None
        s = str(v).strip()
        if not s:
            return None
        meant = parse(s)
        if meant is None:
            self.report(Finding("bukan-angka", "error", where, found=s))
            return None
        self.report(Finding("angka-sebagai-teks", "warning", where, found=s, expected=meant))
        mode = self.text_numbers
        if mode == "excel" or (mode != "meant" and where not in mode):
            return None  # as the workbook's ISNUMBER-guarded formulas see it: not a number
        return meant

    def field(self, v: Any, where: str, decl: Column | FormField) -> Any:
        """A cell read as its declaration says: by kind, an empty or unknown choice as its
        default (one rule for table columns and form fields)."""
        kind = decl.kind
        if kind in NUMERIC_KINDS:
            n = self.number(v, where)
            return int(n) if n is not None and kind == "year" else n
        if kind == "choice":
            chosen = self.choice(v, where, decl.choices, "")
            if isinstance(decl.default, bool):  # a yes/no setting: its first choice is yes
                return chosen == decl.choices[0] if chosen else decl.default
            return chosen or decl.default
        if rounded_identifier(v):
            # an 18-digit NIP typed as a number: the spreadsheet kept 15 digits, the rest are
            # lost, so the value is not the person's and is not used
            self.report(Finding("angka-dibulatkan", "error", where, found=digits_shown(v),
                                params=_labels(decl)))
            return decl.default
        t = self.memo(v) if kind == "memo" else self.text(v)
        return decl.default if t is None else t

    def year(self, v: Any, where: str) -> int | None:
        n = self.number(v, where)
        return None if n is None else int(n)


def _form(lr: LayoutRead, sheet: str, key: str) -> tuple[Any, str]:
    value, row = lr.forms.get(sheet, {}).get(key, (None, 0))
    return value, (loc(sheet, row, 2) if row else quote_sheet(sheet))


def match_key(v: Any) -> str | None:
    """A code as the workbook's MATCH formulas compare it: case-insensitive, spaces kept (so
    "S1.1 " is not "S1.1", and "s1.1" is). Reading codes any other way would make verify expect
    what the spreadsheet does not compute."""
    if v is None or isinstance(v, (bool, ErrorValue)):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v)
    return s.casefold() if s.strip() else None


def _by_code(lr: LayoutRead, key: str, code_col: str) -> dict[str, RowRead]:
    tr = lr.tables.get(key)
    out: dict[str, RowRead] = {}
    if tr is None:
        return out
    for row in tr.rows:
        code = match_key(row.values.get(code_col))
        if code is not None and code not in out:
            out[code] = row
    return out


class _Binder:
    """Reads located rows into model objects through the columns' declared bindings, with a
    plan per table compiled once (a converter and a setter per bound column present)."""

    def __init__(self, conv: _Conv, years: Years) -> None:
        self.conv, self.years = conv, years
        self._plans: dict[str, list[tuple[str, bool, Column, Callable[[Any, Any], None]]]] = {}

    def _plan(self, tr: TableRead) -> list[tuple[str, bool, Column, Callable[[Any, Any], None]]]:
        plan = self._plans.get(tr.table.key)
        if plan is None:
            # a column an older workbook lacks (`since`) is left at the model's default; a float
            # in a number column needs no conversion (`fast`)
            plan = [(c.key, c.kind in NUMERIC_KINDS and c.kind != "year", c,
                     setter(c.bind, self.years))  # type: ignore[arg-type]
                    for c in bound(tr.table) if c.key in tr.columns]
            self._plans[tr.table.key] = plan
        return plan

    def into(self, obj: Any, tr: TableRead | None, row: RowRead | None) -> Any:
        """Set every bound column of `row` into `obj`."""
        if tr is None or row is None:
            return obj
        values = row.values
        for key, fast, c, put_value in self._plan(tr):
            v = values[key]
            if fast and type(v) is float:
                put_value(obj, v)  # the common case: no location, no conversion
            elif v is None:
                put_value(obj, c.default)  # an empty cell: nothing to report, no location
            else:
                put_value(obj, self.conv.field(v, tr.where(row.row, key), c))
        return obj


def _form_value(conv: _Conv, lr: LayoutRead, sheet: str, f: FormField) -> Any:
    return conv.field(*_form(lr, sheet, f.key), f)


def to_dokumen(lr: LayoutRead, report: Report | None = None,
               text_numbers: TextNumbers = "meant") -> Dokumen:
    """Build the document from located tables; rows are matched by code, never by position.

    Which cell fills which model field is the layout's declaration (`Column.bind`); what is
    left here is the hierarchy: indicators under their sasaran, per-indicator tables joined by
    code, sub-kegiatan under their kegiatan, and the reporting year the document needs."""
    conv = _Conv(report, text_numbers)
    profil = {f.key: _form_value(conv, lr, PROFIL, f) for f in PROFIL_FIELDS if f.bind}
    tahun = profil.pop("tahun")
    if tahun is None:
        raise InputError("Profil: tahun pelaporan kosong atau tidak terbaca",
                         "Profil: the reporting year is empty or unreadable")
    awal, akhir = profil.pop("renstra_awal"), profil.pop("renstra_akhir")
    renstra = Renstra(awal, akhir) if awal is not None and akhir is not None else None
    dok = Dokumen(tahun=tahun, renstra=renstra)
    by_key = {f.key: f for f in PROFIL_FIELDS + PENGATURAN_FIELDS}
    for key, value in profil.items():
        put(dok, by_key[key].bind, value)  # type: ignore[arg-type]
    bind = _Binder(conv, Years(awal, tahun))
    for form in SHEETS:  # the other key/value sheets (Narasi: absent in an older workbook)
        if form.fields and form.name != PROFIL:
            for f in form.fields:
                if f.bind:
                    put(dok, f.bind, _form_value(conv, lr, form.name, f))
    assembly = _Tree(dok, lr, bind)
    for t in TABLES.values():
        if t.mirror is None and t.levels:
            assembly.assemble(t)
    return dok


class _Tree:
    """The entity tree assembled from the located rows, table by table as the layout declares
    it (`Table.levels`, `Table.parent`): a row's object goes into the list of the object its
    codes name (created empty when no row of its own table has that code yet, and filled by
    that row when it comes later); a code seen again is skipped but where the level repeats
    (sub-kegiatan)."""

    def __init__(self, dok: Dokumen, lr: LayoutRead, bind: _Binder) -> None:
        self.dok, self.lr, self.bind = dok, lr, bind
        self.index: dict[str, list[dict[tuple[str, ...], Any]]] = {}  # table -> level -> codes -> object
        # objects made empty for a deeper row's codes: their own row, typed later, fills them
        self.placeholders: set[int] = set()

    def _find(self, t: Table, codes: list[str]) -> Any:
        """The object `codes` name in table `t` (its ancestors' codes, then its own levels'),
        created when absent; the document for no codes at all."""
        above = t.parent.columns if t.parent else ()
        if len(codes) == len(above):
            return self._find(TABLES[t.parent.table], codes) if t.parent else self.dok
        depth = len(codes) - len(above) - 1
        index = self.index[t.key][depth]
        key = _index_key(t, codes)
        obj = index.get(key)
        if obj is None:
            obj = index[key] = tree.blank(tree.level_types(t)[depth], codes[-1])
            self.placeholders.add(id(obj))
            get(self._find(t, codes[:-1]), t.levels[depth].collection).append(obj)
        return obj

    def _owner(self, t: Table, codes: list[str]) -> Any:
        """The object `codes` name in table `t` when it exists, each code's object in the list
        of the one before it (a kegiatan of another programme is not this programme's); None
        when any is missing. A partial parent's row (an *Indikator Program* row) names its owner
        and never creates it, unlike a nested level's row, which is the owner's own table."""
        above = t.parent.columns if t.parent else ()
        if len(codes) == len(above):
            return self._owner(TABLES[t.parent.table], codes) if t.parent else self.dok
        depth = len(codes) - len(above) - 1
        obj = self.index.get(t.key, [{}] * len(t.levels))[depth].get(_index_key(t, codes))
        up = None if obj is None else self._owner(t, codes[:-1])
        if up is None or not any(x is obj for x in get(up, t.levels[depth].collection)):
            return None
        return obj

    def assemble(self, t: Table) -> None:
        tr, conv, bind = self.lr.tables.get(t.key), self.bind.conv, self.bind
        types = tree.level_types(t)
        if not t.levels[0].code:  # a short list (predicate bands, SDM): kept when filled
            keep = t.column(t.row_key).bind or t.row_key
            items = [obj for r in (tr.rows if tr else [])
                     if get(obj := bind.into(tree.blank(types[0], None), tr, r), keep)]
            if items:  # else the model's default list stays (the default predicate table)
                put(self.dok, t.levels[0].collection, items)
            return
        self.index[t.key] = [{} for _ in t.levels]
        above = t.parent.columns if t.parent else ()
        joins = [(self.lr.tables.get(j.key), _by_code(self.lr, j.key, j.row_key))
                 for j in tree.joined_to(t)]
        for row in tr.rows if tr else []:
            own: list[str] = []
            for level in t.levels:  # the deepest level whose code is filled is the row's
                code = conv.text(row.values.get(level.code or ""))
                if code is None:
                    break
                own.append(code)
            if not own:
                continue
            depth, level = len(own) - 1, t.levels[len(own) - 1]
            index = self.index[t.key][depth]
            codes = [conv.text(row.values.get(c)) or "" for c in above]
            if t.parent is not None and t.parent.partial:  # the filled codes name the owner
                codes = codes[:codes.index("")] if "" in codes else codes
                if not codes:
                    continue  # no owner: verify reports the empty required code
                parent = self._owner(TABLES[t.parent.table], codes)
                if parent is None:  # never an invented owner: said (export cannot carry the
                    # row), verify names the code to fix
                    conv.report(Finding("indikator-program-tidak-dibaca", "error",
                                        tr.where(row.row, t.row_key) if tr else "",
                                        found=own[-1], params={"pemilik": " / ".join(codes)}))
                    continue
            key = _index_key(t, codes + own)
            known = index.get(key) if not level.repeats else None
            if known is not None and id(known) not in self.placeholders:
                continue  # a code seen again: the first row is the object
            # a kegiatan typed below its sub-kegiatan fills the empty one made for them
            obj = bind.into(known if known is not None else tree.blank(types[depth], own[-1]),
                            tr, row)
            if joins:
                mk = match_key(row.values.get(t.row_key))
                if mk is not None:
                    for jtr, rows in joins:
                        bind.into(obj, jtr, rows.get(mk))
            if known is not None:
                self.placeholders.discard(id(known))
                continue  # already placed, under the codes of the row that made it
            if t.parent is None or not t.parent.partial:
                parent = self._find(t, codes + own[:-1])
            get(parent, level.collection).append(obj)
            index.setdefault(key, obj)


def _index_key(t: Table, codes: list[str]) -> tuple[str, ...]:
    """How the reader knows a row's object again: its own levels' codes, and under a partial
    parent its owner's too (an indicator `1` of every programme is another)."""
    if t.parent is not None and t.parent.partial:
        return tuple(codes)
    return tuple(codes[len(t.parent.columns) if t.parent else 0:])


def read_workbook(path: str | os.PathLike[str], report: Report | None = None,
                  skim: Mapping[str, Callable[[int, int], bool] | None] | None = None
                  ) -> tuple[Dokumen, LayoutRead]:
    """Guarded read of a workbook in our layout (exit-3 errors for what cannot be read).

    `skim`: sheets the caller rewrites whole, left unread where possible (see read_grid)."""

    grid = read_grid(str(path), skim=skim)
    if not all(s.complete for s in grid.sheets):  # never build a document from half a file
        capped = next((f for f in grid.findings if f.severity == "error"), None)
        raise InputError(
            capped.message("id") if capped else "workbook tidak terbaca utuh dalam batas",
            capped.message("en") if capped else "the workbook could not be read whole within limits")
    lr = locate(grid)
    if not lr.is_layout:
        name = os.path.basename(os.fspath(path))  # named like the guard's refusals
        raise InputError(
            f"{name}: workbook ini bukan format lkjip-xl (sheet Profil, Renstra & IKU ... "
            "tidak ditemukan)",
            f"{name}: this workbook is not in the lkjip-xl layout (sheets Profil, Renstra & IKU "
            "... not found)")
    return to_dokumen(lr, report), lr


__all__ = ["LayoutRead", "TableRead", "RowRead", "cell_text", "locate", "to_dokumen",
           "read_workbook", "match_key", "find_header", "TABLES"]
