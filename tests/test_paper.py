"""Paper is a setting (Pengaturan, `pengaturan.kertas`): A4, or F4 (folio 216 x 330 mm), which
most Indonesian offices print on. Every workbook lkjip-xl writes follows it: new, measure,
verify --annotate, rekap (`--kertas`)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core.errors import DataFormatError
from lkjip_xl.engines import libreoffice
from lkjip_xl.schema.printing import PAPER_A4, PAPER_F4
from lkjip_xl.workbook.read import read_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.yaml"


def paper_sizes(path: Path) -> dict[str, int | None]:
    """Every worksheet's pageSetup paperSize, read from the package itself."""
    import re

    out: dict[str, int | None] = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                m = re.search(r'<pageSetup[^>]*paperSize="(\d+)"', z.read(name).decode())
                out[name] = int(m.group(1)) if m else None
    return out


@pytest.fixture(scope="module")
def f4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("f4") / "f4.xlsx"
    assert run_main(["new", "--data", str(SAMPLE), "--kertas", "F4", "-o", str(out)]) == 0
    return out


def test_the_setting_round_trips_and_rejects_other_paper(tmp_path: Path, f4: Path) -> None:
    assert read_workbook(f4)[0].pengaturan.kertas == "F4"
    dok = dataformat.load(SAMPLE)
    assert dok.pengaturan.kertas == "A4"  # the default
    dok.pengaturan.kertas = "F4"
    assert dataformat.loads(dataformat.dumps(dok)).pengaturan.kertas == "F4"
    text = dataformat.dumps(dok).replace("kertas: F4", "kertas: Letter")
    with pytest.raises(DataFormatError, match="kertas"):
        dataformat.loads(text)


def test_every_sheet_of_every_output_follows_it(tmp_path: Path, f4: Path) -> None:
    a4 = tmp_path / "a4.xlsx"
    assert run_main(["new", "--data", str(SAMPLE), "-o", str(a4)]) == 0
    assert set(paper_sizes(a4).values()) == {PAPER_A4}
    assert set(paper_sizes(f4).values()) == {PAPER_F4}
    measured = tmp_path / "m.xlsx"
    assert run_main(["measure", str(f4), "-o", str(measured)]) in (0, 1)
    assert set(paper_sizes(measured).values()) == {PAPER_F4}
    annotated = tmp_path / "ann.xlsx"
    run_main(["verify", str(f4), "--annotate", str(annotated)])
    assert set(paper_sizes(annotated).values()) == {PAPER_F4}
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "f4.xlsx").write_bytes(f4.read_bytes())
    rekap = tmp_path / "rekap.xlsx"
    assert run_main(["rekap", str(folder), "-o", str(rekap), "--kertas", "F4", "--jobs", "1"]) == 0
    assert set(paper_sizes(rekap).values()) == {PAPER_F4}


def test_a_template_can_set_it_for_every_agency(tmp_path: Path) -> None:
    tpl = tmp_path / "kota.yaml"
    tpl.write_text("versi: 1\nnama: kota\npengaturan:\n  kertas: F4\n", encoding="utf-8")
    out = tmp_path / "t.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "--template", str(tpl),
                     "-o", str(out)]) == 0
    assert set(paper_sizes(out).values()) == {PAPER_F4}


@pytest.mark.libreoffice
def test_libreoffice_prints_it_on_folio(tmp_path: Path, f4: Path) -> None:
    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    pdf = libreoffice.convert(f4, tmp_path, "pdf")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    sizes = set()
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, h = (float(x) for x in line.split("size:")[1].split("pts")[0].split(" x "))
            sizes.add((round(w), round(h)))
    # 8.5 x 13 inches: the guide in portrait, every table sheet in landscape
    assert sizes == {(612, 936), (936, 612)}, sizes
