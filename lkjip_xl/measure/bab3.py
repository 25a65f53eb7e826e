"""The LKjIP Bab III tables as print-ready sheets, walking `layout.report_tables`.

Each cell is a formula showing one cell of the computed sheets (cached value = the domain core's),
so a change of an input flows through to the report in any spreadsheet program.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.core.model import Pengaturan
from lkjip_xl.measure.context import Ctx, Formats
from lkjip_xl.measure.styling import CAPAIAN_SOURCES, Capaian, agency_header, page_setup, signature
from lkjip_xl.schema import TABLES, printing
from lkjip_xl.schema.report_tables import (
    ANGGARAN_SHEET,
    JUMLAH_LABEL,
    KINERJA_SHEET,
    METODE_TEXT,
    PENDUKUNG_LABEL,
    REPORT_TABLES,
    TOTAL_LABEL,
    ReportColumn,
    ReportTable,
)
from lkjip_xl.xlsx.fast_sheet import write_formula

TABLE_KEEP = 5  # caption, header and three rows: never left at the foot of a page
WIDTHS = {KINERJA_SHEET: (30, 38, 14, 14, 14, 14, 16, 16, 14),
          ANGGARAN_SHEET: (30, 30, 44, 17, 17, 10)}


class Bab3:
    def __init__(self, wb: Workbook, ctx: Ctx, fm: Formats, capaian: Capaian) -> None:
        self.wb, self.ctx, self.fm, self.capaian = wb, ctx, fm, capaian
        self.number = 0
        self.tables: list[str] = []  # "Tabel 3.n title", for the report
        self.lines: dict[int, float] = {}  # row -> text lines it needs (wrapped cells)
        self.fixed: dict[int, float] = {}  # row -> height set outright (header rows)
        self.starts: list[int] = []  # the caption row of each table of the sheet
        self.widths: tuple[int, ...] = ()

    def _need(self, row: int, last_row: int, c: int, value: Any) -> None:
        """Spreadsheet programs do not grow rows for wrapped text on open: size rows here."""
        if not isinstance(value, str) or not value or c >= len(self.widths):
            return
        lines = -(-len(value) // max(int(self.widths[c] * 1.05), 1))
        per_row = lines / (last_row - row + 1)
        for r in range(row, last_row + 1):
            self.lines[r] = max(self.lines.get(r, 1), per_row)

    def _apply_heights(self, ws: Worksheet, last_row: int) -> None:
        heights = dict(self.fixed)
        for r, n in self.lines.items():
            if n > 1:
                heights[r] = 15 * -(-n // 1)
                ws.set_row(r, heights[r])
        # no table starts in the last lines of a page: its caption, header and first rows go
        # to the next page together (layout/printing.py)
        page = printing.page_height_rows_pt(list(self.widths),
                                            kertas=self.ctx.dok.pengaturan.kertas)
        blocks = [(start, TABLE_KEEP) for start in self.starts]
        ws.set_h_pagebreaks(printing.breaks_before(heights, blocks, last_row, page))
        self.lines, self.fixed, self.starts = {}, {}, []

    def _years(self, text: str) -> str:
        t = self.ctx.dok.tahun
        return text.format(tahun=t, tahun_1=t - 1, tahun_2=t - 2, sasaran="{sasaran}")

    def _caption(self, ws: Worksheet, row: int, table: ReportTable, sasaran: str = "") -> int:
        self.number += 1
        title = self._years(table.title).replace("{sasaran}", sasaran)
        text = f"Tabel 3.{self.number}  {title}"
        self.tables.append(text)
        self.starts.append(row)
        ws.write_string(row, 0, text, self.fm.caption)
        return row + 1

    def _headers(self, ws: Worksheet, row: int, cols: tuple[ReportColumn, ...]) -> int:
        for c, col in enumerate(cols):
            ws.write_string(row, c, self._years(col.header), self.fm.header)
        ws.set_row(row, 32)
        self.fixed[row] = 32
        return row + 1

    def _cell(self, ws: Worksheet, row: int, c: int, col: ReportColumn, index: int,
              last_row: int | None = None, bold: bool = False) -> None:
        formula, value = self.ctx.ref(col.table.key, col.key, index, col.kind)
        fmt = self.fm.cell(col.kind, bold)
        if last_row is not None and last_row > row:
            ws.merge_range(row, c, last_row, c, "", fmt)
        write_formula(ws, row, c, "=" + formula, fmt, value)
        self._need(row, last_row if last_row is not None else row, c, value)
        if col.kind == "number":  # "66", not Excel's "66." (xlsx/whole_numbers.py)
            self.fm.whole.add(ws, row, c, last_row if last_row is not None else row)
        if col.source in CAPAIAN_SOURCES:
            self.capaian.add(ws, row, c, last_row if last_row is not None else row)

    # ------------------------------------------------------------ per-indicator tables
    def indicator_table(self, ws: Worksheet, row: int, table: ReportTable,
                        indices: list[int], sasaran: str = "") -> int:
        row = self._caption(ws, row, table, sasaran)
        row = self._headers(ws, row, table.columns)
        first = row
        groups = self.ctx.groups(indices)
        for s_index, members in groups:
            top, bottom = row, row + len(members) - 1
            for c, col in enumerate(table.columns):
                if col.per_sasaran:
                    self._cell(ws, top, c, col, s_index, bottom)
                else:
                    for k, n in enumerate(members):
                        self._cell(ws, top + k, c, col, n)
            row = bottom + 1
        if row == first:
            ws.write_string(row, 0, "(tidak ada indikator)", self.fm.note)
            row += 1
        if table.note:
            row = self._metode_note(ws, row)
        return row + 2

    def _metode_note(self, ws: Worksheet, row: int) -> int:
        metode = self.ctx.dok.pengaturan.metode_efisiensi or Pengaturan.metode_efisiensi
        ws.write_string(row, 0, "Metode efisiensi: " + METODE_TEXT.get(metode, metode) + ".",
                        self.fm.note)
        return row + 1

    def kinerja_sheet(self) -> Worksheet:
        ws = self.wb.add_worksheet(KINERJA_SHEET)
        widths = self.widths = WIDTHS[KINERJA_SHEET]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        row = agency_header(ws, self.ctx, self.fm, len(widths), "BAB III AKUNTABILITAS KINERJA")
        for table in REPORT_TABLES:
            if table.sheet != KINERJA_SHEET:
                continue
            if table.per_sasaran:
                for s in self.ctx.rows.sasaran:
                    members = self.ctx.indikator_rows(s.kode)
                    if members:
                        row = self.indicator_table(ws, row, table, members, s.uraian or s.kode)
            else:
                row = self.indicator_table(ws, row, table, self.ctx.indikator_rows())
        self._apply_heights(ws, row)
        end = signature(ws, row, widths, self.ctx, self.fm)
        # the tables' own columns: anything wider makes "fit to width" shrink every page
        ws.print_area(0, 0, end, len(widths) - 1)
        page_setup(ws, self.ctx, "Bab III: capaian kinerja", widths=list(widths))
        return ws

    # ------------------------------------------------------------ Table 3.14
    def anggaran_sheet(self) -> Worksheet:
        ws = self.wb.add_worksheet(ANGGARAN_SHEET)
        widths = self.widths = WIDTHS[ANGGARAN_SHEET]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        row = agency_header(ws, self.ctx, self.fm, len(widths), "BAB III REALISASI ANGGARAN")
        for table in REPORT_TABLES:
            if table.sheet == ANGGARAN_SHEET:
                row = self.kegiatan_table(ws, row, table)
        self._apply_heights(ws, row)
        end = signature(ws, row, widths, self.ctx, self.fm)
        # the tables' own columns: anything wider makes "fit to width" shrink every page
        ws.print_area(0, 0, end, len(widths) - 1)
        page_setup(ws, self.ctx, "Bab III: realisasi anggaran", widths=list(widths))
        return ws

    def kegiatan_table(self, ws: Worksheet, row: int, table: ReportTable) -> int:
        row = self._caption(ws, row, table)
        row = self._headers(ws, row, table.columns)
        ws.repeat_rows(row - 1)
        sas_col, ind_col, keg_col, *money = table.columns
        for kode, members in self.ctx.kegiatan_groups():
            top, bottom = row, row + len(members) - 1
            s_index = self.ctx.sasaran_index(kode) if kode is not None else None
            if s_index is not None:
                self._cell(ws, top, 0, sas_col, s_index, bottom)
                self._indicator_names(ws, top, bottom, kode)
            else:
                label = PENDUKUNG_LABEL if kode is None else kode
                for c, text in ((0, label), (1, "")):
                    if bottom > top:
                        ws.merge_range(top, c, bottom, c, text, self.fm.cell("text"))
                    else:
                        ws.write_string(top, c, text, self.fm.cell("text"))
            for k, n in enumerate(members):
                self._cell(ws, top + k, 2, keg_col, n)
                for c, col in enumerate(money, start=3):
                    self._cell(ws, top + k, c, col, n)
            row = bottom + 1
            if s_index is not None or kode is None:
                row = self._subtotal(ws, row, f"{JUMLAH_LABEL} {kode or 'program pendukung'}",
                                     s_index, "pendukung")
        return self._subtotal(ws, row, TOTAL_LABEL, None, "total") + 2

    def _indicator_names(self, ws: Worksheet, top: int, bottom: int, kode: str | None) -> None:
        parts = [self.ctx.ref("PKK", "uraian", n, "text") for n in self.ctx.indikator_rows(kode)]
        formula = '&"; "&'.join(f"({f})" for f, _ in parts) or '""'
        value = "; ".join(str(v) for _, v in parts if v != "")
        fmt = self.fm.cell("text")
        if bottom > top:
            ws.merge_range(top, 1, bottom, 1, "", fmt)
        ws.write_formula(top, 1, "=" + formula, fmt, value)
        self._need(top, bottom, 1, value)

    def _subtotal(self, ws: Worksheet, row: int, label: str, s_index: int | None,
                  block: str) -> int:
        ws.merge_range(row, 0, row, 2, label, self.fm.cell("text", bold=True))
        keys = ("anggaran", "realisasi", "penyerapan")
        kinds = ("money", "money", "percent")
        for c, (key, kind) in enumerate(zip(keys, kinds), start=3):
            formula: str
            value: Any
            if s_index is not None:
                formula, value = self.ctx.ref("AE", key, s_index, kind)
            else:
                formula, value = self.ctx.summary_ref(TABLES["AE"].sheet, f"{block}_{key}")
            ws.write_formula(row, c, "=" + formula, self.fm.cell(kind, bold=True), value)
        return row + 1
