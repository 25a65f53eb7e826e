"""Verdicts a reviewer can trust: every status, the same in text, JSON, CSV, batch and rekap, and
root causes before their consequences."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.measure import measure
from lkjip_xl.planning.synthetic import patch_cell
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.report_tables import DRAF_SHEET, KINERJA_SHEET, REPORT_SHEETS
from lkjip_xl.verify import verify
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.stream import read_grid

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.yaml"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("filled") / "denpasar.xlsx"
    write_workbook(dataformat.load(SAMPLE), out)
    return out


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tpl") / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "-o", str(out)]) == 0
    return out


def _verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = run_main(["verify", *args])
    return code, capsys.readouterr().out


def test_filled_workbook_passes(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _verify(capsys, str(filled))
    assert code == 0 and ": LULUS: " in out
    assert verify(filled).verdict() == "lulus"


def test_untouched_template_is_not_filled_in(template: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _verify(capsys, str(template))
    assert code == 4 and ": BELUM DIISI: 0 galat" in out and "belum-diisi" in out
    code, out = _verify(capsys, str(template), "--format", "json")
    data = json.loads(out)
    assert code == 4 and data["verdict"] == "belum-diisi"
    assert data["stats"]["kelengkapan"]["indikator"] == 0


def test_workbook_with_plans_but_no_realisation_is_not_filled_in(tmp_path: Path) -> None:
    dok = dataformat.load(SAMPLE)
    for _, i in dok.indikator():
        i.realisasi, i.realisasi_tw, i.komponen = None, [None] * 4, None
    for _, k in dok.kegiatan():
        k.realisasi, k.realisasi_tw = None, [None] * 4
        for s in k.sub_kegiatan:
            s.realisasi, s.realisasi_tw = None, [None] * 4
    out = tmp_path / "rencana.xlsx"
    write_workbook(dok, out)
    report = verify(out)
    assert report.verdict() == "belum-diisi" and report.exit_code() == 4
    f = next(f for f in report.findings if f.code == "belum-diisi")
    assert f.params["indikator"] == 2 and f.params["kegiatan"] > 10
    assert "2 indikator" in f.message("id")


def test_partly_filled_workbook_passes_with_what_is_missing(tmp_path: Path) -> None:
    dok = dataformat.load(SAMPLE)
    ind = dok.sasaran[-1].indikator[-1]
    ind.realisasi, ind.realisasi_tw, ind.komponen = None, [None] * 4, None
    out = tmp_path / "sebagian.xlsx"
    write_workbook(dok, out)
    report = verify(out)
    assert report.verdict() == "lulus"
    f = next(f for f in report.findings if f.code == "kelengkapan")
    assert f.params["indikator_kosong"] == 1 and ind.kode in f.message("id")


def test_a_workbook_not_in_the_layout_is_never_accepted(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "random.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["A2"] = 2, "=A1*3"
    wb.save(path)
    code, out = _verify(capsys, str(path))
    assert code == 5 and ": BUKAN FORMAT LKJIP: " in out
    code, out = _verify(capsys, "--lang", "en", str(path))
    assert code == 5 and ": NOT AN LKJIP WORKBOOK: " in out
    assert run_main(["verify", str(path), "--strict"]) == 5


def test_batch_of_templates_lists_none_as_passed(template: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.xlsx").write_bytes(template.read_bytes())
    code, out = _verify(capsys, str(folder), "--jobs", "1")
    assert code == 4
    assert "2 berkas: 0 lulus, 2 belum diisi" in out
    summary = tmp_path / "r.csv"
    assert run_main(["verify", str(folder), "--jobs", "1", "--format", "csv", "-o",
                     str(summary)]) == 4
    rows = list(csv.reader(io.StringIO(summary.read_text(encoding="utf-8"))))
    assert [r[2] for r in rows[1:]] == ["belum diisi", "belum diisi"]


def test_batch_exit_is_the_worst_verdict(filled: Path, template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "campur"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(filled.read_bytes())
    (folder / "b.xlsx").write_bytes(template.read_bytes())
    assert run_main(["verify", str(folder), "--jobs", "1"]) == 4  # belum diisi beats lulus
    (folder / "c.xlsx").write_bytes(b"rusak")
    assert run_main(["verify", str(folder), "--jobs", "1"]) == 3


def test_text_numbers_are_the_root_cause_not_their_consequences(filled: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]
                                                                ) -> None:
    """The issue's case: '86,5', '200.000.000' and 'Rp 120.000.000' typed as text. Made here as
    a file whose cached values were computed with the numbers meant (stale): every wrong computed
    cell is linked to its input, the text summary says how many follow, nothing is said twice."""
    rk, kg = TABLES["RK"], TABLES["KG"]
    bad = tmp_path / "tiga.xlsx"
    bad.write_bytes(filled.read_bytes())
    patch_cell(bad, rk.sheet, f"{rk.letter('realisasi')}{rk.first_row}", "86,5")
    patch_cell(bad, kg.sheet, f"{kg.letter('anggaran')}{kg.first_row + 1}", "200.000.000")
    patch_cell(bad, kg.sheet, f"{kg.letter('realisasi')}{kg.first_row + 2}", "Rp 120.000.000")
    report = verify(bad)
    roots = [f for f in report.findings if f.code == "angka-sebagai-teks"]
    assert sorted(f.location for f in roots) == sorted([
        f"'Realisasi Kinerja'!{rk.letter('realisasi')}{rk.first_row}",
        f"'Realisasi Anggaran'!{kg.letter('anggaran')}{kg.first_row + 1}",
        f"'Realisasi Anggaran'!{kg.letter('realisasi')}{kg.first_row + 2}"])
    assert all(f.severity == "error" and f.params["akibat"] for f in roots)
    keys = [(f.code, f.location) for f in report.findings]
    assert len(keys) == len(set(keys))  # no finding twice
    wrong = [f for f in report.findings if f.code == "nilai-salah"]
    assert wrong and all(f.params.get("cause") in {r.location for r in roots} for f in wrong)
    code, out = _verify(capsys, str(bad))
    assert code == 1
    assert "3 penyebab perlu diperbaiki; " in out and "sel ikut salah karenanya" in out
    code, out = _verify(capsys, str(bad), "--format", "json")
    data = json.loads(out)
    assert {f["location"] for f in data["findings"] if f.get("consequences")} == \
        {r.location for r in roots}
    assert all(f.get("cause") for f in data["findings"] if f["code"] == "nilai-salah")


def test_a_nip_of_eighteen_digits_is_text_not_a_number(tmp_path: Path) -> None:
    dok = dataformat.load(SAMPLE)
    dok.instansi.kepala.nip = "196108041986031019"
    src, out = tmp_path / "nip.xlsx", tmp_path / "nip-m.xlsx"
    write_workbook(dok, src)
    assert measure(src, out).exit_code() == 0
    for path in (src, out):
        assert "angka-sebagai-teks" not in verify(path).codes()


def test_verify_knows_and_checks_what_measure_wrote(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    assert measure(filled, out).exit_code() == 0
    report = verify(out)
    assert report.verdict() == "lulus"
    assert not [f for f in report.findings if f.code == "sheet-tambahan"]
    sheet = read_grid(out).sheet(KINERJA_SHEET)
    # every report sheet but the DRAF list, which only an output with open errors has
    assert sheet is not None and set(REPORT_SHEETS) - set(read_grid(out).sheet_names) == {
        DRAF_SHEET}
    r, col = next((r, c) for (r, c), cell in sorted(sheet.cells.items())
                  if cell.formula and isinstance(cell.value, float) and cell.value > 1)
    ref = f"{chr(64 + col)}{r}"
    patch_cell(out, KINERJA_SHEET, ref, 12345.0)  # a Bab III figure typed over
    hit = [f for f in verify(out).findings if f.location.endswith(f"!{ref}")]
    assert hit and hit[0].severity in ("warning", "error")


def test_rekap_refuses_mixed_years_unless_one_is_chosen(filled: Path, template: Path,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(filled.read_bytes())  # 2019
    write_workbook(dataformat.load(ROOT / "samples" / "synthetic_rules.yaml"), folder / "b.xlsx")
    (folder / "c.xlsx").write_bytes(template.read_bytes())  # 2025, not filled in
    out = tmp_path / "rekap.xlsx"
    assert run_main(["rekap", str(folder), "-o", str(out), "--jobs", "1"]) == 2
    assert not out.exists()
    assert run_main(["rekap", str(folder), "-o", str(out), "--jobs", "1", "--tahun", "2019"]) == 1
    wb = openpyxl.load_workbook(out, data_only=True)
    text = " ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                    for v in row if v is not None)
    assert "Dinas Koperasi" in text and "tahun-lain" in text and "belum diisi" in text
