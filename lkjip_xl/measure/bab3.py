"""The LKjIP Bab III tables as print-ready sheets, walking `layout.report_tables`.

Each cell is a formula showing one cell of the computed sheets (cached value = the domain core's),
so a change of an input flows through to the report in any spreadsheet program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.core.model import Pengaturan
from lkjip_xl.measure.context import Ctx, Formats
from lkjip_xl.measure.styling import (
    AGENCY_HEADER_PT,
    CAPAIAN_SOURCES,
    Capaian,
    agency_header,
    page_setup,
    signature,
)
from lkjip_xl.schema import printing
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
from lkjip_xl.schema.sheets import ANGGARAN_KEGIATAN, ANGGARAN_SASARAN, PENGUKURAN
from lkjip_xl.xlsx.fast_sheet import STREAM_ROWS, stream_rows, write_formula

TABLE_KEEP = 5  # caption, header and three rows: never left at the foot of a page
HEADER_PT = 32.0  # a report table's header row
HEAD_PT = printing.ROW_PT + HEADER_PT  # caption and header, also of a continued table
SIGNATURE_PT = 10 * printing.ROW_PT  # the signature block, kept on one page
CONTINUED = " (lanjutan)"  # a table's caption again at the top of a page it continues on
WIDTHS = {KINERJA_SHEET: (30, 38, 14, 14, 14, 14, 16, 16, 14),
          ANGGARAN_SHEET: (30, 30, 44, 17, 17, 10)}


class Bab3:
    def __init__(self, wb: Workbook, ctx: Ctx, fm: Formats, capaian: Capaian) -> None:
        self.wb, self.ctx, self.fm, self.capaian = wb, ctx, fm, capaian
        self.number = 0
        self.tables: list[str] = []  # "Tabel 3.n title", for the report
        self.widths: tuple[int, ...] = ()
        self.pages = printing.Pages(0.0)
        self.streamed = 0  # rows of the current sheet written out already (issue #25)

    def _stream(self, ws: Worksheet, row: int, every: int = STREAM_ROWS) -> None:
        """The rows above `row` are final (the sheet is written top to bottom): once there are
        `every` of them, they are written out and their cells let go."""
        if row - self.streamed >= every:
            stream_rows(ws, self.streamed, row - 1)
            self.streamed = row

    def _start_sheet(self, name: str, subtitle: str) -> tuple[Worksheet, int]:
        ws = self.wb.add_worksheet(name)
        widths = self.widths = WIDTHS[name]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        self.pages = printing.Pages(printing.page_height_rows_pt(
            list(widths), kertas=self.ctx.dok.pengaturan.kertas))
        row = agency_header(ws, self.ctx, self.fm, len(widths), subtitle)
        self.pages.add(0, AGENCY_HEADER_PT)
        self.streamed = 0
        return ws, row

    def _end_sheet(self, ws: Worksheet, row: int, title: str) -> Worksheet:
        self.pages.keep(row, SIGNATURE_PT)  # the signature block whole, never alone at a foot
        end = signature(ws, row, self.widths, self.ctx, self.fm)
        if self.streamed:  # a sheet that streamed already: its last rows too (a small sheet is
            self._stream(ws, end + 1, every=1)  # held until `close`, streaming would cost)
        # every page ends at a planned break (layout/printing.py): tables, merged cells and the
        # signature are never cut where a program would break by itself
        ws.set_h_pagebreaks(self.pages.breaks)
        # the tables' own columns: anything wider makes "fit to width" shrink every page
        ws.print_area(0, 0, end, len(self.widths) - 1)
        page_setup(ws, self.ctx, title, widths=list(self.widths))
        return ws

    def _lines(self, c: int, value: Any) -> float:
        """Text lines a cell of column `c` needs (spreadsheet programs do not grow rows for
        wrapped text on open: rows are sized here)."""
        if not isinstance(value, str) or not value or c >= len(self.widths):
            return 1.0
        return float(printing.wrapped_lines(value, self.widths[c]))

    def _heights(self, own: list[float], merged: float, i: int, j: int) -> list[float]:
        """Heights of rows i..j-1 of a group: each row's own lines, and the merged cells' lines
        shared over the rows they span."""
        share = merged / max(j - i, 1)
        return [printing.ROW_PT * -(-max(own[k], share, 1.0) // 1) for k in range(i, j)]

    def _group(self, ws: Worksheet, row: int, own: list[float], merged: float,
               write: Callable[[int, int, int], None], cont: Callable[[int], int],
               cont_pt: float) -> int:
        """A group of rows sharing merged cells: whole on one page when a page holds it (a new
        page, continued by `cont`, when this one cannot); cut at page ends only when it is
        longer than a page, its merged cells written again on each part. `write(top, i, j)`
        writes members i..j-1 from row `top`."""
        n, i = len(own), 0
        while i < n:
            take = self._fitting(own, merged, i, n)
            if take < n - i and (take == 0 or self.pages.fits_a_page(
                    cont_pt + sum(self._heights(own, merged, i, n)))):
                self.pages.new_page(row)
                row = cont(row)
                take = max(1, self._fitting(own, merged, i, n))
            heights = self._heights(own, merged, i, i + take)
            write(row, i, i + take)
            for k, h in enumerate(heights):
                if h > printing.ROW_PT:
                    ws.set_row(row + k, h)
                self.pages.add(row + k, h)
            row += take
            i += take
        self._stream(ws, row)
        return row

    def _fitting(self, own: list[float], merged: float, i: int, n: int) -> int:
        """How many members from i fit what is left of the page, as one part (at most a page
        of rows is tried: a long group costs no more than its pages)."""
        for j in range(i + 1, n + 1):
            if not self.pages.fits(sum(self._heights(own, merged, i, j))):
                return j - 1 - i
        return n - i

    def _years(self, text: str) -> str:
        t = self.ctx.dok.tahun
        return text.format(tahun=t, tahun_1=t - 1, tahun_2=t - 2, sasaran="{sasaran}")

    def _caption(self, ws: Worksheet, row: int, table: ReportTable, sasaran: str = "") -> int:
        self.number += 1
        title = self._years(table.title).replace("{sasaran}", sasaran)
        text = f"Tabel 3.{self.number}  {title}"
        self.tables.append(text)
        ws.write_string(row, 0, text, self.fm.caption)
        self.pages.add(row)
        return row + 1

    def _headers(self, ws: Worksheet, row: int, cols: tuple[ReportColumn, ...]) -> int:
        for c, col in enumerate(cols):
            ws.write_string(row, c, self._years(col.header), self.fm.header)
        ws.set_row(row, HEADER_PT)
        self.pages.add(row, HEADER_PT)
        return row + 1

    def _continued(self, ws: Worksheet, row: int, cols: tuple[ReportColumn, ...]) -> int:
        """The top of a page a table runs on to: its caption marked (lanjutan), its header."""
        caption = self.tables[-1].split("  ", 1)[0] + CONTINUED
        ws.write_string(row, 0, caption, self.fm.caption)
        self.pages.add(row)
        return self._headers(ws, row + 1, cols)

    def _blank(self, row: int, count: int = 2) -> int:
        self.pages.add_rows(row, row + count - 1)
        return row + count

    def _cell(self, ws: Worksheet, row: int, c: int, col: ReportColumn, index: int,
              last_row: int | None = None, bold: bool = False) -> None:
        formula, value = self.ctx.ref(col.table.key, col.key, index, col.kind)
        fmt = self.fm.cell(col.kind, bold)
        if last_row is not None and last_row > row:
            ws.merge_range(row, c, last_row, c, "", fmt)
        write_formula(ws, row, c, "=" + formula, fmt, value)
        if col.kind == "number":  # "66", not Excel's "66." (xlsx/whole_numbers.py)
            self.fm.whole.add(ws, row, c, last_row if last_row is not None else row)
        if col.source in CAPAIAN_SOURCES:
            self.capaian.add(ws, row, c, last_row if last_row is not None else row)

    # ------------------------------------------------------------ per-indicator tables
    def indicator_table(self, ws: Worksheet, row: int, table: ReportTable,
                        indices: list[int], sasaran: str = "") -> int:
        cols = table.columns
        groups = []  # (sasaran row, its indicator rows, each row's own lines, merged lines)
        for s_index, members in self.ctx.groups(indices):
            own = [max((self._lines(c, self.ctx.value(col.table.key, col.key, n))
                        for c, col in enumerate(cols) if not col.per_sasaran), default=1.0)
                   for n in members]
            merged = max((self._lines(c, self.ctx.value(col.table.key, col.key, s_index))
                          for c, col in enumerate(cols) if col.per_sasaran), default=1.0)
            groups.append((s_index, members, own, merged))
        body = [sum(self._heights(own, merged, 0, len(own))) for _, _, own, merged in groups]
        whole = HEAD_PT + (sum(body) or printing.ROW_PT) + (printing.ROW_PT if table.note else 0)
        # the whole table on one page when a page holds it; else its caption, header and
        # first group together, and a continued header on each page it runs on to
        self.pages.keep(row, whole if self.pages.fits_a_page(whole)
                        else HEAD_PT + (body[0] if body else printing.ROW_PT))
        row = self._caption(ws, row, table, sasaran)
        row = self._headers(ws, row, cols)
        for s_index, members, own, merged in groups:

            def write(top: int, i: int, j: int, s_index: int = s_index,
                      members: list[int] = members) -> None:
                bottom = top + j - i - 1
                for c, col in enumerate(cols):
                    if col.per_sasaran:
                        self._cell(ws, top, c, col, s_index, bottom)
                    else:
                        for k, n in enumerate(members[i:j]):
                            self._cell(ws, top + k, c, col, n)

            row = self._group(ws, row, own, merged, write,
                              lambda r: self._continued(ws, r, cols), HEAD_PT)
        if not groups:
            ws.write_string(row, 0, "(tidak ada indikator)", self.fm.note)
            self.pages.add(row)
            row += 1
        if table.note:
            row = self._metode_note(ws, row)
        if table.marks_incomplete and self.ctx.incomplete_note:
            row = self._wide_note(ws, row, self.ctx.incomplete_note)
        return self._blank(row)

    def _wide_note(self, ws: Worksheet, row: int, text: str) -> int:
        """A note as wide as the table, wrapped, its row as tall as its lines."""
        ws.merge_range(row, 0, row, len(self.widths) - 1, text, self.fm.incomplete)
        height = printing.ROW_PT * printing.wrapped_lines(text, sum(self.widths))
        ws.set_row(row, height)
        self.pages.add(row, height)
        return row + 1

    def _metode_note(self, ws: Worksheet, row: int) -> int:
        metode = self.ctx.dok.pengaturan.metode_efisiensi or Pengaturan.metode_efisiensi
        ws.write_string(row, 0, "Metode efisiensi: " + METODE_TEXT.get(metode, metode) + ".",
                        self.fm.note)
        self.pages.add(row)
        return row + 1

    def kinerja_sheet(self) -> Worksheet:
        ws, row = self._start_sheet(KINERJA_SHEET, "BAB III AKUNTABILITAS KINERJA")
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
        return self._end_sheet(ws, row, "Bab III: capaian kinerja")

    # ------------------------------------------------------------ Table 3.14
    def anggaran_sheet(self) -> Worksheet:
        ws, row = self._start_sheet(ANGGARAN_SHEET, "BAB III REALISASI ANGGARAN")
        for table in REPORT_TABLES:
            if table.sheet == ANGGARAN_SHEET:
                row = self.kegiatan_table(ws, row, table)
        return self._end_sheet(ws, row, "Bab III: realisasi anggaran")

    def kegiatan_table(self, ws: Worksheet, row: int, table: ReportTable) -> int:
        self.pages.keep(row, HEAD_PT + 3 * printing.ROW_PT)
        row = self._caption(ws, row, table)
        row = self._headers(ws, row, table.columns)
        # the only table of its sheet: its header is the sheet's print title on every page
        ws.repeat_rows(row - 1)
        self.pages.repeat_pt = HEADER_PT
        sas_col, ind_col, keg_col, *money = table.columns
        for kode, members in self.ctx.kegiatan_groups():
            s_index = self.ctx.sasaran_index(kode) if kode is not None else None
            if s_index is not None:
                names = self._indicator_names(kode)
                sasaran = str(self.ctx.value(sas_col.table.key, sas_col.key, s_index))
            else:
                names, sasaran = ("", ""), PENDUKUNG_LABEL if kode is None else kode
            own = [self._lines(2, self.ctx.value(ANGGARAN_KEGIATAN.key, keg_col.key, n)) for n in members]
            merged = max(self._lines(0, sasaran), self._lines(1, names[1]))
            subtotal = s_index is not None or kode is None
            whole = sum(self._heights(own, merged, 0, len(own))) + (
                printing.ROW_PT if subtotal else 0)
            if self.pages.fits_a_page(whole):
                self.pages.keep(row, whole)  # a sasaran's kegiatan and its total together

            def write(top: int, i: int, j: int, s_index: int | None = s_index,
                      members: list[int] = members, names: tuple[str, str] = names,
                      label: str = sasaran) -> None:
                bottom = top + j - i - 1
                if s_index is not None:
                    self._cell(ws, top, 0, sas_col, s_index, bottom)
                    fmt = self.fm.cell("text")
                    if bottom > top:
                        ws.merge_range(top, 1, bottom, 1, "", fmt)
                    ws.write_formula(top, 1, "=" + names[0], fmt, names[1])
                else:
                    for c, text in ((0, label), (1, "")):
                        if bottom > top:
                            ws.merge_range(top, c, bottom, c, text, self.fm.cell("text"))
                        else:
                            ws.write_string(top, c, text, self.fm.cell("text"))
                for k, n in enumerate(members[i:j]):
                    self._cell(ws, top + k, 2, keg_col, n)
                    for c, col in enumerate(money, start=3):
                        self._cell(ws, top + k, c, col, n)

            row = self._group(ws, row, own, merged, write, lambda r: r, HEADER_PT)
            if subtotal:
                row = self._subtotal(ws, row, f"{JUMLAH_LABEL} {kode or 'program pendukung'}",
                                     s_index, "pendukung")
        row = self._subtotal(ws, row, TOTAL_LABEL, None, "total")
        self.pages.repeat_pt = 0.0  # the signature's page needs no room for the header
        return self._blank(row)

    def _indicator_names(self, kode: str | None) -> tuple[str, str]:
        """(formula, value): a sasaran's indicators joined, the merged cell beside its kegiatan."""
        parts = [self.ctx.ref(PENGUKURAN.key, "uraian", n, "text") for n in self.ctx.indikator_rows(kode)]
        formula = '&"; "&'.join(f"({f})" for f, _ in parts) or '""'
        return formula, "; ".join(str(v) for _, v in parts if v != "")

    def _subtotal(self, ws: Worksheet, row: int, label: str, s_index: int | None,
                  block: str) -> int:
        ws.merge_range(row, 0, row, 2, label, self.fm.cell("text", bold=True))
        keys = ("anggaran", "realisasi", "penyerapan")
        kinds = ("money", "money", "percent")
        for c, (key, kind) in enumerate(zip(keys, kinds), start=3):
            formula: str
            value: Any
            if s_index is not None:
                formula, value = self.ctx.ref(ANGGARAN_SASARAN.key, key, s_index, kind)
            else:
                formula, value = self.ctx.summary_ref(ANGGARAN_SASARAN.sheet, f"{block}_{key}")
            ws.write_formula(row, c, "=" + formula, self.fm.cell(kind, bold=True), value)
        self.pages.add(row)
        return row + 1
