"""A print area stored in the file does not grow when a clerk types more rows or fills a column
that was empty: verify says so (info `area-cetak-usang`, once per sheet, at the first cell left
out), and an empty template prints every column it asks to fill."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.schema import TABLES
from lkjip_xl.verify import verify
from lkjip_xl.verify.print_check import print_area
from lkjip_xl.xlsx.stream import read_grid

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def template(tmp_path: Path) -> Path:
    out = tmp_path / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "-o", str(out)]) == 0
    return out


def test_an_empty_template_prints_every_column(template: Path) -> None:
    grid = read_grid(str(template))
    for key in ("IK", "RK", "KG", "IP"):
        t = TABLES[key]
        area = print_area(grid, t.sheet)
        assert area is not None and area[2] == len(t.columns), (key, area)


def test_rows_typed_below_the_print_area_are_reported_once(template: Path,
                                                           tmp_path: Path) -> None:
    kg = TABLES["KG"]
    wb = openpyxl.load_workbook(template)
    ws = wb[kg.sheet]
    for n in range(8):  # 8 kegiatan: the template prints 5 rows
        row = kg.first_row + n
        ws.cell(row, kg.index("kode_program")).value = "P1"
        ws.cell(row, kg.index("kode_kegiatan")).value = f"P1.0{n + 1}"
        ws.cell(row, kg.index("uraian")).value = f"Kegiatan {n + 1}"
    typed = tmp_path / "typed.xlsx"
    wb.save(typed)
    found = [f for f in verify(typed).findings if f.code == "area-cetak-usang"]
    assert [(f.severity, f.location) for f in found] == [
        ("info", f"'{kg.sheet}'!A{kg.first_row + 5}")]
    message = found[0].message("id")
    assert "lkjip-xl measure" in message and "Clear Print Area" in message
    assert found[0].params["sheet"] == kg.sheet
    # the advice holds: measure's output prints every row typed
    measured = tmp_path / "measured.xlsx"
    assert run_main(["measure", str(typed), "-o", str(measured)]) in (0, 1, 4)
    assert not [f for f in verify(measured).findings if f.code == "area-cetak-usang"]


def test_a_column_filled_after_writing_is_reported(tmp_path: Path) -> None:
    """The sample prints only the columns it fills: money history typed later is left out."""
    src = ROOT / "samples" / "denpasar_2019.xlsx"
    pg = TABLES["PG"]
    grid = read_grid(str(src))
    area = print_area(grid, pg.sheet)
    assert area is not None and area[2] < len(pg.columns)
    wb = openpyxl.load_workbook(src)
    ws = wb[pg.sheet]
    ws.cell(pg.first_row, len(pg.columns)).value = 1_000_000
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    found = [f for f in verify(edited).findings if f.code == "area-cetak-usang"]
    assert [f.params["sheet"] for f in found] == [pg.sheet]


@pytest.mark.parametrize("sample", ["denpasar_2019", "synthetic_rules", "synthetic_per_triwulan"])
def test_a_freshly_written_workbook_has_nothing_outside_its_print_areas(sample: str,
                                                                        tmp_path: Path) -> None:
    from lkjip_xl.workbook.write import write_workbook

    out = tmp_path / f"{sample}.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / f"{sample}.yaml"), out)
    assert not [f for f in verify(out).findings if f.code == "area-cetak-usang"]
