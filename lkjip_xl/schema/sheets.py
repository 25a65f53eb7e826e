"""The workbook layout, declared once: every sheet, column, input rule and formula.

Generation (`writer`), reading (`reader`), verification and measurement all walk these
declarations; no other module names a sheet or a column letter.
"""

from __future__ import annotations

from lkjip_xl.core.domain.triwulan import ROMAN
from lkjip_xl.core.model import (
    AGREGASI,
    KERTAS,
    METODE_EFISIENSI,
    NILAI_TW,
    POLARITAS,
    RUMUS_NEGATIF,
    SDM_KELOMPOK,
    Pengaturan,
)
from lkjip_xl.schema import formulas as f
from lkjip_xl.schema.printing import paper_mm
from lkjip_xl.schema.types import (
    TABLE_SHEETS,
    Column,
    FormField,
    Level,
    Parent,
    Ref,
    Sheet,
    SummaryCell,
    Table,
    col_letter,
)

# 2: PK's "Sumber standar nasional", Sasaran's analysis, the Narasi sheet, the paper setting
SCHEMA_VERSION = 2
RENSTRA_SLOTS = 6  # a Renstra of five years plus its base year (2016-2021)
PRIOR_YEARS = 5  # realisations of the years N-1..N-5, for comparisons and Renstra progress
PREDIKAT_ROWS = 10

PENGATURAN = "Pengaturan"  # the key/value sheets, named here once for readers and checks
PROFIL = "Profil"

YA_TIDAK = ("Ya", "Tidak")
_SETTING = Pengaturan()  # the model's defaults, declared once there


def _guard(expr: str, key: str = "kode") -> str:
    return f'IF({{{key}}}="","",{expr})'


# ---------------------------------------------------------------- settings and profile
PENGATURAN_FIELDS = (
    FormField("rumus_negatif", "Rumus polaritas negatif", "Negative-polarity formula", 5,
              "choice", RUMUS_NEGATIF, "RumusNegatif",
              "lan: (2 - R/T) x 100 (LAN, bawaan); invers: T/R x 100",
              bind="pengaturan.rumus_negatif", default=_SETTING.rumus_negatif),
    FormField("batas_capaian", "Batas capaian (%)", "Capaian cap (%)", 6, "number",
              name="BatasCapaian",
              note="Kosongkan bila tanpa batas; mis. 100 atau 120. Dipakai untuk predikat dan rata-rata.",
              bind="pengaturan.batas_capaian"),
    FormField("metode_efisiensi", "Metode efisiensi", "Efficiency method", 7, "choice",
              METODE_EFISIENSI, "MetodeEfisiensi",
              "selisih: capaian - penyerapan; hemat: 100 - penyerapan; rasio: capaian/penyerapan x 100; "
              "biaya_per_unit: realisasi anggaran / unit outcome",
              bind="pengaturan.metode_efisiensi", default=_SETTING.metode_efisiensi),
    FormField("nilai_tw", "Penulisan nilai triwulan", "Quarterly values are written as", 8,
              "choice", NILAI_TW, "NilaiTW",
              "kumulatif: tiap TW berisi total s.d. TW itu (TW IV = setahun); "
              "per_triwulan: tiap TW berisi nilai TW itu saja",
              bind="pengaturan.nilai_tw", default=_SETTING.nilai_tw),
    FormField("kertas", "Ukuran kertas cetak", "Paper", 9, "choice", KERTAS,
              note=f"A4, atau F4 (folio {paper_mm('F4')}): dipakai lembar isian, lembar laporan "
                   "measure dan salinan bertanda verify", bind="pengaturan.kertas",
              default=_SETTING.kertas),
)

PREDIKAT = Table(
    "PR", PENGATURAN,
    (
        Column("min", "Batas bawah capaian (%)", "Lower bound (%)", "number", 24,
               note="Urutkan dari yang tertinggi. Kosongkan untuk baris terakhir (sisanya).",
               bind="min"),
        Column("label", "Predikat", "Predicate", "text", 24, bind="label", default=""),
    ),
    default_capacity=PREDIKAT_ROWS, header_row=11, row_key="label",
    levels=(Level("pengaturan.predikat"),),
)

