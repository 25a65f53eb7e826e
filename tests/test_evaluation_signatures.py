"""The evaluation forms' footers and signatures (issue #24): the two follow-up lines apart
("triwulan berikutnya" from the sasaran's *Upaya / solusi*, "Renja berikutnya" from its *Tindak
lanjut Renja berikutnya*) and the head of Bappeda named from Profil (`bappeda_*`), or the dotted
line to sign by hand when unnamed; in measure's *Evaluasi Renja* form (formulas on the Sasaran
and Profil cells) and laporan's E.81 lampiran (text). A document from `new --data` naming them
is verified quiet and printed by both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document

from lkjip_xl.cli import run_main
from lkjip_xl.core.model import Dokumen, Kepala
from lkjip_xl.dataformat import dumps
from lkjip_xl.laporan import laporan
from lkjip_xl.measure.styling import BAPPEDA_JABATAN, DOTTED_NAME, DOTTED_NIP
from lkjip_xl.schema.e81_form import E81_SHEET
from lkjip_xl.verify import verify
from tests.renja_docs import denpasar, with_renja

BAPPEDA = Kepala(nama="Dr. Ir. I Made Bappeda, M.Si.", nip="196801011990031001",
                 jabatan="Kepala Badan Perencanaan Pembangunan Daerah Kota Denpasar",
                 pangkat="Pembina Utama Muda (IV/c)")
UPAYA = "Percepatan pendampingan koperasi pada triwulan pertama"
RENJA = "Menambah target pelatihan kewirausahaan pada Renja tahun depan"


def _named() -> Dokumen:
    dok = with_renja(denpasar(), per_owner=1)
    dok.instansi.kepala_bappeda = BAPPEDA
    dok.sasaran[0].upaya = UPAYA
    dok.sasaran[0].tindak_lanjut_renja = RENJA
    return dok


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dokumen, Path]:
    """`new --data` of a YAML naming the head of Bappeda and the follow-ups, then `measure`
    and `laporan` through the real CLI."""
    tmp = tmp_path_factory.mktemp("signatures")
    dok = _named()
    (tmp / "in.yaml").write_text(dumps(dok), encoding="utf-8")
    assert "bappeda" in (tmp / "in.yaml").read_text(encoding="utf-8")
    assert run_main(["new", "--data", str(tmp / "in.yaml"), "-o", str(tmp / "wb.xlsx")]) == 0
    assert run_main(["measure", str(tmp / "wb.xlsx"), "-o", str(tmp / "m.xlsx")]) == 0
    assert run_main(["laporan", str(tmp / "wb.xlsx"), "-o", str(tmp / "l.docx")]) == 0
    return dok, tmp


def _values(path: Path, sheet: str, formulas: bool = False) -> list[str]:
    ws = openpyxl.load_workbook(path, data_only=not formulas)[sheet]
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def _paragraphs(docx: Path) -> str:
    return "\n".join(p.text for p in Document(str(docx)).paragraphs)


def test_verify_is_quiet_on_the_named_workbook_and_its_measure(named: Any) -> None:
    _, tmp = named
    for path in (tmp / "wb.xlsx", tmp / "m.xlsx"):
        loud = [(f.severity, f.code, f.location) for f in verify(path).findings
                if f.severity in ("error", "warning")]
        assert loud == [], path.name


def test_measure_names_the_head_of_bappeda_from_profil(named: Any) -> None:
    _, tmp = named
    values = _values(tmp / "m.xlsx", E81_SHEET)
    assert BAPPEDA.nama in values and f"NIP. {BAPPEDA.nip}" in values
    assert BAPPEDA.jabatan in values and BAPPEDA.pangkat in values
    assert DOTTED_NAME not in values and DOTTED_NIP not in values
    # the place line is left out: the position names it already
    assert "Denpasar" not in values
    formulas = _values(tmp / "m.xlsx", E81_SHEET, formulas=True)
    assert any(f.startswith("=IF(Profil!$B$15=") for f in formulas)  # live on Profil's cell


def test_measure_prints_the_two_follow_ups_apart(named: Any) -> None:
    _, tmp = named
    values = _values(tmp / "m.xlsx", E81_SHEET)
    quarter = values.index("Tindak lanjut yang diperlukan dalam triwulan berikutnya")
    renja = values.index("Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya")
    assert values[quarter + 1].startswith(f"S1: {UPAYA}; S2: ")  # S2's Upaya as the sample's
    assert values[renja + 1] == f"S1: {RENJA}; "  # S2 has none
    formulas = _values(tmp / "m.xlsx", E81_SHEET, formulas=True)
    assert sum("Sasaran!" in f and f.startswith("=IF((IF(") for f in formulas) == 4


def test_laporan_names_the_head_of_bappeda_and_both_follow_ups(named: Any) -> None:
    _, tmp = named
    text = _paragraphs(tmp / "l.docx")
    assert f"Kepala Perangkat Daerah\t{BAPPEDA.jabatan}" in text
    assert f"\t{BAPPEDA.nama}" in text and f"\tNIP. {BAPPEDA.nip}" in text
    assert "(......" not in text.split("Dievaluasi")[-1]
    tail = text.split("Tindak lanjut yang diperlukan dalam triwulan berikutnya")[-1]
    assert tail.lstrip().startswith(f"S1: {UPAYA}\nS2: ")
    tail = text.split("Tindak lanjut yang diperlukan dalam Renja perangkat daerah berikutnya")[-1]
    assert tail.lstrip().startswith(f"S1: {RENJA}")
    assert "S2:" not in tail.split("Disusun")[0]  # S2 wrote none


def test_unnamed_keeps_the_dotted_lines_and_places_each_follow_up(tmp_path: Path) -> None:
    """Profil without the head of Bappeda: "Kepala Bappeda" over the dotted name and NIP in
    both views; empty follow-ups: the placeholders name their own Sasaran column."""
    from lkjip_xl.measure import measure_dokumen
    from lkjip_xl.workbook.write import write_workbook

    dok = with_renja(denpasar(), per_owner=1)
    assert not dok.instansi.kepala_bappeda.nama
    for s in dok.sasaran:
        s.upaya = s.tindak_lanjut_renja = None
    measure_dokumen(dok, tmp_path / "m.xlsx")
    values = _values(tmp_path / "m.xlsx", E81_SHEET)
    assert {BAPPEDA_JABATAN, DOTTED_NAME, DOTTED_NIP, "Mengetahui,"} <= set(values)
    assert "[Isi: tindak lanjut yang diperlukan dalam triwulan berikutnya]" in values
    assert ("[Isi: tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya]"
            in values)
    write_workbook(dok, tmp_path / "wb.xlsx")
    hasil = laporan(tmp_path / "wb.xlsx", tmp_path / "l.docx")
    text = _paragraphs(tmp_path / "l.docx")
    assert "Kepala Perangkat Daerah\tKepala Bappeda" in text
    assert "\t(........................................)" in text
    assert "\tNIP. .............................." in text
    assert any("(sheet Sasaran, Upaya / solusi)" in p for p in hasil.placeholders)
    assert any("(sheet Sasaran, Tindak lanjut Renja berikutnya)" in p
               for p in hasil.placeholders)
    assert not any("Langkah ke depan" in p and "renja" in p.lower() for p in hasil.placeholders)
