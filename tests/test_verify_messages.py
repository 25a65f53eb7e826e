"""Messages an auditor can act on (issue #21, item 5).

- a `rata_rata` indicator's TW IV target check names the mean of the four quarterly targets and
  the four targets, not only a figure the TW IV cell does not hold;
- `verify --engine libreoffice` names each of its three values for what it is (the engine's, the
  file's stored one, verify's), so it agrees with `nilai-salah` on the same cell (LibreOffice runs
  for real);
- an 18-digit NIP typed into Profil as a number (Calc keeps 15 digits) is an error at that cell,
  and neither the document nor the carry-over prints the rounded digits (typed through UNO).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core.model import SdmBaris
from lkjip_xl.engines.libreoffice import available, convert
from lkjip_xl.schema import TABLES
from lkjip_xl.verify import verify
from lkjip_xl.verify.causes import narrative_gaps
from lkjip_xl.workbook.export import export_workbook
from lkjip_xl.workbook.generate import new_workbook
from lkjip_xl.workbook.read import digits_shown, rounded_identifier
from tests.test_typed_in_libreoffice import _uno_missing, edits_for, new_user_document, type_into

SEED = Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.yaml"
NIP = "197001012000031002"


def test_rata_rata_target_message_names_the_mean_and_the_quarters(tmp_path: Path) -> None:
    dok = new_user_document()
    i = dok.sasaran[0].indikator[1]
    assert (i.agregasi, i.target) == ("rata_rata", 94)
    i.target_tw = [92.0, 94.0, 95.0, 94.0]  # the TW IV cell holds the annual target; the mean not
    path = tmp_path / "isian.xlsx"
    new_workbook(dok, path)
    got = [f for f in verify(path).findings if f.code.startswith("tw4-")]
    ra = TABLES["RA"]
    assert [(f.code, f.location, f.found, f.expected) for f in got] == [
        ("tw4-rerata-beda-target", f"'Rencana Aksi'!{ra.letter('t4')}{ra.first_row + 1}", 93.75,
         94)]
    msg = got[0].message("id")
    assert "rerata keempat target triwulan (TW I 92, TW II 94, TW III 95, TW IV 94)" in msg
    assert "(93,75)" in msg and "target tahunan 94" in msg
    assert "mean of the four quarterly targets (Q1 92, Q2 94, Q3 95, Q4 94)" in got[0].message("en")


def test_per_quarter_sum_target_message_names_the_sum(tmp_path: Path) -> None:
    dok = new_user_document()
    dok.pengaturan.nilai_tw = "per_triwulan"
    i = dok.sasaran[0].indikator[0]
    i.agregasi, i.target_tw = "kumulatif", [20.0, 20.0, 20.0, 20.0]  # 80 a year, the PK says 74
    path = tmp_path / "isian.xlsx"
    new_workbook(dok, path)
    got = [f for f in verify(path).findings if f.code.startswith("tw4-")]
    assert [(f.code, f.found, f.expected) for f in got] == [("tw4-jumlah-beda-target", 80, 74)]
    assert "jumlah keempat target triwulan (TW I 20, TW II 20, TW III 20, TW IV 20)" in \
        got[0].message("id")


def test_a_cell_the_targets_agree_on_stays_quiet(tmp_path: Path) -> None:
    dok = new_user_document()
    dok.sasaran[0].indikator[1].target_tw = [93.0, 94.0, 95.0, 94.0]  # mean 94 = the target
    path = tmp_path / "isian.xlsx"
    new_workbook(dok, path)
    assert not [f for f in verify(path).findings if f.code.startswith("tw4-")]


def test_identifier_rule() -> None:
    assert rounded_identifier(float(NIP)) and digits_shown(float(NIP)) == "197001012000031000"
    assert not rounded_identifier(123456789012345) and not rounded_identifier("1" * 18)
    assert not rounded_identifier(True)


def test_a_nip_stored_as_a_number_is_used_nowhere(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The same cell written by a library (a NIP pasted as a number): verify, measure and
    new --from all say so, and none of them uses the rounded digits."""
    made = tmp_path / "isian.xlsx"
    new_workbook(new_user_document(), made)
    wb = load_workbook(made)
    wb["Profil"]["B10"] = float(NIP)
    wb.save(tmp_path / "nip.xlsx")
    path = tmp_path / "nip.xlsx"
    assert [(f.code, f.location) for f in verify(path).findings if f.severity == "error"] == [
        ("angka-dibulatkan", "Profil!B10")]
    out = tmp_path / "terukur.xlsx"
    assert run_main(["measure", str(path), "-o", str(out)]) == 1  # written, with the error
    assert "Profil!B10" in capsys.readouterr().err
    assert load_workbook(out)["Profil"]["B10"].value is None
    assert export_workbook(out)["instansi"]["kepala"].get("nip") in (None, "")


