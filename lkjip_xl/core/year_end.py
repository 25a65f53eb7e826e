"""Which indicators' year rests on fewer quarters than are due: one answer for every view.

The workbook computes a year's realisation from the quarters when the annual cell is empty
(`domain.nilai_tahunan`): with TW IV empty, an `akhir` indicator's year is TW III, rated as if it
were the year and carried into next year's `Realisasi N-1`. `partial_years` names those
indicators (`domain.tahun_kurang`); verify warns at the missing cell, measure's Bab III and the
LKjIP document say the year is incomplete, and `new --from` does not carry such a year. Mid-year
(`triwulan` N < 4) only the quarters up to TW N are due.

An indicator with nothing reported at all is not listed: nothing is measured from it (its
capaian stays empty). At year end, in a workbook where anything is reported, verify warns at its
row all the same (`workbook/year_end.py`); otherwise it is "not reported yet" (the info
`kelengkapan`). A quarter without a Rencana Aksi target is not due (an indicator reported per
semester).

A kegiatan's year is its annual spending cell (or its sub-kegiatan's), never its quarters: the
workbook's formulas leave the year empty when only quarters are filled. `partial_budgets` names
those kegiatan and sub-kegiatan.
"""

from __future__ import annotations

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core import domain as d
from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.model import AGREGASI, NILAI_TW, Dokumen, Indikator, Kegiatan


def tw_names(quarters: tuple[int, ...]) -> str:
    """"TW I, TW III" (0-based quarters): the same words in both languages."""
    return ", ".join(f"TW {ROMAN[q]}" for q in quarters)


def partial_years(dok: Dokumen, triwulan: int = 4) -> dict[str, d.TahunKurang]:
    """Indicator code -> what is missing, for every indicator whose year (to TW `triwulan`) is
    computed from fewer quarters than due, with at least one quarter reported."""
    nilai_tw = dok.pengaturan.nilai_tw if dok.pengaturan.nilai_tw in NILAI_TW else "kumulatif"
    out: dict[str, d.TahunKurang] = {}
    for _, i in dok.indikator():
        agregasi = i.agregasi if i.agregasi in AGREGASI else None
        k = d.tahun_kurang(i.realisasi, i.realisasi_tw, agregasi, nilai_tw, triwulan,
                           i.target_tw)
        if k is not None and k.dari:
            out.setdefault(i.kode, k)
    return out


def reported_indikator(i: Indikator) -> bool:
    return i.realisasi is not None or any(v is not None for v in i.realisasi_tw)


def reported_kegiatan(k: Kegiatan) -> bool:
    money = [k.realisasi, *k.realisasi_tw]
    for s in k.sub_kegiatan:
        money += [s.realisasi, *s.realisasi_tw]
    return any(v is not None for v in money)


def anything_reported(dok: Dokumen) -> bool:
    """False for a workbook with no realisation at all yet (verify's verdict "belum diisi")."""
    return (any(reported_indikator(i) for _, i in dok.indikator())
            or any(reported_kegiatan(k) for _, k in dok.kegiatan()))


def partial_budgets(dok: Dokumen) -> list[tuple[str, str | None]]:
    """(kode kegiatan, kode sub or None) of every row whose quarters' spending is typed while its
    annual spending cell is empty. The workbook counts that row's year as empty (its formulas read
    only the annual cell): the year's spending leaves it out. A kegiatan with sub-kegiatan and
    no stated total takes theirs, so only its sub-kegiatan are looked at then."""
    out: list[tuple[str, str | None]] = []
    for _, k in dok.kegiatan():
        if k.realisasi is None and any(v is not None for v in k.realisasi_tw) and (
                not k.sub_kegiatan):
            out.append((k.kode, None))
        for s in k.sub_kegiatan:
            if s.realisasi is None and any(v is not None for v in s.realisasi_tw):
                out.append((k.kode, s.kode))
    return out


def items(partial: dict[str, d.TahunKurang], lang: str = "id") -> str:
    """"S1.1 (TW IV kosong, dihitung dari TW III); ...": what each incomplete year rests on."""
    return "; ".join(line("year_end.item", lang, kode=kode, kosong=tw_names(k.kosong),
                          dari=tw_names(k.dari)) for kode, k in partial.items())


def note(partial: dict[str, d.TahunKurang], triwulan: int = 4, lang: str = "id") -> str:
    """The sentence measure's Bab III and the document print under the capaian table ("" when
    every year is complete)."""
    if not partial:
        return ""
    return line("year_end.note", lang, sampai=tw_names((triwulan - 1,)),
                items=items(partial, lang))


__all__ = ["ROMAN", "anything_reported", "items", "note", "partial_budgets", "partial_years",
           "reported_indikator", "reported_kegiatan", "tw_names"]
