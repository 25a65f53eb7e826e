"""Synthetic documents of any size, built programmatically (no randomness between runs).

`synthetic_dokumen(n)` gives `n` indicator rows (five per sasaran, cycling through every
polaritas and agregasi, quarterly plans and realisations, a PK Perubahan, komponen, missing
realisations) and about `n` kegiatan rows (kegiatan, some split into sub-kegiatan) spread over
programs tied to the sasaran plus one support program. The data are consistent (TW IV equals
the year, money never above its allocation, sub-kegiatan add up to their kegiatan), so a clean
workbook of it is what `verify` sees on a well-kept file.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from lkjip_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Kegiatan,
    Kepala,
    Komponen,
    Program,
    Quarters,
    Renstra,
    Sasaran,
    SubKegiatan,
)

TAHUN = 2024
PER_SASARAN = 5
KEGIATAN_PER_PROGRAM = 5


def _r(x: float) -> float:
    return round(x, 2)


def _tw(values: Iterable[float]) -> Quarters:
    return list(values)


def _indikator(kode: str, n: int, rng: random.Random) -> Indikator:
    variant = n % 6
    base = rng.uniform(20, 200)
    years: dict[int, float | None] = {TAHUN - 2: _r(base * 0.9), TAHUN - 1: _r(base * 0.95), TAHUN: _r(base),
             TAHUN + 1: _r(base * 1.05), TAHUN + 2: _r(base * 1.1)}
    i = Indikator(kode=kode, uraian=f"Indikator sintetis {kode} (persentase layanan terpenuhi)",
                  satuan="%", formula="realisasi dibagi sasaran x 100%",
                  penanggung_jawab="Bidang Sintetis", sumber_data="Data sintetis",
                  target_renstra=years, target_rkt=_r(base))
    ratio = rng.uniform(0.7, 1.2)
    if variant in (0, 1, 5):  # positif: akhir, kumulatif, kumulatif with a PK Perubahan
        i.polaritas = "positif"
        i.agregasi = "akhir" if variant == 0 else "kumulatif"
        i.target = _r(base)
        if variant == 5:
            i.target_perubahan = _r(base * 0.9)
            i.alasan_perubahan = "Refocusing anggaran (sintetis)"
        t = i.target_efektif or base
        if i.agregasi == "kumulatif":
            i.target_tw = _tw(_r(t * q / 4) for q in range(1, 5))
            i.realisasi_tw = _tw([_r(t * ratio * q / 4) for q in range(1, 4)] + [_r(t * ratio)])
        else:
            i.target_tw = _tw([_r(t * (0.94 + 0.02 * q)) for q in range(1, 4)] + [t])
            i.realisasi_tw = _tw([_r(t * ratio * (0.94 + 0.02 * q)) for q in range(1, 4)]
                                  + [_r(t * ratio)])
        i.realisasi = i.realisasi_tw[3]
    elif variant == 2:  # negatif, akhir, realisation from its komponen
        i.polaritas = "negatif"
        i.agregasi = "akhir"
        i.target = _r(base / 10)
        penyebut = float(rng.randint(200, 900))
        pembilang = float(round(penyebut * i.target * ratio / 100))
        i.komponen = Komponen("kasus", pembilang, "populasi", penyebut, 100.0)
        real = pembilang / penyebut * 100
        i.target_tw = [i.target] * 4
        i.realisasi_tw = [_r(real * 1.03), _r(real * 1.02), _r(real * 1.01), real]
        i.realisasi = real
    elif variant == 3:  # rentang, rata_rata: the year is the mean of the quarters
        i.polaritas = "rentang"
        i.agregasi = "rata_rata"
        i.target_min, i.target_maks = _r(base * 0.9), _r(base * 1.1)
        q = [_r(base * rng.uniform(0.85, 1.15)) for _ in range(4)]
        i.realisasi_tw = _tw(q)
        i.realisasi = sum(q) / 4
    else:  # positif, akhir, not reported yet: capaian stays empty
        i.polaritas = "positif"
        i.agregasi = "akhir"
        i.target = _r(base)
        i.target_tw = [i.target] * 4
    if i.realisasi is not None:
        i.realisasi_lalu = {TAHUN - 1: _r(i.realisasi * 0.97), TAHUN - 2: _r(i.realisasi * 0.93)}
    return i


def _quarters(total: float) -> list[float | None]:
    return _tw([round(total * q / 4, 2) for q in range(1, 4)] + [total])


def _kegiatan(kode: str, with_subs: bool, rng: random.Random) -> Kegiatan:
    k = Kegiatan(kode=kode, uraian=f"Kegiatan sintetis {kode}")
    if with_subs:
        for j in range(1, 3):
            a = float(rng.randint(10, 900) * 1_000_000)
            r = round(a * rng.uniform(0.8, 1.0), 2)
            k.sub_kegiatan.append(SubKegiatan(f"{kode}.{j:04d}", f"Sub-kegiatan sintetis {kode}.{j}",
                                              a, r, _quarters(a), _quarters(r)))
        k.anggaran = sum(s.anggaran or 0 for s in k.sub_kegiatan)
        k.realisasi = sum(s.realisasi or 0 for s in k.sub_kegiatan)
    else:
        k.anggaran = float(rng.randint(10, 900) * 1_000_000)
        k.realisasi = round(k.anggaran * rng.uniform(0.8, 1.0), 2)
    k.anggaran_tw, k.realisasi_tw = _quarters(k.anggaran), _quarters(k.realisasi)
    return k


def synthetic_dokumen(n: int, seed: int = 2024, kegiatan: int | None = None) -> Dokumen:
    """A consistent document with `n` indicator rows and about `n` (or `kegiatan`) kegiatan
    rows."""
    rng = random.Random(seed)
    dok = Dokumen(tahun=TAHUN, renstra=Renstra(TAHUN - 3, TAHUN + 2),
                  instansi=Instansi("Dinas Sintetis Kabupaten Contoh", "Kabupaten Contoh",
                                    Kepala("Kepala Sintetis", "19750101 200003 2 001",
                                           "Kepala Dinas", "Pembina Tingkat I")))
    made = 0
    s_no = 0
    while made < n:
        s_no += 1
        s = Sasaran(kode=f"S{s_no}", uraian=f"Meningkatnya kinerja sintetis {s_no}",
                    tujuan="Tujuan sintetis")
        for j in range(1, min(PER_SASARAN, n - made) + 1):
            s.indikator.append(_indikator(f"S{s_no}.{j}", made, rng))
            made += 1
        dok.sasaran.append(s)
    # kegiatan rows: a kegiatan with subs takes 3 rows, one without takes 1; every 4th has subs
    rows = 0
    k_no = 0
    programs: list[Program] = [Program("9.01", "Program Penunjang Urusan Pemerintahan (sintetis)")]
    k_rows = n if kegiatan is None else kegiatan
    while rows < k_rows:
        if k_no % KEGIATAN_PER_PROGRAM == 0 and k_no:
            si = len(programs) - 1
            sas = dok.sasaran[si % len(dok.sasaran)].kode
            programs.append(Program(f"9.{len(programs) + 1:02d}", f"Program sintetis {len(programs) + 1}",
                                    sasaran=sas))
        prog = programs[-1]
        k_no += 1
        with_subs = k_no % 4 == 0 and k_rows - rows >= 3
        prog.kegiatan.append(_kegiatan(f"{prog.kode}.2.{len(prog.kegiatan) + 1:02d}", with_subs, rng))
        rows += 3 if with_subs else 1
    dok.program = programs
    return dok


def agency_of_rows(rows: int, seed: int = 2024) -> Dokumen:
    """Issue #25's shape: `rows` rows in all, rows/5 indicators (sasaran of five) and 4 rows/5
    kegiatan rows (a whole pemda's consolidated report is this shape at ~20,000 rows)."""
    return synthetic_dokumen(max(1, rows // 5), seed, kegiatan=rows - max(1, rows // 5))


def kegiatan_rows(dok: Dokumen) -> int:
    return sum(1 + len(k.sub_kegiatan) for _, k in dok.kegiatan())
