"""How the document's tables are written so that LibreOffice Writer lays them out whole (issue
#22; tests/test_laporan_pdf.py proves it on the PDF): the rules, read back from the .docx XML."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from lkjip_xl.core.measurement import ukur
from lkjip_xl.core.model import AGREGASI, POLARITAS
from lkjip_xl.laporan import docx_parts as dx
from lkjip_xl.laporan.document import Laporan
from tests import docgen


def _flags(tr: object) -> set[str]:
    pr = tr.trPr  # type: ignore[attr-defined]
    return set() if pr is None else {c.tag.split("}")[1] for c in pr}


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kinds = [(p, a) for p in POLARITAS for a in AGREGASI] * 2
    dok = docgen.build(2, kinds=kinds[:12], tahun=2024)
    tall = dok.sasaran[0].indikator[0]
    tall.uraian = "Indikator panjang " + "kata " * 400  # taller than a third of any page
    out = tmp_path_factory.mktemp("tabel") / "t.docx"
    Laporan(dok, ukur(dok), charts=True).build().save(str(out))
    return out


def test_header_rows_repeat_and_are_never_kept_whole(document: Path) -> None:
    doc = Document(str(document))
    assert len(doc.tables) > 15
    for t in doc.tables:
        head, *rows = t._tbl.tr_lst
        assert _flags(head) == {"tblHeader"}
        assert all("tblHeader" not in _flags(tr) for tr in rows)


def test_short_rows_are_kept_whole_tall_ones_may_split(document: Path) -> None:
    doc = Document(str(document))
    kept = split = 0
    for t in doc.tables:
        for tr in t._tbl.tr_lst[1:]:
            text = "".join(x.text or "" for x in tr.iter(qn("w:t")))
            if "Indikator panjang" in text:
                assert "cantSplit" not in _flags(tr), text[:40]
                split += 1
            elif "cantSplit" in _flags(tr):
                kept += 1
    assert split >= 8 and kept > 100


def test_no_vertical_merge_groups_are_drawn_by_borders(document: Path) -> None:
    """Writer drops the rows a merged cell spans past a page break: no w:vMerge anywhere; a
    group's later cells are empty and open at the top."""
    doc = Document(str(document))
    body = doc.element.body
    assert not list(body.iter(qn("w:vMerge")))
    opened = [b for b in body.iter(qn("w:tcBorders")) if b.find(qn("w:top")) is not None]
    assert opened
    for b in opened:
        tc = b.getparent().getparent()
        assert "".join(x.text or "" for x in tc.iter(qn("w:t"))) == ""


def test_captions_keep_with_their_table_and_charts_with_their_caption(document: Path) -> None:
    doc = Document(str(document))
    paras = doc.paragraphs
    captions = [p for p in paras if p.text.startswith("Tabel ")]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
    pictures = [p for p in paras if p._p.xpath(".//w:drawing")]
    assert len(pictures) == 2
    for p in pictures:
        assert p.paragraph_format.keep_with_next
        nxt = paras[paras.index(p) + 1]
        assert nxt.text.startswith("Grafik 3.")


def test_paper_sizes_and_binding_margins() -> None:
    a4, f4 = dx.paper_size("A4"), dx.paper_size("F4")
    assert (a4[0].mm, a4[1].mm) == pytest.approx((210, 297), abs=0.01)
    assert (f4[0].mm, f4[1].mm) == pytest.approx((216, 330), abs=0.01)
    doc = Document()
    dx.set_page(doc.sections[0], "F4", landscape=False)
    land = dx.new_section(doc, True, "F4")
    port = doc.sections[0]
    assert (port.page_width, port.page_height) == (land.page_height, land.page_width)
    assert port.left_margin.cm == pytest.approx(4.0, abs=0.01)  # twips round
    assert land.top_margin.cm == pytest.approx(4.0, abs=0.01)
    assert port.right_margin.cm == pytest.approx(2.5, abs=0.01)


def test_row_height_estimate_wraps_words() -> None:
    assert dx._lines("abc def ghi", 30, 9) == 3  # 5 characters a line at 9 pt
    assert dx._lines("x" * 30, 27, 9) == 6  # a word longer than a line breaks
    assert dx._lines("a\nb", 100, 9) == 2
