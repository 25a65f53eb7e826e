"""Write an LKjIP workbook with xlsxwriter, walking the declared layout.

Input cells are unlocked and tinted; formula cells are locked and carry the domain core's value
as their cached result, so a viewer that does not recalculate still shows the right numbers.
User text is always written with `write_string`: text such as `=HYPERLINK(...)` stays text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.core.measurement import Pengukuran, ukur
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema import SHEETS, TABLES, Sheet, Table, printing
from lkjip_xl.schema.formats import (
    COMPUTED_FILL,
    GRID_BORDER,
    HEADER_FILL,
    INPUT_FILL,
    NUMBER_FORMATS,
)
from lkjip_xl.schema.sheets import PREDIKAT, SCHEMA_VERSION, SDM
from lkjip_xl.schema.types import Column, FormField, quote_sheet, renderer
from lkjip_xl.workbook.expected import (
    Row,
    capacities,
    computed_rows,
    form_values,
    input_rows,
    summary_values,
)
from lkjip_xl.workbook.guide import write_guide
from lkjip_xl.xlsx.fast_sheet import (
    STREAM_ROWS,
    FastWorksheet,
    RowFormula,
    blank_cell,
    number_cell,
)
from lkjip_xl.xlsx.gc_pause import paused_gc
from lkjip_xl.xlsx.whole_numbers import WholeNumbers


class _Formats:
    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": HEADER_FILL})
        self.guide = wb.add_format({"italic": True, "font_color": "#555555"})
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "vcenter",
                                     "align": "center", "border": 1, "font_color": "#FFFFFF",
                                     "bg_color": HEADER_FILL})
        self.year = wb.add_format({"bold": True, "align": "center", "num_format": "0",
                                   "font_color": HEADER_FILL})
        self.label = wb.add_format({"bold": True, "border": 1})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self._cache: dict[tuple[str, bool], Any] = {}
        self.whole = WholeNumbers(NUMBER_FORMATS["int"])  # "66", not Excel's "66."

    def cell(self, kind: str, is_input: bool) -> Any:
        key = (kind, is_input)
        if key not in self._cache:
            props: dict[str, Any] = {"border": 1, "border_color": GRID_BORDER, "valign": "top"}
            props["locked"] = not is_input
            props["bg_color"] = INPUT_FILL if is_input else COMPUTED_FILL
            if kind in NUMBER_FORMATS:
                props["num_format"] = NUMBER_FORMATS[kind]
            if kind == "number" and is_input:  # shows what was typed (0,385); outputs round
                props["num_format"] = NUMBER_FORMATS["typed"]
            if kind == "code":
                props["num_format"] = "@"  # codes stay text: "1.10" must not become 1.1
            if kind == "text":
                props["text_wrap"] = True
            self._cache[key] = self.wb.add_format(props)
        return self._cache[key]


def _write_value(ws: Worksheet, row: int, col: int, value: Any, fmt: Any) -> None:
    """0-based row/col. Text always as a string, never parsed as a formula."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _formula_value(value: Any) -> Any:
    # xlsxwriter writes a str result as t="str" and a number as <v>; "" is a quiet formula
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    return value


def _validation(col: Column) -> dict[str, Any] | None:
    msg = col.note[:250] if col.note else None
    v: dict[str, Any] | None = None
    if col.kind == "choice" and col.choices:
        v = {"validate": "list", "source": list(col.choices),
             "error_title": "Pilihan tidak valid",
             "error_message": "Pilih salah satu: " + ", ".join(col.choices)}
    elif col.ref is not None:
        # staff pick a code from the table it names: the list is that table's code column over
        # its whole capacity (the defined name), so rows added there later are offered too.
        # A warning, not a stop: the code may be typed before its row exists in that table
        t = TABLES[col.ref.table]
        v = {"validate": "list", "source": "=" + t.range_name(t.unique[0]),
             "error_type": "warning", "error_title": "Kode tidak dikenal",
             "error_message": f"Kode ini tidak ada di sheet {t.sheet}. Pilih dari daftar, atau "
                              f"tambahkan dulu barisnya di {t.sheet}."}
    elif col.kind in ("money", "number", "percent"):
        low = 0 if col.nonnegative else -1e15
        v = {"validate": "decimal", "criteria": "between", "minimum": low, "maximum": 1e15,
             "error_title": "Harus angka",
             "error_message": ("Isi angka tanpa titik ribuan, tanpa Rp atau %"
                               + (", tidak boleh negatif." if col.nonnegative else "."))}
    elif msg:
        v = {"validate": "any"}
    if v is not None and msg:
        v["input_title"] = col.header[:32]
        v["input_message"] = msg
    return v


