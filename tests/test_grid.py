"""read_grid: every cell's formula and cached value, checked against openpyxl and LibreOffice."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from lkjip_xl.xlsx.grid import Cell, ErrorValue, WorkbookGrid
from lkjip_xl.xlsx.guard import Limits
from lkjip_xl.xlsx.stream import ROW_COST, _unescape, read_grid
from tests import hostile
from tests.hostile import build_xlsx, cell, sheet_xml, simple_sheet

# the hand-made packages of tests/hostile.py carry no cellStyles; openpyxl says so
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")


def _plain(value: Any) -> Any:
    """Our value in openpyxl's terms: errors as their text, integral floats compare equal."""
    return str(value) if isinstance(value, ErrorValue) else value


def assert_same_as_openpyxl(path: Path, grid: WorkbookGrid | None = None) -> WorkbookGrid:
    """Every cell openpyxl sees, with its formula (data_only=False) and cached value (True)."""
    grid = grid or read_grid(path)
    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    assert grid.sheet_names == formulas.sheetnames
    for ws_f in formulas.worksheets:
        ws_v = values[ws_f.title]
        sheet = grid.sheet(ws_f.title)
        assert sheet is not None
        seen = set()
        for row in ws_f.iter_rows():
            for c in row:
                key = (c.row, c.column)
                ours = sheet.get(*key)
                cached = ws_v.cell(*key).value
                if c.value is None and cached is None:
                    assert ours is None or (ours.value is None and ours.formula is None), key
                    continue
                seen.add(key)
                assert ours is not None, key
                f = c.value
                if isinstance(f, openpyxl.worksheet.formula.ArrayFormula):
                    assert ours.array and ours.formula == f.text, key
                elif isinstance(f, str) and c.data_type == "f":
                    assert ours.formula == f, key
                else:
                    assert ours.formula is None, key
                if isinstance(cached, dt.datetime):  # openpyxl converts date-styled serials
                    continue
                if isinstance(cached, str) and "_x" in cached:  # openpyxl keeps _xHHHH_ escapes
                    cached = _unescape(cached)
                assert _plain(ours.value) == cached, (key, ours.value, cached)
                assert type(_plain(ours.value)) in (type(cached), float), (key, ours.value)
        extra = {k for k, v in sheet.cells.items() if v.value is not None or v.formula}
        assert extra <= seen | {k for k in sheet.cells if ws_f.cell(*k).value is not None}
    return grid


