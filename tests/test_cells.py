"""The cell-coercion toolkit (xlsx/cells.py), on values as a real workbook gives them: written by
xlsxwriter, read back by the streaming reader."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from lkjip_xl.xlsx.cells import cell_number, cell_text, is_blank, plain_text
from lkjip_xl.xlsx.grid import ErrorValue
from lkjip_xl.xlsx.stream import read_grid

# what staff type, and what each reading makes of it: (typed, cell_text, plain_text, is_blank,
# cell_number); a number is written as a number, anything else as text
TYPED = [
    (2024, "2024", "2024.0", False, 2024.0),  # a whole number keeps no ".0" as a code
    (12.5, "12.5", "12.5", False, 12.5),
    (" S1.1 ", "S1.1", "S1.1", False, None),  # outer blanks are no part of a code
    ("   ", None, None, True, None),
    ("66%", "66%", "66%", False, None),  # text that looks like a number is text here
    ("-", "-", "-", False, None),  # a dash is something typed, not a blank
    (True, "True", "True", False, None),  # a boolean is not a number
]


@pytest.fixture(scope="module")
def cells(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    path: Path = tmp_path_factory.mktemp("cells") / "cells.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("S")
    for r, (typed, *_rest) in enumerate(TYPED):
        if isinstance(typed, bool):
            ws.write_boolean(r, 0, typed)
        elif isinstance(typed, (int, float)):
            ws.write_number(r, 0, typed)
        else:
            ws.write_string(r, 0, typed)
    ws.write_formula(len(TYPED), 0, "=NA()", None, "#N/A")
    wb.close()
    sheet = read_grid(path).sheet("S")
    assert sheet is not None
    return [sheet.value(r, 1) for r in range(1, len(TYPED) + 3)]


def test_each_reading_of_what_staff_type(cells: list[object]) -> None:
    for value, (typed, text, plain, blank, number) in zip(cells, TYPED):
        assert (cell_text(value), plain_text(value), is_blank(value), cell_number(value)) == (
            text, plain, blank, number), typed


def test_an_error_value_and_an_empty_cell(cells: list[object]) -> None:
    error, empty = cells[len(TYPED)], cells[len(TYPED) + 1]
    assert isinstance(error, ErrorValue) and empty is None
    assert cell_text(error) is None and cell_number(error) is None
    assert not is_blank(error)  # something is there: the checks that read it report it
    assert plain_text(error) == "#N/A"
    assert (cell_text(empty), plain_text(empty), is_blank(empty), cell_number(empty)) == (
        None, None, True, None)
