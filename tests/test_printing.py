"""Printouts: the rows a document fills, never pages of empty capacity rows; wide tables split
over planned pages with their key columns repeated, not shrunk unreadably."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.core.measurement import ukur
from lkjip_xl.schema import SHEETS, TABLES, printing
from lkjip_xl.schema.types import col_letter, quote_sheet
from lkjip_xl.workbook.expected import Rows, computed_rows, input_rows
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
    values = {**input_rows(dok), **computed_rows(dok, ukur(dok))}
    for sheet in SHEETS:
        if sheet.table is None:
            continue
        t = sheet.table
        pp = printing.plan(t, rows.count(t.key), printing.filled_columns(t, values[t.key]),
                           template=which == "empty")
        want = f"{quote_sheet(sheet.name)}!$A$1:${col_letter(pp.last_col)}${pp.last_row}"
        assert areas[sheet.name] == want
        assert pp.last_row < t.first_row + max(rows.count(t.key), printing.MIN_ROWS)


def test_wide_tables_split_with_key_columns_repeated() -> None:
    pkk = printing.plan(TABLES["PKK"], 2)
    assert pkk.pages_wide >= 2 and pkk.repeat_cols >= 2  # codes and name on every page
    assert printing.plan(TABLES["RKT"], 2).pages_wide == 1


def test_trailing_columns_no_row_fills_do_not_print() -> None:
    """The sample fills no money history: Program prints its codes, names and sasaran on one
    page, not a second page across of empty Pagu Renstra and realisasi columns; a document that
    fills the history prints it, split with the key columns repeated."""
    from tests.test_indikator_program_sheet import cascade

    pg, kg = TABLES["PG"], TABLES["KG"]
    sample = input_rows(dataformat.load(SAMPLE))
    assert printing.filled_columns(pg, sample["PG"]) == 3
    assert printing.plan(pg, 6, 3).pages_wide == 1
    # Realisasi Anggaran: up to the realisasi, the quarterly and history columns unfilled
    assert [c.key for c in kg.columns[:printing.filled_columns(kg, sample["KG"])]][-1] == "realisasi"
    filled = input_rows(cascade())  # a 2019 pagu renstra on one programme: its column prints
    n = printing.filled_columns(pg, filled["PG"])
    assert pg.columns[n - 1].key == "pr4" and printing.plan(pg, 6, n).pages_wide == 1
    assert printing.filled_columns(kg, filled["KG"]) > 20  # the realisasi of 2018 on a kegiatan
    wide = printing.plan(kg, len(filled["KG"]), printing.filled_columns(kg, filled["KG"]))
    assert wide.pages_wide >= 2 and wide.repeat_cols == 4  # codes and uraian on every page


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_an_unused_sheet_prints_one_readable_page(kertas: str) -> None:
    """An empty table prints one page, its key columns and the columns after them one page holds
    at the readable size (all 32 of Indikator Program on one page would be a third of full size)."""
    for t in TABLES.values():
        pp = printing.plan(t, 0, printing.filled_columns(t, []), kertas)
        assert pp.pages_wide == 1 and pp.repeat_cols == 0, t.key
        widths = [c.width for c in t.columns[:pp.last_col]]
        assert pp.last_col >= printing.key_columns(t)
        assert sum(widths) <= printing.page_chars(kertas) or pp.last_col == printing.key_columns(t)
    ip = printing.plan(TABLES["IP"], 0, None, kertas)
    assert 5 < ip.last_col < len(TABLES["IP"].columns)


def test_the_wider_folio_page_holds_more_columns() -> None:
    """F4 (13 in) holds more of a table across than A4 (11.69 in) at the same size: Indikator
    Program filled splits over fewer pages across on folio."""
    assert printing.page_chars("F4") > printing.page_chars("A4") == printing.PAGE_CHARS
    ip = TABLES["IP"]
    assert printing.plan(ip, 3, None, "F4").pages_wide < printing.plan(ip, 3, None, "A4").pages_wide


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
    # analysis columns printed as a planned second page across (key columns repeated); +2 since
    # the sample carries its narrative (issue #22): the Narasi sheet's text takes two pages, its
    # SDM table (the seed gives no staff numbers) prints empty on a third, to fill by hand; +1 the
    # Petunjuk, its lines on rows as tall as their text (they printed over each other on one);
    # layout 3 (issue #24) adds the Indikator Program sheet, unused in the sample: one page (it
    # printed three across), and its money history, unfilled there, prints no pages across (five
    # more); -1 Realisasi kinerja, its unfilled realisasi of past years and components no longer
    # a second page across; +4 the E.81's three computed Renja sheets (issue #24): Renja Kinerja,
    # unused in the sample, one page; Renja Anggaran Kegiatan two across (its 21 kegiatan, codes
    # and names repeated); Renja Anggaran Program one; their working columns (own money, years)
    # never print (`Column.prints`); +1 Renja Anggaran Program two across since its Rp columns
    # are wide enough for a province's five-year money (17, not 14: the published period total
    # Rp 56,506,743,492 printed ###, tests/test_published_renstra.py)
    assert len(pages) <= 30
    heads = [next((ln for ln in p.splitlines() if ln.strip()), "").strip() for p in pages]
    for sheet in SHEETS:  # unused (IP) or unfilled money history (PG): no page across
        if sheet.table is not None and sheet.table.key in ("PG", "IP"):
            assert sum(h.startswith(sheet.title) for h in heads) == 1, sheet.name
    table_titles = {s.title: s for s in SHEETS if s.table is not None}
    codes = ([s.kode for s in dok.sasaran] + [i.kode for _, i in dok.indikator()]
             + [p.kode for p in dok.program] + [k.kode for _, k in dok.kegiatan()])
    filled = Rows.of(dok)
    seen = set()
    for n, page in enumerate(pages, start=1):
        head = next((ln for ln in page.splitlines() if ln.strip()), "")  # the page header
        # the page header starts with the sheet's title and ends "lkjip-xl" (Petunjuk's pages
        # have none: a line of its text may name a sheet)
        titled = [t for t, s in table_titles.items() if head.strip().startswith(t)
                  and head.rstrip().endswith("lkjip-xl") and s.table is not None
                  and filled.count(s.table.key)]
        seen.update(titled)
        if titled:  # every page of a filled table shows a row of data
            assert any(code in page for code in codes), (n, titled)
    assert len(seen) >= 10  # the check reached the tables (it matched no page header once)


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


def _rekap(tmp_path: Path, count: int) -> Path:
    """The rekap of `count` synthetic agencies (their measurements, no files)."""
    from lkjip_xl.core.findings import Report
    from lkjip_xl.planning.batch import ringkasan
    from lkjip_xl.planning.rekap import write_rekap
    from lkjip_xl.planning.synthetic import synthetic_dokumen

    results = []
    for n in range(count):
        r = Report(f"opd-{n}.xlsx")
        r.stats.update(layout=True, ringkasan=ringkasan(synthetic_dokumen(n)))
        results.append((r.path, r))
    out = tmp_path / "rekap.xlsx"
    write_rekap(results, out)
    return out


def test_rekap_rows_are_as_tall_as_their_wrapped_text(tmp_path: Path) -> None:
    """'Dinas Kependudukan dan Pencatatan Sipil Kota Denpasar' wraps: its row must grow, or the
    name prints over the next agency's row."""
    from lkjip_xl.schema.rekap_tables import EFISIENSI, GAGAL, INDIKATOR, INSTANSI
    from lkjip_xl.xlsx.stream import read_grid

    out = _rekap(tmp_path, 12)
    grid = read_grid(out)
    grown = 0
    for table in (INSTANSI, INDIKATOR, EFISIENSI, GAGAL):
        _, _, heights = _layout(_sheet_xml(out, table.sheet))
        sheet = grid.sheet(table.sheet)
        assert sheet is not None
        for r in range(table.first_row, sheet.max_row + 1):
            lines = max((printing.wrapped_lines(v, col.width) for c, col in
                         enumerate(table.columns, start=1) if col.kind == "text"
                         and isinstance(v := sheet.value(r, c), str) and v), default=1)
            assert heights.get(r - 1, printing.ROW_PT) >= printing.ROW_PT * lines, (
                table.sheet, r, lines)
            grown += lines > 1
    assert grown >= 3


