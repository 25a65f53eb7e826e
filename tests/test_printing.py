"""Printouts: the rows a document fills, never pages of empty capacity rows; wide tables split
over planned pages with their key columns repeated, not shrunk unreadably."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.schema import SHEETS, TABLES, printing
from lkjip_xl.schema.types import col_letter, quote_sheet
from lkjip_xl.workbook.expected import Rows
from lkjip_xl.workbook.generate import empty_dokumen
from lkjip_xl.workbook.write import write_workbook

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
    # 29 before print areas and planned splits; 20 then; +1 the Narasi sheet, +1 Sasaran's four
    # analysis columns printed as a planned second page across (key columns repeated)
    assert len(pages) <= 22
    table_titles = {s.title: s for s in SHEETS if s.table is not None}
    codes = ([s.kode for s in dok.sasaran] + [i.kode for _, i in dok.indikator()]
             + [p.kode for p in dok.program] + [k.kode for _, k in dok.kegiatan()])
    for n, page in enumerate(pages, start=1):
        head = next((ln for ln in page.splitlines() if ln.strip()), "")  # the page header
        titled = [t for t in table_titles if t in head]
        if titled:  # every page of a table shows a row of data
            assert any(code in page for code in codes), (n, titled)


def _breaks_and_anchors(path: Path, sheet_name: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The sheet's manual row breaks (`brk id`: the 0-based row a new page starts at) and the row
    span of each drawing anchor (0-based from, to)."""
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet name="{re.escape(sheet_name)}" sheetId="\d+" r:id="([^"]+)"', wb)
        assert rid is not None
        target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels)
        assert target is not None
        part = "xl/" + target.group(1)
        xml = z.read(part).decode()
        breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"', xml)]
        anchors: list[tuple[int, int]] = []
        srels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        if srels in z.namelist():
            for d in re.findall(r'Target="\.\./drawings/(drawing\d+\.xml)"', z.read(srels).decode()):
                dx = z.read("xl/drawings/" + d).decode()
                for f, t in re.findall(r"<xdr:from><xdr:col>\d+</xdr:col><xdr:colOff>-?\d+</xdr:colOff>"
                                       r"<xdr:row>(\d+)</xdr:row>.*?<xdr:to><xdr:col>\d+</xdr:col>"
                                       r"<xdr:colOff>-?\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>",
                                       dx, re.S):
                    anchors.append((int(f), int(t)))
    return breaks, anchors


def test_no_planned_break_cuts_a_chart_or_starts_a_table_at_a_page_foot(tmp_path: Path) -> None:
    from lkjip_xl.measure import measure
    from lkjip_xl.measure.bab3 import TABLE_KEEP
    from lkjip_xl.schema.report_tables import CHART_SHEET, KINERJA_SHEET
    from lkjip_xl.xlsx.stream import read_grid
    from tests.docgen import build

    src, out = tmp_path / "banyak.xlsx", tmp_path / "banyak-m.xlsx"
    write_workbook(build(7, kinds=[("positif", "akhir")] * 12 + [("negatif", "kumulatif")] * 6), src)
    assert measure(src, out).exit_code() == 0
    breaks, anchors = _breaks_and_anchors(out, CHART_SHEET)
    assert breaks and len(anchors) >= 10
    for first, last in anchors:  # <brk id="b"/>: the next page starts at (0-based) row b
        assert not [b for b in breaks if first < b <= last], (first, last, breaks)
    breaks, _ = _breaks_and_anchors(out, KINERJA_SHEET)
    sheet = read_grid(out).sheet(KINERJA_SHEET)
    assert sheet is not None and breaks
    starts = [r - 1 for (r, c), cell in sheet.cells.items()
              if c == 1 and isinstance(cell.value, str) and cell.value.startswith("Tabel 3.")]
    for s in starts:
        assert not [b for b in breaks if s < b <= s + TABLE_KEEP - 1], (s, breaks)


# ------------------------------------------------ #22: what gets printed is whole (workbooks)
def _sheet_xml(path: Path, sheet_name: str) -> str:
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet name="{re.escape(sheet_name)}" sheetId="\d+" r:id="([^"]+)"', wb)
        assert rid is not None, sheet_name
        target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels)
        assert target is not None
        return z.read("xl/" + target.group(1)).decode()


def _layout(xml: str) -> tuple[list[int], list[tuple[int, int]], dict[int, float]]:
    """(row breaks: 0-based first row of a new page, merged row spans 0-based, row heights of
    the rows given one: 0-based -> points)."""
    breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"', xml)]
    merged = []
    for a, b in re.findall(r'<mergeCell ref="[A-Z]+(\d+):[A-Z]+(\d+)"', xml):
        merged.append((int(a) - 1, int(b) - 1))
    heights = {int(r) - 1: float(h) for r, h in re.findall(
        r'<row r="(\d+)"[^>]*?\sht="([\d.]+)"', xml)}
    return breaks, merged, heights