def _field_validation(fld: FormField) -> dict[str, Any] | None:
    if fld.kind == "choice":
        return {"validate": "list", "source": list(fld.choices), "input_title": fld.label[:32],
                "input_message": fld.note[:250] or fld.label,
                "error_message": "Pilih salah satu: " + ", ".join(fld.choices)}
    if fld.kind == "year":
        return {"validate": "integer", "criteria": "between", "minimum": 2000, "maximum": 2100,
                "error_message": "Isi tahun empat digit, mis. 2019"}
    if fld.kind == "number":
        return {"validate": "decimal", "criteria": ">=", "value": 0,
                "input_title": fld.label[:32], "input_message": fld.note[:250] or fld.label,
                "error_message": "Isi angka (boleh dikosongkan)"}
    return None


def _setup_sheet(ws: Worksheet, sheet: Sheet, fm: _Formats, header_row: int,
                 kertas: str = "A4") -> None:
    ws.write_string(0, 0, sheet.title, fm.title)
    if sheet.guide:
        ws.write_string(1, 0, " ".join(sheet.guide), fm.guide)
    ws.protect("", {"format_columns": True, "format_rows": True, "insert_rows": True,
                    "delete_rows": True, "sort": True, "autofilter": True})
    ws.set_landscape()
    ws.set_paper(printing.paper_code(kertas))
    ws.set_margins(**printing.MARGINS)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row - 1)
    ws.set_header(f"&L&8{sheet.title}&R&8lkjip-xl")
    ws.set_footer("&C&8Halaman &P dari &N")


def _print_plan(ws: Worksheet, table: Table, values: list[Row], kertas: str,
                template: bool) -> None:
    """Print the rows and columns the document fills, and split a wide table over planned pages
    with its key columns repeated (schema/printing.py)."""
    pp = printing.plan(table, len(values), printing.filled_columns(table, values), kertas,
                       template)
    ws.print_area(0, 0, pp.last_row - 1, pp.last_col - 1)
    ws.fit_to_pages(pp.pages_wide, 0)
    if pp.repeat_cols:
        ws.repeat_columns(0, pp.repeat_cols - 1)


def _print_memo_sheet(ws: Worksheet, sheet: Sheet, values: dict[str, Any],
                      inputs: Mapping[str, list[Row]]) -> None:
    """A sheet of long texts and a small table (Narasi): no repeated form header over the
    table's rows, the table's filled rows only, and the table on a page of its own when the
    texts above it fill most of a page (its header never alone at a page foot)."""
    ws.repeat_rows(0, 0)  # the title row only: "Isian / Nilai" over SDM rows would mislead
    last = 3
    for t in sheet.extra_tables:
        filled = len(inputs.get(t.key, []))
        last = max(last, t.first_row + max(filled, printing.MIN_ROWS) - 1)
        above = sum(_memo_height(values.get(f.key)) for f in sheet.fields)
        if above > printing.MEMO_BREAK_PT:
            ws.set_h_pagebreaks([t.header_row - 2])  # above the table's title row
    ws.print_area(0, 0, last - 1, 2)