def test_rekap_wide_table_splits_over_pages_with_its_key_columns(tmp_path: Path) -> None:
    """Rekap per instansi's 17 columns: not squeezed onto one page (about 5 pt type), but two
    pages wide at a readable scale, No and Instansi repeated on each."""
    from lkjip_xl.schema.rekap_tables import INSTANSI

    out = _rekap(tmp_path, 3)
    xml = _sheet_xml(out, INSTANSI.sheet)
    pp = printing.plan(INSTANSI, 3)
    fit = re.search(r'<pageSetup[^>]*fitToWidth="(\d+)"', xml)
    assert pp.pages_wide == 2 and fit is not None and int(fit.group(1)) == pp.pages_wide
    widths = [c.width for c in INSTANSI.columns]
    per_page = (sum(widths) + sum(widths[:pp.repeat_cols]) * (pp.pages_wide - 1)) / pp.pages_wide
    assert per_page <= printing.PAGE_CHARS  # the scale stays above the readable floor
    names = zipfile.ZipFile(out).read("xl/workbook.xml").decode()
    assert f"{INSTANSI.sheet}!$A:$B,{INSTANSI.sheet}!$4:$4" in names  # keys and header repeat


@pytest.mark.parametrize("count", [3, 30])
def test_rekap_charts_each_whole_on_its_page(tmp_path: Path, count: int) -> None:
    from lkjip_xl.planning.rekap import CHART_COLS, DEFAULT_COL_WIDTH
    from lkjip_xl.schema.rekap_tables import S_GRAFIK

    out = _rekap(tmp_path, count)
    breaks, anchors = _breaks_and_anchors(out, S_GRAFIK)
    assert len(anchors) == 2 and len(breaks) == 1
    page = printing.page_height_rows_pt([DEFAULT_COL_WIDTH] * CHART_COLS)
    for first, last in anchors:
        assert not [b for b in breaks if first < b <= last]
        assert (last + 1) * printing.ROW_PT <= page or first > breaks[0]
        assert (last - first + 1) * printing.ROW_PT <= page  # no taller than a page
    (_, last1), (first2, last2) = anchors
    assert last1 < breaks[0] < first2  # a blank row on each side: no frame edge on page one
    assert (last2 - breaks[0] + 1) * printing.ROW_PT <= page


