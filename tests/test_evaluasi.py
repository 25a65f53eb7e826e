"""The E.81 of a whole document (`core.evaluasi`): order, money and footer against the measurement
and the domain core, on the bundled samples and on documents built here."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from lkjip_xl.core import domain as d
from lkjip_xl.core.evaluasi import (
    KEGIATAN,
    PROGRAM,
    SUB_KEGIATAN,
    evaluasi_renja,
)
from lkjip_xl.core.measurement import ukur
from lkjip_xl.core.model import (
    Dokumen,
    IndikatorProgram,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
)
from lkjip_xl.dataformat import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b))


@pytest.mark.parametrize("name", ["denpasar_2019.yaml", "synthetic_rules.yaml",
                                  "synthetic_per_triwulan.yaml"])
def test_money_agrees_with_the_measurement(name):
    """Every programme's and kegiatan's 7, 12 and 12a Rp are the Bab III anggaran, realisasi and
    absorption; the footer's absorption is the document's."""
    dok = load(SAMPLES / name)
    ev, m = evaluasi_renja(dok), ukur(dok)
    for p in ev.pemilik:
        if p.tingkat == PROGRAM:
            want = m.program[p.kode_program]
            assert (p.rp.k7, p.rp.k12) == (want.anggaran, want.realisasi_anggaran), p.kode
            assert close(p.rp.k12a, want.penyerapan)
        elif p.tingkat == KEGIATAN and p.kode in m.kegiatan:
            k = m.kegiatan[p.kode]
            assert close(p.rp.k7, k.anggaran) and close(p.rp.k12, k.realisasi_anggaran), p.kode
    assert close(ev.ringkasan.penyerapan, m.total.penyerapan)


def test_form_order_sasaran_then_support():
    dok = load(SAMPLES / "denpasar_2019.yaml")
    ev = evaluasi_renja(dok)
    programmes = [p for p in ev.pemilik if p.tingkat == PROGRAM]
    assert sorted(p.kode_program for p in programmes) == sorted(p.kode for p in dok.program)
    order = [s.kode for s in dok.sasaran]
    seen = [order.index(p.kode_sasaran) if p.kode_sasaran else len(order) for p in programmes]
    assert seen == sorted(seen)
    # every kegiatan directly follows its programme (or its programme's earlier rows)
    current = None
    for p in ev.pemilik:
        if p.tingkat == PROGRAM:
            current = p.kode_program
        else:
            assert p.kode_program == current


def _doc() -> Dokumen:
    ind = IndikatorProgram(kode="1", uraian="Koperasi sehat", satuan="unit", agregasi="kumulatif",
                           target_renstra={2019: 10, 2020: 10, 2021: 10}, target=10,
                           realisasi_tw=[2, 5, 7, 12], realisasi_lalu={2019: 9})
    out = IndikatorProgram(kode="1", uraian="Pelatihan", satuan="%", target=100,
                           realisasi_tw=[None, None, None, 90], target_renstra={2021: 100})
    sub = [SubKegiatan("P1.01.1", "A", anggaran=100, realisasi=80, indikator=[out]),
           SubKegiatan("P1.01.2", "B", anggaran=300, realisasi=300)]
    keg = [Kegiatan("P1.01", "Keg", sub_kegiatan=sub),
           Kegiatan("P1.02", "Keg 2", anggaran=600, realisasi=420)]
    prog = Program("P1", "Prog", sasaran="S1", kegiatan=keg, indikator=[ind],
                   pagu_renstra={2019: 900, 2020: 1000, 2021: 1000},
                   realisasi_anggaran_lalu={2019: 850})
    support = Program("P9", "Penunjang", kegiatan=[Kegiatan("P9.01", "Adm", anggaran=50,
                                                            realisasi=50)])
    return Dokumen(tahun=2020, renstra=Renstra(2019, 2021), sasaran=[Sasaran("S1", "Sasaran",
                   acuan_rpjmd="Ekonomi tumbuh")], program=[support, prog])


def test_rows_levels_money_and_indicators():
    ev = evaluasi_renja(_doc())
    assert [(p.tingkat, p.kode) for p in ev.pemilik] == [
        (PROGRAM, "P1"), (KEGIATAN, "P1.01"), (SUB_KEGIATAN, "P1.01.1"), (SUB_KEGIATAN, "P1.01.2"),
        (KEGIATAN, "P1.02"), (PROGRAM, "P9"), (KEGIATAN, "P9.01")]
    prog, keg, sub1 = ev.pemilik[0], ev.pemilik[1], ev.pemilik[2]
    assert prog.acuan_rpjmd == "Ekonomi tumbuh" and ev.pemilik[5].kode_sasaran is None
    # a kegiatan without money of its own sums its sub-kegiatan
    assert (keg.rp.k7, keg.rp.k12, keg.rp_sendiri) == (400, 380, False)
    # the programme: this year's money summed, weighted absorption, not the mean of 95 and 70
    assert (prog.rp.k7, prog.rp.k12) == (1000, 800)
    assert close(prog.rp.k12a, 80.0)
    # its own Renstra history: 5 = 2900, 6 = 850, 13 = 850 + 800, 14 = 13 / 5
    assert prog.rp_sendiri and (prog.rp.k5, prog.rp.k6, prog.rp.k13) == (2900, 850, 1650)
    assert close(prog.rp.k14, 1650 / 2900 * 100)
    # the kumulatif programme indicator: quarters as own amounts, 12 the last total, 13 = 6 + 12
    k = prog.indikator[0].k
    assert k.tw == (2, 3, 2, 5) and k.k12 == 12 and k.k13 == 21 and k.k5 == 30
    # the sub-kegiatan's output: a level, 12a = 90 %
    assert close(sub1.indikator[0].k.k12a, 90.0)
    # footer: mean of the capped 12a over both indicators, absorption of all programmes' money
    want = d.renja.ringkasan([prog.indikator[0].k, sub1.indikator[0].k],
                             _doc().pengaturan.predikat, [prog.rp, ev.pemilik[5].rp])
    assert ev.ringkasan == want
    assert close(ev.ringkasan.penyerapan, 850 / 1050 * 100)
    assert ev.ada_indikator and len(list(ev.baris_k())) == 2


def test_a_document_without_indicators_below_sasaran():
    dok = load(SAMPLES / "denpasar_2019.yaml")
    ev = evaluasi_renja(dok)
    assert not ev.ada_indikator
    assert ev.ringkasan.rata_rata_capaian is None and ev.ringkasan.baris == 0