PROFIL_FIELDS = (
    FormField("format", "Format", "Format", 5, "label", required=True),
    FormField("tahun", "Tahun pelaporan", "Reporting year", 6, "year", name="Tahun", required=True,
              bind="tahun"),
    FormField("nama", "Nama instansi (OPD)", "Agency", 7, required=True, bind="instansi.nama",
              default=""),
    FormField("pemda", "Pemerintah daerah", "Local government", 8, bind="instansi.pemda"),
    FormField("kepala_nama", "Nama kepala", "Head of agency", 9, bind="instansi.kepala.nama"),
    FormField("kepala_nip", "NIP kepala", "Head's NIP", 10, note="Tulis sebagai teks, 18 digit",
              bind="instansi.kepala.nip"),
    FormField("kepala_jabatan", "Jabatan", "Position", 11, bind="instansi.kepala.jabatan"),
    FormField("kepala_pangkat", "Pangkat / golongan", "Rank", 12, bind="instansi.kepala.pangkat"),
    FormField("renstra_awal", "Renstra: tahun awal", "Strategic plan: first year", 13, "year",
              name="RenstraAwal", bind="renstra.awal"),
    FormField("renstra_akhir", "Renstra: tahun akhir", "Strategic plan: last year", 14, "year",
              name="RenstraAkhir", bind="renstra.akhir"),
)

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

PROGRAM = Table("PG", "Program", (
    Column("kode", "Kode program", "Programme code", "code", 14, required=True, bind="kode"),
    Column("uraian", "Program", "Programme", "text", 55, required=True, bind="uraian",
           default=""),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 12,
           note="Kosongkan untuk program pendukung (administrasi, sarana, aparatur)",
           bind="sasaran", ref=_TO_SASARAN),
), default_capacity=40, unique=("kode",), levels=(Level("program", "kode"),))

_MONEY_NOTE = "Rupiah, angka tanpa titik ribuan; tidak boleh negatif"


def _money(key: str, header: str, en: str, width: float, bind: str | None = None,
           note: str = "") -> Column:
    return Column(key, header, en, "money", width, nonnegative=True, note=note, bind=bind or key)


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
), default_capacity=300, row_key="kode_kegiatan", unique=("kode_kegiatan", "kode_sub"),
   levels=(Level("kegiatan", "kode_kegiatan"), Level("sub_kegiatan", "kode_sub", repeats=True)),
   parent=Parent("PG", ("kode_program",)))

NARASI = "Narasi"
NARASI_FIELDS = tuple(
    FormField(key, label, en, row, "memo", bind=f"narasi.{key}", note=note)
    for row, (key, label, en, note) in enumerate((
        ("kata_pengantar", "Kata pengantar", "Foreword", "Pengantar kepala instansi"),
        ("tugas_fungsi", "Tugas dan fungsi", "Duties and functions",
         "Bab I: tugas pokok dan fungsi menurut peraturan kepala daerah"),
        ("struktur_organisasi", "Struktur organisasi", "Organisation",
         "Bab I: susunan organisasi (bidang, seksi, UPT)"),
        ("isu_strategis", "Isu strategis", "Strategic issues", "Bab I: isu strategis"),
        ("simpulan", "Simpulan", "Conclusions", "Bab IV: simpulan"),
        ("langkah_ke_depan", "Langkah ke depan", "Next steps",
         "Bab IV: langkah ke depan / rekomendasi"),
    ), start=5))

SDM = Table("SDM", NARASI, (
    Column("kelompok", "Kelompok", "Group", "choice", 16, choices=SDM_KELOMPOK, bind="kelompok",
           default="golongan", note="golongan atau pendidikan"),
    Column("uraian", "Golongan / pendidikan", "Grade / education", "text", 40, bind="uraian",
           default="", note="Mis. IV, III, II atau S2, S1, D3, SMA"),
    Column("jumlah", "Jumlah pegawai", "Employees", "int", 14, nonnegative=True, bind="jumlah"),
), default_capacity=16, header_row=13, row_key="uraian", levels=(Level("sdm"),))

