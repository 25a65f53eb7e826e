"""The input tables declared: every column, what it binds, and the entity tree their rows are
(`Table.levels`, `Table.parent`): sasaran, their indicators and the tables joined to them by code,
programmes, their kegiatan and sub-kegiatan."""

from __future__ import annotations

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.model import AGREGASI, POLARITAS
from lkjip_xl.schema.formulas import guard as _guard
from lkjip_xl.schema.types import Column, Level, Parent, Ref, Table

RENSTRA_SLOTS = 6  # a Renstra of five years plus its base year (2016-2021)
PRIOR_YEARS = 5  # realisations of the years N-1..N-5, for comparisons and Renstra progress


# ---------------------------------------------------------------- input tables
_URAIAN_LOOKUP = _guard(
    'IFERROR(INDEX(IK_uraian,MATCH({kode},IK_kode,0))&"","(kode tidak ada di Renstra & IKU)")'
)


def _uraian_col() -> Column:
    return Column("uraian", "Indikator (otomatis)", "Indicator (automatic)", "text", 45,
                  formula=_URAIAN_LOOKUP, value="uraian")


_TO_SASARAN = Ref("SS", "sasaran-tidak-dikenal")
_TO_INDIKATOR = Ref("IK", "indikator-tidak-dikenal")


def _code(header: str = "Kode indikator", en: str = "Indicator code") -> Column:
    """The code that joins a per-indicator table's row to its indicator in Renstra & IKU."""
    return Column("kode", header, en, "code", 12, required=True,
                  note="Kode sama persis dengan di sheet Renstra & IKU", ref=_TO_INDIKATOR)


def _num(key: str, header: str, en: str, width: float = 11, bind: str | None = None,
         note: str = "", unit: bool = True) -> Column:
    """A number bound to the model field of the same name (or `bind`), in the indicator's unit."""
    return Column(key, header, en, "number", width, note=note, bind=bind or key, unit=unit)


# each sasaran's analysis for Bab III: its own columns of the Sasaran sheet
ANALISIS = (
    ("pendorong", "Faktor pendorong", "Causes of success",
     "Analisis penyebab keberhasilan capaian sasaran ini (Bab III)"),
    ("penghambat", "Faktor penghambat", "Causes of shortfall",
     "Penyebab kegagalan atau kendala (Bab III)"),
    ("upaya", "Upaya / solusi", "Solutions", "Upaya yang telah dan akan dilakukan (Bab III)"),
    ("program_penunjang", "Program / kegiatan penunjang", "Supporting programmes",
     "Program dan kegiatan yang menunjang keberhasilan atau kegagalan (Bab III)"),
)

SASARAN = Table("SS", "Sasaran", (
    Column("kode", "Kode sasaran", "Objective code", "code", 12, required=True, bind="kode"),
    Column("uraian", "Sasaran strategis", "Strategic objective", "text", 60, required=True,
           bind="uraian", default=""),
    Column("tujuan", "Tujuan", "Goal", "text", 50, bind="tujuan"),
    *(Column(key, header, en, "text", 40, bind=key, since=2, note=note)
      for key, header, en, note in ANALISIS),
    Column("acuan_rpjmd", "Sasaran RPJMD / RKPD acuan", "RPJMD / RKPD objective served", "text",
           40, bind="acuan_rpjmd", since=3,
           note="Sasaran RPJMD/RKPD yang didukung sasaran ini, ditulis sama persis di setiap "
                "perangkat daerah (Bappeda menggabungkan evaluasi Renja menurut kolom ini)"),
    Column("tindak_lanjut_renja", "Tindak lanjut Renja berikutnya", "Follow-up, next Renja",
           "text", 40, bind="tindak_lanjut_renja", since=3,
           note="Tindak lanjut yang diperlukan dalam Renja berikutnya (Evaluasi Renja E.81 dan "
                "Renstra E.80); tindak lanjut triwulan berikutnya: kolom Upaya / solusi"),
    Column("tindak_lanjut_renstra", "Tindak lanjut Renstra berikutnya",
           "Follow-up, next Renstra", "text", 40, bind="tindak_lanjut_renstra", since=3,
           note="Tindak lanjut yang diperlukan dalam Renstra berikutnya (Evaluasi Renstra E.80)"),
), default_capacity=20, unique=("kode",), levels=(Level("sasaran", "kode"),))