@pytest.mark.libreoffice
def test_engine_second_opinion_agrees_with_nilai_salah(tmp_path: Path) -> None:
    """A capaian formula typed over with 100 (stored 100, recomputed from the inputs 96.25)."""
    if not available():
        pytest.skip("LibreOffice (soffice) is not installed")
    dok = dataformat.load(SEED)
    dok.sasaran[0].indikator[0].realisasi = 63.525  # target 66: capaian 96.25
    dok.sasaran[0].indikator[0].realisasi_tw = [None, None, None, 63.525]
    made = tmp_path / "isian.xlsx"
    new_workbook(dok, made)
    pkk = TABLES["PKK"]
    wb = load_workbook(made)
    wb[pkk.sheet][f"{pkk.letter('capaian')}{pkk.first_row}"] = 100
    wb.save(tmp_path / "ditimpa.xlsx")
    saved = convert(tmp_path / "ditimpa.xlsx", tmp_path / "lo")  # Calc recalculates and saves
    report = verify(saved, engine="libreoffice")
    cell = f"'{pkk.sheet}'!{pkk.letter('capaian_dipakai')}{pkk.first_row}"
    wrong = next(f for f in report.findings if f.code == "nilai-salah" and f.location == cell)
    engine = next(f for f in report.findings if f.code == "mesin-berbeda" and f.location == cell)
    assert (wrong.found, wrong.expected) == (100, pytest.approx(96.25))
    # the same stored value and the same recomputed value, each named for what it is
    assert engine.params["stored"] == wrong.found and engine.expected == wrong.expected
    assert engine.found == 100  # Calc computes from the typed-over cell, as the file does
    msg = engine.message("id")
    assert "menghitung 100" in msg and "nilai tersimpan di file 100" in msg
    assert "nilai menurut verify 96,25" in msg


