"""Every workbook the tool writes opens cleanly in Excel: `openxml-audit` (the OOXML schemas Office
uses, plus Excel's app-compatibility rules) stands in for Excel, which cannot run here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.measure import measure
from lkjip_xl.workbook.generate import empty_dokumen
from lkjip_xl.workbook.write import write_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

pytest.importorskip("openxml_audit", reason="pip install openxml-audit (in the test extra)")


def audit(path: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "openxml_audit", "-o", "json", str(path)],
                          capture_output=True, text=True, timeout=300)
    result: dict[str, Any] = json.loads(proc.stdout)[0]
    return result


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("out")
    made: dict[str, Path] = {}
    for name in ("denpasar_2019", "synthetic_rules", "synthetic_per_triwulan"):
        made[name] = d / f"{name}.xlsx"
        write_workbook(dataformat.load(SAMPLES / f"{name}.yaml"), made[name])
    made["kosong"] = d / "kosong.xlsx"
    write_workbook(empty_dokumen(2025, "Dinas Uji"), made["kosong"])
    made["measure"] = d / "terukur.xlsx"
    assert measure(made["denpasar_2019"], made["measure"]).exit_code() == 0
    made["measure-tw2"] = d / "terukur-tw2.xlsx"
    assert measure(made["synthetic_rules"], made["measure-tw2"], triwulan=2).exit_code() == 0
    # a workbook verify fails (a percent target typed as 0.8): the DRAF output and its list
    from lkjip_xl.measure.verified import measure_verified
    from lkjip_xl.planning.synthetic import patch_cell
    from lkjip_xl.schema import TABLES

    bad = d / "gagal.xlsx"
    shutil.copy(made["denpasar_2019"], bad)
    pk = TABLES["PK"]
    patch_cell(bad, pk.sheet, f"{pk.letter('target')}{pk.first_row}", 0.8)
    made["measure-draf"] = d / "terukur-draf.xlsx"
    assert measure_verified(bad, made["measure-draf"]).stats["draf"] >= 1
    # a table longer than a page: continued under its caption and header, merged cells kept
    from tests.docgen import build

    made["measure-panjang"] = d / "terukur-panjang.xlsx"
    write_workbook(build(11, kinds=[("positif", "akhir")] * 40), d / "panjang.xlsx")
    assert measure(d / "panjang.xlsx", made["measure-panjang"]).exit_code() == 0
    folder = d / "masuk"
    folder.mkdir()
    for n in range(3):
        shutil.copy(made["denpasar_2019"], folder / f"opd-{n}.xlsx")
    made["rekap"] = d / "rekap.xlsx"
    assert run_main(["rekap", str(folder), "-o", str(made["rekap"]), "--jobs", "1"]) == 0
    roster = d / "opd.csv"
    roster.write_text("nama,pemda\nDinas Satu,Kota Uji\nDinas Dua,Kota Uji\n", encoding="utf-8")
    assert run_main(["new", "--batch", str(roster), "--tahun", "2025", "-o", str(d / "batch"),
                     "--jobs", "1"]) == 0
    made["batch"] = sorted((d / "batch").glob("*.xlsx"))[0]
    return made


@pytest.mark.parametrize("kind", ["denpasar_2019", "synthetic_rules", "synthetic_per_triwulan",
                                  "kosong", "measure", "measure-tw2", "measure-draf",
                                  "measure-panjang", "rekap", "batch"])
def test_output_opens_cleanly_in_excel(kind: str, outputs: dict[str, Path]) -> None:
    result = audit(outputs[kind])
    assert result["error_count"] == 0, result["errors"][:5]
    assert result["verdict"]["prediction"] == "opens-clean", result["verdict"]


@pytest.mark.parametrize("kind", ["denpasar_2019", "measure"])
def test_annotated_copy_opens_cleanly_in_excel(kind: str, outputs: dict[str, Path],
                                               tmp_path: Path) -> None:
    """Marked with errors of its own (a formula typed over) so that marks and comments exist."""
    from lkjip_xl.planning.synthetic import patch_cell
    from lkjip_xl.schema import TABLES

    src = tmp_path / "rusak.xlsx"
    src.write_bytes(outputs[kind].read_bytes())
    pkk = TABLES["PKK"]
    patch_cell(src, pkk.sheet, f"{pkk.letter('capaian')}{pkk.first_row}", 55.0)
    out = tmp_path / "temuan.xlsx"
    assert run_main(["verify", str(src), "--annotate", str(out)]) == 1
    result = audit(out)
    assert result["error_count"] == 0, result["errors"][:5]
    assert result["verdict"]["prediction"] == "opens-clean", result["verdict"]
    # every value the input cached is still there: viewers that do not recalculate show them
    from lkjip_xl.xlsx.stream import read_grid

    before, after = read_grid(src), read_grid(out)
    cached = 0
    for sg in before.sheets:
        other = after.sheet(sg.name)
        assert other is not None
        for (r, c), cell in sg.cells.items():
            if cell.formula:
                assert other.value(r, c) == cell.value, (sg.name, r, c)
                cached += cell.value not in (None, "")
    assert cached > 300  # (non-empty ones; the empty capacity rows cache "")
    if kind == "measure":  # measure's charts survive the marking
        with zipfile.ZipFile(out) as z:
            assert sum(n.startswith("xl/charts/chart") for n in z.namelist()) >= 5


def test_the_check_can_fail(outputs: dict[str, Path], tmp_path: Path) -> None:
    """Negative control: a styles part with an element Excel does not know is refused."""
    bad = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(outputs["denpasar_2019"]) as zin, \
            zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = data.replace(b"<fonts ", b"<bogus/><fonts ", 1)
            zout.writestr(item, data)
    assert audit(bad)["error_count"] > 0
