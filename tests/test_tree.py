"""The entity tree the layout declares (`Table.levels`, `Table.parent`) is what the writer, the
reader, the capacities, verify's row identities and the computed values walk: a table is a
declaration first (#23)."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl import dataformat
from lkjip_xl.core import measurement, model
from lkjip_xl.planning.templates import CAPACITY_TABLES
from lkjip_xl.schema import TABLES
from lkjip_xl.workbook import tree
from lkjip_xl.workbook.expected import Rows, computed_rows, input_rows
from lkjip_xl.workbook.read import read_workbook
from lkjip_xl.workbook.write import write_workbook
from tests.corrupt import cell_ref, edit

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "synthetic_rules.yaml"  # with sub-kegiatan


def test_each_input_table_is_a_list_of_the_model_under_its_parent() -> None:
    dok = dataformat.load(SAMPLE)
    rows = Rows.of(dok)
    n_ind = sum(len(s.indikator) for s in dok.sasaran)
    n_keg = sum(1 + len(k.sub_kegiatan) for p in dok.program for k in p.kegiatan)
    assert rows.count("SS") == len(dok.sasaran) > 0
    assert rows.count("PG") == len(dok.program) > 0
    for key in ("IK", "RKT", "PK", "RA", "RK", "PKK", "PTW"):
        assert rows.count(key) == n_ind > 0, key
    assert rows.count("KG") == rows.count("AK") == n_keg > len(list(dok.kegiatan()))
    assert rows.count("PR") == len(dok.pengaturan.predikat)
    # a row's chain is its ancestors, and the codes that place it are theirs
    sub_rows = [c for c in rows.chains["KG"] if len(c) == 3]
    assert sub_rows, "the sample has sub-kegiatan"
    p, k, s = sub_rows[0]
    assert s in k.sub_kegiatan and k in p.kegiatan
    assert tree.place(TABLES["KG"], sub_rows[0]) == {
        "kode_program": p.kode, "kode_kegiatan": k.kode, "kode_sub": s.kode}
    assert tree.place(TABLES["KG"], (p, k)) == {
        "kode_program": p.kode, "kode_kegiatan": k.kode, "kode_sub": None}


def test_row_types_identities_and_capacity_groups_come_from_the_declarations() -> None:
    assert tree.level_types(TABLES["KG"]) == (model.Kegiatan, model.SubKegiatan)
    assert tree.level_types(TABLES["PK"]) == (model.Indikator,)  # joined by code to IK's rows
    assert tree.level_types(TABLES["PR"]) == (model.PredikatBand,)
    assert tree.identity(TABLES["AK"]) == ("kode_kegiatan", "kode_sub")  # a mirror: KG's codes
    assert tree.identity(TABLES["PTW"]) == ("kode",)
    # the planning templates' keys (a table declared later adds its own)
    assert {"sasaran": ("SS",), "indikator": ("IK", "RKT", "PK", "RA", "RK"), "program": ("PG",),
            "kegiatan": ("KG",)}.items() <= CAPACITY_TABLES.items()


def _cells(table: str, row: int, values: dict[str, Any]) -> Any:
    def fn(wb: Any) -> None:
        for key, v in values.items():
            sheet, ref = cell_ref(table, key, row)
            wb[sheet][ref] = v
    return fn


def test_the_reader_places_rows_by_their_parent_codes(tmp_path: Path) -> None:
    """A sub-kegiatan whose kegiatan has no row gets an empty kegiatan under its programme; an
    indicator naming an unknown sasaran gets an empty sasaran; a repeated indicator code is
    read once, a repeated sub-kegiatan code twice (the level repeats)."""
    dok = dataformat.load(SAMPLE)
    clean = tmp_path / "clean.xlsx"
    write_workbook(dok, clean)
    n_kg, n_ik = Rows.of(dok).count("KG"), Rows.of(dok).count("IK")
    program = dok.program[0].kode
    last_ik = Rows.of(dok).indikator[-1][1]

    def damage(wb: Any) -> None:
        _cells("KG", n_kg, {"kode_program": program, "kode_kegiatan": "9.99.01",
                            "kode_sub": "9.99.01.0001", "uraian": "Sub tanpa kegiatan"})(wb)
        _cells("KG", n_kg + 1, {"kode_program": program, "kode_kegiatan": "9.99.01",
                                "kode_sub": "9.99.01.0001", "uraian": "Sub yang sama lagi"})(wb)
        _cells("IK", n_ik, {"kode_sasaran": "S-BARU", "kode": "IK-BARU", "uraian": "Baru"})(wb)
        _cells("IK", n_ik + 1, {"kode_sasaran": "S-LAIN", "kode": last_ik.kode,
                                "uraian": "Kode ganda"})(wb)

    damaged = edit(clean, tmp_path / "damaged.xlsx", damage)
    got, _ = read_workbook(damaged)
    prog = next(p for p in got.program if p.kode == program)
    placeholder = next(k for k in prog.kegiatan if k.kode == "9.99.01")
    assert placeholder.uraian == "" and placeholder.anggaran is None
    assert [s.uraian for s in placeholder.sub_kegiatan] == ["Sub tanpa kegiatan",
                                                           "Sub yang sama lagi"]
    new = next(s for s in got.sasaran if s.kode == "S-BARU")
    assert new.uraian == "" and [i.kode for i in new.indikator] == ["IK-BARU"]
    assert not any(s.kode == "S-LAIN" for s in got.sasaran)  # a duplicate row places nothing
    assert [i.uraian for _, i in got.indikator() if i.kode == last_ik.kode] == [last_ik.uraian]


def test_a_kegiatan_row_below_its_sub_kegiatan_fills_the_placeholder(tmp_path: Path) -> None:
    """Staff type a sub-kegiatan first and its kegiatan on a later row: the kegiatan's own
    values are read (they were dropped as a repeated code, and verify then blamed the Anggaran
    Kegiatan formula that shows the kegiatan's name)."""
    dok = dataformat.load(SAMPLE)
    clean = tmp_path / "clean.xlsx"
    write_workbook(dok, clean)
    n_kg = Rows.of(dok).count("KG")
    program = dok.program[0].kode
    damaged = edit(clean, tmp_path / "order.xlsx", lambda wb: (
        _cells("KG", n_kg, {"kode_program": program, "kode_kegiatan": "9.99.02",
                            "kode_sub": "9.99.02.0001", "uraian": "Sub dulu",
                            "anggaran": 1_000_000, "realisasi": 900_000})(wb),
        _cells("KG", n_kg + 1, {"kode_program": program, "kode_kegiatan": "9.99.02",
                                "uraian": "Kegiatan sesudahnya", "anggaran": 1_000_000,
                                "realisasi": 900_000})(wb)))
    got, _ = read_workbook(damaged)
    found = [k for p in got.program for k in p.kegiatan if k.kode == "9.99.02"]
    assert len(found) == 1
    assert (found[0].uraian, found[0].anggaran, found[0].realisasi) == (
        "Kegiatan sesudahnya", 1_000_000, 900_000)
    assert [s.uraian for s in found[0].sub_kegiatan] == ["Sub dulu"]


def test_writing_and_reading_walk_the_same_tree(tmp_path: Path) -> None:
    dok = dataformat.load(SAMPLE)
    out = tmp_path / "b.xlsx"
    write_workbook(dok, out)
    back, _ = read_workbook(out)
    assert input_rows(back) == input_rows(dok)


def _attributes(cls: type) -> set[str]:
    names = {f.name for f in dataclasses.fields(cls)}
    return names | {n for n, v in vars(cls).items() if isinstance(v, property)}


@pytest.mark.parametrize("key", [k for k, t in TABLES.items() if t.mirror is not None])
def test_every_computed_column_names_a_measured_value(key: str) -> None:
    """Each computed column is named once, in its declaration, with the measured value it shows:
    the first step of its path is a field of the measured row of its mirrored object."""
    for cls in tree.level_types(TABLES[key]):
        row = typing.get_type_hints(measurement.BUILDERS[cls])["return"]
        _names_measured(key, row)


def _names_measured(key: str, row: type) -> None:
    for c in TABLES[key].columns:
        assert c.value, f"{key}.{c.key} shows no declared value"
        first = c.value.split(".")[0].split("[")[0]
        assert first in _attributes(row), f"{key}.{c.key}: {c.value} is not a {row.__name__} value"


def test_computed_values_follow_the_measurement() -> None:
    """Changing a measured value changes the cell that declares it, and only that one."""
    dok = dataformat.load(SAMPLE)
    p = measurement.ukur(dok)
    before = computed_rows(dok, p)
    first = next(iter(p.indikator.values()))
    first.target_akhir_renstra = 123456.0
    after = computed_rows(dok, p)
    changed = {(k, n, col) for k in before for n, (a, b) in enumerate(zip(before[k], after[k]))
               for col in a if a[col] != b[col]}
    assert changed == {("PKK", 0, "target_akhir")}
