"""Measure a whole document (Pengukuran Kinerja): every figure the LKjIP tables show.

Pure: `ukur(dok)` reads a `Dokumen` and returns a `Pengukuran`; `to_export_dict` gives the
`pengukuran` section of the interchange format. Rules: `lkjip_xl.core.domain` and docs/rules.md.
Money is summed over kegiatan rows in document order (as Excel's SUM adds a column), never rounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from lkjip_xl.core import domain as d
from lkjip_xl.core.domain.renja import AturanRenja, Kolom, kolom_k, kolom_rp
from lkjip_xl.core.evaluasi import (
    aturan_renja,
    indikator_renja,
    rp_kegiatan,
    rp_program,
    uang_renja,
)
from lkjip_xl.core.model import (
    Dokumen,
    Indikator,
    IndikatorProgram,
    Kegiatan,
    Pengaturan,
    Program,
    Sasaran,
    SubKegiatan,
)

Angka = float | None


@dataclass
class IndikatorUkur:
    kode: str
    sasaran: str
    target: Angka  # target_efektif; None for rentang
    target_min: Angka  # rentang only
    target_maks: Angka  # rentang only
    realisasi: Angka  # the stated annual value, else derived from realisasi_tw
    capaian: Angka
    capaian_dipakai: Angka
    predikat: str | None
    realisasi_lalu: Angka  # realisation of tahun - 1
    perubahan: Angka
    membaik: bool | None
    target_akhir_renstra: Angka
    realisasi_sd: Angka  # realisation to date against the Renstra
    kemajuan_renstra: Angka
    target_sd: list[Angka] = field(default_factory=list)
    realisasi_sd_tw: list[Angka] = field(default_factory=list)
    capaian_tw: list[Angka] = field(default_factory=list)


@dataclass
class Blok:
    anggaran: Angka
    realisasi_anggaran: Angka
    penyerapan: Angka


@dataclass
class KegiatanUkur:
    kode: str
    program: str
    sasaran: str | None
    anggaran: Angka
    realisasi_anggaran: Angka
    penyerapan: Angka


@dataclass
class ProgramUkur:
    kode: str
    sasaran: str | None
    anggaran: Angka
    realisasi_anggaran: Angka
    penyerapan: Angka


@dataclass
class SasaranUkur:
    kode: str
    capaian: Angka
    predikat: str | None
    anggaran: Angka
    realisasi_anggaran: Angka
    penyerapan: Angka
    efisiensi: Angka


@dataclass
class Pengukuran:
    indikator: dict[str, IndikatorUkur]
    sasaran: dict[str, SasaranUkur]
    program: dict[str, ProgramUkur]
    kegiatan: dict[str, KegiatanUkur]
    pendukung: Blok  # support programs (sasaran None)
    total: Blok
    metode: dict[str, Any]


def _uang(k: Kegiatan) -> tuple[Angka, Angka]:
    """A kegiatan's (anggaran, realisasi): its own stated values, else its sub-kegiatan's sums."""
    anggaran, realisasi = k.anggaran, k.realisasi
    if k.sub_kegiatan:
        if anggaran is None:
            anggaran = d.jumlah(s.anggaran for s in k.sub_kegiatan)
        if realisasi is None:
            realisasi = d.jumlah(s.realisasi for s in k.sub_kegiatan)
    return anggaran, realisasi


def _blok(rows: Iterable[KegiatanUkur]) -> Blok:
    rows = list(rows)  # iterated twice
    anggaran = d.jumlah(r.anggaran for r in rows)
    realisasi = d.jumlah(r.realisasi_anggaran for r in rows)
    return Blok(anggaran, realisasi, d.penyerapan(anggaran, realisasi))


def ukur_indikator(tahun: int, sasaran: str, i: Indikator, p: Pengaturan) -> IndikatorUkur:
    rentang = i.polaritas == "rentang"
    target = None if rentang else i.target_efektif
    a, b = (i.target_min, i.target_maks) if rentang else (None, None)
    realisasi = i.realisasi
    if realisasi is None:
        realisasi = d.nilai_tahunan(i.realisasi_tw, i.agregasi, p.nilai_tw)
    cap = d.capaian(
        i.polaritas, target, realisasi, rumus_negatif=p.rumus_negatif, target_min=a, target_maks=b
    )
    dipakai = d.capaian_dipakai(cap, p.batas_capaian)
    lalu = i.realisasi_lalu.get(tahun - 1)
    t_akhir = d.target_akhir_renstra(i.target_renstra, i.agregasi)
    r_sd = d.realisasi_sd(tahun, realisasi, i.realisasi_lalu, i.target_renstra, i.agregasi)
    return IndikatorUkur(
        kode=i.kode,
        sasaran=sasaran,
        target=target,
        target_min=a,
        target_maks=b,
        realisasi=realisasi,
        capaian=cap,
        capaian_dipakai=dipakai,
        predikat=d.predikat(dipakai, p.predikat),
        realisasi_lalu=lalu,
        perubahan=d.perubahan(realisasi, lalu),
        membaik=d.membaik(realisasi, lalu, i.polaritas, a, b),
        target_akhir_renstra=t_akhir,
        realisasi_sd=r_sd,
        kemajuan_renstra=d.kemajuan_renstra(r_sd, t_akhir),
        target_sd=d.nilai_sd(i.target_tw, i.agregasi, p.nilai_tw),
        realisasi_sd_tw=d.nilai_sd(i.realisasi_tw, i.agregasi, p.nilai_tw),
        capaian_tw=d.capaian_tw(
            i.target_tw, i.realisasi_tw, i.polaritas, i.agregasi, p.nilai_tw, p.rumus_negatif, a, b
        ),
    )


def ukur_kegiatan(prog: Program, k: Kegiatan) -> KegiatanUkur:
    anggaran, realisasi = _uang(k)
    return KegiatanUkur(
        k.kode, prog.kode, prog.sasaran, anggaran, realisasi, d.penyerapan(anggaran, realisasi)
    )


def metode(p: Pengaturan) -> dict[str, Any]:
    """The declared rules the measurement followed, as plain data."""
    return {
        "rumus_negatif": p.rumus_negatif,
        "batas_capaian": p.batas_capaian,
        "predikat": [{"min": b.min, "label": b.label} for b in p.predikat],
        "metode_efisiensi": p.metode_efisiensi,
        "nilai_tw": p.nilai_tw,
    }


def ukur(dok: Dokumen) -> Pengukuran:
    """Measure every indicator, kegiatan, program and sasaran of one agency's year."""
    p = dok.pengaturan
    per_sasaran = [
        (s, [ukur_indikator(dok.tahun, s.kode, i, p) for i in s.indikator]) for s in dok.sasaran
    ]
    indikator = {u.kode: u for _, us in per_sasaran for u in us}
    rows = [ukur_kegiatan(prog, k) for prog, k in dok.kegiatan()]
    kegiatan = {r.kode: r for r in rows}
    # rows grouped once, in their order (a scan per program and per sasaran is quadratic)
    by_program: dict[str, list[KegiatanUkur]] = {}
    by_sasaran: dict[str | None, list[KegiatanUkur]] = {}
    for r in rows:
        by_program.setdefault(r.program, []).append(r)
        by_sasaran.setdefault(r.sasaran, []).append(r)
    program: dict[str, ProgramUkur] = {}
    for prog in dok.program:
        b = _blok(by_program.get(prog.kode, []))
        program[prog.kode] = ProgramUkur(
            prog.kode, prog.sasaran, b.anggaran, b.realisasi_anggaran, b.penyerapan
        )
    sasaran: dict[str, SasaranUkur] = {}
    for s, ind in per_sasaran:
        cap = d.rerata(u.capaian_dipakai for u in ind)
        b = _blok(by_sasaran.get(s.kode, []))
        eff = d.efisiensi(
            p.metode_efisiensi,
            cap,
            b.penyerapan,
            realisasi_anggaran=b.realisasi_anggaran,
            unit_outcome=d.jumlah(u.realisasi for u in ind),
        )
        sasaran[s.kode] = SasaranUkur(
            s.kode,
            cap,
            d.predikat(cap, p.predikat),
            b.anggaran,
            b.realisasi_anggaran,
            b.penyerapan,
            eff,
        )
    return Pengukuran(
        indikator=indikator,
        sasaran=sasaran,
        program=program,
        kegiatan=kegiatan,
        pendukung=_blok(r for r in rows if r.sasaran is None),
        total=_blok(rows),
        metode=metode(p),
    )


