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
from lkjip_xl.core.domain.renstra_eval import BarisE80


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



# ---------------------------------------------------------------- Formulir E.80
# The Renstra evaluation's columns: 1-4 as the E.81's (3 names sub-kegiatan too, as SIPD-era
# Renstra do), 5 the data at the plan's start (K), 6 the end-of-period target (K, Rp), then per
# Renstra year its target, realisation and ratio (K, Rp each), the responsible unit last. With
# the regulation's five years that is 7-11, 12-16, 17-21 and 22; a period of another length
# numbers on in the same order. A ratio is realisation / target x 100 (K by the indicator's
# polarity, as the E.81's 12a), the years after this one empty.

GRUP_E80 = ("target", "realisasi", "rasio")  # per-year groups, in the form's order


@dataclass(frozen=True)
class KolomE80:
    """One numbered column of the E.80: `grup` is "awal" (5, K only), "akhir" (6) or one of
    GRUP_E80 with `ke` the Renstra year's ordinal (1-based) and `tahun` its calendar year."""

    nomor: str
    grup: str
    header: str
    header_en: str
    ke: int = 0
    tahun: int = 0
    rumus: str = ""

    @property
    def persen(self) -> bool:
        return self.grup == "rasio"

    @property
    def k_saja(self) -> bool:
        """The data at the plan's start is a K figure only (no Rp half)."""
        return self.grup == "awal"

    def of(self, b: BarisE80 | None, side: str) -> float | None:
        """This column's K (`side` "k") or Rp ("rp") figure of an E.80 row."""
        if b is None or (side == "rp" and self.k_saja):
            return None
        if self.grup == "awal":
            return b.kondisi_awal
        if self.grup == "akhir":
            return b.target_akhir_k if side == "k" else b.target_akhir_rp
        t = b.tahun[self.ke - 1]
        value: float | None = getattr(t, f"{self.grup}_{side}")
        return value


_GRUP_HEADER = {
    "target": ("Target Renstra tahun ke-{ke} ({tahun})", "Renstra target, year {ke} ({tahun})"),
    "realisasi": ("Realisasi Renstra tahun ke-{ke} ({tahun})",
                  "Renstra realisation, year {ke} ({tahun})"),
    "rasio": ("Rasio capaian tahun ke-{ke} ({tahun}) (%)", "Ratio, year {ke} ({tahun}) (%)"),
}


def kolom_e80(awal: int, akhir: int) -> tuple[KolomE80, ...]:
    """The E.80's numbered columns for the Renstra period `awal`..`akhir`."""
    years = list(range(awal, akhir + 1))
    out = [KolomE80("5", "awal", f"Data capaian awal perencanaan ({awal - 1})",
                    f"Data at the plan's start ({awal - 1})"),
           KolomE80("6", "akhir", "Target Renstra akhir periode", "Renstra end-of-period target")]
    nomor = 7
    first: dict[str, int] = {}
    for grup in GRUP_E80:
        first[grup] = nomor
        for ke, tahun in enumerate(years, start=1):
            h, h_en = _GRUP_HEADER[grup]
            rumus = ""
            if grup == "rasio":
                rumus = f"{nomor} = {first['realisasi'] + ke - 1}/{first['target'] + ke - 1} x 100%"
            out.append(KolomE80(str(nomor), grup, h.format(ke=ke, tahun=tahun),
                                h_en.format(ke=ke, tahun=tahun), ke, tahun, rumus))
            nomor += 1
    return tuple(out)


def penanggung_jawab_e80(awal: int, akhir: int) -> tuple[str, str, str]:
    """The responsible-unit column, numbered after the period's ratios."""
    return (str(7 + 3 * (akhir - awal + 1)), PENANGGUNG_JAWAB[1], PENANGGUNG_JAWAB[2])


# the E.80's note: K ratios follow each indicator's polarity, its end target its aggregation
CATATAN_E80 = ("Rasio K mengikuti polaritas indikator (negatif: makin rendah makin baik), "
               "seperti kolom 12a Evaluasi Renja; target akhir K mengikuti agregasinya "
               "(kumulatif: jumlah target tahunan, lainnya: target tahun terakhir); kolom Rp "
               "adalah jumlah yang tercetak. Tahun setelah tahun berjalan belum diisi.")
CATATAN_E80_EN = ("K ratios follow each indicator's polarity (negatif: lower is better), as the "
                  "E.81's 12a; the K end target follows its aggregation (kumulatif: the sum of "
                  "the yearly targets, others: the last year's); Rp columns are the printed "
                  "sums. Years after this one are not yet filled.")
PROGRAM_KEGIATAN_E80 = PROGRAM_KEGIATAN  # with sub-kegiatan, as the E.81's column 3
INDIKATOR_E80 = INDIKATOR

__all__ = ["CATATAN_E80", "CATATAN_E80_EN", "CATATAN_K", "CATATAN_K_EN", "GRUP_E80", "INDIKATOR",
           "INDIKATOR_E80", "KOLOM_E81", "KolomE80", "KolomE81", "NO", "PENANGGUNG_JAWAB",
           "PROGRAM_KEGIATAN", "PROGRAM_KEGIATAN_E80", "SASARAN", "kolom_e80",
           "penanggung_jawab_e80"]