def _fit_rows(ws: Worksheet, table: Table, values: list[dict[str, Any]], start: int = 0,
              stop: int | None = None) -> None:
    """Rows whose text wraps over more lines than a default row shows get the height it takes:
    Excel keeps a written row's stored height, and a printout would cut or overlap the text
    (an indicator's formula, a long uraian). Rows `start`..`stop`-1 of the table."""
    wrapped = [(c.key, c.width) for c in table.columns if c.kind in ("text", "memo")]
    for i in range(start, len(values) if stop is None else min(stop, len(values))):
        data = values[i]
        lines = 1
        for key, width in wrapped:
            v = data.get(key)
            if isinstance(v, str) and v:
                lines = max(lines, _lines(v, int(width * 1.05) - 1))
        if lines > 1:
            ws.set_row(table.first_row + i - 1, min(409.0, printing.ROW_PT * lines))


def _sparse(_key: str, row: Row) -> Row:
    return {k: v for k, v in row.items() if v != ""}


def _write_table(ws: Worksheet, table: Table, fm: _Formats, caps: dict[str, int],
                 values: list[dict[str, Any]], computed: bool, main: bool = True,
                 stream: bool = False) -> None:
    hr = table.header_row - 1
    for c, col in enumerate(table.columns):
        ws.write_string(hr, c, col.header, fm.header)
        if main:
            ws.set_column(c, c, col.width)
    ws.set_row(hr, 45)
    cap = caps[table.key]
    first = table.first_row
    last_col = len(table.columns) - 1
    fast = isinstance(ws, FastWorksheet)
    # per column: (index, key, format, renderer or None, formulas plain?, blank cell)
    specs = []
    for c, col in enumerate(table.columns):
        fmt = fm.cell(col.kind, col.is_input)
        render_at = renderer(col.formula, table, TABLES) if col.formula is not None else None
        # a column's formulas differ only in their row numbers: ask once whether they are plain
        plain = fast and render_at is not None and ws.is_plain_formula("=" + render_at(first))
        specs.append((c, col.key, fmt, render_at, plain, blank_cell(fmt)))
    empty: dict[str, Any] = {}
    streamed = 0  # rows of the table already written out (streamed)
    for i in range(cap):
        if stream and i - streamed == STREAM_ROWS:
            streamed = _stream(ws, table, values, streamed, i)
        row = first + i
        data = values[i] if i < len(values) else empty
        cells = ws.row_cells(row - 1, 0, last_col) if fast else None
        for c, key, fmt, render_at, plain, blank in specs:
            if render_at is not None:
                value = data.get(key, "")
                if value is None:
                    value = ""  # a quiet formula: xlsxwriter writes "" as no result
                if cells is not None and plain and fmt is not None:
                    cells[c] = RowFormula(render_at, row, fmt, value)  # rendered when written
                else:
                    ws.write_formula(row - 1, c, "=" + render_at(row), fmt, value)
                continue
            value = data.get(key)
            if cells is not None:
                if value is None or value == "":
                    cells[c] = blank
                    continue
                if type(value) in (int, float):
                    stored = number_cell(value, fmt)
                    if stored is not None:
                        cells[c] = stored
                        continue
            _write_value(ws, row - 1, c, value, fmt)
    _fit_rows(ws, table, values, streamed)
    if stream and cap >= STREAM_ROWS:  # a small table is held until `close`: streaming it
        _stream(ws, table, values, streamed, cap, fitted=True)  # would cost, not save
    for c, col in enumerate(table.columns):
        if col.kind == "number":
            fm.whole.add(ws, first - 1, c, first - 2 + cap)
    if not computed:
        last = first + cap - 2
        for c, col in enumerate(table.columns):
            if col.is_input:
                v = _validation(col)
                if v:
                    ws.data_validation(first - 1, c, last + 1, c, v)
    if main:
        ws.freeze_panes(table.header_row, 2 if len(table.columns) > 4 else 0)
        ws.autofilter(hr, 0, hr + cap, len(table.columns) - 1)


