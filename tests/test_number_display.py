"""The one rule for how numbers are shown (core/number_display.py), table by table, and the
message renderer that applies it (catalogue)."""

from __future__ import annotations

import pytest

from lkjip_xl.catalogue import render_message, render_value
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen, Indikator, Sasaran
from lkjip_xl.core.number_display import excel_format, pair, tampil
from lkjip_xl.schema.formats import LABEL_FORMATS, NUMBER_FORMATS, REPORT_NUMBER_FORMATS
from lkjip_xl.verify.causes import completeness

# (value, kind, Indonesian, English)
CASES = [
    (99.54268293, "percent", "99,54", "99.54"),
    (100.509977827051, "percent", "100,51", "100.51"),
    (100, "percent", "100,00", "100.00"),
    (10125.0, "percent", "10.125,00", "10,125.00"),
    (0.285, "percent", "0,29", "0.29"),  # half up on the digits as printed, not the double
    (-0.001, "percent", "0,00", "0.00"),  # never "-0,00"
    (-6.63, "percent", "-6,63", "-6.63"),
    (6.62934, "points", "6,63", "6.63"),
    (7.7658, "points", "7,77", "7.77"),
    (4.113, "points", "4,11", "4.11"),
    (1250000.0, "money", "1.250.000", "1,250,000"),
    (2072337900, "money", "2.072.337.900", "2,072,337,900"),
    (1463523490.5, "money", "1.463.523.491", "1,463,523,491"),
    (999, "money", "999", "999"),
    (-5000000, "money", "-5.000.000", "-5,000,000"),
    (1204, "count", "1.204", "1,204"),
    (12, "int", "12", "12"),
    (66.5, "number", "66,5", "66.5"),
    (0.8, "number", "0,8", "0.8"),
    (66.0, "number", "66", "66"),
    (80.66666667, "number", "80,67", "80.67"),
    (0.494, "number", "0,49", "0.49"),
    (1250000.0, "number", "1.250.000", "1,250,000"),
    (1e-12, "number", "0", "0"),
    (0.385, "typed", "0,385", "0.385"),
    (1250000.0, "typed", "1.250.000", "1,250,000"),
    (1350962018.0, "entry", "1350962018", "1350962018"),
    (0.5, "entry", "0,5", "0.5"),
    (2019, "year", "2019", "2019"),
    (2019.0, "year", "2019", "2019"),
    (None, "percent", "", ""),
    ("S1.1", "number", "S1.1", "S1.1"),
    (True, "number", "True", "True"),
]


@pytest.mark.parametrize(("value", "kind", "id_", "en"), CASES)
def test_each_kind_in_both_languages(value: object, kind: str, id_: str, en: str) -> None:
    assert tampil(value, kind, "id") == id_
    assert tampil(value, kind, "en") == en


@pytest.mark.parametrize(("a", "b", "kind", "expected"), [
    (99.54268293, 99.5426829, "percent", ("99,54268293", "99,54268290")),
    (100.001, 100.0, "percent", ("100,001", "100,000")),
    (107.5, 100, "percent", ("107,50", "100,00")),
    (66.0, 66.004, "number", ("66", "66,004")),  # a unit value drops its zeros
    (1463524490.0, 1463523490.0, "money", ("1.463.524.490", "1.463.523.490")),
    (1463523490.4, 1463523490.0, "money", ("1.463.523.490,4", "1.463.523.490,0")),
    # equal to 10 decimals: float noise, not a difference
    (0.1 + 0.2, 0.3, "percent", ("0,30", "0,30")),
])
def test_pair_tells_two_compared_numbers_apart(a: float, b: float, kind: str,
                                               expected: tuple[str, str]) -> None:
    assert pair(a, b, kind, "id") == expected


@pytest.mark.parametrize(("kind", "code"), [
    ("percent", "#,##0.00"), ("points", "#,##0.00"), ("money", "#,##0"), ("count", "#,##0"),
    ("number", "#,##0.##"), ("typed", "#,##0.####"), ("year", "0"), ("entry", "0.####"),
])
def test_workbook_format_codes_follow_the_rule(kind: str, code: str) -> None:
    assert excel_format(kind) == code


def test_every_workbook_format_comes_from_the_rule() -> None:
    assert NUMBER_FORMATS["points"] == REPORT_NUMBER_FORMATS["points"] == "#,##0.00"
    assert NUMBER_FORMATS["percent"] == '#,##0.00" %"'
    assert NUMBER_FORMATS["money"] == '"Rp "#,##0' and REPORT_NUMBER_FORMATS["money"] == "#,##0"
    assert NUMBER_FORMATS["year"] == "0"  # a year is never grouped: 2019, not 2.019
    assert LABEL_FORMATS == {"percent": "#,##0.00", "number": "#,##0.##"}


