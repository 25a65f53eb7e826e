"""The consolidation workbook (`lkjip-xl rekap`), declared with the layout's own types: its
sheets and the columns of their tables (header, kind, width). planning/rekap.py writes them;
the formulas come from schema/formulas.py like the agency workbook's."""

from __future__ import annotations

from lkjip_xl.schema.renja_columns import KOLOM_E81
from lkjip_xl.schema.types import Column, Table

S_RINGKASAN, S_INSTANSI, S_INDIKATOR = "Ringkasan", "Instansi", "Indikator"
# S_GAGAL: every file left out (not filled in, failed, unreadable, not lkjip-xl), with its verdict
S_EFISIENSI, S_GRAFIK, S_GAGAL = "Efisiensi", "Grafik", "Tidak Direkap"
S_RKPD = "Evaluasi RKPD"  # every agency's E.81 rows under the RPJMD sasaran they serve
HEADER_ROW = 4  # title in row 1, a note in row 2, headers in row 4, data from row 5


def _cols(*specs: tuple[str, str, str, str, float]) -> tuple[Column, ...]:
    return tuple(Column(key, header, en, kind, width)  # type: ignore[arg-type]
                 for key, header, en, kind, width in specs)


INSTANSI = Table("RI", S_INSTANSI, _cols(
    ("no", "No", "No", "int", 5), ("instansi", "Instansi", "Agency", "text", 45),
    ("pemda", "Pemda", "Local government", "text", 18), ("tahun", "Tahun", "Year", "year", 7),
    ("file", "File", "File", "plain", 30),
    ("n_indikator", "Jumlah indikator", "Indicators", "int", 10),
    ("capaian", "Capaian rata-rata (%)", "Mean achievement (%)", "percent", 12),
    ("anggaran", "Anggaran", "Allocation", "money", 18),
    ("realisasi", "Realisasi anggaran", "Spent", "money", 18),
    ("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12),
    ("metode", "Metode efisiensi", "Efficiency method", "text", 13),
    ("efisiensi", "Efisiensi", "Efficiency", "points", 11),
    ("rank_penyerapan", "Peringkat penyerapan", "Absorption rank", "int", 11),
    ("rank_capaian", "Peringkat capaian", "Achievement rank", "int", 11),
    ("status", "Status verifikasi", "Verification", "text", 12),
    ("galat", "Galat", "Errors", "int", 7), ("peringatan", "Peringatan", "Warnings", "int", 10),
), default_capacity=0, header_row=HEADER_ROW, row_key="no")

INDIKATOR = Table("RD", S_INDIKATOR, _cols(
    ("no", "No instansi", "Agency no", "int", 8), ("instansi", "Instansi", "Agency", "text", 35),
    ("kode_sasaran", "Kode sasaran", "Objective code", "text", 10),
    ("kode", "Kode indikator", "Indicator code", "text", 10),
    ("uraian", "Indikator", "Indicator", "text", 45), ("satuan", "Satuan", "Unit", "text", 8),
    ("polaritas", "Polaritas", "Polarity", "text", 10),
    ("target", "Target", "Target", "number", 11),
    ("target_min", "Target min", "Range min", "number", 10),
    ("target_maks", "Target maks", "Range max", "number", 10),
    ("realisasi", "Realisasi", "Realisation", "number", 11),
    ("capaian", "Capaian (%)", "Achievement (%)", "percent", 11),
    ("capaian_dipakai", "Capaian dipakai (%)", "Achievement used (%)", "percent", 11),
    ("predikat", "Predikat", "Predicate", "text", 14),
), default_capacity=0, header_row=HEADER_ROW, row_key="no")

EFISIENSI = Table("RE", S_EFISIENSI, _cols(
    ("no", "No instansi", "Agency no", "int", 8), ("instansi", "Instansi", "Agency", "text", 35),
    ("kode", "Kode sasaran", "Objective code", "text", 10),
    ("uraian", "Sasaran", "Objective", "text", 45),
    ("capaian", "Capaian (%)", "Achievement (%)", "percent", 11),
    ("predikat", "Predikat", "Predicate", "text", 14),
    ("anggaran", "Anggaran", "Allocation", "money", 18),
    ("realisasi", "Realisasi anggaran", "Spent", "money", 18),
    ("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12),
    ("efisiensi", "Efisiensi", "Efficiency", "points", 11),
    ("metode", "Metode", "Method", "text", 13),
), default_capacity=0, header_row=HEADER_ROW, row_key="no")

GAGAL = Table("RG", S_GAGAL, _cols(
    ("no", "No", "No", "int", 5), ("file", "File", "File", "plain", 35),
    ("instansi", "Instansi", "Agency", "text", 35), ("status", "Status", "Status", "text", 13),
    ("galat", "Galat", "Errors", "int", 7), ("peringatan", "Peringatan", "Warnings", "int", 10),
    ("kode", "Kode temuan", "Finding code", "text", 24),
    ("lokasi", "Lokasi", "Location", "text", 26), ("pesan", "Pesan", "Message", "text", 80),
), default_capacity=0, header_row=HEADER_ROW, row_key="no")

# the planning unit's RKPD evaluation: each agency's E.81 rows (core.evaluasi) stacked by the
# sasaran's acuan_rpjmd (core.domain.rkpd), K / Rp pairs with the form's column numbers; a
# group's money line sums its programme rows (planning/rekap_renja.py)
EVALUASI_RKPD = Table("RR", S_RKPD, _cols(
    ("no", "No instansi", "Agency no", "int", 7), ("instansi", "Instansi", "Agency", "text", 24),
    ("kode", "Kode", "Code", "text", 12),
    ("uraian", "Program / Kegiatan / Sub kegiatan", "Programme / activity / sub-activity",
     "text", 30),
    ("acuan", "Sasaran RPJMD / RKPD", "RPJMD / RKPD objective", "text", 24),
    ("kode_sasaran", "Kode sasaran", "Objective code", "text", 8),
    ("tingkat", "Tingkat", "Level", "text", 11),
    ("indikator", "Indikator kinerja (outcome / output)", "Indicator (outcome / output)",
     "text", 30),
    ("satuan", "Satuan", "Unit", "text", 8),
    # "5 K: <the form's header>", then its money "5 Rp"
    *((f"{side}{k.nomor}", f"{k.nomor} K: {k.header}" if side == "k" else f"{k.nomor} Rp",
       f"{k.nomor} K: {k.header_en}" if side == "k" else f"{k.nomor} Rp",
       "percent" if k.persen else ("number" if side == "k" else "money"),
       10.0 if side == "k" else 16.0)
      for k in KOLOM_E81 for side in ("k", "rp")),
    ("penanggung_jawab", "Unit penanggung jawab", "Responsible unit", "text", 18),
), default_capacity=0, header_row=HEADER_ROW, row_key="no")

REKAP_TABLES = (INSTANSI, INDIKATOR, EFISIENSI, EVALUASI_RKPD, GAGAL)

__all__ = ["EFISIENSI", "EVALUASI_RKPD", "GAGAL", "HEADER_ROW", "INDIKATOR", "INSTANSI", "REKAP_TABLES",
           "S_EFISIENSI", "S_GAGAL", "S_GRAFIK", "S_INDIKATOR", "S_INSTANSI", "S_RINGKASAN",
           "S_RKPD"]
