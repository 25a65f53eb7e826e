"""A year computed from fewer quarters than due (issue #21, item 1): one fact in every view.

The new user's case: three quarters typed, then nothing (TW IV and the annual cell empty) on an
`akhir` indicator. verify warns at the TW IV cell naming the value the measurement used; the same
workbook's Bab III (measure), the LKjIP document (laporan) and the carry-over (`new --from`) say
that the year is incomplete; mid-year (`--triwulan 3`) the same workbook is complete. The typed
version goes through LibreOffice (python3-uno) as staff type it.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from lkjip_xl.cli import run_main
from lkjip_xl.core import domain as d
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.year_end import partial_years
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.report_tables import KINERJA_SHEET
from lkjip_xl.verify import verify
from lkjip_xl.workbook.export import export_workbook
from lkjip_xl.workbook.generate import new_workbook
from tests.test_code_lists import run_probe
from tests.test_typed_in_libreoffice import (
    _uno_missing,
    edits_for,
    new_user_document,
    type_into,
)

RK = TABLES["RK"]


# ---------------------------------------------------------------- the domain rule
@pytest.mark.parametrize(("values", "agregasi", "nilai_tw", "sampai", "want"), [
    ([72, 74, 75, None], "akhir", "kumulatif", 4, ((3,), (2,), 75)),
    ([72, 74, 75, 78], "akhir", "kumulatif", 4, None),
    ([72, None, None, None], "akhir", "kumulatif", 4, ((3,), (0,), 72)),
    ([10, 20, 30, None], "kumulatif", "kumulatif", 4, ((3,), (2,), 30)),
    ([10, None, 10, 10], "kumulatif", "per_triwulan", 4, ((1,), (0, 2, 3), 30)),
    ([80, 80, None, 90], "rata_rata", "kumulatif", 4, ((2,), (0, 1, 3), 250 / 3)),
    ([72, 74, 75, None], "akhir", "kumulatif", 3, None),  # mid-year: TW IV is not due
    ([72, 74, None, None], "akhir", "kumulatif", 3, ((2,), (1,), 74)),
    ([None, None, None, None], "akhir", "kumulatif", 4, ((3,), (), None)),
])
def test_tahun_kurang(values: list[float | None], agregasi: str, nilai_tw: str, sampai: int,
                      want: tuple[tuple[int, ...], tuple[int, ...], float | None] | None) -> None:
    got = d.tahun_kurang(None, values, agregasi, nilai_tw, sampai)
    if want is None:
        assert got is None
    else:
        assert got is not None and (got.kosong, got.dari) == want[:2]
        assert got.dipakai == pytest.approx(want[2]) if want[2] is not None else got.dipakai is None


def _document_text(path: Path, tmp_path: Path) -> str:
    """The LKjIP document of a workbook (laporan exits 0: no error is open), its paragraphs."""
    docx = tmp_path / "LKjIP.docx"
    assert run_main(["laporan", str(path), "-o", str(docx)]) == 0
    return "\n".join(p.text for p in Document(str(docx)).paragraphs)


def test_a_stated_annual_value_is_the_year() -> None:
    assert d.tahun_kurang(76.5, [72, 74, 75, None], "akhir", "kumulatif") is None


# ---------------------------------------------------------------- the views of one workbook
def three_quarters_then_nothing() -> Dokumen:
    """The new user's document with S1.1 (akhir) reported for TW I-III only."""
    dok = new_user_document()
    i = dok.sasaran[0].indikator[0]
    assert (i.kode, i.agregasi) == ("S1.1", "akhir")
    i.realisasi, i.realisasi_tw = None, [72.0, 74.0, 75.0, None]
    for other in (dok.sasaran[0].indikator[1], dok.sasaran[1].indikator[0]):
        other.realisasi_tw = [other.realisasi] * 4  # complete: its year is its TW IV
    return dok


def _rk_cell(key: str, n: int = 0) -> str:
    return f"'{RK.sheet}'!{RK.letter(key)}{RK.first_row + n}"


