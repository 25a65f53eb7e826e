"""Printouts: the rows a document fills, never pages of empty capacity rows; wide tables split
over planned pages with their key columns repeated, not shrunk unreadably."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.generate import empty_dokumen
from lkjip_xl.layout import SHEETS, TABLES, printing
from lkjip_xl.layout.model import col_letter, quote_sheet
from lkjip_xl.layout.values import Rows
from lkjip_xl.writer import write_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.yaml"


def _print_areas(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/workbook.xml").decode("utf-8")
        names = re.findall(r'<sheet name="([^"]+)"', xml)
    out = {}
    for m in re.finditer(r'<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">([^<]+)<', xml):
        out[names[int(m.group(1))].replace("&amp;", "&")] = m.group(2).replace("&amp;", "&")
    return out


@pytest.mark.parametrize("which", ["sample", "empty"])
def test_print_area_covers_the_filled_rows_only(which: str, tmp_path: Path) -> None:
    dok = dataformat.load(SAMPLE) if which == "sample" else empty_dokumen(2025, "Dinas Uji")
    out = tmp_path / "b.xlsx"
    write_workbook(dok, out)
    areas = _print_areas(out)
    rows = Rows.of(dok)
    for sheet in SHEETS:
        if sheet.table is None:
            continue
        t = sheet.table
        pp = printing.plan(t, rows.count(t.key))
        want = f"{quote_sheet(sheet.name)}!$A$1:${col_letter(pp.last_col)}${pp.last_row}"
        assert areas[sheet.name] == want
        assert pp.last_row < t.first_row + max(rows.count(t.key), printing.MIN_ROWS)


def test_wide_tables_split_with_key_columns_repeated() -> None:
    pkk = printing.plan(TABLES["PKK"], 2)
    assert pkk.pages_wide >= 2 and pkk.repeat_cols >= 2  # codes and name on every page
    assert printing.plan(TABLES["RKT"], 2).pages_wide == 1


@pytest.mark.libreoffice
def test_sample_prints_without_empty_pages(tmp_path: Path) -> None:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    dok = dataformat.load(SAMPLE)
    book = tmp_path / "sample.xlsx"
    write_workbook(dok, book)
    pdf = libreoffice.convert(book, tmp_path, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert len(pages) <= 20  # 29 before print areas and planned splits
    table_titles = {s.title: s for s in SHEETS if s.table is not None}
    codes = ([s.kode for s in dok.sasaran] + [i.kode for _, i in dok.indikator()]
             + [p.kode for p in dok.program] + [k.kode for _, k in dok.kegiatan()])
    for n, page in enumerate(pages, start=1):
        head = next((ln for ln in page.splitlines() if ln.strip()), "")  # the page header
        titled = [t for t in table_titles if t in head]
        if titled:  # every page of a table shows a row of data
            assert any(code in page for code in codes), (n, titled)
