"""The E.80 of a whole document (`core.evaluasi_renstra`): rows in the E.81's order, each row the
domain's `baris_e80`, parents' money summed per year, the footer, on documents built here and on
generated ones."""

from __future__ import annotations

import math

import pytest

from lkjip_xl.core.domain.capaian import capaian, predikat
from lkjip_xl.core.evaluasi import PROGRAM, evaluasi_renja
from lkjip_xl.core.evaluasi_renstra import evaluasi_renstra
from lkjip_xl.core.model import (
    Dokumen,
    IndikatorProgram,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
)
from tests import docgen, docgen_renja


def close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b))


def _doc(program_history: bool = False) -> Dokumen:
    ind = IndikatorProgram(kode="1", uraian="Koperasi sehat", satuan="unit", agregasi="kumulatif",
                           target_renstra={2019: 10, 2020: 10, 2021: 12}, target=10,
                           realisasi_tw=[2, 5, 7, 12], realisasi_lalu={2018: 8, 2019: 9})
    sub = [SubKegiatan("P1.01.1", "A", anggaran=100, realisasi=80,
                       pagu_renstra={2019: 90, 2020: 100, 2021: 110},
                       realisasi_anggaran_lalu={2019: 85}),
           SubKegiatan("P1.01.2", "B", anggaran=300, realisasi=300,
                       pagu_renstra={2019: 200, 2020: 300})]
    keg = [Kegiatan("P1.01", "Keg", sub_kegiatan=sub),
           Kegiatan("P1.02", "Own", anggaran=50, realisasi=40, pagu_renstra={2020: 50, 2021: 60},
                    realisasi_anggaran_lalu={})]
    prog = Program("P1", "Prog", sasaran="S1", kegiatan=keg, indikator=[ind])
    if program_history:
        prog.pagu_renstra = {2019: 1000, 2020: 1000, 2021: 1000}
        prog.realisasi_anggaran_lalu = {2019: 700}
    return Dokumen(tahun=2020, renstra=Renstra(2019, 2021),
                   sasaran=[Sasaran("S1", "Sasaran")], program=[prog])


def test_no_period_no_form():
    dok = _doc()
    dok.renstra = None
    assert evaluasi_renstra(dok) is None


def test_rows_follow_the_renja_and_money_sums_per_year():
    dok = _doc()
    ev = evaluasi_renstra(dok)
    assert ev is not None and ev.tahun_renstra == (2019, 2020, 2021)
    assert [p.kode for p in ev.pemilik] == [p.kode for p in evaluasi_renja(dok).pemilik]
    prog, keg, s1, s2, own = ev.pemilik
    # the programme's K row: yearly targets, last year's realisation, this year's the E.81's 12
    k = prog.indikator[0].e80
    assert [t.target_k for t in k.tahun] == [10, 10, 12]
    assert [t.realisasi_k for t in k.tahun] == [9, 12, None]  # quarters are totals to date (nilai_tw default)
    assert close(k.tahun[1].rasio_k, capaian("positif", 10, 12))
    assert k.kondisi_awal == 8 and k.target_akhir_k == 32
    # a kegiatan without money of its own sums its sub-kegiatan, year by year
    assert not keg.rp_sendiri
    assert [t.target_rp for t in keg.rp.tahun] == [290, 400, 110]
    assert [t.realisasi_rp for t in keg.rp.tahun] == [85, 380, None]
    assert keg.rp.target_akhir_rp == 800
    assert s2.rp.tahun[0].realisasi_rp is None  # not held: no invented zero
    # the programme sums its kegiatan
    assert not prog.rp_sendiri
    assert [t.target_rp for t in prog.rp.tahun] == [290, 450, 170]
    assert [t.realisasi_rp for t in prog.rp.tahun] == [85, 420, None]
    assert close(prog.rp.tahun[1].rasio_rp, 420 / 450 * 100)
    assert own.rp_sendiri and [t.target_rp for t in own.rp.tahun] == [None, 50, 60]
    assert s1.indikator == () and s1.rp_sendiri


