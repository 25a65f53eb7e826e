"""Issue #24 item 1 in the data format: indicators below sasaran (`IndikatorProgram` under
`program`, `kegiatan`, `sub_kegiatan`), money history, `anggaran_murni`, `acuan_rpjmd`,
`pengaturan.nomenklatur`: all optional, derived from the model, named without clashing with the
sasaran's indicators, codes unique as the workbook names the rows."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from lkjip_xl import dataformat as df
from lkjip_xl.core import model
from lkjip_xl.core.domain import nomenklatur
from lkjip_xl.core.errors import DataFormatError
from lkjip_xl.dataformat.declared import def_names, table_records
from lkjip_xl.dataformat.json_schema import generate

DENPASAR = Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.yaml"


def _denpasar() -> dict[str, Any]:
    return yaml.safe_load(DENPASAR.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _ind(kode: str, **more: Any) -> dict[str, Any]:
    target = {} if more.get("polaritas") == "rentang" else {"target": 10}
    return {"kode": kode, "uraian": f"indikator {kode}", **target, "realisasi": None, **more}


def test_the_model_names_the_decrees_structures_as_the_domain_does() -> None:
    assert model.NOMENKLATUR == nomenklatur.NOMENKLATUR
    assert model.Pengaturan().nomenklatur == nomenklatur.BEBAS


def test_every_existing_sample_loads_unchanged_but_for_the_new_setting() -> None:
    dok = df.load(DENPASAR)
    assert dok.pengaturan.nomenklatur == "bebas"
    assert all(not p.indikator and not p.pagu_renstra for p in dok.program)
    assert all(k.anggaran_murni is None for _p, k in dok.kegiatan())
    data = _denpasar()
    del data["pengaturan"]["nomenklatur"]  # a file written before the key: the default
    assert df.from_dict(data) == dok


def test_a_second_indikator_list_gets_a_schema_entry_of_its_own() -> None:
    """The format names a record class after the key holding it; the programme's indicators are
    another class under the same key, so they are named after their holder, and the sasaran's
    indicators keep `indikator` (before the fix, the second took the first's entry)."""
    names = def_names()
    assert names[model.Indikator] == "indikator"
    assert names[model.IndikatorProgram] == "program_indikator"
    assert len(set(names.values())) == len(names)
    defs = generate()["$defs"]
    assert "target_perubahan" in defs["indikator"]["properties"]
    assert "target_perubahan" not in defs["program_indikator"]["properties"]
    for holder in ("program", "kegiatan", "sub_kegiatan"):
        assert defs[holder]["properties"]["indikator"]["items"] == {
            "$ref": "#/$defs/program_indikator"}


def test_the_tables_rows_are_the_classes_of_the_declared_tree() -> None:
    """Renstra & IKU binds fields an IndikatorProgram has too: its rows are read from the tree,
    not guessed from the fields."""
    assert table_records()["IK"] == [model.Indikator]


def test_every_new_key_travels_through_yaml_and_json() -> None:
    data = _denpasar()
    data["pengaturan"]["nomenklatur"] = "kepmendagri_050_5889_2021"
    data["sasaran"][0]["acuan_rpjmd"] = "Meningkatnya tata kelola pemerintahan"
    prog = data["program"][0]
    prog["indikator"] = [_ind("1", satuan="%", polaritas="positif", agregasi="akhir",
                              target_renstra={2016: 80, 2019: 90},
                              target_tw=[1, 2, 3, 4], realisasi_tw=[1, 2, None, None],
                              realisasi_lalu={2018: 70}, penanggung_jawab="Sekretariat")]
    prog["pagu_renstra"] = {2019: 1_000_000}
    prog["realisasi_anggaran_lalu"] = {2018: 900_000}
    keg = prog["kegiatan"][0]
    keg["anggaran_murni"] = 5_000
    keg["indikator"] = [_ind("1", polaritas="rentang", target_min=1, target_maks=2)]
    dok = df.from_dict(data)
    p = dok.program[0]
    assert p.indikator[0].target_renstra == {2016: 80, 2019: 90}
    assert p.indikator[0].realisasi_tw == [1, 2, None, None]
    assert p.pagu_renstra == {2019: 1_000_000} and p.realisasi_anggaran_lalu == {2018: 900_000}
    assert p.kegiatan[0].anggaran_murni == 5_000
    assert p.kegiatan[0].indikator[0].target_min == 1
    assert dok.sasaran[0].acuan_rpjmd.startswith("Meningkatnya")
    for fmt in ("yaml", "json"):
        assert df.loads(df.dumps(dok, fmt), fmt) == dok


def test_indicator_codes_below_sasaran_are_unique_within_their_list() -> None:
    """The workbook names such a row by its owner's codes and its own: P1 and P2 may each have
    an indicator `1`, and it may equal a sasaran indicator's code; twice in one list is an error."""
    data = _denpasar()
    first = data["sasaran"][0]["indikator"][0]["kode"]
    for p in data["program"][:2]:
        p["indikator"] = [_ind("1"), _ind(first)]
    df.from_dict(copy.deepcopy(data))
    data["program"][1]["indikator"].append(_ind("1"))
    with pytest.raises(DataFormatError) as info:
        df.from_dict(data)
    assert 'kode "1" ganda' in info.value.message_id
    assert "program P2 (ke-2) › indikator 1 (ke-1)" in info.value.message_id


def test_a_rentang_indicator_below_sasaran_keeps_the_range_rule() -> None:
    data = _denpasar()
    data["program"][0]["indikator"] = [_ind("1", target_min=1, target_maks=2)]
    with pytest.raises(DataFormatError):
        df.from_dict(copy.deepcopy(data))
    data["program"][0]["indikator"] = [
        _ind("1", polaritas="rentang", target_min=3, target_maks=2)]
    with pytest.raises(DataFormatError) as info:
        df.from_dict(data)
    assert "target_min" in info.value.message_en
