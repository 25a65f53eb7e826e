"""The LKjIP Bab III tables (PermenPANRB 53/2014), declared once, as the seed report numbers them.

Every cell of a report table refers to one cell of the workbook's own tables (`source` is
"TABLE.column", a key of `TABLES`): the report is a view of the computed sheets, never a second
computation. `scope` says what one row is:

- "indikator": one row per indicator; sources of a per-indicator table (PKK, PTW, IK, RK...) are
  read on the indicator's row, sources of a per-sasaran table (AE, SS) on its sasaran's row and
  merged over that sasaran's indicator rows;
- "kegiatan": Table 3.14, one row per kegiatan, grouped by sasaran, support programmes apart,
  then the agency total (written by `lkjip_xl.measure.bab3`).

`per_sasaran` tables repeat once per sasaran (Tables 3.2-3.6 for S1, 3.7-3.11 for S2 in the seed);
the others list every sasaran in one table (3.1, 3.12, 3.13, 3.14). Numbering follows the order.
Headers may use {tahun}, {tahun_1} (N-1) and {tahun_2} (N-2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lkjip_xl.schema.e80_form import E80_SHEET
from lkjip_xl.schema.e81_form import E81_SHEET
from lkjip_xl.schema.sheets import TABLES
from lkjip_xl.schema.types import Kind, Table

Scope = Literal["indikator", "kegiatan"]

KINERJA_SHEET = "Bab III Kinerja"
ANGGARAN_SHEET = "Bab III Anggaran"
CHART_SHEET = "Grafik"
DRAF_SHEET = "Temuan Terbuka"  # only in the output of a workbook verify fails: its open errors
# the Renstra evaluation (E.80) only in the output of a document with a Renstra period
REPORT_SHEETS = (KINERJA_SHEET, ANGGARAN_SHEET, CHART_SHEET, DRAF_SHEET, E81_SHEET, E80_SHEET)

# per-sasaran tables: their rows are merged over a sasaran's indicators
SASARAN_TABLES = ("AE", "SS")


@dataclass(frozen=True)
class ReportColumn:
    header: str
    header_en: str
    source: str  # "TABLE.column"
    kind: Kind = "number"

    @property
    def table(self) -> Table:
        return TABLES[self.source.split(".", 1)[0]]

    @property
    def key(self) -> str:
        return self.source.split(".", 1)[1]

    @property
    def per_sasaran(self) -> bool:
        return self.table.key in SASARAN_TABLES


@dataclass(frozen=True)
class ReportTable:
    key: str
    title: str  # Bahasa Indonesia; {sasaran} = the sasaran's name in per-sasaran tables
    title_en: str
    columns: tuple[ReportColumn, ...]
    scope: Scope = "indikator"
    per_sasaran: bool = False
    sheet: str = KINERJA_SHEET
    note: str = ""  # printed under the table; {metode} = the efficiency method's description
    # under the table, the indicators whose year is computed from fewer quarters than due
    # (core/year_end.py): where the report first states a year's capaian
    marks_incomplete: bool = False


_SASARAN = ReportColumn("Sasaran strategis", "Strategic objective", "AE.uraian", "text")
_INDIKATOR = ReportColumn("Indikator kinerja", "Indicator", "PKK.uraian", "text")
_SATUAN = ReportColumn("Satuan", "Unit", "PKK.satuan", "text")
_TARGET = ReportColumn("Target {tahun}", "Target {tahun}", "PKK.target")
_REALISASI = ReportColumn("Realisasi {tahun}", "Realisation {tahun}", "PKK.realisasi")
_CAPAIAN = ReportColumn("Capaian {tahun} (%)", "Achievement {tahun} (%)", "PKK.capaian", "percent")
_ANGGARAN = ReportColumn("Anggaran {tahun} (Rp)", "Allocation {tahun}", "AE.anggaran", "money")
_REAL_ANGG = ReportColumn("Realisasi anggaran (Rp)", "Spent", "AE.realisasi", "money")
_SERAPAN = ReportColumn("Penyerapan anggaran (%)", "Absorption (%)", "AE.penyerapan", "percent")
_CAPAIAN_SS = ReportColumn("Capaian kinerja sasaran (%)", "Objective achievement (%)",
                           "AE.capaian", "percent")
_EFISIENSI = ReportColumn("Tingkat efisiensi", "Efficiency", "AE.efisiensi", "points")

_METODE_NOTE = "Metode efisiensi: {metode}."

REPORT_TABLES: tuple[ReportTable, ...] = (
    ReportTable("capaian", "Capaian kinerja tahun {tahun}", "Performance achieved in {tahun}",
                (_SASARAN, _INDIKATOR, _SATUAN, _TARGET, _REALISASI, _CAPAIAN,
                 ReportColumn("Predikat", "Predicate", "PKK.predikat", "text")),
                marks_incomplete=True),
    ReportTable("perbandingan", "Perbandingan realisasi dengan tahun-tahun sebelumnya: {sasaran}",
                "Comparison with earlier years: {sasaran}",
                (_INDIKATOR, _SATUAN, _TARGET,
                 ReportColumn("Realisasi {tahun_2}", "Realisation {tahun_2}", "RK.rl2"),
                 ReportColumn("Realisasi {tahun_1}", "Realisation {tahun_1}",
                              "PKK.realisasi_lalu"),
                 _REALISASI, _CAPAIAN,
                 ReportColumn("Membaik?", "Improved?", "PKK.membaik", "text")),
                per_sasaran=True),
    ReportTable("kemajuan", "Perbandingan capaian s.d. akhir periode Renstra: {sasaran}",
                "Progress to the strategic plan's end target: {sasaran}",
                (_SASARAN, _INDIKATOR,
                 ReportColumn("Target akhir Renstra", "Plan end target", "PKK.target_akhir"),
                 ReportColumn("Realisasi s.d. {tahun}", "Realisation to {tahun}",
                              "PKK.realisasi_sd"),
                 ReportColumn("Tingkat kemajuan (%)", "Progress (%)", "PKK.kemajuan", "percent")),
                per_sasaran=True),
    ReportTable("alokasi", "Cost per outcome (alokasi per sasaran): {sasaran}",
                "Cost per outcome (allocation per objective): {sasaran}",
                (_SASARAN, _INDIKATOR, _ANGGARAN, _REAL_ANGG, _SERAPAN), per_sasaran=True),
    ReportTable("kinerja_anggaran", "Cost per outcome (pencapaian kinerja dan anggaran): {sasaran}",
                "Cost per outcome (performance and budget): {sasaran}",
                (_SASARAN, _INDIKATOR, _TARGET, _REALISASI, _CAPAIAN, _ANGGARAN, _REAL_ANGG,
                 _SERAPAN), per_sasaran=True),
    ReportTable("efisiensi", "Cost per outcome (efisiensi penggunaan sumber daya): {sasaran}",
                "Cost per outcome (efficiency): {sasaran}",
                (_SASARAN, _INDIKATOR, _CAPAIAN_SS, _SERAPAN, _EFISIENSI), per_sasaran=True,
                note=_METODE_NOTE),
    ReportTable("kinerja_anggaran_semua", "Cost per outcome (perjanjian kinerja dan anggaran)",
                "Cost per outcome (performance agreement and budget)",
                (_SASARAN, _INDIKATOR, _TARGET, _REALISASI, _CAPAIAN, _ANGGARAN, _REAL_ANGG,
                 _SERAPAN)),
    ReportTable("efisiensi_semua", "Efisiensi penggunaan sumber daya tahun {tahun}",
                "Efficiency of resource use, {tahun}",
                (_SASARAN, _INDIKATOR, _CAPAIAN_SS, _SERAPAN, _EFISIENSI), note=_METODE_NOTE),
    ReportTable("realisasi_anggaran", "Realisasi anggaran tahun anggaran {tahun}",
                "Budget realisation, fiscal year {tahun}",
                (ReportColumn("Sasaran strategis", "Strategic objective", "AE.uraian", "text"),
                 ReportColumn("Indikator kinerja", "Indicator", "PKK.uraian", "text"),
                 ReportColumn("Kegiatan", "Activity", "AK.uraian", "text"),
                 ReportColumn("Target anggaran (Rp)", "Allocation", "AK.anggaran", "money"),
                 ReportColumn("Realisasi anggaran (Rp)", "Spent", "AK.realisasi", "money"),
                 ReportColumn("%", "%", "AK.penyerapan", "percent")),
                scope="kegiatan", sheet=ANGGARAN_SHEET),
)

# How each efficiency method is described under Tables 3.6 / 3.11 / 3.13 (DOMAIN.md).
METODE_TEXT = {
    "selisih": "selisih, capaian kinerja (%) dikurangi penyerapan anggaran (%)",
    "hemat": "hemat, 100 dikurangi penyerapan anggaran (%)",
    "rasio": "rasio, capaian kinerja dibagi penyerapan anggaran x 100",
    "biaya_per_unit": "biaya per unit, realisasi anggaran (Rp) dibagi realisasi outcome (unit)",
}

# The labels of Table 3.14's group rows.
PENDUKUNG_LABEL = "Program pendukung (tanpa sasaran)"
JUMLAH_LABEL = "Jumlah"
TOTAL_LABEL = "Total instansi"


def check() -> None:
    """Every source names a declared column (run by the tests)."""
    for t in REPORT_TABLES:
        for c in t.columns:
            c.table.index(c.key)


__all__ = ["REPORT_TABLES", "ReportTable", "ReportColumn", "KINERJA_SHEET", "ANGGARAN_SHEET",
           "CHART_SHEET", "DRAF_SHEET", "REPORT_SHEETS", "METODE_TEXT", "check"]