# ---------------------------------------------------------------- computed tables
_T, _R, _POL, _A, _B = "{target}", "{realisasi}", "{polaritas}", "{target_min}", "{target_maks}"
_SLOT_REAL = [f"{{ry{i}}}" for i in range(1, RENSTRA_SLOTS + 1)]
_SLOT_TARGET = [f"{{IK.tr{i}}}" for i in range(1, RENSTRA_SLOTS + 1)]


def _slot_realisasi(i: int) -> str:
    """Realisation of Renstra slot i (year RenstraAwal+i-1): this year's, or N-k from Realisasi."""
    off = i - 1
    prior = ",".join(f"INDEX(RK_rl{k},{{m_rk}})" for k in range(1, PRIOR_YEARS + 1))
    back = f"Tahun-RenstraAwal-{off}"
    chosen = f"CHOOSE({back},{prior})"
    earlier = (f'IF(AND(RenstraAwal+{off}<Tahun,{back}<={PRIOR_YEARS},{{m_rk}}<>""),'
               f'IF(ISNUMBER({chosen}),{chosen},""),"")')
    return _guard(f'IF(OR(RenstraAwal="",Tahun=""),"",IF(RenstraAwal+{off}=Tahun,{_R},{earlier}))')


def _required(i: int) -> str:
    return f"AND(ISNUMBER({_SLOT_TARGET[i]}),RenstraAwal+{i}<=Tahun)"


def _realisasi_sd() -> str:
    n_req = "+".join(f"IF({_required(i)},1,0)" for i in range(RENSTRA_SLOTS))
    n_ok = "+".join(f"IF(AND({_required(i)},ISNUMBER({_SLOT_REAL[i]})),1,0)"
                    for i in range(RENSTRA_SLOTS))
    total = "+".join(f"IF(AND({_required(i)},ISNUMBER({_SLOT_REAL[i]})),{_SLOT_REAL[i]},0)"
                     for i in range(RENSTRA_SLOTS))
    # Both need every target year's realisation (docs/rules.md): a partial sum or mean misstates
    # progress, so a missing year leaves the figure empty for rata_rata as for kumulatif.
    incomplete = f'OR(({n_req})=0,({n_ok})<({n_req}))'
    kumulatif = f'IF({incomplete},"",{total})'
    rata = f'IF({incomplete},"",({total})/({n_req}))'
    return _guard(f'IF({{agregasi}}="kumulatif",{kumulatif},IF({{agregasi}}="rata_rata",{rata},{_R}))')


def _realisasi_sd_v1() -> str:
    """Releases before 2026-11 (c44dc25): rata_rata averaged whichever target years had a
    realisation, where the domain rule leaves the figure empty."""
    n_req = "+".join(f"IF({_required(i)},1,0)" for i in range(RENSTRA_SLOTS))
    n_ok = "+".join(f"IF(AND({_required(i)},ISNUMBER({_SLOT_REAL[i]})),1,0)"
                    for i in range(RENSTRA_SLOTS))
    total = "+".join(f"IF(AND({_required(i)},ISNUMBER({_SLOT_REAL[i]})),{_SLOT_REAL[i]},0)"
                     for i in range(RENSTRA_SLOTS))
    kumulatif = f'IF(OR(({n_req})=0,({n_ok})<({n_req})),"",{total})'
    rata = f'IF(({n_ok})=0,"",({total})/({n_ok}))'
    return _guard(f'IF({{agregasi}}="kumulatif",{kumulatif},IF({{agregasi}}="rata_rata",{rata},{_R}))')


def _target_akhir() -> str:
    joined = ",".join(_SLOT_TARGET)
    total = f'IF(COUNT({joined})=0,"",SUM({joined}))'
    return _guard(f'IF({{agregasi}}="kumulatif",{total},{f.last_number(_SLOT_TARGET)})')


