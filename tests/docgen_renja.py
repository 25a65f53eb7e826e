"""Indicators below sasaran and money history for `tests/docgen.py`'s documents (issue #24).

`renja(dok, seed)` gives every programme, kegiatan and sub-kegiatan of a generated document
zero to two indicators cycling through every polaritas x agregasi, with the awkward values of
real Renja data: quarters missing, only an annual figure, the quarters without the annual
figure, nothing reported yet, an earlier year's realisation missing, no Renstra target this
year, a zero target; and, unless `history=False`, money history (the Renstra's pagu by year,
earlier years' spending, the original pagu) on some owners, while a kegiatan with sub-kegiatan
sometimes has no money of its own (its E.81 row sums theirs). The data stay consistent (a
Renja target equals the Renstra's for the year, a percentage is never `kumulatif`, quarters give
the annual figure), so verify has nothing to say about them. Same seed, same additions.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Iterable
from typing import Any

from lkjip_xl.core import domain as d
from lkjip_xl.core.model import AGREGASI, POLARITAS, Dokumen, IndikatorProgram, Renstra
from tests.docgen import _r, _to_date_path

KINDS = [(p, a) for p in POLARITAS for a in (*AGREGASI, None)]
AWKWARD = ("tw-bolong", "hanya-tahunan", "tanpa-tahunan", "belum-lapor", "tahun-bolong",
           "tanpa-renstra-tahun-ini", "target-0")


def _indikator(kode: str, pol: str, agr: str | None, tahun: int, renstra: Renstra,
               nilai_tw: str, rng: random.Random, awkward: set[str]) -> IndikatorProgram:
    base = float(rng.choice((4, 12, 60, 75, 90, 100, 250)))
    satuan = "%" if agr != "kumulatif" and rng.random() < 0.4 else rng.choice(
        ("unit", "orang", "dokumen", "paket"))
    i = IndikatorProgram(kode=kode, uraian=f"Indikator renja {kode} ({pol}, {agr or '-'})",
                         satuan=satuan, polaritas=pol, agregasi=agr,
                         penanggung_jawab=rng.choice(("Bidang Uji", "Sekretariat", None)))
    skip_now = "tanpa-renstra-tahun-ini" in awkward
    i.target_renstra = {y: _r(base * (1 + 0.05 * (y - renstra.awal))) for y in
                        range(renstra.awal, renstra.akhir + 1) if not (skip_now and y == tahun)}
    target = i.target_renstra.get(tahun, base)
    if "target-0" in awkward and pol != "rentang":
        target = 0.0
        i.target_renstra.pop(tahun, None)
    if pol == "rentang":
        i.target_min, i.target_maks = _r(target * 0.9), _r(target * 1.1)
    else:
        i.target = target
    goal = target if pol != "rentang" else i.target_min
    if goal:
        i.target_tw = _to_date_path(goal, agr, nilai_tw, rng, set(), 2)
    if "belum-lapor" not in awkward:
        lo, hi = (0.7, 1.25) if pol == "positif" else (0.8, 1.2)
        realisasi = _r((goal or base) * rng.uniform(lo, hi))
        holes = {q for q in range(3) if "tw-bolong" in awkward and rng.random() < 0.6}
        if "hanya-tahunan" in awkward:
            i.realisasi = realisasi
        else:
            i.realisasi_tw = _to_date_path(realisasi, agr, nilai_tw, rng, holes, 2)
            year = d.nilai_tahunan(i.realisasi_tw, agr, nilai_tw)
            if "tanpa-tahunan" not in awkward:
                i.realisasi = year
    for y in range(max(renstra.awal - 1, tahun - 5), tahun):
        # a year before the Renstra may be missing; a Renstra year missing is verify's warning
        # (realisasi-lalu-kosong), which a consistent document does not earn
        if "tahun-bolong" in awkward and y < renstra.awal:
            continue
        i.realisasi_lalu[y] = _r(base * rng.uniform(0.7, 1.05))
    return i


def _history(owner: Any, dok: Dokumen, rng: random.Random, scale: float) -> None:
    """The Renstra's pagu by year and earlier years' spending (a year sometimes missing)."""
    assert dok.renstra is not None
    owner.pagu_renstra = {y: float(round(scale * rng.uniform(0.8, 1.2)))
                          for y in range(dok.renstra.awal, dok.renstra.akhir + 1)}
    owner.realisasi_anggaran_lalu = {
        y: float(round(scale * rng.uniform(0.6, 1.0)))
        for y in range(max(dok.renstra.awal - 1, dok.tahun - 5), dok.tahun)
        if y >= dok.renstra.awal or rng.random() < 0.5}  # only a year before the plan missing


def renja(dok: Dokumen, seed: int, history: bool = True) -> Dokumen:
    """`dok` with indicators at every level (and money history); returns it."""
    rng = random.Random(seed * 7919 + 24)
    assert dok.renstra is not None
    kinds = itertools.cycle(rng.sample(KINDS, len(KINDS)))
    owners: list[Any] = []
    for prog in dok.program:
        owners.append(prog)
        for keg in prog.kegiatan:
            owners.append(keg)
            owners += keg.sub_kegiatan
    for owner in owners:
        for j in range(rng.choice((0, 1, 1, 2))):
            pol, agr = next(kinds)
            awkward = {a for a in AWKWARD if rng.random() < 0.15}
            owner.indikator.append(_indikator(str(j + 1), pol, agr, dok.tahun, dok.renstra,
                                              dok.pengaturan.nilai_tw, rng, awkward))
    if not history:
        return dok
    # money history on one level of each programme, so that no stated total contradicts the sum
    # below it (verify's pagu-program-beda-jumlah): the programme itself, or its kegiatan (a
    # kegiatan with sub-kegiatan: on those, the kegiatan then without money of its own)
    for prog in dok.program:
        subs = any(k.sub_kegiatan for k in prog.kegiatan)
        if prog.kegiatan and not subs and rng.random() < 0.4:
            _history(prog, dok, rng, 100_000_000.0)
            continue
        for keg in prog.kegiatan:
            if keg.sub_kegiatan and rng.random() < 0.8:
                keg.anggaran = keg.realisasi = None
                keg.anggaran_tw = [None] * 4
                keg.realisasi_tw = [None] * 4
                for sub in keg.sub_kegiatan:
                    if rng.random() < 0.7:
                        _history(sub, dok, rng, sub.anggaran or 100_000_000.0)
                    if sub.anggaran and rng.random() < 0.3:
                        sub.anggaran_murni = sub.anggaran  # unchanged by the APBD Perubahan
            elif not keg.sub_kegiatan and rng.random() < 0.6:
                _history(keg, dok, rng, keg.anggaran or 100_000_000.0)
                if keg.anggaran and rng.random() < 0.3:
                    keg.anggaran_murni = keg.anggaran
    return dok


def coverage(doks: Iterable[Dokumen]) -> dict[str, Counter[str]]:
    """Which levels, kinds and money shapes a set of documents reached."""
    out: dict[str, Counter[str]] = {"tingkat": Counter(), "polaritas x agregasi": Counter(),
                                    "uang": Counter()}
    for dok in doks:
        for prog in dok.program:
            for i in prog.indikator:
                out["tingkat"]["program"] += 1
                out["polaritas x agregasi"][f"{i.polaritas}/{i.agregasi}"] += 1
            if prog.pagu_renstra:
                out["uang"]["riwayat program"] += 1
            for keg in prog.kegiatan:
                out["tingkat"]["kegiatan"] += len(keg.indikator)
                for i in keg.indikator:
                    out["polaritas x agregasi"][f"{i.polaritas}/{i.agregasi}"] += 1
                if keg.sub_kegiatan and keg.anggaran is None:
                    out["uang"]["kegiatan menjumlah sub"] += 1
                if keg.pagu_renstra:
                    out["uang"]["riwayat kegiatan"] += 1
                for s in keg.sub_kegiatan:
                    out["tingkat"]["sub_kegiatan"] += len(s.indikator)
                    for i in s.indikator:
                        out["polaritas x agregasi"][f"{i.polaritas}/{i.agregasi}"] += 1
                    if s.pagu_renstra:
                        out["uang"]["riwayat sub-kegiatan"] += 1
    return out
