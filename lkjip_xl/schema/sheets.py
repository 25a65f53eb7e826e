"""The workbook layout, declared once: every sheet, column, input rule and formula.

Generation (`writer`), reading (`reader`), verification and measurement all walk these
declarations; no other module names a sheet or a column letter.
"""

from __future__ import annotations

from lkjip_xl.schema.computed_tables import (
    ANGGARAN_KEGIATAN,
    ANGGARAN_PROGRAM,
    ANGGARAN_SASARAN,
    PENGUKURAN,
    PENGUKURAN_TW,
    ae_summary,
)
from lkjip_xl.schema.forms import (
    NARASI,
    NARASI_FIELDS,
    PENGATURAN,
    PENGATURAN_FIELDS,
    PREDIKAT,
    PREDIKAT_ROWS,
    PROFIL,
    PROFIL_FIELDS,
    SDM,
    YA_TIDAK,
)
from lkjip_xl.schema.input_tables import (
    ANALISIS,
    INDIKATOR,
    INDIKATOR_PROGRAM,
    KEGIATAN,
    PK,
    PRIOR_YEARS,
    PROGRAM,
    REALISASI_KINERJA,
    RENCANA_AKSI,
    RENSTRA_SLOTS,
    RKT,
    SASARAN,
)
from lkjip_xl.schema.renja_tables import (
    EVALUASI_INDIKATOR,
    EVALUASI_KEGIATAN,
    EVALUASI_PROGRAM,
    footer,
)
from lkjip_xl.schema.types import TABLE_SHEETS, FormField, Sheet, SummaryCell, Table, col_letter

# 2: PK's "Sumber standar nasional", Sasaran's analysis, the Narasi sheet, the paper setting
# 3: indicators below sasaran (Indikator Program), money history on Program and Realisasi
#    Anggaran, the original pagu, Sasaran's RPJMD reference, the code-structure setting (#24)
SCHEMA_VERSION = 3


def _year_headers(table: Table, keys: list[str], expr: str) -> tuple[SummaryCell, ...]:
    return tuple(SummaryCell(f"tahun_{k}", "Tahun", "Year", table.header_row - 1, table.index(k),
                             expr.format(i=i), "year")
                 for i, k in enumerate(keys))


# ---------------------------------------------------------------- the sheets, in order
GUIDE = Sheet("Petunjuk", "Petunjuk pengisian", "guide")