def test_messages_take_the_kind_from_the_template_the_cell_or_the_parameter() -> None:
    # the template names it: money
    f = Finding("realisasi-melebihi-anggaran", "error", "'Realisasi Anggaran'!F5",
                found=1609875839.0, expected=1463523490)
    assert render_message(f, "id") == ("Realisasi anggaran 1.609.875.839 di 'Realisasi "
                                       "Anggaran'!F5 melebihi pagu 1.463.523.490")
    assert "1,609,875,839" in render_message(f, "en")
    # the cell's column names it (verify sets number_kind): a capaian
    f = Finding("nilai-salah", "error", "'Pengukuran Kinerja'!K5", found=99.54268293,
                expected=100.509977827051, params={"number_kind": "percent"})
    assert render_message(f, "id") == ("Nilai di 'Pengukuran Kinerja'!K5 adalah 99,54, "
                                       "seharusnya 100,51 (dihitung ulang dari isian)")
    assert render_value(f, "found", "en") == "99.54"
    # neither: a value in the indicator's unit; counts and years by the parameter's name
    f = Finding("tw4-beda-target", "warning", "'Rencana Aksi'!F5", found=66, expected=0.66)
    assert render_message(f, "id").endswith("(66) tidak sama dengan target tahunan 0,66")
    f = Finding("belum-diisi", "info", params={"indikator": 1204, "kegiatan": 12})
    assert "tercatat 1.204 indikator dan 12 kegiatan" in render_message(f, "id")
    # kelengkapan's clauses are built before its message: the same counts, the same form
    dok = Dokumen(tahun=2025, sasaran=[Sasaran("S1", "s", indikator=[
        Indikator(f"S1.{n}", "i", realisasi=None if n == 1 else 1.0) for n in range(1, 1205)])])
    gap = next(f for f in completeness(dok, {}) if f.code == "kelengkapan")
    assert "1 dari 1.204 indikator" in render_message(gap, "id")
    assert "kegiatan" not in render_message(gap, "id")  # nothing missing there: no clause
    f = Finding("target-pk-beda-renstra", "warning", "PK!C5", found=0.66, expected=66,
                params={"tahun": 2019})
    assert "tahun 2019 (66)" in render_message(f, "id")
    # a number as staff should type it: never grouped
    f = Finding("angka-sebagai-teks", "warning", "PK!C5", found="Rp 1.463.523.490",
                expected=1463523490.0)
    assert "maksudnya mungkin 1463523490)" in render_message(f, "id")
    assert render_value(f, "expected", "id") == "1463523490"
    assert render_value(f, "found", "id") == "Rp 1.463.523.490"


def test_an_empty_value_reads_empty_in_each_language() -> None:
    f = Finding("rumus-ditimpa-salah", "error", "X!A1", found=None, expected=5.0)
    assert "(kosong)" in render_message(f, "id") and "(empty)" in render_message(f, "en")
    assert render_value(f, "found", "id") == ""


def test_a_data_file_hint_writes_the_number_as_the_file_takes_it() -> None:
    """YAML wants 1463523490 (`:g` printed 1.46352e+09, which no one can type)."""
    import re
    from pathlib import Path

    from lkjip_xl import dataformat
    from lkjip_xl.core.errors import LkjipError

    text = (Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.yaml").read_text()
    text = re.sub(r"(\n\s+anggaran: )\d+", r'\1"Rp 1.463.523.490"', text, count=1)
    with pytest.raises(LkjipError) as exc:
        dataformat.loads(text)
    assert exc.value.message("id").endswith('ditemukan "Rp 1.463.523.490"; tulis 1463523490')
    assert exc.value.message("en").endswith("; write 1463523490")
    assert dataformat.ambiguous_decimals("target: 66.500\n")[0][0].startswith(
        "baris 1: 66.500 dibaca sebagai 66.5;")


def test_numpy_numbers_follow_the_rule_too() -> None:
    """matplotlib hands its axis ticks as numpy float64, whose repr is "np.float64(200.0)"."""
    np = pytest.importorskip("numpy")
    assert tampil(np.float64(200.0), "number", "id") == "200"
    assert tampil(np.float64(1250.5), "number", "id") == "1.250,5"
    assert tampil(np.int64(1200), "count", "id") == "1.200"
