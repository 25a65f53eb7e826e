"""What of the user's workbook `measure` cannot carry over, and the extra sheets it copies.

The output is regenerated from the document read, so everything outside the layout's tables
(comments, images, charts, their own formatting, cells typed beside a table, rows the reader
could not place) is named in a warning, never dropped silently. Extra sheets are copied as
values (a formula's cached value, never the formula).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.workbook import Workbook

from lkjip_xl.core.findings import Finding
from lkjip_xl.schema import SHEETS, TABLES
from lkjip_xl.schema.formats import REPORT_HEADER_FILL
from lkjip_xl.schema.report_tables import CHART_SHEET, REPORT_SHEETS
from lkjip_xl.schema.sheets import PREDIKAT
from lkjip_xl.schema.types import Sheet, Table, col_letter, quote_sheet
from lkjip_xl.workbook.binding import joined
from lkjip_xl.workbook.read import LayoutRead
from lkjip_xl.workbook.tree import identity, source
from lkjip_xl.workbook.write import COMPUTED_FILL, HEADER_FILL, INPUT_FILL
from lkjip_xl.xlsx.cells import cell_text, is_blank
from lkjip_xl.xlsx.grid import SheetGrid
from lkjip_xl.xlsx.guard import new_parser, open_guarded

JOINED = frozenset(joined(TABLES))  # the tables whose rows join an indicator by its code

MAX_LISTED = 5  # cell addresses named in one warning
_OBJECT_KINDS = {"comments": "komentar", "threadedComment": "komentar", "chart": "grafik",
                 "image": "gambar", "pivotTable": "tabel pivot", "table": "tabel Excel"}


@dataclass
class Carry:
    findings: list[Finding] = field(default_factory=list)
    extra_sheets: list[SheetGrid] = field(default_factory=list)

    def warn(self, code: str, location: str, **params: Any) -> None:
        self.findings.append(Finding(code, "warning", location, params=params))


def _rels(zf: Any, part: str) -> list[tuple[str, str]]:
    """(type, target part) of a part's relationships; small files, parsed with the guard's parser."""
    d, base = posixpath.split(part)
    name = posixpath.join(d, "_rels", base + ".rels")
    try:
        data = zf.read(name)
    except KeyError:
        return []
    out: list[tuple[str, str]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag.rsplit("}", 1)[-1] == "Relationship" and attrs.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(d, attrs.get("Target", "")))
            out.append((attrs.get("Type", "").rsplit("/", 1)[-1], target.lstrip("/")))

    parser = new_parser(namespaces=False)
    parser.StartElementHandler = start
    parser.Parse(data, True)
    return out


def objects(path: str) -> dict[str, dict[str, int]]:
    """Per sheet name: counts of the objects regeneration cannot keep (comments, images...)."""
    out: dict[str, dict[str, int]] = {}
    with open_guarded(path) as (zf, info):
        for sp in info.sheets:
            counts: dict[str, int] = {}
            for kind, target in _rels(zf, sp.part):
                if kind == "drawing":
                    for sub, _ in _rels(zf, target):
                        if sub in ("chart", "image"):
                            label = _OBJECT_KINDS[sub]
                            counts[label] = counts.get(label, 0) + 1
                elif kind in _OBJECT_KINDS:
                    label = _OBJECT_KINDS[kind]
                    counts[label] = counts.get(label, 0) + 1
            if counts:
                out[sp.name] = counts
    return out


@dataclass
class _Owned:
    """Cells of a layout sheet that measure carries over (or rewrites): a few single cells,
    and whole columns of each table from its header row down."""

    cells: set[tuple[int, int]]
    tables: list[tuple[int, frozenset[int]]]  # (header row, columns)

    def columns_at(self, r: int) -> set[int]:
        cols: set[int] = set()
        for header_row, tcols in self.tables:
            if r >= header_row:
                cols |= tcols
        return cols

    def covers(self, r: int, c: int) -> bool:
        return (r, c) in self.cells or any(r >= hr and c in cols for hr, cols in self.tables)


def rewritten_sheets() -> dict[str, Callable[[int, int], bool] | None]:
    """For `read_workbook(skim=...)`: the sheets measure writes afresh whatever they hold.

    A computed sheet is only scanned: if every cell holding something lies where the layout
    declares its own cells, nothing there can be lost and it stays unread; otherwise it is
    read in full and `stray_cells` names what will not be carried. Report sheets from an
    earlier `measure` are not read at all: they are drawn again from the inputs. What a
    skipped sheet held (including risky formulas) is not in the output; `verify` reads it."""
    out: dict[str, Callable[[int, int], bool] | None] = {
        s.name: _declared(s).covers for s in SHEETS if s.kind == "computed" and not s.fields}
    out.update(dict.fromkeys(REPORT_SHEETS))
    return out


def _declared(s: Sheet) -> _Owned:
    """What `_owned` finds for a sheet whose tables sit where the layout puts them."""
    return _own(s, lambda t: (t.header_row, frozenset(t.index(c.key) for c in t.columns)), ())


def _owned(lr: LayoutRead, sheet_name: str) -> _Owned | None:
    """What measure carries over of a layout sheet; None: the whole sheet is rewritten."""
    s = next((x for x in SHEETS if x.name == sheet_name), None)
    if s is None or s.kind == "guide":  # the guide is ours: rewritten whole
        return None

    def located(t: Table) -> tuple[int, frozenset[int]] | None:
        tr = lr.tables.get(t.key)
        return None if tr is None else (tr.header_row, frozenset(tr.columns.values()))

    return _own(s, located, [row for _v, row in lr.forms.get(sheet_name, {}).values()])


def _own(s: Sheet, placed: Callable[[Table], tuple[int, frozenset[int]] | None],
         form_rows: Iterable[int]) -> _Owned:
    """The single cells and table columns of sheet `s`, its tables where `placed` finds them
    (header row, columns) and its form fields on `form_rows`."""
    own = _Owned({(1, 1), (2, 1)}, [])
    if s.fields:
        own.cells |= {(4, c) for c in (1, 2, 3)}
        for row in form_rows:
            own.cells |= {(row, 1), (row, 2), (row, 3)}
    shift = 0
    for t in ((s.table,) if s.table else ()) + s.extra_tables:
        where = placed(t)
        if where is None:
            continue
        header_row, cols = where
        if t is s.table:
            shift = header_row - t.header_row
        own.cells.add((header_row - 1, 1))  # a caption above the table ("Tabel predikat")
        own.tables.append((header_row, cols))
    for sc in s.summary:
        own.cells |= {(sc.row + shift, sc.col), (sc.row + shift, 2)}
    return own


def stray_cells(lr: LayoutRead, carry: Carry) -> None:
    """Values in layout sheets outside what is carried over, one warning per sheet."""
    for sg in lr.grid.sheets:
        own = _owned(lr, sg.name)
        if own is None:
            continue
        store = sg.cells
        stray: list[tuple[int, int]] = []
        for r in store.rows():
            cols = own.columns_at(r)
            for c, v in store.row_values(r):
                if c in cols or (r, c) in own.cells:
                    continue
                if store.template(r, c) is not None or not is_blank(v):
                    stray.append((r, c))
        stray.sort()
        if stray:
            where = ", ".join(f"{col_letter(c)}{r}" for r, c in stray[:MAX_LISTED])
            more = len(stray) - MAX_LISTED
            carry.warn("sel-di-luar-tabel", quote_sheet(sg.name), count=len(stray),
                       cells=where + (f" (+{more})" if more > 0 else ""))


def unplaced_rows(lr: LayoutRead, carry: Carry) -> None:
    """Rows the reader could not tie to the document: no code, a duplicate, an unknown code."""
    for key, tr in lr.tables.items():
        t = TABLES[key]
        if t.mirror is not None or key == PREDIKAT.key:
            continue
        if key in JOINED:  # the codes of the table whose rows it has (Renstra & IKU)
            top = lr.tables.get(source(t).key)
            known = {c for r in (top.rows if top else []) if (c := cell_text(r.values.get("kode")))}
        seen: set[tuple[str, ...]] = set()
        input_keys = [col.key for col in t.columns if col.is_input]
        # a row's identity: its code, under a partial parent with its owner's codes (indicator
        # `1` of each programme is not a duplicate)
        naming = identity(t) if t.parent is not None and t.parent.partial else (t.row_key,)
        for row in tr.rows:
            code = cell_text(row.values.get(t.row_key)) or ""
            ident = tuple(cell_text(row.values.get(k)) or "" for k in naming)
            if all(is_blank(row.values.get(k)) for k in input_keys):
                continue
            why = None
            if not code:
                why = "kode kosong"
            elif key in JOINED and code not in known:
                why = "kode tidak ada di Renstra & IKU"
            elif len(t.levels) < 2 and ident in seen:  # kegiatan rows repeat under sub rows
                why = "kode ganda"
            if code:
                seen.add(ident)
            if why:
                carry.warn("baris-tidak-terbawa", tr.where(row.row, t.row_key), reason=why,
                           found=code)


def check(path: str, lr: LayoutRead) -> Carry:
    carry = Carry()
    layout_names = {s.name for s in SHEETS} | set(REPORT_SHEETS)
    for sg in lr.grid.sheets:
        if sg.name in layout_names:
            continue
        if sg.kind != "worksheet":
            carry.warn("lembar-tidak-terbawa", quote_sheet(sg.name), kind=sg.kind)
            continue
        carry.extra_sheets.append(sg)
        carry.warn("lembar-tambahan-disalin", quote_sheet(sg.name), cells=len(sg.cells))
    for name, counts in objects(path).items():
        if name == CHART_SHEET:  # our own charts, drawn again
            continue
        what = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        carry.warn("objek-tidak-terbawa", quote_sheet(name), objects=what)
    stray_cells(lr, carry)
    unplaced_rows(lr, carry)
    # the layout's formatting is written afresh: said only when the user had cell colours of
    # their own (fills outside our palette survive Excel's and Calc's saves unchanged)
    extra = custom_fills(path)
    if extra:
        carry.findings.append(Finding("format-tidak-terbawa", "info", "",
                                      found=", ".join(extra)))
    return carry


_FG = re.compile(r"<(?:\w+:)?fgColor\s+([^>]*?)/?>")


def own_fills() -> set[str]:

    return {c.lstrip("#").upper() for c in (INPUT_FILL, COMPUTED_FILL, HEADER_FILL,
                                            REPORT_HEADER_FILL)}


def custom_fills(path: str) -> list[str]:
    """Cell fill colours of the workbook that lkjip-xl never writes (theme colours included)."""
    with open_guarded(path) as (zf, _):
        try:
            styles = zf.read("xl/styles.xml").decode("utf-8", "replace")
        except KeyError:
            return []
    m = re.search(r"<(?:\w+:)?fills\b.*?</(?:\w+:)?fills>", styles, re.S)
    if m is None:
        return []
    mine = own_fills()
    found: set[str] = set()
    for attrs in _FG.findall(m.group(0)):
        rgb = re.search(r'rgb="([0-9A-Fa-f]{6,8})"', attrs)
        if rgb:
            colour = rgb.group(1).upper()[-6:]
            if colour not in mine:
                found.add("#" + colour)
        elif "theme=" in attrs or "indexed=" in attrs:
            if 'indexed="64"' not in attrs:  # 64: the system foreground, Excel's no-colour
                found.add("tema" if "theme=" in attrs else "indeks")
    return sorted(found)


def copy_extra_sheets(wb: Workbook, sheets: list[SheetGrid]) -> None:
    """Each extra sheet as values: numbers as numbers, everything else as text, no formula."""
    for sg in sheets:
        ws = wb.add_worksheet(sg.name)
        for (r, c), cell in sorted(sg.cells.items()):
            v = cell.value
            if v is None:
                continue
            if isinstance(v, bool):
                ws.write_boolean(r - 1, c - 1, v)
            elif isinstance(v, (int, float)):
                ws.write_number(r - 1, c - 1, v)
            else:
                ws.write_string(r - 1, c - 1, str(v))


__all__ = ["Carry", "check", "copy_extra_sheets", "objects"]
