"""The E.81 in the workbook (issue #24 item 2): the three computed Renja sheets hold
`core.evaluasi`'s columns as cached values, verify recomputes them and finds a cell typed over,
and measure's *Evaluasi Renja* form shows them by reference, covered by verify like Bab III."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.model import Dokumen
from lkjip_xl.measure import measure_dokumen
from lkjip_xl.planning.synthetic import patch_cell
from lkjip_xl.schema import e81_form
from lkjip_xl.schema.e81_form import E81_SHEET, PAIRS
from lkjip_xl.schema.renja_tables import EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM
from lkjip_xl.verify import verify
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.stream import read_grid
from tests import docgen, docgen_renja
from tests.test_e81_differential import compare_with_evaluasi
from tests.test_evaluasi import _doc


def _generated(seed: int, history: bool = True) -> Dokumen:
    return docgen_renja.renja(docgen.build(seed, kinds=docgen_renja.KINDS[seed % 4::4]), seed,
                              history)


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_cached_values_are_core_evaluasi(seed: int, tmp_path: Path) -> None:
    """Every K and Rp cell `new` caches is the column core.evaluasi gives its owner."""
    dok = _generated(seed, history=seed != 8)
    out = tmp_path / "d.xlsx"
    write_workbook(dok, out)
    n, bad = compare_with_evaluasi(dok, out)
    assert n > 50 and bad == []


def test_hand_checked_document(tmp_path: Path) -> None:
    """tests/test_evaluasi.py's document: the figures checked by hand there, in the cells."""
    dok = _doc()
    out = tmp_path / "d.xlsx"
    write_workbook(dok, out)
    grid = read_grid(out)
    erp = grid.sheet(EVALUASI_PROGRAM.sheet)
    erk = grid.sheet(EVALUASI_KEGIATAN.sheet)
    eip = grid.sheet(EVALUASI_INDIKATOR.sheet)
    assert erp is not None and erk is not None and eip is not None
    t = EVALUASI_PROGRAM  # P9 (support) first, as typed; then P1 with its own Renstra history
    p1 = {k: erp.value(t.first_row + 1, t.index(k)) for k in ("rp5", "rp6", "rp7", "rp12",
                                                              "rp13", "sendiri")}
    assert p1 == {"rp5": 2900, "rp6": 850, "rp7": 1000, "rp12": 800, "rp13": 1650,
                  "sendiri": "Ya"}
    # the kegiatan without money of its own sums its sub-kegiatan: 400 and 380, not its own
    k = EVALUASI_KEGIATAN
    assert (erk.value(k.first_row + 1, k.index("rp7")), erk.value(k.first_row + 1, k.index("rp12")),
            erk.value(k.first_row + 1, k.index("sendiri"))) == (400, 380, "Tidak")
    # the kumulatif programme indicator: quarters as own amounts, 13 = 6 + 12
    i = EVALUASI_INDIKATOR
    assert [eip.value(i.first_row, i.index(c)) for c in ("k8", "k9", "k10", "k11", "k12", "k13")
            ] == [2, 3, 2, 5, 12, 21]
    ring = evaluasi_renja(dok).ringkasan
    assert eip.value(4, i.index("uraian")) == pytest.approx(ring.rata_rata_capaian)
    assert eip.value(5, i.index("uraian")) == ring.predikat


def test_form_declares_shown_columns_and_true_labels() -> None:
    e81_form.check()
    assert [p.nomor for p in e81_form.pairs(False)] == [p.nomor for p in PAIRS if p.nomor != "12a"]
    labels = {p.nomor: p.rumus for p in PAIRS if p.rumus}
    # the labels the form prints; the differential holds them true of the Rp values
    assert labels == {"12": "12 = 8+9+10+11", "12a": "12a = 12/7 x 100%", "13": "13 = 6+12",
                      "14": "14 = 13/5 x 100%"}


def _measured(tmp_path: Path) -> tuple[Dokumen, Path]:
    dok = _doc()
    dok.instansi.nama, dok.instansi.pemda = "Dinas Uji", "Kota Denpasar"
    dok.instansi.kepala.nama = "Kepala Uji"
    dok.sasaran[0].pendorong = "Pendampingan koperasi"
    out = tmp_path / "m.xlsx"
    measure_dokumen(dok, out)
    return dok, out


