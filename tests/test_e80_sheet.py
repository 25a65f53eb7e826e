"""measure's *Evaluasi Renstra* sheet (Formulir E.80, issue #24): every K and Rp cell cached as
`core.evaluasi_renstra` gives it (through `kolom_e80(...).of`), each a live formula (the
LibreOffice differential, tests/test_e81_differential.py, recalculates them), verify writes the
sheet again and finds a cell typed over, and no sheet without a Renstra period."""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest

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
from lkjip_xl.measure import measure_dokumen
from lkjip_xl.measure.e80 import HEADER_ROW
from lkjip_xl.measure.styling import BAPPEDA_JABATAN
from lkjip_xl.planning.synthetic import patch_cell
from lkjip_xl.schema import e80_form
from lkjip_xl.schema.e80_form import E80_SHEET, FOOTER
from lkjip_xl.schema.renja_columns import kolom_e80
from lkjip_xl.schema.report_tables import REPORT_SHEETS
from lkjip_xl.verify import verify
from lkjip_xl.xlsx.grid import SheetGrid
from lkjip_xl.xlsx.stream import read_grid
from tests import docgen, docgen_renja

LABELS = ("Program ", "Kegiatan ", "Sub kegiatan ")


def _num(v: Any) -> Any:
    if v is None or v == "":
        return None
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def _same(a: Any, b: Any) -> bool:
    a, b = _num(a), _num(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)
    return bool(a == b)


def _columns(sheet: SheetGrid) -> dict[tuple[str, str], int]:
    """(column number, "k" | "rp") -> sheet column, read from the printed header: the numbers
    row (a ratio's label starts with its number) and the K / Rp row above it."""
    numbers, sides = HEADER_ROW + 3, HEADER_ROW + 2  # 1-based
    out: dict[tuple[str, str], int] = {}
    for c in range(5, sheet.max_col + 1):
        side = sheet.value(sides, c)
        label = sheet.value(numbers, c) or sheet.value(numbers, c - 1)
        if side in ("K", "Rp") and label:
            out[(str(label).split()[0], side.lower())] = c
    return out


def _code(label: Any) -> str:
    """The owner's code from its label ("Sub kegiatan 1.01.1 Name" -> "1.01.1")."""
    text = str(label or "")
    for prefix in LABELS:
        if text.startswith(prefix):
            return text[len(prefix):].split()[0]
    return ""


def _cells(path: Path) -> SheetGrid:
    sheet = read_grid(path).sheet(E80_SHEET)
    assert sheet is not None
    return sheet


def compare_with_evaluasi_renstra(dok: Dokumen, path: Path) -> tuple[int, list[str]]:
    """Every K and Rp figure of the E.80 sheet in `path` (cached, or as LibreOffice computed
    it) against `evaluasi_renstra(dok)`, owner by owner, and the footer's three figures."""
    ev = evaluasi_renstra(dok)
    assert ev is not None
    sheet = _cells(path)
    cols = _columns(sheet)
    kolom = kolom_e80(ev.awal, ev.akhir)
    assert {n for n, _ in cols} == {k.nomor for k in kolom}
    first = [r for r in range(HEADER_ROW + 4, sheet.max_row + 1)
             if str(sheet.value(r, 3) or "").startswith(LABELS)]
    assert len(first) == len(ev.pemilik), (len(first), len(ev.pemilik))
    n, bad = 0, []
    for row, owner in zip(first, ev.pemilik):
        assert _code(sheet.value(row, 3)) == owner.kode  # the row is this owner's
        for k in kolom:
            rows = [(row + j, b.e80, f"K {b.indikator.kode}") for j, b in
                    enumerate(owner.indikator)] or [(row, None, "K -")]
            for r, baris, what in rows:
                n += 1
                got, want = sheet.value(r, cols[(k.nomor, "k")]), k.of(baris, "k")
                if not _same(got, want):
                    bad.append(f"{path.name} {owner.tingkat} {owner.kode} {what} col {k.nomor}:"
                               f" sheet {got!r}, core {want!r}")
            if not k.k_saja:
                n += 1
                got, want = sheet.value(row, cols[(k.nomor, "rp")]), k.of(owner.rp, "rp")
                if not _same(got, want):
                    bad.append(f"{path.name} {owner.tingkat} {owner.kode} Rp col {k.nomor}: "
                               f"sheet {got!r}, core {want!r}")
    ring = ev.ringkasan
    wanted = {"rata_rata_rasio": ring.rata_rata_rasio, "predikat": ring.predikat,
              "penyerapan": ring.penyerapan}
    labels = {label: key for key, label, _ in FOOTER}
    seen = set()
    for r in range(first[-1] if first else HEADER_ROW, sheet.max_row + 1):
        key = labels.get(str(sheet.value(r, 5) or ""))
        if key is not None:
            seen.add(key)
            n += 1
            if not _same(sheet.value(r, 9), wanted[key]):
                bad.append(f"{path.name} footer {key}: sheet {sheet.value(r, 9)!r}, "
                           f"core {wanted[key]!r}")
    assert seen == set(wanted)
    return n, bad


