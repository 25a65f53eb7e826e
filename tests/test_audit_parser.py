"""Pure helpers of the audit: A1 <-> R1C1 shapes, the parser, sheet quoting, typed numbers."""

from __future__ import annotations

import pytest

from lkjip_xl.audit.parser import (
    DdeFormula,
    FormulaSyntaxError,
    formula_at,
    parse,
    shape_of,
    skeleton,
)
from lkjip_xl.audit.values import number_to_text, text_to_number
from lkjip_xl.core.number_text import typed_number
from lkjip_xl.xlsx.a1 import col_index, col_letter, location, quote_sheet, range_name


@pytest.mark.parametrize("formula, row, col, shape", [
    ("=A1", 2, 2, "=`R[-1]C[-1]`"),
    ("=$A$1+B$3", 5, 3, "=`R1C1`+`R3C[-1]`"),
    ("=SUM(A1:A10)", 11, 1, "=SUM(`R[-10]C[0]:R[-1]C[0]`)"),
    ("=SUM($A:$A)", 1, 2, "=SUM(`C1:C1`)"),
    ("=SUM(3:5)", 4, 1, "=SUM(`R[-1]:R[1]`)"),
    ("='Pengukuran Kinerja'!H5*2", 5, 8, "=`Pengukuran Kinerja!R[0]C[0]`*2"),
    ("=Data!B2", 2, 2, "=`Data!R[0]C[0]`"),
    ("=[1]Sheet1!A1", 1, 1, "=`[1]Sheet1!R[0]C[0]`"),
    ('="A1"&A1', 1, 2, '="A1"&`R[0]C[-1]`'),
    ("=LOG10(A1)", 1, 2, "=LOG10(`R[0]C[-1]`)"),  # LOG10 is a function, not cell LOG10
    ("=Target_2024*TW1", 1, 1, "=Target_2024*`R[0]C[542]`"),
    ("=ZZZZ1+A1", 1, 2, "=ZZZZ1+`R[0]C[-1]`"),  # past column XFD: a name
    ("= A1 + B1", 1, 3, "=`R[0]C[-2]`+`R[0]C[-1]`"),
    ("=#REF!+1", 1, 1, "=#REF!+1"),
])
def test_shape_of(formula: str, row: int, col: int, shape: str) -> None:
    assert shape_of(formula, row, col) == shape


@pytest.mark.parametrize("formula", [
    "=SUM($A$2:A7)*Data!B:B+'My Sheet'!$C3", "=IF(A1>0,B1,C1)", "=SUM(3:3)",
    "='[1]Sheet1'!A1+\"A1\"", "=INDEX(Data!$B:$B,MATCH($A2,Data!$A:$A,0))",
])
def test_formula_at_inverts_shape_of(formula: str) -> None:
    shape = shape_of(formula, 7, 4)
    assert formula_at(shape, 7, 4) == formula
    assert shape_of(formula_at(shape, 9, 4), 9, 4) == shape


def test_filled_down_formulas_share_a_shape_and_slips_keep_the_skeleton() -> None:
    assert shape_of("=C5/B5*100", 5, 4) == shape_of("=C6/B6*100", 6, 4)
    slip = shape_of("=C6/B7*100", 6, 4)
    assert slip != shape_of("=C5/B5*100", 5, 4)
    assert skeleton(slip) == skeleton(shape_of("=C5/B5*100", 5, 4))
    assert skeleton(shape_of("=SUM(D2:D9)", 10, 4)) != skeleton(slip)


