"""Quarters (triwulan): values to date, the year's value, quarterly capaian, consistency checks.

Two declarations decide the arithmetic (DOMAIN.md, "Quarters"): the indicator's `agregasi`
(kumulatif | akhir | rata_rata; None means akhir) and the workbook's `nilai_tw` (kumulatif: each
quarter holds the total to date | per_triwulan: each quarter holds its own amount).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_xl.core.domain.angka import dekat, jumlah, lebih, rerata, terakhir
from lkjip_xl.core.domain.capaian import capaian

TW_MENURUN = "tw-menurun"  # a total to date below an earlier quarter's total to date
TW4_BEDA_TARGET = "tw4-beda-target"  # TW IV to date differs from the annual target

Kuartal = Sequence[float | None]
ROMAN = ("I", "II", "III", "IV")  # the quarters' numerals, TW I..TW IV: the one list of them


def _agregasi(agregasi: str | None) -> str:
    a = "akhir" if agregasi is None else agregasi
    if a not in ("kumulatif", "akhir", "rata_rata"):
        raise ValueError(f"unknown agregasi {agregasi!r}")
    return a


def _nilai_tw(nilai_tw: str) -> str:
    if nilai_tw not in ("kumulatif", "per_triwulan"):
        raise ValueError(f"unknown nilai_tw {nilai_tw!r}")
    return nilai_tw


def _empat(values: Kuartal) -> list[float | None]:
    if len(values) != 4:
        raise ValueError(f"a quarter list has 4 entries, got {len(values)}")
    return list(values)


def nilai_sd(values: Kuartal, agregasi: str | None, nilai_tw: str) -> list[float | None]:
    """The value to date (s/d) at each quarter; None where that quarter is not reported."""
    v = _empat(values)
    a, n = _agregasi(agregasi), _nilai_tw(nilai_tw)
    out: list[float | None] = []
    for q, x in enumerate(v):
        if x is None:
            out.append(None)
        elif a == "kumulatif":
            out.append(x if n == "kumulatif" else jumlah(v[: q + 1]))
        elif a == "akhir":
            out.append(x)
        else:
            out.append(rerata(v[: q + 1]))
    return out


def nilai_tahunan(values: Kuartal, agregasi: str | None, nilai_tw: str) -> float | None:
    """The year's value from four quarters; None if no quarter is reported."""
    v = _empat(values)
    a, n = _agregasi(agregasi), _nilai_tw(nilai_tw)
    if a == "kumulatif" and n == "per_triwulan":
        return jumlah(v)
    if a == "rata_rata":
        return rerata(v)
    return terakhir(v)


def capaian_tw(
    target_tw: Kuartal,
    realisasi_tw: Kuartal,
    polaritas: str,
    agregasi: str | None,
    nilai_tw: str,
    rumus_negatif: str = "lan",
    target_min: float | None = None,
    target_maks: float | None = None,
) -> list[float | None]:
    """Quarterly capaian: realisation to date against target to date (rentang: the annual range)."""
    t_sd = nilai_sd(target_tw, agregasi, nilai_tw)
    r_sd = nilai_sd(realisasi_tw, agregasi, nilai_tw)
    return [
        capaian(
            polaritas,
            t,
            r,
            rumus_negatif=rumus_negatif,
            target_min=target_min,
            target_maks=target_maks,
        )
        for t, r in zip(t_sd, r_sd, strict=True)
    ]


def cek_tw(
    values: Kuartal, agregasi: str | None, nilai_tw: str, annual_target: float | None = None
) -> list[tuple[str, int]]:
    """Problems in a quarter list, as (kind, quarter index 0..3).

    TW_MENURUN: for a kumulatif indicator written as totals to date, a quarter whose value is
    below the largest earlier reported value by more than noise (`angka.lebih`).
    TW4_BEDA_TARGET: TW IV to date is reported and not `dekat` the annual target (when given).
    """
    v = _empat(values)
    a, n = _agregasi(agregasi), _nilai_tw(nilai_tw)
    problems: list[tuple[str, int]] = []
    if a == "kumulatif" and n == "kumulatif":
        peak: float | None = None
        for q, x in enumerate(v):
            if x is None:
                continue
            if peak is not None and lebih(peak, x):
                problems.append((TW_MENURUN, q))
            peak = x if peak is None else max(peak, x)
    tw4 = nilai_sd(v, a, n)[3]
    if tw4 is not None and annual_target is not None:
        if not dekat(tw4, annual_target):
            problems.append((TW4_BEDA_TARGET, 3))
    return problems


@dataclass(frozen=True)
class TahunKurang:
    """A year (or, mid-year, the quarters to date) whose value rests on fewer quarters than due.

    `kosong`: the due quarters left empty that the year's value needs (0-based); `dari`: the
    reported quarters the value was computed from; `dipakai`: that value (None: none reported)."""

    kosong: tuple[int, ...]
    dari: tuple[int, ...]
    dipakai: float | None


def tahun_kurang(realisasi: float | None, values: Kuartal, agregasi: str | None, nilai_tw: str,
                 sampai: int = 4, targets: Kuartal | None = None) -> TahunKurang | None:
    """Whether the year's value is taken from fewer quarters than reported up to TW `sampai`.

    A stated annual value is the year: complete. Otherwise the year comes from the quarters
    (`nilai_tahunan`): for a level (akhir, or kumulatif written as totals to date) from the last
    quarter, so the year is short when the last due quarter is empty; for a sum (kumulatif
    per_triwulan) or a mean (rata_rata) from every quarter, so it is short when any due quarter
    is empty. Due: TW I..`sampai` (later quarters are mid-year work not due yet), and of those
    only the quarters with a Rencana Aksi target in `targets` when any has one (an indicator
    reported per semester plans TW II and TW IV only). Nothing reported at all is short too
    (`dari` empty): the caller decides whether that is "not reported yet" or a missing year.
    """
    if realisasi is not None:
        return None
    if sampai not in (1, 2, 3, 4):
        raise ValueError(f"sampai is a quarter 1..4, got {sampai}")
    v = _empat(values)[:sampai]
    planned = _empat(targets)[:sampai] if targets is not None else [None] * sampai
    due = [q for q in range(sampai) if planned[q] is not None]
    if targets is None or all(t is None for t in _empat(targets)):
        due = list(range(sampai))  # no plan at all: every quarter is due
    if not due:
        return None  # nothing planned up to TW `sampai`
    a, n = _agregasi(agregasi), _nilai_tw(nilai_tw)
    every = a == "rata_rata" or (a == "kumulatif" and n == "per_triwulan")
    kosong = tuple(q for q in due if v[q] is None) if every else (
        (due[-1],) if v[due[-1]] is None else ())
    if not kosong:
        return None
    dari = tuple(q for q, x in enumerate(v) if x is not None)
    if not every:
        dari = dari[-1:]
    return TahunKurang(kosong, dari, nilai_tahunan([*v, *[None] * (4 - sampai)], a, n))