def _stream(ws: Worksheet, table: Table, values: list[dict[str, Any]], start: int, stop: int,
            fitted: bool = False) -> int:
    """Rows `start`..`stop`-1 of the table are final: their heights set, they are written out
    and their cells let go (issue #25: xlsxwriter holds every cell until `close`)."""
    if not fitted:
        _fit_rows(ws, table, values, start, stop)
    assert isinstance(ws, FastWorksheet)
    ws.stream_rows(table.first_row - 1 + start, table.first_row - 2 + stop)
    return stop


def _define_names(wb: Workbook, caps: dict[str, int]) -> None:
    for s in SHEETS:
        for fld in s.fields:
            if fld.name:
                wb.define_name(fld.name, f"={quote_sheet(s.name)}!$B${fld.row}")
    for t in TABLES.values():
        for col in t.columns:
            wb.define_name(t.range_name(col.key), "=" + t.range_ref(col.key, caps[t.key]))


MEMO_WIDTH = 90  # characters: a memo field's column, about a printed A4 landscape line
MEMO_EMPTY_PT = 33.0  # an empty memo row: two lines, room for its note and an inviting cell


def _memo_height(text: Any) -> float:
    """Row height (points) that shows a long text whole: Excel keeps a written row's height
    as stored (it only grows rows as they are typed into), LibreOffice would fit them anyway."""
    if not isinstance(text, str) or not text:
        return MEMO_EMPTY_PT
    return min(409.0, max(MEMO_EMPTY_PT, printing.ROW_PT * _lines(text, MEMO_WIDTH - 4) + 3))


def _lines(text: str, per_line: int) -> int:
    """Lines a wrapped cell takes: each paragraph of `per_line` characters a line."""
    return printing.text_lines(text, per_line)


def _write_form(ws: Worksheet, sheet: Sheet, fm: _Formats, values: dict[str, Any]) -> None:
    memo = any(f.kind == "memo" for f in sheet.fields)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, MEMO_WIDTH if memo else 40)
    ws.set_column(2, 2, 40 if memo else 70)
    ws.write_string(3, 0, "Isian", fm.header)
    ws.write_string(3, 1, "Nilai", fm.header)
    ws.write_string(3, 2, "Keterangan", fm.header)
    for fld in sheet.fields:
        r = fld.row - 1
        ws.write_string(r, 0, fld.label, fm.label)
        is_input = fld.kind != "label"
        _write_value(ws, r, 1, values.get(fld.key), fm.cell(
            "code" if fld.key == "kepala_nip" else ("text" if fld.kind in ("choice", "label", "memo")
                                                    else fld.kind), is_input))
        if fld.kind == "memo":
            ws.set_row(r, _memo_height(values.get(fld.key)))
        if fld.note:
            ws.write_string(r, 2, fld.note, fm.wrap)
        v = _field_validation(fld)
        if v:
            ws.data_validation(r, 1, r, 1, v)
        if fld.kind == "number":
            fm.whole.add(ws, r, 1, r)


def write_workbook(dok: Dokumen, path: str | os.PathLike[str],
                   pengukuran: Pengukuran | None = None,
                   minimum_capacity: dict[str, int] | None = None,
                   progress: Callable[[str], None] | None = None,
                   extend: Callable[[Workbook], None] | None = None,
                   fast: bool = True, keep: Collection[str] = (),
                   rows: Mapping[str, list[Row]] | None = None) -> None:
    """Write the whole workbook for `dok` to `path` (the caller makes the write atomic).

    `extend(wb)` runs before the file is closed: `measure` adds its report sheets and charts.
    The main table of each sheet is written out as it goes (`FastWorksheet.stream_rows`), except
    the tables named in `keep` (keys), held until `close` for `extend` to write into or chart.
    `rows`: every table's rows by key (`expected.input_rows` and `computed_rows` of `dok` and
    `pengukuran`) when the caller holds them already (measure's context): not made twice.
    `fast=False` writes every cell through xlsxwriter's public path: the reference that the
    short path (`xlsx_sheet.FastWorksheet`) is tested against, byte for byte."""
    with paused_gc():
        _write_workbook(dok, path, pengukuran, minimum_capacity, progress, extend, fast, keep,
                        rows)