INDIKATOR = Table("IK", "Renstra & IKU", (
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 12, required=True,
           note="Kode dari sheet Sasaran", ref=_TO_SASARAN),
    Column("kode", "Kode indikator", "Indicator code", "code", 12, required=True, bind="kode"),
    Column("uraian", "Indikator kinerja utama", "Key performance indicator", "text", 45,
           required=True, bind="uraian", default=""),
    Column("satuan", "Satuan", "Unit", "text", 10, bind="satuan"),
    Column("polaritas", "Polaritas", "Polarity", "choice", 11, choices=POLARITAS, required=True,
           note="positif: makin tinggi makin baik; negatif: makin rendah makin baik; "
                "rentang: target berupa rentang (isi target min & maks di PK)",
           bind="polaritas", default="positif"),
    Column("agregasi", "Agregasi triwulan", "Quarterly aggregation", "choice", 12,
           choices=AGREGASI,
           note="kumulatif: dijumlah sepanjang tahun; akhir: nilai TW terakhir; "
                "rata_rata: rata-rata TW yang dilaporkan", bind="agregasi"),
    Column("formula", "Formula / penjelasan", "Formula / explanation", "text", 40, bind="formula"),
    Column("penanggung_jawab", "Penanggung jawab", "Responsible", "text", 22,
           bind="penanggung_jawab"),
    Column("sumber_data", "Sumber data", "Data source", "text", 18, bind="sumber_data"),
    *(_num(f"tr{i}", f"Target Renstra th-{i}", f"Strategic-plan target, year {i}",
           bind=f"target_renstra[awal+{i - 1}]") for i in range(1, RENSTRA_SLOTS + 1)),
), default_capacity=60, unique=("kode",), levels=(Level("indikator", "kode"),),
   parent=Parent("SS", ("kode_sasaran",)))

RKT = Table("RKT", "RKT", (
    _code(), _uraian_col(),
    _num("target_rkt", "Target RKT", "Annual-plan target", 14),
), default_capacity=60, unique=("kode",))

PK = Table("PK", "PK", (
    _code(), _uraian_col(),
    _num("target", "Target PK", "Agreement target", 12,
         note="Target dalam satuan indikator: 66 berarti 66 bila satuannya %"),
    _num("target_min", "Target min (rentang)", "Range minimum", 12),
    _num("target_maks", "Target maks (rentang)", "Range maximum", 12),
    _num("target_perubahan", "Target PK Perubahan", "Revised target", 13,
         note="Isi bila PK diubah; pengukuran memakai target ini"),
    Column("alasan_perubahan", "Alasan perubahan", "Reason for revision", "text", 30,
           bind="alasan_perubahan"),
    _num("standar_nasional", "Standar nasional", "National standard", 12, unit=False),
    Column("standar_nasional_sumber", "Sumber standar nasional", "National standard source",
           "text", 24, bind="standar_nasional_sumber", since=2,
           note="Peraturan atau dokumen asal standar, mis. Permendagri 100/2018 (SPM)"),
), default_capacity=60, unique=("kode",))

RENCANA_AKSI = Table("RA", "Rencana Aksi", (
    _code(), _uraian_col(),
    *(_num(f"t{q}", f"Target TW {r}", f"Target Q{q}", bind=f"target_tw[{q - 1}]")
      for q, r in zip(range(1, 5), ROMAN)),
), default_capacity=60, unique=("kode",))