@pytest.mark.parametrize("formula, tree", [
    ("=-2^2", ("bin", "^", ("neg", ("num", 2.0)), ("num", 2.0))),
    ("=1+2*3", ("bin", "+", ("num", 1.0), ("bin", "*", ("num", 2.0), ("num", 3.0)))),
    ("=1-2-3", ("bin", "-", ("bin", "-", ("num", 1.0), ("num", 2.0)), ("num", 3.0))),
    ("=50%", ("pct", ("num", 50.0))),
    ('="a""b"', ("str", 'a"b')),
    ("=IF(TRUE,,1)", ("call", "IF", [("bool", True), ("missing",), ("num", 1.0)])),
    ("=_xlfn.IFNA(#N/A,0)", ("call", "IFNA", [("err", parse("=#N/A")[1]), ("num", 0.0)])),
    ("={1,2;3,4}", ("arr", [[("num", 1.0), ("num", 2.0)], [("num", 3.0), ("num", 4.0)]])),
    ("=Tarif*2", ("bin", "*", ("name", "TARIF", None), ("num", 2.0))),
    ("=1&2=\"12\"", ("bin", "=", ("bin", "&", ("num", 1.0), ("num", 2.0)), ("str", "12"))),
])
def test_parse(formula: str, tree: tuple[object, ...]) -> None:
    assert parse(formula) == tree


@pytest.mark.parametrize("formula, error", [
    ("=cmd|'/c calc'!A0", DdeFormula), ("=SUM(A1:A3 B2:C2)", FormulaSyntaxError),
    ("=SUM((A1,B1))", FormulaSyntaxError), ("=Tabel1[@Target]", FormulaSyntaxError),
    ("=1+", FormulaSyntaxError), ("=(1", FormulaSyntaxError), ("=", FormulaSyntaxError),
])
def test_parse_refuses(formula: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse(shape_of(formula, 1, 1))


@pytest.mark.parametrize("name, quoted", [
    ("Data", "Data"), ("Pengukuran Kinerja", "'Pengukuran Kinerja'"), ("A1", "'A1'"),
    ("Rekap'24", "'Rekap''24'"), ("2024", "'2024'"), ("RC", "'RC'"), ("Capaian_TW1", "Capaian_TW1"),
])
def test_quote_sheet(name: str, quoted: str) -> None:
    assert quote_sheet(name) == quoted


def test_a1_helpers() -> None:
    assert [col_letter(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]
    assert col_index("xfd") == 16384
    assert location("Pengukuran Kinerja", 5, 8) == "'Pengukuran Kinerja'!H5"
    assert location("Data", 2, 3, 90, 3) == "Data!C2:C90"
    assert range_name(1, 2, 1_048_576, 2) == "B:B"


@pytest.mark.parametrize("text, expected", [
    ("1.234.567,89", (1234567.89, None)), ("Rp 2.072.337.900", (2072337900.0, None)),
    ("66%", (0.66, None)), ("0,5%", (0.005, None)), ("0,50 %", (0.005, None)),
    ("1,234,567.89", (1234567.89, None)), ("0,5", (0.5, None)), ("12.5", (12.5, None)),
    ("1.234", (1234.0, 1.234)), ("1,234", (1.234, 1234.0)), (" 42 ", (42.0, None)),
    ("-1.500", (-1500.0, -1.5)), ("(1.500)", (-1500.0, -1.5)),
    ("Rp. 500.000", (500000.0, None)), ("abc", None), ("1.2.3", None), ("-", None), ("", None),
    ("Sasaran 1", None), ("2024", (2024.0, None)),
])
def test_typed_number(text: str, expected: tuple[float, float | None] | None) -> None:
    assert typed_number(text) == expected


@pytest.mark.parametrize("text, value", [
    ("1,234.5", 1234.5), (" 12 ", 12.0), ("50%", 0.5), ("(12)", -12.0), ("1e3", 1000.0),
    ("$1,000", 1000.0), ("2024-01-31", 45322.0), ("1/31/2024", 45322.0), ("12:00", 0.5),
    ("1,23", None), ("abc", None), ("", None), ("1.2.3", None),
])
def test_text_to_number(text: str, value: float | None) -> None:
    assert text_to_number(text) == value


@pytest.mark.parametrize("x, text", [
    (1.0, "1"), (1.5, "1.5"), (0.1 + 0.2, "0.3"), (1 / 3, "0.333333333333333"),
    (-2.25, "-2.25"), (1e20, "1E+20"), (1e15, "1E+15"), (123456789012345.0, "123456789012345"),
    (0.00001, "0.00001"), (1.5e-10, "1.5E-10"), (0.0, "0"),
])
def test_number_to_text(x: float, text: str) -> None:
    assert number_to_text(x) == text