def _membaik() -> str:
    """Improvement by polarity; a gain within 1e-9 relative noise is no change (domain rule)."""
    r, rl = _R, "{realisasi_lalu}"
    noise = f"1E-9*MAX(ABS({r}),ABS({rl}))"

    def dist(x: str) -> str:
        return f"IF({x}<{_A},{_A}-{x},IF({x}>{_B},{x}-{_B},0))"

    def verdict(gain: str) -> str:
        return f'IF(({gain})>{noise},"Ya","Tidak")'

    rentang = f'IF(OR({_A}="",{_B}=""),"",{verdict(f"{dist(rl)}-{dist(r)}")})'
    by_pol = (f'IF({_POL}="negatif",{verdict(f"{rl}-{r}")},IF({_POL}="rentang",{rentang},'
              f'{verdict(f"{r}-{rl}")}))')
    return _guard(f'IF(OR({r}="",{rl}=""),"",{by_pol})')


def _pk(key: str) -> str:
    """A range bound from PK: only rentang indicators have one (the domain ignores it otherwise)."""
    return _guard(f'IF(OR({{m_pk}}="",{_POL}<>"rentang"),"",{f.lookup(f"PK_{key}", "{m_pk}")})')




def _match_column(table: Table) -> Column:
    """The row of the indicator's code in a table joined to it (the workbook's MATCH); the
    measurement's value is the indicator's own row, where the writer puts it."""
    return Column(f"m_{table.key.lower()}", f"Baris di {table.sheet}", f"Row in {table.sheet}",
                  "int", 8, formula=_guard(f'IFERROR(MATCH({{kode}},{table.key}_kode,0),"")'),
                  value="baris", matches=table.key)


PENGUKURAN = Table("PKK", "Pengukuran Kinerja", (
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 11, value="sasaran.kode",
           formula='IF({IK.kode}="","",{IK.kode_sasaran}&"")'),
    Column("kode", "Kode indikator", "Indicator code", "code", 11, value="indikator.kode",
           formula='IF({IK.kode}="","",{IK.kode}&"")'),
    Column("uraian", "Indikator kinerja", "Indicator", "text", 42, value="indikator.uraian",
           formula=_guard('{IK.uraian}&""')),
    Column("satuan", "Satuan", "Unit", "text", 8, value="indikator.satuan", formula=_guard('{IK.satuan}&""')),
    Column("polaritas", "Polaritas", "Polarity", "text", 10, value="indikator.polaritas", default="positif",
           formula=_guard('IF({IK.polaritas}="","positif",{IK.polaritas}&"")')),
    Column("agregasi", "Agregasi", "Aggregation", "text", 11, value="indikator.agregasi", default="akhir",
           formula=_guard('IF({IK.agregasi}="","akhir",{IK.agregasi}&"")')),
    Column("target", "Target", "Target", "number", 11, value="ukur.target",
           formula=_guard(f'IF(OR({{m_pk}}="",{_POL}="rentang"),"",'
                          f'IF(ISNUMBER(INDEX(PK_target_perubahan,{{m_pk}})),'
                          f'INDEX(PK_target_perubahan,{{m_pk}}),{f.lookup("PK_target", "{m_pk}")}))')),
    Column("target_min", "Target min", "Range min", "number", 10,
           value="ukur.target_min", formula=_pk("target_min")),
    Column("target_maks", "Target maks", "Range max", "number", 10,
           value="ukur.target_maks", formula=_pk("target_maks")),
    Column("realisasi", "Realisasi", "Realisation", "number", 11, value="ukur.realisasi",
           formula=_guard(f'IF({{m_rk}}="","",IF(ISNUMBER(INDEX(RK_realisasi,{{m_rk}})),'
                          f'INDEX(RK_realisasi,{{m_rk}}),'
                          f'{f.year_from_quarters("RK_r", "{m_rk}", "{agregasi}")}))')),
    Column("capaian", "Capaian (%)", "Achievement (%)", "percent", 11, value="ukur.capaian",
           formula=_guard(f.capaian(_T, _R, _POL, _A, _B))),
    Column("capaian_dipakai", "Capaian dipakai (%)", "Achievement used (%)", "percent", 11,
           value="ukur.capaian_dipakai",
           formula=_guard('IF({capaian}="","",IF(ISNUMBER(BatasCapaian),'
                          'MIN({capaian},BatasCapaian),{capaian}))')),
    Column("predikat", "Predikat", "Predicate", "text", 13, value="ukur.predikat",
           formula=_guard(f.predikat("{capaian_dipakai}"))),
    Column("realisasi_lalu", "Realisasi tahun lalu", "Last year's realisation", "number", 11,
           value="ukur.realisasi_lalu",
           formula=_guard(f'IF({{m_rk}}="","",{f.lookup("RK_rl1", "{m_rk}")})')),
    Column("perubahan", "Perubahan thd tahun lalu (%)", "Change on last year (%)", "percent", 12,
           value="ukur.perubahan",
           formula=_guard('IF(OR({realisasi}="",{realisasi_lalu}="",{realisasi_lalu}=0),"",'
                          '({realisasi}-{realisasi_lalu})/{realisasi_lalu}*100)')),
    Column("membaik", "Membaik?", "Improved?", "text", 9, value="ukur.membaik", formula=_membaik()),
    Column("target_akhir", "Target akhir Renstra", "Strategic-plan end target", "number", 12,
           value="ukur.target_akhir_renstra", formula=_target_akhir()),
    Column("realisasi_sd", "Realisasi s.d. tahun ini", "Realisation to date", "number", 12,
           value="ukur.realisasi_sd", formula=_realisasi_sd(), earlier=(_realisasi_sd_v1(),)),
    Column("kemajuan", "Tingkat kemajuan (%)", "Progress (%)", "percent", 12, value="ukur.kemajuan_renstra",
           formula=_guard('IF(OR({realisasi_sd}="",{target_akhir}="",{target_akhir}=0),"",'
                          '{realisasi_sd}/{target_akhir}*100)')),
    *(Column(f"ry{i}", f"Realisasi Renstra th-{i}", f"Realisation, plan year {i}", "number", 11,
             formula=_slot_realisasi(i), value=f"realisasi_renstra[{i - 1}]")
      for i in range(1, RENSTRA_SLOTS + 1)),
    *(_match_column(t) for t in (PK, RENCANA_AKSI, REALISASI_KINERJA)),
), default_capacity=60, mirror="IK")


