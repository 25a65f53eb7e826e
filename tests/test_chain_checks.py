"""verify's chain checks beyond the codes (issue #24 item 3, docs/renja-evaluation.md): each on a
workbook made by `new --data` from a document, then edited as staff edit it (openpyxl), read as
a clerk reads the finding in both languages. The reasons of the E.81 rows come from
`core.evaluasi`; the peers' errors the issue lists are regression tests here where verify is
the one to catch them (a percentage summed over years, running totals typed per quarter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.catalogue import chain, render_message
from lkjip_xl.cli import run_main
from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import Dokumen
from lkjip_xl.schema.sheets import PENGATURAN, PENGATURAN_FIELDS
from lkjip_xl.verify import verify
from lkjip_xl.workbook.read import read_workbook
from tests.corrupt import cell_ref, delete_row, edit, location, set_value
from tests.test_indikator_program_sheet import cascade
from tests.test_typed_in_libreoffice import _uno_missing, type_into

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DENPASAR = SAMPLES / "denpasar_2019.yaml"
CHAIN = {e.code for e in chain.ENTRIES}


def _new(dok: Dokumen, folder: Path, name: str) -> Path:
    """The workbook `new --data` writes for the document (the real CLI, in-process)."""
    data, out = folder / f"{name}.yaml", folder / f"{name}.xlsx"
    dataformat.dump(dok, data)
    assert run_main(["new", "--data", str(data), "-o", str(out), "--force"]) == 0
    return out


def _found(path: Path, code: str) -> list[Finding]:
    return [f for f in verify(path).findings if f.code == code]


def _read(f: Finding) -> tuple[str, str]:
    """The finding as a clerk reads it: both languages render every placeholder and name the
    cell to fix."""
    texts = render_message(f, "id"), render_message(f, "en")
    for t in texts:
        assert f.location and f.location in t, t
        assert "{" not in t and " ? " not in t and "(?)" not in t, t
    return texts


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chain")


@pytest.fixture(scope="module")
def denpasar(folder: Path) -> Path:
    return _new(dataformat.load(DENPASAR), folder, "denpasar")


@pytest.fixture(scope="module")
def cascade_book(folder: Path) -> Path:
    return _new(cascade(), folder, "cascade")


# ---------------------------------------------------------------- the samples stay clean
@pytest.mark.parametrize("name", ["denpasar_2019", "synthetic_rules", "synthetic_per_triwulan"])
def test_the_samples_gain_no_chain_finding(folder: Path, name: str) -> None:
    path = _new(dataformat.load(SAMPLES / f"{name}.yaml"), folder, name)
    assert [f.code for f in verify(path).findings if f.code in CHAIN] == []


def test_the_shipped_denpasar_workbook_gains_no_error_or_warning() -> None:
    rep = verify(SAMPLES / "denpasar_2019.xlsx")
    assert [f.code for f in rep.findings if f.severity != "info"] == []
    assert not [f for f in rep.findings if f.code in CHAIN]


# ---------------------------------------------------------------- sasaran and indicators
def test_a_sasaran_no_programme_serves(denpasar: Path, tmp_path: Path) -> None:
    # P5 and P6 serve S2: both moved to S1
    bad = edit(denpasar, tmp_path / "s.xlsx", lambda wb: [
        set_value("PG", "kode_sasaran", "S1", index=n)(wb) for n in (4, 5)])
    (f,) = _found(bad, "sasaran-tanpa-program")
    assert (f.severity, f.location) == ("warning", location("SS", "kode", 1))
    id_, en = _read(f)
    assert "Sasaran S2 (Sasaran!A6) tidak didukung program mana pun" in id_
    assert "Isi S2 di kolom Kode sasaran program yang mendukungnya" in id_
    assert "Type S2 in the objective code of the programme that serves it" in en


def test_a_deleted_programme_row_is_the_cause(folder: Path, tmp_path: Path) -> None:
    """The row edit is what to fix: the sasaran its programme served is listed under it."""
    book = _new(dataformat.load(SAMPLES / "synthetic_rules.yaml"), folder, "rules")
    bad = edit(book, tmp_path / "d.xlsx", delete_row("PG", 4))  # 2.09.05, the only one of S4
    rep = verify(bad)
    (f,) = [f for f in rep.findings if f.code == "sasaran-tanpa-program"]
    (root,) = [f for f in rep.findings if f.code == "baris-dihapus"]
    assert f.params["cause"] == root.location == location("PG", "kode", 4)
    assert f.location in root.params["akibat"]


def test_a_workbook_without_programmes_yet_is_not_flooded(folder: Path) -> None:
    dok = dataformat.load(DENPASAR)
    dok.program = []
    assert _found(_new(dok, folder, "tanpa-program"), "sasaran-tanpa-program") == []


def test_indicator_infos_wait_for_the_first_indicator_below_sasaran(denpasar: Path,
                                                                    cascade_book: Path) -> None:
    codes = ("program-tanpa-indikator", "kegiatan-tanpa-indikator")
    assert [f for f in verify(denpasar).findings if f.code in codes] == []  # an older workbook
    found = {f.code: f for f in verify(cascade_book).findings if f.code in codes}
    programmes, kegiatan = found["program-tanpa-indikator"], found["kegiatan-tanpa-indikator"]
    # P1 and P2 have indicators, P3 is a support programme: P4, P5, P6, one line at P4's row
    assert (programmes.location, programmes.params["semua"]) == (
        location("PG", "kode", 3), ["P4", "P5", "P6"])
    others = [k.kode for _, k in cascade().kegiatan() if k.kode != "P1.01"]
    assert kegiatan.params["semua"] == others and kegiatan.found == len(others) == 21
    assert kegiatan.location == location("KG", "kode_kegiatan", 2)  # P2.01, below P1.01's sub
    assert {f.severity for f in found.values()} == {"info"}
    id_, en = _read(kegiatan)
    assert id_.startswith("21 kegiatan belum punya indikator kegiatan (output)")
    assert "P2.01, P3.01, P4.01" in id_ and "P4.08, ...; barisnya" in id_
    assert en.startswith("21 kegiatan have no kegiatan (output) indicator")
    id_, en = _read(programmes)
    assert "3 program belum punya indikator program (outcome) di sheet Indikator Program: " \
           "P4, P5, P6;" in id_


def test_a_renja_target_that_differs_from_the_renstra(cascade_book: Path, tmp_path: Path) -> None:
    (f,) = _found(cascade_book, "target-renja-beda-renstra")
    assert (f.severity, f.location, f.found, f.expected) == (
        "warning", location("IP", "target"), 78, 80)
    id_, en = _read(f)
    assert f"target Renstra tahun 2019 (80) di {location('IP', 'tr4')}" in id_
    assert "indikator 1 (program P1)" in id_ and "indicator 1 (programme P1)" in en
    same = edit(cascade_book, tmp_path / "t.xlsx", set_value("IP", "target", 80))
    assert _found(same, "target-renja-beda-renstra") == []


def test_peer_error_a_percentage_declared_kumulatif(cascade_book: Path, tmp_path: Path) -> None:
    """A peer adds columns 6 and 12 of a percentage (a level summed over years): verify warns
    where the indicator is declared so. P2's indicator in 'dokumen' may add up."""
    assert _found(cascade_book, "persen-kumulatif") == []
    bad = edit(cascade_book, tmp_path / "p.xlsx", set_value("IP", "agregasi", "kumulatif"))
    (f,) = _found(bad, "persen-kumulatif")
    assert (f.severity, f.location) == ("warning", location("IP", "agregasi"))
    id_, en = _read(f)
    assert "bersatuan % tetapi agregasinya kumulatif" in id_ and "akhir" in id_
    assert "60 % + 70 % = 130 %" in en


