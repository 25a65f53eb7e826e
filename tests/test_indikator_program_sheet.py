"""Issue #24 item 1 in the workbook: the sheet *Indikator Program* (indicators of programmes,
kegiatan and sub-kegiatan on one sheet, each row placed under its owner by code), the money
history and original-pagu columns, Sasaran's RPJMD reference and the code-structure setting:
written by `new`, read back by verify and export, carried by `new --from`; older workbooks read
with an info."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core import model
from lkjip_xl.core.model import Dokumen, IndikatorProgram, SubKegiatan
from lkjip_xl.planning.carry import carry_over
from lkjip_xl.schema import TABLES
from lkjip_xl.verify import verify
from lkjip_xl.workbook.export import export_dokumen
from lkjip_xl.workbook.read import read_workbook
from lkjip_xl.workbook.tree import identity, place, structural
from lkjip_xl.workbook.write import write_workbook
from tests.corrupt import edit, set_value

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.yaml"
RELEASE_1 = ROOT / "tests" / "data" / "release-1" / "denpasar_2019.xlsx"
IP = TABLES["IP"]


def _ind(kode: str, **more: Any) -> IndikatorProgram:
    return IndikatorProgram(kode, f"indikator {kode}", **more)


def cascade() -> Dokumen:
    """The Denpasar sample with indicators at every level below sasaran, the same indicator
    code under two programmes, money history and an APBD-P change."""
    dok = dataformat.load(SAMPLE)
    p1, p2 = dok.program[0], dok.program[1]
    p1.indikator = [_ind("1", satuan="%", agregasi="akhir", target_renstra={2016: 70, 2019: 80},
                         target=78, realisasi_tw=[60, 70, 75, 79], realisasi_lalu={2018: 72},
                         penanggung_jawab="Bidang Koperasi"),
                    _ind("2", polaritas="rentang", target_min=1, target_maks=3)]
    p2.indikator = [_ind("1", satuan="dokumen", agregasi="kumulatif", target=4,
                         realisasi_tw=[1, 2, 3, 4])]
    k = p1.kegiatan[0]
    k.indikator = [_ind("K1", satuan="orang", agregasi="kumulatif", target=120, realisasi=118)]
    k.anggaran_murni = (k.anggaran or 0) + 1000
    k.pagu_renstra = {2016: 5e8, 2017: 6e8}
    k.realisasi_anggaran_lalu = {2018: 4.5e8}
    p1.pagu_renstra = {2019: 2e9}
    sub = SubKegiatan(k.kode + ".01", "sub-kegiatan satu", anggaran=k.anggaran,
                      realisasi=k.realisasi, anggaran_murni=k.anggaran_murni,
                      indikator=[_ind("S1", satuan="paket", target=2, realisasi=2)])
    k.sub_kegiatan = [sub]
    dok.sasaran[0].acuan_rpjmd = "Meningkatnya daya saing koperasi dan UMKM"
    return dok


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ip") / "cascade.xlsx"
    write_workbook(cascade(), path)
    return path


def test_each_row_is_placed_under_its_owner_by_code(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["Indikator Program"]
    cols = [IP.index(k) for k in ("kode_program", "kode_kegiatan", "kode_sub", "kode")]
    rows = [tuple(ws.cell(r, c).value for c in cols) for r in range(IP.first_row, IP.first_row + 6)]
    dok = cascade()
    p1, p2 = dok.program[0].kode, dok.program[1].kode
    k = dok.program[0].kegiatan[0].kode
    assert rows == [(p1, None, None, "1"), (p1, None, None, "2"), (p1, k, None, "K1"),
                    (p1, k, k + ".01", "S1"), (p2, None, None, "1"), (None, None, None, None)]


def test_the_workbook_reads_back_every_level(book: Path) -> None:
    read, _lr = read_workbook(book)
    assert dataformat.to_dict(read) == dataformat.to_dict(cascade())
    p1 = read.program[0]
    assert [i.kode for i in p1.indikator] == ["1", "2"] and read.program[1].indikator[0].kode == "1"
    assert p1.kegiatan[0].sub_kegiatan[0].indikator[0].kode == "S1"


def test_verify_passes_the_cascade_and_export_carries_it(book: Path, tmp_path: Path) -> None:
    rep = verify(book)
    # the cascade's own data carries three chain warnings (tests/test_chain_checks.py): P1's
    # indicator 1 targets 78 where its Renstra says 80 for 2019, and neither it nor kegiatan
    # P1.01 has a realisation for the earlier Renstra years it names
    assert sorted((f.code, f.location) for f in rep.findings if f.severity != "info") == [
        ("realisasi-lalu-kosong", "'Indikator Program'!AC5"),
        ("realisasi-lalu-kosong", "'Realisasi Anggaran'!W5:X5"),
        ("target-renja-beda-renstra", "'Indikator Program'!O5")]
    assert export_dokumen(book).program[0].kegiatan[0].pagu_renstra == {2016: 5e8, 2017: 6e8}


def test_list_validations_come_from_the_declarations(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["Indikator Program"]
    by_col: dict[str, str] = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            by_col[openpyxl.utils.get_column_letter(rng.min_col)] = str(dv.formula1)
    assert by_col[IP.letter("kode_program")] == "PG_kode"
    assert by_col[IP.letter("kode_kegiatan")] == "KG_kode_kegiatan"
    assert "rentang" in by_col[IP.letter("polaritas")]
    assert "rata_rata" in by_col[IP.letter("agregasi")]


@pytest.mark.parametrize("key,value,code", [
    ("kode_program", "P99", "indikator-program-tanpa-program"),
    ("kode_kegiatan", "P4.99", "indikator-program-tanpa-kegiatan"),
])
def test_a_code_found_nowhere_is_a_finding(book: Path, tmp_path: Path, key: str, value: str,
                                           code: str) -> None:
    bad = edit(book, tmp_path / "bad.xlsx", set_value("IP", key, value, index=2))
    found = [f for f in verify(bad).findings if f.code == code]
    assert [f.location for f in found] == [f"'Indikator Program'!{IP.letter(key)}{IP.first_row + 2}"]


def test_an_indicator_code_twice_under_one_owner_is_a_duplicate(book: Path, tmp_path: Path) -> None:
    bad = edit(book, tmp_path / "dup.xlsx", set_value("IP", "kode", "1", index=1))
    assert any(f.code == "kode-ganda" for f in verify(bad).findings)


def test_the_tree_places_rows_under_owners_of_any_depth() -> None:
    dok = cascade()
    p = dok.program[0]
    k = p.kegiatan[0]
    assert place(IP, (p, p.indikator[0])) == {
        "kode_program": p.kode, "kode_kegiatan": None, "kode_sub": None, "kode": "1"}
    assert place(IP, (p, k, k.sub_kegiatan[0], k.sub_kegiatan[0].indikator[0]))["kode_sub"] == (
        k.sub_kegiatan[0].kode)
    assert identity(IP) == ("kode_program", "kode_kegiatan", "kode_sub", "kode")
    owners = structural()
    for cls in (model.Program, model.Kegiatan, model.SubKegiatan):
        assert "indikator" in owners[cls]


def test_an_older_workbook_reads_with_infos_only() -> None:
    rep = verify(RELEASE_1)
    codes = {f.code for f in rep.findings if f.code in ("sheet-versi-baru", "kolom-versi-baru")}
    assert codes == {"sheet-versi-baru", "kolom-versi-baru"}
    assert not [f for f in rep.findings if f.code == "tabel-bergeser"]  # the predicate table
    dok, _lr = read_workbook(RELEASE_1)
    assert dok.pengaturan.nomenklatur == "bebas" and not dok.program[0].indikator


def test_new_from_keeps_indicators_and_money_history(book: Path, tmp_path: Path) -> None:
    nxt = tmp_path / "2020.xlsx"
    assert run_main(["new", "--from", str(book), "--tahun", "2020", "-o", str(nxt)]) == 0
    dok = export_dokumen(nxt)
    p1 = dok.program[0]
    i1 = p1.indikator[0]
    assert (i1.realisasi_lalu, i1.target, i1.realisasi, i1.realisasi_tw) == (
        {2019: 79, 2018: 72}, None, None, [None] * 4)  # akhir: TW IV is the year
    assert p1.indikator[1].target_min == 1  # a range's bounds kept, as for a sasaran's
    k = p1.kegiatan[0]
    assert k.indikator[0].realisasi_lalu == {2019: 118}
    assert k.pagu_renstra == {2016: 5e8, 2017: 6e8} and k.anggaran_murni is None
    spent = cascade().program[0].kegiatan[0].realisasi
    assert k.realisasi_anggaran_lalu == {2019: spent, 2018: 4.5e8}
    assert dok.program[1].indikator[0].realisasi_lalu == {2019: 4}  # kumulatif totals to date
    assert dok.sasaran[0].acuan_rpjmd == cascade().sasaran[0].acuan_rpjmd


def test_carry_over_sets_the_renja_target_from_the_renstra() -> None:
    dok = cascade()
    dok.program[0].indikator[0].target_renstra[2020] = 85
    assert carry_over(dok, 2020).program[0].indikator[0].target == 85