def test_programme_history_is_its_own_with_this_years_spending_its_kegiatan():
    ev = evaluasi_renstra(_doc(program_history=True))
    assert ev is not None
    prog = ev.pemilik[0]
    assert prog.rp_sendiri
    assert [t.target_rp for t in prog.rp.tahun] == [1000, 1000, 1000]
    assert [t.realisasi_rp for t in prog.rp.tahun] == [700, 420, None]
    assert prog.rp.target_akhir_rp == 3000


def test_footer_mean_of_capped_ratios_and_absorption_weighted():
    dok = _doc()
    dok.pengaturan.batas_capaian = 150
    ev = evaluasi_renstra(dok)
    assert ev is not None
    ratios = [min(capaian("positif", 10, 9) or 0, 150), min(capaian("positif", 10, 12) or 0, 150)]
    mean = sum(ratios) / 2
    assert close(ev.ringkasan.rata_rata_rasio, mean) and ev.ringkasan.rasio == 2
    assert ev.ringkasan.predikat == predikat(mean, dok.pengaturan.predikat)
    assert close(ev.ringkasan.penyerapan, (85 + 420) / (290 + 450) * 100)


@pytest.mark.parametrize("seed", range(6))
def test_generated_documents_agree_with_the_renja(seed):
    """On generated documents: this year's realisations are the E.81's column 12 (K and Rp), the
    Rp end target its column 5 where the money has a Renstra history, and the spending to date
    its 13."""
    dok = docgen_renja.renja(docgen.build(2400 + seed, kinds=docgen_renja.KINDS[seed % 3::3]),
                             seed, history=seed % 2 == 0)
    ev, renja = evaluasi_renstra(dok), evaluasi_renja(dok)
    if dok.renstra is None:
        assert ev is None
        return
    assert ev is not None
    n = dok.tahun - ev.awal
    for o, r in zip(ev.pemilik, renja.pemilik, strict=True):
        assert o.renja == r
        for b, rb in zip(o.indikator, r.indikator, strict=True):
            if 0 <= n < len(b.e80.tahun):
                assert close(b.e80.tahun[n].realisasi_k, rb.k.k12)
        if 0 <= n < len(o.rp.tahun):
            assert close(o.rp.tahun[n].realisasi_rp, r.rp.k12), o.kode
        assert close(o.rp.realisasi_rp_sd, r.rp.k13)
        if o.rp_sendiri or o.tingkat != PROGRAM:
            if r.rp.k5 is not None:
                assert close(o.rp.target_akhir_rp, r.rp.k5), o.kode


def test_columns_of_the_form_read_the_rows():
    """The E.80's declared columns (one declaration for sheet, export and laporan) read each
    figure from its `BarisE80`, and the printed ratio labels name the columns they divide."""
    from lkjip_xl.schema.renja_columns import kolom_e80, penanggung_jawab_e80

    ev = evaluasi_renstra(_doc())
    assert ev is not None
    cols = kolom_e80(ev.awal, ev.akhir)
    assert [c.nomor for c in cols] == [str(n) for n in range(5, 7 + 3 * 3)]
    assert penanggung_jawab_e80(ev.awal, ev.akhir)[0] == "16"
    by = {c.nomor: c for c in cols}
    k = ev.pemilik[0].indikator[0].e80
    assert by["5"].of(k, "k") == 8 and by["5"].of(k, "rp") is None
    assert by["6"].of(k, "k") == 32
    assert [by[str(n)].of(k, "k") for n in (7, 8, 9)] == [10, 10, 12]
    assert [by[str(n)].of(k, "k") for n in (10, 11, 12)] == [9, 12, None]
    rp = ev.pemilik[0].rp
    for c in cols:
        if c.grup == "rasio":
            real, target = (by[x].of(rp, "rp") for x in c.rumus.split(" = ")[1]
                            .removesuffix(" x 100%").split("/"))
            got = c.of(rp, "rp")
            assert close(got, None if real is None or not target else real / target * 100)
