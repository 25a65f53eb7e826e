"""The report's own text (kata pengantar, Bab I, Bab IV, each sasaran's analysis, the SDM
table): declared in the layout like every other input, carried by the data format and the
workbook, reported as completeness when empty, inserted into the LKjIP document as written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import dataformat
from lkjip_xl.core.model import SdmBaris
from lkjip_xl.schema import TABLES
from lkjip_xl.schema.sheets import NARASI, NARASI_FIELDS
from lkjip_xl.verify import verify
from lkjip_xl.workbook.read import read_workbook
from lkjip_xl.workbook.write import MEMO_WIDTH, write_workbook
from tests.corrupt import cell_ref, edit
from tests.docgen import build


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("narasi") / "narasi.xlsx"
    write_workbook(build(4), out)
    return out


def test_narrative_round_trips_through_data_format_and_workbook(filled: Path,
                                                                 tmp_path: Path) -> None:
    dok = build(4)
    data = tmp_path / "d.yaml"
    dataformat.dump(dok, data)
    again = dataformat.load(data)
    assert again.narasi == dok.narasi and again.sdm == dok.sdm
    read, _lr = read_workbook(filled)
    assert read.narasi == dok.narasi
    assert read.sdm == dok.sdm
    for a, b in zip(read.sasaran, dok.sasaran):
        assert (a.pendorong, a.penghambat, a.upaya, a.program_penunjang) == \
               (b.pendorong, b.penghambat, b.upaya, b.program_penunjang)


def test_long_text_is_wrapped_in_wide_cells_with_rows_tall_enough(filled: Path) -> None:
    ws = openpyxl.load_workbook(filled)[NARASI]
    assert ws.column_dimensions["B"].width == pytest.approx(MEMO_WIDTH, abs=1)
    for f in NARASI_FIELDS:
        cell = ws[f"B{f.row}"]
        text = str(cell.value)
        assert cell.alignment.wrap_text
        lines = sum(max(1, -(-len(p) // MEMO_WIDTH)) for p in text.split("\n"))
        height = ws.row_dimensions[f.row].height
        assert height is not None and height >= 14 * lines, (f.key, height, lines)
    ss = openpyxl.load_workbook(filled)["Sasaran"]
    col = TABLES["SS"].letter("pendorong")
    assert ss[f"{col}{TABLES['SS'].first_row}"].alignment.wrap_text


def test_verify_names_what_is_still_empty_as_completeness(tmp_path: Path, filled: Path) -> None:
    full = verify(filled)
    assert "narasi-belum-lengkap" not in {f.code for f in full.findings}
    dok = build(4)
    dok.narasi.simpulan = None
    dok.sdm = [b for b in dok.sdm if b.kelompok == "golongan"]
    dok.sasaran[0].upaya = None
    path = tmp_path / "sebagian.xlsx"
    write_workbook(dok, path)
    rep = verify(path)
    gap = [f for f in rep.findings if f.code == "narasi-belum-lengkap"]
    assert len(gap) == 1 and gap[0].severity == "info"
    assert {k: gap[0].params[k] for k in ("narasi", "sasaran")} == {
        "narasi": "Simpulan", "sasaran": dok.sasaran[0].kode}
    assert gap[0].message("id").startswith(
        f"Narasi laporan belum lengkap: Simpulan (sheet Narasi); analisis sasaran belum diisi: "
        f"{dok.sasaran[0].kode} (upaya / solusi) (sheet Sasaran).")
    assert rep.verdict() == "lulus"


def test_an_indicator_without_sasaran_code_asks_for_the_code_not_an_analysis(
        tmp_path: Path, filled: Path) -> None:
    """An indicator row with its sasaran code left empty hangs under a sasaran with no code and
    no row of its own: its analysis cannot be typed anywhere, so the gap names nothing empty
    ("analisis sasaran belum diisi:  (semua)"); the missing code is its own error."""
    dok = build(4)
    row = sum(len(s.indikator) for s in dok.sasaran)
    path = edit(filled, tmp_path / "tanpa-sasaran.xlsx", lambda wb: [
        wb[cell_ref("IK", k, row)[0]].__setitem__(cell_ref("IK", k, row)[1], v)
        for k, v in (("kode", "IK-LEPAS"), ("uraian", "Indikator lepas"), ("satuan", "%"),
                     ("polaritas", "positif"))])
    rep = verify(path)
    assert any(f.code == "isian-wajib-kosong" and f.location.endswith(
        f"A{TABLES['IK'].first_row + row}") for f in rep.findings)
    assert "narasi-belum-lengkap" not in {f.code for f in rep.findings}
    for f in rep.findings:
        for lang in ("id", "en"):
            assert "  (" not in f.message(lang), f.message(lang)  # an empty placeholder
    from lkjip_xl.laporan import laporan

    out = tmp_path / "tanpa-sasaran.docx"
    laporan(path, out, charts=False)
    assert "untuk sasaran  (" not in _document_text(out)  # nor in the document


def test_sdm_table_reads_only_named_rows_and_checks_its_choices(tmp_path: Path) -> None:
    dok = build(4)
    dok.sdm.append(SdmBaris("golongan", "II", None))
    path = tmp_path / "sdm.xlsx"
    write_workbook(dok, path)
    wb = openpyxl.load_workbook(path)
    t = TABLES["SDM"]
    ws = wb[t.sheet]
    ws[f"{t.letter('kelompok')}{t.first_row}"] = "jabatan"  # not a kelompok
    wb.save(path)
    rep = verify(path)
    bad = [f for f in rep.findings if f.code == "pilihan-tidak-dikenal"]
    assert [f.location for f in bad] == [f"{t.sheet}!{t.letter('kelompok')}{t.first_row}"]
    read, _ = read_workbook(path)
    assert [b.uraian for b in read.sdm] == [b.uraian for b in dok.sdm]


def _document_text(docx: Path) -> str:
    import docx as python_docx

    d = python_docx.Document(str(docx))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def test_the_document_prints_the_staff_text_and_placeholders_only_where_empty(
        filled: Path, sample_workbook: Path, tmp_path: Path) -> None:
    from lkjip_xl.laporan import laporan

    out = tmp_path / "lkjip.docx"
    laporan(filled, out, charts=False)
    text = _document_text(out)
    dok = build(4)
    for f in NARASI_FIELDS:
        for par in (getattr(dok.narasi, f.key) or "").split("\n"):
            assert par.strip() in text, (f.key, par[:40])
    assert f"Upaya {dok.sasaran[0].kode}" in text
    assert "Pegawai menurut golongan" in text and "Pegawai menurut pendidikan" in text
    assert "[Isi: kata pengantar" not in text and "[Isi: simpulan" not in text
    # the bundled sample carries its narrative (issue #22): only the SDM table, whose numbers
    # the seed does not give, is still a placeholder, and the E.81 lampiran's RKPD sasaran
    # (#24) and its follow-up for the next Renja (a Sasaran column the seed report has no
    # text for), which the sample names nowhere
    sample = tmp_path / "sampel.docx"
    laporan(sample_workbook, sample, charts=False)
    text = _document_text(sample)
    assert text.count("[Isi: ") == 3 and "[Isi: jumlah pegawai" in text
    assert "[Isi: sasaran RKPD / RPJMD yang diacu" in text
    assert "[Isi: tindak lanjut yang diperlukan dalam Renja perangkat daerah" in text
    # an empty template: every such place is a visible placeholder (it has no sasaran yet, so
    # no analysis to ask for)
    from lkjip_xl.cli import run_main

    template = tmp_path / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Contoh", "-o",
                     str(template)]) == 0
    empty = tmp_path / "kosong.docx"
    laporan(template, empty, charts=False)
    blank = _document_text(empty)
    for what in ("kata pengantar", "tugas dan fungsi", "simpulan", "jumlah pegawai",
                 "langkah ke depan"):
        assert f"[Isi: {what}" in blank, what


def test_table_rows_are_as_tall_as_their_wrapped_text(sample_workbook: Path) -> None:
    """An indicator's formula longer than its column wraps: the row is written tall enough
    (Excel keeps a written row's height; LibreOffice printed the lines over each other)."""
    t = TABLES["IK"]
    ws = openpyxl.load_workbook(sample_workbook)[t.sheet]
    col = t.letter("formula")
    width = t.column("formula").width
    for r in range(t.first_row, t.first_row + 2):
        text = str(ws[f"{col}{r}"].value)
        assert len(text) > width  # the sample's formulas do wrap
        assert (ws.row_dimensions[r].height or 15) >= 30, r
    assert ws.row_dimensions[t.first_row + 5].height in (None, 15)  # an empty spare row