REALISASI_KINERJA = Table("RK", "Realisasi Kinerja", (
    _code(), _uraian_col(),
    *(_num(f"r{q}", f"Realisasi TW {r}", f"Realisation Q{q}", bind=f"realisasi_tw[{q - 1}]")
      for q, r in zip(range(1, 5), ROMAN)),
    _num("realisasi", "Realisasi tahunan", "Annual realisation", 12,
         note="Kosongkan agar dihitung dari triwulan sesuai agregasi"),
    *(_num(f"rl{k}", f"Realisasi N-{k}", f"Realisation year N-{k}",
           bind=f"realisasi_lalu[tahun-{k}]") for k in range(1, PRIOR_YEARS + 1)),
    Column("pembilang_uraian", "Pembilang (uraian)", "Numerator (description)", "text", 22,
           bind="komponen.pembilang_uraian"),
    _num("pembilang", "Pembilang", "Numerator", bind="komponen.pembilang", unit=False),
    Column("penyebut_uraian", "Penyebut (uraian)", "Denominator (description)", "text", 22,
           bind="komponen.penyebut_uraian"),
    _num("penyebut", "Penyebut", "Denominator", bind="komponen.penyebut", unit=False),
    _num("pengali", "Pengali", "Multiplier", 9, bind="komponen.pengali", unit=False),
), default_capacity=60, unique=("kode",))

_MONEY_NOTE = "Rupiah, angka tanpa titik ribuan; tidak boleh negatif"


def _money(key: str, header: str, en: str, width: float, bind: str | None = None,
           note: str = "", since: int = 1) -> Column:
    return Column(key, header, en, "money", width, nonnegative=True, note=note, bind=bind or key,
                  since=since)


def _money_history(note: str) -> tuple[Column, ...]:
    """The Renstra's money by year and what was spent in earlier years (Formulir E.81 columns 5
    and 6, E.80), layout version 3: on Program and on Realisasi Anggaran."""
    return (
        *(_money(f"pr{i}", f"Pagu Renstra th-{i}", f"Strategic-plan allocation, year {i}", 15,
                 bind=f"pagu_renstra[awal+{i - 1}]", since=3, note=note)
          for i in range(1, RENSTRA_SLOTS + 1)),
        *(_money(f"ral{k}", f"Realisasi anggaran N-{k}", f"Spent in year N-{k}", 15,
                 bind=f"realisasi_anggaran_lalu[tahun-{k}]", since=3, note=note)
          for k in range(1, PRIOR_YEARS + 1)),
    )


PROGRAM = Table("PG", "Program", (
    Column("kode", "Kode program", "Programme code", "code", 14, required=True, bind="kode"),
    Column("uraian", "Program", "Programme", "text", 55, required=True, bind="uraian",
           default=""),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 12,
           note="Kosongkan untuk program pendukung (administrasi, sarana, aparatur)",
           bind="sasaran", ref=_TO_SASARAN),
    *_money_history("Kosongkan bila pagu program adalah jumlah kegiatannya"),
), default_capacity=40, unique=("kode",), levels=(Level("program", "kode"),))


# a row is a kegiatan, or a sub-kegiatan under the kegiatan of the same code: the three codes
# place the row in the hierarchy, the other columns bind to the Kegiatan or SubKegiatan itself
KEGIATAN = Table("KG", "Realisasi Anggaran", (
    Column("kode_program", "Kode program", "Programme code", "code", 13, required=True,
           ref=Ref("PG", "kegiatan-tanpa-program")),
    Column("kode_kegiatan", "Kode kegiatan", "Activity code", "code", 14, required=True),
    Column("kode_sub", "Kode sub-kegiatan", "Sub-activity code", "code", 14,
           note="Kosongkan untuk baris kegiatan; isi untuk baris sub-kegiatan di bawah kegiatan"),
    Column("uraian", "Kegiatan / sub-kegiatan", "Activity / sub-activity", "text", 50,
           required=True, bind="uraian", default=""),
    _money("anggaran", "Anggaran (pagu)", "Allocation", 17, note=_MONEY_NOTE),
    _money("realisasi", "Realisasi anggaran", "Spent", 17, note=_MONEY_NOTE),
    *(_money(f"a{q}", f"Rencana TW {r}", f"Plan Q{q}", 15, bind=f"anggaran_tw[{q - 1}]")
      for q, r in zip(range(1, 5), ROMAN)),
    *(_money(f"r{q}", f"Realisasi TW {r}", f"Spent Q{q}", 15, bind=f"realisasi_tw[{q - 1}]")
      for q, r in zip(range(1, 5), ROMAN)),
    _money("anggaran_murni", "Anggaran murni", "Original allocation", 17, since=3,
           note="Pagu sebelum APBD Perubahan; kolom Anggaran (pagu) tetap pagu akhir yang dipakai "
                "untuk penyerapan"),
    *_money_history(_MONEY_NOTE),
), default_capacity=300, row_key="kode_kegiatan", unique=("kode_kegiatan", "kode_sub"),
   levels=(Level("kegiatan", "kode_kegiatan"), Level("sub_kegiatan", "kode_sub", repeats=True)),
   parent=Parent("PG", ("kode_program",)))