def test_measure_writes_the_form_by_reference(tmp_path: Path) -> None:
    _, out = _measured(tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb[E81_SHEET]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "12 = 8+9+10+11" in texts and "13 = 6+12" in texts and "12a = 12/7 x 100%" in texts
    formulas = [t for t in texts if t.startswith("=")]
    # every figure refers to a Renja sheet's cell, never a number of its own
    assert any(f"'{EVALUASI_INDIKATOR.sheet}'!" in f for f in formulas)
    assert any(f"'{EVALUASI_KEGIATAN.sheet}'!" in f for f in formulas)
    assert any(f"'{EVALUASI_PROGRAM.sheet}'!" in f for f in formulas)
    assert any("bappeda_nama" in t or "$B$15" in t for t in texts)  # Profil, live
    assert ws.print_title_cols == "$A:$D"  # columns 1-4 on both pages across
    cached = openpyxl.load_workbook(out, data_only=True)[E81_SHEET]
    values = [str(c.value) for row in cached.iter_rows() for c in row if c.value is not None]
    assert "Sasaran S1: Sasaran  (acuan RPJMD/RKPD: Ekonomi tumbuh)" in values
    assert any("S1: Pendampingan koperasi" in v for v in values)  # the sasaran's analysis
    assert "[Isi: faktor penghambat pencapaian kinerja]" in values  # none typed: a placeholder


def test_verify_finds_cells_typed_over(tmp_path: Path) -> None:
    """A figure typed over a computed Renja cell and over a cell of the form: each found."""
    _, out = _measured(tmp_path)
    assert [f for f in verify(out).findings if f.severity == "error"] == []
    t = EVALUASI_INDIKATOR
    k12a = f"{t.letter('k12a')}{t.first_row}"
    patch_cell(out, t.sheet, k12a, 99.0)  # as typed in a spreadsheet: the cached values kept
    form = openpyxl.load_workbook(out)[E81_SHEET]
    target = next(c.coordinate for row in form.iter_rows() for c in row
                  if isinstance(c.value, str) and f"'{EVALUASI_PROGRAM.sheet}'!$K$6" in c.value)
    patch_cell(out, E81_SHEET, target, 123.0)
    found = {(f.code, f.location) for f in verify(out).findings if f.severity == "error"}
    assert ("rumus-ditimpa-salah", f"'{t.sheet}'!{k12a}") in found
    assert ("laporan-diubah", f"'{E81_SHEET}'!{target}") in found


def test_measure_carries_indicators_sharing_a_code_under_different_owners(tmp_path: Path
                                                                          ) -> None:
    """Indicator `1` of each programme is no duplicate: measure carries every row (its carry
    check read only the code and warned `baris-tidak-terbawa` at the second)."""
    from lkjip_xl.measure import measure

    dok = _generated(7)
    assert sum(1 for p in dok.program for i in p.indikator if i.kode == "1") > 1
    src = tmp_path / "d.xlsx"
    write_workbook(dok, src)
    report = measure(src, tmp_path / "m.xlsx")
    assert "baris-tidak-terbawa" not in report.codes()


def test_setting_drops_column_12a_and_travels(tmp_path: Path) -> None:
    """`pengaturan.e81_kolom_12a: false`: Pengaturan says Tidak, the form has no 12a pair, and
    the setting comes back from the workbook and the data format."""
    from lkjip_xl import dataformat
    from lkjip_xl.workbook.read import read_workbook

    dok = _doc()
    dok.instansi.nama = "Dinas Uji"
    dok.pengaturan.e81_kolom_12a = False
    src = tmp_path / "d.xlsx"
    write_workbook(dok, src)
    setting = openpyxl.load_workbook(src)["Pengaturan"]
    assert [r[1].value for r in setting.iter_rows() if r[0].value ==
            "Kolom 12a di Formulir E.81"] == ["Tidak"]
    back, _ = read_workbook(src)
    assert back.pengaturan.e81_kolom_12a is False
    text = dataformat.dumps(back, "yaml")
    assert "e81_kolom_12a: false" in text
    assert dataformat.loads(text).pengaturan.e81_kolom_12a is False
    out = tmp_path / "m.xlsx"
    measure_dokumen(back, out)
    texts = {str(c.value) for row in openpyxl.load_workbook(out)[E81_SHEET].iter_rows()
             for c in row}
    assert "13 = 6+12" in texts and "12a = 12/7 x 100%" not in texts
    dok.pengaturan.e81_kolom_12a = True
    assert "e81_kolom_12a: true" in dataformat.dumps(dok, "yaml")
    assert dataformat.loads(dataformat.dumps(dok, "yaml")).pengaturan.e81_kolom_12a is True


def test_working_columns_come_last_and_never_print() -> None:
    """The own-money and per-year columns the formulas need print on no page: declared after
    every printed column, so the print area stops before them."""
    from lkjip_xl.schema import printing

    for t in (EVALUASI_INDIKATOR, EVALUASI_KEGIATAN, EVALUASI_PROGRAM):
        n = printing.printed_columns(t)
        assert all(c.prints for c in t.columns[:n]) and not any(c.prints for c in t.columns[n:])
        assert n < len(t.columns)
        assert printing.filled_columns(t, [{c.key: 1 for c in t.columns}]) == n