# ---------------------------------------------------------------- the computed tables' rows
# What one row of a computed table shows, typed by the object it is about: the layout's
# computed columns name a path into it (`Column.value`, e.g. "ukur.capaian", "indikator.satuan"),
# so each value is named once, where its column is declared.


@dataclass
class IndikatorBaris:
    sasaran: Sasaran
    indikator: Indikator
    ukur: IndikatorUkur
    baris: int  # the indicator's 1-based row in every per-indicator table
    realisasi_renstra: list[Angka]  # each Renstra year's realisation, as the workbook finds it


@dataclass
class KegiatanBaris:
    """A kegiatan's row (its own or its sub-kegiatan's sums), or one of its sub-kegiatan's.
    `e81`: its Rp columns of the E.81 (`core.evaluasi`), `e81_sendiri` those of its own money,
    `e81_uang_sendiri` whether the first are the second (else its sub-kegiatan's sums)."""

    program: Program
    kegiatan: Kegiatan
    sub: SubKegiatan | None
    anggaran: Angka
    realisasi: Angka
    penyerapan: Angka
    aturan: AturanRenja | None = None
    # each Renstra year's spending before this one, as the workbook finds it (E.81 column 6)
    uang_renstra: list[Angka] = field(default_factory=list)

    def _aturan(self) -> AturanRenja:
        if self.aturan is None:
            raise ValueError("a kegiatan row measured without the Renja rules")
        return self.aturan

    @cached_property
    def _sendiri(self) -> Kolom:
        return kolom_rp(uang_renja(self.sub or self.kegiatan), self._aturan())

    @property
    def e81_sendiri(self) -> Kolom:
        return self._sendiri

    @cached_property
    def _e81(self) -> tuple[Kolom, bool]:
        if self.sub is not None:
            return self._sendiri, True
        rp, sendiri, _ = rp_kegiatan(self.kegiatan, self._aturan())
        return rp, sendiri

    @property
    def e81(self) -> Kolom:
        return self._e81[0]

    @property
    def e81_uang_sendiri(self) -> bool:
        return self._e81[1]

    @property
    def uraian(self) -> str:
        return (self.sub or self.kegiatan).uraian

    @property
    def tingkat(self) -> str:
        return "Sub" if self.sub else "Kegiatan"

    @property
    def kelompok(self) -> str:
        return "Sasaran" if self.program.sasaran else "Pendukung"


