"""Capaian (achievement) of one indicator, the cap, and the predicate (DOMAIN.md, "Capaian")."""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_xl.core.domain.angka import dekat
from lkjip_xl.core.model import PredikatBand


def capaian(
    polaritas: str,
    target: float | None,
    realisasi: float | None,
    *,
    rumus_negatif: str = "lan",
    target_min: float | None = None,
    target_maks: float | None = None,
) -> float | None:
    """Uncapped achievement in percent, floored at 0; None when it is undefined.

    positif R/T*100; negatif `lan` (2-R/T)*100 or `invers` T/R*100; rentang [a, b]: 100 inside,
    R/a*100 below a, (2-R/b)*100 above b. A zero divisor gives None, never an error or 0.
    """
    if realisasi is None:
        return None
    r = realisasi
    if polaritas == "rentang":
        a, b = target_min, target_maks
        if a is None or b is None:
            return None
        if a <= r <= b:
            return 100.0
        if r < a:
            return None if a == 0 else max(0.0, r / a * 100)
        return None if b == 0 else max(0.0, (2 - r / b) * 100)
    if polaritas not in ("positif", "negatif"):
        raise ValueError(f"unknown polaritas {polaritas!r}")
    t = target
    if t is None or t == 0:
        return None
    if polaritas == "positif":
        return max(0.0, r / t * 100)
    if rumus_negatif == "lan":
        return max(0.0, (2 - r / t) * 100)
    if rumus_negatif == "invers":
        return None if r == 0 else max(0.0, t / r * 100)
    raise ValueError(f"unknown rumus_negatif {rumus_negatif!r}")


def capaian_dipakai(capaian: float | None, batas_capaian: float | None) -> float | None:
    """The capaian used for predicates and averages: min(capaian, batas) when a cap is declared."""
    if capaian is None or batas_capaian is None:
        return capaian
    return min(capaian, float(batas_capaian))


def predikat(nilai: float | None, bands: Sequence[PredikatBand]) -> str | None:
    """Label of the first band (highest first) that nilai reaches; min None catches the rest.

    nilai reaches min when nilai >= min or dekat(nilai, min) (90.99999999999999 reaches 91).
    """
    if nilai is None:
        return None
    for band in bands:
        if band.min is None or nilai >= band.min or dekat(nilai, band.min):
            return band.label
    return None