# ---------------------------------------------------------------- money
def _renstra_money(prog_pagu: float, prog_spent: float) -> Dokumen:
    """Denpasar with P4's own Renstra money for 2019 and 2018 and two of its kegiatan's."""
    dok = dataformat.load(DENPASAR)
    p4 = dok.program[3]
    p4.pagu_renstra = {2019: prog_pagu}
    p4.realisasi_anggaran_lalu = {2018: prog_spent}
    for k, pagu, spent in zip(p4.kegiatan, (4e8, 5e8), (3e8, 4e8)):
        k.pagu_renstra = {2016: pagu, 2017: pagu, 2018: pagu, 2019: pagu}
        k.realisasi_anggaran_lalu = {2016: spent, 2017: spent, 2018: spent}
    return dok


def test_a_programmes_stated_renstra_money_against_its_kegiatan(folder: Path) -> None:
    """A programme's stated pagu is its own Renstra funding on the Program sheet (and its spent
    history): the only pagu a programme row holds. Its E.81 row prints it over its kegiatan's."""
    bad = _new(_renstra_money(1e9, 8e8), folder, "pagu-program")
    found = _found(bad, "pagu-program-beda-jumlah")
    assert [(f.severity, f.location, f.found, f.expected) for f in found] == [
        ("error", location("PG", "pr4", 3), 1e9, 9e8),  # 2019 = the Renstra's 4th year
        ("error", location("PG", "ral1", 3), 8e8, 7e8)]  # 2018 = N-1
    id_, en = _read(found[0])
    assert "Pagu Renstra 2019 program P4" in id_ and "1.000.000.000" in id_ and "900.000.000" in id_
    assert "kosongkan sel program agar dihitung dari kegiatannya" in id_
    assert en.startswith("The strategic-plan allocation 2019 of programme P4")
    assert _found(_new(_renstra_money(9e8, 7e8), folder, "pagu-ok"), "pagu-program-beda-jumlah") == []