@pytest.fixture(scope="module")
def long_measured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty indicators under three sasaran with long names: Table 3.17 (the seed's 3.12) is
    longer than a page, and every sasaran's merged cell spans a dozen rows."""
    from lkjip_xl.measure import measure
    from tests.docgen import build

    d = tmp_path_factory.mktemp("panjang")
    dok = build(11, kinds=[("positif", "akhir")] * 24 + [("negatif", "kumulatif")] * 16)
    for s in dok.sasaran:
        s.uraian += " melalui peningkatan kualitas layanan dan tata kelola koperasi serta usaha"
    src, out = d / "panjang.xlsx", d / "panjang-m.xlsx"
    write_workbook(dok, src)
    assert measure(src, out).exit_code() == 0
    return out


@pytest.mark.parametrize("sheet_name", ["Bab III Kinerja", "Bab III Anggaran"])
def test_bab3_pages_cut_no_merged_cell_and_each_continues_under_its_header(
        long_measured: Path, sheet_name: str) -> None:
    from lkjip_xl.measure.bab3 import CONTINUED
    from lkjip_xl.xlsx.stream import read_grid

    breaks, merged, heights = _layout(_sheet_xml(long_measured, sheet_name))
    sheet = read_grid(long_measured).sheet(sheet_name)
    assert sheet is not None and len(breaks) >= 2
    for first, last in merged:  # no page starts inside a merged range
        assert not [b for b in breaks if first < b <= last], (first, last, breaks)
    if sheet_name == "Bab III Anggaran":  # one table: its header is the print title
        titles = re.search(r"Print_Titles\" localSheetId=\"\d+\">'Bab III Anggaran'!\$(\d+):\$(\d+)<",
                           zipfile.ZipFile(long_measured).read("xl/workbook.xml").decode())
        assert titles is not None and titles.group(1) == titles.group(2)
        assert sheet.value(int(titles.group(1)), 1) == "Sasaran strategis"
        return
    continued = 0
    for b in breaks:  # a page starts with a caption (a table, or one continued) or a blank row
        top = sheet.value(b + 1, 1)
        assert top in (None, "") or str(top).startswith("Tabel 3."), (b, top)
        if str(top).endswith(CONTINUED):
            continued += 1
            # the header again: the same texts as the table's own header row
            number = str(top)[:-len(CONTINUED)]
            own = next(r for (r, c), cell in sorted(sheet.cells.items())
                       if c == 1 and str(cell.value).startswith(number + "  "))
            assert [sheet.value(b + 2, c) for c in range(1, 6)] == \
                [sheet.value(own + 1, c) for c in range(1, 6)]
    assert continued >= 1  # the long table runs on, under its header


def test_every_planned_page_fits_the_page_so_no_program_breaks_by_itself(
        long_measured: Path) -> None:
    """Every page ends at a planned break: the rows between two breaks fit the page the plan
    assumes, so Excel and LibreOffice (which prints slightly smaller) break nowhere else."""
    from lkjip_xl.measure.bab3 import WIDTHS
    from lkjip_xl.measure.charts import WIDTHS as CHART_WIDTHS
    from lkjip_xl.schema.report_tables import ANGGARAN_SHEET, CHART_SHEET, KINERJA_SHEET

    for name, widths in ((KINERJA_SHEET, WIDTHS[KINERJA_SHEET]),
                         (ANGGARAN_SHEET, WIDTHS[ANGGARAN_SHEET]), (CHART_SHEET, CHART_WIDTHS)):
        xml = _sheet_xml(long_measured, name)
        breaks, _, heights = _layout(xml)
        area = re.search(rf"'?{re.escape(name)}'?!\$A\$1:\$[A-Z]+\$(\d+)", zipfile.ZipFile(
            long_measured).read("xl/workbook.xml").decode().replace("&amp;", "&"))
        assert area is not None
        last = int(area.group(1)) - 1
        page = printing.page_height_rows_pt(list(widths))
        edges = [0, *breaks, last + 1]
        for a, b in zip(edges, edges[1:]):
            used = sum(heights.get(r, printing.ROW_PT) for r in range(a, b))
            assert used <= page + 25, (name, a, b, used, page)  # + the agency header's font


def test_chart_data_captions_keep_with_their_rows(long_measured: Path) -> None:
    from lkjip_xl.schema.report_tables import CHART_SHEET
    from lkjip_xl.xlsx.stream import read_grid

    breaks, anchors = _breaks_and_anchors(long_measured, CHART_SHEET)
    for first, last in anchors:
        assert not [b for b in breaks if first < b <= last], (first, last, breaks)
    sheet = read_grid(long_measured).sheet(CHART_SHEET)
    assert sheet is not None
    captions = [r - 1 for (r, c), cell in sheet.cells.items()
                if c == 1 and str(cell.value).startswith("Data grafik")]
    assert len(captions) >= 3  # the quarterly table runs on, its caption and header again
    for cap in captions:  # caption, header and a first row on one page
        assert not [b for b in breaks if cap < b <= cap + 2], (cap, breaks)
