"""The Grafik sheet: native Excel charts over small data tables that show the computed sheets.

Charts: capaian per indicator against the 100 % line, absorption per sasaran and per programme,
and the quarterly progress (target vs realisation to date) of each indicator up to the reported
quarter. The data tables are formulas on the computed sheets, so the charts follow the inputs.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.measure.context import Ctx, Formats
from lkjip_xl.measure.styling import AGENCY_HEADER_PT, Capaian, agency_header, page_setup
from lkjip_xl.schema import TABLES, printing
from lkjip_xl.schema.formats import LABEL_FORMATS
from lkjip_xl.schema.report_tables import CHART_SHEET
from lkjip_xl.schema.sheets import ANGGARAN_PROGRAM, ANGGARAN_SASARAN, PENGUKURAN, PENGUKURAN_TW

MAX_TW_CHARTS = 30  # one quarterly chart per indicator, up to this many
# the tables charted straight from their own sheets (absorption): xlsxwriter reads their cells
# at `close` for the charts' cached data, so they are held until then (not streamed)
SOURCES = (ANGGARAN_SASARAN.key, ANGGARAN_PROGRAM.key)
ROW_PX = 20  # xlsxwriter's default row height in pixels
WIDTHS = (14, 40, 12, 12, 12, 12, 12, 12, 12, 12)
QUARTER_HEADER_PT = 30.0


def _ref(sheet: str, row0: int, col0: int, row1: int, col1: int) -> list[object]:
    return [sheet, row0, col0, row1, col1]


class Charts:
    def __init__(self, wb: Workbook, ctx: Ctx, fm: Formats, capaian: Capaian) -> None:
        self.wb, self.ctx, self.fm, self.capaian = wb, ctx, fm, capaian
        self.count = 0
        self.skipped_tw = 0
        self.blocks: list[tuple[int, int]] = []  # (first row, rows) of each chart
        self.pages = printing.Pages(0.0)

    def _insert(self, ws: Worksheet, row: int, chart: object, height_px: int, x: int = 0) -> None:
        ws.insert_chart(row, 0, chart, {"x_offset": x, "y_offset": 4})
        self.count += 1
        self.blocks.append((row, -(-(height_px + 8) // ROW_PX)))  # kept whole on one page

    def _charts_rows(self, row: int, height_px: int) -> None:
        """A row of charts `height_px` high from `row`: whole on one page (a new one if this one
        cannot hold it)."""
        rows = height_px // ROW_PX + 2
        self.pages.keep(row, rows * printing.ROW_PT)
        self.pages.add_rows(row, row + rows - 1)

    def _table_headers(self, ws: Worksheet, row: int, headers: list[str]) -> None:
        for c, h in enumerate(headers):
            ws.write_string(row, c, h, self.fm.header)

    def _name_row(self, ws: Worksheet, row: int, name: object) -> float:
        """Height of a data row showing an indicator's name, set when the name wraps."""
        lines = printing.wrapped_lines(name, WIDTHS[1]) if isinstance(name, str) and name else 1
        if lines > 1:
            ws.set_row(row, printing.ROW_PT * lines)
        return printing.ROW_PT * lines

    def _quarter_header(self, ws: Worksheet, row: int, continued: bool = False) -> int:
        text = f"Data grafik: kemajuan triwulan s.d. TW {ROMAN[self.ctx.triwulan - 1]}"
        ws.write_string(row, 0, text + (" (lanjutan)" if continued else ""), self.fm.caption)
        self.pages.add(row)
        self._table_headers(ws, row + 1, ["Kode", "Indikator", "Triwulan", "Target s.d. TW",
                                          "Realisasi s.d. TW"])
        ws.set_row(row + 1, QUARTER_HEADER_PT)
        self.pages.add(row + 1, QUARTER_HEADER_PT)
        return row + 2

    def sheet(self) -> Worksheet:
        ctx = self.ctx
        ws = self.wb.add_worksheet(CHART_SHEET)
        for c, w in enumerate(WIDTHS):
            ws.set_column(c, c, w)
        # every page ends at a planned break (layout/printing.py): no chart is cut, no data
        # table starts at a page foot, an indicator's quarters stay together
        self.pages = printing.Pages(printing.page_height_rows_pt(
            list(WIDTHS), kertas=ctx.dok.pengaturan.kertas))
        row = agency_header(ws, ctx, self.fm, len(WIDTHS), "GRAFIK CAPAIAN DAN ANGGARAN")
        self.pages.add(0, AGENCY_HEADER_PT)
        n_ind = len(ctx.rows.indikator)
        # ---- data: capaian per indicator (one range the chart reads: whole on a page if it can)
        names = [ctx.value(PENGUKURAN.key, "uraian", n) for n in range(n_ind)]
        rows_pt = [printing.ROW_PT * (printing.wrapped_lines(v, WIDTHS[1])
                                      if isinstance(v, str) and v else 1) for v in names]
        whole = 2 * printing.ROW_PT + sum(rows_pt)
        self.pages.keep(row, whole if self.pages.fits_a_page(whole)
                        else 2 * printing.ROW_PT + sum(rows_pt[:3]))
        ws.write_string(row, 0, "Data grafik: capaian per indikator", self.fm.caption)
        self.pages.add(row)
        row += 1
        self._table_headers(ws, row, ["Kode", "Indikator", "Capaian (%)", "Garis 100 %"])
        self.pages.add(row)
        cap_first = row + 1
        for n in range(n_ind):
            r = cap_first + n
            for c, (key, kind) in enumerate((("kode", "text"), ("uraian", "text"),
                                             ("capaian", "percent"))):
                f, v = ctx.ref(PENGUKURAN.key, key, n, kind)
                ws.write_formula(r, c, "=" + f, self.fm.cell(kind), v)
            ws.write_number(r, 3, 100, self.fm.cell("percent"))
            self.pages.add(r, self._name_row(ws, r, names[n]))
        if n_ind:
            self.capaian.add(ws, cap_first, 2, cap_first + n_ind - 1)
        row = cap_first + n_ind
        self.pages.add(row)
        row += 1
        # ---- data: quarterly progress, one row per quarter shown (see _quarter_rows); each
        # indicator's rows together, the header again atop a page the table runs on to (each
        # chart reads its own indicator's rows only)
        q_n = ctx.triwulan
        quarters = [self._quarter_rows(n, q_n) for n in range(n_ind)]
        first_pt = (self._rows_pt(quarters[0], names[0]) if quarters else 0.0)
        self.pages.keep(row, printing.ROW_PT + QUARTER_HEADER_PT + first_pt)
        row = self._quarter_header(ws, row)
        blocks: list[tuple[int, int]] = []  # (first row, rows) of each indicator's quarters
        for n in range(n_ind):
            pt = self._rows_pt(quarters[n], names[n])
            if not self.pages.fits(pt):
                self.pages.new_page(row)
                row = self._quarter_header(ws, row, continued=True)
            blocks.append((row, len(quarters[n])))
            for j, q in enumerate(quarters[n]):
                r = row + j
                if j == 0:
                    for c, key in enumerate(("kode", "uraian")):
                        f, v = ctx.ref(PENGUKURAN_TW.key, key, n, "text")
                        ws.write_formula(r, c, "=" + f, self.fm.cell("text"), v)
                    self.pages.add(r, self._name_row(ws, r, names[n]))
                else:
                    self.pages.add(r)
                ws.write_string(r, 2, f"TW {ROMAN[q]}", self.fm.cell("text"))
                for c, key in ((3, f"t{q + 1}"), (4, f"r{q + 1}")):
                    v = ctx.value(PENGUKURAN_TW.key, key, n)
                    if v == "":
                        # a truly empty cell: both Excel and Calc leave a gap for it, whereas
                        # Calc draws #N/A (and text) as 0
                        ws.write_blank(r, c, None, self.fm.cell("number"))
                    else:
                        a = ctx.address(PENGUKURAN_TW.key, key, n)
                        ws.write_formula(r, c, f'=IF({a}="",NA(),{a})', self.fm.cell("number"), v)
            row += len(quarters[n])
        self.pages.add(row)
        for first, count in blocks:
            for c in (3, 4):  # "66", not Excel's "66." (xlsx/whole_numbers.py)
                self.fm.whole.add(ws, first, c, first + count - 1)
        row += 1
        # ---- charts
        row = self._capaian_chart(ws, row, cap_first, n_ind)
        row = self._absorption_charts(ws, row)
        row = self._quarter_charts(ws, row, blocks)
        ws.set_h_pagebreaks(self.pages.breaks)
        ws.print_area(0, 0, row, len(WIDTHS) - 1)
        page_setup(ws, ctx, "Grafik capaian dan anggaran", widths=list(WIDTHS))
        return ws

    def _rows_pt(self, quarters: list[int], name: object) -> float:
        lines = printing.wrapped_lines(name, WIDTHS[1]) if isinstance(name, str) and name else 1
        return printing.ROW_PT * (lines + max(len(quarters), 1) - 1)

    def _capaian_chart(self, ws: Worksheet, row: int, first: int, n: int) -> int:
        if not n:
            return row
        chart = self.wb.add_chart({"type": "column"})
        chart.add_series({"name": "Capaian (%)",
                          "categories": _ref(CHART_SHEET, first, 0, first + n - 1, 0),
                          "values": _ref(CHART_SHEET, first, 2, first + n - 1, 2),
                          "fill": {"color": "#2E75B6"},
                          "data_labels": {"value": True, "num_format": LABEL_FORMATS["percent"]}})
        line = self.wb.add_chart({"type": "line"})
        line.add_series({"name": "Target 100 %",
                         "categories": _ref(CHART_SHEET, first, 0, first + n - 1, 0),
                         "values": _ref(CHART_SHEET, first, 3, first + n - 1, 3),
                         "line": {"color": "#C00000", "width": 2, "dash_type": "dash"},
                         "marker": {"type": "none"}})
        chart.combine(line)
        chart.set_title({"name": f"Capaian kinerja per indikator tahun {self.ctx.dok.tahun}"})
        chart.set_y_axis({"name": "Capaian (%)", "min": 0})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 1000, "height": 340})
        self._charts_rows(row, 340)
        self._insert(ws, row, chart, 340)
        return row + 340 // ROW_PX + 2

    def _absorption_chart(self, table_key: str, title: str) -> object | None:
        t = TABLES[table_key]
        n = len(self.ctx.values.get(table_key, []))
        if not n:
            return None
        first, last = t.first_row - 1, t.first_row + n - 2
        chart = self.wb.add_chart({"type": "column"})
        chart.add_series({"name": "Penyerapan anggaran (%)",
                          "categories": _ref(t.sheet, first, t.index("kode") - 1, last,
                                             t.index("kode") - 1),
                          "values": _ref(t.sheet, first, t.index("penyerapan") - 1, last,
                                         t.index("penyerapan") - 1),
                          "fill": {"color": "#70AD47"},
                          "data_labels": {"value": True, "num_format": LABEL_FORMATS["percent"]}})
        chart.set_title({"name": title})
        chart.set_y_axis({"name": "%", "min": 0, "max": 100})
        chart.set_legend({"none": True})
        chart.set_size({"width": 490, "height": 300})
        return chart

    def _absorption_charts(self, ws: Worksheet, row: int) -> int:
        charts = [c for c in (self._absorption_chart(ANGGARAN_SASARAN.key, "Penyerapan anggaran per sasaran"),
                              self._absorption_chart(ANGGARAN_PROGRAM.key, "Penyerapan anggaran per program"))
                  if c is not None]
        if charts:
            self._charts_rows(row, 300)
        for i, chart in enumerate(charts):
            self._insert(ws, row, chart, 300, x=510 * i)
        return row + (300 // ROW_PX + 2 if charts else 0)

    def _quarter_rows(self, n: int, q_n: int) -> list[int]:
        """The quarters (0-based, up to the reported one) an indicator's chart shows: those with a
        realisation to date; when none is reported yet, those with a target (the plan alone).
        Unreported quarters are left out rather than drawn as gaps that Calc would show as 0."""
        reported = [q for q in range(q_n) if self.ctx.value(PENGUKURAN_TW.key, f"r{q + 1}", n) != ""]
        if reported:
            return reported
        planned = [q for q in range(q_n) if self.ctx.value(PENGUKURAN_TW.key, f"t{q + 1}", n) != ""]
        return planned or list(range(q_n))

    def _quarter_charts(self, ws: Worksheet, row: int, blocks: list[tuple[int, int]]) -> int:
        n = len(blocks)
        shown = min(n, MAX_TW_CHARTS)
        self.skipped_tw = n - shown
        for k in range(shown):
            first, count = blocks[k]
            last = first + count - 1
            _, ind = self.ctx.rows.indikator[k]
            chart = self.wb.add_chart({"type": "line"})
            cats = _ref(CHART_SHEET, first, 2, last, 2)
            chart.add_series({"name": "Target s.d. TW", "categories": cats,
                              "values": _ref(CHART_SHEET, first, 3, last, 3),
                              "line": {"color": "#7F7F7F", "dash_type": "dash"},
                              "marker": {"type": "square"}})
            chart.add_series({"name": "Realisasi s.d. TW", "categories": cats,
                              "values": _ref(CHART_SHEET, first, 4, last, 4),
                              "line": {"color": "#2E75B6", "width": 2.25},
                              "marker": {"type": "circle"},
                              "data_labels": {"value": True,
                                              "num_format": LABEL_FORMATS["number"]}})
            name = f"{ind.kode} {ind.uraian}"
            chart.set_title({"name": name if len(name) <= 70 else name[:67] + "...",
                             "name_font": {"size": 10}})
            chart.set_legend({"position": "bottom"})
            chart.set_y_axis({"min": 0})  # from 0: a line from 86 to 91 must not look steep
            chart.set_size({"width": 490, "height": 260})
            chart.show_blanks_as("gap")
            if k % 2 == 0:
                self._charts_rows(row, 260)
            self._insert(ws, row, chart, 260, x=510 * (k % 2))
            if k % 2 == 1 or k == shown - 1:
                row += 260 // ROW_PX + 2
        if self.skipped_tw:
            ws.write_string(row, 0, f"Grafik triwulan ditampilkan untuk {shown} indikator "
                                    f"pertama dari {n}.", self.fm.note)
            self.pages.add(row)
            row += 1
        return row


__all__ = ["Charts", "MAX_TW_CHARTS", "SOURCES"]
