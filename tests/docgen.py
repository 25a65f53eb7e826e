"""Valid documents over the whole space of settings and awkward values, for differential tests.

`build(seed, **force)` gives a `Dokumen` that a careful agency could submit: every polaritas x
agregasi, every setting (`rumus_negatif`, `batas_capaian`, the predicate table, `metode_efisiensi`,
`nilai_tw`), and the awkward values of real workbooks: missing years and quarters, realisation not
reported yet, target 0, realisation 0, range targets, PK Perubahan, sub-kegiatan, support
programs, kegiatan without budget, indicators with komponen. The data are internally consistent
(TW IV to date equals the annual target, cumulative totals never fall, money never above its
allocation, sub-kegiatan add up, realisation = komponen and = the year of its quarters), so
`verify` must report no error and no warning on it: anything it says is a false alarm or a
disagreement between the workbook, the domain core and verify.

`coverage(doks)` counts which combinations a set of documents reached. `documents()` is the
hypothesis strategy. Same seed, same document.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Iterable
from typing import Any

from lkjip_xl.core import domain as d
from lkjip_xl.core.model import (
    AGREGASI,
    METODE_EFISIENSI,
    NILAI_TW,
    POLARITAS,
    RUMUS_NEGATIF,
    Dokumen,
    Indikator,
    Instansi,
    Kegiatan,
    Kepala,
    Komponen,
    Narasi,
    Pengaturan,
    PredikatBand,
    Program,
    Quarters,
    Renstra,
    Sasaran,
    SdmBaris,
    SubKegiatan,
    default_predikat,
)

BATAS = (None, 100.0, 120.0, 110.5)
PREDIKAT_TABLES: dict[str, list[PredikatBand]] = {
    "permendagri": default_predikat(),
    "tiga": [PredikatBand(90, "Baik"), PredikatBand(70, "Cukup"), PredikatBand(None, "Kurang")],
    "tanpa-sisa": [PredikatBand(100, "Tercapai"), PredikatBand(80.5, "Hampir")],
}
AWKWARD = ("target-0", "realisasi-0", "belum-lapor", "tw-bolong", "tahun-bolong", "perubahan",
           "komponen", "tanpa-renstra-tahun-ini")
MAX_CAPAIAN = 1.3  # realisation / target kept where verify's plausibility check stays quiet


def _r(x: float, nd: int = 2) -> float:
    return round(x, nd)


def _pengaturan(rng: random.Random, force: dict[str, Any]) -> Pengaturan:
    pred = force.get("predikat") or rng.choice(sorted(PREDIKAT_TABLES))
    return Pengaturan(
        rumus_negatif=force.get("rumus_negatif") or rng.choice(RUMUS_NEGATIF),
        batas_capaian=force["batas_capaian"] if "batas_capaian" in force else rng.choice(BATAS),
        predikat=[PredikatBand(b.min, b.label) for b in PREDIKAT_TABLES[pred]],
        metode_efisiensi=force.get("metode_efisiensi") or rng.choice(METODE_EFISIENSI),
        nilai_tw=force.get("nilai_tw") or rng.choice(NILAI_TW),
    )


def _to_date_path(total: float, agregasi: str | None, nilai_tw: str, rng: random.Random,
                  holes: set[int], nd: int) -> Quarters:
    """Four quarterly entries, as `nilai_tw` writes them, whose year (TW IV to date) is `total`.

    The entries in `holes` (never TW IV) are left empty: a quarter not reported."""
    fractions = sorted(rng.uniform(0.1, 1.0) for _ in range(3)) + [1.0]
    if agregasi == "kumulatif":
        to_date = [_r(total * f, nd) for f in fractions[:3]] + [total]
        if nilai_tw == "kumulatif":
            return [None if q in holes else v for q, v in enumerate(to_date)]
        # per_triwulan: each quarter's own amount; the sum of the reported ones is the year
        own: Quarters = [None if q in holes else _r(total * 0.2, nd) for q in range(3)]
        rest = total - sum(v for v in own if v is not None)
        if rest < 0:
            own = [None if v is None else 0.0 for v in own]
            rest = total
        return [*own, rest]
    if agregasi == "rata_rata":
        vals: Quarters = [None if q in holes else _r(total * rng.uniform(0.8, 1.1), nd)
                          for q in range(3)]
        known = [v for v in vals if v is not None]
        # the mean of the reported quarters is the year: TW IV closes the gap
        last = total * (len(known) + 1) - sum(known)
        if last < 0:
            vals = [None if v is None else total for v in vals]
            last = total
        return [*vals, last]
    # akhir (or undeclared): a level, the latest value is the year
    return [None if q in holes else _r(total * rng.uniform(0.85, 1.0), nd) for q in range(3)] + [total]


def _indikator(kode: str, pol: str, agr: str | None, tahun: int, renstra: Renstra,
               ps: Pengaturan, rng: random.Random, awkward: set[str]) -> Indikator:
    small = rng.random() < 0.25  # a percent indicator of the seed's kind: 0.5 % a year
    base = _r(rng.uniform(0.3, 0.9), 3) if small else float(rng.choice((60, 75, 80, 90, 100, 250)))
    nd = 3 if small else 2
    satuan = "%" if small or rng.random() < 0.5 else rng.choice(("unit", "orang", "indeks"))
    i = Indikator(kode=kode, uraian=f"Indikator uji {kode} ({pol}, {agr or '-'})", satuan=satuan,
                  polaritas=pol, agregasi=agr, formula="realisasi / sasaran x 100",
                  penanggung_jawab="Bidang Uji", sumber_data="Data uji")
    years = range(renstra.awal, renstra.akhir + 1)
    skip_now = "tanpa-renstra-tahun-ini" in awkward
    i.target_renstra = {y: _r(base * (1 + 0.02 * (y - renstra.awal)), nd) for y in years
                        if not (skip_now and y == tahun)}
    target = i.target_renstra.get(tahun, base)
    if "target-0" in awkward and pol != "rentang":
        target = 0.0
        i.target_renstra.pop(tahun, None)  # a zero PK target against a non-zero Renstra one warns
    i.target_rkt = target
    if pol == "rentang":
        i.target_min, i.target_maks = _r(target * 0.9, nd), _r(target * 1.1, nd)
    else:
        i.target = target
        if "perubahan" in awkward and target:
            i.target_perubahan = _r(target * 0.95, nd)
            i.alasan_perubahan = "Penyesuaian anggaran (uji)"
    # a national standard for some indicators, with or without its source (no draw from rng, so
    # every other value of a seed stays what it was)
    if target and int(target) % 2 == 0:
        i.standar_nasional = target
        i.standar_nasional_sumber = "Permendagri uji 100/2018" if int(target) % 4 == 0 else None
    goal = i.target_efektif
    holes = {q for q in range(3) if "tw-bolong" in awkward and rng.random() < 0.5}
    if goal is not None:
        i.target_tw = _to_date_path(goal, agr, ps.nilai_tw, rng, set(), nd)
    elif pol == "rentang":
        i.target_tw = [i.target_min, i.target_min, i.target_maks, i.target_maks]
    if "belum-lapor" in awkward:
        realisasi: float | None = None
    elif "realisasi-0" in awkward and (pol == "positif" or (pol == "negatif"
                                                            and ps.rumus_negatif == "invers")):
        realisasi = 0.0
    else:
        ref = goal if goal else base
        if pol == "rentang":
            ref = (i.target_min or 0) * rng.uniform(0.9, 1.1 / 0.9)
        lo, hi = (0.8, MAX_CAPAIAN) if pol == "positif" else (0.75, 1.2)
        realisasi = _r(ref * rng.uniform(lo, hi), nd)
    if realisasi is not None and "komponen" in awkward and realisasi > 0:
        # large enough that the whole pembilang stays within 1 % of the realisation meant
        # (a small one made 0.5 % into 0.74 %: a capaian verify rightly calls implausible)
        penyebut = float(rng.randint(200, 900) * (1000 if realisasi < 10 else 10))
        pembilang = float(round(penyebut * realisasi / 100))
        pengali = 100.0
        if pembilang > 0:
            i.komponen = Komponen("jumlah yang memenuhi", pembilang, "jumlah seluruhnya", penyebut,
                                  pengali)
            realisasi = pembilang / penyebut * pengali
    if realisasi is not None:
        i.realisasi_tw = _to_date_path(realisasi, agr, ps.nilai_tw, rng, holes, nd)
        # the year is what the quarters give, exactly as the domain computes it
        year = d.nilai_tahunan(i.realisasi_tw, agr, ps.nilai_tw)
        i.realisasi = realisasi if year is None or d.dekat(year, realisasi) else year
    for y in range(max(renstra.awal - 1, tahun - 5), tahun):
        if "tahun-bolong" in awkward and rng.random() < 0.4:
            continue
        i.realisasi_lalu[y] = _r(base * rng.uniform(0.8, 1.05), nd)
    return i


def _money(rng: random.Random) -> tuple[float, float]:
    a = float(rng.randint(5, 900) * 1_000_000)
    return a, _r(a * rng.uniform(0.6, 1.0))


def _quarters(total: float, nilai_tw: str) -> Quarters:
    to_date = [_r(total * q / 4) for q in range(1, 4)] + [total]
    if nilai_tw == "kumulatif":
        return to_date
    own = [to_date[0], _r(to_date[1] - to_date[0]), _r(to_date[2] - to_date[1])]
    return [*own, total - sum(own)]


def _kegiatan(kode: str, kind: str, nilai_tw: str, rng: random.Random) -> Kegiatan:
    k = Kegiatan(kode=kode, uraian=f"Kegiatan uji {kode}")
    if kind == "tanpa-anggaran":
        return k
    if kind == "sub":
        for j in range(1, rng.randint(2, 3) + 1):
            a, r = _money(rng)
            k.sub_kegiatan.append(SubKegiatan(f"{kode}.{j:04d}", f"Sub-kegiatan uji {kode}.{j}", a, r,
                                              _quarters(a, nilai_tw), _quarters(r, nilai_tw)))
        k.anggaran = d.jumlah(s.anggaran for s in k.sub_kegiatan)
        k.realisasi = d.jumlah(s.realisasi for s in k.sub_kegiatan)
        return k
    k.anggaran, k.realisasi = _money(rng)
    if kind == "belum-realisasi":
        k.realisasi = None
        k.anggaran_tw = _quarters(k.anggaran, nilai_tw)
        return k
    k.anggaran_tw = _quarters(k.anggaran, nilai_tw)
    k.realisasi_tw = _quarters(k.realisasi, nilai_tw)
    return k


def build(seed: int, **force: Any) -> Dokumen:
    """One valid document; `force` pins settings (rumus_negatif, batas_capaian, predikat (a key
    of PREDIKAT_TABLES), metode_efisiensi, nilai_tw), `tahun`, `renstra_awal`, or `kinds`
    [(polaritas, agregasi), ...]."""
    rng = random.Random(seed)
    tahun = rng.randint(2019, 2026)
    awal = tahun - rng.randint(0, 4)
    tahun = force.get("tahun", tahun)
    awal = force.get("renstra_awal", awal if "tahun" not in force else tahun - 4)
    renstra = Renstra(awal, awal + 5 if rng.random() < 0.8 else awal + 4)
    ps = _pengaturan(rng, force)
    dok = Dokumen(tahun=tahun, renstra=renstra, pengaturan=ps,
                  instansi=Instansi(f"Dinas Uji {seed}", "Kota Uji",
                                    Kepala("Kepala Uji", "19750101 200003 2 001", "Kepala Dinas",
                                           "Pembina")))
    kinds: list[tuple[str, str | None]] = list(force.get("kinds") or [])
    if not kinds:
        every = [(p, a) for p in POLARITAS for a in (*AGREGASI, None)]
        kinds = rng.sample(every, rng.randint(2, 6))
    n_sasaran = rng.randint(1, min(3, len(kinds)))
    for s_no in range(1, n_sasaran + 1):
        dok.sasaran.append(Sasaran(f"S{s_no}", f"Meningkatnya kinerja uji {s_no}", "Tujuan uji"))
    for n, (pol, agr) in enumerate(kinds):
        s = dok.sasaran[n % n_sasaran]
        awkward = {a for a in AWKWARD if rng.random() < 0.2}
        s.indikator.append(_indikator(f"{s.kode}.{len(s.indikator) + 1}", pol, agr, tahun, renstra,
                                      ps, rng, awkward))
    kinds_k = ("biasa", "biasa", "sub", "tanpa-anggaran", "belum-realisasi")
    for p_no in range(1, n_sasaran + 2):
        support = p_no == n_sasaran + 1
        if support and rng.random() < 0.3:
            break
        prog = Program(f"1.{p_no:02d}", f"Program uji {p_no}",
                       None if support else dok.sasaran[p_no - 1].kode)
        for k_no in range(1, rng.randint(1, 3) + 1):
            prog.kegiatan.append(_kegiatan(f"{prog.kode}.{k_no:02d}", rng.choice(kinds_k),
                                           ps.nilai_tw, rng))
        dok.program.append(prog)
    _narasi(dok, seed)
    return dok


# text as staff write it: several paragraphs, long lines, punctuation, a quote, a percent sign,
# a leading "=" that must stay text, and an Indonesian number
_PARAGRAPHS = (
    "Puji syukur kami panjatkan; laporan ini disusun sesuai PermenPANRB 53/2014.",
    "Capaian 93,37 % menunjukkan kinerja \"sangat tinggi\" dibanding tahun lalu "
    "(Rp 2.072.337.900) " + "dan seterusnya " * 12,
    "=bukan rumus, tetap teks",
)


def _narasi(dok: Dokumen, seed: int) -> None:
    """The narrative in every second document (no draw from rng: the numbers stay the same)."""
    if seed % 2:
        return
    text = "\n".join(_PARAGRAPHS)
    for f in dataclasses.fields(Narasi):
        setattr(dok.narasi, f.name, f"{f.name}: {text}")
    dok.sdm = [SdmBaris("golongan", "IV", 3.0), SdmBaris("golongan", "III", 12.0),
               SdmBaris("pendidikan", "S1", 10.0), SdmBaris("pendidikan", "SMA", 0.0)]
    for s in dok.sasaran:
        s.pendorong, s.penghambat = f"Pendorong {s.kode}\n{text}", f"Penghambat {s.kode}"
        s.upaya, s.program_penunjang = f"Upaya {s.kode}", f"Program penunjang {s.kode}"


def documents() -> Any:
    """The hypothesis strategy: a document per drawn seed (shrinks towards small seeds)."""
    from hypothesis import strategies as st

    return st.integers(min_value=0, max_value=2**32 - 1).map(build)


def coverage(doks: Iterable[Dokumen]) -> dict[str, Counter[str]]:
    """Which settings, polaritas x agregasi pairs and awkward values a set of documents reached."""
    out: dict[str, Counter[str]] = {k: Counter() for k in (
        "rumus_negatif", "batas_capaian", "predikat", "metode_efisiensi", "nilai_tw", "polaritas x agregasi",
        "nilai")}
    for dok in doks:
        ps = dok.pengaturan
        out["rumus_negatif"][ps.rumus_negatif] += 1
        out["batas_capaian"][str(ps.batas_capaian)] += 1
        out["predikat"][next(k for k, v in PREDIKAT_TABLES.items()
                             if [(b.min, b.label) for b in v] == [(b.min, b.label)
                                                                  for b in ps.predikat])] += 1
        out["metode_efisiensi"][ps.metode_efisiensi] += 1
        out["nilai_tw"][ps.nilai_tw] += 1
        seen = out["nilai"]
        for _, i in dok.indikator():
            out["polaritas x agregasi"][f"{i.polaritas} x {i.agregasi or '-'}"] += 1
            seen["target 0"] += i.target == 0
            seen["realisasi 0"] += i.realisasi == 0
            seen["belum dilaporkan"] += i.realisasi is None
            seen["TW kosong"] += any(v is None for v in i.realisasi_tw) and i.realisasi is not None
            seen["tahun lalu kosong"] += len(i.realisasi_lalu) < min(5, dok.tahun - (dok.renstra.awal
                                                                                      if dok.renstra
                                                                                      else dok.tahun))
            seen["PK Perubahan"] += i.target_perubahan is not None
            seen["komponen"] += i.komponen is not None
            seen["rentang"] += i.polaritas == "rentang"
        for p, k in dok.kegiatan():
            seen["program pendukung"] += p.sasaran is None
            seen["sub-kegiatan"] += bool(k.sub_kegiatan)
            seen["kegiatan tanpa anggaran"] += k.anggaran is None
    return out
