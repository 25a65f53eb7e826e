"""Which indicators' year rests on fewer quarters than are due: one answer for every view.

The workbook computes a year's realisation from the quarters when the annual cell is empty
(`domain.nilai_tahunan`): with TW IV empty, an `akhir` indicator's year is TW III, rated as if it
were the year and carried into next year's `Realisasi N-1`. `partial_years` names those
indicators (`domain.tahun_kurang`); verify warns at the missing cell, measure's Bab III and the
LKjIP document say the year is incomplete, and `new --from` does not carry such a year. Mid-year
(`triwulan` N < 4) only the quarters up to TW N are due.

An indicator with nothing reported at all is not listed: nothing is measured from it (its
capaian stays empty), it is "not reported yet" (verify's info `kelengkapan`).
"""

from __future__ import annotations

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core import domain as d
from lkjip_xl.core.model import AGREGASI, NILAI_TW, Dokumen

ROMAN = ("I", "II", "III", "IV")


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
        k = d.tahun_kurang(i.realisasi, i.realisasi_tw, agregasi, nilai_tw, triwulan)
        if k is not None and k.dari:
            out.setdefault(i.kode, k)
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


__all__ = ["ROMAN", "items", "note", "partial_years", "tw_names"]