def generated(seed: int, history: bool = True) -> Dokumen:
    return docgen_renja.renja(docgen.build(seed, kinds=docgen_renja.KINDS[seed % 4::4]), seed,
                              history)


def hand_document() -> Dokumen:
    """A six-year Renstra (2016-2021) in its fourth year: a programme with its own money
    history and a negatif indicator, a support programme without (its money summed from its
    kegiatan), one of them without money of its own summing two sub-kegiatan, a rentang
    sub-kegiatan indicator, and a cap on capaian."""
    neg = IndikatorProgram(kode="1", uraian="Angka kredit macet", satuan="%", polaritas="negatif",
                           agregasi="akhir",
                           target_renstra={2016: 10, 2017: 9, 2018: 8, 2019: 7, 2020: 6, 2021: 5},
                           target=7, realisasi=6.3,
                           realisasi_lalu={2015: 11, 2016: 12, 2017: 9, 2018: 4})
    pos = IndikatorProgram(kode="2", uraian="Koperasi sehat", satuan="unit",
                           agregasi="kumulatif", target_renstra={2017: 10, 2018: 10, 2019: 12},
                           target=12, realisasi_tw=[3, 6, 9, 15],
                           realisasi_lalu={2017: 8, 2018: 11})
    rng = IndikatorProgram(kode="1", uraian="Suku bunga pinjaman", satuan="%",
                           polaritas="rentang", target_renstra={2019: 9}, target_min=8,
                           target_maks=10, realisasi=9.5, realisasi_lalu={2018: 9.2})
    p1 = Program("P1", "Program kredit", sasaran="S1", indikator=[neg, pos],
                 pagu_renstra={2016: 500, 2017: 600, 2018: 700, 2019: 800, 2020: 900,
                               2021: 1000},
                 realisasi_anggaran_lalu={2016: 450, 2017: 600, 2018: 630},
                 kegiatan=[Kegiatan("P1.01", "Kegiatan kredit", anggaran=800, realisasi=720)])
    subs = [SubKegiatan("P9.01.1", "Sub A", anggaran=100, realisasi=90,
                        pagu_renstra={2018: 80, 2019: 100}, realisasi_anggaran_lalu={2018: 70},
                        indikator=[rng]),
            SubKegiatan("P9.01.2", "Sub B", anggaran=300, realisasi=240,
                        pagu_renstra={2019: 300, 2020: 320})]
    p9 = Program("P9", "Penunjang", kegiatan=[
        Kegiatan("P9.01", "Administrasi", sub_kegiatan=subs),
        Kegiatan("P9.02", "Rapat", anggaran=50, realisasi=50, pagu_renstra={2019: 60},
                 realisasi_anggaran_lalu={})])
    dok = Dokumen(tahun=2019, renstra=Renstra(2016, 2021),
                  sasaran=[Sasaran("S1", "Akses kredit", acuan_rpjmd="Ekonomi tumbuh")],
                  program=[p1, p9])
    dok.instansi.nama, dok.instansi.pemda = "Dinas Uji", "Kota Denpasar"
    dok.pengaturan.batas_capaian = 120
    dok.sasaran[0].tindak_lanjut_renstra = "Perluas penjaminan kredit"
    return dok


