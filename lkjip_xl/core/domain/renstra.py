"""Progress against the Renstra (five-year plan) end target (DOMAIN.md, "Progress ...").

Only the years the Renstra has a target for count; realisations of those years are taken from this
year's `realisasi` and from `realisasi_lalu` for earlier years.
"""

from __future__ import annotations

from collections.abc import Mapping

from lkjip_xl.core.domain.angka import jumlah, rerata

Tahunan = Mapping[int, float | None]


def _tahun_bertarget(target_renstra: Tahunan) -> list[int]:
    return sorted(y for y, t in target_renstra.items() if t is not None)


def target_akhir_renstra(target_renstra: Tahunan, agregasi: str | None) -> float | None:
    """kumulatif: sum of the yearly targets (in year order); akhir / rata_rata (and None): the
    target of the latest year that has one. None if the Renstra has no target."""
    years = _tahun_bertarget(target_renstra)
    if not years:
        return None
    if agregasi == "kumulatif":
        return jumlah(target_renstra[y] for y in years)
    if agregasi in (None, "akhir", "rata_rata"):
        return target_renstra[years[-1]]
    raise ValueError(f"unknown agregasi {agregasi!r}")


def realisasi_sd(
    tahun: int,
    realisasi: float | None,
    realisasi_lalu: Tahunan,
    target_renstra: Tahunan,
    agregasi: str | None,
) -> float | None:
    """Realisation to date against the Renstra.

    akhir (and None): this year's realisation. kumulatif / rata_rata: the sum / mean of the
    realisations of the Renstra years up to `tahun` that have a target; None if any is missing or
    there is no such year.
    """
    if agregasi in (None, "akhir"):
        return realisasi
    if agregasi not in ("kumulatif", "rata_rata"):
        raise ValueError(f"unknown agregasi {agregasi!r}")
    years = [y for y in _tahun_bertarget(target_renstra) if y <= tahun]
    values = [realisasi if y == tahun else realisasi_lalu.get(y) for y in years]
    if not values or any(v is None for v in values):
        return None
    return jumlah(values) if agregasi == "kumulatif" else rerata(values)


def kemajuan_renstra(realisasi_sd: float | None, target_akhir: float | None) -> float | None:
    """Tingkat kemajuan = realisasi_sd / target_akhir * 100; None if either is None or T is 0."""
    if realisasi_sd is None or target_akhir is None or target_akhir == 0:
        return None
    return realisasi_sd / target_akhir * 100
