"""The Renja evaluation form (Formulir E.81, Permendagri 86/2017) as `measure` prints it.

Columns keep the regulation's numbers: 1 No, 2 Sasaran, 3 Program / Kegiatan / Sub kegiatan,
4 Indikator, then a K (kinerja) and an Rp (anggaran) column for each of 5..14 (with 12a, the
Renja achievement, which `pengaturan.e81_kolom_12a` may drop), then 15 the responsible unit. Each
pair names the computed column it shows (`schema/renja_tables.py`: K from *Renja Kinerja*, Rp from
*Renja Anggaran Kegiatan* or *Renja Anggaran Program*): a cell of the form is a reference to that
cell, never a second computation. The formula printed under a column's number is declared beside
it, and a test holds it true of the computed values (a peer prints a label its formula does not
compute).
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.schema.types import Kind

E81_SHEET = "Evaluasi Renja"


@dataclass(frozen=True)
class PairColumn:
    """One numbered column of the form: its K and Rp halves."""

    nomor: str  # "5" .. "14", "12a"
    header: str  # {tahun}, {tahun_1}, {akhir} (the Renstra's last year), {triwulan}
    header_en: str
    k: str  # column of EVALUASI_INDIKATOR
    rp: str  # column of EVALUASI_KEGIATAN and EVALUASI_PROGRAM
    kind_k: Kind = "number"
    kind_rp: Kind = "money"
    rumus: str = ""  # printed under the number: "12 = 8+9+10+11"

    @property
    def label(self) -> str:
        return self.rumus or self.nomor


PAIRS: tuple[PairColumn, ...] = (
    PairColumn("5", "Target kinerja dan anggaran Renstra PD tahun {akhir} (akhir periode Renstra)",
               "Plan end target and allocation ({akhir})", "k5", "rp5"),
    PairColumn("6", "Realisasi capaian kinerja dan anggaran Renstra PD s.d. Renja tahun lalu "
               "({tahun_1})", "Plan realisation to last year ({tahun_1})", "k6", "rp6"),
    PairColumn("7", "Target kinerja dan anggaran Renja PD tahun berjalan ({tahun})",
               "This year's work-plan target and allocation ({tahun})", "k7", "rp7"),
    PairColumn("8", "Realisasi triwulan I", "Realised, Q1", "k8", "rp8"),
    PairColumn("9", "Realisasi triwulan II", "Realised, Q2", "k9", "rp9"),
    PairColumn("10", "Realisasi triwulan III", "Realised, Q3", "k10", "rp10"),
    PairColumn("11", "Realisasi triwulan IV", "Realised, Q4", "k11", "rp11"),
    PairColumn("12", "Realisasi capaian kinerja dan anggaran Renja PD yang dievaluasi ({tahun})",
               "Work-plan realisation ({tahun})", "k12", "rp12", rumus="12 = 8+9+10+11"),
    PairColumn("12a", "Tingkat capaian kinerja dan realisasi anggaran Renja PD (%)",
               "Work-plan achievement and absorption (%)", "k12a", "rp12a", "percent",
               "percent", rumus="12a = 12/7 x 100%"),
    PairColumn("13", "Realisasi kinerja dan anggaran Renstra PD s.d. tahun {tahun}",
               "Plan realisation to date ({tahun})", "k13", "rp13", rumus="13 = 6+12"),
    PairColumn("14", "Tingkat capaian kinerja dan realisasi anggaran Renstra PD s.d. tahun "
               "{tahun} (%)", "Plan achievement to date (%)", "k14", "rp14", "percent",
               "percent", rumus="14 = 13/5 x 100%"),
)

LEADING = (("1", "No", "No"), ("2", "Sasaran", "Objective"),
           ("3", "Program / Kegiatan / Sub kegiatan", "Programme / activity / sub-activity"),
           ("4", "Indikator kinerja program (outcome) / kegiatan dan sub kegiatan (output)",
            "Indicator (outcome / output)"))
TRAILING = ("15", "Unit penanggung jawab", "Responsible unit")

# under the form: why K columns of a level or a mean do not add up as the labels print
NOTE = ("Kolom K mengikuti agregasi indikatornya: nilai akhir (tingkat) tidak dijumlahkan "
        "antartriwulan atau antartahun (13 = 12), rata-rata dirata-ratakan; hanya indikator "
        "kumulatif dan kolom Rp yang dijumlahkan seperti rumus di bawah nomor kolom.")

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
    ("upaya", "Tindak lanjut yang diperlukan dalam triwulan berikutnya dan Renja PD berikutnya"),
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