# an indicator below sasaran: a programme's outcome (only kode_program filled), a kegiatan's
# output (with kode_kegiatan) or a sub-kegiatan's (with kode_sub), one sheet for the three
# levels as SIPD stores them; the same rules as a sasaran's indicator (Formulir E.81)
INDIKATOR_PROGRAM = Table("IP", "Indikator Program", (
    Column("kode_program", "Kode program", "Programme code", "code", 13, required=True,
           note="Kode dari sheet Program", ref=Ref("PG", "indikator-program-tanpa-program")),
    Column("kode_kegiatan", "Kode kegiatan", "Activity code", "code", 14,
           note="Kosongkan untuk indikator program (outcome); isi untuk indikator kegiatan",
           ref=Ref("KG", "indikator-program-tanpa-kegiatan")),
    Column("kode_sub", "Kode sub-kegiatan", "Sub-activity code", "code", 14,
           note="Isi untuk indikator sub-kegiatan (output), bersama kode kegiatannya"),
    Column("kode", "Kode indikator", "Indicator code", "code", 10, required=True, bind="kode",
           note="Unik untuk setiap program / kegiatan / sub-kegiatan"),
    Column("uraian", "Indikator (outcome / output)", "Indicator (outcome / output)", "text", 45,
           required=True, bind="uraian", default=""),
    Column("satuan", "Satuan", "Unit", "text", 10, bind="satuan"),
    Column("polaritas", "Polaritas", "Polarity", "choice", 11, choices=POLARITAS, required=True,
           note=INDIKATOR.column("polaritas").note, bind="polaritas", default="positif"),
    Column("agregasi", "Agregasi triwulan", "Quarterly aggregation", "choice", 12,
           choices=AGREGASI, note=INDIKATOR.column("agregasi").note, bind="agregasi"),
    *(_num(f"tr{i}", f"Target Renstra th-{i}", f"Strategic-plan target, year {i}",
           bind=f"target_renstra[awal+{i - 1}]", unit=False) for i in range(1, RENSTRA_SLOTS + 1)),
    _num("target", "Target Renja", "Annual work-plan target", 12, unit=False,
         note="Target tahun ini (Renja); untuk polaritas rentang isi target min & maks"),
    _num("target_min", "Target min (rentang)", "Range minimum", 12, unit=False),
    _num("target_maks", "Target maks (rentang)", "Range maximum", 12, unit=False),
    *(_num(f"t{q}", f"Target TW {r}", f"Target Q{q}", bind=f"target_tw[{q - 1}]", unit=False)
      for q, r in zip(range(1, 5), ROMAN)),
    *(_num(f"r{q}", f"Realisasi TW {r}", f"Realisation Q{q}", bind=f"realisasi_tw[{q - 1}]",
           unit=False) for q, r in zip(range(1, 5), ROMAN)),
    _num("realisasi", "Realisasi tahunan", "Annual realisation", 12, unit=False,
         note="Kosongkan agar dihitung dari triwulan sesuai agregasi"),
    *(_num(f"rl{k}", f"Realisasi N-{k}", f"Realisation year N-{k}",
           bind=f"realisasi_lalu[tahun-{k}]", unit=False) for k in range(1, PRIOR_YEARS + 1)),
    Column("penanggung_jawab", "Penanggung jawab", "Responsible", "text", 22,
           bind="penanggung_jawab"),
), default_capacity=60, row_key="kode",
   unique=("kode_program", "kode_kegiatan", "kode_sub", "kode"),
   levels=(Level("indikator", "kode"),),
   parent=Parent("KG", ("kode_program", "kode_kegiatan", "kode_sub"), partial=True))
