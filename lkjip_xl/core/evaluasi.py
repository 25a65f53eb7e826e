"""The Renja evaluation (E.81) of a whole document: its rows in the form's order and its footer.

Pure: `evaluasi_renja(dok)` lays a `Dokumen`'s programmes, kegiatan and sub-kegiatan, with their
indicators (`IndikatorProgram`) and money, into the form's rows; every number comes from
`core.domain.renja` (docs/renja-evaluation.md). The E.81 sheet of `measure`, export, laporan's
item 7 and lampiran, rekap's RKPD evaluation and verify's chain checks are views of this one list.

Order (the form's): per sasaran in document order, the programmes serving it, each followed by
its kegiatan and each kegiatan by its sub-kegiatan; then the programmes serving no sasaran of the
document (support programmes, or a sasaran code the document lacks).

Money: a kegiatan (or sub-kegiatan) with any figure of its own keeps it, else sums its children
(`rp_induk`). A programme has no pagu of its own in the workbook: columns 7-12 are always the
sums of its kegiatan (absorption weighted by budget); its own Renstra funding and spending
history, when typed, give columns 5, 6, 13 and 14, else those are summed too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from lkjip_xl.core.domain.renja import (
    TANPA_REALISASI,
    AturanRenja,
    IndikatorRenja,
    Kolom,
    RingkasanE81,
    UangRenja,
    jumlah_rp,
    kolom_k,
    kolom_rp,
    ringkasan,
    rp_induk,
)
from lkjip_xl.core.model import (
    Dokumen,
    IndikatorProgram,
    Kegiatan,
    Pengaturan,
    Program,
    SubKegiatan,
)

PROGRAM, KEGIATAN, SUB_KEGIATAN = "program", "kegiatan", "sub_kegiatan"
TINGKAT = (PROGRAM, KEGIATAN, SUB_KEGIATAN)


@dataclass(frozen=True)
class BarisK:
    """One indicator of an owner and its K columns."""

    indikator: IndikatorProgram
    k: Kolom


@dataclass(frozen=True)
class PemilikRenja:
    """A programme, kegiatan or sub-kegiatan of the form: its codes, name, the sasaran it serves
    (through its programme), its indicators' K columns and its Rp columns (`rp_sendiri`: computed
    from its own money rather than summed from its children)."""

    tingkat: str  # PROGRAM | KEGIATAN | SUB_KEGIATAN
    kode_program: str
    kode_kegiatan: str | None
    kode_sub: str | None
    uraian: str
    kode_sasaran: str | None  # None: a programme serving no sasaran of the document
    acuan_rpjmd: str | None
    indikator: tuple[BarisK, ...]
    rp: Kolom
    rp_sendiri: bool

    @property
    def kode(self) -> str:
        """The owner's own code (the deepest filled)."""
        return self.kode_sub or self.kode_kegiatan or self.kode_program


@dataclass(frozen=True)
class EvaluasiRenja:
    """The form: its owners in order and its footer. `ada_indikator`: the document has any
    indicator below sasaran (verify's per-owner "no indicator" infos wait for it)."""

    tahun: int
    pemilik: tuple[PemilikRenja, ...]
    ringkasan: RingkasanE81

    @property
    def ada_indikator(self) -> bool:
        return any(p.indikator for p in self.pemilik)

    def baris_k(self) -> Iterator[tuple[PemilikRenja, BarisK]]:
        for p in self.pemilik:
            for b in p.indikator:
                yield p, b


def aturan_renja(tahun: int, p: Pengaturan) -> AturanRenja:
    return AturanRenja(tahun=tahun, nilai_tw=p.nilai_tw, rumus_negatif=p.rumus_negatif,
                       batas_capaian=p.batas_capaian)


def indikator_renja(i: IndikatorProgram) -> IndikatorRenja:
    tw = i.realisasi_tw
    return IndikatorRenja(
        polaritas=i.polaritas, agregasi=i.agregasi, target_renstra=dict(i.target_renstra),
        target=i.target, target_min=i.target_min, target_maks=i.target_maks,
        realisasi_tw=(tw[0], tw[1], tw[2], tw[3]), realisasi=i.realisasi,
        realisasi_lalu=dict(i.realisasi_lalu))


