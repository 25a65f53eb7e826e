"""The rows of rekap's *Evaluasi RKPD* sheet: every passing agency's E.81 rows stacked under the
RPJMD / RKPD sasaran they serve (docs/renja-evaluation.md, "export, laporan, rekap").

No arithmetic here: an agency's rows are `core.evaluasi.evaluasi_renja` of its workbook (taken
in the batch worker, `rows_of`), grouped by `core.domain.rkpd.kelompok_rkpd` (groups in the
order first seen, spellings matched by `kunci_acuan`, rows without acuan last); the group's money
line is `kelompok_rkpd`'s sum of its programme rows. planning/rekap.py writes the sheet, the money
line as formulas over the group's programme rows with these values cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lkjip_xl.core.domain.rkpd import BarisRkpd, KelompokRkpd, kelompok_rkpd
from lkjip_xl.core.evaluasi import KEGIATAN, PROGRAM, BarisK, EvaluasiRenja
from lkjip_xl.schema.renja_columns import KOLOM_E81

TANPA_ACUAN = "(tanpa acuan RPJMD)"
TINGKAT_TEXT = {PROGRAM: "Program", KEGIATAN: "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
JUMLAH = "Jumlah anggaran program"
# the Rp columns a money line sums; the percentages are recomputed from the sums
SUMMED = tuple(k for k in KOLOM_E81 if not k.persen)
RATIOS = {"12a": ("7", "12"), "14": ("5", "13")}  # pagu, realisation of each percentage


def rows_of(ev: EvaluasiRenja, instansi: str) -> list[BarisRkpd]:
    """An agency's E.81 as rows: one per indicator of each owner (one without indicator for an
    owner that has none); the owner's money on its first row only, so a group sums it once."""
    out: list[BarisRkpd] = []
    for p in ev.pemilik:
        owned: list[BarisK | None] = list(p.indikator) or [None]
        for n, b in enumerate(owned):
            i = b.indikator if b is not None else None
            out.append(BarisRkpd(
                p.acuan_rpjmd, instansi, p.tingkat, p.kode, k=b.k if b is not None else None,
                rp=p.rp if n == 0 else None, uraian=p.uraian, kode_sasaran=p.kode_sasaran,
                kode_indikator=i.kode if i else None, indikator=i.uraian if i else None,
                satuan=i.satuan if i else None,
                penanggung_jawab=i.penanggung_jawab if i else None))
    return out


@dataclass(frozen=True)
class Line:
    """One line of the sheet: a group's title, an E.81 row (`baris`, `no` its agency's number)
    or a group's money line (`kelompok`)."""

    kind: str  # "judul" | "baris" | "jumlah"
    acuan: str
    baris: BarisRkpd | None = None
    no: int | None = None
    kelompok: KelompokRkpd | None = None

    def values(self) -> dict[str, Any]:
        """The cells of an E.81 row by the table's column keys."""
        b = self.baris
        if b is None:
            return {}
        out: dict[str, Any] = {
            "no": self.no, "instansi": b.instansi, "kode": b.kode, "uraian": b.uraian,
            "acuan": self.acuan, "kode_sasaran": b.kode_sasaran,
            "tingkat": TINGKAT_TEXT.get(b.tingkat, b.tingkat), "indikator": b.indikator,
            "satuan": b.satuan, "penanggung_jawab": b.penanggung_jawab}
        for k in KOLOM_E81:
            out[f"k{k.nomor}"] = k.of(b.k)
            out[f"rp{k.nomor}"] = k.of(b.rp)
        return out


def lines(agencies: Iterable[tuple[int, list[BarisRkpd]]]) -> Iterator[Line]:
    """The sheet's lines: per group its title, its rows (agency by agency, each agency's in its
    E.81 order) and its money line."""
    rows: list[BarisRkpd] = []
    numbers: dict[int, int] = {}
    for no, baris in agencies:
        for b in baris:
            numbers[id(b)] = no
            rows.append(b)
    for g in kelompok_rkpd(rows):
        acuan = g.acuan or TANPA_ACUAN
        yield Line("judul", acuan)
        for b in g.baris:
            yield Line("baris", acuan, b, numbers[id(b)])
        yield Line("jumlah", acuan, kelompok=g)


__all__ = ["JUMLAH", "KOLOM_E81", "RATIOS", "SUMMED", "TANPA_ACUAN", "TINGKAT_TEXT", "Line", "lines",
           "rows_of"]