def test_petunjuk_is_one_page_wide_and_its_lines_never_overlap(tmp_path: Path) -> None:
    """The first page staff print: the text column fits the portrait page at full size, each
    line's row is as tall as its wrapped text, every line is in the print area."""
    from lkjip_xl.schema.sheets import GUIDE
    from lkjip_xl.workbook.guide import guide_lines

    for kertas in ("A4", "F4"):
        dok = empty_dokumen(2025, "Dinas Uji")
        dok.pengaturan.kertas = kertas
        out = tmp_path / f"baru-{kertas}.xlsx"
        write_workbook(dok, out)
        xml = _sheet_xml(out, GUIDE.name)
        width = float(re.search(r'<col min="1" max="1" width="([\d.]+)"', xml).group(1))  # type: ignore[union-attr]
        _, paper_w, _ = printing.PAPERS[kertas]
        body_pt = (paper_w - printing.MARGINS["left"] - printing.MARGINS["right"]) * 72
        assert (width * 7 + 5) * 0.75 <= body_pt  # printed at 100 %: nothing shrunk or cut
        _, _, heights = _layout(xml)
        lines = guide_lines()
        for n, text in enumerate(lines, start=2):
            want = printing.wrapped_lines(text, width - 0.71) if text else 1  # xlsxwriter's pad
            assert heights.get(n, printing.ROW_PT) >= printing.ROW_PT * want, (n, text)
        area = _print_areas(out)[GUIDE.name]
        assert area.endswith(f"$A${len(lines) + 2}")


