"""The Renstra evaluation (Formulir E.80) printed as a lampiran after the E.81's
(docs/laporan.md).

Every number is `core.evaluasi_renstra.evaluasi_renstra(dok)`'s, laid out by the one declaration
of the form's columns (`schema.renja_columns.kolom_e80`); nothing is computed here. A five-year
Renstra gives 30 figure columns, which no landscape page holds at a readable size without
breaking a rupiah amount over two lines, so the form is printed in parts, columns 1-4 repeated
in each: the figures are taken in the form's order, a group (the start and end targets, the
yearly targets, realisations, ratios) kept whole when it fits the page's width beside columns
1-4, else cut into equal runs that do, and neighbouring small parts joined while they fit
(`parts`). Each number column is as wide as its longest value (`renja.need_pt`), so the cut is
measured on the document's own figures and paper (A4 or F4).
"""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_xl.catalogue.laporan import text
from lkjip_xl.core.evaluasi_renstra import EvaluasiRenstra, PemilikRenstra
from lkjip_xl.laporan.angka import angka
from lkjip_xl.laporan.renja import (
    LANG,
    Builder,
    analisis,
    footer_text,
    need_pt,
    owner_label,
    sasaran_label,
    signatures,
    with_sasaran,
)
from lkjip_xl.laporan.table_xml import Cell, grouped
from lkjip_xl.schema.renja_columns import (
    CATATAN_E80,
    INDIKATOR_E80,
    NO,
    PROGRAM_KEGIATAN_E80,
    SASARAN,
    KolomE80,
    kolom_e80,
    penanggung_jawab_e80,
)

E80_SIZE = 14  # half-points: 7 pt, as the E.81 lampiran
# of the text width, what the figures of one part may take: the rest is columns 1-4 (and the
# responsible unit in the last part), at least about 20 characters each at 7 pt
FIGURE_SHARE = 0.6
Pair = tuple[KolomE80, str]  # a column and its side, "k" or "rp"


def _pairs(cols: Sequence[KolomE80]) -> list[Pair]:
    return [(k, side) for k in cols for side in ("k", "rp") if side == "k" or not k.k_saja]


def _kind(k: KolomE80, side: str) -> str:
    return "percent" if k.persen else ("money" if side == "rp" else "number")


def _indicator(p: PemilikRenstra, n: int) -> str:
    if not p.indikator:
        return text("renja_tanpa_indikator", LANG)
    i = p.indikator[n].indikator
    return f"{i.uraian} ({i.satuan})" if i.satuan else i.uraian


def _owner_rows(p: PemilikRenstra, lead: Sequence[str], pairs: Sequence[Pair],
                tail: Sequence[str] = ()) -> list[list[Cell]]:
    """An owner's rows: `lead` texts shown once over its indicator rows, the indicator, each
    pair's figure (K per indicator; Rp once, on the first row: the owner's money is one figure),
    then `tail` texts (once)."""
    n = max(1, len(p.indikator))
    columns: list[list[Cell]] = [grouped(t, n) for t in lead]
    columns.append([Cell(_indicator(p, r)) for r in range(n)])
    for col, side in pairs:
        if side == "k":
            columns.append([Cell(angka(col.of(p.indikator[r].e80, "k") if p.indikator else None,
                                       _kind(col, side)), right=True) for r in range(n)])
        else:
            cells = grouped(angka(col.of(p.rp, "rp"), _kind(col, side)), n)
            cells[0].right = True
            columns.append(cells)
    columns += [grouped(t, n) for t in tail]
    return [list(row) for row in zip(*columns)]


def e80_rows(ev: EvaluasiRenstra, lap: Builder, pairs: Sequence[Pair],
             last: bool) -> tuple[list[str], list[list[Cell]], list[str]]:
    """One part of the E.80: columns 1-4, the figures of `pairs`, and the responsible unit
    when `last`."""
    headers = [f"{NO[0]}. {NO[1]}", f"{SASARAN[0]}. {SASARAN[1]}",
               f"{PROGRAM_KEGIATAN_E80[0]}. {PROGRAM_KEGIATAN_E80[1]}",
               f"{INDIKATOR_E80[0]}. {INDIKATOR_E80[1]}"]
    # short headers: the legend above the table names each column
    headers += [f"{k.nomor} {'K' if side == 'k' else 'Rp'}" for k, side in pairs]
    kinds = ["int", "text", "text", "text", *(_kind(k, side) for k, side in pairs)]
    if last:
        nomor, name, _en = penanggung_jawab_e80(ev.awal, ev.akhir)
        headers.append(f"{nomor}. {name}")
        kinds.append("text")
    rows: list[list[Cell]] = []
    block: list[list[Cell]] = []
    current: str | None = None
    for no, p in enumerate(ev.pemilik, start=1):
        if p.renja.kode_sasaran != current or not block:
            rows += with_sasaran(block, sasaran_label(lap.dok, current) if block else "")
            block, current = [], p.renja.kode_sasaran
        tail = []
        if last:
            tail = ["; ".join(sorted({b.indikator.penanggung_jawab for b in p.indikator
                                      if b.indikator.penanggung_jawab}))]
        block += _owner_rows(p, [str(no), owner_label(p.renja)], pairs, tail)
    rows += with_sasaran(block, sasaran_label(lap.dok, current) if block else "")
    return headers, rows, kinds