@dataclass
class ProgramBaris:
    program: Program
    ukur: ProgramUkur
    aturan: AturanRenja | None = None
    uang_renstra: list[Angka] = field(default_factory=list)  # as KegiatanBaris's

    @cached_property
    def _e81(self) -> tuple[Kolom, bool]:
        if self.aturan is None:
            raise ValueError("a programme row measured without the Renja rules")
        anak = [rp_kegiatan(k, self.aturan)[0] for k in self.program.kegiatan]
        return rp_program(self.program, anak, self.aturan)

    @property
    def e81(self) -> Kolom:
        """Its Rp columns of the E.81: 7-12 its kegiatan's sums (`core.evaluasi.rp_program`)."""
        return self._e81[0]

    @property
    def e81_uang_sendiri(self) -> bool:
        """Its own Renstra money history gives 5, 6, 13, 14."""
        return self._e81[1]


TINGKAT_LABEL = ("Program", "Kegiatan", "Sub-kegiatan")


@dataclass
class IndikatorProgramBaris:
    """An indicator of a programme, kegiatan or sub-kegiatan: its owners and its K columns of the
    E.81 (`core.evaluasi`), and each Renstra year's realisation as the workbook finds it."""

    owners: tuple[Any, ...]  # (program,), (program, kegiatan) or (program, kegiatan, sub)
    indikator: IndikatorProgram
    k: Kolom
    realisasi_renstra: list[Angka]

    @property
    def kode_program(self) -> str:
        return str(self.owners[0].kode)

    @property
    def kode_kegiatan(self) -> str | None:
        return self.owners[1].kode if len(self.owners) > 1 else None

    @property
    def kode_sub(self) -> str | None:
        return self.owners[2].kode if len(self.owners) > 2 else None

    @property
    def tingkat(self) -> str:
        return TINGKAT_LABEL[len(self.owners) - 1]


@dataclass
class SasaranBaris:
    sasaran: Sasaran
    ukur: SasaranUkur
    unit_outcome: Angka  # its indicators' realisations summed (the efficiency's outcome units)
    metode: str  # the efficiency method measured by


def realisasi_renstra(dok: Dokumen, i: Indikator | IndikatorProgram, realisasi: Angka, slots: int,
                      prior_years: int) -> list[Angka]:
    """The realisation of each Renstra year slot: this year's, or a prior year's as far back as
    the realisations reach; None for a year to come or out of reach."""
    return tahunan_renstra(dok, i.realisasi_lalu, realisasi, slots, prior_years)