def test_original_pagu_of_sub_kegiatan_against_their_kegiatan(cascade_book: Path,
                                                              tmp_path: Path) -> None:
    assert _found(cascade_book, "anggaran-murni-tidak-cocok") == []
    bad = edit(cascade_book, tmp_path / "m.xlsx", set_value("KG", "anggaran_murni", 1e9, index=1))
    (f,) = _found(bad, "anggaran-murni-tidak-cocok")
    assert (f.severity, f.location, f.expected) == ("error", location("KG", "anggaran_murni"), 1e9)
    id_, en = _read(f)
    assert "Anggaran murni kegiatan P1.01" in id_ and "original allocation of kegiatan P1.01" in en


def test_a_pagu_changed_by_the_apbd_p_is_an_info(cascade_book: Path, denpasar: Path) -> None:
    found = _found(cascade_book, "pagu-berubah")
    assert [(f.severity, f.location) for f in found] == [
        ("info", location("KG", "anggaran", 0)), ("info", location("KG", "anggaran", 1))]
    id_, en = _read(found[1])
    assert "Pagu sub-kegiatan P1.01.01 berubah dari 1.463.524.490 (anggaran murni) menjadi " \
           "1.463.523.490" in id_
    assert "The allocation of sub-kegiatan P1.01.01 changed from 1,463,524,490" in en
    assert _found(denpasar, "pagu-berubah") == []  # no anggaran murni typed: nothing changed


# ---------------------------------------------------------------- the E.81 rows' reasons
@pytest.mark.parametrize("nilai_tw", ["per_triwulan", "kumulatif"])
def test_peer_error_running_totals_typed_under_per_triwulan(folder: Path, nilai_tw: str) -> None:
    """The issue's e-monev: every quarter typed 's.d. triwulan' while the workbook says each
    quarter is its own amount; the form then adds them to 104, 118, 130 and 263 % of the pagu
    for rows whose TW IV says 98, 93, 87 and 100 %. Declared kumulatif, the same typing is right."""
    dok = dataformat.load(DENPASAR)
    dok.pengaturan.nilai_tw = nilai_tw
    rows = [(1, 2, 3, 98), (5, 8, 12, 93), (10, 15, 18, 87), (50, 55, 58, 100)]
    kegiatan = dok.program[3].kegiatan[:4]  # KG rows 3-6
    for k, to_date in zip(kegiatan, rows):
        k.anggaran = 1e9
        k.realisasi_tw = [p * 1e7 for p in to_date]
        k.realisasi = None  # as the e-monev: the year is what the form adds
    found = _found(_new(dok, folder, f"tw-sd-{nilai_tw}"), "tw-sd-di-per-triwulan")
    if nilai_tw == "kumulatif":
        assert found == []
        return
    assert [f.location for f in found] == [
        location("KG", "r1", n) + ":" + location("KG", "r4", n).split("!")[1] for n in (3, 4, 5, 6)]
    assert [round(f.params["persen_jumlah"]) for f in found] == [104, 118, 130, 263]
    assert [round(f.params["persen_terakhir"]) for f in found] == [98, 93, 87, 100]
    id_, en = _read(found[3])
    assert "dijumlahkan menjadi 263,00 % dari pagu, sedangkan TW terakhir 100,00 %" in id_
    assert "ubah 'Penulisan nilai triwulan' menjadi kumulatif" in id_
    assert "added up they are 263.00 % of the allocation" in en