def _check_views(path: Path, tmp_path: Path) -> None:
    """verify, measure, laporan and new --from on a workbook where S1.1 stops after TW III."""
    report = verify(path)
    warned = [f for f in report.findings if f.severity != "info"]
    assert [(f.code, f.location) for f in warned] == [("tahun-belum-lengkap", _rk_cell("r4"))]
    msg = warned[0].message("id")
    assert "TW IV kosong" in msg and "TW III saja = 75" in msg and "S1.1" in msg
    assert "TW IV is empty" in warned[0].message("en")
    assert report.verdict() == "lulus" and report.exit_code(strict=True) == 1
    # mid-year: an auditor checking a TW III report is told nothing about TW IV
    mid = verify(path, triwulan=3)
    assert [f.code for f in mid.findings if f.severity != "info"] == []
    assert run_main(["verify", str(path), "--triwulan", "3", "--strict"]) == 0
    assert run_main(["verify", str(path), "--strict"]) == 1

    # measure: the warning on stderr, and Bab III says so under Table 3.1
    measured = tmp_path / "terukur.xlsx"
    assert run_main(["measure", str(path), "-o", str(measured)]) == 0
    ws = load_workbook(measured)[KINERJA_SHEET]
    notes = [str(c.value) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("Tahun belum lengkap")]
    assert notes == ["Tahun belum lengkap (s.d. TW IV): S1.1 (TW IV kosong, dihitung dari "
                     "TW III). Realisasinya dihitung dari triwulan yang sudah dilaporkan saja; "
                     "capaian dan predikatnya belum final."]
    # the measured workbook's own report sheets agree with themselves (verify rewrites them)
    assert [f.code for f in verify(measured).findings if f.severity == "error"] == []
    mid_measured = tmp_path / "tw3.xlsx"
    assert run_main(["measure", str(path), "-o", str(mid_measured), "--triwulan", "3"]) == 0
    ws = load_workbook(mid_measured)[KINERJA_SHEET]
    assert not any(isinstance(c.value, str) and c.value.startswith("Tahun belum lengkap")
                   for row in ws.iter_rows() for c in row)
    # verify reads the quarter a measured workbook was measured to, and the quarters measure
    # blanked after it are no deleted formulas (they were 180 rumus-dihapus errors)
    mid_report = verify(mid_measured)
    assert mid_report.stats["triwulan"] == 3
    assert [f.code for f in mid_report.findings if f.severity != "info"] == []
    ptw = TABLES["PTW"]
    wb = load_workbook(mid_measured)
    for key in ("r3", "r4"):  # a formula of a quarter still due, one of a blanked quarter
        wb[ptw.sheet][f"{ptw.letter(key)}{ptw.first_row}"] = None
    wb.save(tmp_path / "tw3-rusak.xlsx")
    gone = [f.location for f in verify(tmp_path / "tw3-rusak.xlsx").findings
            if f.code == "rumus-dihapus"]
    assert gone == [f"'{ptw.sheet}'!{ptw.letter('r3')}{ptw.first_row}"]

    # laporan: the document says it under Table 3.1
    text = _document_text(path, tmp_path)
    assert "Tahun belum lengkap (s.d. TW IV): S1.1 (TW IV kosong, dihitung dari TW III)" in text

    # new --from: the partial year is not carried into Realisasi N-1, and the planner is told
    nxt = tmp_path / "2026.xlsx"
    assert run_main(["new", "--from", str(path), "--tahun", "2026", "-o", str(nxt)]) == 0
    carried = {i["kode"]: i for s in export_workbook(nxt)["sasaran"] for i in s["indikator"]}
    assert 2025 not in (carried["S1.1"].get("realisasi_lalu") or {})
    assert carried["S1.2"]["realisasi_lalu"][2025] == 93.5


