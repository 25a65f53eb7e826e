"""The planning unit's RKPD evaluation: every agency's E.81 rows stacked under the RKPD / RPJMD
sasaran they serve (RENJA-EVALUATION.md, "The planning unit's view").

A consolidation, not a new computation: each row keeps the numbers its agency's workbook computed;
only a group's money line is new, and it sums the programmes' money (absorption weighted by
budget, as everywhere). Kegiatan and sub-kegiatan rows are shown but not summed again: their money
is already inside their programme's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_xl.core.domain.renja import Kolom, jumlah_rp


@dataclass(frozen=True)
class BarisRkpd:
    """One E.81 row of one agency, with what places it: the sasaran's `acuan_rpjmd`."""

    acuan_rpjmd: str | None
    instansi: str
    tingkat: str  # program | kegiatan | sub_kegiatan
    kode: str
    k: Kolom | None = None
    rp: Kolom | None = None  # the owner's money, on its first row only (summed once)
    # what the planning unit reads beside the numbers (rekap's Evaluasi RKPD)
    uraian: str = ""  # the programme's, kegiatan's or sub-kegiatan's name
    kode_sasaran: str | None = None
    kode_indikator: str | None = None
    indikator: str | None = None
    satuan: str | None = None
    penanggung_jawab: str | None = None


@dataclass(frozen=True)
class KelompokRkpd:
    """The rows under one RKPD / RPJMD sasaran (`acuan` as first written; None: rows whose sasaran
    names none, placed last) and the group's programme money summed."""

    acuan: str | None
    baris: tuple[BarisRkpd, ...]
    rp: Kolom | None


def kunci_acuan(acuan: str | None) -> str:
    """Two agencies' spellings of one RPJMD sasaran match when they differ only in case, spacing
    or Unicode form ('Meningkatnya  kualitas' = 'meningkatnya Kualitas'); empty is no acuan."""
    if acuan is None:
        return ""
    text = unicodedata.normalize("NFKC", acuan)
    return " ".join(text.split()).casefold()


def kelompok_rkpd(baris: Sequence[BarisRkpd]) -> list[KelompokRkpd]:
    """The rows grouped by `kunci_acuan`, groups in the order first seen and the rows in their
    given order (agency by agency, as each agency's E.81 lists them); the group without acuan
    last."""
    groups: dict[str, list[BarisRkpd]] = {}
    for b in baris:
        groups.setdefault(kunci_acuan(b.acuan_rpjmd), []).append(b)
    keys = [k for k in groups if k] + ([""] if "" in groups else [])
    out: list[KelompokRkpd] = []
    for key in keys:
        rows = groups[key]
        money = [b.rp for b in rows if b.tingkat == "program" and b.rp is not None]
        first = next((b.acuan_rpjmd.strip() for b in rows if b.acuan_rpjmd), None) if key else None
        out.append(KelompokRkpd(first, tuple(rows), jumlah_rp(money) if money else None))
    return out


__all__ = ["BarisRkpd", "KelompokRkpd", "kelompok_rkpd", "kunci_acuan"]
