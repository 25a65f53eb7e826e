"""`lkjip-xl new` and `export`: the generated workbook, its round trip and its real-client check."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest
import yaml

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core.measurement import ukur
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.formats import NUMBER_FORMATS
from lkjip_xl.schema.types import col_letter
from lkjip_xl.workbook.expected import computed_rows
from lkjip_xl.workbook.export import export_workbook
from lkjip_xl.workbook.generate import empty_dokumen
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.stream import read_grid

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
DENPASAR = ROOT / "samples" / "denpasar_2019.yaml"


@pytest.fixture(params=SAMPLES, ids=lambda p: p.stem)
def sample(request: pytest.FixtureRequest) -> Path:
    return Path(request.param)


def test_export_of_new_returns_the_data(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    assert run_main(["new", "--data", str(sample), "-o", str(out)]) == 0
    data = export_workbook(out, with_pengukuran=False)
    assert data == yaml.safe_load(sample.read_text(encoding="utf-8"))


def test_export_pengukuran_is_the_domain_measurement(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    dok = dataformat.load(DENPASAR)
    write_workbook(dok, out)
    p = export_workbook(out)["pengukuran"]
    assert p["indikator"]["S1.1"]["capaian"] == 100
    assert round(p["sasaran"]["S1"]["penyerapan"], 2) == 93.37
    assert round(p["sasaran"]["S1"]["efisiensi"], 2) == 6.63


def test_sample_reproduces_the_seed_tables() -> None:
    """Seed Tables 3.1, 3.3, 3.4, 3.6, 3.9 and 3.14 from the bundled sample."""
    dok = dataformat.load(DENPASAR)
    p = ukur(dok)
    assert [p.indikator[k].capaian for k in ("S1.1", "S2.1")] == [100, 100]
    assert p.indikator["S1.1"].kemajuan_renstra == pytest.approx(88)
    s1, s2 = p.sasaran["S1"], p.sasaran["S2"]
    assert (s1.anggaran, s1.realisasi_anggaran) == (2_072_337_900, 1_934_956_185)
    assert (s2.anggaran, s2.realisasi_anggaran) == (1_122_946_600, 1_019_301_260)
    assert (round(s1.penyerapan, 2), round(s2.penyerapan, 2)) == (93.37, 90.77)
    assert round(s1.efisiensi, 2) == 6.63
    published = [96.99, 87.60, 93.67, 85.69, 93.17, 91.02, 96.18, 100.00, 100.00, 99.18, 84.31,
                 87.27, 93.60, 97.39, 94.70, 100.00, 100.00, 86.40, 100.00, 92.31, 76.52, 98.61]
    order = [k for prog in ("P4", "P5", "P6", "P1", "P2", "P3")
             for k in sorted(p.kegiatan) if p.kegiatan[k].program == prog]
    assert [round(p.kegiatan[k].penyerapan, 2) for k in order] == published


def test_workbook_is_friendly_to_fill(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    write_workbook(dataformat.load(DENPASAR), out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Petunjuk"
    for name in ("Renstra & IKU", "PK", "Realisasi Anggaran", "Pengukuran Kinerja"):
        ws = wb[name]
        assert ws.protection.sheet, name
        assert ws.freeze_panes is not None, name
    ik = wb["Renstra & IKU"]
    lists = [dv for dv in ik.data_validations.dataValidation if dv.type == "list"]
    assert any('"positif,negatif,rentang"' in (dv.formula1 or "") for dv in lists)
    assert ik["B5"].protection.locked is False  # an input cell
    pk = wb["Pengukuran Kinerja"]
    assert pk["K5"].protection.locked is not False  # a formula cell
    assert "PK_target" in wb.defined_names
    assert wb["Anggaran Kegiatan"]["H5"].number_format == NUMBER_FORMATS["money"] == "\"Rp \"#,##0"


def test_empty_template_formulas_stay_quiet(tmp_path: Path) -> None:
    out = tmp_path / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "-o", str(out)]) == 0
    grid = read_grid(out)
    for sheet in grid.sheets:
        for cell in sheet.cells.values():
            if cell.formula:
                assert not str(cell.value).startswith("#"), (sheet.name, cell)


def test_broken_data_file_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    text = DENPASAR.read_text(encoding="utf-8").replace("target: 0.5", 'target: "0,5%"', 1)
    bad.write_text(text, encoding="utf-8")
    code = run_main(["new", "--data", str(bad), "-o", str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err.strip()
    assert code == 3
    assert len(err.splitlines()) == 1
    assert "sasaran S2 (ke-2) › indikator S2.1 (ke-1) › target" in err and "Traceback" not in err
    assert "tulis 0.5" in err  # the value meant
    assert not (tmp_path / "x.xlsx").exists()


def test_new_refuses_existing_output_and_the_input(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"keep")
    assert run_main(["new", "--tahun", "2020", "-o", str(out)]) == 2
    assert out.read_bytes() == b"keep"
    assert "--force" in capsys.readouterr().err
    assert run_main(["new", "--tahun", "2020", "-o", str(out), "--force"]) == 0
    assert run_main(["new", "--data", str(DENPASAR), "-o", str(DENPASAR)]) == 2


def test_new_without_data_or_year_is_a_usage_error(tmp_path: Path) -> None:
    assert run_main(["new", "-o", str(tmp_path / "x.xlsx")]) == 2


def _close(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return (a if a is not None else "") == (b if b is not None else "")


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["denpasar_2019", "synthetic_rules", "synthetic_per_triwulan",
                                  "empty"])
def test_libreoffice_recalculation_equals_domain_and_cache(name: str, tmp_path: Path) -> None:
    from lkjip_xl.engines import libreoffice
    from tests.lo_compare import mismatches

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    dok = (empty_dokumen(2025, "Dinas Uji") if name == "empty"
           else dataformat.load(ROOT / "samples" / f"{name}.yaml"))
    out = tmp_path / f"{name}.xlsx"
    write_workbook(dok, out)
    count, bad = mismatches(out, tmp_path / "lo")
    assert count > 5000
    assert bad == []  # LibreOffice's value == the cached value, for every formula cell
    lo = read_grid(libreoffice.recalculate(out, tmp_path / "lo2"))
    expected = computed_rows(dok)
    checked = 0
    for key, rows in expected.items():
        t = TABLES[key]
        sheet = lo.sheet(t.sheet)
        assert sheet is not None
        for i, row in enumerate(rows):
            for ck, value in row.items():
                got = sheet.value(t.first_row + i, t.index(ck))
                assert _close(got, value), f"{t.sheet}!{col_letter(t.index(ck))}{t.first_row + i}"
                checked += 1
    assert name == "empty" or checked > 100