def test_three_quarters_then_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "isian.xlsx"
    new_workbook(three_quarters_then_nothing(), path)
    _check_views(path, tmp_path)
    err = capsys.readouterr().err
    # measure said it on stderr (verify's warning), new --from too
    assert "TW IV kosong di 'Realisasi Kinerja'!F5 dan realisasi tahunan juga kosong" in err
    assert "tahun 2025 belum lengkap, Realisasi N-1 dibiarkan kosong" in err
    assert "S1.1 (TW IV kosong, dihitung dari TW III)" in err


def test_a_batch_takes_the_quarter_too(tmp_path: Path) -> None:
    """The planning unit checking every agency's TW III report at once."""
    for name in ("a.xlsx", "b.xlsx"):
        new_workbook(three_quarters_then_nothing(), tmp_path / name)
    files = [str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")]
    assert run_main(["verify", *files, "--jobs", "1", "--strict"]) == 1
    assert run_main(["verify", *files, "--jobs", "1", "--strict", "--triwulan", "3"]) == 0


def test_a_deleted_realisation_row_is_a_warning(tmp_path: Path) -> None:
    dok = three_quarters_then_nothing()
    dok.sasaran[0].indikator[0].realisasi = 76.5  # complete, so only the missing row speaks
    path = tmp_path / "isian.xlsx"
    new_workbook(dok, path)
    wb = load_workbook(path)
    ws = wb[RK.sheet]
    ws.delete_rows(RK.first_row + 1)  # S1.2's row, as a user deletes it (formulas keep theirs)
    wb.save(path)
    got = [(f.code, f.severity, f.location) for f in verify(path).findings
           if f.code == "realisasi-tanpa-baris"]
    pk = TABLES["PK"]
    assert got == [("realisasi-tanpa-baris", "warning", f"PK!{pk.letter('kode')}{pk.first_row + 1}")]


@pytest.mark.libreoffice
def test_a_realisation_row_deleted_in_calc(tmp_path: Path) -> None:
    """The issue's case: the row deleted in LibreOffice passed with only the info kelengkapan
    (the computed sheets find rows by code, so nothing else changes)."""
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    dok = three_quarters_then_nothing()
    dok.sasaran[0].indikator[0].realisasi = 76.5
    src, dst = tmp_path / "isian.xlsx", tmp_path / "dihapus.xlsx"
    new_workbook(dok, src)
    run_probe(tmp_path, src=str(src), dst=str(dst), ops=[["delete_row", RK.sheet, RK.first_row + 1]])
    report = verify(dst)
    pk = TABLES["PK"]
    assert [(f.code, f.location) for f in report.findings if f.severity != "info"] == [
        ("realisasi-tanpa-baris", f"PK!{pk.letter('kode')}{pk.first_row + 1}")]
    assert "S1.2" in report.findings[report.codes().index("realisasi-tanpa-baris")].message("id")


def test_nothing_reported_yet_stays_an_info() -> None:
    """A row with nothing typed is not reported yet (the differential documents' `belum-lapor`):
    nothing is measured from it, so it is no partial year."""
    dok = three_quarters_then_nothing()
    i = dok.sasaran[0].indikator[0]
    i.realisasi_tw = [None] * 4
    assert partial_years(dok) == {}
    assert "S1.1" in partial_years(three_quarters_then_nothing())
    assert partial_years(copy.deepcopy(three_quarters_then_nothing()), 3) == {}


@pytest.mark.libreoffice
def test_three_quarters_typed_in_libreoffice(tmp_path: Path) -> None:
    """The new user types TW I-III of S1.1 in Calc and stops; every view says so."""
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    template = tmp_path / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "-o", str(template)]) == 0
    typed = type_into(template, tmp_path / "diketik.xlsx", edits_for(three_quarters_then_nothing()))
    _check_views(typed, tmp_path)


# ---------------------------------------------------------------- the review's findings
def _loud(path: Path, triwulan: int | None = None) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in verify(path, triwulan=triwulan).findings
            if f.severity != "info"]