def _measured(dok: Dokumen, tmp_path: Path, name: str = "m.xlsx") -> Path:
    out = tmp_path / name
    measure_dokumen(dok, out)
    return out


def test_declared_sources_exist_and_sheet_follows_the_e81() -> None:
    e80_form.check()
    assert REPORT_SHEETS.index(E80_SHEET) == REPORT_SHEETS.index("Evaluasi Renja") + 1


def test_hand_document_cells_are_core_and_hand_checked(tmp_path: Path) -> None:
    dok = hand_document()
    out = _measured(dok, tmp_path)
    n, bad = compare_with_evaluasi_renstra(dok, out)
    assert n > 150 and bad == [], "\n".join(bad)
    sheet = _cells(out)
    cols = _columns(sheet)
    rows = {_code(sheet.value(r, 3)): r for r in range(1, sheet.max_row + 1)
            if str(sheet.value(r, 3) or "").startswith(LABELS)}
    p1, p9, keg, sub_a = rows["P1"], rows["P9"], rows["P9.01"], rows["P9.01.1"]
    # 6 years: targets 7-12, realisations 13-18, ratios 19-24
    assert [k.nomor for k in kolom_e80(2016, 2021)][-1] == "24"
    # negatif (lan): 2019 target 7, realisation 6.3: (2 - 6.3/7) x 100 = 110; 2018: 8 vs 4:
    # 150, uncapped in the cell (the cap is the footer's)
    assert sheet.value(p1, cols[("22", "k")]) == pytest.approx(110.0)
    assert sheet.value(p1, cols[("21", "k")]) == pytest.approx(150.0)
    assert sheet.value(p1, cols[("5", "k")]) == 11  # kondisi awal: realisation of 2015
    assert sheet.value(p1, cols[("16", "k")]) == pytest.approx(6.3)  # this year: the E.81's 12
    assert sheet.value(p1, cols[("17", "k")]) in (None, "")  # 2020: not due
    # its own money history: 2018 630 of 700 = 90 %; this year's realisation its kegiatan's
    assert sheet.value(p1, cols[("21", "rp")]) == pytest.approx(90.0)
    assert sheet.value(p1, cols[("16", "rp")]) == 720
    assert sheet.value(p1, cols[("6", "rp")]) == 4500  # the period's pagu
    # the kegiatan without money of its own sums its sub-kegiatan each year: 2019 100 + 300
    assert sheet.value(keg, cols[("10", "rp")]) == 400
    assert sheet.value(keg, cols[("16", "rp")]) == 330  # 90 + 240
    assert sheet.value(keg, cols[("9", "rp")]) == 80  # 2018: only Sub A holds it
    # the support programme without history sums its kegiatan: 2019 400 + 60
    assert sheet.value(p9, cols[("10", "rp")]) == 460
    # the rentang indicator has a target and a realisation but no ratio
    assert sheet.value(sub_a, cols[("10", "k")]) == 9
    assert sheet.value(sub_a, cols[("22", "k")]) in (None, "")
    ev = evaluasi_renstra(dok)
    assert ev is not None and ev.ringkasan.rata_rata_rasio is not None
    # the footer's mean caps 150 at 120, as the E.81's mean does
    assert ev.ringkasan.rata_rata_rasio < 150