def _tw_columns() -> tuple[Column, ...]:
    cols: list[Column] = []
    for q, r in zip(range(1, 5), ROMAN):
        cols.append(Column(f"t{q}", f"Target s.d. TW {r}", f"Target to Q{q}", "number", 11,
                           value=f"ukur.target_sd[{q - 1}]",
                           formula=_guard(f.quarters_to_date(q, "RA_t", "{PKK.m_ra}",
                                                             "{PKK.agregasi}"))))
        cols.append(Column(f"r{q}", f"Realisasi s.d. TW {r}", f"Realisation to Q{q}", "number",
                           11, value=f"ukur.realisasi_sd_tw[{q - 1}]",
                           formula=_guard(f.quarters_to_date(q, "RK_r", "{PKK.m_rk}",
                                                             "{PKK.agregasi}"))))
        cols.append(Column(f"c{q}", f"Capaian TW {r} (%)", f"Achievement Q{q} (%)", "percent", 11,
                           value=f"ukur.capaian_tw[{q - 1}]",
                           formula=_guard(f.capaian(f"{{t{q}}}", f"{{r{q}}}", "{PKK.polaritas}",
                                                    "{PKK.target_min}", "{PKK.target_maks}"))))
    return tuple(cols)


PENGUKURAN_TW = Table("PTW", "Pengukuran Triwulan", (
    Column("kode", "Kode indikator", "Indicator code", "code", 11, value="indikator.kode",
           formula='IF({IK.kode}="","",{IK.kode}&"")'),
    Column("uraian", "Indikator kinerja", "Indicator", "text", 40, value="indikator.uraian",
           formula=_guard('{IK.uraian}&""')),
    *_tw_columns(),
), default_capacity=60, mirror="IK")

def _kg(expr: str) -> str:
    return 'IF({KG.kode_kegiatan}="","",' + expr + ")"


