"""The Renja evaluation in the LKjIP document: Bab III item 7's table per sasaran (programme
outcome and kegiatan / sub-kegiatan output achievement beside absorption) and the E.81 printed as
a lampiran (docs/laporan.md).

Every number is `core.evaluasi.evaluasi_renja(dok)`'s (the 12a K and Rp columns for item 7; every
K / Rp pair for the E.81), laid out by the one declaration of the form's columns
(`schema/renja_columns.py`); nothing is computed here. The E.81's 27 columns do not fit a
landscape page at a readable size, so it is printed in four tables, columns 1-4 repeated in each
(5-7, 8-11, 12-12a, 13-15), as the form's sheet splits over pages wide with columns 1-4
repeated; a legend above each names its columns and their printed formulas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from docx.enum.text import WD_TAB_ALIGNMENT

from lkjip_xl.catalogue.laporan import text
from lkjip_xl.core.evaluasi import EvaluasiRenja, PemilikRenja
from lkjip_xl.core.model import Dokumen
from lkjip_xl.laporan.angka import angka
from lkjip_xl.laporan.table_xml import Cell, grouped
from lkjip_xl.schema.renja_columns import (
    CATATAN_K,
    INDIKATOR,
    KOLOM_E81,
    NO,
    PENANGGUNG_JAWAB,
    PROGRAM_KEGIATAN,
    SASARAN,
    KolomE81,
)

LANG = "id"  # the document is written in Bahasa Indonesia; its words are catalogued in both
E81_SIZE = 14  # half-points: 7 pt rows, the lampiran's 27 columns on one landscape page
ITEM7_SIZE = 16  # 8 pt: nine columns, three of them rupiah amounts
# the E.81's three tables: the form's column numbers each prints beside columns 1-4
PARTS: tuple[tuple[str, ...], ...] = (("5", "6", "7"), ("8", "9", "10", "11"), ("12", "12a"),
                                      ("13", "14"))
TINGKAT_TEXT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


class Builder(Protocol):
    """What these parts ask of the document being built (`document.Laporan`)."""

    dok: Dokumen

    def caption(self, chapter: str, title: str) -> None: ...
    def table(self, headers: list[str], rows: list[list[Cell]], kinds: list[str],
              size_half_points: int = 18, need_pt: list[float] | None = None) -> None: ...
    def para(self, text: str, *, bold: bool = False, center: bool = False,
             size: float = 0) -> Any: ...
    def heading(self, text: str, level: int = 1) -> None: ...
    def page_break(self) -> None: ...
    def text_or_isi(self, text: str | None, what: str, where: str) -> None: ...
    def isi_run(self, p: Any, what: str, where: str) -> None: ...
    def current_width(self) -> int: ...


def need_pt(headers: Sequence[str], rows: Sequence[Sequence[Cell]], kinds: Sequence[str],
            size_pt: float) -> list[float]:
    """Each number column as wide as its longest value on one line (a rupiah amount broken
    over two lines reads as two numbers) and its header's longest word (a point smaller);
    0 for the text columns, which share the rest."""
    out = []
    for c, kind in enumerate(kinds):
        if kind in ("money", "number", "percent", "int"):
            longest = max((len(r[c].text) for r in rows if c < len(r)), default=0)
            word = max((len(w) for w in headers[c].split()), default=0) * (size_pt - 1) * 0.75
            # digits, bold letters, the cell's margins
            out.append(max(longest * size_pt * 0.62, word, 4 * size_pt) + 12.0)
        else:
            out.append(0.0)
    return out


def owner_label(p: PemilikRenja) -> str:
    return f"{TINGKAT_TEXT[p.tingkat]} {p.kode}: {p.uraian}"


def _indicator(p: PemilikRenja, n: int) -> str:
    if not p.indikator:
        return text("renja_tanpa_indikator", LANG)
    i = p.indikator[n].indikator
    return f"{i.uraian} ({i.satuan})" if i.satuan else i.uraian


def _kind(k: KolomE81, side: str) -> str:
    return "percent" if k.persen else ("money" if side == "rp" else "number")


def _owner_rows(p: PemilikRenja, lead: Sequence[str],
                k_cols: Sequence[tuple[KolomE81, str]], tail: Sequence[str] = ()) -> list[list[Cell]]:
    """An owner's rows: `lead` texts (owner columns, shown once over its indicator rows), then
    per row the indicator, each (column, side) value (Rp shown once, on the first row: an
    owner's money is one figure) and `tail` texts (once)."""
    n = max(1, len(p.indikator))
    columns: list[list[Cell]] = [grouped(t, n) for t in lead]
    columns.append([Cell(_indicator(p, r)) for r in range(n)])
    for col, side in k_cols:
        if side == "k":
            columns.append([Cell(angka(col.of(p.indikator[r].k) if p.indikator else None,
                                       _kind(col, side)), right=True) for r in range(n)])
        else:
            cells = grouped(angka(col.of(p.rp), _kind(col, side)), n)
            cells[0].right = True
            columns.append(cells)
    columns += [grouped(t, n) for t in tail]
    return [list(row) for row in zip(*columns)]


# ---------------------------------------------------------------- Bab III item 7
# target, realisation, achievement (K), then pagu, spending, absorption (Rp)
ITEM7 = tuple((k, side) for side in ("k", "rp") for k in KOLOM_E81
              if k.nomor in ("7", "12", "12a"))


def item7_table(lap: Builder, ev: EvaluasiRenja, kode_sasaran: str, uraian: str) -> bool:
    """The programmes and kegiatan behind a sasaran's result: each owner's indicators'
    target, realisation and achievement (7, 12, 12a K) beside its pagu, spending and absorption
    (7, 12, 12a Rp). Only in a document with indicators below sasaran; False when none serves
    this sasaran."""
    owners = [p for p in ev.pemilik if p.kode_sasaran == kode_sasaran]
    if not ev.ada_indikator or not owners:
        return False
    tahun = lap.dok.tahun
    lap.caption("3", text("item7_title", LANG, sasaran=uraian or kode_sasaran, tahun=tahun))
    headers = [text("item7_owner", LANG), text("item7_indikator", LANG),
               *(text(f"item7_{side}{k.nomor}", LANG, tahun=tahun) for k, side in ITEM7)]
    kinds = ["text", "text", *(_kind(k, side) for k, side in ITEM7)]
    rows = [r for p in owners for r in _owner_rows(p, [owner_label(p)], ITEM7)]
    lap.table(headers, rows, kinds, ITEM7_SIZE, need_pt(headers, rows, kinds, ITEM7_SIZE / 2))
    lap.para(text("item7_note", LANG), size=8)
    return True


# ---------------------------------------------------------------- the E.81 lampiran
def sasaran_label(dok: Dokumen, kode: str | None) -> str:
    if kode is None:
        return text("renja_pendukung", LANG)
    s = next((s for s in dok.sasaran if s.kode == kode), None)
    label = f"{kode} {s.uraian}" if s is not None else kode
    if s is not None and s.acuan_rpjmd:
        label += " " + text("renja_acuan", LANG, acuan=s.acuan_rpjmd)
    return label


def e81_rows(ev: EvaluasiRenja, dok: Dokumen, nomor: Sequence[str],
             last: bool) -> tuple[list[str], list[list[Cell]], list[str]]:
    """One of the E.81's tables: columns 1-4, the K / Rp pairs of `nomor`, and 15 when `last`."""
    cols = [k for k in KOLOM_E81 if k.nomor in nomor]
    pairs = [(k, side) for k in cols for side in ("k", "rp")]
    headers = [f"{NO[0]}. {NO[1]}", f"{SASARAN[0]}. {SASARAN[1]}",
               f"{PROGRAM_KEGIATAN[0]}. {PROGRAM_KEGIATAN[1]}", f"{INDIKATOR[0]}. {INDIKATOR[1]}"]
    # short headers (the legend above the table names each column): the numbers keep their
    # width, the names theirs
    headers += [f"{k.nomor} {'K' if side == 'k' else 'Rp'}" for k, side in pairs]
    kinds = ["int", "text", "text", "text", *(_kind(k, side) for k, side in pairs)]
    if last:
        headers.append(f"{PENANGGUNG_JAWAB[0]}. {PENANGGUNG_JAWAB[1]}")
        kinds.append("text")
    rows: list[list[Cell]] = []
    block: list[list[Cell]] = []
    current: str | None = None
    for no, p in enumerate(ev.pemilik, start=1):
        if p.kode_sasaran != current or not block:
            rows += with_sasaran(block, sasaran_label(dok, current) if block else "")
            block, current = [], p.kode_sasaran
        tail = []
        if last:
            tail = ["; ".join(sorted({b.indikator.penanggung_jawab for b in p.indikator
                                      if b.indikator.penanggung_jawab}))]
        for r in _owner_rows(p, [str(no), owner_label(p)], pairs, tail):
            block.append(r)
    rows += with_sasaran(block, sasaran_label(dok, current) if block else "")
    return headers, rows, kinds


def with_sasaran(block: list[list[Cell]], label: str) -> list[list[Cell]]:
    """The block's rows with the sasaran column (2) shown once over them."""
    return [[row[0], cell, *row[1:]] for row, cell in zip(block, grouped(label, len(block)))]


def e81_lampiran(lap: Builder, ev: EvaluasiRenja) -> None:
    """The form: title block, its four tables, the footer and the two signatures."""
    dok = lap.dok
    i = dok.instansi
    lap.page_break()  # the form starts on a page of its own
    lap.heading(text("e81_heading", LANG), 2)
    lap.para(text("e81_title", LANG), bold=True, center=True)
    lap.para(text("e81_renja", LANG, instansi=i.nama or "", pemda=i.pemda or ""), center=True)
    lap.para(text("e81_periode", LANG, tahun=dok.tahun), center=True)
    acuan = sorted({s.acuan_rpjmd for s in dok.sasaran if s.acuan_rpjmd})
    if acuan:
        lap.para(text("e81_acuan", LANG, acuan="; ".join(acuan)))
    else:
        lap.text_or_isi(None, text("e81_acuan_isi", LANG), text("e81_acuan_where", LANG))
    for n, nomor in enumerate(PARTS):
        last = n == len(PARTS) - 1
        if n:  # a blank line between one part's last row and the next part's caption
            lap.para("", size=8)
        lap.caption("L", text("e81_table", LANG, tahun=dok.tahun,
                              kolom=", ".join(nomor) + (", 15" if last else "")))
        # each column's header as the form prints it and its formula label, from the same
        # declaration, kept with the table
        legend = "; ".join(f"{k.nomor} {k.header}" + (f" ({k.rumus})" if k.rumus else "")
                           for k in KOLOM_E81 if k.nomor in nomor)
        if last:
            legend += f"; {PENANGGUNG_JAWAB[0]} {PENANGGUNG_JAWAB[1]}"
        lap.para(text("e81_legend", LANG, kolom=legend),
                 size=8).paragraph_format.keep_with_next = True
        headers, rows, kinds = e81_rows(ev, dok, nomor, last)
        lap.table(headers, rows, kinds, E81_SIZE, need_pt(headers, rows, kinds, E81_SIZE / 2))
    lap.para(CATATAN_K, size=8)
    _footer(lap, ev)


def analisis(dok: Dokumen, field: str) -> str | None:
    """The sasaran's analysis texts, each named by its sasaran; None when none is written."""
    parts = [f"{s.kode}: {getattr(s, field)}" for s in dok.sasaran if getattr(s, field)]
    return "\n".join(parts) or None


def _footer(lap: Builder, ev: EvaluasiRenja) -> None:
    dok, r = lap.dok, ev.ringkasan
    for key, value, kind in (("e81_rata_rata", r.rata_rata_capaian, "percent"),
                             ("e81_predikat", r.predikat, "text"),
                             ("e81_penyerapan", r.penyerapan, "percent")):
        shown = angka(value, kind) if kind != "text" else (value or "")
        lap.para(f"{text(key, LANG)}: {shown or '-'}")
    for key, content, where in (
            ("e81_pendorong", analisis(dok, "pendorong"), "sasaran_pendorong"),
            ("e81_penghambat", analisis(dok, "penghambat"), "sasaran_penghambat"),
            ("e81_tindak_tw", analisis(dok, "upaya"), "sasaran_upaya"),
            ("e81_tindak_renja", analisis(dok, "tindak_lanjut_renja"), "sasaran_tindak_renja")):
        footer_text(lap, key, content, f"e81_where_{where}")
    signatures(lap)


def footer_text(lap: Builder, key: str, content: str | None, where_key: str) -> None:
    """One of a form's footer text lines: its label (`key`), then the text or the placeholder
    naming the column to write it in (`where_key`)."""
    label = text(key, LANG)
    lap.para(label, bold=True).paragraph_format.keep_with_next = True
    # "renja" and "renstra" keep their capital: only the label's first letter is lowered
    lap.text_or_isi(content, label[:1].lower() + label[1:], text(where_key, LANG))


def signatures(lap: Builder) -> None:
    """Side by side as the evaluation forms (E.81, E.80) sign: disusun by the head of the agency
    (Profil), dievaluasi by the head of Bappeda (Profil's `bappeda_*`: the position, "Kepala
    Bappeda" when not given, the name and NIP); an unnamed head of Bappeda signs on a dotted
    line written by hand, as the date is, never an invented name. Two centred columns by tab
    stops, the block kept on one page."""
    dok = lap.dok
    k = dok.instansi.kepala
    kb = dok.instansi.kepala_bappeda
    width = lap.current_width()

    def line(left: str = "", right: str = "", *, bold: bool = False) -> Any:
        p = lap.para("")
        for at in (width // 4, width * 3 // 4):
            p.paragraph_format.tab_stops.add_tab_stop(at, WD_TAB_ALIGNMENT.CENTER)
        p.paragraph_format.keep_with_next = True
        p.add_run(f"\t{left}").bold = bold
        if right:
            p.add_run(f"\t{right}")
        return p

    lap.para("").paragraph_format.keep_with_next = True
    line(text("e81_disusun", LANG, tahun=dok.tahun + 1), text("e81_dievaluasi", LANG, tahun=dok.tahun + 1))
    line(text("e81_kepala_pd", LANG), kb.jabatan or text("e81_kepala_bappeda", LANG))
    for _ in range(3):
        line()
    names = line(k.nama or "", bold=True)
    if not k.nama:
        lap.isi_run(names, text("e81_nama_kepala", LANG), text("e81_where_kepala", LANG))
    names.add_run(f"\t{kb.nama or text('e81_nama_bappeda', LANG)}").bold = bool(kb.nama)
    last = line(f"NIP. {k.nip}" if k.nip else "",
                f"NIP. {kb.nip}" if kb.nip else text("e81_nip_bappeda", LANG))
    last.paragraph_format.keep_with_next = False


__all__ = ["E81_SIZE", "PARTS", "Builder", "analisis", "e81_lampiran", "e81_rows",
           "footer_text", "item7_table", "need_pt", "owner_label", "sasaran_label", "signatures",
           "with_sasaran"]