def _widths(ev: EvaluasiRenstra, lap: Builder, pairs: Sequence[Pair]) -> dict[Pair, float]:
    """Each pair's column width (pt) as `need_pt` gives it on the whole form."""
    headers, rows, kinds = e80_rows(ev, lap, pairs, False)
    need = need_pt(headers, rows, kinds, E80_SIZE / 2)[4:]
    return dict(zip(pairs, need))


def parts(ev: EvaluasiRenstra, lap: Builder) -> list[list[Pair]]:
    """The form's figures cut into parts that fit the page beside columns 1-4: each group in
    the form's order whole when it fits `FIGURE_SHARE` of the text width, else cut into the
    fewest equal runs that fit; then neighbouring parts joined while they fit."""
    cols = kolom_e80(ev.awal, ev.akhir)
    groups = [[k for k in cols if k.grup in ("awal", "akhir")],
              *([k for k in cols if k.grup == g] for g in ("target", "realisasi", "rasio"))]
    width = _widths(ev, lap, _pairs(cols))
    budget = lap.current_width() / 12700 * FIGURE_SHARE

    def fits(p: Sequence[Pair]) -> bool:
        return sum(width[x] for x in p) <= budget

    runs: list[list[Pair]] = []
    for g in groups:
        for n in range(1, len(g) + 1):  # the fewest equal runs of whole columns that fit
            size = -(-len(g) // n)
            chunks = [_pairs(g[i:i + size]) for i in range(0, len(g), size)]
            if all(fits(c) for c in chunks) or size == 1:
                runs += chunks
                break
    out: list[list[Pair]] = []
    for r in runs:
        if out and fits(out[-1] + r):
            out[-1] += r
        else:
            out.append(list(r))
    return out


def _nomor(p: Sequence[Pair]) -> str:
    first, last = p[0][0].nomor, p[-1][0].nomor
    return first if first == last else f"{first}-{last}"


def e80_lampiran(lap: Builder, ev: EvaluasiRenstra) -> None:
    """The form: title block, its parts, the note, the footer and the two signatures."""
    dok = lap.dok
    i = dok.instansi
    lap.page_break()  # the form starts on a page of its own
    lap.heading(text("e80_heading", LANG), 2)
    lap.para(text("e80_title", LANG), bold=True, center=True)
    lap.para(text("e80_renstra", LANG, instansi=i.nama or "", pemda=i.pemda or ""), center=True)
    lap.para(text("e80_periode", LANG, awal=ev.awal, akhir=ev.akhir, tahun=dok.tahun),
             center=True)
    acuan = sorted({s.acuan_rpjmd for s in dok.sasaran if s.acuan_rpjmd})
    if acuan:
        lap.para(text("e80_acuan", LANG, acuan="; ".join(acuan)))
    else:
        lap.text_or_isi(None, text("e81_acuan_isi", LANG), text("e81_acuan_where", LANG))
    cut = parts(ev, lap)
    pj = penanggung_jawab_e80(ev.awal, ev.akhir)
    for n, pairs in enumerate(cut):
        last = n == len(cut) - 1
        if n:  # a blank line between one part's last row and the next part's caption
            lap.para("", size=8)
        lap.caption("L", text("e80_table", LANG, awal=ev.awal, akhir=ev.akhir,
                              kolom=_nomor(pairs) + (f", {pj[0]}" if last else "")))
        cols = list(dict.fromkeys(k for k, _ in pairs))
        legend = "; ".join(f"{k.nomor} {k.header}" + (f" ({k.rumus})" if k.rumus else "")
                           for k in cols)
        if last:
            legend += f"; {pj[0]} {pj[1]}"
        lap.para(text("e81_legend", LANG, kolom=legend),
                 size=8).paragraph_format.keep_with_next = True
        headers, rows, kinds = e80_rows(ev, lap, pairs, last)
        lap.table(headers, rows, kinds, E80_SIZE, need_pt(headers, rows, kinds, E80_SIZE / 2))
    lap.para(CATATAN_E80, size=8)
    _footer(lap, ev)


def _footer(lap: Builder, ev: EvaluasiRenstra) -> None:
    dok, r = lap.dok, ev.ringkasan
    for key, value, kind in (("e80_rata_rata", r.rata_rata_rasio, "percent"),
                             ("e81_predikat", r.predikat, "text"),
                             ("e80_penyerapan", r.penyerapan, "percent")):
        shown = angka(value, kind) if kind != "text" else (value or "")
        lap.para(f"{text(key, LANG)}: {shown or '-'}")
    for key, field, where in (
            ("e81_pendorong", "pendorong", "e81_where_sasaran_pendorong"),
            ("e81_penghambat", "penghambat", "e81_where_sasaran_penghambat"),
            ("e81_tindak_renja", "tindak_lanjut_renja", "e81_where_sasaran_tindak_renja"),
            ("e80_tindak_renstra", "tindak_lanjut_renstra", "e80_where_sasaran_tindak_renstra")):
        footer_text(lap, key, analisis(dok, field), where)
    signatures(lap)


__all__ = ["E80_SIZE", "e80_lampiran", "e80_rows", "parts"]