def test_mid_year_says_mid_year_words(tmp_path: Path) -> None:
    """`--triwulan 3` with TW III empty: the capaian to TW III comes from TW II; no annual cell,
    no carry-over, no advice to run with the option it was run with."""
    dok = three_quarters_then_nothing()
    dok.sasaran[0].indikator[0].realisasi_tw = [72.0, 74.0, None, None]
    path = tmp_path / "tw3.xlsx"
    new_workbook(dok, path)
    report = verify(path, triwulan=3)
    got = [f for f in report.findings if f.severity != "info"]
    assert [(f.code, f.location) for f in got] == [("triwulan-belum-lengkap", _rk_cell("r3"))]
    msg = got[0].message("id")
    assert msg.startswith("Indikator S1.1: TW III kosong di 'Realisasi Kinerja'!E5, sehingga "
                          "capaian s.d. TW III dihitung dari TW II saja = 74")
    assert msg.endswith("Isi TW III")
    for wrong in ("tahunan", "tahun berikutnya", "--triwulan", "lengkap"):
        assert wrong not in msg
    assert "--triwulan" not in got[0].message("en") and "annual" not in got[0].message("en")


def test_an_empty_row_and_a_deleted_row_are_one_rule(tmp_path: Path) -> None:
    """At year end in a workbook with anything reported, both are warnings at the cell to fill;
    mid-year neither is."""
    dok = three_quarters_then_nothing()
    dok.sasaran[0].indikator[0].realisasi = 76.5
    empty = dok.sasaran[0].indikator[1]
    empty.realisasi, empty.realisasi_tw = None, [None] * 4
    path = tmp_path / "kosong.xlsx"
    new_workbook(dok, path)
    assert _loud(path) == [("realisasi-kosong", _rk_cell("realisasi", 1))]
    msg = next(f for f in verify(path).findings if f.code == "realisasi-kosong").message("id")
    assert "S1.2" in msg and "belum diisi" in msg
    for q in (1, 2, 3):
        assert _loud(path, q) == []
    wb = load_workbook(path)
    wb[RK.sheet].delete_rows(RK.first_row + 1)  # openpyxl leaves the formulas: only codes count
    wb.save(tmp_path / "dihapus.xlsx")
    pk = TABLES["PK"]
    year_end = ("realisasi-tanpa-baris", "realisasi-kosong")
    assert [x for x in _loud(tmp_path / "dihapus.xlsx") if x[0] in year_end] == [
        ("realisasi-tanpa-baris", f"PK!{pk.letter('kode')}{pk.first_row + 1}")]
    assert [x for x in _loud(tmp_path / "dihapus.xlsx", 1) if x[0] in year_end] == []


def test_nothing_reported_yet_is_no_warning(tmp_path: Path) -> None:
    """PK typed, Realisasi not yet (verdict BELUM DIISI): no row missing is reported, deleted
    or empty."""
    dok = three_quarters_then_nothing()
    for _, i in dok.indikator():
        i.realisasi, i.realisasi_tw = None, [None] * 4
    for _, k in dok.kegiatan():
        k.realisasi, k.realisasi_tw = None, [None] * 4
    path = tmp_path / "pk-saja.xlsx"
    new_workbook(dok, path)
    report = verify(path)
    assert report.verdict() == "belum-diisi"
    assert [f.code for f in report.findings if f.severity != "info"] == []
    wb = load_workbook(path)
    wb[RK.sheet].delete_rows(RK.first_row + 1)  # openpyxl leaves the formulas: only codes count
    wb.save(tmp_path / "dihapus.xlsx")
    assert [x for x in _loud(tmp_path / "dihapus.xlsx")
            if x[0] in ("realisasi-tanpa-baris", "realisasi-kosong")] == []