def _kegiatan_amount(key: str) -> str:
    own = f.num(f"{{KG.{key}}}")
    n_sub = f.count_where(["(KG_kode_kegiatan={kode_kegiatan})", '(KG_kode_sub<>"")',
                           f"ISNUMBER(KG_{key})"])
    from_subs = f.sum_or_blank(n_sub, f'SUMIFS(KG_{key},KG_kode_kegiatan,{{kode_kegiatan}},'
                                      f'KG_kode_sub,"<>")')
    return _kg(f'IF({{tingkat}}="Sub",{own},IF(ISNUMBER({{KG.{key}}}),{{KG.{key}}},{from_subs}))')


ANGGARAN_KEGIATAN = Table("AK", "Anggaran Kegiatan", (
    Column("kode_program", "Kode program", "Programme code", "code", 13, value="program.kode",
           formula=_kg('{KG.kode_program}&""')),
    Column("kode_kegiatan", "Kode kegiatan", "Activity code", "code", 14, value="kegiatan.kode",
           formula=_kg('{KG.kode_kegiatan}&""')),
    Column("kode_sub", "Kode sub-kegiatan", "Sub-activity code", "code", 14, value="sub.kode",
           formula=_kg('{KG.kode_sub}&""')),
    Column("tingkat", "Tingkat", "Level", "text", 10, value="tingkat",
           formula=_kg('IF({KG.kode_sub}="","Kegiatan","Sub")')),
    Column("uraian", "Kegiatan / sub-kegiatan", "Activity", "text", 45, value="uraian",
           formula=_kg('{KG.uraian}&""')),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 11, value="program.sasaran",
           formula=_kg('IFERROR(INDEX(PG_kode_sasaran,MATCH({kode_program},PG_kode,0))&"","")')),
    Column("kelompok", "Kelompok", "Group", "text", 11, value="kelompok",
           formula=_kg('IF({kode_sasaran}="","Pendukung","Sasaran")')),
    Column("anggaran", "Anggaran", "Allocation", "money", 17,
           value="anggaran", formula=_kegiatan_amount("anggaran")),
    Column("realisasi", "Realisasi", "Spent", "money", 17,
           value="realisasi", formula=_kegiatan_amount("realisasi")),
    Column("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12, value="penyerapan",
           formula=_kg(f.penyerapan("{anggaran}", "{realisasi}"))),
), default_capacity=300, mirror="KG", row_key="kode_kegiatan")


def _sum_ak(key: str, criteria: list[tuple[str, str]]) -> str:
    mask = [f"(AK_{c}={v})" for c, v in criteria] + [f"ISNUMBER(AK_{key})"]
    sumifs = ",".join(f"AK_{c},{v}" for c, v in criteria)
    return f.sum_or_blank(f.count_where(mask), f"SUMIFS(AK_{key},{sumifs})")


_KEG = ("tingkat", '"Kegiatan"')

ANGGARAN_PROGRAM = Table("AP", "Anggaran Program", (
    Column("kode", "Kode program", "Programme code", "code", 13, value="program.kode",
           formula='IF({PG.kode}="","",{PG.kode}&"")'),
    Column("uraian", "Program", "Programme", "text", 50,
           value="program.uraian", formula=_guard('{PG.uraian}&""')),
    Column("kode_sasaran", "Kode sasaran", "Objective code", "code", 11, value="program.sasaran",
           formula=_guard('{PG.kode_sasaran}&""')),
    Column("anggaran", "Anggaran", "Allocation", "money", 17, value="ukur.anggaran",
           formula=_guard(_sum_ak("anggaran", [("kode_program", "{kode}"), _KEG]))),
    Column("realisasi", "Realisasi", "Spent", "money", 17, value="ukur.realisasi_anggaran",
           formula=_guard(_sum_ak("realisasi", [("kode_program", "{kode}"), _KEG]))),
    Column("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12, value="ukur.penyerapan",
           formula=_guard(f.penyerapan("{anggaran}", "{realisasi}"))),
), default_capacity=40, mirror="PG")