def tahunan_renstra(dok: Dokumen, lalu: Mapping[int, Angka], sekarang: Angka, slots: int,
                    prior_years: int) -> list[Angka]:
    """Each Renstra year slot's figure: `sekarang` for this year, `lalu`'s for a year before it
    within `prior_years`; None for a year to come or out of reach."""
    out: list[Angka] = []
    for n in range(slots):
        year = None if dok.renstra is None else dok.renstra.awal + n
        if year == dok.tahun:
            out.append(sekarang)
        elif year is not None and year < dok.tahun and dok.tahun - year <= prior_years:
            out.append(lalu.get(year))
        else:
            out.append(None)
    return out


Baris = IndikatorBaris | KegiatanBaris | ProgramBaris | SasaranBaris | IndikatorProgramBaris
Chain = tuple[Any, ...]  # a row's model objects from the top of the tree down to its own


def _indikator(dok: Dokumen, p: Pengukuran, chain: Chain, n: int, slots: int,
               prior_years: int) -> IndikatorBaris:
    i = chain[-1]
    u = p.indikator[i.kode]
    return IndikatorBaris(chain[0], i, u, n,
                          realisasi_renstra(dok, i, u.realisasi, slots, prior_years))


def _kegiatan(dok: Dokumen, p: Pengukuran, chain: Chain, n: int, slots: int,
              prior_years: int) -> KegiatanBaris:
    prog, k = chain[0], chain[1]
    aturan = aturan_renja(dok.tahun, dok.pengaturan)
    own = chain[-1]
    lalu = tahunan_renstra(dok, own.realisasi_anggaran_lalu, None, slots, prior_years)
    if len(chain) > 2:  # a sub-kegiatan: its own amounts
        return KegiatanBaris(prog, k, own, own.anggaran, own.realisasi,
                             d.penyerapan(own.anggaran, own.realisasi), aturan, lalu)
    ku = p.kegiatan[k.kode]
    return KegiatanBaris(prog, k, None, ku.anggaran, ku.realisasi_anggaran, ku.penyerapan, aturan,
                         lalu)


def _program(dok: Dokumen, p: Pengukuran, chain: Chain, n: int, slots: int,
             prior_years: int) -> ProgramBaris:
    prog = chain[-1]
    return ProgramBaris(prog, p.program[prog.kode], aturan_renja(dok.tahun, dok.pengaturan),
                        tahunan_renstra(dok, prog.realisasi_anggaran_lalu, None, slots,
                                        prior_years))


def _indikator_program(dok: Dokumen, p: Pengukuran, chain: Chain, n: int, slots: int,
                       prior_years: int) -> IndikatorProgramBaris:
    i = chain[-1]
    k = kolom_k(indikator_renja(i), aturan_renja(dok.tahun, dok.pengaturan))
    return IndikatorProgramBaris(chain[:-1], i, k,
                                 realisasi_renstra(dok, i, k.k12, slots, prior_years))


def _sasaran(dok: Dokumen, p: Pengukuran, chain: Chain, n: int, slots: int,
             prior_years: int) -> SasaranBaris:
    s = chain[-1]
    unit = d.jumlah(p.indikator[i.kode].realisasi for i in s.indikator)
    return SasaranBaris(s, p.sasaran[s.kode], unit,
                        dok.pengaturan.metode_efisiensi or Pengaturan.metode_efisiensi)


# the measured row of each model a computed table mirrors (its return type is the row's type)
BUILDERS: dict[type, Callable[[Dokumen, Pengukuran, Chain, int, int, int], Baris]] = {
    Indikator: _indikator, Kegiatan: _kegiatan, SubKegiatan: _kegiatan, Program: _program,
    Sasaran: _sasaran, IndikatorProgram: _indikator_program,
}


def baris(dok: Dokumen, p: Pengukuran, chain: Chain, n: int, slots: int,
          prior_years: int) -> Baris:
    """The measured row of the object at the end of `chain` (its ancestors before it: sasaran,
    indikator; program, kegiatan, sub-kegiatan), row `n` of its table."""
    build = BUILDERS.get(type(chain[-1]))
    if build is None:
        raise TypeError(f"no measured row for {type(chain[-1]).__name__}")
    return build(dok, p, chain, n, slots, prior_years)


def _plain(value: Any) -> Any:
    """Numbers as plain floats (bools kept), containers copied; None stays None."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def to_export_dict(p: Pengukuran) -> dict[str, Any]:
    """The `pengukuran` section of DATA-FORMAT.md: every field, exact floats, None kept."""
    out: dict[str, Any] = _plain(asdict(p))
    return out
