"""Renstra period totals of a published plan, typed into an empty workbook through LibreOffice as
staff do (python3-uno), read back, evaluated: the E.80 of the workbook (`core.evaluasi_renstra`)
reproduces the print, and so do the measured cells after LibreOffice recalculates them.

No published E.80 (or *Evaluasi hasil Renstra*) with figures was found (docs/renja-evaluation.md
says what was searched); what is published, and what the E.80 carries in its columns 5-11, is the
plan's funding table: the condition at the start, each year's target and pagu indikatif, and the
condition at the end of the period with the period's money. That is reproduced here; the
realisation and ratio columns stay for a published evaluation.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.evaluasi_renstra import EvaluasiRenstra, evaluasi_renstra
from lkjip_xl.core.model import Dokumen, IndikatorProgram, Instansi, Program, Renstra, Sasaran
from lkjip_xl.measure import measure
from lkjip_xl.schema.renja_columns import kolom_e80
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_PROGRAM
from lkjip_xl.xlsx.stream import read_grid
from tests.test_differential import loud
from tests.test_e80_sheet import LABELS, _cells, _code, _columns, compare_with_evaluasi_renstra
from tests.test_published_typed import _typed
from tests.test_typed_in_libreoffice import _uno_missing

AWAL, AKHIR = 2019, 2023

# Per programme: code, name, its indicator and unit, the condition at the start (2018), the
# five yearly targets 2019-2023, the pagu indikatif 2020-2023 (2019 prints a target without an
# amount), and what the end-of-period column prints: the target and the period's money.
JABAR_KESBANGPOL = (
    ("1", "Program Bina Ideologi dan Wawasan Kebangsaan",
     "Tingkat Pemahaman Ideologi dan Wawasan Kebangsaan", "poin", 70.78,
     (70.78, 71.78, 72.78, 73.78, 74.78),
     (1_231_790_000, 1_556_600_000, 1_713_578_000, 1_647_460_000), 74.78, 6_149_428_000),
    ("2", "Program Bina Ketahanan Ekonomi, Seni, Budaya, Agama dan Kemasyarakatan",
     "Tingkat Ketahanan Lingkungan Strategis Daerah", "poin", 70.78,
     (70.78, 71.78, 72.78, 73.78, 74.78),
     (1_450_900_000, 1_761_000_000, 1_956_960_000, 1_923_600_000), 74.78, 7_092_460_000),
    ("3", "Program Pembinaan, Pemahaman dan Pengamalan Keagamaan",
     "Persentase Bahan Kebijakan Pembinaan, Pemahaman dan Pengamalan Keagamaan", "persen", 89,
     (90, 91, 91.5, 92, 92.5),
     (11_758_202_379, 13_969_609_464, 15_442_581_583, 15_336_350_066), 92.5, 56_506_743_492),
)


def jabar_kesbangpol_2019() -> Dokumen:
    """RPJMD Provinsi Jawa Barat 2018-2023, *Buku Tabel* (jabarprov.go.id; text copy at
    https://dokumen.tech/document/buku-tabel-.html, page 2): the programmes of the Badan
    Kesatuan Bangsa dan Politik under sasaran 1.1.1, each with its outcome indicator, the
    condition at the start, target and Rp for each year and the *kondisi kinerja pada akhir
    periode*: the programme funding table a Perangkat Daerah's Renstra takes from its RPJMD
    (*Rencana Program, Kegiatan dan Pendanaan*) and the E.80 evaluates. The text copy loses the
    column heads' years: read as the plan's start condition, five target years 2019-2023 (the
    first without an amount) and the end of the period. Typed as staff would in the plan's first
    year with targets (2019): Profil's Renstra period, the programmes with their yearly Renstra money
    on *Program*, the indicators with their yearly targets and the 2018 realisation (the start
    condition) on *Indikator Program*. Each printed period total is the sum of its four
    amounts (checked: none of the print's own sums is off); the end targets are the last year's
    (a level, `akhir`: summing the years would print 363.9 and 457)."""
    program = []
    for kode, uraian, ind, satuan, awal, targets, pagu, _, _ in JABAR_KESBANGPOL:
        years = dict(zip(range(AWAL, AKHIR + 1), targets, strict=True))
        indikator = IndikatorProgram("1", ind, satuan, agregasi="akhir", target_renstra=years,
                                     target=years[AWAL], realisasi_lalu={AWAL - 1: awal})
        program.append(Program(kode, uraian, "S1.1.1", indikator=[indikator],
                               pagu_renstra=dict(zip(range(AWAL + 1, AKHIR + 1), pagu,
                                                     strict=True))))
    return Dokumen(
        tahun=AWAL, renstra=Renstra(AWAL, AKHIR),
        instansi=Instansi("Badan Kesatuan Bangsa dan Politik", "Provinsi Jawa Barat"),
        sasaran=[Sasaran("S1.1.1", "Meningkatnya keimanan dan kerukunan umat beragama dalam "
                                   "kerangka demokrasi")],
        program=program)


def check_printed(ev: EvaluasiRenstra) -> None:
    """Every figure of the print, from the E.80 of the document as read back."""
    rows = {o.kode: o for o in ev.pemilik}
    assert list(rows) == [p[0] for p in JABAR_KESBANGPOL]
    assert (ev.awal, ev.akhir, ev.tahun_renstra) == (AWAL, AKHIR, tuple(range(AWAL, AKHIR + 1)))
    for kode, _, _, _, awal, targets, pagu, akhir_k, akhir_rp in JABAR_KESBANGPOL:
        row = rows[kode]
        assert row.rp_sendiri  # the programme's own Renstra money, not a sum of kegiatan
        assert row.rp.target_akhir_rp == akhir_rp  # the period total (column 6 Rp)
        assert [t.target_rp for t in row.rp.tahun] == [None, *pagu]  # columns 7-11 Rp
        (k,) = row.indikator
        assert k.e80.kondisi_awal == awal  # column 5
        assert k.e80.target_akhir_k == akhir_k  # column 6 K: a level's last year
        assert [t.target_k for t in k.e80.tahun] == list(targets)  # columns 7-11 K
    # nothing realised yet in the plan's first year: no ratio, no footer figure invented
    assert ev.ringkasan.rasio == 0 and ev.ringkasan.penyerapan is None


def test_jabar_kesbangpol_period_totals_from_the_core() -> None:
    """The arithmetic alone (the typed test below is the one that matters, and is slow)."""
    check_printed(evaluasi_renstra(jabar_kesbangpol_2019()))  # type: ignore[arg-type]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_jabar_kesbangpol_renstra_totals_typed_in_libreoffice(tmp_path: Path) -> None:
    reason = _uno_missing() or (None if shutil.which("pdftotext") else "poppler (pdftotext) "
                                                                      "is not installed")
    if reason:
        pytest.skip(reason)
    from lkjip_xl.engines import libreoffice

    dok, path = _typed(jabar_kesbangpol_2019(), tmp_path, "jabar-kesbangpol")
    assert dok.renstra == Renstra(AWAL, AKHIR)
    ev = evaluasi_renstra(dok)
    assert ev is not None
    check_printed(ev)
    # the E.81's column 5 is the same end-of-period target, from the same typed cells
    renja = {o.kode: o for o in evaluasi_renja(dok).pemilik}
    for kode, *_, akhir_k, akhir_rp in JABAR_KESBANGPOL:
        assert renja[kode].rp.k5 == akhir_rp
        assert renja[kode].indikator[0].k.k5 == akhir_k
    assert loud(path) == []
    # measured, then recalculated by LibreOffice: the workbook's own cells print the totals
    measured = tmp_path / "diukur.xlsx"
    report = measure(path, measured, force=True)
    assert [f.code for f in report.findings if f.severity != "info"] == []
    lo = libreoffice.recalculate(measured, tmp_path / "lo")
    assert loud(lo) == []
    grid = read_grid(lo)
    erp, eip = grid.sheet(EVALUASI_PROGRAM.sheet), grid.sheet(EVALUASI_INDIKATOR.sheet)
    assert erp is not None and eip is not None
    for n, (*_, akhir_k, akhir_rp) in enumerate(JABAR_KESBANGPOL):
        assert erp.value(EVALUASI_PROGRAM.first_row + n, EVALUASI_PROGRAM.index("rp5")) == akhir_rp
        assert eip.value(EVALUASI_INDIKATOR.first_row + n,
                         EVALUASI_INDIKATOR.index("k5")) == pytest.approx(akhir_k)
    # measure's Evaluasi Renstra (E.80) as LibreOffice recalculated it: every cell the core's,
    # and the printed figures in their numbered columns, each programme on its labelled row
    compared, bad = compare_with_evaluasi_renstra(dok, lo)
    assert compared > 0 and bad == []
    e80 = _cells(lo)
    cols = _columns(e80)
    rows = {_code(e80.value(r, 3)): r for r in range(1, e80.max_row + 1)
            if str(e80.value(r, 3) or "").startswith(LABELS)}
    kolom = kolom_e80(AWAL, AKHIR)
    awal_col, akhir_col = (next(k for k in kolom if k.grup == g) for g in ("awal", "akhir"))
    target_cols = [k for k in kolom if k.grup == "target"]
    for kode, _, _, _, awal, targets, pagu, akhir_k, akhir_rp in JABAR_KESBANGPOL:
        r = rows[kode]
        assert e80.value(r, cols[(awal_col.nomor, "k")]) == pytest.approx(awal)
        assert e80.value(r, cols[(akhir_col.nomor, "k")]) == pytest.approx(akhir_k)
        assert e80.value(r, cols[(akhir_col.nomor, "rp")]) == akhir_rp
        assert [e80.value(r, cols[(k.nomor, "k")]) for k in target_cols] == pytest.approx(targets)
        assert [e80.value(r, cols[(k.nomor, "rp")]) or None for k in target_cols] == [None, *pagu]
    # and LibreOffice prints them: a column too narrow prints a period total as ### (a
    # province's programme over five years runs to tens of billions of rupiah)
    pdf = libreoffice.convert(lo, tmp_path / "pdf", "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "###" not in text
    for *_, akhir_rp in JABAR_KESBANGPOL:
        assert f"{akhir_rp:,}" in text
