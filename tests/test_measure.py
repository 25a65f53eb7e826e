"""`lkjip-xl measure`: the finished workbook, its Bab III figures, charts, and what it refuses."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core.measurement import ukur
from lkjip_xl.measure import measure
from lkjip_xl.schema import SHEETS, TABLES, quote_sheet
from lkjip_xl.schema.report_tables import (
    ANGGARAN_SHEET,
    CHART_SHEET,
    KINERJA_SHEET,
    REPORT_TABLES,
    check,
)
from lkjip_xl.workbook.export import export_workbook
from lkjip_xl.workbook.write import write_workbook
from tests.test_measurement import PUBLISHED

ROOT = Path(__file__).resolve().parent.parent
DENPASAR = ROOT / "samples" / "denpasar_2019.yaml"
RULES = ROOT / "samples" / "synthetic_rules.yaml"
PER_TW = ROOT / "samples" / "synthetic_per_triwulan.yaml"
COMPUTED = [s.name for s in SHEETS if s.kind == "computed"]


def _generate(data: Path, path: Path) -> Path:
    write_workbook(dataformat.load(data), path)
    return path


@pytest.fixture(scope="module")
def denpasar_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("denpasar")
    src = _generate(DENPASAR, d / "isian.xlsx")
    out = d / "terukur.xlsx"
    report = measure(src, out)
    assert report.exit_code() == 0, report.flatten("code", "location")
    return out


def _values(path: Path) -> Any:
    return openpyxl.load_workbook(path, data_only=True)


def _column(ws: Any, table_key: str, key: str, n: int) -> list[Any]:
    t = TABLES[table_key]
    col = t.index(key)
    return [ws.cell(t.first_row + i, col).value for i in range(n)]


def _table_rows(ws: Any, caption_start: str) -> list[list[Any]]:
    """Rows of the report table whose caption starts with `caption_start` (header excluded)."""
    rows = list(ws.iter_rows(values_only=True))
    for i, r in enumerate(rows):
        if isinstance(r[0], str) and r[0].startswith(caption_start):
            out = []
            for body in rows[i + 2:]:
                if all(v in (None, "") for v in body):
                    break
                out.append(list(body))
            return out
    raise AssertionError(f"no table {caption_start!r}")


def test_report_tables_name_declared_columns() -> None:
    check()
    assert {t.sheet for t in REPORT_TABLES} == {KINERJA_SHEET, ANGGARAN_SHEET}


def test_seed_bab3_figures_reproduce_in_out(denpasar_out: Path) -> None:
    wb = _values(denpasar_out)
    k = wb[KINERJA_SHEET]
    t31 = _table_rows(k, "Tabel 3.1 ")
    assert [(r[1], r[3], r[4], r[5]) for r in t31] == [
        ("Persentase koperasi yang SHU-nya meningkat", 66, 66, 100),
        ("Persentase usaha mikro yang meningkat katagorinya menjadi usaha kecil", 0.5, 0.5, 100)]
    t33 = _table_rows(k, "Tabel 3.4 ")  # Renstra progress of S1 (the seed's Table 3.3)
    assert (t33[0][2], t33[0][3]) == (75, 66) and t33[0][4] == pytest.approx(88)
    t312 = _table_rows(k, "Tabel 3.12 ")  # cost per outcome, every sasaran
    assert [(r[5], r[6], round(r[7], 2)) for r in t312] == [
        (2_072_337_900, 1_934_956_185, 93.37), (1_122_946_600, 1_019_301_260, 90.77)]
    t313 = _table_rows(k, "Tabel 3.13 ")
    assert round(t313[0][4], 2) == 6.63 and round(t313[1][4], 2) == 9.23
    assert any(isinstance(r[0], str) and r[0].startswith("Metode efisiensi: selisih")
               for r in k.iter_rows(values_only=True))
    # Table 3.14: the 22 kegiatan grouped S1 (P4), S2 (P5, P6), then the support programmes
    t314 = _table_rows(wb[ANGGARAN_SHEET], "Tabel 3.14 ")
    keg = [r for r in t314 if r[2] not in (None, "")]
    order = [f"P{p}" for p in (4, 5, 6, 1, 2, 3)]
    published = [v for pre in order for kode, v in sorted(PUBLISHED.items())
                 if kode.startswith(pre + ".")]
    assert len(keg) == 22
    assert [round(r[5], 2) for r in keg] == published
    totals = {r[0]: (r[3], r[4], round(r[5], 2)) for r in t314 if r[2] in (None, "")}
    assert totals["Jumlah S1"] == (2_072_337_900, 1_934_956_185, 93.37)
    assert totals["Total instansi"][2] == round(5_097_303_563 / 5_670_557_990 * 100, 2)


def test_signature_and_header_from_profil(denpasar_out: Path) -> None:
    wb = _values(denpasar_out)
    cells = [v for row in wb[ANGGARAN_SHEET].iter_rows(values_only=True) for v in row if v]
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2019" in cells
    for want in ("Denpasar, ........................ 2020", "Kepala Dinas",
                 "Made Erwin Suryadarma Sena, SE, M.Si", "Pembina Utama Muda",
                 "NIP. 19610804 198603 1 019"):
        assert want in cells


def test_report_cells_are_formulas_on_the_computed_sheets(denpasar_out: Path) -> None:
    ws = openpyxl.load_workbook(denpasar_out)[KINERJA_SHEET]
    formulas = [c.value for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(formulas) > 50
    assert any("'Pengukuran Kinerja'!$" in f for f in formulas)
    assert any("'Anggaran & Efisiensi'!$" in f for f in formulas)


def test_charts_exist_in_out(denpasar_out: Path) -> None:
    with zipfile.ZipFile(denpasar_out) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        kinds = " ".join(z.read(n).decode() for n in charts)
    # capaian (bar + 100 % line), absorption per sasaran and per program, 2 quarterly charts
    assert len(charts) == 5
    assert "<c:barChart>" in kinds and "<c:lineChart>" in kinds
    assert "'Anggaran &amp; Efisiensi'" in kinds and "'Anggaran Program'" in kinds


def test_predicate_colours_read_the_predicate_table(denpasar_out: Path) -> None:
    with zipfile.ZipFile(denpasar_out) as z:
        names = {n for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
        xml = " ".join(z.read(n).decode() for n in names)
    assert "<conditionalFormatting" in xml
    first = TABLES["PR"].first_row
    assert f"Pengaturan!$A${first}" in xml  # the first band's lower bound


def test_export_of_out_equals_its_sheets(denpasar_out: Path) -> None:
    p = export_workbook(denpasar_out)["pengukuran"]
    wb = _values(denpasar_out)
    pkk = wb[TABLES["PKK"].sheet]
    kodes = _column(pkk, "PKK", "kode", 2)
    for key, field in (("capaian", "capaian"), ("kemajuan", "kemajuan_renstra"),
                       ("realisasi", "realisasi")):
        assert _column(pkk, "PKK", key, 2) == [p["indikator"][k][field] for k in kodes]
    ae = wb[TABLES["AE"].sheet]
    for key, field in (("anggaran", "anggaran"), ("realisasi", "realisasi_anggaran"),
                       ("penyerapan", "penyerapan"), ("efisiensi", "efisiensi")):
        assert _column(ae, "AE", key, 2) == [p["sasaran"][k][field] for k in ("S1", "S2")]
    ak = wb[TABLES["AK"].sheet]
    codes = _column(ak, "AK", "kode_kegiatan", 22)
    assert _column(ak, "AK", "penyerapan", 22) == [p["kegiatan"][c]["penyerapan"] for c in codes]


@pytest.mark.parametrize("data", [RULES, PER_TW], ids=lambda p: p.stem)
@pytest.mark.parametrize("triwulan", [4, 2])
def test_quarters_value_by_value(data: Path, triwulan: int, tmp_path: Path) -> None:
    src = _generate(data, tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    assert run_main(["measure", str(src), "-o", str(out), "--triwulan", str(triwulan)]) == 0
    dok = dataformat.load(data)
    p = ukur(dok)
    ws = _values(out)[TABLES["PTW"].sheet]
    t = TABLES["PTW"]
    checked = 0
    for n, (_, ind) in enumerate(dok.indikator()):
        u = p.indikator[ind.kode]
        row = t.first_row + n
        assert ws.cell(row, t.index("kode")).value == ind.kode
        for q in range(1, 5):
            got = [ws.cell(row, t.index(f"{k}{q}")).value for k in "trc"]
            want = [u.target_sd[q - 1], u.realisasi_sd_tw[q - 1], u.capaian_tw[q - 1]]
            if q > triwulan:
                assert got == [None, None, None]
            else:
                assert [None if g == "" else g for g in got] == pytest.approx(want)
                checked += sum(w is not None for w in want)
    assert checked > 10


def test_text_numbers_warned_and_non_numbers_exit_1(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = _generate(DENPASAR, tmp_path / "in.xlsx")
    wb = openpyxl.load_workbook(src)
    rk = TABLES["RK"]
    wb[rk.sheet].cell(rk.first_row, rk.index("realisasi")).value = "66,0"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    # written as the number meant, and exit 1: the guess is for staff to confirm (measure --help)
    assert run_main(["measure", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "galat: " in err and "66,0" in err
    assert _values(out)[TABLES["PKK"].sheet].cell(TABLES["PKK"].first_row,
                                                  TABLES["PKK"].index("capaian")).value == 100
    wb[rk.sheet].cell(rk.first_row, rk.index("realisasi")).value = "enam puluh"
    wb.save(src)
    assert run_main(["measure", str(src), "-o", str(out), "--force"]) == 1
    assert "bukan-angka" in capsys.readouterr().err or out.exists()


def test_refusals_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _generate(DENPASAR, tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    assert run_main(["measure", str(src), "-o", str(out)]) == 0
    before = out.read_bytes()
    assert run_main(["measure", str(src), "-o", str(out)]) == 2  # exists, no --force
    assert out.read_bytes() == before
    assert run_main(["measure", str(src), "-o", str(src), "--force"]) == 2  # never over IN
    assert run_main(["measure", str(src), "-o", str(out), "--triwulan", "5"]) == 2
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    assert run_main(["measure", str(bad), "-o", str(tmp_path / "x.xlsx")]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_what_cannot_be_carried_over_is_listed(tmp_path: Path) -> None:
    from openpyxl.comments import Comment

    src = _generate(DENPASAR, tmp_path / "in.xlsx")
    wb = openpyxl.load_workbook(src)
    extra = wb.create_sheet("Catatan")
    extra["A1"] = "catatan rapat"
    extra["B2"] = 42
    extra["C3"] = "=B2*2"
    pk = TABLES["PK"]
    wb[pk.sheet].cell(pk.first_row, pk.index("target")).comment = Comment("cek lagi", "staf")
    wb[pk.sheet].cell(2, 20).value = "catatan di samping"
    wb[pk.sheet].cell(pk.first_row + 5, pk.index("kode")).value = "X9.9"  # not in Renstra
    wb[pk.sheet].cell(pk.first_row + 5, pk.index("target")).value = 5
    wb.save(src)
    out = tmp_path / "out.xlsx"
    report = measure(src, out)
    got = {(f.code, f.location) for f in report.findings}
    assert ("lembar-tambahan-disalin", "Catatan") in got
    assert ("objek-tidak-terbawa", "PK") in got
    assert ("sel-di-luar-tabel", "PK") in got
    assert ("baris-tidak-terbawa", f"PK!A{pk.first_row + 5}") in got
    copied = openpyxl.load_workbook(out)["Catatan"]
    assert [copied["A1"].value, copied["B2"].value] == ["catatan rapat", 42]
    assert copied["C3"].value is None or not str(copied["C3"].value).startswith("=")
    assert report.exit_code() == 0


# ---------------------------------------------------------------- LibreOffice, the real client
def _lo() -> Any:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice not installed")
    return libreoffice


@pytest.mark.libreoffice
def test_libreoffice_recalculation_equals_cache(denpasar_out: Path, tmp_path: Path) -> None:
    _lo()
    from tests.lo_compare import mismatches

    n, bad = mismatches(denpasar_out, tmp_path / "lo")
    assert n > 5000 and bad == []


@pytest.mark.libreoffice
def test_libreoffice_partial_year_equals_cache(tmp_path: Path) -> None:
    _lo()
    from tests.lo_compare import mismatches

    src = _generate(RULES, tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    assert measure(src, out, triwulan=2).exit_code() == 0
    n, bad = mismatches(out, tmp_path / "lo")
    assert n > 1000 and bad == []


@pytest.mark.libreoffice
def test_workbook_without_computed_sheets_comes_back_whole(tmp_path: Path) -> None:
    lo = _lo()
    from tests.lo_compare import mismatches

    src = _generate(DENPASAR, tmp_path / "in.xlsx")
    wb = openpyxl.load_workbook(src)
    for name in COMPUTED:
        del wb[name]
    wb.save(tmp_path / "broken.xlsx")
    filled = lo.recalculate(tmp_path / "broken.xlsx", tmp_path / "lo1")  # as saved by Calc
    assert not set(COMPUTED) & set(openpyxl.load_workbook(filled).sheetnames)
    out = tmp_path / "whole.xlsx"
    report = measure(filled, out)
    assert report.exit_code() == 0
    names = openpyxl.load_workbook(out).sheetnames
    assert set(COMPUTED) <= set(names)
    assert {KINERJA_SHEET, ANGGARAN_SHEET, CHART_SHEET} <= set(names)
    n, bad = mismatches(out, tmp_path / "lo2")
    assert bad == []
    assert export_workbook(out)["pengukuran"] == export_workbook(src)["pengukuran"]


@pytest.mark.libreoffice
def test_out_renders_to_pdf(denpasar_out: Path, tmp_path: Path) -> None:
    lo = _lo()
    pdf = lo.convert(denpasar_out, tmp_path, "pdf")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert pages > 0


def test_verify_of_out_is_clean(denpasar_out: Path) -> None:
    """measure(sample) then verify(OUT): no error and no warning (the report sheets are extra
    sheets the generic audit reads: only `sheet-tambahan` / plausibility notes remain, as info)."""
    from lkjip_xl.verify import verify

    report = verify(denpasar_out)
    assert (report.errors, report.warnings) == (0, 0), report.flatten("code", "location")
    assert set(report.codes()) <= {"sheet-tambahan", "realisasi-sama-target",
                                   "narasi-belum-lengkap"}


def test_computed_sheets_are_skimmed_unless_they_hold_more(tmp_path: Path) -> None:
    """measure rewrites the computed and report sheets: it leaves them unread, unless a value
    sits outside what the layout declares there, which is then named as not carried."""
    from lkjip_xl.measure.carry import rewritten_sheets
    from lkjip_xl.xlsx.stream import read_grid

    src = _generate(DENPASAR, tmp_path / "in.xlsx")
    once = tmp_path / "once.xlsx"
    assert measure(src, once).exit_code() == 0
    grid = read_grid(once, skim=rewritten_sheets())
    skimmed = {s.name for s in grid.sheets if s.skimmed}
    # computed and report sheets alike (a clean workbook's output has no DRAF sheet)
    assert skimmed == set(rewritten_sheets()) & set(grid.sheet_names)
    assert all(not s.cells for s in grid.sheets if s.skimmed)
    assert all(s.cells for s in grid.sheets if s.name == TABLES["PK"].sheet)  # inputs are read

    pkk, ae = TABLES["PKK"], TABLES["AE"]
    wb = openpyxl.load_workbook(once)
    wb[pkk.sheet].cell(pkk.first_row + 2, len(pkk.columns) + 3).value = "catatan auditor"
    wb[ae.sheet].cell(2, 5).value = 7  # above the table, not one of the layout's cells
    blank = wb[TABLES["AK"].sheet].cell(3, 30)
    blank.number_format = "0.00"  # a formatted empty cell: nothing to lose
    blank.value = None
    wb.save(once)
    grid = read_grid(once, skim=rewritten_sheets())
    read_whole = {s.name for s in grid.sheets if s.name in rewritten_sheets() and not s.skimmed}
    assert read_whole == {pkk.sheet, ae.sheet}
    report = measure(once, tmp_path / "twice.xlsx")
    stray = {f.location: f for f in report.findings if f.code == "sel-di-luar-tabel"}
    assert set(stray) == {quote_sheet(pkk.sheet), quote_sheet(ae.sheet)}
    assert report.exit_code() == 0
    # the report sheets were left unread, and are drawn again
    title = _values(tmp_path / "twice.xlsx")[KINERJA_SHEET]["A1"].value
    assert title == "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2019"


def _gappy(tmp_path: Path) -> tuple[Path, Any]:
    from tests.docgen import build

    dok = build(15, kinds=[("positif", "kumulatif"), ("negatif", "akhir"), ("positif", "rata_rata"),
                           ("rentang", "akhir")])
    src, out = tmp_path / "gap.xlsx", tmp_path / "gap-m.xlsx"
    write_workbook(dok, src)
    assert measure(src, out).exit_code() == 0
    return out, dok


def _chart_rows(path: Path) -> dict[str, list[tuple[Any, Any, Any]]]:
    """The quarterly chart data of the Grafik sheet: kode -> [(quarter, target, realisation)]."""
    from lkjip_xl.xlsx.stream import read_grid

    sg = read_grid(path).sheet(CHART_SHEET)
    assert sg is not None
    out: dict[str, list[tuple[Any, Any, Any]]] = {}
    kode = None
    header = next(r for r in range(1, 200) if sg.value(r, 3) == "Triwulan")
    for r in range(header + 1, header + 60):
        label = sg.value(r, 3)
        if not (isinstance(label, str) and label.startswith("TW ")):
            break
        kode = sg.value(r, 1) or kode
        out.setdefault(str(kode), []).append((label, sg.value(r, 4), sg.value(r, 5)))
    return out


def test_quarterly_charts_show_only_reported_quarters(tmp_path: Path) -> None:
    """No fake zeros: an unreported quarter is not plotted (Calc draws #N/A gaps as 0), and no
    #N/A is printed in the chart data; an indicator with no realisation shows its plan alone."""
    from lkjip_xl.xlsx.grid import ErrorValue
    from lkjip_xl.xlsx.stream import read_grid

    out, dok = _gappy(tmp_path)
    rows = _chart_rows(out)
    roman = ("I", "II", "III", "IV")
    for _, ind in dok.indikator():
        want = [f"TW {roman[q]}" for q in range(4) if ind.realisasi_tw[q] is not None]
        got = [q for q, _, _ in rows[ind.kode]]
        if want:
            assert got == want, ind.kode
            assert all(isinstance(r, (int, float)) for _, _, r in rows[ind.kode])
        else:  # nothing reported yet: the plan's quarters, no realisation drawn
            assert got and all(r is None for _, _, r in rows[ind.kode])
    assert any(len(v) < 4 for v in rows.values())  # the document does have unreported quarters
    grafik = read_grid(out).sheet(CHART_SHEET)
    assert grafik is not None
    assert not [k for k, c in grafik.cells.items() if isinstance(c.value, ErrorValue)]


@pytest.mark.libreoffice
def test_quarterly_chart_data_after_libreoffice_has_no_na(tmp_path: Path) -> None:
    lo = _lo()
    from lkjip_xl.xlsx.grid import ErrorValue
    from lkjip_xl.xlsx.stream import read_grid

    out, _ = _gappy(tmp_path)
    grafik = read_grid(lo.recalculate(out, tmp_path / "lo")).sheet(CHART_SHEET)
    assert grafik is not None
    assert not [k for k, c in grafik.cells.items() if isinstance(c.value, ErrorValue)]
    def rounded(rows: dict[str, list[tuple[Any, Any, Any]]]) -> Any:
        return {k: [tuple(round(x, 9) if isinstance(x, float) else x for x in t) for t in v]
                for k, v in rows.items()}

    assert rounded(_chart_rows(out)) == rounded(_chart_rows(tmp_path / "lo" / out.name))


# ---------------------------------------------------------------- DRAF: verify's rule (#22)
REPORT_MARKED = (KINERJA_SHEET, ANGGARAN_SHEET, CHART_SHEET)


def test_a_workbook_verify_fails_gives_a_draf_and_exit_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A percent target typed as a fraction (0,8 for 80 %): verify fails the workbook, laporan
    makes its document a DRAF; measure wrote capaian 10125 % "Sangat Tinggi" and exited 0."""
    from lkjip_xl.laporan import laporan
    from lkjip_xl.schema.report_tables import DRAF_SHEET
    from lkjip_xl.verify import verify

    src = _generate(DENPASAR, tmp_path / "isian.xlsx")
    pk = TABLES["PK"]
    wb = openpyxl.load_workbook(src)
    wb[pk.sheet].cell(pk.first_row, pk.index("target")).value = 0.8
    wb.save(src)
    where = f"{pk.sheet}!{pk.letter('target')}{pk.first_row}"
    before = src.read_bytes()
    out = tmp_path / "terukur.xlsx"
    assert run_main(["measure", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "DRAF" in err and where in err and "Traceback" not in err
    assert src.read_bytes() == before and out.exists()  # written all the same, input untouched
    assert laporan(src, tmp_path / "l.docx").draf  # the rule both follow
    book = openpyxl.load_workbook(out)
    draf = book[DRAF_SHEET]
    listed = [(r[1], r[2]) for r in draf.iter_rows(min_row=5, values_only=True) if r[1]]
    assert ("persen-skala-salah", where) in listed
    assert [f.code for f in verify(src).open_errors()] == [c for c, _ in listed]
    for name in REPORT_MARKED:
        ws = book[name]
        assert str(ws.cell(5, 1).value).startswith("DRAF: belum lolos verifikasi"), name
        assert "DRAF" in ws.oddHeader.center.text, name  # on every printed page
    # verify of the DRAF output knows its marks: no report cell "typed over"
    assert "laporan-diubah" not in verify(out).codes()
    # the DRAF output measured again: its DRAF sheet is measure's own, drawn again, not copied
    again = tmp_path / "lagi.xlsx"
    assert run_main(["measure", str(out), "-o", str(again)]) == 1
    capsys.readouterr()
    from lkjip_xl.measure.verified import measure_verified

    codes = measure_verified(out, again, force=True).codes()  # nothing taken for the user's
    assert "lembar-tambahan-disalin" not in codes and "format-tidak-terbawa" not in codes
    assert openpyxl.load_workbook(again).sheetnames.count(DRAF_SHEET) == 1
    # fixed and measured again: final, no DRAF left anywhere
    wb = openpyxl.load_workbook(src)
    wb[pk.sheet].cell(pk.first_row, pk.index("target")).value = 66
    wb.save(src)
    assert run_main(["measure", str(src), "-o", str(again), "--force"]) == 0
    book = openpyxl.load_workbook(again)
    assert DRAF_SHEET not in book.sheetnames
    for name in REPORT_MARKED:
        assert "DRAF" not in (book[name].oddHeader.center.text or "")
        assert book[name].cell(5, 1).value is None


def test_help_documents_the_draf_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["measure", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "DRAF" in text and "1 DRAF" in text and "Temuan Terbuka" in text


def test_an_indicator_code_repeated_under_another_owner_is_carried_silently(tmp_path: Path
                                                                            ) -> None:
    """*Indikator Program*'s codes are unique per owner (the table's `unique`), not per sheet:
    output "1" of two programmes is two rows, not a duplicate; the same owner's twice still is."""
    from tests.test_indikator_program_sheet import cascade

    ip = TABLES["IP"]
    src = tmp_path / "in.xlsx"
    write_workbook(cascade(), src)  # indicator "1" under P1 and under P2
    dropped = [f for f in measure(src, tmp_path / "out.xlsx").findings
               if f.code == "baris-tidak-terbawa"]
    assert dropped == []
    wb = openpyxl.load_workbook(src)
    ws = wb[ip.sheet]
    row = ip.first_row + 5  # the first empty row: P1's indicator "1" once more
    for key, value in (("kode_program", "P1"), ("kode", "1"), ("uraian", "lagi")):
        ws.cell(row, ip.index(key)).value = value
    wb.save(src)
    got = {(f.code, f.location) for f in measure(src, tmp_path / "out2.xlsx").findings}
    assert ("baris-tidak-terbawa", f"'{ip.sheet}'!D{row}") in got