def test_cells_are_formulas_to_inputs_and_computed_sheets(tmp_path: Path) -> None:
    out = _measured(hand_document(), tmp_path)
    ws = openpyxl.load_workbook(out)[E80_SHEET]
    formulas = [str(c.value) for row in ws.iter_rows(min_row=HEADER_ROW + 4) for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    for source in ("'Indikator Program'!", "'Renja Kinerja'!", "'Renja Anggaran Program'!",
                   "'Renja Anggaran Kegiatan'!", "Program!", "'Realisasi Anggaran'!"):
        assert any(source in f for f in formulas), source
    numbers = [c.value for row in ws.iter_rows(min_row=HEADER_ROW + 4, min_col=5)
               for c in row if isinstance(c.value, (int, float))]
    assert numbers == []  # every figure a formula, none typed
    assert ws.print_title_cols == "$A:$D"  # columns 1-4 on every page across
    assert len(ws.col_breaks.brk) == 2  # three pages across: targets, realisations, ratios
    assert ws.page_setup.orientation == "landscape"


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_generated_documents(seed: int, tmp_path: Path) -> None:
    dok = generated(seed, history=seed != 8)
    out = _measured(dok, tmp_path)
    n, bad = compare_with_evaluasi_renstra(dok, out)
    assert n > 100 and bad == [], "\n".join(bad[:20])
    found = [f for f in verify(out).findings if f.severity != "info"]
    assert [f for f in found if "Evaluasi Renstra" in f.location] == []


def test_six_year_period(tmp_path: Path) -> None:
    dok = generated(7)
    assert dok.renstra is not None and dok.renstra.akhir - dok.renstra.awal + 1 == 6
    out = _measured(dok, tmp_path)
    cols = _columns(_cells(out))
    assert max(int(n) for n, _ in cols) == 24  # 7-12, 13-18, 19-24


def test_no_renstra_period_no_sheet(tmp_path: Path) -> None:
    dok = hand_document()
    for p in dok.program:
        p.pagu_renstra = {}
        for i in p.indikator:
            i.target_renstra = {}
        for k in p.kegiatan:
            for s in k.sub_kegiatan:
                s.pagu_renstra = {}
                for i in s.indikator:
                    i.target_renstra = {}
        for k in p.kegiatan:
            k.pagu_renstra = {}
    dok.renstra = None
    out = _measured(dok, tmp_path)
    assert E80_SHEET not in read_grid(out).sheet_names
    assert "Evaluasi Renja" in read_grid(out).sheet_names


def test_verify_finds_a_cell_typed_over(tmp_path: Path) -> None:
    out = _measured(hand_document(), tmp_path)
    assert [f for f in verify(out).findings if f.severity in ("error", "warning")] == []
    sheet = _cells(out)
    cols = _columns(sheet)
    row = next(r for r in range(1, sheet.max_row + 1) if _code(sheet.value(r, 3)) == "P1")
    col = openpyxl.utils.get_column_letter(cols[("10", "rp")])
    patch_cell(out, E80_SHEET, f"{col}{row}", 123.0)
    found = {(f.code, f.location) for f in verify(out).findings if f.severity == "error"}
    assert ("laporan-diubah", f"'{E80_SHEET}'!{col}{row}") in found


def test_signatures_and_follow_up_lines(tmp_path: Path) -> None:
    dok = hand_document()
    out = _measured(dok, tmp_path, "unnamed.xlsx")
    values = {str(c.value) for row in openpyxl.load_workbook(out, data_only=True)[E80_SHEET]
              .iter_rows() for c in row if c.value is not None}
    assert "(.....................................)" in values  # signed by hand
    assert BAPPEDA_JABATAN in values  # the one signature block the E.81 prints too
    assert "S1: Perluas penjaminan kredit; " in values  # tindak lanjut Renstra berikutnya
    assert "[Isi: tindak lanjut yang diperlukan dalam Renja PD berikutnya]" in values
    dok.instansi.kepala_bappeda.nama = "Ir. Made Perencana"
    dok.instansi.kepala_bappeda.nip = "196501011990031001"
    dok.instansi.kepala_bappeda.jabatan = "Kepala Bappeda Kota Denpasar"
    out = _measured(dok, tmp_path, "named.xlsx")
    values = {str(c.value) for row in openpyxl.load_workbook(out, data_only=True)[E80_SHEET]
              .iter_rows() for c in row if c.value is not None}
    assert {"Ir. Made Perencana", "NIP. 196501011990031001",
            "Kepala Bappeda Kota Denpasar"} <= values
    assert "(.....................................)" not in values
    assert [f for f in verify(out).findings if f.severity in ("error", "warning")] == []


def long_document(kertas: str) -> Dokumen:
    """A generated document with two indicators per owner and long names, on `kertas`."""
    dok = generated(7)
    dok.pengaturan.kertas = kertas
    dok.instansi.kepala_bappeda.nama = "Dr. Ir. I Gusti Ngurah Perencana Pembangunan, M.Si."
    dok.instansi.kepala_bappeda.nip = "196501011990031001"
    for p in dok.program:
        p.uraian = f"Program peningkatan kapasitas dan daya saing koperasi serta UMKM {p.kode}"
        owners: list[Any] = [p]
        for k in p.kegiatan:
            k.uraian = f"Kegiatan pendampingan dan penguatan kelembagaan koperasi {k.kode}"
            owners.append(k)
            for s in k.sub_kegiatan:
                s.uraian = f"Sub kegiatan fasilitasi akses pembiayaan usaha mikro {s.kode}"
                owners.append(s)
        for o in owners:
            if o.indikator and len(o.indikator) < 2:
                o.indikator.append(copy.deepcopy(o.indikator[0]))
                o.indikator[1].kode = "2"
            for i in o.indikator:
                i.uraian = (f"Persentase koperasi aktif yang sehat menurut hasil penilaian "
                            f"kesehatan koperasi {i.kode}")
    return dok


def test_page_breaks_keep_the_footer_and_signatures_together(tmp_path: Path) -> None:
    dok = long_document("A4")
    out = _measured(dok, tmp_path)
    ws = openpyxl.load_workbook(out)[E80_SHEET]
    breaks = [b.id for b in ws.row_breaks.brk]  # a break after row id (1-based)
    assert len(breaks) >= 2  # the body is planned page by page
    note = next(c.row for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("Rasio K mengikuti"))
    last = ws.max_row
    assert not [b for b in breaks if note <= b < last], (note, last, breaks)


@pytest.mark.libreoffice
@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_libreoffice_prints_three_pages_across_with_columns_1_to_4(kertas: str,
                                                                   tmp_path: Path) -> None:
    """On paper: every page of the form shows columns 1-4 and the header over its rows, the
    pages come in threes across (targets, realisations, ratios), and the footer and both
    signatures print on one page."""
    import subprocess

    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    out = _measured(long_document(kertas), tmp_path)
    pdf = libreoffice.convert(out, tmp_path, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [p for p in text.split("\f") if "Evaluasi hasil Renstra (E.80)" in p[:300]]
    assert len(pages) >= 3
    kinds = []
    for page in pages:
        assert "Program / Kegiatan / Sub kegiatan" in page and "(outcome) / kegiatan" in page
        kinds.append("target" if "Target Renstra tahun ke-1" in page else
                     "realisasi" if "Realisasi Renstra tahun ke-1" in page else
                     "rasio" if "Rasio capaian tahun ke-1" in page else "?")
    assert "?" not in kinds and kinds[:3] == ["target", "realisasi", "rasio"]
    assert "Unit penanggung" in pages[2]
    footer = [p for p in pages if "Rata-rata rasio capaian" in p]
    assert len(footer) == 1
    for line in ("Mengetahui,", "Perencana Pembangunan", "NIP. 196501011990031001",
                 "Predikat kinerja", "Tindak lanjut yang diperlukan dalam Renstra PD"):
        assert line in footer[0], line


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_row_edited_under_a_summing_parent_is_one_finding(tmp_path: Path) -> None:
    """A row inserted or deleted (through Calc) under a parent whose money sums its children's
    rows: the parent's references move or break (#REF!), yet verify says one thing, the row
    edit at its row, and folds the rest (the parent's changed formula, its stale or error
    value) under it."""
    from tests.test_row_edits import _uno_missing, roots, uno_jobs

    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    dok = hand_document()
    out = _measured(dok, tmp_path)
    sheet = _cells(out)
    child = next(r for r in range(1, sheet.max_row + 1)
                 if _code(sheet.value(r, 3)) == "P9.01.2")  # summed by P9.01 above it
    jobs = [{"src": str(out), "dst": str(tmp_path / f"{edit}.xlsx"),
             "edits": [[E80_SHEET, str(child), f"<{edit}-row>"]]} for edit in ("insert", "delete")]
    uno_jobs(jobs, tmp_path)
    for edit, code in (("insert", "laporan-baris-disisipkan"), ("delete", "laporan-baris-dihapus")):
        found = [(f.code, f.location) for f in roots(verify(tmp_path / f"{edit}.xlsx"))]
        assert found == [(code, f"'{E80_SHEET}'!A{child}")], (edit, found)