def uang_renja(x: Kegiatan | SubKegiatan) -> UangRenja:
    tw = x.realisasi_tw
    return UangRenja(
        pagu=x.anggaran, realisasi_tw=(tw[0], tw[1], tw[2], tw[3]), realisasi=x.realisasi,
        pagu_renstra=dict(x.pagu_renstra), realisasi_lalu=dict(x.realisasi_anggaran_lalu),
        anggaran_murni=x.anggaran_murni)


def rp_program(prog: Program, anak: Sequence[Kolom], aturan: AturanRenja) -> tuple[Kolom, bool]:
    """A programme's Rp columns: 7-12 the sums of its kegiatan; 5, 6, 13, 14 from its own Renstra
    funding and spending history when it has any, else summed too. True when its own history
    was used."""
    total = jumlah_rp(anak)
    own = UangRenja(pagu_renstra=dict(prog.pagu_renstra),
                    realisasi_lalu=dict(prog.realisasi_anggaran_lalu))
    if own.kosong():
        return total, False
    # this year's money is the kegiatan's: the history is laid over it
    col = kolom_rp(replace(own, pagu=total.k7, realisasi=total.k12), aturan)
    alasan = tuple(a for a in col.alasan if a.kode != TANPA_REALISASI) + tuple(
        a for a in total.alasan if a.kolom not in ("5", "6", "13", "14"))
    return replace(col, tw=total.tw, alasan=alasan), True


def rp_kegiatan(keg: Kegiatan, aturan: AturanRenja
                ) -> tuple[Kolom, bool, list[tuple[SubKegiatan, Kolom]]]:
    """A kegiatan's Rp columns, whether they are its own money (rather than its sub-kegiatan's
    sums), and each sub-kegiatan's own columns."""
    subs = [(s, kolom_rp(uang_renja(s), aturan)) for s in keg.sub_kegiatan]
    own = uang_renja(keg)
    rp = rp_induk(own, [c for _, c in subs], aturan) if subs else kolom_rp(own, aturan)
    return rp, not subs or not own.kosong(), subs


def _k(indikator: Sequence[IndikatorProgram], aturan: AturanRenja) -> tuple[BarisK, ...]:
    return tuple(BarisK(i, kolom_k(indikator_renja(i), aturan)) for i in indikator)


def urutan(dok: Dokumen) -> list[Program]:
    """Programmes per sasaran in document order, then those serving no sasaran of the document."""
    kode = {s.kode for s in dok.sasaran}
    out = [p for s in dok.sasaran for p in dok.program if p.sasaran == s.kode]
    return out + [p for p in dok.program if p.sasaran not in kode]


def evaluasi_renja(dok: Dokumen) -> EvaluasiRenja:
    aturan = aturan_renja(dok.tahun, dok.pengaturan)
    acuan = {s.kode: s.acuan_rpjmd for s in dok.sasaran}
    out: list[PemilikRenja] = []
    top: list[Kolom] = []
    for prog in urutan(dok):
        sasaran = prog.sasaran if prog.sasaran in acuan else None
        rows: list[PemilikRenja] = []
        kegiatan_rp: list[Kolom] = []
        for keg in prog.kegiatan:
            rp, sendiri, subs = rp_kegiatan(keg, aturan)
            kegiatan_rp.append(rp)
            rows.append(PemilikRenja(KEGIATAN, prog.kode, keg.kode, None, keg.uraian, sasaran,
                                     acuan.get(sasaran or ""), _k(keg.indikator, aturan), rp,
                                     sendiri))
            rows += [PemilikRenja(SUB_KEGIATAN, prog.kode, keg.kode, s.kode, s.uraian, sasaran,
                                  acuan.get(sasaran or ""), _k(s.indikator, aturan), c, True)
                     for s, c in subs]
        rp, sendiri = rp_program(prog, kegiatan_rp, aturan)
        top.append(rp)
        out.append(PemilikRenja(PROGRAM, prog.kode, None, None, prog.uraian, sasaran,
                                acuan.get(sasaran or ""), _k(prog.indikator, aturan), rp, sendiri))
        out += rows
    k_rows = [b.k for p in out for b in p.indikator]
    return EvaluasiRenja(dok.tahun, tuple(out), ringkasan(k_rows, dok.pengaturan.predikat, top))


__all__ = [
    "KEGIATAN", "PROGRAM", "SUB_KEGIATAN", "TINGKAT", "BarisK", "EvaluasiRenja", "PemilikRenja",
    "aturan_renja", "evaluasi_renja", "urutan", "indikator_renja", "rp_kegiatan", "rp_program",
    "uang_renja",
]
