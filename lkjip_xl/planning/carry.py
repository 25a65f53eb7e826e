"""Carry last year's workbook over to the next year (`lkjip-xl new --from LAST.xlsx --tahun N`).

Kept: the agency, the Renstra and its targets, the IKU (indicators and their definitions), the
sasaran, programs, kegiatan and sub-kegiatan (codes and names), the measurement settings, the
national standards and the range bounds of `rentang` indicators.
Moved: last year's realisation (as measured: the stated annual value, else the one derived from
its quarters) becomes realisasi_lalu[N-1], unless that year was incomplete (TW IV and the annual
value empty, `core.year_end`): a partial year is never carried, N-1 stays empty and
`carry_notes` names it; the older realisasi_lalu years stay under their own
year, so they shift one column to the right; years older than the workbook keeps are dropped.
Set: the RKT and PK targets of year N from the Renstra target of year N (left empty when the
Renstra has none).
Indicators below sasaran (programme, kegiatan, sub-kegiatan) are carried the same way (their
Renja target set from the Renstra's); the year's spending of every kegiatan and sub-kegiatan
moves into its realisasi_anggaran_lalu (a programme's only when it keeps figures of its own), and
the Renstra's pagu is kept.
Cleared: this year's realisations (annual, quarterly, komponen values), the quarterly targets,
the PK revision and its reason, every budget amount (the original pagu too), and the report's
text about the year (the kata pengantar, Bab IV's simpulan and langkah ke depan, each sasaran's
analysis): last year's words in next year's report would read as finished text, so the document
shows them to fill.
The text about the agency (tugas dan fungsi, struktur organisasi, isu strategis) and the SDM table
are kept as a start, and `carry_notes` says to check them.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.domain import nilai_tahunan, tahun_kurang
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import (
    Dokumen,
    Indikator,
    IndikatorProgram,
    Kegiatan,
    Komponen,
    Program,
    SubKegiatan,
    empty_quarters,
)
from lkjip_xl.core.year_end import items, partial_years
from lkjip_xl.dataformat import load
from lkjip_xl.schema.sheets import PRIOR_YEARS
from lkjip_xl.workbook.read import read_workbook


def _clear_money(k: Kegiatan | SubKegiatan) -> None:
    k.anggaran_murni = None
    k.anggaran = None
    k.realisasi = None
    k.anggaran_tw = empty_quarters()
    k.realisasi_tw = empty_quarters()


def _carry_indikator(i: Indikator, old_year: int, new_year: int, nilai_tw: str,
                     partial: bool = False) -> None:
    last = i.realisasi
    if last is None and not partial:
        last = nilai_tahunan(i.realisasi_tw, i.agregasi, nilai_tw)
    lalu = {y: v for y, v in i.realisasi_lalu.items() if v is not None}
    if last is not None:
        lalu[old_year] = last
    i.realisasi_lalu = {y: lalu[y] for y in sorted(lalu, reverse=True)
                        if new_year - PRIOR_YEARS <= y < new_year}
    target = i.target_renstra.get(new_year)
    i.target = target
    i.target_rkt = target
    i.target_perubahan = None
    i.alasan_perubahan = None
    i.target_tw = empty_quarters()
    i.realisasi_tw = empty_quarters()
    i.realisasi = None
    if i.komponen is not None:
        i.komponen = Komponen(i.komponen.pembilang_uraian, None, i.komponen.penyebut_uraian, None,
                              i.komponen.pengali)


def _years_before(lalu: dict[int, float | None], old_year: int, last: float | None,
                  new_year: int) -> dict[int, float | None]:
    """A year map of earlier years with the year just ended added (when known), newest first,
    the years older than the workbook keeps dropped."""
    kept = {y: v for y, v in lalu.items() if v is not None}
    if last is not None:
        kept[old_year] = last
    return {y: kept[y] for y in sorted(kept, reverse=True) if new_year - PRIOR_YEARS <= y < new_year}


def _carry_renja(i: IndikatorProgram, old_year: int, new_year: int, nilai_tw: str) -> None:
    """An indicator below sasaran as a sasaran's: the year just ended, unless incomplete, moves
    into realisasi_lalu; this year's Renja target is the Renstra's; quarters cleared."""
    short = tahun_kurang(i.realisasi, i.realisasi_tw, i.agregasi, nilai_tw, 4, i.target_tw)
    last = i.realisasi
    if last is None and (short is None or not short.dari):
        last = nilai_tahunan(i.realisasi_tw, i.agregasi, nilai_tw)
    i.realisasi_lalu = _years_before(i.realisasi_lalu, old_year, last, new_year)
    i.target = i.target_renstra.get(new_year)
    i.target_tw = empty_quarters()
    i.realisasi_tw = empty_quarters()
    i.realisasi = None


def _spent(k: Kegiatan) -> float | None:
    """A kegiatan's spending of the year: its stated total, else its sub-kegiatan's when every
    one states its own (the workbook's sum)."""
    if k.realisasi is not None or not k.sub_kegiatan:
        return k.realisasi
    subs = [s.realisasi for s in k.sub_kegiatan]
    return None if any(v is None for v in subs) else sum(v for v in subs if v is not None)


def _carry_money(p: Program, old_year: int, new_year: int) -> None:
    """The year's spending moves into realisasi_anggaran_lalu, for a programme only when it
    keeps figures of its own (else it sums its kegiatan, as the E.81 does)."""
    for k in p.kegiatan:
        for sub in k.sub_kegiatan:
            sub.realisasi_anggaran_lalu = _years_before(sub.realisasi_anggaran_lalu, old_year,
                                                        sub.realisasi, new_year)
        k.realisasi_anggaran_lalu = _years_before(k.realisasi_anggaran_lalu, old_year, _spent(k),
                                                  new_year)
    if p.realisasi_anggaran_lalu:
        spent = [_spent(k) for k in p.kegiatan]
        total = None if not spent or None in spent else sum(v for v in spent if v is not None)
        p.realisasi_anggaran_lalu = _years_before(p.realisasi_anggaran_lalu, old_year, total,
                                                  new_year)


# the report's text about one year: cleared on carry-over (the rest describes the agency)
YEAR_TEXT = ("kata_pengantar", "simpulan", "langkah_ke_depan")
SASARAN_TEXT = ("pendorong", "penghambat", "upaya", "program_penunjang", "tindak_lanjut_renja",
                "tindak_lanjut_renstra")
AGENCY_TEXT = ("tugas_fungsi", "struktur_organisasi", "isu_strategis")


def carry_over(last: Dokumen, tahun: int | None = None) -> Dokumen:
    """Next year's document from last year's (see the module's docstring for the rules)."""
    new_year = last.tahun + 1 if tahun is None else tahun
    dok = copy.deepcopy(last)
    dok.tahun = new_year
    dok.extra = {}
    partial = partial_years(last)
    for _, i in dok.indikator():
        _carry_indikator(i, last.tahun, new_year, dok.pengaturan.nilai_tw, i.kode in partial)
    for p in dok.program:
        _carry_money(p, last.tahun, new_year)
        owners: list[Program | Kegiatan | SubKegiatan] = [p, *p.kegiatan]
        owners += [sub for k in p.kegiatan for sub in k.sub_kegiatan]
        for owner in owners:
            for ip in owner.indikator:
                _carry_renja(ip, last.tahun, new_year, dok.pengaturan.nilai_tw)
    for _, k in dok.kegiatan():
        _clear_money(k)
        for sub in k.sub_kegiatan:
            _clear_money(sub)
    for name in YEAR_TEXT:
        setattr(dok.narasi, name, None)
    for s in dok.sasaran:
        for name in SASARAN_TEXT:
            setattr(s, name, None)
    return dok


def carry_notes(last: Dokumen, new: Dokumen) -> list[tuple[str, str]]:
    """Things the planner should know about a carry-over, (Bahasa Indonesia, English)."""
    notes: list[tuple[str, str]] = []
    if new.tahun <= last.tahun:
        notes.append((f"tahun baru {new.tahun} tidak setelah {last.tahun}",
                      f"the new year {new.tahun} is not after {last.tahun}"))
    if new.renstra is not None and new.tahun > new.renstra.akhir:
        notes.append((f"periode Renstra {new.renstra.awal}-{new.renstra.akhir} sudah berakhir; "
                      "perbarui Renstra dan targetnya",
                      f"the Renstra period {new.renstra.awal}-{new.renstra.akhir} has ended; "
                      "update the Renstra and its targets"))
    partial = partial_years(last)
    if partial:
        notes.append((line("year_end.carry", "id", tahun=last.tahun, items=items(partial, "id")),
                      line("year_end.carry", "en", tahun=last.tahun, items=items(partial, "en"))))
    if new.sdm or any(getattr(new.narasi, n) for n in AGENCY_TEXT):
        notes.append((line("carry.agency_text", "id", tahun=last.tahun),
                      line("carry.agency_text", "en", tahun=last.tahun)))
    missing = [i.kode for _, i in new.indikator()
               if i.polaritas != "rentang" and i.target is None]
    if missing:
        notes.append((f"tanpa target Renstra {new.tahun} (isi target PK): {', '.join(missing)}",
                      f"no Renstra target for {new.tahun} (fill in the PK target): "
                      f"{', '.join(missing)}"))
    return notes


def load_previous(path: str | os.PathLike[str],
                  report: Callable[[Finding], None] | None = None) -> Dokumen:
    """Last year's document from its workbook (.xlsx) or its data file (.yaml/.json)."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml", ".json"):

        return load(p)

    dok, lr = read_workbook(p, report)
    if report is not None:  # macros, links, caps reached: warn and continue
        for f in lr.grid.findings:
            report(f)
    return dok


__all__ = ["carry_over", "carry_notes", "load_previous"]
