"""Every output prints numbers by the one rule (core/number_display.py, docs/numbers.md): verify's
messages, the Temuan sheet and the batch CSV on broken workbooks, measure's number formats and
chart labels, rekap's chart labels; and LibreOffice prints measure's efficiency as 6,63."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import dataformat
from lkjip_xl.core.findings import Report
from lkjip_xl.measure import measure
from lkjip_xl.planning.batch import check_file
from lkjip_xl.planning.summary import render_csv
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.formats import LABEL_FORMATS
from lkjip_xl.schema.rekap_tables import S_INSTANSI
from lkjip_xl.schema.report_tables import ANGGARAN_SHEET, KINERJA_SHEET
from lkjip_xl.verify import verify
from lkjip_xl.verify.annotate import annotate_copy
from lkjip_xl.verify.render import render_text
from lkjip_xl.workbook.expected import computed_rows, input_rows
from lkjip_xl.workbook.write import write_workbook
from tests.test_verify_corruption import CASES, Clean, apply_edit

ROOT = Path(__file__).resolve().parent.parent
# the seed and a sample whose figures are thirds (101.6666667 %, 80.6666667 in a unit)
SAMPLES = ("denpasar_2019", "synthetic_rules")

# more than four decimals: a double printed as it is stored
NOISE = re.compile(r"\d[.,]\d{5,}")
# a decimal point where Indonesian writes a comma: digits, ".", digits that are not a thousands
# group; codes (S1.1, 2.09.01) and grouped thousands (1.463.523.490) do not match
EN_DECIMAL = re.compile(r"(?<![\w.,])\d+\.(?!\d{3}(?!\d))\d+(?![\d.])")
ID_DECIMAL = re.compile(r"(?<![\w.,])\d+,(?!\d{3}(?!\d))\d+(?![\d,])")
QUOTED = re.compile(r"'[^']*'")  # what the user typed, and quoted sheet names, as they are


def bad_numbers(text: str, lang: str) -> list[str]:
    plain = "\n".join(QUOTED.sub("''", line) for line in text.splitlines())
    wrong = EN_DECIMAL if lang == "id" else ID_DECIMAL
    return NOISE.findall(plain) + wrong.findall(plain)


def test_the_patterns_catch_what_they_should() -> None:
    assert bad_numbers("adalah 99.54268293, seharusnya 1250000.0", "id") == [
        "9.54268293", "99.54268293", "1250000.0"]
    assert bad_numbers("Nilai 0.66 di PK!C5; 66.5", "id") == ["0.66", "66.5"]
    assert bad_numbers("Kode 2.09.01 di S1.1: 1.463.523.490 dan 99,54; teks '0.5'", "id") == []
    assert bad_numbers("is 99,54 at P1.01; 1,463,523,490 and 99.54", "en") == ["99,54"]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path, Report]]:
    folder = tmp_path_factory.mktemp("numbers")
    out = []
    for name in SAMPLES:
        dok = dataformat.load(ROOT / "samples" / f"{name}.yaml")
        clean = folder / f"{name}.xlsx"
        write_workbook(dok, clean)
        s = Clean(name, clean, input_rows(dok), computed_rows(dok))
        for damage, case in CASES.items():
            dst = folder / f"{name}-{damage}.xlsx"
            apply_edit(s, case["edit"], dst)
            out.append((f"{name}/{damage}", dst, verify(dst)))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_message_of_verify_prints_float_noise_or_the_other_languages_decimal(
        broken: list[tuple[str, Path, Report]], lang: str) -> None:
    wrong = {}
    for case, path, report in broken:
        for f in report.findings:
            bad = bad_numbers(f.message(lang), lang)
            if bad:
                wrong[(case, f.code)] = (bad, f.message(lang))
        # the file's own name (text-number-0,5.xlsx) is no number
        bad = bad_numbers(render_text(report, lang).replace(str(path), "FILE"), lang)
        if bad:
            wrong[(case, "render_text")] = (bad, "")
    assert wrong == {}


def test_numbers_are_in_the_readers_form_where_it_matters(
        broken: list[tuple[str, Path, Report]]) -> None:
    """Not only free of noise: the figures a reader checks read as the workbook shows them."""
    by_case = {case: report for case, _p, report in broken}

    def message(case: str, code: str, lang: str = "id") -> str:
        return next(f.message(lang) for f in by_case[case].findings if f.code == code)

    # a capaian typed over with 101.6666667 + 7.5: two decimals, as the capaian column
    m = message("synthetic_rules/typed-over-other-value", "rumus-ditimpa-salah")
    assert "nilai tetap 109,17; seharusnya rumus dengan hasil 101,67" in m, m
    m = message("synthetic_rules/typed-over-other-value", "rumus-ditimpa-salah", "en")
    assert "constant 109.17; it should be the formula, giving 101.67" in m, m
    # a stale cached total: rupiah with thousands dots
    m = message("denpasar_2019/stale-cached-value", "nilai-salah")
    assert "adalah 1.463.524.490, seharusnya 1.463.523.490" in m, m
    # a percentage typed as a fraction: 0,66 in Indonesian
    m = message("denpasar_2019/percent-as-fraction", "persen-skala-salah")
    assert m.startswith("Nilai 0,66 di PK!C5") and m.endswith("mungkin maksudnya 66"), m
    # the number meant by a text: as it should be typed (no thousands dots)
    m = message("denpasar_2019/text-number-Rp", "angka-sebagai-teks")
    assert "(maksudnya mungkin 1463523490)" in m, m


def test_the_temuan_sheet_and_the_batch_csv_follow_the_rule(
        broken: list[tuple[str, Path, Report]], tmp_path: Path) -> None:
    wrong = []
    for case, path, report in broken:
        if not case.startswith("synthetic_rules/typed-over") and "stale" not in case \
                and "fraction" not in case:
            continue
        out = tmp_path / (path.stem + "-temuan.xlsx")
        annotate_copy(path, report, out, lang="id")
        ws = openpyxl.load_workbook(out, read_only=True)["Temuan"]
        for row in ws.iter_rows(min_row=2, values_only=True):
            for value in row[3:6]:  # found, expected, message
                if value is not None and bad_numbers(str(value), "id"):
                    wrong.append((case, row))
    assert wrong == []
    rows = list(openpyxl.load_workbook(
        tmp_path / "synthetic_rules-typed-over-other-value-temuan.xlsx",
        read_only=True)["Temuan"].iter_rows(min_row=2, values_only=True))
    assert ["rumus-ditimpa-salah", "109,17", "101,67"] in [[r[0], r[3], r[4]] for r in rows]
    # the CSV is read by people and their spreadsheets: the reader's form; JSON keeps precision
    results = [check_file(str(p)) for c, p, _r in broken
               if c.endswith(("stale-cached-value", "hidden-sheet-feeds-formula"))]
    text = render_csv(results, "id")
    assert not bad_numbers(text.replace('","', " "), "id"), text
    assert re.search(r',"\d{1,3}(\.\d{3})*,\d\d","\d{1,3}(\.\d{3})*,\d\d"\r\n', text), text
    assert re.search(r",\d+\.\d\d,\d+\.\d\d\r\n", render_csv(results, "en"))


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("measured")
    out = {}
    for name in SAMPLES:
        src = folder / f"{name}.xlsx"
        write_workbook(dataformat.load(ROOT / "samples" / f"{name}.yaml"), src)
        out[name] = folder / f"{name}-terukur.xlsx"
        measure(src, out[name])
    return out


@pytest.mark.parametrize("sample", SAMPLES)
def test_efficiency_has_two_decimals_in_every_sheet_of_measure(measured: dict[str, Path],
                                                               sample: str) -> None:
    wb = openpyxl.load_workbook(measured[sample])
    ae = TABLES["AE"]
    ws = wb[ae.sheet]
    col = ae.letter("efisiensi")
    cells = [ws[f"{col}{r}"] for r in range(ae.first_row, ae.first_row + 2)]
    assert [c.number_format for c in cells] == ["#,##0.00", "#,##0.00"]
    # the Bab III tables: every efficiency cell, under its header
    seen = 0
    for ws in (wb[KINERJA_SHEET], wb[ANGGARAN_SHEET]):
        heads = {(c.row, c.column) for row in ws.iter_rows() for c in row
                 if c.value == "Tingkat efisiensi"}
        for r, c in heads:
            for rr in range(r + 1, r + 4):
                cell = ws.cell(rr, c)
                if isinstance(cell.value, (int, float)) or str(cell.value or "").startswith("="):
                    assert cell.number_format == "#,##0.00", (ws.title, cell.coordinate)
                    seen += 1
        # no cell of a report sheet shows more than two decimals
        for row in ws.iter_rows():
            for cell in row:
                assert "###" not in cell.number_format.split(".")[-1], cell.coordinate
    assert seen >= 2


def _label_formats(xlsx: Path) -> list[str]:
    with zipfile.ZipFile(xlsx) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert charts
        out = []
        for n in charts:
            xml = z.read(n).decode()
            for labels in re.findall(r"<c:dLbls>(.*?)</c:dLbls>", xml, re.S):
                m = re.search(r'<c:numFmt formatCode="([^"]*)"', labels)
                out.append(m.group(1) if m else "(the source cell's)")
        return out


@pytest.mark.parametrize("sample", SAMPLES)
def test_chart_labels_follow_the_rule(measured: dict[str, Path], sample: str) -> None:
    """A label of the quarterly chart showed 80,6667: every label now names its format."""
    formats = _label_formats(measured[sample])
    assert formats and set(formats) <= set(LABEL_FORMATS.values()), formats
    assert LABEL_FORMATS["number"] in formats and LABEL_FORMATS["percent"] in formats


def test_rekap_chart_labels_follow_the_rule(measured: dict[str, Path], tmp_path: Path) -> None:
    from lkjip_xl.planning.rekap import write_rekap

    folder = tmp_path / "in"
    folder.mkdir()
    results = []
    dok = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    for name in ("a", "b"):  # two agencies of one year
        src = folder / f"{name}.xlsx"
        write_workbook(dok, src)
        results.append(check_file(str(src)))
    write_rekap(results, tmp_path / "rekap.xlsx", include_errors=True)
    formats = _label_formats(tmp_path / "rekap.xlsx")
    assert formats and set(formats) == {LABEL_FORMATS["percent"]}, formats
    # and its values in an indicator's unit print whole numbers as "66" in Excel too
    wb = openpyxl.load_workbook(tmp_path / "rekap.xlsx")
    unit_cells = [(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows()
                  for c in row if c.number_format == "#,##0.##"]
    assert unit_cells
    assert [x for x in unit_cells if x[1] not in _whole_number_cells(wb[x[0]])] == []
    # a year is never grouped (2019, not 2.019), a count is, efficiency has two decimals
    formats = {c.value: wb[S_INSTANSI].cell(c.row + 1, c.column).number_format
               for c in next(r for r in wb[S_INSTANSI].iter_rows() if any(
                   x.value == "Tahun" for x in r))}
    assert formats["Tahun"] == "0" and formats["Efisiensi"] == "#,##0.00"
    assert formats["Jumlah indikator"] == "#,##0"


@pytest.mark.libreoffice
def test_libreoffice_prints_the_seeds_efficiency_as_6_63_in_indonesian(
        measured: dict[str, Path], tmp_path: Path) -> None:
    """Calc in an Indonesian locale prints measure's Tabel 3.13 as the seed does: 6,63 and
    9,23 (it printed 6,6293 and 9,2298), with percentages of two decimals beside them."""
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice is not installed")
    profile = tmp_path / "profile"
    env = {"LC_ALL": "id_ID.UTF-8", "LANG": "id_ID.UTF-8", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(measured["denpasar_2019"])], env=env, capture_output=True, timeout=300,
                   check=True)
    pdf = tmp_path / "denpasar_2019-terukur.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    table = text[text.index("Tabel 3.13"):]
    table = table[:table.index("Metode efisiensi")]
    assert re.search(r"100,00 %\s+93,37 %\s+6,63\n", table), table
    assert re.search(r"100,00 %\s+90,77 %\s+9,23\n", table), table
    assert "6,6293" not in text and "9,2298" not in text


def test_the_documents_tables_print_the_seeds_figures_in_indonesian_form(tmp_path: Path) -> None:
    """The LKjIP document: efficiency 6,63 and 9,23 (it printed 6,6293), no cell with float noise
    or a decimal point."""
    from lkjip_xl.laporan import laporan
    from tests.test_laporan import _captioned_tables

    src = tmp_path / "denpasar.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"), src)
    laporan(src, tmp_path / "LKjIP-2019.docx")
    tables = _captioned_tables(tmp_path / "LKjIP-2019.docx")
    efficiency = [row[-1] for cap, rows in tables if cap.startswith("Tabel 3.13")
                  for row in rows[1:]]
    assert efficiency == ["6,63", "9,23"]
    wrong = [(cap, text) for cap, rows in tables for row in rows for text in row
             if bad_numbers(text, "id")]
    assert wrong == []


def _whole_number_cells(ws: object) -> set[str]:
    """The cells a "print whole numbers as #,##0" rule (xlsx/whole_numbers.py) covers."""
    from openpyxl.utils.cell import range_boundaries

    out: set[str] = set()
    for cf in ws.conditional_formatting:  # type: ignore[attr-defined]
        for rule in cf.rules:
            if not (rule.formula and "ROUND(" in rule.formula[0] and rule.dxf is not None
                    and rule.dxf.numFmt is not None and rule.dxf.numFmt.formatCode == "#,##0"):
                continue
            for rng in str(cf.sqref).split():
                c1, r1, c2, r2 = range_boundaries(rng)
                out.update(f"{openpyxl.utils.get_column_letter(c)}{r}"
                           for c in range(c1, c2 + 1) for r in range(r1, r2 + 1))
    return out


def test_whole_numbers_of_a_unit_column_print_without_a_separator(
        measured: dict[str, Path]) -> None:
    """Excel prints "#,##0.##" as "66." for 66 (Calc: "66"): every cell of that format in the
    input and computed tables and in the Bab III tables has the rule that prints it "66"."""
    wb = openpyxl.load_workbook(measured["synthetic_rules"])
    # an input cell shows what staff typed (0,385); its computed mirror rounds it like outputs
    pk, pkk = TABLES["PK"], TABLES["PKK"]
    assert wb[pk.sheet][f"{pk.letter('target')}{pk.first_row}"].number_format == "#,##0.####"
    assert wb[pkk.sheet][f"{pkk.letter('target')}{pkk.first_row}"].number_format == "#,##0.##"
    missing = []
    for name in (*{t.sheet for t in TABLES.values()}, KINERJA_SHEET):
        ws = wb[name]
        covered = _whole_number_cells(ws)
        for row in ws.iter_rows():
            for cell in row:
                if cell.number_format in ("#,##0.##", "#,##0.####") \
                        and cell.coordinate not in covered:
                    missing.append(f"{name}!{cell.coordinate}")
        if name == KINERJA_SHEET:
            assert covered, name
    assert missing == []


def test_a_typed_value_is_quoted_as_typed(tmp_path: Path) -> None:
    """A Gini-like target typed 0.385 reads 0,385 in the messages, as its input cell shows it."""
    from tests import corrupt as c

    src = tmp_path / "seed.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"), src)
    c.edit(src, tmp_path / "gini.xlsx", c.set_value("PK", "target", 0.385, 1))
    report = verify(tmp_path / "gini.xlsx")
    m = next(f.message("id") for f in report.findings if f.code == "target-pk-beda-renstra")
    assert m.startswith("Target PK 0,385 di PK!C6 berbeda") and m.endswith("(0,5)"), m
    m = next(f.message("en") for f in report.findings if f.code == "tw4-beda-target")
    assert m.endswith("differs from the annual target 0.385"), m
