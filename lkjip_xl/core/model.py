"""The facts of one agency's year, as typed Python objects.

The interchange format (docs/data-format.md) is these objects written out field by field, and its
JSON Schema is generated from them (lkjip_xl/dataformat/): a field added here travels in YAML and
JSON. The workbook, the YAML/JSON documents and the measurement all speak these objects.
`None` always means "not known / not reported", never zero (DOMAIN.md: empty is not zero).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FORMAT_ID = "lkjip-xl/1"

Polaritas = Literal["positif", "negatif", "rentang"]
Agregasi = Literal["kumulatif", "akhir", "rata_rata"]
RumusNegatif = Literal["lan", "invers"]
MetodeEfisiensi = Literal["selisih", "hemat", "rasio", "biaya_per_unit"]
NilaiTW = Literal["kumulatif", "per_triwulan"]

POLARITAS: tuple[str, ...] = ("positif", "negatif", "rentang")
AGREGASI: tuple[str, ...] = ("kumulatif", "akhir", "rata_rata")
RUMUS_NEGATIF: tuple[str, ...] = ("lan", "invers")
METODE_EFISIENSI: tuple[str, ...] = ("selisih", "hemat", "rasio", "biaya_per_unit")
NILAI_TW: tuple[str, ...] = ("kumulatif", "per_triwulan")
# the code structure programme, kegiatan and sub-kegiatan codes follow: the agency's own, or a
# decree's (core.domain.nomenklatur.NOMENKLATUR, which imports the model, so named here again)
NOMENKLATUR: tuple[str, ...] = ("bebas", "permendagri_90_2019", "kepmendagri_050_5889_2021")
KERTAS: tuple[str, ...] = ("A4", "F4")  # F4: folio 216 x 330 mm (schema.printing.PAPERS)

Quarters = list[float | None]  # always four entries, TW I..TW IV


def empty_quarters() -> Quarters:
    return [None, None, None, None]


@dataclass
class PredikatBand:
    min: float | None  # inclusive lower bound; None = everything below the other bands
    label: str


DEFAULT_PREDIKAT: tuple[tuple[float | None, str], ...] = (
    (91, "Sangat Tinggi"),
    (76, "Tinggi"),
    (66, "Sedang"),
    (51, "Rendah"),
    (None, "Sangat Rendah"),
)


def default_predikat() -> list[PredikatBand]:
    return [PredikatBand(m, label) for m, label in DEFAULT_PREDIKAT]


@dataclass
class Pengaturan:
    """The declared measurement rules of DOMAIN.md, with their defaults."""

    rumus_negatif: str = "lan"
    batas_capaian: float | None = None
    predikat: list[PredikatBand] = field(default_factory=default_predikat)
    metode_efisiensi: str = "selisih"
    nilai_tw: str = "kumulatif"
    kertas: str = "A4"  # the paper every sheet and report of this workbook prints on
    nomenklatur: str = "bebas"  # the code structure of programme codes (NOMENKLATUR)
    e81_kolom_12a: bool = True  # Formulir E.81 prints column 12a (the Renja achievement)


@dataclass
class Kepala:
    nama: str | None = None
    nip: str | None = None
    jabatan: str | None = None
    pangkat: str | None = None


@dataclass
class Instansi:
    nama: str = ""
    pemda: str | None = None
    kepala: Kepala = field(default_factory=Kepala)
    # the head of the planning unit, who signs the Renja / Renstra evaluation (E.81, E.80) beside
    # the agency's head; a dotted line to sign by hand while unnamed
    kepala_bappeda: Kepala = field(default_factory=Kepala)


@dataclass
class Renstra:
    awal: int
    akhir: int


@dataclass
class Komponen:
    """Raw numbers an indicator's realisation is computed from: pembilang / penyebut * pengali."""

    pembilang_uraian: str | None = None
    pembilang: float | None = None
    penyebut_uraian: str | None = None
    penyebut: float | None = None
    pengali: float | None = None


@dataclass
class Indikator:
    kode: str
    uraian: str
    satuan: str | None = None
    polaritas: str = "positif"
    agregasi: str | None = None  # None = not declared; the domain treats it as `akhir`
    formula: str | None = None
    penanggung_jawab: str | None = None
    sumber_data: str | None = None
    target_renstra: dict[int, float | None] = field(default_factory=dict)
    target_rkt: float | None = None
    target: float | None = None  # PK target (positif / negatif)
    target_min: float | None = None  # rentang
    target_maks: float | None = None  # rentang
    target_perubahan: float | None = None  # PK Perubahan: revised target, used for measurement
    alasan_perubahan: str | None = None
    standar_nasional: float | None = None
    standar_nasional_sumber: str | None = None  # where the national standard comes from
    target_tw: Quarters = field(default_factory=empty_quarters)
    realisasi_tw: Quarters = field(default_factory=empty_quarters)
    realisasi: float | None = None
    realisasi_lalu: dict[int, float | None] = field(default_factory=dict)
    komponen: Komponen | None = None

    @property
    def target_efektif(self) -> float | None:
        """The target measurement uses: the revised PK target when there is one."""
        return self.target_perubahan if self.target_perubahan is not None else self.target


