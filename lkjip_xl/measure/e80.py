"""The *Evaluasi Renstra* sheet: Formulir E.80 as print-ready rows (schema/e80_form.py).

Written only when the document has a Renstra period. Rows in the E.81's order
(`core.evaluasi_renstra.evaluasi_renstra`, the one source of the E.80's numbers): per sasaran its
programmes, each followed by its kegiatan and their sub-kegiatan, each owner's indicators one a
row (K), its money on its first row (Rp); support programmes last. Every figure is a live
formula whose cached value is the core's: targets and past realisations refer to the input
cells, this year's realisation and the K end target to the E.81's computed columns, a parent
without money of its own prints the sum of its children's rows, ratios are computed from the
form's own cells. Landscape on the workbook's paper, three pages across (targets, realisations,
ratios) with columns 1-4 repeated on each.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.core.evaluasi import KEGIATAN, PROGRAM, SUB_KEGIATAN
from lkjip_xl.core.evaluasi_renstra import BarisK80, EvaluasiRenstra, PemilikRenstra
from lkjip_xl.measure.context import Ctx, Formats, escape_header
from lkjip_xl.measure.draf import MARK_ROW, header_title
from lkjip_xl.measure.evaluation_parts import analysis, cached, sasaran_heading
from lkjip_xl.measure.styling import Capaian, evaluation_signatures
from lkjip_xl.schema import formulas as f
from lkjip_xl.schema import printing
from lkjip_xl.schema.e80_form import (
    E80_SHEET,
    FOOTER,
    K_END,
    K_NOW,
    K_PAST,
    K_TARGET,
    LEADING,
    NOTE,
    PENDUKUNG,
    POLARITAS,
    RP_KEGIATAN,
    RP_NOW,
    RP_PAST,
    RP_PROGRAM,
    RP_TARGET,
    TEXTS,
    TINGKAT_HEADER,
    FormE80,
    kind_k,
    kind_rp,
)
from lkjip_xl.schema.input_tables import PRIOR_YEARS, RENSTRA_SLOTS
from lkjip_xl.schema.renja_columns import KolomE80
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.schema.sheets import INDIKATOR_PROGRAM

LEAD_WIDTHS = (5, 10, 30, 28)
K_WIDTH, RP_WIDTH, PJ_WIDTH, MARK_WIDTH = 9, 14, 14, 12
AWAL_WIDTH = 12  # column 5 stands alone under a long header: "perencanaan" on one line
SCALE_ROOM = 0.92  # of the scale that fits a page exactly: room for LibreOffice's wider layout
HEADER_ROW = 6  # 0-based: the form's header (three rows: titles, K / Rp, numbers)
TINGKAT_TEXT = {PROGRAM: "Program", KEGIATAN: "Kegiatan", SUB_KEGIATAN: "Sub kegiatan"}


def _cell(row: int, col: int) -> str:
    """A cell of the form itself, absolute: each printed sum or ratio names its own cells, so
    the audit's pattern check sees no run of one relative formula across K and Rp columns
    (an Rp sum between two K references would read as a slip)."""
    return xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)


class _Plan:
    """Where each owner's rows go, decided before any is written: a parent's money sums its
    children's rows, which come after it."""

    def __init__(self, ev: EvaluasiRenstra, first: int) -> None:
        self.rows: list[int] = []  # each owner's first row
        self.headings: dict[int, str | None] = {}  # row -> sasaran code (None: support)
        self.numbers: list[str] = []
        self.children: list[list[int]] = [[] for _ in ev.pemilik]  # owner -> owners summed
        row = first
        sasaran: object = object()  # none yet
        numbers = [0, 0, 0]
        prog = keg = -1
        for n, owner in enumerate(ev.pemilik):
            if owner.renja.kode_sasaran != sasaran:
                sasaran = owner.renja.kode_sasaran
                self.headings[row] = owner.renja.kode_sasaran
                row += 1
            level = (PROGRAM, KEGIATAN, SUB_KEGIATAN).index(owner.tingkat)
            numbers[level] += 1
            numbers[level + 1:] = [0] * (2 - level)
            self.numbers.append(".".join(str(x) for x in numbers[:level + 1]))
            if owner.tingkat == PROGRAM:
                prog = n
            elif owner.tingkat == KEGIATAN:
                keg = n
                self.children[prog].append(n)
            else:
                self.children[keg].append(n)
            self.rows.append(row)
            row += max(1, len(owner.indikator))
        self.end = row  # the row after the body