@pytest.mark.libreoffice
def test_nip_typed_as_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    template = tmp_path / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "-o", str(template)]) == 0
    edits = [e for e in edits_for(new_user_document()) if e[:2] != ("Profil", "B10")]
    typed = type_into(template, tmp_path / "nip.xlsx", [*edits, ("Profil", "B10", NIP)])
    stored = load_workbook(typed)["Profil"]["B10"].value
    # the template formats the cell as text, yet Calc's input through its API stores a number
    # (as a pasted number does), as the issue saw: 15 digits kept
    assert isinstance(stored, (int, float))
    report = verify(typed)
    got = [(f.code, f.severity, f.location, f.found) for f in report.findings
           if f.code == "angka-dibulatkan"]
    assert got == [("angka-dibulatkan", "error", "Profil!B10", "197001012000031000")]
    assert "NIP kepala di Profil!B10 diketik sebagai angka" in report.findings[
        report.codes().index("angka-dibulatkan")].message("id")
    # the document: DRAF, the finding listed, the rounded digits printed nowhere
    docx = tmp_path / "LKjIP.docx"
    assert run_main(["laporan", str(typed), "-o", str(docx)]) == 1
    doc = Document(str(docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Dokumen ini DRAF" in text
    assert "Profil!B10: NIP kepala di Profil!B10 diketik sebagai angka (197001012000031000)" in text
    # the signature block has no NIP line: only the finding quotes the digits, as lost ones
    # (the E.81 lampiran's Kepala Bappeda signs on a dotted "NIP. ....." line written by hand)
    assert not re.search(r"NIP\. \d", text) and "197001012000031008" not in text
    # the carry-over: told on stderr, and the rounded NIP is not carried
    nxt = tmp_path / "2026.xlsx"
    capsys.readouterr()
    assert run_main(["new", "--from", str(typed), "--tahun", "2026", "-o", str(nxt)]) == 0
    assert "Profil!B10" in capsys.readouterr().err
    assert export_workbook(nxt)["instansi"]["kepala"].get("nip") in (None, "")


def test_narasi_message_leaves_out_an_empty_part(sample_workbook: Path) -> None:
    """The sample has every sasaran's analysis and no SDM table: no "untuk - (sheet Sasaran)"."""
    f = next(f for f in verify(sample_workbook).findings if f.code == "narasi-belum-lengkap")
    assert f.message("id") == ("Narasi laporan belum lengkap: SDM (sheet Narasi). Dokumen LKjIP "
                               "menampilkan tanda [Isi: ...] di tempatnya")
    assert f.message("en").startswith("The report's text is incomplete: SDM (sheet Narasi). ")
    # the other way round: the Narasi sheet complete, one sasaran's analysis missing
    dok = dataformat.load(SEED)
    for name in vars(dok.narasi):
        setattr(dok.narasi, name, "Teks")
    dok.sdm = [SdmBaris("golongan", "IV", 3)]
    dok.sasaran[0].pendorong = None
    msg = narrative_gaps(dok, {})[0].message("id")
    # the sasaran named with the field it still lacks (3 of its 4 are written)
    assert msg == ("Narasi laporan belum lengkap: analisis sasaran belum diisi: S1 (faktor "
                   "pendorong) (sheet Sasaran). Dokumen LKjIP menampilkan tanda [Isi: ...] di "
                   "tempatnya")


@pytest.mark.libreoffice
def test_engine_says_nothing_where_neither_file_nor_verify_has_a_value(tmp_path: Path) -> None:
    """A workbook re-saved by openpyxl keeps no computed values (`nilai-belum-dihitung`): where
    verify computes nothing either, there is no second value to set the engine's against (it
    printed "nilai tersimpan di file (kosong), nilai menurut verify (kosong)" 8 times)."""
    if not available():
        pytest.skip("LibreOffice (soffice) is not installed")
    made = tmp_path / "isian.xlsx"
    new_workbook(dataformat.load(SEED), made)
    load_workbook(made).save(tmp_path / "openpyxl.xlsx")
    report = verify(tmp_path / "openpyxl.xlsx", engine="libreoffice")
    assert "nilai-belum-dihitung" in report.codes()
    engine = [f for f in report.findings if f.code.startswith("mesin-")]
    assert engine == [], [f.message("id") for f in engine]
    assert report.verdict() == "lulus" and report.warnings == 0


def test_a_target_typed_with_a_thousands_dot_is_one_error_with_its_consequences(
        tmp_path: Path) -> None:
    """"66.000" typed in an English-language Excel is 66: the PK target a thousand times below
    the Renstra's. One error at the PK cell (the verdict GAGAL, the document a DRAF), the quarterly
    targets that no longer add up and the absurd capaian folded under it."""
    from lkjip_xl.verify.render import render_text
    from lkjip_xl.workbook.write import write_workbook

    dok = dataformat.load(SEED)
    i = dok.sasaran[0].indikator[0]
    # an indicator counted in thousands: every figure of it a thousand times the sample's ...
    k = 1000.0
    i.target_renstra = {y: v * k for y, v in i.target_renstra.items() if v is not None}
    i.target_tw = [v * k if v is not None else None for v in i.target_tw]
    i.realisasi_tw = [v * k if v is not None else None for v in i.realisasi_tw]
    i.realisasi = i.realisasi * k if i.realisasi is not None else None
    i.realisasi_lalu = {y: v * k for y, v in i.realisasi_lalu.items() if v is not None}
    i.target_rkt = i.target_rkt * k if i.target_rkt is not None else None
    # ... but the PK target as an English-language Excel reads "66.000"
    i.target = i.target_renstra[dok.tahun] / k
    path = tmp_path / "ribuan.xlsx"
    write_workbook(dok, path)
    report = verify(path)
    pk = TABLES["PK"]
    root = next(f for f in report.findings if f.code == "target-skala-ribuan")
    assert (root.location, root.severity) == (f"PK!{pk.letter('target')}{pk.first_row}", "error")
    assert "66000" in root.message("id") and "66.000" in root.message("id")
    assert report.verdict() == "gagal"
    followers = [f for f in report.findings if f.params.get("cause") == root.location]
    assert {f.code for f in followers} >= {"capaian-tidak-wajar"}
    assert root.params["akibat"] == [f.location for f in followers]
    assert not [f for f in report.findings if f.severity != "info" and f is not root
                and "cause" not in f.params]
    assert "ikut salah" in render_text(report)
