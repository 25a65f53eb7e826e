"""audit_grid on real .xlsx files written by xlsxwriter: each finding code at its location.

Every workbook is read twice, by the streaming reader (`read_grid`) and by the openpyxl stand-in
(`load_grid_openpyxl`), and both must give the same findings.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from lkjip_xl.audit import audit_grid
from lkjip_xl.audit.loader import load_grid_openpyxl
from lkjip_xl.catalogue import audit as audit_catalogue
from lkjip_xl.catalogue import catalogue
from lkjip_xl.core.findings import Finding
from lkjip_xl.xlsx.grid import WorkbookGrid
from lkjip_xl.xlsx.stream import read_grid

LOADERS = {"read_grid": read_grid, "openpyxl": load_grid_openpyxl}
PK = "'Pengukuran Kinerja'"


@pytest.fixture(params=sorted(LOADERS))
def load(request: pytest.FixtureRequest) -> Callable[[Path], WorkbookGrid]:
    return LOADERS[request.param]


def write(path: Path, build: Callable[[Any], None], **options: Any) -> Path:
    wb = xlsxwriter.Workbook(str(path), options)
    build(wb)
    wb.close()
    return path


def patch_xml(path: Path, member: str, edit: Callable[[str], str]) -> Path:
    """Rewrite one part of the package (for settings xlsxwriter cannot write)."""
    tmp = path.with_suffix(".tmp")
    shutil.move(path, tmp)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == member:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    tmp.unlink()
    return path


def codes_at(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in findings]


def kinerja(wb: Any) -> None:
    """A capaian table with one slip of every kind the pattern checks know."""
    ws = wb.add_worksheet("Pengukuran Kinerja")
    ws.write_row(0, 0, ["Indikator", "Target", "Realisasi", "Capaian"])
    for i in range(1, 12):
        r = i + 1
        ws.write(i, 0, f"IK {i}")
        ws.write_number(i, 1, 100)
        ws.write_number(i, 2, 90 + i)
        ws.write_formula(i, 3, f"=C{r}/B{r}*100", None, 90 + i)
    ws.write_formula(5, 3, "=C6/B7*100", None, 95)  # D6 reads B7: inconsistent
    ws.write_number(7, 3, 97)  # D8 typed over the formula
    ws.write_formula(3, 3, "=C4/B4*100", None, 12345)  # D4 stale cached value
    ws.write_formula(11, 3, "=C12/B11*100", None, 101)  # D12: last of the run, same skeleton
    ws.write_formula(12, 3, "=SUM(D2:D12)", None, 1056)  # D13 total: different skeleton, fine
    ws.write_formula(13, 2, "=SUM(C2:C11)", None, 955)  # C14 stops short of C12
    ws.write_formula(15, 3, "=IFERROR(1/0,0)", None, 0)  # D16 hides #DIV/0!
    ws.write_formula(16, 3, "=1/0", None, "#DIV/0!")  # D17 error value
    ws.write_formula(17, 3, "=D19+1", None, 0)  # D18 <-> D19 circular
    ws.write_formula(18, 3, "=D18+1", None, 0)


def test_pattern_and_value_findings(tmp_path: Path, load: Callable[[Path], WorkbookGrid]) -> None:
    path = write(tmp_path / "k.xlsx", kinerja)
    got = codes_at(audit_grid(load(path)))
    assert got == [
        ("nilai-cache-basi", f"{PK}!D4"),
        ("rumus-tidak-konsisten", f"{PK}!D6"),
        ("konstanta-di-antara-rumus", f"{PK}!D8"),
        ("rumus-tidak-konsisten", f"{PK}!D12"),
        ("rentang-kurang-satu", f"{PK}!C14"),
        ("galat-tersembunyi-iferror", f"{PK}!D16"),
        ("nilai-galat", f"{PK}!D17"),
        ("referensi-melingkar", f"{PK}!D18"),
    ]


def test_finding_details(tmp_path: Path) -> None:
    path = write(tmp_path / "k.xlsx", kinerja)
    by_loc = {(f.code, f.location): f for f in audit_grid(read_grid(path))}
    stale = by_loc[("nilai-cache-basi", f"{PK}!D4")]
    assert (stale.found, stale.expected, stale.severity) == (12345, 93.0, "error")
    odd = by_loc[("rumus-tidak-konsisten", f"{PK}!D6")]
    assert (odd.found, odd.expected) == ("=C6/B7*100", "=C6/B6*100")
    assert odd.params["neighbours"] == "D5, D7"
    typed = by_loc[("konstanta-di-antara-rumus", f"{PK}!D8")]
    assert (typed.found, typed.expected, typed.params["formula"]) == (97, 97.0, "=C8/B8*100")
    short = by_loc[("rentang-kurang-satu", f"{PK}!C14")]
    assert (short.found, short.expected, short.params["cell"]) == ("C2:C11", "C2:C12", f"{PK}!C12")
    hidden = by_loc[("galat-tersembunyi-iferror", f"{PK}!D16")]
    assert (str(hidden.found), hidden.params["function"]) == ("#DIV/0!", "IFERROR")
    circle = by_loc[("referensi-melingkar", f"{PK}!D18")]
    assert circle.params["cells"] == f"{PK}!D18 → {PK}!D19 → {PK}!D18"
    for f in by_loc.values():  # every message renders in both languages, no "?" left
        for lang in ("id", "en"):
            assert "?" not in re.sub(r"\?\w", "", f.message(lang)), (f.code, f.message(lang))


def test_skip_leaves_cells_to_the_layout_verifier(tmp_path: Path) -> None:
    path = write(tmp_path / "k.xlsx", kinerja)
    grid = read_grid(path)
    skip = {("Pengukuran Kinerja", 4, 4), ("Pengukuran Kinerja", 6, 4), ("Pengukuran Kinerja", 17, 4)}
    got = codes_at(audit_grid(grid, skip=skip))
    assert ("nilai-cache-basi", f"{PK}!D4") not in got
    assert ("rumus-tidak-konsisten", f"{PK}!D6") not in got
    assert ("nilai-galat", f"{PK}!D17") not in got
    assert ("konstanta-di-antara-rumus", f"{PK}!D8") in got


class MembershipOnly:
    """A skip container that only answers `in` (verify passes one: it cannot be iterated)."""

    def __init__(self, cells: set[tuple[str, int, int]]) -> None:
        self._cells = frozenset(cells)

    def __contains__(self, key: object) -> bool:
        return key in self._cells

    def __bool__(self) -> bool:
        return bool(self._cells)

    def __iter__(self) -> Any:
        raise AssertionError("skip must not be iterated")


def test_skip_may_be_a_membership_test_only(tmp_path: Path) -> None:
    path = write(tmp_path / "k.xlsx", kinerja)
    grid = read_grid(path)
    for skip in ({("Pengukuran Kinerja", 4, 4), ("Pengukuran Kinerja", 6, 4)},
                 {(s.name, r, c) for s in grid.sheets for r, c, _ in s.cells.formulas()}):
        want = [(f.code, f.location, f.found, f.expected, f.params)
                for f in audit_grid(grid, skip=skip)]
        got = [(f.code, f.location, f.found, f.expected, f.params)
               for f in audit_grid(grid, skip=MembershipOnly(skip))]
        assert got == want


def test_long_runs_are_grouped(tmp_path: Path, load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Data")
        for r in range(2, 32):
            ws.write_number(f"A{r}", r)
            ws.write_number(f"B{r}", 0 if r >= 20 else 1)
            ws.write_formula(f"C{r}", f"=A{r}*2", None, 999 if r < 15 else r * 2)  # stale 2..14
            ws.write_formula(f"D{r}", f"=A{r}/B{r}", None, "#DIV/0!" if r >= 20 else r)
    got = audit_grid(load(write(tmp_path / "g.xlsx", build)))
    assert codes_at(got) == [("nilai-cache-basi", "Data!C2:C14"), ("nilai-galat", "Data!D20:D31")]
    assert got[0].params["count"] == 13 and got[0].found == 999 and got[0].expected == 4.0
    assert "(×12)" in got[1].message("en")


def test_calculation_settings(tmp_path: Path, load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        wb.add_worksheet("S").write_formula("A1", "=1+1", None, 2)
        wb.set_calc_mode("manual")
    path = write(tmp_path / "c.xlsx", build)
    patch_xml(path, "xl/workbook.xml", lambda x: x.replace("<calcPr ", '<calcPr iterate="1" '))
    assert codes_at(audit_grid(load(path))) == [("kalkulasi-iteratif", ""), ("kalkulasi-manual", "")]


def test_never_calculated_file_gets_one_summary(tmp_path: Path,
                                                load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("S")
        for r in range(1, 201):
            ws.write_number(r - 1, 0, r)
            ws.write_formula(r - 1, 1, f"=A{r}*3")  # xlsxwriter caches 0 and asks for a recalc
    got = audit_grid(load(write(tmp_path / "n.xlsx", build)))
    assert codes_at(got) == [("nilai-cache-tidak-ada", "")]
    assert got[0].params == {"count": 200, "first": "S!B1"}


def test_links_outside_the_workbook(tmp_path: Path) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("S")
        ws.write_formula("A1", "=[1]Anggaran!D4*2", None, 10)
        ws.write_formula("A2", '=WEBSERVICE("http://example.org/x")', None, "x")
        ws.write_formula("A3", "=A1+1", None, 11)
    path = write(tmp_path / "x.xlsx", build)
    expected = [("tautan-eksternal", "S!A1"), ("fungsi-dde-web", "S!A2")]
    assert codes_at(audit_grid(load_grid_openpyxl(path))) == expected
    grid = read_grid(path)  # the reader lists the hazard; the audit reports it, once
    assert [h[:2] for h in grid.formula_hazards] == [("S!A2", "WEBSERVICE")]
    assert codes_at(audit_grid(grid)) == expected
    grid.external_links = ["file:///C:/Renstra/anggaran.xlsx"]
    got = audit_grid(grid)
    assert codes_at(got)[0] == ("tautan-eksternal", "")
    assert "anggaran.xlsx" in got[0].message("id")


def test_numbers_stored_as_text(tmp_path: Path, load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Realisasi")
        ws.write_column("B1", ["Anggaran", 1000, 2000])
        ws.write_string("B4", "Rp 2.072.337.900")  # between numbers
        ws.write_number("B5", 4000)
        ws.write_string("C1", "2024")  # a header over numbers: no finding
        ws.write_column("C2", [1, 2, 3])
        ws.write_string("E1", "0,5%")  # read by a formula
        ws.write_formula("F1", "=E1*2", None, "#VALUE!")
        ws.write_string("G1", "1.1")  # a section number, alone: no finding
    got = audit_grid(load(write(tmp_path / "t.xlsx", build)))
    found = {(f.code, f.location): f for f in got}
    assert sorted(found) == [("angka-sebagai-teks", "Realisasi!B4"),
                             ("angka-sebagai-teks", "Realisasi!E1"),
                             ("nilai-galat", "Realisasi!F1")]
    assert found[("angka-sebagai-teks", "Realisasi!B4")].expected == 2072337900.0
    assert found[("angka-sebagai-teks", "Realisasi!E1")].expected == 0.005


def test_hidden_things_formulas_use(tmp_path: Path, load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Ringkasan")
        bobot = wb.add_worksheet("Bobot")
        bobot.write_number("A1", 0.5)
        bobot.hide()
        data = wb.add_worksheet("Data")
        for r in range(1, 11):
            data.write_number(f"A{r}", r)
            data.write_number(f"C{r}", r)
        data.set_row(4, None, None, {"hidden": True})  # row 5
        data.set_row(5, None, None, {"hidden": True})  # row 6
        data.set_row(11, None, None, {"hidden": True})  # row 12: empty, so no finding
        data.set_column("C:C", None, None, {"hidden": True})
        wb.define_name("Faktor", "=Bobot!$A$1")
        ws.write_formula("A1", "=SUM(Data!A1:A20)*Bobot!A1", None, 27.5)
        ws.write_formula("A2", "=SUM(Data!A1:B3)", None, 6)  # touches nothing hidden
        ws.write_formula("A3", "=SUM(Data!A2:C2)*Faktor", None, 2)
    path = write(tmp_path / "h.xlsx", build)
    patch_xml(path, "xl/workbook.xml",
              lambda x: x.replace('<definedName name="Faktor"', '<definedName name="Faktor" hidden="1"'))
    got = audit_grid(load(path))
    assert codes_at(got) == [
        ("sheet-tersembunyi-dipakai", "Bobot"),
        ("nama-tersembunyi-dipakai", "Ringkasan!A3"),
        ("baris-tersembunyi-dipakai", "Data!5:6"),
        ("kolom-tersembunyi-dipakai", "Data!C:C"),
    ]
    assert got[0].params["count"] == 2 and got[0].params["first"] == "Ringkasan!A1"


def test_unreadable_and_unsupported_formulas(tmp_path: Path,
                                             load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("S")
        ws.write_formula("A1", '=CUBEVALUE("x")', None, 5)
        ws.write_formula("A2", '=CUBEVALUE("y")', None, 6)
        ws.write_formula("A3", "=SUM((B1,B2))", None, 0)  # union operator: not evaluated here
        ws.write_formula("A4", "=A1*2", None, 10)  # computed from A1's stored 5: consistent
    got = audit_grid(load(write(tmp_path / "u.xlsx", build)))
    assert codes_at(got) == [("fungsi-tidak-didukung", "S!A1"), ("rumus-tidak-terbaca", "S!A3")]
    assert got[0].params["count"] == 2


def test_every_code_is_catalogued() -> None:
    table = catalogue()
    audit = Path(__file__).parents[1] / "lkjip_xl" / "audit"
    source = "".join((audit / name).read_text() for name in ("checks.py", "hidden.py"))
    used = set(re.findall(r'"([a-z]+(?:-[a-z0-9]+)+)"', source)) & (
        set(table) | {e.code for e in audit_catalogue.ENTRIES})
    assert "angka-sebagai-teks" in table  # owned by catalogue/inputs.py, shared with the audit
    for e in audit_catalogue.ENTRIES:
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", e.code)
        assert e.severity in ("error", "warning", "info") and e.id and e.en and e.example
        assert e.code in used, f"{e.code} is catalogued but never emitted"


def test_block_edge_formula_with_a_constant_slipped_in(tmp_path: Path,
                                                        load: Callable[[Path], WorkbookGrid]) -> None:
    """=E4-D4*1.1 below =E2-D2 and =E3-D3: one neighbour side only, a constant added."""
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Data")
        for r in range(1, 5):
            ws.write_number(r, 3, 10 * r)
            ws.write_number(r, 4, 12 * r)
        for r in (1, 2):
            ws.write_formula(r, 5, f"=E{r + 1}-D{r + 1}", None, 2.0 * r)
        ws.write_formula(3, 5, "=E4-D4*1.1", None, 36 - 33.0)
    got = audit_grid(load(write(tmp_path / "tepi.xlsx", build)))
    assert codes_at(got) == [("rumus-tidak-konsisten", "Data!F4")]
    assert got[0].expected == "=E4-D4"


def test_a_total_row_below_a_block_stays_quiet(tmp_path: Path,
                                               load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Data")
        for r in range(1, 4):
            ws.write_number(r, 3, 10 * r)
            ws.write_number(r, 4, 12 * r)
            ws.write_formula(r, 5, f"=E{r + 1}-D{r + 1}", None, 2.0 * r)
        ws.write_formula(4, 5, "=SUM(F2:F4)", None, 12.0)
        ws.write_formula(4, 4, "=SUM(E2:E4)*1", None, 72.0)
    assert audit_grid(load(write(tmp_path / "total.xlsx", build))) == []


def test_a_stale_zero_among_calculated_cells_is_reported(tmp_path: Path,
                                                         load: Callable[[Path], WorkbookGrid]) -> None:
    """=C5/B5 cached 0 while it computes 0.93: decided by recomputation, not by the value 0, once
    the rest of the workbook shows it was calculated."""
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Data")
        for r in range(1, 6):
            ws.write_number(r, 1, 100.0)
            ws.write_number(r, 2, 93.0)
            ws.write_formula(r, 3, f"=C{r + 1}/B{r + 1}", None, 0.0 if r == 4 else 0.93)
    got = audit_grid(load(write(tmp_path / "nol.xlsx", build)))
    assert codes_at(got) == [("nilai-cache-basi", "Data!D5")]
    assert got[0].found == 0.0 and got[0].expected == pytest.approx(0.93)


def test_all_zero_placeholders_are_not_stale(tmp_path: Path,
                                             load: Callable[[Path], WorkbookGrid]) -> None:
    def build(wb: Any) -> None:
        ws = wb.add_worksheet("Data")
        for r in range(1, 6):
            ws.write_number(r, 1, 100.0)
            ws.write_number(r, 2, 93.0)
            ws.write_formula(r, 3, f"=C{r + 1}/B{r + 1}")  # xlsxwriter caches 0: never calculated
    assert codes_at(audit_grid(load(write(tmp_path / "nol2.xlsx", build)))) == [
        ("nilai-cache-tidak-ada", "")]