@pytest.mark.parametrize(("targets", "values", "agregasi", "nilai_tw", "want"), [
    # per semester: TW I and TW III have no target, so they are not due
    ([None, 80, None, 82], [None, 81, None, 83], "rata_rata", "kumulatif", None),
    ([None, 40, None, 100], [None, 45, None, 55], "kumulatif", "per_triwulan", None),
    ([None, 80, None, 82], [None, 81, None, None], "rata_rata", "kumulatif", (3,)),
    ([None, 80, None, 82], [None, 81, None, None], "akhir", "kumulatif", (3,)),
    ([None] * 4, [None, 81, None, 83], "rata_rata", "kumulatif", (0, 2)),  # no plan: all due
])
def test_a_quarter_without_a_target_is_not_due(targets: list[float | None],
                                               values: list[float | None], agregasi: str,
                                               nilai_tw: str, want: tuple[int, ...] | None) -> None:
    got = d.tahun_kurang(None, values, agregasi, nilai_tw, 4, targets)
    assert (got.kosong if got else None) == want


def test_an_indicator_reported_per_semester_passes(tmp_path: Path) -> None:
    dok = three_quarters_then_nothing()
    dok.sasaran[0].indikator[0].realisasi_tw = [72.0, 74.0, 75.0, 76.0]
    i = dok.sasaran[0].indikator[1]
    assert i.agregasi == "rata_rata"
    i.target_tw = [None, i.target, None, i.target]
    i.realisasi, i.realisasi_tw = None, [None, 93.0, None, 94.0]
    path = tmp_path / "semester.xlsx"
    new_workbook(dok, path)
    assert partial_years(dok) == {}
    assert _loud(path) == []


def _quarters_without_the_year() -> Dokumen:
    dok = three_quarters_then_nothing()
    dok.sasaran[0].indikator[0].realisasi_tw = [72.0, 74.0, 75.0, 76.0]
    for _, k in dok.kegiatan():
        k.realisasi_tw = [k.realisasi / 4 * q if k.realisasi else None for q in (1, 2, 3, 4)]
    k = dok.kegiatan()[0][1]
    k.realisasi, k.realisasi_tw = None, [10_000_000.0, 20_000_000.0, 30_000_000.0, None]
    return dok


def test_spending_quarters_without_the_year(tmp_path: Path) -> None:
    """A kegiatan with TW I-III spending and the annual cell empty: the workbook's formulas count
    its year as not spent (they read the annual cell only), so verify warns there."""
    dok = _quarters_without_the_year()
    path = tmp_path / "anggaran.xlsx"
    new_workbook(dok, path)
    kg = TABLES["KG"]
    where = f"'{kg.sheet}'!{kg.letter('realisasi')}{kg.first_row}"
    report = verify(path)
    got = [f for f in report.findings if f.severity != "info"]
    assert [(f.code, f.location) for f in got] == [("anggaran-tahun-kosong", where)]
    assert "TW I, TW II, TW III" in got[0].message("id") and "P1.01" in got[0].message("id")
    assert _loud(path, 3) == []  # mid-year the annual cell is not due
    text = _document_text(path, tmp_path)
    assert "Realisasi tahunan 1 kegiatan belum dilaporkan (P1.01" in text
    assert "Rp  " not in text and "atau  dari" not in text


def test_no_spending_reported_is_said_not_printed_empty(tmp_path: Path) -> None:
    dok = three_quarters_then_nothing()
    for _, k in dok.kegiatan():
        k.realisasi = None
    path = tmp_path / "tanpa-realisasi.xlsx"
    new_workbook(dok, path)
    text = _document_text(path, tmp_path)
    assert "realisasinya belum dilaporkan." in text
    assert "terealisasi Rp  " not in text and "atau  dari pagu" not in text


def test_the_document_does_not_present_a_partial_year_as_final(tmp_path: Path) -> None:
    path = tmp_path / "isian.xlsx"
    new_workbook(three_quarters_then_nothing(), path)
    text = _document_text(path, tmp_path)
    clause = "; 1 (satu) indikator belum lengkap (TW IV belum dilaporkan)."
    # the ikhtisar and Bab IV (which quotes the sentence)
    assert text.count(clause) == 2, text