def test_an_empty_realisation_of_an_earlier_renstra_year(cascade_book: Path,
                                                         tmp_path: Path) -> None:
    found = _found(cascade_book, "realisasi-lalu-kosong")
    # P1's indicator 1 has a 2016 target (N-3) and no 2016 realisation; kegiatan P1.01 has
    # Renstra money for 2016 and 2017 and spending for 2018 only
    assert [(f.severity, f.location) for f in found] == [
        ("warning", location("KG", "ral2") + ":" + location("KG", "ral3").split("!")[1]),
        ("warning", location("IP", "rl3"))]
    id_, en = _read(found[0])
    assert "Realisasi 2016, 2017 anggaran kegiatan P1.01" in id_ and "kolom 6 dan 13" in id_
    assert "The 2016, 2017 realisation of the budget of kegiatan P1.01" in en
    filled = edit(cascade_book, tmp_path / "l.xlsx", lambda wb: [
        set_value("IP", "rl3", 71)(wb), set_value("KG", "ral3", 4e8)(wb),
        set_value("KG", "ral2", 5e8)(wb)])
    assert _found(filled, "realisasi-lalu-kosong") == []


def test_a_year_outside_the_renstra_is_an_info(folder: Path) -> None:
    dok = cascade()
    ind = dok.program[1].indikator[0]  # kumulatif, in documents: IP row 4
    ind.target_renstra = {2016: 4, 2017: 4, 2018: 4}
    ind.realisasi_lalu = {2016: 4, 2017: 4, 2018: 4}
    (f,) = _found(_new(dok, folder, "luar-renstra"), "tahun-di-luar-renstra")
    assert (f.severity, f.location) == ("info", location("IP", "tr4", 4))
    id_, en = _read(f)
    assert "Indikator 1 (program P2) tidak punya target Renstra tahun 2019" in id_
    assert "column 13 of the Renja evaluation (E.81) leaves this year's realisation out" in en


def test_falling_running_totals_of_an_indicator_and_of_money(folder: Path) -> None:
    dok = cascade()
    dok.program[1].indikator[0].realisasi_tw = [1, 3, 2, 4]  # kumulatif, nilai_tw kumulatif
    k = dok.program[1].kegiatan[0]  # P2.01, KG row 2
    k.realisasi_tw = [3e8, 6e8, 5e8, k.realisasi]
    path = _new(dok, folder, "menurun")
    found = _found(path, "tw-menurun")
    assert [(f.location, f.found, f.expected) for f in found] == [
        (location("KG", "r3", 2), 5e8, 6e8), (location("IP", "r3", 4), 2, 3)]
    for f in found:
        _read(f)


def test_a_sub_kegiatans_year_against_its_quarters(cascade_book: Path, tmp_path: Path) -> None:
    """Once TW IV is reported, as for kegiatan rows; a sub-kegiatan row had no such check."""
    quarters = [("r1", 1e8), ("r2", 5e8), ("r3", 1e9), ("r4", 1.3e9)]
    bad = edit(cascade_book, tmp_path / "y.xlsx", lambda wb: [
        set_value("KG", key, v, index=1)(wb) for key, v in quarters])
    (f,) = _found(bad, "tw-beda-tahunan")
    assert (f.location, f.expected) == (location("KG", "realisasi", 1), 1.3e9)
    _read(f)
    mid_year = edit(cascade_book, tmp_path / "m.xlsx", lambda wb: [
        set_value("KG", key, v, index=1)(wb) for key, v in quarters[:3]])
    assert _found(mid_year, "tw-beda-tahunan") == []


