"""What people do to a workbook, done in LibreOffice itself (python3-uno), and what verify says.

Each class is made the way a person makes it: typed into Calc, recalculated and saved by Calc, so
the cached values are the spreadsheet's own and the only trace is the one the act leaves. The
finding must sit at the cell the person has to change, with the severity an auditor needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.sheets import PENGATURAN, PENGATURAN_FIELDS
from lkjip_xl.verify import verify
from lkjip_xl.workbook.expected import input_rows
from lkjip_xl.workbook.write import write_workbook
from tests.test_differential import loud
from tests.test_typed_in_libreoffice import _uno_missing, type_into

ROOT = Path(__file__).resolve().parent.parent
KG, RK = TABLES["KG"], TABLES["RK"]


@pytest.fixture(autouse=True)
def _needs_uno() -> None:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)


def _book(tmp_path: Path, sample: str) -> tuple[Path, dict[str, list[dict[str, object]]]]:
    dok = dataformat.load(ROOT / "samples" / f"{sample}.yaml")
    out = tmp_path / f"{sample}.xlsx"
    write_workbook(dok, out)
    return out, input_rows(dok)


def _cell(table_key: str, key: str, n: int) -> str:
    t = TABLES[table_key]
    return f"{t.letter(key)}{t.first_row + n}"


def _one(path: Path, code: str) -> tuple[str, str]:
    hits = [(f.location, f.severity) for f in verify(path).findings if f.code == code]
    assert len(hits) == 1, verify(path).flatten("code", "location", "severity")
    return hits[0]


def test_formula_filled_down_over_budget_realisation(tmp_path: Path) -> None:
    src, rows = _book(tmp_path, "denpasar_2019")
    edits = [(KG.sheet, _cell("KG", "realisasi", n), f"={_cell('KG', 'anggaran', n)}*0.9")
             for n in range(4)]
    damaged = type_into(src, tmp_path / "isi-rumus.xlsx", edits)
    where, severity = _one(damaged, "rumus-di-isian")
    assert where == f"'{KG.sheet}'!{_cell('KG', 'realisasi', 0)}:{_cell('KG', 'realisasi', 3)}"
    assert severity == "error"


def test_subtotal_row_typed_inside_the_kegiatan_table(tmp_path: Path) -> None:
    src, rows = _book(tmp_path, "denpasar_2019")
    kg = rows["KG"]
    p5 = [r for r in kg if r["kode_program"] == "P5"]
    spare = len(kg)
    values = {"kode_program": "P5", "kode_kegiatan": "P5.99", "uraian": "Jumlah program 5",
              "anggaran": sum(float(r["anggaran"]) for r in p5),  # type: ignore[arg-type]
              "realisasi": sum(float(r["realisasi"]) for r in p5)}  # type: ignore[arg-type]
    edits = [(KG.sheet, _cell("KG", k, spare), str(v)) for k, v in values.items()]
    damaged = type_into(src, tmp_path / "subtotal.xlsx", edits)
    assert _one(damaged, "baris-subtotal") == (f"'{KG.sheet}'!{_cell('KG', 'anggaran', spare)}",
                                              "error")


def test_sub_kegiatan_not_adding_up(tmp_path: Path) -> None:
    src, rows = _book(tmp_path, "synthetic_rules")
    kg = rows["KG"]
    n = next(i for i, r in enumerate(kg) if r["kode_sub"] is None and i + 1 < len(kg)
             and kg[i + 1]["kode_sub"] is not None)
    stated = float(kg[n]["anggaran"]) + 50_000_000  # type: ignore[arg-type]
    damaged = type_into(src, tmp_path / "sub.xlsx", [(KG.sheet, _cell("KG", "anggaran", n),
                                                      str(stated))])
    assert _one(damaged, "sub-kegiatan-tidak-cocok") == (
        f"'{KG.sheet}'!{_cell('KG', 'anggaran', n)}", "error")


def test_annual_realisation_contradicting_its_quarters(tmp_path: Path) -> None:
    src, rows = _book(tmp_path, "synthetic_rules")
    n = next(i for i, r in enumerate(rows["RK"]) if r["r4"] is not None
             and r["realisasi"] is not None)
    wrong = float(rows["RK"][n]["realisasi"]) * 1.05  # type: ignore[arg-type]
    damaged = type_into(src, tmp_path / "tahunan.xlsx", [(RK.sheet, _cell("RK", "realisasi", n),
                                                          f"{wrong:.4f}")])
    assert _one(damaged, "tw-beda-tahunan") == (f"'{RK.sheet}'!{_cell('RK', 'realisasi', n)}",
                                               "warning")


def test_cap_typed_as_a_percentage(tmp_path: Path) -> None:
    src, _ = _book(tmp_path, "denpasar_2019")
    row = next(f.row for f in PENGATURAN_FIELDS if f.key == "batas_capaian")
    damaged = type_into(src, tmp_path / "batas.xlsx", [(PENGATURAN, f"B{row}", "120%")])
    findings = [f for f in verify(damaged).findings if f.code == "persen-skala-salah"]
    assert [(f.location, f.severity, f.expected) for f in findings] == [
        (f"{PENGATURAN}!B{row}", "error", 120.0)]


def test_legitimate_edits_stay_quiet(tmp_path: Path) -> None:
    """A PK revision done right (revised target with its reason) and a spare kegiatan row filled:
    no error, no warning."""
    src, rows = _book(tmp_path, "denpasar_2019")
    spare = len(rows["KG"])
    edits = [(TABLES["PK"].sheet, _cell("PK", "target_perubahan", 0), "64"),
             (TABLES["PK"].sheet, _cell("PK", "alasan_perubahan", 0), "Refocusing anggaran"),
             (TABLES["RA"].sheet, _cell("RA", "t4", 0), "64"),  # the plan follows the revision
             (KG.sheet, _cell("KG", "kode_program", spare), "P5"),
             (KG.sheet, _cell("KG", "kode_kegiatan", spare), "P5.04"),
             (KG.sheet, _cell("KG", "uraian", spare), "Kegiatan tambahan"),
             (KG.sheet, _cell("KG", "anggaran", spare), "15000000"),
             (KG.sheet, _cell("KG", "realisasi", spare), "14250000")]
    edited = type_into(src, tmp_path / "sah.xlsx", edits)
    assert loud(edited) == []


def test_a_percentage_typed_as_a_fraction_in_two_cells(tmp_path: Path) -> None:
    """0.66 for 66 in TW IV and in the year: each used to hide the other."""
    src, rows = _book(tmp_path, "denpasar_2019")
    n = next(i for i, r in enumerate(rows["RK"]) if float(r["realisasi"] or 0) > 1)  # type: ignore[arg-type]
    real = float(rows["RK"][n]["realisasi"]) / 100  # type: ignore[arg-type]
    edits = [(RK.sheet, _cell("RK", "realisasi", n), str(real)),
             (RK.sheet, _cell("RK", "r4", n), str(real))]
    damaged = type_into(src, tmp_path / "pecahan.xlsx", edits)
    hits = sorted((f.location, f.severity) for f in verify(damaged).findings
                  if f.code == "persen-skala-salah")
    assert hits == sorted([(f"'{RK.sheet}'!{_cell('RK', 'realisasi', n)}", "error"),
                           (f"'{RK.sheet}'!{_cell('RK', 'r4', n)}", "error")])


def test_one_budget_line_in_thousands(tmp_path: Path) -> None:
    src, rows = _book(tmp_path, "denpasar_2019")
    n = 3
    thousands = float(rows["KG"][n]["anggaran"]) / 1000  # type: ignore[arg-type]
    damaged = type_into(src, tmp_path / "ribuan.xlsx",
                        [(KG.sheet, _cell("KG", "anggaran", n), str(thousands))])
    hits = [(f.location, f.severity) for f in verify(damaged).findings
            if f.code == "anggaran-skala-ribuan"]
    assert hits == [(f"'{KG.sheet}'!{_cell('KG', 'anggaran', n)}", "warning")]


def test_a_code_with_a_stray_space_is_reported_at_the_input(tmp_path: Path) -> None:
    """'S1.1 ' in PK: MATCH finds nothing, the indicator's figures stay empty in Calc; verify
    reads it the same way, so the one finding is the input, not every computed cell."""
    src, _ = _book(tmp_path, "denpasar_2019")
    pk = TABLES["PK"]
    damaged = type_into(src, tmp_path / "spasi.xlsx", [(pk.sheet, _cell("PK", "kode", 0), "S1.1 ")])
    report = verify(damaged)
    assert [(f.code, f.location, f.severity) for f in report.findings if f.severity != "info"] == [
        ("kode-berspasi", f"{pk.sheet}!{_cell('PK', 'kode', 0)}", "error")]


def test_a_code_in_another_case_is_what_excel_matches(tmp_path: Path) -> None:
    """'s1.1' for 'S1.1': MATCH is case-insensitive, so Calc computes the indicator; verify
    agrees and says nothing."""
    src, _ = _book(tmp_path, "denpasar_2019")
    pk = TABLES["PK"]
    edited = type_into(src, tmp_path / "huruf.xlsx", [(pk.sheet, _cell("PK", "kode", 0), "s1.1")])
    assert loud(edited) == []
