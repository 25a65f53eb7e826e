"""The consolidation workbook (`lkjip-xl rekap`), declared with the layout's own types: its
sheets and the columns of their tables (header, kind, width). planning/rekap.py writes them;
the formulas come from schema/formulas.py like the agency workbook's."""

from __future__ import annotations

from lkjip_xl.schema.types import Column, Table

S_RINGKASAN, S_INSTANSI, S_INDIKATOR = "Ringkasan", "Instansi", "Indikator"
# S_GAGAL: every file left out (not filled in, failed, unreadable, not lkjip-xl), with its verdict
S_EFISIENSI, S_GRAFIK, S_GAGAL = "Efisiensi", "Grafik", "Tidak Direkap"
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

REKAP_TABLES = (INSTANSI, INDIKATOR, EFISIENSI, GAGAL)

__all__ = ["EFISIENSI", "GAGAL", "HEADER_ROW", "INDIKATOR", "INSTANSI", "REKAP_TABLES",
           "S_EFISIENSI", "S_GAGAL", "S_GRAFIK", "S_INDIKATOR", "S_INSTANSI", "S_RINGKASAN"]