# ---------------------------------------------------------------- an indicator's owner
def test_an_indicator_naming_no_sub_kegiatan_is_reported_and_not_invented(
        cascade_book: Path, tmp_path: Path) -> None:
    bad = edit(cascade_book, tmp_path / "o.xlsx", set_value("IP", "kode_sub", "P1.01.09", index=3))
    (f,) = _found(bad, "indikator-program-tanpa-sub-kegiatan")
    assert (f.severity, f.location) == ("error", location("IP", "kode_sub", 3))
    id_, en = _read(f)
    assert "tidak ada di bawah kegiatan P1.01" in id_ and "is not read" in en
    dok, _ = read_workbook(bad)
    k = dok.program[0].kegiatan[0]
    assert [s.kode for s in k.sub_kegiatan] == ["P1.01.01"]  # no empty P1.01.09 made up
    assert k.sub_kegiatan[0].indikator == []


def test_export_says_it_leaves_such_a_row_behind(cascade_book: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = edit(cascade_book, tmp_path / "o.xlsx", set_value("IP", "kode_sub", "P1.01.09", index=3))
    out = tmp_path / "o.yaml"
    assert run_main(["export", str(bad), "-o", str(out)]) == 1  # written, and not clean
    err = capsys.readouterr().err
    assert f"Baris {location('IP', 'kode', 3)} (indikator S1 milik P1 / P1.01 / P1.01.09) " \
           "tidak dibaca dan tidak ikut diekspor" in err
    assert "P1.01.09" not in out.read_text(encoding="utf-8")
    # verify names the code to fix instead, once
    assert "indikator-program-tidak-dibaca" not in {f.code for f in verify(bad).findings}


def test_an_indicator_naming_no_kegiatan_or_programme_invents_neither(
        cascade_book: Path, tmp_path: Path) -> None:
    before, _ = read_workbook(cascade_book)
    codes = [(p.kode, [k.kode for k in p.kegiatan]) for p in before.program]
    for key, index, value, code in (("kode_kegiatan", 2, "P1.99", "indikator-program-tanpa-kegiatan"),
                                    ("kode_program", 0, "P99", "indikator-program-tanpa-program")):
        bad = edit(cascade_book, tmp_path / f"{key}.xlsx", set_value("IP", key, value, index=index))
        (f,) = _found(bad, code)
        assert f.location == location("IP", key, index)
        assert "tidak dibaca" in render_message(f, "id")
        dok, _ = read_workbook(bad)
        assert [(p.kode, [k.kode for k in p.kegiatan]) for p in dok.program] == codes


def test_a_sub_kegiatan_code_without_its_kegiatan(cascade_book: Path, tmp_path: Path) -> None:
    bad = edit(cascade_book, tmp_path / "k.xlsx", set_value("IP", "kode_kegiatan", None, index=3))
    (f,) = _found(bad, "indikator-program-sub-tanpa-kegiatan")
    assert (f.severity, f.location, f.found) == ("warning", location("IP", "kode_kegiatan", 3),
                                                 "P1.01.01")
    id_, en = _read(f)
    assert "dibaca sebagai indikator program P1" in id_ and "Type the kegiatan code" in en
    dok, _ = read_workbook(bad)
    assert [i.kode for i in dok.program[0].indikator] == ["1", "2", "S1"]


def test_a_kegiatan_of_another_programme(cascade_book: Path, tmp_path: Path) -> None:
    bad = edit(cascade_book, tmp_path / "b.xlsx", set_value("IP", "kode_kegiatan", "P4.01", index=2))
    (f,) = _found(bad, "indikator-program-beda-program")
    assert (f.severity, f.location, f.found, f.expected) == (
        "error", location("IP", "kode_kegiatan", 2), "P4.01", "P4")
    id_, en = _read(f)
    assert "bukan program P1" in id_ and "Correct the programme code to P4" in en
    dok, _ = read_workbook(bad)
    assert all(k.indikator == [] for k in dok.program[3].kegiatan)  # not placed under P4.01


def test_every_chain_code_is_in_the_catalogue_with_an_example() -> None:
    for e in chain.ENTRIES:
        assert e.example and e.id != e.en, e.code


def test_the_checks_use_the_one_evaluation(cascade_book: Path) -> None:
    """The reasons are `core.evaluasi`'s: a document whose E.81 rows give none gives no reason
    finding (the cascade's copy with its earlier years realised and its target as planned)."""
    dok = cascade()
    reasons = {a.kode for p in evaluasi_renja(dok).pemilik
               for col in (p.rp, *(b.k for b in p.indikator)) for a in col.alasan}
    found = {f.code for f in verify(cascade_book).findings}
    for kode in ("realisasi-lalu-kosong", "tw-sd-di-per-triwulan", "tahun-di-luar-renstra"):
        assert (kode in reasons) == (kode in found), kode


# ---------------------------------------------------------------- typed as staff type
@pytest.mark.libreoffice
def test_typed_in_libreoffice(cascade_book: Path, tmp_path: Path) -> None:
    """A clerk types into the cascade workbook in Calc (its own input parsing, recalculated and
    saved): a sub-kegiatan code that does not exist, a % indicator made kumulatif, and a
    kegiatan's quarters as running totals after switching the workbook to per-quarter values."""
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    row = next(f.row for f in PENGATURAN_FIELDS if f.key == "nilai_tw")
    k = cascade().program[3].kegiatan[0]  # P4.01, its annual spending typed
    n = 4  # its KG row: P1.01, P1.01.01, P2.01, P3.01 above it
    quarters = [100_000_000, 150_000_000, 200_000_000, k.realisasi]

    edits = [(PENGATURAN, f"B{row}", "per_triwulan"),
             (*cell_ref("IP", "kode_sub", 3), "P1.01.09"),
             (*cell_ref("IP", "agregasi"), "kumulatif"),
             *((*cell_ref("KG", f"r{q}", n), str(int(v or 0))) for q, v in enumerate(quarters, 1))]
    typed = type_into(cascade_book, tmp_path / "diketik.xlsx", edits)
    rep = verify(typed)
    got = {(f.code, f.location) for f in rep.findings if f.code in CHAIN}
    assert ("indikator-program-tanpa-sub-kegiatan", location("IP", "kode_sub", 3)) in got
    assert ("persen-kumulatif", location("IP", "agregasi")) in got
    (tw,) = [f for f in rep.findings if f.code == "tw-sd-di-per-triwulan"]
    assert tw.location == location("KG", "r1", n) + ":" + location("KG", "r4", n).split("!")[1]
    assert "realisasi tahunan" in render_message(tw, "id")
    # Calc recalculated every formula: verify agrees with it, and nothing else went wrong; the
    # Renja sheets still compute the row the reader sets aside, so the footer's average moves:
    # listed under that row, its one cause
    (root,) = [f for f in rep.findings if f.code == "indikator-program-tanpa-sub-kegiatan"]
    assert not [f for f in rep.findings if f.severity == "error" and f is not root
                and f.params.get("cause") != root.location]


def test_a_percentage_typed_as_a_fraction_below_sasaran(cascade_book: Path, tmp_path: Path
                                                        ) -> None:
    """A clerk types "78%" (Calc stores 0.78) as the Renja target of P1's indicator 1, whose unit
    on its own row is % and whose other numbers are 60-80: the same finding as on PK, at the
    cell (seen typing a new agency: 0.74 as a target beside 75 had no finding of its scale)."""
    bad = edit(cascade_book, tmp_path / "frac.xlsx", set_value("IP", "target", 0.78))
    (f,) = _found(bad, "persen-skala-salah")
    assert f.location == location("IP", "target")
    id_, en = _read(f)
    assert "mungkin maksudnya 78" in id_ and "probably 78 was meant" in en
    # a count indicator's small number stays quiet (P2's indicator 1 is in dokumen)
    fine = edit(cascade_book, tmp_path / "fine.xlsx", set_value("IP", "target", 0.5, index=4))
    assert _found(fine, "persen-skala-salah") == []
