"""The Renja evaluation in the LKjIP document (issue #24 item 4): Bab III item 7's table per
sasaran and the E.81 lampiran, every number `core.evaluasi`'s, read back from the real .docx;
and, through LibreOffice Writer, every row of those tables in the PDF on A4 and F4 with the
header repeated on every page they cross."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm

from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.measurement import ukur
from lkjip_xl.engines import libreoffice
from lkjip_xl.laporan import laporan
from lkjip_xl.laporan.angka import angka
from lkjip_xl.workbook.write import write_workbook
from tests.renja_docs import denpasar, with_renja

ITEM7_HEADER = "Program / kegiatan / sub kegiatan"
E81_HEADER = "1. No"


def _tables(docx: Path, first: str) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in t.rows] for t in Document(str(docx)).tables
            if t.rows[0].cells[0].text == first]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path, Any]:
    tmp = tmp_path_factory.mktemp("laporan_renja")
    dok = with_renja(denpasar(), per_owner=2)
    write_workbook(dok, tmp / "wb.xlsx")
    hasil = laporan(tmp / "wb.xlsx", tmp / "lkjip.docx", kertas="F4")
    assert not hasil.draf
    return dok, tmp / "lkjip.docx", hasil


def test_item7_table_per_sasaran_with_the_evaluations_numbers(built: Any) -> None:
    dok, docx, _ = built
    ev = evaluasi_renja(dok)
    tables = _tables(docx, ITEM7_HEADER)
    assert len(tables) == len(dok.sasaran) == 2
    for s, table in zip(dok.sasaran, tables):
        owners = [p for p in ev.pemilik if p.kode_sasaran == s.kode]
        want: list[list[str]] = []
        for p in owners:
            for n, b in enumerate(p.indikator):
                money = [angka(p.rp.k7, "money"), angka(p.rp.k12, "money"),
                         angka(p.rp.k12a, "percent")] if n == 0 else ["", "", ""]
                want.append([angka(b.k.k7, "number"), angka(b.k.k12, "number"),
                             angka(b.k.k12a, "percent"), *money])
        assert [row[2:] for row in table[1:]] == want
        # the owner named once over its indicator rows, its level and code first
        assert table[1][0].startswith(f"Program {owners[0].kode}: ")


def test_e81_lampiran_four_tables_columns_1_to_15(built: Any) -> None:
    dok, docx, hasil = built
    ev = evaluasi_renja(dok)
    tables = _tables(docx, E81_HEADER)[:4]  # the E.80's parts follow (tests/test_laporan_e80.py)
    rows = sum(max(1, len(p.indikator)) for p in ev.pemilik)
    assert all(len(t) == rows + 1 for t in tables)
    numbers = [h.split(" ")[0].rstrip(".") for t in tables for h in t[0][4:]]
    assert numbers == ["5", "5", "6", "6", "7", "7", "8", "8", "9", "9", "10", "10", "11", "11",
                       "12", "12", "12a", "12a", "13", "13", "14", "14", "15"]
    # a programme's 14 Rp and its first indicator's 13 K, as the evaluation computed them
    p4 = next(p for p in ev.pemilik if p.kode == "P4")
    row = next(r for r in tables[2][1:] if r[2].startswith("Program P4:"))
    assert row[6] == angka(p4.indikator[0].k.k12a, "percent")
    row14 = next(r for r in tables[3][1:] if r[2].startswith("Program P4:"))
    assert row14[7] == angka(p4.rp.k14, "percent")
    assert row[3].startswith(p4.indikator[0].indikator.uraian)
    # the sasaran named with its RPJMD acuan; the Bappeda head, named nowhere in the
    # workbook, signs on a dotted line beside the agency's head, never an invented name
    assert "sasaran RPJMD: Meningkatnya daya saing ekonomi daerah" in tables[0][1][1]
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert f"\t{dok.instansi.kepala.nama}\t(......" in text
    assert "Kepala Perangkat Daerah\tKepala Bappeda" in text
    assert not any("Bappeda" in p for p in hasil.placeholders)
    assert f"Rata-rata capaian kinerja (%): {angka(ev.ringkasan.rata_rata_capaian, 'percent')}" \
        in text
    assert f"Predikat kinerja: {ev.ringkasan.predikat}" in text


def test_lampiran_is_landscape_on_the_documents_paper(built: Any) -> None:
    _, docx, _ = built
    last = Document(str(docx)).sections[-1]
    assert (round(last.page_width / Mm(1)), round(last.page_height / Mm(1))) == (330, 216)


def test_without_indicators_below_sasaran_item7_is_as_today(tmp_path: Path) -> None:
    """The Denpasar sample: no item-7 table, the E.81 with each programme's and kegiatan's
    money (the measurement's), an acuan placeholder."""
    dok = denpasar()
    write_workbook(dok, tmp_path / "wb.xlsx")
    hasil = laporan(tmp_path / "wb.xlsx", tmp_path / "d.docx")
    assert _tables(tmp_path / "d.docx", ITEM7_HEADER) == []
    e81 = _tables(tmp_path / "d.docx", E81_HEADER)
    m = ukur(dok)
    seven = {r[2].split(":")[0]: r[9] for r in e81[0][1:]}  # 7 Rp
    for p in dok.program:
        assert seven[f"Program {p.kode}"] == angka(m.program[p.kode].anggaran, "money")
    assert any("sasaran RKPD / RPJMD yang diacu" in p for p in hasil.placeholders)


# ------------------------------------------------------------------ through LibreOffice Writer
needs_writer = pytest.mark.skipif(
    not libreoffice.available() or shutil.which("pdftotext") is None,
    reason="LibreOffice Writer / poppler not installed")


@pytest.mark.slow
@pytest.mark.libreoffice
@needs_writer
@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_every_renja_row_reaches_the_pdf(tmp_path: Path, kertas: str) -> None:
    from tests.test_laporan_pdf import _pdf_text, _segments, _tables_with_captions, words

    dok = with_renja(denpasar(), per_owner=3, long_names=True, seed=7)
    write_workbook(dok, tmp_path / "wb.xlsx")
    out = tmp_path / f"renja-{kertas}.docx"
    hasil = laporan(tmp_path / "wb.xlsx", out, pdf=True, kertas=kertas)
    assert hasil.pdf is not None
    text = _pdf_text(hasil.pdf)
    tables = _tables_with_captions(out)
    segs = _segments(text, [label for label, _ in tables])
    e81 = [(label, rows) for label, rows in tables if rows[0][0] == E81_HEADER][:4]  # E.80 next
    ours = [(label, rows) for label, rows in tables if rows[0][0] == ITEM7_HEADER] + e81
    assert len(ours) == 6
    checked = 0
    for label, rows in ours:
        seg = segs[label]
        for end in ("Capaian = kolom 12a", "Kolom K indikator"):  # the note after the table
            seg = seg.split(end)[0]
        pages = seg.strip().count("\f") + 1  # the page breaks inside the table's part
        assert pages >= 2, label  # the premise: each crosses a page break
        # the header repeated on every page the table runs onto
        assert seg.count(rows[0][0].split(" ")[0] + " ") >= pages, (label, pages)
        have = Counter(words(seg))
        need: Counter[str] = Counter()
        for r, row in enumerate(rows):
            need += Counter(w for cell in row for w in words(cell))
            checked += 1
            assert not need - have, (label, r, sorted(need - have)[:5])
    assert checked > 300
