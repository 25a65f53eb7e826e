"""CellStore: the compact cell storage every reader shares (lkjip_xl/xlsx/grid.py)."""

from __future__ import annotations

import random

import pytest

from lkjip_xl.xlsx.grid import Cell, CellStore, ErrorValue, SheetGrid


def test_a_cell_reads_back_as_it_was_put() -> None:
    s = CellStore()
    s.put(3, 2, 1.5, "=B3*C3+3", 7)
    s.put(3, 1, "kode")
    s.put(4, 2, ErrorValue("#DIV/0!"), "=1/0")
    assert s[(3, 2)] == Cell(1.5, "=B3*C3+3", False, 7)
    assert s.get((3, 1)) == Cell("kode", None, False, 0)
    assert s.value(4, 2) == ErrorValue("#DIV/0!") and s.formula(4, 2) == "=1/0"
    assert s.get((9, 9)) is None and s.value(9, 9) is None and s.formula(9, 9) is None
    assert (3, 2) in s and (3, 3) not in s and "x" not in s
    assert len(s) == 3


@pytest.mark.parametrize("row", [1, 3, 10, 12, 100, 1000, 1004, 10005])
def test_templates_are_lossless_whatever_digits_the_formula_holds(row: int) -> None:
    """The row number is replaced by NUL wherever it occurs, also inside other numbers
    (`$B$1004` at row 100 or 1000, `*12` at row 12): decoding restores the exact text."""
    formulas = [f"=SUMIFS('RKT'!$C$5:$C$1004,'RKT'!$A$5:$A$1004,A{row})*100",
                f"=IF(B{row}>12,B{row}*12,{row})", "=1+2", f"=A{row + 1}-A{row - 1 or 1}"]
    s = CellStore()
    for c, f in enumerate(formulas, start=1):
        s.put(row, c, None, f)
    assert [s.formula(row, c) for c in range(1, 5)] == formulas
    assert [f for _r, _c, f in s.formulas()] == formulas


def test_a_filled_down_column_is_one_template() -> None:
    s = CellStore()
    for r in range(20, 2000):
        s.put(r, 4, float(r), f"=IF(B{r}=\"\",\"\",C{r}/B{r}*100)")
    templates = {id(s.template(r, 4)) for r in range(20, 2000)}
    assert len(templates) == 2  # one for every row, and row 100's own (its number is in *100)
    assert s.template(20, 4) is s.template(1999, 4)
    assert s.formula(1999, 4) == '=IF(B1999="","",C1999/B1999*100)'


def test_far_cells_of_a_sparse_row_cost_no_long_list() -> None:
    s = CellStore()
    s.put(1, 1, 1.0)
    s.put(1, 16384, 2.0, "=A1*2", 3)  # XFD1
    s.put(2, 16000, "x")
    assert s[(1, 16384)] == Cell(2.0, "=A1*2", False, 3)
    assert s.value(2, 16000) == "x" and s.template(1, 16384) == "=A\0*2"
    assert max(len(v) for v in s._rows.values()) <= 3  # no 16,000-column list
    assert list(s) == [(1, 1), (1, 16384), (2, 16000)]


def test_it_behaves_as_the_mapping_it_replaces() -> None:
    rnd = random.Random(7)
    plain: dict[tuple[int, int], Cell] = {}
    s = CellStore()
    for _ in range(3000):
        r, c = rnd.randint(1, 60), rnd.choice([1, 2, 3, 5, 8, 30, 40, 200, 16384])
        cell = Cell(rnd.choice([None, 1.0, "t", True]), rnd.choice([None, f"=A{r}+1"]),
                    False, rnd.choice([0, 0, 4, 70000]))
        plain[(r, c)] = cell
        s[(r, c)] = cell
        if rnd.random() < 0.1:
            k = rnd.choice(list(plain))
            del plain[k]
            del s[k]
    assert len(s) == len(plain)
    assert s == plain
    assert sorted(s) == sorted(plain)
    assert {k: v for k, v in s.items()} == plain
    assert sorted((r, c, v) for r, c, v in s.iter_values()) == sorted(
        (r, c, cell.value) for (r, c), cell in plain.items())
    assert sorted((r, c, f) for r, c, f in s.formulas()) == sorted(
        (r, c, cell.formula) for (r, c), cell in plain.items() if cell.formula)
    assert s.formula_count() == sum(1 for cell in plain.values() if cell.formula)
    with pytest.raises(KeyError):
        del s[(999, 1)]


def test_values_and_arrays_can_be_changed_in_place() -> None:
    s = CellStore()
    s.put(1, 2, None, "=A1")
    s.put(1, 900, None, "=A1")
    s.set_value(1, 2, 42.0)
    s.set_value(1, 900, 43.0)
    s.mark_array(1, 2)
    s.mark_array(5, 5)  # no cell there: nothing happens
    assert s[(1, 2)] == Cell(42.0, "=A1", True, 0) and s.value(1, 900) == 43.0
    assert (5, 5) not in s
    with pytest.raises(KeyError):
        s.set_value(7, 7, 1.0)


def test_a_sheet_grid_accepts_a_plain_dict() -> None:
    g = SheetGrid("S", cells={(2, 2): Cell(5.0, "=1+4")})
    assert isinstance(g.cells, CellStore)
    assert g.get(2, 2) == Cell(5.0, "=1+4") and g.value(2, 2) == 5.0 and g.formula(2, 2) == "=1+4"
    assert g.cells == {(2, 2): Cell(5.0, "=1+4")}


def test_a_style_that_is_no_index_reads_as_no_style() -> None:
    s = CellStore()
    s.put(1, 1, 1.0, None, -3)
    s.put(1, 2, 1.0, None, 2**40)
    assert s.style(1, 1) == 0 and s.style(1, 2) == 0


def test_a_far_cell_stays_one_cell_when_its_row_grows_past_it() -> None:
    s = CellStore()
    s.put(1, 1, 1.0)
    s.put(1, 30, 30.0)  # far: beyond the row's end by more than the gap
    s.put(1, 18, 18.0)
    s.put(1, 34, 34.0)  # the list now reaches past column 30
    s.put(1, 30, 99.0, None, 0, True)
    assert list(s.row_values(1)) == [(1, 1.0), (18, 18.0), (30, 99.0), (34, 34.0)]
    assert len(s) == 4 and s.value(1, 30) == 99.0 and s.is_array(1, 30)
    assert list(s) == [(1, 1), (1, 18), (1, 30), (1, 34)]
