"""Budget absorption (penyerapan) and efficiency (tingkat efisiensi), DOMAIN.md "Budget"."""

from __future__ import annotations

from lkjip_xl.core.domain.angka import jumlah

__all__ = ["efisiensi", "jumlah", "penyerapan"]


def penyerapan(anggaran: float | None, realisasi: float | None) -> float | None:
    """realisasi / anggaran * 100; None if anggaran is None or 0, or realisasi is None."""
    if anggaran is None or anggaran == 0 or realisasi is None:
        return None
    return realisasi / anggaran * 100


def efisiensi(
    metode: str,
    capaian: float | None,
    penyerapan: float | None,
    *,
    realisasi_anggaran: float | None = None,
    unit_outcome: float | None = None,
) -> float | None:
    """Efficiency by the declared method; None when an input it needs is None (or a divisor 0).

    selisih: capaian - penyerapan; hemat: 100 - penyerapan; rasio: capaian / penyerapan * 100;
    biaya_per_unit: realisasi_anggaran / unit_outcome (rupiah per unit, not a percentage).
    """
    if metode == "selisih":
        if capaian is None or penyerapan is None:
            return None
        return capaian - penyerapan
    if metode == "hemat":
        return None if penyerapan is None else 100 - penyerapan
    if metode == "rasio":
        if capaian is None or penyerapan is None or penyerapan == 0:
            return None
        return capaian / penyerapan * 100
    if metode == "biaya_per_unit":
        if realisasi_anggaran is None or unit_outcome is None or unit_outcome == 0:
            return None
        return realisasi_anggaran / unit_outcome
    raise ValueError(f"unknown metode_efisiensi {metode!r}")
