"""verify's first chain checks (issue #24 item 3, docs/renja-evaluation.md): a kegiatan code that
does not start with its programme's, a sub-kegiatan's with its kegiatan's, and codes outside the
chosen decree's structure, with the normal form of a mis-padded code suggested."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.catalogue import render_message
from lkjip_xl.core.findings import Finding
from lkjip_xl.verify import verify
from lkjip_xl.workbook.write import write_workbook
from tests.corrupt import edit, location, set_value

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "samples" / "synthetic_rules.yaml"  # Permendagri 90/2019 codes, 050-5889 sub codes
DENPASAR = ROOT / "samples" / "denpasar_2019.xlsx"


def _chain(path: Path) -> list[Finding]:
    return [f for f in verify(path).findings if f.code.startswith("kode-tidak-sesuai")]


@pytest.fixture(scope="module")
def decree_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dok = dataformat.load(RULES)
    dok.pengaturan.nomenklatur = "kepmendagri_050_5889_2021"
    path = tmp_path_factory.mktemp("chain") / "rules.xlsx"
    write_workbook(dok, path)
    return path


def test_the_samples_gain_no_chain_finding(decree_book: Path) -> None:
    assert _chain(DENPASAR) == []  # bebas; P4.01 starts with P4
    assert _chain(decree_book) == []  # every code in the 2021 decree's shape


def test_a_kegiatan_outside_its_programme(tmp_path: Path) -> None:
    bad = edit(DENPASAR, tmp_path / "bad.xlsx", set_value("KG", "kode_kegiatan", "P5.01"))
    (f,) = _chain(bad)
    assert (f.code, f.severity, f.location) == ("kode-tidak-sesuai-induk", "warning",
                                                location("KG", "kode_kegiatan"))
    assert render_message(f, "id").startswith("Kode kegiatan P5.01 di ")
    assert "does not start with its parent's code P1" in render_message(f, "en")
    # and says what to do
    assert "Perbaiki kode kegiatan ini agar diawali P1" in render_message(f, "id")
    assert "Correct this kegiatan code to start with P1" in render_message(f, "en")


def test_a_mis_padded_code_is_named_with_the_code_meant(decree_book: Path, tmp_path: Path) -> None:
    bad = edit(decree_book, tmp_path / "pad.xlsx",
               set_value("KG", "kode_kegiatan", "2.09.01.02.01", as_text=True))
    found = {f.code: f for f in _chain(bad)}
    f = found["kode-tidak-sesuai-nomenklatur"]
    assert f.location == location("KG", "kode_kegiatan")
    assert ("tidak mengikuti struktur kepmendagri_050_5889_2021 (contoh 1.01.01.2.01); "
            "mungkin maksudnya 2.09.01.2.01. Salin kode dari dokumen Renja/DPA") in render_message(
        f, "id")
    assert "; perhaps 2.09.01.2.01 was meant. Copy the code" in render_message(f, "en")
    # its sub-kegiatan rows no longer start with it either
    assert "kode-tidak-sesuai-induk" not in found or found["kode-tidak-sesuai-induk"].params[
        "tingkat"] == "sub-kegiatan"


def test_a_code_with_no_normal_form_gets_no_suggestion(decree_book: Path, tmp_path: Path) -> None:
    bad = edit(decree_book, tmp_path / "x.xlsx", set_value("PG", "kode", "PROG-1"))
    (f,) = [f for f in _chain(bad) if f.location == location("PG", "kode")]
    assert "mungkin" not in render_message(f, "id") and "(contoh 1.01.01)" in render_message(f, "id")
