"""The Renstra evaluation (Formulir E.80) of a whole document: its rows and its footer.

Pure: `evaluasi_renstra(dok)` gives, for a document whose Renstra period is set, the E.80 rows in
the E.81's order (`core.evaluasi`: per sasaran its programmes, each followed by its kegiatan and
their sub-kegiatan; support programmes last), each owner's indicators one `BarisE80` each
(`core.domain.renstra_eval.baris_e80`) and its money one more. measure's *Evaluasi Renstra*
sheet, export's `pengukuran.renstra_eval` and laporan's lampiran are views of this one list.

Money follows the E.81 (docs/renja-evaluation.md): a kegiatan with any figure of its own keeps
it, else each year sums its sub-kegiatan; a programme's yearly funding and spending are its own
Renstra history when typed (this year's spending being its kegiatan's), else each year sums its
kegiatan. A sum over children holds the figures they hold (no invented zero); a year none holds
stays empty.

The footer (the form's, like the E.81's): the mean of every filled K ratio of the period
(capped by `batas_capaian`, as the E.81's mean is) and its predicate, and the period's absorption
of the programmes' money: the spending of the years up to this one over their funding, weighted
by money (never a mean of percentages), counting only the years that hold both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lkjip_xl.core.domain.anggaran import penyerapan
from lkjip_xl.core.domain.angka import jumlah, rerata
from lkjip_xl.core.domain.capaian import capaian_dipakai, predikat
from lkjip_xl.core.domain.renja import AturanRenja, Kolom, UangRenja
from lkjip_xl.core.domain.renstra_eval import BarisE80, TahunE80, baris_e80
from lkjip_xl.core.evaluasi import (
    PROGRAM,
    PemilikRenja,
    aturan_renja,
    evaluasi_renja,
    indikator_renja,
    uang_renja,
    urutan,
)
from lkjip_xl.core.model import Dokumen, IndikatorProgram, Kegiatan, Program


@dataclass(frozen=True)
class BarisK80:
    """One indicator of an owner and its E.80 row (K side only)."""

    indikator: IndikatorProgram
    e80: BarisE80


@dataclass(frozen=True)
class PemilikRenstra:
    """A programme, kegiatan or sub-kegiatan of the form: the E.81 owner it is (codes, name,
    sasaran), its indicators' E.80 rows and its money's (`rp`, Rp side only; `rp_sendiri`: from
    its own money rather than summed from its children)."""

    renja: PemilikRenja
    indikator: tuple[BarisK80, ...]
    rp: BarisE80
    rp_sendiri: bool

    @property
    def tingkat(self) -> str:
        return self.renja.tingkat

    @property
    def kode(self) -> str:
        return self.renja.kode


@dataclass(frozen=True)
class RingkasanE80:
    """The footer. `rata_rata_rasio`: the mean of every filled K ratio of the period (capped);
    `penyerapan`: the programmes' spending of the years up to this one over those years' funding,
    only years holding both; `rasio`: how many K ratios entered the mean."""

    rata_rata_rasio: float | None
    predikat: str | None
    penyerapan: float | None
    rasio: int


@dataclass(frozen=True)
class EvaluasiRenstra:
    tahun: int
    awal: int
    akhir: int
    pemilik: tuple[PemilikRenstra, ...]
    ringkasan: RingkasanE80

    @property
    def tahun_renstra(self) -> tuple[int, ...]:
        return tuple(range(self.awal, self.akhir + 1))


def jumlah_e80(anak: Sequence[BarisE80], awal: int, akhir: int,
               realisasi_rp_sd: float | None) -> BarisE80:
    """The Rp side of a parent without money of its own: each year's funding and spending the
    sums of its children's (the figures they hold), the ratio recomputed from the sums."""
    years = []
    for n, y in enumerate(range(awal, akhir + 1)):
        t = jumlah(a.tahun[n].target_rp for a in anak)
        r = jumlah(a.tahun[n].realisasi_rp for a in anak)
        years.append(TahunE80(y, None, None, None, t, r, penyerapan(t, r)))
    return BarisE80(
        kondisi_awal=None,
        target_akhir_k=None,
        target_akhir_rp=jumlah(a.target_akhir_rp for a in anak),
        tahun=tuple(years),
        realisasi_rp_sd=realisasi_rp_sd,
    )