def _write_workbook(dok: Dokumen, path: str | os.PathLike[str], pengukuran: Pengukuran | None,
                    minimum_capacity: dict[str, int] | None,
                    progress: Callable[[str], None] | None,
                    extend: Callable[[Workbook], None] | None, fast: bool,
                    keep: Collection[str], rows: Mapping[str, list[Row]] | None) -> None:
    p = pengukuran or ukur(dok)
    caps = capacities(dok, minimum_capacity)
    if rows is None:
        # the keys are distinct tables; a computed row without its quiet cells (a formula
        # whose value is "" is written the same without one): the rows of every table are held
        # while the workbook is written, the Renja sheets' many working columns mostly quiet
        rows = {**input_rows(dok), **computed_rows(dok, p, _sparse)}
    summary = summary_values(dok, p)
    forms = form_values(dok)
    wb = xlsxwriter.Workbook(str(Path(path)), {"strings_to_formulas": False,
                                               "strings_to_urls": False,
                                               "strings_to_numbers": False,
                                               # an overflow (1e300 x 1e300) is #NUM!, no crash
                                               "nan_inf_to_errors": True})
    wb.set_properties({"title": f"LKjIP {dok.tahun} {dok.instansi.nama}".strip(),
                       "subject": "Laporan Kinerja Instansi Pemerintah",
                       "comments": f"lkjip-xl layout v{SCHEMA_VERSION}",
                       "keywords": "lkjip-xl, SAKIP, LKjIP"})
    wb.set_custom_property("lkjip_xl_schema", SCHEMA_VERSION)
    wb.set_calc_mode("auto")
    if fast:
        wb.worksheet_class = FastWorksheet  # type: ignore[assignment]
    fm = _Formats(wb)
    _define_names(wb, caps)
    for sheet in SHEETS:
        if progress:
            progress(sheet.name)
        ws = wb.add_worksheet(sheet.name)
        if sheet.kind == "guide":
            write_guide(ws, sheet.title, fm.title, fm.wrap, dok.pengaturan.kertas)
            continue
        header_row = sheet.table.header_row if sheet.table else 4
        _setup_sheet(ws, sheet, fm, header_row, dok.pengaturan.kertas)
        if sheet.fields:
            _write_form(ws, sheet, fm, forms.get(sheet.name, {}))
        for t in sheet.extra_tables:
            _write_table(ws, t, fm, caps, rows.get(t.key, []), computed=False, main=False)
            if t is PREDIKAT:
                ws.write_string(t.header_row - 2, 0, "Tabel predikat", fm.label)
            elif t is SDM:
                ws.write_string(t.header_row - 2, 0, "Tabel SDM: jumlah pegawai menurut golongan "
                                "dan menurut pendidikan", fm.label)
        if any(f.kind == "memo" for f in sheet.fields):
            _print_memo_sheet(ws, sheet, forms.get(sheet.name, {}), rows)
        if sheet.table is not None:
            t = sheet.table
            is_computed = t.mirror is not None
            values = rows[t.key] if is_computed else rows.get(t.key, [])
            _write_table(ws, t, fm, caps, values, is_computed,
                         stream=fast and t.key not in keep)
            _print_plan(ws, t, values, dok.pengaturan.kertas,
                        template=not dok.sasaran and not dok.program)
        for sc in sheet.summary:
            if sc.kind == "year":
                fmt = fm.year
            else:
                fmt = fm.cell(sc.kind, False)
                ws.write_string(sc.row - 1, 1, sc.label, fm.label)
            ws.write_formula(sc.row - 1, sc.col - 1, "=" + sc.formula, fmt,
                             _formula_value(summary.get(f"{sheet.name}:{sc.key}", "")))
    fm.whole.apply(wb)
    if extend is not None:
        extend(wb)
    wb.close()
