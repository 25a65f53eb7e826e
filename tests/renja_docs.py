"""Documents with indicators at every level below sasaran (programme outcome, kegiatan and
sub-kegiatan output) and money history, for the views of the Renja evaluation: export's
`pengukuran.renja`, laporan's item-7 table and E.81 lampiran, rekap's Evaluasi RKPD.

Built from the bundled Denpasar sample, so every other fact (sasaran indicators, budgets) is a
real agency's; the added indicators agree with their Renstra (target = this year's Renstra
target, every earlier Renstra year realised) so that verify has nothing to say about them.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path

from lkjip_xl.core.model import Dokumen, IndikatorProgram, SubKegiatan
from lkjip_xl.dataformat import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LONG = ("jumlah pelaku usaha mikro yang mengikuti pelatihan kewirausahaan dan pendampingan "
        "akses permodalan melalui lembaga keuangan bank dan non bank")


def denpasar() -> Dokumen:
    return load(SAMPLES / "denpasar_2019.yaml")


def _indikator(rng: random.Random, kode: str, name: str, awal: int, akhir: int,
               tahun: int) -> IndikatorProgram:
    kind = rng.choice(("akhir", "kumulatif", "rata_rata"))
    satuan = "%" if kind != "kumulatif" else "orang"
    target = {y: float(rng.randint(50, 100)) for y in range(awal, akhir + 1)}
    realisasi = float(rng.randint(40, 110))
    tw: list[float | None] = [None, None, None, realisasi]
    if kind == "kumulatif":  # totals to date, as staff type them under nilai_tw kumulatif
        tw = [round(realisasi * q / 4) for q in (1, 2, 3)] + [realisasi]
    return IndikatorProgram(
        kode=kode, uraian=name, satuan=satuan, agregasi=kind, target_renstra=target,
        target=target[tahun], realisasi_tw=tw,
        realisasi_lalu={y: float(rng.randint(40, 100)) for y in range(awal, tahun)})


def with_renja(dok: Dokumen, *, seed: int = 1, per_owner: int = 1, long_names: bool = False,
               acuan: tuple[str | None, ...] = ("Meningkatnya daya saing ekonomi daerah",),
               subs: bool = True) -> Dokumen:
    """`dok` with `per_owner` indicators on every programme, kegiatan and sub-kegiatan, the
    first kegiatan of every sasaran's first programme split into two sub-kegiatan (their money
    summing exactly to it), Renstra money history on every programme, and `acuan[k]` as the
    k-th sasaran's acuan_rpjmd (cycled)."""
    dok = copy.deepcopy(dok)
    rng = random.Random(seed)
    r = dok.renstra
    assert r is not None
    awal, akhir, tahun = r.awal, r.akhir, dok.tahun
    for k, s in enumerate(dok.sasaran):
        s.acuan_rpjmd = acuan[k % len(acuan)] if acuan else None
    split: set[str] = set()
    for prog in dok.program:
        if subs and prog.sasaran and prog.sasaran not in split and prog.kegiatan:
            split.add(prog.sasaran)
            keg = prog.kegiatan[0]
            a, rl = keg.anggaran or 0.0, keg.realisasi or 0.0
            a1, r1 = float(round(a * 0.4)), float(round(rl * 0.4))
            keg.sub_kegiatan = [
                SubKegiatan(f"{keg.kode}.01", f"Sub kegiatan pertama {keg.uraian}",
                            anggaran=a1, realisasi=r1),
                SubKegiatan(f"{keg.kode}.02", f"Sub kegiatan kedua {keg.uraian}",
                            anggaran=a - a1, realisasi=rl - r1)]
        total = sum(k.anggaran or 0.0 for k in prog.kegiatan)
        prog.pagu_renstra = {y: float(round(total * (1 + 0.05 * (y - awal))))
                             for y in range(awal, akhir + 1)}
        prog.realisasi_anggaran_lalu = {y: float(round(total * 0.9)) for y in range(awal, tahun)}
        owners: list[tuple[object, str]] = [(prog, f"Capaian program {prog.uraian}")]
        for keg in prog.kegiatan:
            owners.append((keg, f"Hasil kegiatan {keg.uraian}"))
            owners += [(s, f"Keluaran {s.uraian}") for s in keg.sub_kegiatan]
        for owner, base in owners:
            owner.indikator = [  # type: ignore[attr-defined]
                _indikator(rng, f"I{n + 1}",
                           f"{base} ({n + 1})" + (f": {LONG}" if long_names and n == 0 else ""),
                           awal, akhir, tahun)
                for n in range(per_owner)]
    return dok
