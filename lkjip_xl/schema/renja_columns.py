"""The columns of Formulir E.81 (Permendagri 86/2017) as the reports print them: laporan's
lampiran and item-7 table, and rekap's *Evaluasi RKPD* sheet, walk this one declaration.

Each numbered column is a K / Rp pair read from a `core.domain.renja.Kolom` field (`field`;
8-11 are `tw[0..3]`); the regulation's numbers are kept (12a is printed "12a", not renumbered),
so the printed formula labels (12 = 8+9+10+11, 13 = 6+12, 14 = 13/5 x 100 %) stay literally true
for money and flows (docs/renja-evaluation.md). Headers in Bahasa Indonesia and English.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.core.domain.renja import Kolom


@dataclass(frozen=True)
class KolomE81:
    nomor: str  # the form's column number, as printed
    field: str  # the Kolom attribute ("k5", ...; "tw0".."tw3" the quarters)
    header: str
    header_en: str
    rumus: str = ""  # the printed formula label under the header
    persen: bool = False  # an achievement (%), not an amount

    def of(self, k: Kolom | None) -> float | None:
        if k is None:
            return None
        if self.field.startswith("tw"):
            return k.tw[int(self.field[2:])]
        value: float | None = getattr(k, self.field)
        return value


KOLOM_E81: tuple[KolomE81, ...] = (
    KolomE81("5", "k5", "Target Renstra akhir periode", "Renstra end-of-period target"),
    KolomE81("6", "k6", "Realisasi Renstra s.d. tahun lalu", "Renstra realised to last year"),
    KolomE81("7", "k7", "Target dan pagu Renja tahun berjalan",
             "This year's Renja target and allocation"),
    KolomE81("8", "tw0", "Realisasi triwulan I", "Realisation, quarter I"),
    KolomE81("9", "tw1", "Realisasi triwulan II", "Realisation, quarter II"),
    KolomE81("10", "tw2", "Realisasi triwulan III", "Realisation, quarter III"),
    KolomE81("11", "tw3", "Realisasi triwulan IV", "Realisation, quarter IV"),
    KolomE81("12", "k12", "Realisasi Renja tahun berjalan", "This year's Renja realisation",
             "12 = 8+9+10+11"),
    KolomE81("12a", "k12a", "Tingkat capaian Renja (%)", "Renja achievement (%)",
             "12a = 12/7 x 100%", persen=True),
    KolomE81("13", "k13", "Realisasi Renstra s.d. tahun berjalan",
             "Renstra realised to this year", "13 = 6+12"),
    KolomE81("14", "k14", "Tingkat capaian Renstra s.d. tahun berjalan (%)",
             "Renstra achievement to this year (%)", "14 = 13/5 x 100%", persen=True),
)

# the descriptive columns around the pairs (1-4 and 15)
NO, SASARAN, PROGRAM_KEGIATAN, INDIKATOR, PENANGGUNG_JAWAB = (
    ("1", "No", "No"),
    ("2", "Sasaran", "Objective"),
    ("3", "Program / Kegiatan / Sub kegiatan", "Programme / activity / sub-activity"),
    ("4", "Indikator kinerja program (outcome) / kegiatan (output)",
     "Programme outcome / activity output indicator"),
    ("15", "Unit penanggung jawab", "Responsible unit"),
)
# the form's note: a K column of a level or a mean follows its aggregation, not the printed sum
CATATAN_K = ("Kolom K indikator mengikuti agregasinya: indikator akhir (tingkat) tidak "
             "dijumlahkan, rata-rata dirata-ratakan, hanya kumulatif yang dijumlahkan; kolom Rp "
             "adalah jumlah yang tercetak.")
CATATAN_K_EN = ("K columns follow each indicator's aggregation: a level is never summed, a mean "
                "is averaged, only kumulatif adds; Rp columns are the printed sums.")

__all__ = ["CATATAN_K", "CATATAN_K_EN", "INDIKATOR", "KOLOM_E81", "KolomE81", "NO",
           "PENANGGUNG_JAWAB", "PROGRAM_KEGIATAN", "SASARAN"]
