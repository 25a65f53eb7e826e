"""The Renstra evaluation (Formulir E.80, Permendagri 86/2017): one row's yearly targets,
realisations and ratios over the Renstra period, K and Rp.

A year's K ratio is that year's achievement by the indicator's polarity (`capaian`, the same
rule as 12a of the E.81); the Rp ratio is that year's absorption (`penyerapan`). Past years come
from `realisasi_lalu` / `realisasi_anggaran_lalu`, this year from the E.81's column 12, later
years are empty (not due): only the years the data holds are filled, none is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.core.domain.anggaran import penyerapan
from lkjip_xl.core.domain.angka import jumlah
from lkjip_xl.core.domain.capaian import capaian
from lkjip_xl.core.domain.renja import (
    REALISASI_LALU_KOSONG,
    Alasan,
    AturanRenja,
    IndikatorRenja,
    UangRenja,
    kolom_k,
    kolom_rp,
)
from lkjip_xl.core.domain.renstra import target_akhir_renstra

RENTANG_TANPA_RASIO = "rentang-tanpa-rasio"  # a range indicator's Renstra holds one number a year


@dataclass(frozen=True)
class TahunE80:
    """One Renstra year of a row: K target, realisation, ratio; Rp the same."""

    tahun: int
    target_k: float | None
    realisasi_k: float | None
    rasio_k: float | None
    target_rp: float | None
    realisasi_rp: float | None
    rasio_rp: float | None


@dataclass(frozen=True)
class BarisE80:
    """A row of the form: the condition at the plan's start (the K realisation of the year before
    `awal`, when held), the end targets (K as `target_akhir_renstra`, Rp the period's funding),
    the years awal..akhir, the Rp realised so far, and the reasons for empty cells."""

    kondisi_awal: float | None
    target_akhir_k: float | None
    target_akhir_rp: float | None
    tahun: tuple[TahunE80, ...]
    realisasi_rp_sd: float | None  # the period's spending up to this year (E.81 13 Rp)
    alasan: tuple[Alasan, ...] = ()


def baris_e80(awal: int, akhir: int, aturan: AturanRenja, ind: IndikatorRenja | None = None,
              uang: UangRenja | None = None) -> BarisE80:
    """The E.80 row of an indicator and/or its money over the Renstra years `awal`..`akhir`."""
    if akhir < awal:
        raise ValueError(f"the Renstra ends ({akhir}) before it starts ({awal})")
    alasan: list[Alasan] = []
    k12 = kolom_k(ind, aturan).k12 if ind is not None else None
    rp = kolom_rp(uang, aturan) if uang is not None else None
    years: list[TahunE80] = []
    kosong_k: list[int] = []
    kosong_rp: list[int] = []
    for y in range(awal, akhir + 1):
        t_k = r_k = q_k = t_rp = r_rp = q_rp = None
        if ind is not None:
            t_k = ind.target_renstra.get(y)
            r_k = k12 if y == aturan.tahun else ind.realisasi_lalu.get(y) if y < aturan.tahun else None
            if ind.polaritas != "rentang":
                q_k = capaian(ind.polaritas, t_k, r_k, rumus_negatif=aturan.rumus_negatif)
            if y < aturan.tahun and t_k is not None and r_k is None:
                kosong_k.append(y)
        if uang is not None and rp is not None:
            t_rp = uang.pagu_renstra.get(y)
            r_rp = rp.k12 if y == aturan.tahun else uang.realisasi_lalu.get(y) if y < aturan.tahun else None
            q_rp = penyerapan(t_rp, r_rp)
            if y < aturan.tahun and t_rp is not None and r_rp is None:
                kosong_rp.append(y)
        years.append(TahunE80(y, t_k, r_k, q_k, t_rp, r_rp, q_rp))
    if ind is not None and ind.polaritas == "rentang":
        alasan.append(Alasan(RENTANG_TANPA_RASIO, "rasio"))
    if kosong_k:
        alasan.append(Alasan(REALISASI_LALU_KOSONG, "realisasi K", {"tahun": tuple(kosong_k)}))
    if kosong_rp:
        alasan.append(Alasan(REALISASI_LALU_KOSONG, "realisasi Rp", {"tahun": tuple(kosong_rp)}))
    agregasi = ind.agregasi or "akhir" if ind is not None else None
    return BarisE80(
        kondisi_awal=ind.realisasi_lalu.get(awal - 1) if ind is not None else None,
        target_akhir_k=target_akhir_renstra(ind.target_renstra, agregasi) if ind is not None else None,
        target_akhir_rp=jumlah(uang.pagu_renstra.get(y) for y in range(awal, akhir + 1))
        if uang is not None else None,
        tahun=tuple(years),
        realisasi_rp_sd=rp.k13 if rp is not None else None,
        alasan=tuple(alasan),
    )


__all__ = ["RENTANG_TANPA_RASIO", "BarisE80", "TahunE80", "baris_e80"]