@dataclass
class Sasaran:
    kode: str
    uraian: str
    tujuan: str | None = None
    indikator: list[Indikator] = field(default_factory=list)
    # the staff's analysis for Bab III (PermenPANRB 53/2014): never generated, only inserted
    pendorong: str | None = None  # causes of success
    penghambat: str | None = None  # causes of shortfall
    upaya: str | None = None  # solutions taken and planned (E.81: follow-up next quarter)
    tindak_lanjut_renja: str | None = None  # E.81 / E.80: follow-up in the next Renja
    tindak_lanjut_renstra: str | None = None  # E.80: follow-up in the next Renstra
    program_penunjang: str | None = None  # programmes and kegiatan behind the result
    acuan_rpjmd: str | None = None  # the RKPD / RPJMD sasaran this sasaran serves (rekap's key)


SDM_KELOMPOK: tuple[str, ...] = ("golongan", "pendidikan")


@dataclass
class SdmBaris:
    """One line of the staff table of Bab I: how many employees of a golongan or education."""

    kelompok: str  # golongan / pendidikan
    uraian: str  # "IV", "III", "S1", "SMA" ...
    jumlah: float | None = None


@dataclass
class Narasi:
    """The report's own text that only staff can write (kata pengantar, Bab I, Bab IV)."""

    kata_pengantar: str | None = None
    tugas_fungsi: str | None = None
    struktur_organisasi: str | None = None
    isu_strategis: str | None = None
    simpulan: str | None = None
    langkah_ke_depan: str | None = None


@dataclass
class IndikatorProgram:
    """An indicator below sasaran: a programme's outcome, a kegiatan's or sub-kegiatan's output
    (Formulir E.81, SIPD's capaian / hasil / keluaran). The same measurement rules as a sasaran's
    `Indikator` (polarity, aggregation, quarters) over the Renja's fields only: no PK, RKT or
    national standard, which belong to the sasaran's indicators."""

    kode: str
    uraian: str
    satuan: str | None = None
    polaritas: str = "positif"
    agregasi: str | None = None  # None = not declared; the domain treats it as `akhir`
    target_renstra: dict[int, float | None] = field(default_factory=dict)
    target: float | None = None  # this year's Renja target (positif / negatif)
    target_min: float | None = None  # rentang
    target_maks: float | None = None  # rentang
    target_tw: Quarters = field(default_factory=empty_quarters)
    realisasi_tw: Quarters = field(default_factory=empty_quarters)
    realisasi: float | None = None
    realisasi_lalu: dict[int, float | None] = field(default_factory=dict)
    penanggung_jawab: str | None = None


@dataclass
class SubKegiatan:
    kode: str
    uraian: str
    anggaran: float | None = None
    realisasi: float | None = None
    anggaran_tw: Quarters = field(default_factory=empty_quarters)
    realisasi_tw: Quarters = field(default_factory=empty_quarters)
    anggaran_murni: float | None = None  # the original pagu; `anggaran` is the final one
    indikator: list[IndikatorProgram] = field(default_factory=list)  # outcome / output (E.81)
    pagu_renstra: dict[int, float | None] = field(default_factory=dict)  # Renstra money by year
    realisasi_anggaran_lalu: dict[int, float | None] = field(default_factory=dict)  # spent, by year


@dataclass
class Kegiatan:
    kode: str
    uraian: str
    anggaran: float | None = None
    realisasi: float | None = None
    anggaran_tw: Quarters = field(default_factory=empty_quarters)
    realisasi_tw: Quarters = field(default_factory=empty_quarters)
    sub_kegiatan: list[SubKegiatan] = field(default_factory=list)
    anggaran_murni: float | None = None  # the original pagu; `anggaran` is the final one
    indikator: list[IndikatorProgram] = field(default_factory=list)  # outcome / output (E.81)
    pagu_renstra: dict[int, float | None] = field(default_factory=dict)  # Renstra money by year
    realisasi_anggaran_lalu: dict[int, float | None] = field(default_factory=dict)  # spent, by year


@dataclass
class Program:
    kode: str
    uraian: str
    sasaran: str | None = None  # None: a support program (administrasi, sarana, aparatur)
    kegiatan: list[Kegiatan] = field(default_factory=list)
    indikator: list[IndikatorProgram] = field(default_factory=list)  # outcome / output (E.81)
    pagu_renstra: dict[int, float | None] = field(default_factory=dict)  # Renstra money by year
    realisasi_anggaran_lalu: dict[int, float | None] = field(default_factory=dict)  # spent, by year


@dataclass
class Dokumen:
    tahun: int
    instansi: Instansi = field(default_factory=Instansi)
    renstra: Renstra | None = None
    pengaturan: Pengaturan = field(default_factory=Pengaturan)
    sasaran: list[Sasaran] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    narasi: Narasi = field(default_factory=Narasi)
    sdm: list[SdmBaris] = field(default_factory=list)
    format: str = FORMAT_ID
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. `pengukuran` on export

    def indikator(self) -> list[tuple[Sasaran, Indikator]]:
        return [(s, i) for s in self.sasaran for i in s.indikator]

    def kegiatan(self) -> list[tuple[Program, Kegiatan]]:
        return [(p, k) for p in self.program for k in p.kegiatan]