def _k(indikator: Sequence[IndikatorProgram], awal: int, akhir: int, aturan: AturanRenja
       ) -> tuple[BarisK80, ...]:
    return tuple(BarisK80(i, baris_e80(awal, akhir, aturan, ind=indikator_renja(i)))
                 for i in indikator)


def _rp(uang: UangRenja, awal: int, akhir: int, aturan: AturanRenja) -> BarisE80:
    return baris_e80(awal, akhir, aturan, uang=uang)


def _program_rp(prog: Program, renja: PemilikRenja, anak: Sequence[BarisE80], awal: int,
                akhir: int, aturan: AturanRenja) -> tuple[BarisE80, bool]:
    """A programme's money: its own Renstra history laid over its kegiatan's spending this year
    (as the E.81's `rp_program`), else each year the sums of its kegiatan."""
    own = UangRenja(pagu_renstra=dict(prog.pagu_renstra),
                    realisasi_lalu=dict(prog.realisasi_anggaran_lalu))
    if own.kosong():
        return jumlah_e80(anak, awal, akhir, renja.rp.k13), False
    rp: Kolom = renja.rp
    return _rp(replace(own, pagu=rp.k7, realisasi=rp.k12), awal, akhir, aturan), True


def _kegiatan_rp(keg: Kegiatan, renja: PemilikRenja, subs: Sequence[BarisE80], awal: int,
                 akhir: int, aturan: AturanRenja) -> BarisE80:
    if renja.rp_sendiri:
        return _rp(uang_renja(keg), awal, akhir, aturan)
    return jumlah_e80(subs, awal, akhir, renja.rp.k13)


def _ringkasan(pemilik: Sequence[PemilikRenstra], dok: Dokumen) -> RingkasanE80:
    p = dok.pengaturan
    rasio = [capaian_dipakai(t.rasio_k, p.batas_capaian)
             for o in pemilik for b in o.indikator for t in b.e80.tahun]
    mean = rerata(rasio)
    pairs = [(t.target_rp, t.realisasi_rp) for o in pemilik if o.tingkat == PROGRAM
             for t in o.rp.tahun
             if t.tahun <= dok.tahun and t.target_rp is not None and t.realisasi_rp is not None]
    serap = penyerapan(jumlah(t for t, _ in pairs), jumlah(r for _, r in pairs)) if pairs else None
    return RingkasanE80(mean, predikat(mean, p.predikat), serap,
                        sum(v is not None for v in rasio))


def evaluasi_renstra(dok: Dokumen) -> EvaluasiRenstra | None:
    """The E.80 of `dok`, or None when its Renstra period is not set (or ends before it starts)."""
    if dok.renstra is None or dok.renstra.akhir < dok.renstra.awal:
        return None
    awal, akhir = dok.renstra.awal, dok.renstra.akhir
    aturan = aturan_renja(dok.tahun, dok.pengaturan)
    # the E.81's owners come in the order `urutan` walks the model: walk both in step (a
    # parent's money needs its children's, so each programme's block is built bottom-up)
    owners = iter(evaluasi_renja(dok).pemilik)
    out: list[PemilikRenstra] = []
    for prog in urutan(dok):
        head = next(owners)
        rows: list[PemilikRenstra] = []
        keg_rp: list[BarisE80] = []
        for keg in prog.kegiatan:
            k_owner = next(owners)
            sub_rows = [PemilikRenstra(next(owners), _k(s.indikator, awal, akhir, aturan),
                                       _rp(uang_renja(s), awal, akhir, aturan), True)
                        for s in keg.sub_kegiatan]
            rp = _kegiatan_rp(keg, k_owner, [r.rp for r in sub_rows], awal, akhir, aturan)
            keg_rp.append(rp)
            rows.append(PemilikRenstra(k_owner, _k(keg.indikator, awal, akhir, aturan), rp,
                                       k_owner.rp_sendiri))
            rows += sub_rows
        rp, sendiri = _program_rp(prog, head, keg_rp, awal, akhir, aturan)
        out.append(PemilikRenstra(head, _k(prog.indikator, awal, akhir, aturan), rp, sendiri))
        out += rows
    return EvaluasiRenstra(dok.tahun, awal, akhir, tuple(out), _ringkasan(out, dok))


__all__ = ["BarisK80", "EvaluasiRenstra", "PemilikRenstra", "RingkasanE80", "evaluasi_renstra",
           "jumlah_e80"]