@pytest.mark.libreoffice
def test_libreoffice_prints_the_planned_pages_each_under_its_header(long_measured: Path,
                                                                     tmp_path: Path) -> None:
    """The plan on paper: LibreOffice breaks the report sheets nowhere but at the planned breaks
    (as many pages as planned), and every page of Bab III Kinerja showing indicator rows shows
    the header they sit under."""
    from lkjip_xl.engines import libreoffice
    from lkjip_xl.schema.report_tables import ANGGARAN_SHEET, CHART_SHEET, KINERJA_SHEET

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    pdf = libreoffice.convert(long_measured, tmp_path, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    titles = {KINERJA_SHEET: "Bab III: capaian kinerja", ANGGARAN_SHEET: "Bab III: realisasi "
              "anggaran", CHART_SHEET: "Grafik capaian dan anggaran"}
    for name, title in titles.items():
        printed = [p for p in pages if title in (p.strip().splitlines() or [""])[0]]
        breaks, _, _ = _layout(_sheet_xml(long_measured, name))
        assert len(printed) == len(breaks) + 1 >= 2, (name, len(printed), breaks)
        if name == KINERJA_SHEET:
            for n, page in enumerate(printed):
                if re.search(r"Indikator uji S\d", page):
                    assert "Indikator kinerja" in page, n  # the header over its rows


@pytest.mark.libreoffice
def test_libreoffice_prints_rekap_pages_under_their_key_columns(tmp_path: Path) -> None:
    """Every printed page of rekap's agency tables names its agencies under the header (No and
    Instansi repeated on the second page across); each chart on a page of its own."""
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    pdf = libreoffice.convert(_rekap(tmp_path, 12), tmp_path, "pdf")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    with_agencies = [p for p in pages if "Dinas Kependudukan" in p
                     and "per instansi (%)" not in p]  # tables, not the charts' labels
    assert len(with_agencies) >= 4  # Instansi and Efisiensi are two pages wide
    assert all(re.search(r"\bInstansi\b", p) for p in with_agencies)
    for title in ("Penyerapan anggaran per instansi (%)", "Capaian rata-rata per instansi (%)"):
        assert len([p for p in pages if title in p]) == 1, title
    assert not [p for p in pages if "Penyerapan anggaran per instansi (%)" in p
                and "Capaian rata-rata per instansi (%)" in p]


@pytest.mark.libreoffice
@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_libreoffice_prints_a_filled_indikator_program_as_planned(kertas: str,
                                                                  tmp_path: Path) -> None:
    """A document with indicators at every level: Indikator Program prints the pages across its
    plan makes for the paper (fewer on the wider F4), each naming its rows by code and name."""
    from lkjip_xl.engines import libreoffice
    from tests.test_indikator_program_sheet import cascade

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    dok = cascade()
    dok.pengaturan.kertas = kertas
    book = tmp_path / "ip.xlsx"
    write_workbook(dok, book)
    ip = TABLES["IP"]
    rows = input_rows(dok)["IP"]
    pp = printing.plan(ip, len(rows), printing.filled_columns(ip, rows), kertas)
    assert pp.pages_wide == (3 if kertas == "A4" else 2)
    pdf = libreoffice.convert(book, tmp_path, "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    title = next(s.title for s in SHEETS if s.table is ip)
    printed = [p for p in text.split("\f") if p.strip().startswith(title)]
    assert len(printed) == pp.pages_wide
    for page in printed:
        assert "P1.01.01" in page and "indikator S1" in page
