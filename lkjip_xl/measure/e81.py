"""The *Evaluasi Renja* sheet: Formulir E.81 as print-ready rows (schema/e81_form.py).

Rows in the form's order (`core.evaluasi.evaluasi_renja`): per sasaran its programmes, each
followed by its kegiatan and their sub-kegiatan, each owner's indicators one a row; support
programmes last. Every figure is a formula showing one cell of the computed Renja sheets (its
cached value theirs), so a changed input flows through, and verify writes the sheet again to
find a cell typed over. Landscape on the workbook's paper, two pages across with columns 1-4
repeated on both.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.worksheet import Worksheet

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.evaluasi import KEGIATAN, PROGRAM, SUB_KEGIATAN, PemilikRenja, evaluasi_renja
from lkjip_xl.measure.context import Ctx, Formats, escape_header
from lkjip_xl.measure.draf import MARK_ROW, header_title
from lkjip_xl.measure.evaluation_parts import analysis, sasaran_heading
from lkjip_xl.measure.styling import Capaian, evaluation_signatures
from lkjip_xl.schema import printing
from lkjip_xl.schema.e81_form import (
    E81_SHEET,
    FOOTER,
    LEADING,
    NOTE,
    PENDUKUNG,
    TEXTS,
    TRAILING,
    PairColumn,
    pairs,
)
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.schema.sheets import INDIKATOR_PROGRAM

LEAD_WIDTHS = (5, 10, 30, 28)
K_WIDTH, RP_WIDTH, PJ_WIDTH = 9, 14, 14
SCALE_ROOM = 0.92  # of the scale that fits a page exactly: room for LibreOffice's wider layout
HEADER_ROW = 6  # 0-based: the form's header (three rows: titles, K / Rp, numbers)
TINGKAT_TEXT = {PROGRAM: "Program", KEGIATAN: "Kegiatan", SUB_KEGIATAN: "Sub kegiatan"}


class E81:
    def __init__(self, wb: Any, ctx: Ctx, fm: Formats, capaian: Capaian) -> None:
        self.wb, self.ctx, self.fm, self.capaian = wb, ctx, fm, capaian
        self.pairs = pairs(ctx.dok.pengaturan.e81_kolom_12a)
        self.widths = (*LEAD_WIDTHS, *(w for _ in self.pairs for w in (K_WIDTH, RP_WIDTH)),
                       PJ_WIDTH)
        chains = ctx.rows.chains
        self._ip = {id(c[-1]): n for n, c in enumerate(chains[INDIKATOR_PROGRAM.key])}
        self._kg: dict[tuple[str, str | None], int] = {}
        for n, c in enumerate(chains[EVALUASI_KEGIATAN.mirror or ""]):
            self._kg.setdefault((c[1].kode, c[2].kode if len(c) > 2 else None), n)
        self._pg: dict[str, int] = {}
        for n, c in enumerate(chains[EVALUASI_PROGRAM.mirror or ""]):
            self._pg.setdefault(c[-1].kode, n)
        self.cut, self.scale = self._split()
        self.span = len(LEADING) + self.cut  # the columns of the first page

    def _split(self) -> tuple[int, int]:
        """Where the second page across starts (after the pair that halves the width) and the
        print scale at which either page, columns 1-4 included, fits the paper's width."""
        kertas = self.ctx.dok.pengaturan.kertas
        lead = [float(w) for w in self.widths[:len(LEADING)]]
        rest = [float(w) for w in self.widths[len(LEADING):]]
        best: tuple[float, int] = (float("inf"), 0)
        for cut in range(2, len(rest), 2):
            best = min(best, (max(sum(rest[:cut]), sum(rest[cut:])), cut))
        cut = best[1]
        scale = min(printing.print_scale(lead + rest[:cut], kertas=kertas),
                    printing.print_scale(lead + rest[cut:], kertas=kertas))
        # LibreOffice lays Calibri out a little wider than Excel (Carlito, docs/testing.md):
        # at the exact scale its own break fell one column before the planned one
        return cut, int(scale * SCALE_ROOM)

    # ------------------------------------------------------------ cells
    def _ref(self, ws: Worksheet, row: int, col: int, table: str, key: str, index: int | None,
             kind: str) -> None:
        fmt = self.fm.cell(kind)
        if index is None:
            ws.write_blank(row, col, None, fmt)
            return
        formula, value = self.ctx.ref(table, key, index, kind)
        ws.write_formula(row, col, "=" + formula, fmt, value)
        if kind == "number":
            self.fm.whole.add(ws, row, col, row)

    def _text(self, ws: Worksheet, row: int, col: int, formula: str, value: str) -> None:
        ws.write_formula(row, col, "=" + formula, self.fm.cell("text"), value)

    def _lines(self, col: int, text: Any) -> int:
        return printing.wrapped_lines(str(text), self.widths[col]) if text else 1

    # ------------------------------------------------------------ the sheet
    def sheet(self) -> Worksheet:
        ws = self.wb.add_worksheet(E81_SHEET)
        for c, w in enumerate(self.widths):
            ws.set_column(c, c, w)
        row = self._title(ws)
        row = self._header(ws, row)
        first_body = row
        ev = evaluasi_renja(self.ctx.dok)
        sasaran: str | None = "\0"  # none yet
        numbers = [0, 0, 0]
        for owner in ev.pemilik:
            if owner.kode_sasaran != sasaran:
                sasaran = owner.kode_sasaran
                row = self._sasaran(ws, row, sasaran)
            level = (PROGRAM, KEGIATAN, SUB_KEGIATAN).index(owner.tingkat)
            numbers[level] += 1
            numbers[level + 1:] = [0] * (2 - level)
            row = self._owner(ws, row, owner, ".".join(str(n) for n in numbers[:level + 1]))
        if not ev.pemilik:
            ws.merge_range(row, 0, row, self.span - 1, "(tidak ada program)",
                           self.fm.note)
            row += 1
        # under columns 1-4, which print on both pages across: the note whole on each
        ws.merge_range(row, 0, row, len(LEADING) - 1, NOTE, self.fm.incomplete)
        ws.set_row(row, printing.ROW_PT * printing.wrapped_lines(NOTE, sum(LEAD_WIDTHS) * 0.9))
        row = self._footer(ws, row + 2)
        end = self._signatures(ws, row + 1)
        self._page(ws, first_body, end)
        return ws

    def _title(self, ws: Worksheet) -> int:
        """The title block over the first page's figures: columns 1-4 print on both pages
        across, so a title merged over them would print cut on the second."""
        ctx, fm = self.ctx, self.fm
        lo, hi = len(LEADING), self.span - 1
        tahun = ctx.field_ref("tahun")
        lines = (
            (f'"EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH TAHUN "&{tahun}',
             f"EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH TAHUN {ctx.dok.tahun}", fm.title),
            (f'UPPER({ctx.field_ref("nama")})&""', ctx.dok.instansi.nama.upper(), fm.subtitle),
            (f'UPPER({ctx.field_ref("pemda")})&""', (ctx.dok.instansi.pemda or "").upper(),
             fm.subtitle),
        )
        for r, (formula, value, fmt) in enumerate(lines):
            ws.merge_range(r, lo, r, hi, "", fmt)
            ws.write_formula(r, lo, "=" + formula, fmt, value)
        roman = ROMAN[ctx.triwulan - 1]
        ws.merge_range(3, lo, 3, hi, f"Periode pelaksanaan: Triwulan I s.d. Triwulan {roman} "
                                     "(Formulir E.81, Permendagri 86/2017)", fm.subtitle)
        if ctx.draf is not None:
            ws.merge_range(MARK_ROW, lo, MARK_ROW, hi, ctx.draf.mark(), fm.draf)
        return HEADER_ROW

    def _header(self, ws: Worksheet, row: int) -> int:
        fm = self.fm
        t = self.ctx.dok.tahun
        akhir = self.ctx.dok.renstra.akhir if self.ctx.dok.renstra else "...."
        for c, (nomor, header, _en) in enumerate(LEADING):
            ws.merge_range(row, c, row + 1, c, header, fm.header)
            ws.write_string(row + 2, c, nomor, fm.header)
        c = len(LEADING)
        for p in self.pairs:
            ws.merge_range(row, c, row, c + 1, p.header.format(tahun=t, tahun_1=t - 1,
                                                                akhir=akhir), fm.header)
            ws.write_string(row + 1, c, "K", fm.header)
            ws.write_string(row + 1, c + 1, "Rp", fm.header)
            ws.merge_range(row + 2, c, row + 2, c + 1, p.label, fm.header)
            c += 2
        ws.merge_range(row, c, row + 1, c, TRAILING[1], fm.header)
        ws.write_string(row + 2, c, TRAILING[0], fm.header)
        ws.set_row(row, 75)
        ws.repeat_rows(row, row + 2)
        return row + 3

    def _sasaran(self, ws: Worksheet, row: int, kode: str | None) -> int:
        """A sasaran's heading row: its name and the RPJMD / RKPD sasaran it serves."""
        n = len(LEADING) - 1  # on both pages across
        fmt = self.fm.cell("text", bold=True)
        heading = sasaran_heading(self.ctx, kode)
        if heading is None:
            ws.merge_range(row, 0, row, n, PENDUKUNG, fmt)
            return row + 1
        formula, value = heading
        ws.merge_range(row, 0, row, n, "", fmt)
        ws.write_formula(row, 0, "=" + formula, fmt, value)
        ws.set_row(row, printing.ROW_PT * printing.wrapped_lines(value, sum(LEAD_WIDTHS) * 0.9))
        return row + 1

    def _owner(self, ws: Worksheet, row: int, owner: PemilikRenja, number: str) -> int:
        """An owner's rows: one per indicator (one without), its name and money on the first."""
        if owner.tingkat == PROGRAM:
            rp_table, rp_index = EVALUASI_PROGRAM.key, self._pg.get(owner.kode_program)
            code_col, name_col = "kode", "uraian"
        else:
            rp_table = EVALUASI_KEGIATAN.key
            rp_index = self._kg.get((owner.kode_kegiatan or "", owner.kode_sub))
            code_col = "kode_sub" if owner.tingkat == SUB_KEGIATAN else "kode_kegiatan"
            name_col = "uraian"
        bold = owner.tingkat == PROGRAM
        indicators = [self._ip.get(id(b.indikator)) for b in owner.indikator] or [None]
        for j, ip in enumerate(indicators):
            r = row + j
            lines = 1
            ws.write_string(r, 0, number if j == 0 else "", self.fm.cell("text", bold))
            if j == 0 and owner.tingkat == PROGRAM and owner.kode_sasaran is not None:
                self._ref(ws, r, 1, EVALUASI_PROGRAM.key, "kode_sasaran", rp_index, "text")
            else:
                ws.write_blank(r, 1, None, self.fm.cell("text"))
            if j == 0 and rp_index is not None:
                code = self.ctx.address(rp_table, code_col, rp_index)
                name = self.ctx.address(rp_table, name_col, rp_index)
                label = TINGKAT_TEXT[owner.tingkat]
                value = f"{label} {owner.kode} {self.ctx.value(rp_table, name_col, rp_index)}"
                ws.write_formula(r, 2, f'="{label} "&{code}&" "&{name}',
                                 self.fm.cell("text", bold), value)
                lines = self._lines(2, value)
            else:
                ws.write_blank(r, 2, None, self.fm.cell("text"))
            self._ref(ws, r, 3, EVALUASI_INDIKATOR.key, "uraian", ip, "text")
            if ip is not None:
                lines = max(lines, self._lines(3, self.ctx.value(EVALUASI_INDIKATOR.key,
                                                                 "uraian", ip)))
            c = len(LEADING)
            for p in self.pairs:
                self._pair(ws, r, c, p, ip, rp_table, rp_index if j == 0 else None)
                c += 2
            self._ref(ws, r, c, INDIKATOR_PROGRAM.key, "penanggung_jawab", ip, "text")
            if lines > 1:
                ws.set_row(r, printing.ROW_PT * lines)
        return row + len(indicators)

    def _pair(self, ws: Worksheet, row: int, c: int, p: PairColumn, ip: int | None,
              rp_table: str, rp_index: int | None) -> None:
        self._ref(ws, row, c, EVALUASI_INDIKATOR.key, p.k, ip, p.kind_k)
        if ip is not None and p.nomor == "12a":
            self.capaian.add(ws, row, c, row)
        self._ref(ws, row, c + 1, rp_table, p.rp, rp_index, p.kind_rp)

    def _footer(self, ws: Worksheet, row: int) -> int:
        """The footer: the averages and predicate (the Renja Kinerja sheet's summary cells),
        then the sasaran's analysis as the form's text lines; under the first page's figures
        (columns 1-4 print on both pages across)."""
        label_fmt = self.fm.cell("text", bold=True)
        lo = len(LEADING)
        span = lo + 3  # the label over two pairs, the value over one
        for key, label, kind in FOOTER:
            ws.merge_range(row, lo, row, span, label, label_fmt)
            formula, value = self.ctx.summary_ref(EVALUASI_INDIKATOR.sheet, key)
            ws.merge_range(row, span + 1, row, span + 2, "", self.fm.cell(kind))
            ws.write_formula(row, span + 1, "=" + formula, self.fm.cell(kind), value)
            row += 1
        last = self.span - 1
        for key, label in TEXTS:
            ws.merge_range(row, lo, row, span, label, label_fmt)
            formula, value = self._analysis(key, label)
            ws.merge_range(row, span + 1, row, last, "", self.fm.cell("text"))
            ws.write_formula(row, span + 1, "=" + formula, self.fm.cell("text"), value)
            lines = max(printing.wrapped_lines(label, sum(self.widths[lo:span + 1]) * 0.9),
                        printing.wrapped_lines(value, sum(self.widths[span + 1:self.span]) * 0.9))
            ws.set_row(row, printing.ROW_PT * lines)
            row += 1
        return row

    def _analysis(self, key: str, label: str) -> tuple[str, str]:
        """Every sasaran's analysis text of `key` ("S1: ..."), or a placeholder to fill."""
        return analysis(self.ctx, key, label)

    def _signatures(self, ws: Worksheet, row: int) -> int:
        """Kepala Bappeda on the left (Profil's `bappeda_*`, else the dotted lines), the head of
        the agency on the right (Profil), both under the first page's figures."""
        return evaluation_signatures(ws, row, self.widths[:self.span], len(LEADING), self.ctx,
                                     self.fm)

    def _page(self, ws: Worksheet, first_body: int, end: int) -> None:
        """Landscape on the workbook's paper, two pages across at one scale, columns 1-4 on both
        (the break after the pair that halves the width)."""
        kertas = self.ctx.dok.pengaturan.kertas
        ws.set_paper(printing.paper_code(kertas))
        ws.set_landscape()
        ws.set_print_scale(self.scale)
        ws.set_v_pagebreaks([self.span])
        ws.print_across()  # a page's right half follows it: the same rows, read side by side
        ws.repeat_columns(0, len(LEADING) - 1)
        ws.print_area(0, 0, end, len(self.widths) - 1)
        left, right, top, bottom = printing.REPORT_MARGINS
        ws.set_margins(left=left, right=right, top=top, bottom=bottom)
        agency = escape_header(f"{self.ctx.dok.instansi.nama} - {self.ctx.dok.tahun}")
        title = header_title(self.ctx.draf, "Evaluasi hasil Renja (E.81)")
        ws.set_header(f"&L&8{agency}&C&8{escape_header(title)}&R&8lkjip-xl")
        ws.set_footer("&C&8Halaman &P dari &N")
        ws.freeze_panes(first_body, len(LEADING))


__all__ = ["E81"]