SHEETS: tuple[Sheet, ...] = (
    GUIDE,
    Sheet(PENGATURAN, "Pengaturan pengukuran", "settings", fields=PENGATURAN_FIELDS,
          extra_tables=(PREDIKAT,),
          guide=("Aturan pengukuran yang dipakai workbook ini (lihat Petunjuk).",)),
    Sheet(PROFIL, "Profil instansi", "settings", fields=PROFIL_FIELDS,
          guide=("Identitas instansi, tahun pelaporan dan periode Renstra.",)),
    Sheet("Sasaran", "Tujuan dan sasaran strategis (Renstra)", "input", SASARAN,
          guide=("Satu baris per sasaran. Kode dipakai untuk menghubungkan indikator dan program.",)),
    Sheet("Renstra & IKU", "Indikator Kinerja Utama dan target Renstra", "input", INDIKATOR,
          summary=_year_headers(INDIKATOR, [f"tr{i}" for i in range(1, RENSTRA_SLOTS + 1)],
                                'IF(RenstraAwal="","",RenstraAwal+{i})'),
          guide=("Satu baris per indikator. Baris tahun di atas judul kolom mengikuti Profil.",)),
    Sheet("RKT", "Rencana Kinerja Tahunan", "input", RKT,
          guide=("Target rencana kinerja tahunan per indikator.",)),
    Sheet("PK", "Perjanjian Kinerja", "input", PK,
          guide=("Target yang diperjanjikan. PK Perubahan: isi target perubahan dan alasannya.",)),
    Sheet("Rencana Aksi", "Rencana Aksi (target triwulan)", "input", RENCANA_AKSI,
          guide=("Target per triwulan, ditulis sesuai Pengaturan (kumulatif atau per triwulan).",)),
    Sheet("Realisasi Kinerja", "Realisasi kinerja", "input", REALISASI_KINERJA,
          summary=_year_headers(REALISASI_KINERJA, [f"rl{k}" for k in range(1, PRIOR_YEARS + 1)],
                                'IF(Tahun="","",Tahun-{i}-1)'),
          guide=("Kosong berarti belum dilaporkan; 0 berarti nol. Jangan isi 0 untuk data kosong.",)),
    Sheet("Program", "Program dan sasaran", "input", PROGRAM,
          guide=("Hubungkan setiap program ke kode sasaran; kosongkan untuk program pendukung.",)),
    Sheet("Realisasi Anggaran", "Anggaran dan realisasi per kegiatan", "input", KEGIATAN,
          guide=("Satu baris per kegiatan (dan sub-kegiatan bila ada), "
                 "dihubungkan ke program dengan kode.",)),
    Sheet("Indikator Program", "Indikator program, kegiatan dan sub-kegiatan (Renja)", "input",
          INDIKATOR_PROGRAM, since=3,
          summary=(*_year_headers(INDIKATOR_PROGRAM, [f"tr{i}" for i in range(1, RENSTRA_SLOTS + 1)],
                                  'IF(RenstraAwal="","",RenstraAwal+{i})'),
                   *_year_headers(INDIKATOR_PROGRAM, [f"rl{k}" for k in range(1, PRIOR_YEARS + 1)],
                                  'IF(Tahun="","",Tahun-{i}-1)')),
          guide=("Satu baris per indikator. Hanya kode program: indikator program (outcome); "
                 "dengan kode kegiatan / sub-kegiatan: indikator keluarannya.",)),
    Sheet(NARASI, "Narasi laporan (kata pengantar, Bab I, Bab IV)", "settings",
          fields=NARASI_FIELDS, extra_tables=(SDM,), since=2,
          guide=("Teks yang hanya dapat ditulis instansi; lkjip-xl laporan menyisipkannya apa "
                 "adanya. Sel memanjang otomatis; Alt+Enter untuk baris baru.",)),
    Sheet("Pengukuran Kinerja", "Pengukuran Kinerja Tahunan", "computed", PENGUKURAN,
          guide=("Dihitung otomatis. Jangan diketik ulang.",)),
    Sheet("Pengukuran Triwulan", "Pengukuran Kinerja Triwulanan", "computed", PENGUKURAN_TW,
          guide=("Dihitung otomatis: nilai s.d. triwulan dan capaiannya.",)),
    Sheet("Anggaran Kegiatan", "Penyerapan anggaran per kegiatan", "computed", ANGGARAN_KEGIATAN,
          guide=("Dihitung otomatis dari Realisasi Anggaran.",)),
    Sheet("Anggaran Program", "Penyerapan anggaran per program", "computed", ANGGARAN_PROGRAM,
          guide=("Jumlah realisasi dibagi jumlah anggaran, bukan rata-rata persentase.",)),
    Sheet("Anggaran & Efisiensi", "Anggaran, penyerapan dan efisiensi per sasaran", "computed",
          ANGGARAN_SASARAN, summary=ae_summary(),
          guide=("Program pendukung dilaporkan terpisah, tidak dimasukkan ke sasaran mana pun.",)),
    # the Renja evaluation (Formulir E.81): columns 5-14 of every indicator below sasaran, of
    # every kegiatan and sub-kegiatan, and of every programme (docs/renja-evaluation.md)
    Sheet("Renja Kinerja", "Evaluasi Renja (E.81): kinerja indikator program dan kegiatan",
          "computed", EVALUASI_INDIKATOR, summary=footer(), since=3,
          guide=("Dihitung otomatis dari Indikator Program; kolom bernomor seperti Formulir E.81.",)),
    Sheet("Renja Anggaran Kegiatan", "Evaluasi Renja (E.81): anggaran kegiatan dan sub-kegiatan",
          "computed", EVALUASI_KEGIATAN, since=3,
          guide=("Kegiatan tanpa uang sendiri menjumlahkan sub-kegiatannya.",)),
    Sheet("Renja Anggaran Program", "Evaluasi Renja (E.81): anggaran program", "computed",
          EVALUASI_PROGRAM, since=3,
          guide=("Kolom 7-12 jumlah kegiatannya; 5, 6, 13 dari riwayat program bila diisi.",)),
)

TABLES: dict[str, Table] = {}
for _s in SHEETS:
    for _t in ((_s.table,) if _s.table else ()) + _s.extra_tables:
        TABLES[_t.key] = _t
        TABLE_SHEETS[_t.key] = _t.sheet

SETTINGS_NAMES = {fld.name: (s.name, fld) for s in SHEETS for fld in s.fields if fld.name}


def sheet(name: str) -> Sheet:
    for s in SHEETS:
        if s.name == name:
            return s
    raise KeyError(name)


def table_sheet(table: Table) -> Sheet:
    return sheet(table.sheet)


def value_cell(fld: FormField) -> str:
    """A1 address of a form field's value (column B)."""
    return f"B{fld.row}"


def input_tables() -> list[Table]:
    return [t for t in TABLES.values() if t.mirror is None]


def computed_tables() -> list[Table]:
    return [t for t in TABLES.values() if t.mirror is not None]


# the declarations live in `forms`, `input_tables` and `computed_tables`; every name is
# re-exported here, where the sheets put them in order
__all__ = ["SHEETS", "TABLES", "SCHEMA_VERSION", "col_letter", "sheet", "table_sheet", "value_cell",
           "input_tables", "computed_tables", "SETTINGS_NAMES", "GUIDE",
           "ANGGARAN_KEGIATAN", "ANGGARAN_PROGRAM", "ANGGARAN_SASARAN", "PENGUKURAN",
           "PENGUKURAN_TW", "EVALUASI_INDIKATOR", "EVALUASI_KEGIATAN",
           "EVALUASI_PROGRAM", "NARASI", "NARASI_FIELDS", "PENGATURAN", "PENGATURAN_FIELDS", "PREDIKAT",
           "PREDIKAT_ROWS", "PROFIL", "PROFIL_FIELDS", "SDM", "YA_TIDAK", "ANALISIS", "INDIKATOR",
           "KEGIATAN", "PK", "PRIOR_YEARS", "PROGRAM", "REALISASI_KINERJA", "RENCANA_AKSI",
           "RENSTRA_SLOTS", "RKT", "SASARAN"]