def test_xlsxwriter_workbook_matches_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "campur.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    pct = wb.add_format({"num_format": "0.00%"})
    text = wb.add_format({"num_format": "@"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet("Pengukuran Kinerja")
    ws.write_row(0, 0, ["Indikator", "Target", "Realisasi", "Capaian", "Catatan"])
    for r in range(1, 30):
        ws.write_string(r, 0, f"Indikator {r} — ‘kutip’ & <tag>")
        ws.write_number(r, 1, r * 1.5)
        ws.write_number(r, 2, r if r % 3 else -r / 7)
        ws.write_formula(r, 3, f"=IFERROR(C{r + 1}/B{r + 1},0)", pct, (r if r % 3 else -r / 7)
                         / (r * 1.5))
        ws.write_string(r, 4, "=bukan rumus" if r == 5 else " spasi ", text)
    ws.write_boolean(31, 0, True)
    ws.write_boolean(31, 1, False)
    ws.write_formula(31, 2, "=1/0", None, "#DIV/0!")
    ws.write_formula(31, 3, "=NA()", None, "#N/A")
    ws.write_formula(31, 4, '=A2&"!"', None, "Indikator 1!")
    ws.write_formula(32, 0, "=B2>1", None, True)
    ws.write_array_formula("B33:B35", "{=C2:C4*2}", None, 2)
    ws.write_datetime(33, 0, dt.datetime(2024, 12, 31), date)
    ws.write_number(34, 0, 1e-300)
    ws.write_number(34, 2, 123456789012345.6)
    ws2 = wb.add_worksheet("Kosong")
    ws2.hide()
    wb.close()
    grid = assert_same_as_openpyxl(path)
    s = grid.sheets[0]
    assert s.get(2, 2) == Cell(1.5, None, False, 0)
    assert s.value(32, 3) == ErrorValue("#DIV/0!")
    assert s.value(32, 1) is True and s.value(32, 2) is False
    assert s.get(33, 2) is not None and s.get(33, 2).array  # type: ignore[union-attr]
    assert s.get(34, 2).array and s.get(34, 2).formula is None  # type: ignore[union-attr]
    assert s.array_refs == {(33, 2): "B33:B35"}
    assert s.value(34, 1) == 45657.0  # dates stay serial numbers
    assert grid.sheets[1].state == "hidden"
    pct_style = s.get(2, 4).style_id  # type: ignore[union-attr]
    assert pct_style in grid.percent_styles
    assert s.get(2, 5).style_id in grid.text_styles  # type: ignore[union-attr]
    assert grid.number_formats[pct_style] == "0.00%"


def test_inline_strings_from_xlsxwriter_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "inline.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Data")
    for r in range(20):
        ws.write_string(r, 0, f"baris {r}\tdengan tab")
        ws.write_string(r, 1, "ctrl\x07char" if r == 3 else "  depan")
        ws.write_number(r, 2, r)
    wb.close()
    assert "inlineStr" in _part(path, "xl/worksheets/sheet1.xml")
    grid = assert_same_as_openpyxl(path)
    assert grid.sheets[0].value(4, 2) == "ctrl\x07char"  # _x0007_ decoded


def test_openpyxl_written_workbook(tmp_path: Path) -> None:
    path = tmp_path / "opx.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Renstra"
    ws.append(["Kode", "Nilai", "Rumus"])
    for r in range(2, 12):
        ws.append([f"K{r}", r / 3, f"=B{r}*2"])
    ws.row_dimensions[5].hidden = True
    ws.column_dimensions["C"].hidden = True
    wb.create_sheet("Rahasia").sheet_state = "veryHidden"
    wb.calculation.calcMode = "manual"
    wb.calculation.iterate = True
    wb.save(path)
    grid = assert_same_as_openpyxl(path)
    assert grid.sheets[0].hidden_rows == {5}
    assert grid.sheets[0].hidden_cols == {3}
    assert grid.sheets[1].state == "veryHidden"
    assert grid.calc_mode == "manual" and grid.iterate is True
    assert grid.sheets[0].get(3, 3) == Cell(None, "=B3*2", False, 0)  # no cached value


def _part(path: Path, member: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read(member).decode("utf-8")


# ---------------------------------------------------------------------------------------------
# Shared formulas, as Excel writes them.

SHARED_ROWS = {
    r: (cell(f"A{r}", r) + cell(f"B{r}", r * 2)
        + (cell("C1", 3, f="A1*B1+$A$1", f_attrs='t="shared" ref="C1:C6" si="0"') if r == 1
           else cell(f"C{r}", 0, f="", f_attrs='t="shared" si="0"'))
        + (cell("D1", 3, f="SUM($A1:B1)+Data!A$1", f_attrs='t="shared" ref="D1:F1" si="1"')
           if r == 1 else "")
        + (cell("E1", 0, f="", f_attrs='t="shared" si="1"')
           + cell("F1", 0, f="", f_attrs='t="shared" si="1"') if r == 1 else ""))
    for r in range(1, 7)
}


def shared_formulas(tmp: Path) -> Path:
    return build_xlsx(tmp / "bersama.xlsx", {"Data": simple_sheet(SHARED_ROWS)})


def test_shared_formulas_expanded_to_every_cell(tmp_path: Path) -> None:
    path = shared_formulas(tmp_path)
    grid = read_grid(path)
    s = grid.sheets[0]
    assert [s.get(r, 3).formula for r in range(1, 7)] == [  # type: ignore[union-attr]
        f"=A{r}*B{r}+$A$1" for r in range(1, 7)]
    assert [s.get(1, c).formula for c in (4, 5, 6)] == [  # type: ignore[union-attr]
        "=SUM($A1:B1)+Data!A$1", "=SUM($A1:C1)+Data!B$1", "=SUM($A1:D1)+Data!C$1"]
    assert grid.findings == []
    wb = openpyxl.load_workbook(path)
    assert [wb["Data"].cell(r, 3).value for r in range(1, 7)] == [
        s.get(r, 3).formula for r in range(1, 7)]  # type: ignore[union-attr]


def test_shared_formula_without_master_is_a_finding(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "yatim.xlsx", {"Data": simple_sheet(
        {1: cell("A1", 1, f="", f_attrs='t="shared" si="9"')})})
    grid = read_grid(path)
    assert [(f.code, f.location) for f in grid.findings] == [("rumus-bersama-rusak", "Data!A1")]
    assert grid.sheets[0].get(1, 1) == Cell(1.0, None, False, 0)


@pytest.mark.libreoffice
def test_libreoffice_copy_agrees(tmp_path: Path) -> None:
    """LibreOffice expands Excel's shared formulas on its own: an independent oracle for ours.

    LibreOffice 7.4 writes each formula out in full (no t="shared"), so its copy read back must
    give the same formula texts as our expansion of the original, and its cached values (Calc's
    own recalculation) must equal what openpyxl reads from the copy.
    """
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice (soffice) not installed")
    src = shared_formulas(tmp_path)
    copy = libreoffice.recalculate(src, tmp_path / "lo")
    ours = read_grid(src)
    theirs = assert_same_as_openpyxl(copy)
    a, b = ours.sheets[0], theirs.sheets[0]
    assert {k: c.formula for k, c in a.cells.items()} == {k: c.formula for k, c in b.cells.items()}
    assert [b.value(r, 3) for r in range(1, 7)] == [r * r * 2 + 1 for r in range(1, 7)]
    # C1 = 1*2+1 = 3; D1 = SUM(A1:B1)+A1 = 4; E1 = SUM(A1:C1)+B1 = 8; F1 = SUM(A1:D1)+C1 = 13
    assert [b.value(1, c) for c in (3, 4, 5, 6)] == [3, 4, 8, 13]
    if 't="shared"' in _part(copy, "xl/worksheets/sheet1.xml"):  # a later LibreOffice
        assert theirs.findings == []


# ---------------------------------------------------------------------------------------------
# Cell encodings a reader meets.


def test_cell_types_and_text_rules(tmp_path: Path) -> None:
    rows = {
        1: (cell("A1", 0, t="s") + cell("B1", 1, t="s") + cell("C1", 1, t="b") + cell("D1", "0", t="b")
            + cell("E1", "#REF!", t="e") + cell("F1", "hasil", t="str", f='"has"&"il"')
            + cell("G1", "2024-01-31T00:00:00", t="d") + cell("H1", "1E3")
            + '<c r="I1" t="inlineStr"><is><r><t>kaya</t></r><r><rPr><b/></rPr><t xml:space='
            '"preserve"> teks</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c>'
            + '<c r="J1" s="3"/>'),
        2: '<c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c>',
    }
    sst = ('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.'
           'org/spreadsheetml/2006/main"><si><t>baris_x000D_\nbaru _x005F_x0041_</t></si><si><r>'
           "<t>ka</t></r><r><t>ya</t></r><rPh><t>X</t></rPh></si></sst>")
    grid = read_grid(build_xlsx(tmp_path / "tipe.xlsx", {"Data": simple_sheet(rows)},
                                shared_strings_xml=sst))
    s = grid.sheets[0]
    assert [s.value(1, c) for c in range(1, 10)] == [
        "baris\r\nbaru _x0041_", "kaya", True, False, ErrorValue("#REF!"), "hasil",
        "2024-01-31T00:00:00", 1000.0, "kaya teks"]
    assert s.get(1, 6).formula == '="has"&"il"'  # type: ignore[union-attr]
    assert s.get(1, 10) == Cell(None, None, False, 3)  # styled empty cell kept
    assert [s.value(2, c) for c in range(1, 7)] == [1.0, 2.0, None, None, 5.0, 6.0]
    assert (s.max_row, s.max_col) == (2, 10)
    assert grid.findings == []


def test_styles_percent_and_text(tmp_path: Path) -> None:
    grid = read_grid(build_xlsx(tmp_path / "gaya.xlsx", {"Data": simple_sheet({1: cell("A1", 1)})}))
    # cellXfs of hostile.STYLES: 0 General, 1 id 9, 2 id 10, 3 "0.0%", 4 '0.0"%"', 5 "@", 6 id 49
    assert grid.percent_styles == {1, 2, 3}
    assert grid.text_styles == {5, 6}
    assert grid.number_formats == ["General", "0%", "0.00%", "0.0%", '0.0"%"', "@", "@"]


def test_workbook_level_facts(tmp_path: Path) -> None:
    names = ('<definedNames><definedName name="Target">Data!$B$2</definedName>'
             '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'
             "'Lembar 2'!$A$1:$B$9</definedName></definedNames>"
             '<calcPr calcId="191029" calcMode="manual" fullCalcOnLoad="1"/>')
    path = build_xlsx(tmp_path / "wb.xlsx",
                      {"Data": simple_sheet({1: cell("A1", 1)}), "Lembar 2": sheet_xml(""),
                       "Sangat": sheet_xml("")},
                      workbook_inner=names,
                      sheet_attrs={"Lembar 2": 'state="hidden"', "Sangat": 'state="veryHidden"'})
    grid = read_grid(path)
    assert [(s.name, s.state) for s in grid.sheets] == [
        ("Data", "visible"), ("Lembar 2", "hidden"), ("Sangat", "veryHidden")]
    assert grid.defined_names == {"Target": "Data!$B$2",
                                  "'Lembar 2'!_xlnm._FilterDatabase": "'Lembar 2'!$A$1:$B$9"}
    assert grid.hidden_names == {"'Lembar 2'!_xlnm._FilterDatabase"}
    assert (grid.calc_mode, grid.iterate, grid.full_calc_on_load) == ("manual", False, True)


def test_prefixed_namespace_sheet(tmp_path: Path) -> None:
    data = ('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>awalan</x:t></x:is></x:c>'
            '<x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>')
    grid = read_grid(build_xlsx(tmp_path / "x.xlsx", {"Data": sheet_xml(data, prefix="x")}))
    assert grid.sheets[0].value(1, 1) == "awalan"
    assert grid.sheets[0].get(1, 2) == Cell(2.0, "=1+1", False, 0)


def test_cells_count_only_inside_sheetdata(tmp_path: Path) -> None:
    xml = sheet_xml('<row r="1">' + cell("A1", 1) + "</row>",
                    before='<cols><col min="2" max="3" hidden="1"/></cols>',
                    after='<extLst><c r="B2"><v>9</v></c><row r="7" hidden="1"/>'
                          '<col min="9" max="9" hidden="1"/></extLst>')
    s = read_grid(build_xlsx(tmp_path / "ext.xlsx", {"Data": xml})).sheets[0]
    assert list(s.cells) == [(1, 1)] and s.hidden_rows == set() and s.hidden_cols == {2, 3}


def test_invalid_values_are_findings_not_crashes(tmp_path: Path) -> None:
    rows = {1: cell("A1", "abc") + cell("B1", "2", t="b") + cell("C1", "nan")
            + cell("D1", 5, t="s") + cell("E1", 1, t="zz") + cell("F1", 1, s=9)}
    grid = read_grid(build_xlsx(tmp_path / "rusak.xlsx", {"Data": simple_sheet(rows)},
                                shared_strings=["satu"]))
    assert [(f.code, f.location) for f in grid.findings] == [
        ("nilai-sel-tidak-valid", "Data!A1"), ("nilai-sel-tidak-valid", "Data!B1"),
        ("nilai-sel-tidak-valid", "Data!C1"), ("teks-bersama-tidak-ada", "Data!D1"),
        ("nilai-sel-tidak-valid", "Data!E1")]
    assert grid.sheets[0].value(1, 1) == "abc"
    assert grid.sheets[0].get(1, 6).style_id == 9  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------
# Caps, enforced while streaming.


def test_cell_at_xfd1048576_costs_nothing(tmp_path: Path) -> None:
    path = hostile.far_cell(tmp_path)
    tracemalloc.start()
    grid = read_grid(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    s = grid.sheets[0]
    assert len(s.cells) == 2 and s.value(1048576, 16384) == 2.0
    assert (s.max_row, s.max_col) == (1048576, 16384)
    assert peak < 20 * 1024 * 1024
    assert grid.findings == []


def test_forged_dimension_is_ignored(tmp_path: Path) -> None:
    grid = read_grid(hostile.forged_dimension(tmp_path))
    assert (grid.sheets[0].max_row, grid.sheets[0].max_col) == (1, 1)


def test_references_beyond_the_grid_are_findings(tmp_path: Path) -> None:
    grid = read_grid(hostile.beyond_grid(tmp_path))
    assert [(f.code, f.location, f.found) for f in grid.findings] == [
        ("sel-di-luar-batas", "Data!XFE1", "XFE1"),
        ("sel-di-luar-batas", "Data!A1048577", "A1048577")]
    assert list(grid.sheets[0].cells) == [(1, 1)]
    assert "XFE1" in grid.findings[0].message("en")


def test_huge_shared_string_stops_that_part(tmp_path: Path) -> None:
    grid = read_grid(hostile.huge_shared_string(tmp_path))
    assert [f.code for f in grid.findings] == ["batas-teks-tercapai", "teks-bersama-tidak-ada"]
    assert grid.findings[0].severity == "error"
    assert grid.sheets[0].value(1, 1) == "pendek" and grid.sheets[0].value(1, 2) is None
    # raised, the same file reads whole
    big = read_grid(hostile.huge_shared_string(tmp_path), Limits(max_string_chars=400_000))
    assert big.findings == [] and len(big.sheets[0].value(1, 2)) == 300_000


def test_huge_inline_string_stops_the_sheet(tmp_path: Path) -> None:
    text = "B" * 200_000
    rows = {1: cell("A1", 1), 2: f'<c r="A2" t="inlineStr"><is><t>{text}</t></is></c>',
            3: cell("A3", 3)}
    grid = read_grid(build_xlsx(tmp_path / "inline_besar.xlsx", {"Data": simple_sheet(rows)}))
    assert [(f.code, f.location) for f in grid.findings] == [("batas-teks-tercapai", "Data!A2")]
    assert grid.sheets[0].complete is False
    assert grid.sheets[0].value(1, 1) == 1.0 and grid.sheets[0].get(3, 1) is None


def test_shared_strings_count_and_bytes_caps(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "sst.xlsx", {"Data": simple_sheet({1: cell("A1", 0, t="s")})},
                      shared_strings=[f"teks {i}" for i in range(50)])
    grid = read_grid(path, Limits(max_shared_strings=10))
    assert [f.code for f in grid.findings] == ["batas-teks-bersama-tercapai"]
    assert grid.findings[0].params["what"] == "count"
    grid = read_grid(path, Limits(max_shared_strings_bytes=100))
    assert [f.code for f in grid.findings] == ["batas-teks-bersama-tercapai",
                                               "teks-bersama-tidak-ada"]
    assert grid.findings[0].params["what"] == "bytes"


def test_cell_cap_stops_reading(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "dua.xlsx", {
        "Satu": simple_sheet({r: cell(f"A{r}", r) for r in range(1, 101)}),
        "Dua": simple_sheet({1: cell("A1", 1)})})
    grid = read_grid(path, Limits(max_cells=50))
    # each row of one cell costs the cell plus the row (ROW_COST): the cap is reached at row 10
    per_row = 1 + ROW_COST
    last = -(-50 // per_row)
    assert [(f.code, f.location) for f in grid.findings] == [("batas-sel-tercapai",
                                                              f"Satu!A{last}")]
    assert len(grid.sheets[0].cells) == last
    assert not grid.sheets[0].complete and not grid.sheets[1].complete
    assert grid.sheets[1].cells == {}


def test_time_budget_is_a_finding(tmp_path: Path) -> None:
    path = hostile.many_cells(tmp_path, rows=40_000, cols=10)
    start = time.monotonic()
    grid = read_grid(path, Limits(timeout_s=0.5))
    assert time.monotonic() - start < 3
    assert [f.code for f in grid.findings] == ["batas-waktu-tercapai"]
    assert grid.sheets[0].complete is False
    assert 0 < len(grid.sheets[0].cells) < 400_000


def test_many_findings_are_capped(tmp_path: Path) -> None:
    rows = {1: "".join(cell(f"XF{chr(69 + i % 20)}{1}", i) for i in range(300))}
    grid = read_grid(build_xlsx(tmp_path / "banyak_temuan.xlsx", {"Data": simple_sheet(rows)}),
                     Limits(max_findings_per_code=5))
    codes = [f.code for f in grid.findings]
    assert codes == ["sel-di-luar-batas"] * 5 + ["temuan-dibatasi"]
    assert grid.findings[-1].params == {"code": "sel-di-luar-batas", "dropped": 295}


def test_macro_sheets_and_charts_are_not_read(tmp_path: Path) -> None:
    grid = read_grid(hostile.macro_workbook(tmp_path))
    assert grid.has_macros and [f.code for f in grid.findings] == ["makro-diabaikan"]
    assert grid.findings[0].severity == "warning"
    assert grid.sheets[0].value(1, 1) == 1.0


def test_reading_speed_smoke(tmp_path: Path) -> None:
    """Not a benchmark: 50,000 cells must read in well under the default time budget."""
    path = hostile.many_cells(tmp_path, rows=5_000, cols=10)
    start = time.monotonic()
    grid = read_grid(path)
    assert time.monotonic() - start < 5
    assert len(grid.sheets[0].cells) == 50_000 and grid.findings == []
