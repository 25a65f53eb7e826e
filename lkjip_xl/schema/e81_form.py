"""The Renja evaluation form (Formulir E.81, Permendagri 86/2017) as `measure` prints it.

Columns keep the regulation's numbers: 1 No, 2 Sasaran, 3 Program / Kegiatan / Sub kegiatan,
4 Indikator, then a K (kinerja) and an Rp (anggaran) column for each of 5..14 (with 12a, the
Renja achievement, which `pengaturan.e81_kolom_12a` may drop), then 15 the responsible unit. Each
pair names the computed column it shows (`schema/renja_tables.py`: K from *Renja Kinerja*, Rp from
*Renja Anggaran Kegiatan* or *Renja Anggaran Program*): a cell of the form is a reference to that
cell, never a second computation. The numbers, headers and printed formulas are `schema/renja_columns.py`'s
(laporan's lampiran and rekap print the same), and a test holds the labels true of the computed
values (a peer prints a label its formula does not compute).
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.schema.renja_columns import (
    CATATAN_K,
    INDIKATOR,
    KOLOM_E81,
    NO,
    PENANGGUNG_JAWAB,
    PROGRAM_KEGIATAN,
    SASARAN,
    KolomE81,
)
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.schema.types import Kind

E81_SHEET = "Evaluasi Renja"


@dataclass(frozen=True)
class PairColumn:
    """One numbered column of the form (`schema.renja_columns`, the one declaration laporan and
    rekap print too) and the computed columns its K and Rp halves show: `k<nomor>` of Renja
    Kinerja, `rp<nomor>` of Renja Anggaran Kegiatan and Renja Anggaran Program."""

    kolom: KolomE81

    @property
    def nomor(self) -> str:
        return self.kolom.nomor

    @property
    def header(self) -> str:
        return self.kolom.header

    @property
    def header_en(self) -> str:
        return self.kolom.header_en

    @property
    def rumus(self) -> str:
        return self.kolom.rumus

    @property
    def k(self) -> str:
        return f"k{self.nomor}"

    @property
    def rp(self) -> str:
        return f"rp{self.nomor}"

    @property
    def kind_k(self) -> Kind:
        return "percent" if self.kolom.persen else "number"

    @property
    def kind_rp(self) -> Kind:
        return "percent" if self.kolom.persen else "money"

    @property
    def label(self) -> str:
        return self.rumus or self.nomor


PAIRS: tuple[PairColumn, ...] = tuple(PairColumn(c) for c in KOLOM_E81)
LEADING = (NO, SASARAN, PROGRAM_KEGIATAN, INDIKATOR)
TRAILING = PENANGGUNG_JAWAB
NOTE = CATATAN_K  # under the form: why K columns of a level or a mean do not add up

FOOTER = (
    ("rata_rata_capaian", "Rata-rata capaian kinerja (%)", "percent"),
    ("predikat", "Predikat kinerja", "text"),
    ("rata_rata_capaian_renstra", "Rata-rata capaian kinerja Renstra (%)", "percent"),
    ("penyerapan", "Penyerapan anggaran program (%)", "percent"),
)
# the footer's text lines: each from the sasaran's analysis column (Sasaran sheet) of that name
TEXTS = (
    ("pendorong", "Faktor pendorong keberhasilan pencapaian"),
    ("penghambat", "Faktor penghambat pencapaian kinerja"),
    # two lines, two Sasaran columns: the next quarter's (Upaya / solusi), the next Renja's
    ("upaya", "Tindak lanjut yang diperlukan dalam triwulan berikutnya"),
    ("tindak_lanjut_renja", "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya"),
)
PENDUKUNG = "Program pendukung (tanpa sasaran)"


def pairs(kolom_12a: bool = True) -> tuple[PairColumn, ...]:
    """The form's numbered pairs; without 12a when the workbook drops it."""
    return tuple(p for p in PAIRS if kolom_12a or p.nomor != "12a")


def check() -> None:
    """Every pair names declared columns (run by the tests)."""
    for p in PAIRS:
        EVALUASI_INDIKATOR.index(p.k)
        EVALUASI_KEGIATAN.index(p.rp)
        EVALUASI_PROGRAM.index(p.rp)


__all__ = ["E81_SHEET", "FOOTER", "LEADING", "NOTE", "PAIRS", "PENDUKUNG", "TEXTS", "TRAILING",
           "PairColumn", "check", "pairs"]
