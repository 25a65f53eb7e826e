"""The LKjIP document (PermenPANRB 53/2014) from one measured workbook, with python-docx.

Every table cell is a value of the layout's own tables (`measure.context.Ctx`, the same values the
measured workbook caches), walked through the Bab III declarations of `layout.report_tables`: the
document is a third view of one computation. Sentences that only restate numbers are generated;
what only staff can write (analysis, Bab I facts, Bab IV) is a visible placeholder until the
workbook has a place for it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.evaluasi_renstra import evaluasi_renstra
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.measurement import Pengukuran
from lkjip_xl.core.model import Dokumen, Pengaturan
from lkjip_xl.laporan import docx_parts as dx
from lkjip_xl.laporan import grafik
from lkjip_xl.laporan.angka import angka
from lkjip_xl.laporan.ikhtisar import ikhtisar_sentences
from lkjip_xl.laporan.incomplete import budget_sentence
from lkjip_xl.laporan.package import pack, save_with_tables
from lkjip_xl.laporan.renja import e81_lampiran, item7_table
from lkjip_xl.laporan.renstra import e80_lampiran
from lkjip_xl.laporan.table_xml import Cell, grouped, table_xml
from lkjip_xl.measure.context import Ctx
from lkjip_xl.measure.styling import place_of, position_lines
from lkjip_xl.schema.report_tables import (
    JUMLAH_LABEL,
    KINERJA_SHEET,
    METODE_TEXT,
    PENDUKUNG_LABEL,
    REPORT_TABLES,
    TOTAL_LABEL,
    ReportColumn,
    ReportTable,
)
from lkjip_xl.schema.sheets import ANALISIS, ANGGARAN_SASARAN, PENGUKURAN, PK

PLACEHOLDER_COLOR = RGBColor(0xC0, 0x00, 0x00)
DRAF_TEXT = "DRAF: belum lolos verifikasi lkjip-xl ({n} temuan terbuka)"
# Bab III A: the per-sasaran tables follow each other for one sasaran (Tables 3.2-3.6 for S1 in
# the seed), then the next sasaran; tables listing every sasaran come before and after.
FIRST = ("capaian",)
NUMBER_KINDS = ("number", "money", "percent", "points", "int")
# how the document heads each analysis column of the Sasaran sheet, and what its placeholder asks
_ANALISIS_TEXT = {
    "pendorong": ("Faktor pendorong", "analisis penyebab keberhasilan (faktor pendorong)"),
    "penghambat": ("Faktor penghambat", "faktor penghambat"),
    "upaya": ("Upaya / solusi", "upaya / solusi yang telah dan akan dilakukan"),
    "program_penunjang": ("Program dan kegiatan penunjang",
                          "program dan kegiatan yang menunjang keberhasilan atau kegagalan"),
}


def _tbl(key: str) -> ReportTable:
    return next(t for t in REPORT_TABLES if t.key == key)


@dataclass
class Laporan:
    dok: Dokumen
    p: Pengukuran
    open_findings: list[Finding] = field(default_factory=list)  # verify's errors: DRAF
    template: str | None = None
    charts: bool = True
    kertas: str | None = None  # None: the workbook's paper setting
    captions: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)  # "what (where)", as the CLI lists them
    tick: Callable[[], None] | None = None  # called once per part of the document (PARTS)

    PARTS: ClassVar[int] = 5

    def __post_init__(self) -> None:
        self.ctx = Ctx(self.dok, self.p)
        self.renja = evaluasi_renja(self.dok)  # item 7 and the E.81 lampiran: its numbers
        self.doc: Any = Document(self.template) if self.template else Document()
        if self.template:
            dx.clear_body(self.doc)
        self.grid_style = "Table Grid" if dx.has_style(self.doc, "Table Grid") else None
        # blocks go before the body's last sectPr (the current section's), placed directly:
        # python-docx's add_paragraph/add_table find it by scanning the whole body each time
        self._tail = self.doc.element.body.get_or_add_sectPr()
        self._style_ids: dict[str, str | None] = {}
        self._tables: list[bytes] = []  # packed table XML, in body order (package.py)
        self._table_style = (self.doc.part.get_style_id(self.grid_style, WD_STYLE_TYPE.TABLE)
                             if self.grid_style else None)
        self.kertas = self.kertas or self.dok.pengaturan.kertas
        # a template keeps its own margins (its kop is placed for them); the paper is the setting's
        dx.set_page(self.doc.sections[0], self.kertas, False, margins=not self.template)
        self.numbers: dict[str, int] = {}
        self.headings: list[tuple[int, str]] = []
        self.toc: list[tuple[str, Any]] = []  # (heading, its paragraph in the daftar isi)

    # ------------------------------------------------------------ text helpers
    def _years(self, text: str, sasaran: str = "") -> str:
        t = self.dok.tahun
        return text.format(tahun=t, tahun_1=t - 1, tahun_2=t - 2, sasaran=sasaran)

    def _p(self, text: str = "", style: str | None = None) -> Any:
        """A new paragraph at the end of the body, as `Document.add_paragraph` makes it."""
        el = OxmlElement("w:p")
        self._tail.addprevious(el)
        p = Paragraph(el, self.doc._body)
        if text:
            p.add_run(text)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.part.get_style_id(style,
                                                                    WD_STYLE_TYPE.PARAGRAPH)
            el.style = self._style_ids[style]
        return p

    def heading(self, text: str, level: int = 1) -> None:
        self.headings.append((level, text))
        self._p(text, f"Heading {level}")

    def para(self, text: str, *, bold: bool = False, center: bool = False, size: float = 0) -> Any:
        p = self._p()
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def isi(self, what: str, where: str) -> None:
        """A visible placeholder: what to write and where; never invented text."""
        self.isi_run(self._p(), what, where)

    def isi_run(self, p: Any, what: str, where: str) -> None:
        """The placeholder as a run at the end of paragraph `p` (a signature's column)."""
        self.placeholders.append(f"{what} {where}")
        run = p.add_run(f"[Isi: {what} {where}]")
        run.italic = True
        run.font.color.rgb = PLACEHOLDER_COLOR

    def caption(self, chapter: str, title: str) -> None:
        """"Tabel 3.1" and its title above the table, as the seed prints them."""
        n = self.numbers[chapter] = self.numbers.get(chapter, 0) + 1
        label = f"Tabel {chapter}.{n}"
        self.captions.append(f"{label}  {title}")
        p = self._p()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        r = p.add_run(label)
        r.bold = True
        r.add_break()
        p.add_run(title).bold = True

    def page_break(self) -> None:
        self._p().add_run().add_break(WD_BREAK.PAGE)

    # ------------------------------------------------------------ tables
    def _value(self, col: ReportColumn, index: int) -> str:
        v = self.ctx.value(col.table.key, col.key, index)
        return angka(v, col.kind) if col.kind in NUMBER_KINDS else str(v)

    def report_table(self, table: ReportTable, indices: list[int], sasaran: str = "") -> None:
        self.caption("3", self._years(table.title, sasaran))
        rows: list[list[Cell]] = []
        for s_index, members in self.ctx.groups(indices):
            group: list[list[Cell]] = [[] for _ in members]
            for col in table.columns:
                right = col.kind in NUMBER_KINDS
                if col.per_sasaran:
                    cells = grouped(self._value(col, s_index), len(members))
                    cells[0].right = right
                else:
                    cells = [Cell(self._value(col, n), right=right) for n in members]
                for row, cell in zip(group, cells):
                    row.append(cell)
            rows.extend(group)
        self._table([self._years(c.header) for c in table.columns], rows,
                    [c.kind for c in table.columns])
        if not indices:
            self.para("(tidak ada indikator)")
        if table.note:
            metode = self.dok.pengaturan.metode_efisiensi or Pengaturan.metode_efisiensi
            self.para(table.note.format(metode=METODE_TEXT.get(metode, metode)), size=8)
        if table.marks_incomplete and self.ctx.incomplete_note:
            self.para(self.ctx.incomplete_note, bold=True, size=9)
        self._p()

    def anggaran_table(self, table: ReportTable) -> None:
        """Table 3.14: kegiatan per sasaran, support programmes apart, subtotals, agency total."""
        self.caption("3", self._years(table.title))
        sas_col, _ind, keg_col, *money = table.columns
        rows: list[list[Cell]] = []
        for kode, members in self.ctx.kegiatan_groups():
            s_index = self.ctx.sasaran_index(kode) if kode is not None else None
            if s_index is not None:
                names = "; ".join(str(self.ctx.value(PENGUKURAN.key, "uraian", n))
                                  for n in self.ctx.indikator_rows(kode))
                label = self._value(sas_col, s_index)
            else:
                names, label = "", PENDUKUNG_LABEL if kode is None else str(kode)
            for a, b, n in zip(grouped(label, len(members)), grouped(names, len(members)),
                               members):
                rows.append([a, b, Cell(self._value(keg_col, n))]
                            + [Cell(self._value(col, n), right=True) for col in money])
            if s_index is not None:
                vals = [self.ctx.value(ANGGARAN_SASARAN.key, k, s_index) for k in ("anggaran", "realisasi",
                                                                    "penyerapan")]
                rows.append(self._subtotal(f"{JUMLAH_LABEL} {kode}", vals))
            elif kode is None:
                pd = self.p.pendukung
                rows.append(self._subtotal(f"{JUMLAH_LABEL} program pendukung",
                                           [pd.anggaran, pd.realisasi_anggaran, pd.penyerapan]))
        tot = self.p.total
        rows.append(self._subtotal(TOTAL_LABEL, [tot.anggaran, tot.realisasi_anggaran,
                                                 tot.penyerapan]))
        self._table([self._years(c.header) for c in table.columns], rows,
                    [c.kind for c in table.columns])
        self._p()

    def _table(self, headers: list[str], rows: list[list[Cell]], kinds: list[str],
               size_half_points: int = 18, need_pt: list[float] | None = None) -> None:
        """The table written out at once, as wide as the current section's text."""
        s: Any = Section(self._tail, self.doc.part)  # the body's last sectPr: the current section
        self._tables.append(pack(table_xml(
            headers, rows, kinds, self._table_style,
            s.page_width - s.left_margin - s.right_margin,
            s.page_height - s.top_margin - s.bottom_margin, size_half_points, need_pt)))
        self._tail.addprevious(OxmlElement("w:tbl"))  # its mark (package.py)

    def current_width(self) -> int:
        """The current section's text width (EMU)."""
        s: Any = Section(self._tail, self.doc.part)
        return int(s.page_width - s.left_margin - s.right_margin)

    def table(self, headers: list[str], rows: list[list[Cell]], kinds: list[str],
              size_half_points: int = 18, need_pt: list[float] | None = None) -> None:
        """A table of rows built elsewhere (laporan/renja.py), written as every table is."""
        self._table(headers, rows, kinds, size_half_points, need_pt)

    def save(self, target: Any) -> None:
        """The built document, its tables streamed in (a path or a binary stream)."""
        save_with_tables(self.doc, self._tables, target)

    @staticmethod
    def _subtotal(label: str, values: list[Any]) -> list[Cell]:
        return [Cell(label, bold=True, span=3)] + [
            Cell(angka(v, kind), bold=True, right=True)
            for v, kind in zip(values, ("money", "money", "percent"))]

    def simple_table(self, chapter: str, title: str, headers: list[str],
                     rows: list[list[tuple[Any, str]]]) -> None:
        self.caption(chapter, title)
        cells = [[Cell(angka(v, kind), right=True) if kind in NUMBER_KINDS
                  else Cell("" if v is None else str(v)) for v, kind in values]
                 for values in rows]
        self._table(headers, cells,
                    [kind for _v, kind in rows[0]] if rows else ["text"] * len(headers))
        self._p()

    def picture(self, png: bytes, title: str) -> None:
        n = self.numbers["grafik"] = self.numbers.get("grafik", 0) + 1
        p = self._p()
        p.add_run().add_picture(io.BytesIO(png), width=Cm(16))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True  # its caption below
        self.para(f"Grafik 3.{n}  {title}", bold=True, center=True)

    # ------------------------------------------------------------ the document
    def build(self) -> Laporan:
        """Lay the document out; `save` writes it (the tables are streamed in only there, so
        `self.doc` alone lacks them)."""
        self._page_furniture()
        self.cover()
        if self.open_findings:
            self.draf_list()
        self.kata_pengantar()
        self.ikhtisar()
        self.daftar_isi()
        tick = self.tick or (lambda: None)
        tick()
        self.bab1()
        self.bab2()
        tick()
        self._section(landscape=True)
        self.bab3()
        tick()
        self._section(landscape=False)
        self.bab4()
        tick()
        self._section(landscape=True)
        self.lampiran()
        tick()
        self._fill_toc()
        dx.update_fields_on_open(self.doc)
        dx.drop_styles_with_effects(self.doc)
        return self

    def _section(self, landscape: bool) -> None:
        dx.new_section(self.doc, landscape, self.kertas, margins=not self.template)

    def toc_pages(self, pages: list[int | None]) -> None:
        """Page numbers into the listed table of contents (found in a first PDF), right-aligned
        behind a dotted leader, as Word would print them."""
        s = self.doc.sections[0]
        right = s.page_width - s.left_margin - s.right_margin
        for (_text, p), page in zip(self.toc, pages):
            if page is None:
                continue
            p.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)
            p.add_run(f"\t{page}")

    def _page_furniture(self) -> None:
        """Page numbers in every footer but the cover's (the first section's first page has a
        header and footer of its own, empty but for DRAF); DRAF in every header of a document
        with open errors. Later sections link to these (python-docx's default)."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        if self.open_findings:
            for header in (section.header, section.first_page_header):
                hp = header.add_paragraph() if header.paragraphs[0].text else \
                    header.paragraphs[0]
                hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = hp.add_run(DRAF_TEXT.format(n=len(self.open_findings)))
                run.bold = True
                run.font.size = Pt(14)
                run.font.color.rgb = PLACEHOLDER_COLOR
        fp = section.footer.add_paragraph()
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp.add_run("Halaman ")
        dx.add_field(fp, "PAGE", "1")

    def cover(self) -> None:
        i = self.dok.instansi
        for _ in range(6):
            self._p()
        self.para("LAPORAN KINERJA INSTANSI PEMERINTAH", bold=True, center=True, size=18)
        self.para(f"(LKjIP) TAHUN {self.dok.tahun}", bold=True, center=True, size=18)
        self._p()
        self.para((i.nama or "").upper(), bold=True, center=True, size=14)
        if i.pemda:
            self.para(i.pemda.upper(), bold=True, center=True, size=14)
        self.page_break()

    def draf_list(self) -> None:
        self.heading("Temuan verifikasi yang masih terbuka", 1)
        self.para("Dokumen ini DRAF: workbook sumbernya belum lolos pemeriksaan lkjip-xl verify. "
                  "Perbaiki temuan berikut di workbook, lalu buat laporan lagi.")
        bullet = "List Bullet" if dx.has_style(self.doc, "List Bullet") else None
        for f in self.open_findings:
            where = f"{f.location}: " if f.location else ""
            self._p(f"{where}{f.message('id')} ({f.code})", bullet)
        self.page_break()

    def text_or_isi(self, text: str | None, what: str, where: str) -> None:
        """The staff's own text, paragraph by paragraph, or a placeholder saying where it goes."""
        if not text:
            self.isi(what, where)
            return
        for par in text.split("\n"):
            if par.strip():
                self.para(par.strip())

    def kata_pengantar(self) -> None:
        self.heading("KATA PENGANTAR", 1)
        self.text_or_isi(self.dok.narasi.kata_pengantar, "kata pengantar kepala instansi",
                         "(sheet Narasi, Kata pengantar)")
        self._signature()
        self.page_break()

    def _signature(self) -> None:
        """The seed's signature block: place and date (the date written by hand when signed),
        the position naming the agency once and the local government (`position_lines`), name,
        rank, NIP."""
        k = self.dok.instansi.kepala
        self._p()
        self.para(f"{place_of(self.dok.instansi.pemda)}, ........................ "
                  f"{self.dok.tahun + 1}", center=True)
        for text in position_lines(k.jabatan, self.dok.instansi.nama, self.dok.instansi.pemda):
            self.para(text, center=True)
        for _ in range(3):
            self._p()
        self.para(k.nama or "", bold=True, center=True)
        if k.pangkat:
            self.para(k.pangkat, center=True)
        if k.nip:
            self.para(f"NIP. {k.nip}", center=True)

    def ikhtisar(self) -> None:
        self.heading("IKHTISAR EKSEKUTIF", 1)
        for sentence in ikhtisar_sentences(self.dok, self.p):
            self.para(sentence)
        self.page_break()

    def daftar_isi(self) -> None:
        self.heading("DAFTAR ISI", 1)
        # the headings are listed once the document is built (`_fill_toc`); Word renumbers
        # the pages when it opens the file (updateFields), LibreOffice via Tools > Update
        self._toc_end = self._p()
        self.page_break()

    def _fill_toc(self) -> None:
        self.toc = [(text, self._toc_end.insert_paragraph_before(text))
                    for lvl, text in self.headings if lvl <= 2]
        paras = [p for _t, p in self.toc]
        for (lvl, _t), p in zip([h for h in self.headings if h[0] <= 2], paras):
            p.paragraph_format.left_indent = Cm(0.8 * (lvl - 1))
            p.paragraph_format.space_after = Pt(2)
        dx.field_around(paras[0] if paras else self._toc_end, self._toc_end,
                        'TOC \\o "1-2" \\h \\z \\u')

    def bab1(self) -> None:
        i = self.dok.instansi
        self.heading("BAB I PENDAHULUAN", 1)
        self.heading("A. Profil", 2)
        nama = i.nama or "[nama instansi]"
        self.para(f"{nama}{', ' + i.pemda if i.pemda else ''} menyusun Laporan Kinerja Instansi "
                  f"Pemerintah tahun {self.dok.tahun} sesuai Peraturan Menteri PANRB Nomor 53 "
                  "Tahun 2014.")
        n = self.dok.narasi
        for sub, text, what, label in (
                ("B. Tugas dan Fungsi", n.tugas_fungsi, "tugas dan fungsi instansi",
                 "Tugas dan fungsi"),
                ("C. Struktur Organisasi", n.struktur_organisasi, "struktur organisasi",
                 "Struktur organisasi")):
            self.heading(sub, 2)
            self.text_or_isi(text, what, f"(sheet Narasi, {label})")
        self.heading("D. Sumber Daya Manusia", 2)
        self.sdm()
        self.heading("E. Isu Strategis", 2)
        self.text_or_isi(n.isu_strategis, "isu strategis yang dihadapi instansi",
                         "(sheet Narasi, Isu strategis)")

    def sdm(self) -> None:
        """Employees by golongan and by education, one table each, with their totals."""
        if not self.dok.sdm:
            self.isi("jumlah pegawai menurut golongan dan menurut pendidikan",
                     "(sheet Narasi, tabel SDM)")
            return
        for kelompok, title in (("golongan", "Pegawai menurut golongan"),
                                ("pendidikan", "Pegawai menurut pendidikan")):
            rows = [b for b in self.dok.sdm if b.kelompok == kelompok]
            if not rows:
                continue
            total = sum(b.jumlah or 0 for b in rows)
            self.simple_table("1", title, [kelompok.capitalize(), "Jumlah pegawai"],
                              [[(b.uraian, "text"), (b.jumlah, "number")] for b in rows]
                              + [[("Jumlah", "text"), (total, "number")]])

    def bab2(self) -> None:
        self.page_break()
        self.heading("BAB II PERENCANAAN KINERJA", 1)
        r = self.dok.renstra
        self.heading("A. Rencana Strategis", 2)
        if r is not None:
            self.para(f"Rencana Strategis periode {r.awal}-{r.akhir} menetapkan "
                      f"{len(self.dok.sasaran)} sasaran strategis dengan "
                      f"{len(self.ctx.rows.indikator)} indikator kinerja.")
        else:
            self.isi("periode Renstra",
                     "(sheet Profil, Renstra: tahun awal dan Renstra: tahun akhir)")
        self.heading(f"B. Perjanjian Kinerja Tahun {self.dok.tahun}", 2)
        rows = [[(s.kode, "text"), (s.uraian, "text"), (i.uraian, "text"),
                 (i.satuan, "text"), (self.p.indikator[i.kode].target, "number")]
                for s, i in self.ctx.rows.indikator]
        self.simple_table("2", f"Perjanjian Kinerja tahun {self.dok.tahun}",
                          ["Kode", "Sasaran strategis", "Indikator kinerja", "Satuan",
                           f"Target {self.dok.tahun}"], rows)

    def bab3(self) -> None:
        self.heading("BAB III AKUNTABILITAS KINERJA", 1)
        self.heading("A. Capaian Kinerja", 2)
        everything = self.ctx.indikator_rows()
        self.report_table(_tbl("capaian"), everything)
        per = [t for t in REPORT_TABLES if t.per_sasaran and t.sheet == KINERJA_SHEET]
        for s in self.ctx.rows.sasaran:
            members = self.ctx.indikator_rows(s.kode)
            if not members:
                continue
            self.heading(f"Sasaran {s.kode}: {s.uraian}", 3)
            for table in per:
                self.report_table(table, members, s.uraian or s.kode)
            self.standar_nasional(s.kode, members)
            # a sasaran without a code (indicators whose sasaran code is empty) has no row on
            # the Sasaran sheet to type an analysis in: nothing to ask for
            for key, column, *_ in ANALISIS if s.kode.strip() else ():  # the sheet's columns
                title, what = _ANALISIS_TEXT[key]
                self.para(title, bold=True).paragraph_format.keep_with_next = True  # its text
                self.text_or_isi(getattr(s, key), what,
                                 f"untuk sasaran {s.kode} (sheet Sasaran, {column})")
            # item 7's programmes and kegiatan behind the result, where they have indicators
            if item7_table(self, self.renja, s.kode, s.uraian):
                self._p()
        for table in REPORT_TABLES:
            if not table.per_sasaran and table.sheet == KINERJA_SHEET and table.key not in FIRST:
                self.report_table(table, everything)
        if self.charts:

            ind = [self.p.indikator[i.kode] for _s, i in self.ctx.rows.indikator]
            if len(ind) <= grafik.MAX_BARS:
                self.picture(grafik.capaian_chart(
                    [i.uraian for _s, i in self.ctx.rows.indikator], [u.capaian for u in ind],
                    self.dok.tahun), f"Capaian indikator kinerja tahun {self.dok.tahun}")
            else:
                counts = Counter(u.predikat or "belum terukur" for u in ind)
                self.picture(grafik.predikat_chart(counts.most_common(), self.dok.tahun),
                             f"Indikator kinerja menurut predikat tahun {self.dok.tahun}")
        self.heading("B. Realisasi Anggaran", 2)
        self.para(budget_sentence(f"Pagu anggaran tahun {self.dok.tahun} sebesar", self.p,
                                  self.dok))
        for table in REPORT_TABLES:
            if table.scope == "kegiatan":
                self.anggaran_table(table)
        if self.charts and self.dok.sasaran:

            su = [self.p.sasaran[s.kode] for s in self.dok.sasaran]
            if len(su) <= grafik.MAX_BARS:
                self.picture(grafik.anggaran_chart([s.uraian for s in self.dok.sasaran],
                                                   [u.anggaran for u in su],
                                                   [u.realisasi_anggaran for u in su]),
                             "Anggaran dan realisasi per sasaran")

    def standar_nasional(self, kode: str, members: list[int]) -> None:
        rows = []
        for n in members:
            _s, i = self.ctx.rows.indikator[n]
            if i.standar_nasional is not None:
                rows.append([(i.uraian, "text"), (self.p.indikator[i.kode].realisasi, "number"),
                             (i.standar_nasional, "number"),
                             (i.standar_nasional_sumber or "(sumber belum diisi)", "text")])
        # optional: where no indicator of the sasaran has one, the document says nothing
        if rows:
            self.simple_table("3", f"Perbandingan dengan standar nasional: sasaran {kode}",
                              ["Indikator kinerja", f"Realisasi {self.dok.tahun}",
                               "Standar nasional", "Sumber"], rows)

    def bab4(self) -> None:
        self.heading("BAB IV PENUTUP", 1)
        n = self.dok.narasi
        self.heading("A. Simpulan", 2)
        for sentence in ikhtisar_sentences(self.dok, self.p)[1:3]:
            self.para(sentence)
        self.text_or_isi(n.simpulan, "simpulan", "(sheet Narasi, Simpulan)")
        self.heading("B. Langkah ke Depan", 2)
        self.text_or_isi(n.langkah_ke_depan, "langkah ke depan / rekomendasi",
                         "(sheet Narasi, Langkah ke depan)")
        self._signature()

    def lampiran(self) -> None:
        self.heading("LAMPIRAN", 1)
        v = self.ctx.values
        tahun = self.dok.tahun
        ind = self.ctx.rows.indikator
        pk = v.get(PK.key, [])
        self.simple_table("L", f"Perjanjian Kinerja tahun {tahun}",
                          ["Sasaran", "Indikator kinerja", "Satuan", "Target PK",
                           "Target PK perubahan"],
                          [[(s.uraian, "text"), (i.uraian, "text"), (i.satuan, "text"),
                            (pk[n].get("target"), "number"),
                            (pk[n].get("target_perubahan"), "number")]
                           for n, (s, i) in enumerate(ind)])
        self.simple_table("L", f"Rencana Kinerja Tahunan {tahun}",
                          ["Sasaran", "Indikator kinerja", "Satuan", "Target RKT"],
                          [[(s.uraian, "text"), (i.uraian, "text"), (i.satuan, "text"),
                            (i.target_rkt, "number")] for s, i in ind])
        self.simple_table("L", f"Rencana Aksi {tahun}",
                          ["Indikator kinerja", "Target TW I", "Target TW II", "Target TW III",
                           "Target TW IV"],
                          [[(i.uraian, "text"), *[(q, "number") for q in i.target_tw]]
                           for _s, i in ind])
        pkk = v.get(PENGUKURAN.key, [])
        self.simple_table("L", f"Pengukuran Kinerja tahun {tahun}",
                          ["Indikator kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)",
                           "Predikat"],
                          [[(r["uraian"], "text"), (r["satuan"], "text"),
                            (r["target"], "number"), (r["realisasi"], "number"),
                            (r["capaian"], "percent"), (r["predikat"], "text")] for r in pkk])
        e81_lampiran(self, self.renja)
        # the E.80 where the data holds it: indicators below sasaran and a Renstra period
        renstra = evaluasi_renstra(self.dok) if self.renja.ada_indikator else None
        if renstra is not None:
            e80_lampiran(self, renstra)