_AE_CAPAIAN_N = f.count_where(["(PKK_kode_sasaran={kode})", "ISNUMBER(PKK_capaian_dipakai)"])
_AE_UNIT_N = f.count_where(["(PKK_kode_sasaran={kode})", "ISNUMBER(PKK_realisasi)"])


def _efisiensi() -> str:
    return _guard(f.efisiensi("MetodeEfisiensi", "{capaian}", "{penyerapan}", "{realisasi}",
                              "{unit_outcome}"))


ANGGARAN_SASARAN = Table("AE", "Anggaran & Efisiensi", (
    Column("kode", "Kode sasaran", "Objective code", "code", 11, value="sasaran.kode",
           formula='IF({SS.kode}="","",{SS.kode}&"")'),
    Column("uraian", "Sasaran strategis", "Strategic objective", "text", 45, value="sasaran.uraian",
           formula=_guard('{SS.uraian}&""')),
    Column("capaian", "Capaian kinerja (%)", "Achievement (%)", "percent", 12, value="ukur.capaian",
           formula=_guard(f.sum_or_blank(_AE_CAPAIAN_N,
                                         f"SUMIFS(PKK_capaian_dipakai,PKK_kode_sasaran,{{kode}})"
                                         f"/{_AE_CAPAIAN_N}"))),
    Column("predikat", "Predikat", "Predicate", "text", 13,
           value="ukur.predikat", formula=_guard(f.predikat("{capaian}"))),
    Column("anggaran", "Anggaran", "Allocation", "money", 17, value="ukur.anggaran",
           formula=_guard(_sum_ak("anggaran", [("kode_sasaran", "{kode}"), _KEG]))),
    Column("realisasi", "Realisasi anggaran", "Spent", "money", 17, value="ukur.realisasi_anggaran",
           formula=_guard(_sum_ak("realisasi", [("kode_sasaran", "{kode}"), _KEG]))),
    Column("penyerapan", "Penyerapan (%)", "Absorption (%)", "percent", 12, value="ukur.penyerapan",
           formula=_guard(f.penyerapan("{anggaran}", "{realisasi}"))),
    Column("unit_outcome", "Realisasi outcome (unit)", "Outcome units achieved", "number", 12,
           value="unit_outcome",
           formula=_guard(f.sum_or_blank(_AE_UNIT_N,
                                         "SUMIFS(PKK_realisasi,PKK_kode_sasaran,{kode})"))),
    Column("efisiensi", "Tingkat efisiensi", "Efficiency", "points", 12,
           value="ukur.efisiensi", formula=_efisiensi()),
    Column("metode", "Metode efisiensi", "Efficiency method", "text", 14, value="metode",
           formula=_guard('IF(MetodeEfisiensi="","selisih",MetodeEfisiensi&"")')),
), default_capacity=20, mirror="SS", header_row=8)


def _block(group: str | None) -> tuple[str, str, str]:
    crit = [_KEG] + ([("kelompok", f'"{group}"')] if group else [])
    a, r = _sum_ak("anggaran", crit), _sum_ak("realisasi", crit)
    return a, r, f.penyerapan(a, r)


def _ae_summary() -> tuple[SummaryCell, ...]:
    cols = [ANGGARAN_SASARAN.index(k) for k in ("anggaran", "realisasi", "penyerapan")]
    kinds = ("money", "money", "percent")
    out: list[SummaryCell] = []
    for row, key, label, en, group in ((4, "pendukung", "Program pendukung (tanpa sasaran)",
                                        "Support programmes", "Pendukung"),
                                       (5, "total", "Total instansi", "Agency total", None)):
        for col, part, kind, expr in zip(cols, ("anggaran", "realisasi", "penyerapan"), kinds,
                                         _block(group)):
            out.append(SummaryCell(f"{key}_{part}", label, en, row, col, expr, kind))  # type: ignore[arg-type]
    return tuple(out)


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
          ANGGARAN_SASARAN, summary=_ae_summary(),
          guide=("Program pendukung dilaporkan terpisah, tidak dimasukkan ke sasaran mana pun.",)),
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


__all__ = ["SHEETS", "TABLES", "SCHEMA_VERSION", "col_letter", "sheet"]