class E80:
    def __init__(self, wb: Any, ctx: Ctx, fm: Formats, capaian: Capaian,
                 ev: EvaluasiRenstra) -> None:
        self.wb, self.ctx, self.fm, self.capaian, self.ev = wb, ctx, fm, capaian, ev
        self.form = FormE80(ev.awal, ev.akhir)
        self.kolom = self.form.kolom
        # each numbered column's K and Rp sheet column (Rp None for 5, K only)
        self.col: dict[tuple[str, str], int] = {}
        widths = list(LEAD_WIDTHS)
        for k in self.kolom:
            self.col[(k.nomor, "k")] = len(widths)
            widths.append(AWAL_WIDTH if k.k_saja else K_WIDTH)
            if not k.k_saja:
                self.col[(k.nomor, "rp")] = len(widths)
                widths.append(RP_WIDTH)
        self.pj = len(widths)
        widths.append(PJ_WIDTH)
        self.mark = len(widths)  # the working column of each owner's level (not printed)
        self.widths = (*widths, MARK_WIDTH)
        chains = ctx.rows.chains
        self._ip = {id(c[-1]): n for n, c in enumerate(chains[INDIKATOR_PROGRAM.key])}
        self._kg: dict[tuple[str, str | None], int] = {}
        for n, c in enumerate(chains[EVALUASI_KEGIATAN.mirror or ""]):
            self._kg.setdefault((c[1].kode, c[2].kode if len(c) > 2 else None), n)
        self._pg: dict[str, int] = {}
        for n, c in enumerate(chains[EVALUASI_PROGRAM.mirror or ""]):
            self._pg.setdefault(c[-1].kode, n)
        self.breaks, self.scale = self._split()
        self.heights: dict[int, float] = {}  # rows written taller than a default row

    # ------------------------------------------------------------ pages across
    def _split(self) -> tuple[list[int], int]:
        """A page across per group (5-6 with the targets, the realisations, the ratios and the
        responsible unit), each with columns 1-4, at the one scale at which all fit."""
        lead = len(LEADING)
        starts = [self.col[(ks[0].nomor, "k")] for g, ks in self.form.groups if g != "awal"]
        starts = starts[1:]  # the targets share the first page with 5 and 6
        bounds = [lead, *starts, self.pj + 1]
        kertas = self.ctx.dok.pengaturan.kertas
        lead_w = [float(w) for w in self.widths[:lead]]
        scale = min(printing.print_scale(lead_w + [float(w) for w in self.widths[a:b]],
                                         kertas=kertas)
                    for a, b in zip(bounds, bounds[1:]))
        return starts, int(scale * SCALE_ROOM)

    @property
    def span(self) -> int:
        """The columns of the first page across."""
        return self.breaks[0] if self.breaks else self.pj + 1

    # ------------------------------------------------------------ cells
    def _ref(self, ws: Worksheet, row: int, col: int, table: str, key: str, index: int | None,
             kind: str, value: Any = None) -> None:
        """A reference to one table cell; `value` (the core's) cached when given."""
        fmt = self.fm.cell(kind)
        if index is None:
            ws.write_blank(row, col, None, fmt)
            return
        formula, v = self.ctx.ref(table, key, index, kind)
        ws.write_formula(row, col, "=" + formula, fmt, v if value is None and kind == "text"
                         else cached(value))
        if kind == "number":
            self.fm.whole.add(ws, row, col, row)

    def _formula(self, ws: Worksheet, row: int, col: int, formula: str | None, kind: str,
                 value: Any) -> None:
        fmt = self.fm.cell(kind)
        if formula is None:
            ws.write_blank(row, col, None, fmt)
            return
        ws.write_formula(row, col, "=" + formula, fmt, cached(value))
        if kind == "number":
            self.fm.whole.add(ws, row, col, row)

    def _height(self, ws: Worksheet, row: int, pt: float) -> None:
        ws.set_row(row, pt)
        self.heights[row] = pt

    def _breaks(self, first_body: int, note: int, end: int) -> list[int]:
        """Every page break down the sheet planned (`printing.Pages`) at the sheet's scale, the
        form's header repeated atop each page, and the note, footer and signatures kept on one
        page: left to the program, the head of Bappeda's NIP printed a page below the name."""
        kertas = self.ctx.dok.pengaturan.kertas
        _, _, top, bottom = printing.REPORT_MARGINS
        body = ((printing.landscape_pt(kertas)[1] - (top + bottom) * 72
                 - printing.HEADER_FOOTER_PT) * printing.SAFETY)
        pages = printing.Pages(body * 100 / self.scale)
        for r in range(first_body):
            pages.add(r, self.heights.get(r, printing.ROW_PT))
        pages.repeat_pt = sum(self.heights.get(r, printing.ROW_PT) for r in
                              range(HEADER_ROW, first_body))
        for r in range(first_body, note):
            pages.add(r, self.heights.get(r, printing.ROW_PT))
        pages.keep(note, sum(self.heights.get(r, printing.ROW_PT) for r in range(note, end + 1)))
        return pages.breaks

    def _lines(self, col: int, text: Any) -> int:
        return printing.wrapped_lines(str(text), self.widths[col]) if text else 1

    # ------------------------------------------------------------ the sheet
    def sheet(self) -> Worksheet:
        ws = self.wb.add_worksheet(E80_SHEET)
        for c, w in enumerate(self.widths):
            ws.set_column(c, c, w)
        self._title(ws)
        first_body = self._header(ws, HEADER_ROW)
        plan = _Plan(self.ev, first_body)
        for row, kode in plan.headings.items():
            self._sasaran(ws, row, kode)
        for n, owner in enumerate(self.ev.pemilik):
            self._owner(ws, plan, n, owner)
        row = plan.end
        if not self.ev.pemilik:
            ws.merge_range(row, 0, row, len(LEADING) - 1, "(tidak ada program)", self.fm.note)
            row += 1
        last_body = row - 1
        ws.merge_range(row, 0, row, len(LEADING) - 1, NOTE, self.fm.incomplete)
        note = row
        self._height(ws, row, printing.ROW_PT * printing.wrapped_lines(NOTE,
                                                                      sum(LEAD_WIDTHS) * 0.9))
        row = self._footer(ws, row + 2, first_body, last_body)
        end = self._signatures(ws, row + 1)
        self._page(ws, first_body, end)
        ws.set_h_pagebreaks(self._breaks(first_body, note, end))
        return ws

    def _title(self, ws: Worksheet) -> None:
        """The title block over the first page's figures (columns 1-4 print on every page)."""
        ctx, fm = self.ctx, self.fm
        lo, hi = len(LEADING), self.span - 1
        awal, akhir = ctx.field_ref("renstra_awal"), ctx.field_ref("renstra_akhir")
        tahun = ctx.field_ref("tahun")
        lines = (
            ('"EVALUASI TERHADAP HASIL RENSTRA PERANGKAT DAERAH"',
             "EVALUASI TERHADAP HASIL RENSTRA PERANGKAT DAERAH", fm.title),
            (f'UPPER({ctx.field_ref("nama")})&""', ctx.dok.instansi.nama.upper(), fm.subtitle),
            (f'UPPER({ctx.field_ref("pemda")})&""', (ctx.dok.instansi.pemda or "").upper(),
             fm.subtitle),
            (f'"Periode Renstra "&{awal}&" - "&{akhir}&", dievaluasi s.d. tahun "&{tahun}'
             f'&" (Formulir E.80, Permendagri 86/2017)"',
             f"Periode Renstra {self.ev.awal} - {self.ev.akhir}, dievaluasi s.d. tahun "
             f"{self.ev.tahun} (Formulir E.80, Permendagri 86/2017)", fm.subtitle),
        )
        for r, (formula, value, fmt) in enumerate(lines):
            ws.merge_range(r, lo, r, hi, "", fmt)
            ws.write_formula(r, lo, "=" + formula, fmt, value)
        if ctx.draf is not None:
            ws.merge_range(MARK_ROW, lo, MARK_ROW, hi, ctx.draf.mark(), fm.draf)

    def _header(self, ws: Worksheet, row: int) -> int:
        fm = self.fm
        for c, (nomor, header, _en) in enumerate(LEADING):
            ws.merge_range(row, c, row + 1, c, header, fm.header)
            ws.write_string(row + 2, c, nomor, fm.header)
        for k in self.kolom:
            c = self.col[(k.nomor, "k")]
            if k.k_saja:
                ws.write_string(row, c, k.header, fm.header)
                ws.write_string(row + 1, c, "K", fm.header)
                ws.write_string(row + 2, c, k.nomor, fm.header)
                continue
            ws.merge_range(row, c, row, c + 1, k.header, fm.header)
            ws.write_string(row + 1, c, "K", fm.header)
            ws.write_string(row + 1, c + 1, "Rp", fm.header)
            ws.merge_range(row + 2, c, row + 2, c + 1, k.rumus or k.nomor, fm.header)
        nomor, header, _en = self.form.trailing
        ws.merge_range(row, self.pj, row + 1, self.pj, header, fm.header)
        ws.write_string(row + 2, self.pj, nomor, fm.header)
        ws.write_string(row + 2, self.mark, TINGKAT_HEADER, self.fm.note)
        self._height(ws, row, 75)
        ws.repeat_rows(row, row + 2)
        return row + 3

    def _sasaran(self, ws: Worksheet, row: int, kode: str | None) -> None:
        """A sasaran's heading row: its name and the RPJMD / RKPD sasaran it serves."""
        n = len(LEADING) - 1  # on every page across
        fmt = self.fm.cell("text", bold=True)
        heading = sasaran_heading(self.ctx, kode)
        if heading is None:
            ws.merge_range(row, 0, row, n, PENDUKUNG, fmt)
            return
        formula, value = heading
        ws.merge_range(row, 0, row, n, "", fmt)
        ws.write_formula(row, 0, "=" + formula, fmt, value)
        self._height(ws, row, printing.ROW_PT * printing.wrapped_lines(value,
                                                                      sum(LEAD_WIDTHS) * 0.9))

    def _money_row(self, owner: PemilikRenstra) -> tuple[str, str, int | None]:
        """(input table, computed table, row) of the owner's money."""
        r = owner.renja
        if owner.tingkat == PROGRAM:
            return (*RP_PROGRAM, self._pg.get(r.kode_program))
        return (*RP_KEGIATAN, self._kg.get((r.kode_kegiatan or "", r.kode_sub)))

    def _owner(self, ws: Worksheet, plan: _Plan, n: int, owner: PemilikRenstra) -> None:
        """An owner's rows: one per indicator (one without), its name and money on the first."""
        row = plan.rows[n]
        source, computed, index = self._money_row(owner)
        bold = owner.tingkat == PROGRAM
        indicators: list[BarisK80 | None] = [*owner.indikator] or [None]
        for j, b in enumerate(indicators):
            r = row + j
            lines = 1
            ws.write_string(r, 0, plan.numbers[n] if j == 0 else "", self.fm.cell("text", bold))
            if j == 0 and owner.tingkat == PROGRAM and owner.renja.kode_sasaran is not None:
                self._ref(ws, r, 1, EVALUASI_PROGRAM.key, "kode_sasaran", index, "text")
            else:
                ws.write_blank(r, 1, None, self.fm.cell("text"))
            if j == 0 and index is not None:
                code_col = ("kode" if owner.tingkat == PROGRAM else
                            "kode_sub" if owner.tingkat == SUB_KEGIATAN else "kode_kegiatan")
                code = self.ctx.address(computed, code_col, index)
                name = self.ctx.address(computed, "uraian", index)
                label = TINGKAT_TEXT[owner.tingkat]
                value = f"{label} {owner.kode} {self.ctx.value(computed, 'uraian', index)}"
                ws.write_formula(r, 2, f'="{label} "&{code}&" "&{name}',
                                 self.fm.cell("text", bold), value)
                lines = self._lines(2, value)
            else:
                ws.write_blank(r, 2, None, self.fm.cell("text"))
            ip = None if b is None else self._ip.get(id(b.indikator))
            self._ref(ws, r, 3, EVALUASI_INDIKATOR.key, "uraian", ip, "text")
            if ip is not None:
                lines = max(lines, self._lines(3, self.ctx.value(EVALUASI_INDIKATOR.key,
                                                                 "uraian", ip)))
            for k in self.kolom:
                self._k(ws, r, k, ip, b.e80 if b is not None else None)
                if not k.k_saja:
                    if j == 0 and index is not None:
                        self._rp(ws, r, k, plan, n, owner, source, computed, index)
                    else:
                        ws.write_blank(r, self.col[(k.nomor, "rp")], None,
                                       self.fm.cell(kind_rp(k)))
            self._ref(ws, r, self.pj, INDIKATOR_PROGRAM.key, "penanggung_jawab", ip, "text")
            if j == 0:
                ws.write_string(r, self.mark, TINGKAT_TEXT[owner.tingkat])
            if lines > 1:
                self._height(ws, r, printing.ROW_PT * lines)

    def _back(self, tahun: int) -> int | None:
        """N-k of a year before this one when the input sheets hold it, else None."""
        back = self.ev.tahun - tahun
        return back if 1 <= back <= PRIOR_YEARS else None

    def _slot(self, k: KolomE80) -> int | None:
        return k.ke if k.ke <= RENSTRA_SLOTS else None

    def _k(self, ws: Worksheet, r: int, k: KolomE80, ip: int | None, baris: Any) -> None:
        c, kind = self.col[(k.nomor, "k")], kind_k(k)
        value = k.of(baris, "k")
        if ip is None:
            ws.write_blank(r, c, None, self.fm.cell(kind))
            return
        ref: tuple[str, str] | None = None
        if k.grup == "awal":
            back = self._back(self.ev.awal - 1)
            ref = None if back is None else (K_PAST[0], K_PAST[1].format(back=back))
        elif k.grup == "akhir":
            ref = K_END
        elif k.grup == "target":
            slot = self._slot(k)
            ref = None if slot is None else (K_TARGET[0], K_TARGET[1].format(slot=slot))
        elif k.grup == "realisasi":
            if k.tahun == self.ev.tahun:
                ref = K_NOW
            else:
                back = self._back(k.tahun)
                ref = None if back is None else (K_PAST[0], K_PAST[1].format(back=back))
        else:  # rasio: the indicator's achievement from the form's own two cells
            if k.tahun > self.ev.tahun:
                self._formula(ws, r, c, None, kind, None)
                return
            t = _cell(r, self.col[(self._of("target", k.ke), "k")])
            real = _cell(r, self.col[(self._of("realisasi", k.ke), "k")])
            pol = self.ctx.address(POLARITAS[0], POLARITAS[1], ip)
            formula = f'IF({pol}="rentang","",{f.capaian(t, real, pol, chr(34) * 2, chr(34) * 2)})'
            self._formula(ws, r, c, formula, kind, value)
            self.capaian.add(ws, r, c, r)
            return
        if ref is None:
            self._formula(ws, r, c, None, kind, None)
        else:
            self._ref(ws, r, c, ref[0], ref[1], ip, kind, value)

    def _of(self, grup: str, ke: int) -> str:
        return next(x.nomor for x in self.kolom if x.grup == grup and x.ke == ke)

    def _rp(self, ws: Worksheet, r: int, k: KolomE80, plan: _Plan, n: int,
            owner: PemilikRenstra, source: str, computed: str, index: int) -> None:
        c, kind = self.col[(k.nomor, "rp")], kind_rp(k)
        value = k.of(owner.rp, "rp")
        if k.grup == "akhir":  # the period's funding: the sum of the row's yearly pagu
            cells = [_cell(r, self.col[(x.nomor, "rp")]) for x in self.kolom
                     if x.grup == "target"]
            self._formula(ws, r, c, self._sum(cells), kind, value)
            return
        if k.grup == "rasio":
            if k.tahun > self.ev.tahun:
                self._formula(ws, r, c, None, kind, None)
                return
            t = _cell(r, self.col[(self._of("target", k.ke), "rp")])
            real = _cell(r, self.col[(self._of("realisasi", k.ke), "rp")])
            self._formula(ws, r, c, f.penyerapan(t, real), kind, value)
            return
        if k.grup == "realisasi" and k.tahun > self.ev.tahun:
            self._formula(ws, r, c, None, kind, None)
            return
        if not owner.rp_sendiri:  # each year the sum of its children's rows in the form
            cells = [_cell(plan.rows[m], c) for m in plan.children[n]]
            self._formula(ws, r, c, self._sum(cells) if cells else None, kind, value)
            return
        if k.grup == "target":
            slot = self._slot(k)
            if slot is None:
                self._formula(ws, r, c, None, kind, None)
            else:
                self._ref(ws, r, c, source, RP_TARGET.format(slot=slot), index, kind, value)
        elif k.tahun == self.ev.tahun:
            self._ref(ws, r, c, computed, RP_NOW, index, kind, value)
        else:
            back = self._back(k.tahun)
            if back is None:
                self._formula(ws, r, c, None, kind, None)
            else:
                self._ref(ws, r, c, source, RP_PAST.format(back=back), index, kind, value)

    @staticmethod
    def _sum(cells: list[str]) -> str:
        """`jumlah`: the sum of the figures held, empty when none is."""
        joined = ",".join(cells)
        return f'IF(COUNT({joined})=0,"",SUM({joined}))'

    # ------------------------------------------------------------ footer and signatures
    def _footer(self, ws: Worksheet, row: int, first: int, last: int) -> int:
        """The period's mean ratio (capped as the E.81's mean), its predicate, the programmes'
        absorption, then the sasaran's analysis; under the first page's figures."""
        label_fmt = self.fm.cell("text", bold=True)
        lo = len(LEADING)
        span = lo + 3
        mean_cell = _cell(row, span + 1)
        ring = self.ev.ringkasan
        formulas = {
            "rata_rata_rasio": (self._mean(first, last), ring.rata_rata_rasio),
            "predikat": (f.predikat(mean_cell), ring.predikat),
            "penyerapan": (self._absorption(first, last), ring.penyerapan),
        }
        for key, label, kind in FOOTER:
            formula, value = formulas[key]
            ws.merge_range(row, lo, row, span, label, label_fmt)
            ws.merge_range(row, span + 1, row, span + 2, "", self.fm.cell(kind))
            ws.write_formula(row, span + 1, "=" + formula, self.fm.cell(kind), cached(value))
            row += 1
        last_col = self.span - 1
        for key, label in TEXTS:
            ws.merge_range(row, lo, row, span, label, label_fmt)
            formula, value = analysis(self.ctx, key, label)
            ws.merge_range(row, span + 1, row, last_col, "", self.fm.cell("text"))
            ws.write_formula(row, span + 1, "=" + formula, self.fm.cell("text"), value)
            lines = max(printing.wrapped_lines(label, sum(self.widths[lo:span + 1]) * 0.9),
                        printing.wrapped_lines(value, sum(self.widths[span + 1:self.span]) * 0.9))
            self._height(ws, row, printing.ROW_PT * lines)
            row += 1
        return row

    def _column(self, nomor: str, side: str, first: int, last: int) -> str:
        letter = xl_col_to_name(self.col[(nomor, side)])
        return f"${letter}${first + 1}:${letter}${last + 1}"

    def _mean(self, first: int, last: int) -> str:
        """The mean of every K ratio of the form, each capped by BatasCapaian when one is set
        (`capaian_dipakai`): the values at most the cap, plus the cap for each above it."""
        ranges = [self._column(k.nomor, "k", first, last) for k in self.kolom
                  if k.grup == "rasio"]
        count = f"COUNT({','.join(ranges)})"
        capped = ("(" + "+".join(f'SUMIF({x},"<="&BatasCapaian)' for x in ranges)
                  + "+BatasCapaian*(" + "+".join(f'COUNTIF({x},">"&BatasCapaian)'
                                                 for x in ranges) + "))")
        uncapped = f"SUM({','.join(ranges)})"
        return (f'IF({count}=0,"",IF(ISNUMBER(BatasCapaian),{capped},{uncapped})/{count})')

    def _absorption(self, first: int, last: int) -> str:
        """The programmes' spending of the Renstra years up to this one over their funding,
        only the years a programme holds both (weighted by money, never a mean of %)."""
        mark = f"(${xl_col_to_name(self.mark)}${first + 1}:${xl_col_to_name(self.mark)}" \
               f"${last + 1}=\"Program\")"
        t_parts, r_parts, n_parts = [], [], []
        for k in self.kolom:
            if k.grup != "target" or k.tahun > self.ev.tahun:
                continue
            t = self._column(k.nomor, "rp", first, last)
            real = self._column(self._of("realisasi", k.ke), "rp", first, last)
            both = f"{mark}*ISNUMBER({t})*ISNUMBER({real})"
            n_parts.append(f"SUMPRODUCT({both})")
            t_parts.append(f"SUMPRODUCT({both},{t})")
            r_parts.append(f"SUMPRODUCT({both},{real})")
        if not n_parts:
            return '""'
        total, spent = f"({'+'.join(t_parts)})", f"({'+'.join(r_parts)})"
        return f'IF(({"+".join(n_parts)})=0,"",{f.penyerapan(total, spent)})'

    def _signatures(self, ws: Worksheet, row: int) -> int:
        """Kepala Bappeda on the left (Profil, or the dotted line to sign by hand), the head of
        the agency on the right (Profil), both on the first page across."""
        return evaluation_signatures(ws, row, self.widths[:self.span], len(LEADING), self.ctx,
                                     self.fm)

    def _page(self, ws: Worksheet, first_body: int, end: int) -> None:
        kertas = self.ctx.dok.pengaturan.kertas
        ws.set_paper(printing.paper_code(kertas))
        ws.set_landscape()
        ws.set_print_scale(self.scale)
        ws.set_v_pagebreaks(self.breaks)
        ws.print_across()
        ws.repeat_columns(0, len(LEADING) - 1)
        ws.print_area(0, 0, end, self.pj)  # the working column after it never prints
        left, right, top, bottom = printing.REPORT_MARGINS
        ws.set_margins(left=left, right=right, top=top, bottom=bottom)
        agency = escape_header(f"{self.ctx.dok.instansi.nama} - {self.ctx.dok.tahun}")
        title = header_title(self.ctx.draf, "Evaluasi hasil Renstra (E.80)")
        ws.set_header(f"&L&8{agency}&C&8{escape_header(title)}&R&8lkjip-xl")
        ws.set_footer("&C&8Halaman &P dari &N")
        ws.freeze_panes(first_body, len(LEADING))


__all__ = ["E80"]
