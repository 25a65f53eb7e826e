"""What gets printed is whole: the LKjIP document laid out by LibreOffice Writer (issue #22).

A generated agency whose every table crosses at least one page break (24 indicators with long
names, long SDM lines) goes through `laporan --pdf`; every word of every row of every .docx table
(read with python-docx) must be in the PDF (read with pdftotext), in the part of the text that
belongs to that table's caption. Writer used to drop the rows after a header row kept whole at the
foot of a page, the rows a vertically merged cell spanned past a page break, and the last lines of
a row kept whole that was taller than the page below the repeated header.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from lkjip_xl.cli import run_main
from lkjip_xl.core.model import AGREGASI, POLARITAS, Dokumen, SdmBaris
from lkjip_xl.engines import libreoffice
from lkjip_xl.laporan import laporan
from lkjip_xl.workbook.write import write_workbook
from tests import docgen

needs_writer = pytest.mark.skipif(
    not libreoffice.available() or shutil.which("pdftotext") is None
    or shutil.which("pdfinfo") is None, reason="LibreOffice Writer / poppler not installed")
pytestmark = [pytest.mark.libreoffice, needs_writer]


def long_agency() -> Dokumen:
    """24 indicators over 3 sasaran, names of some 30 words ending in a word of their own (one
    of 130), and SDM lines long enough for their small tables to run over a page too."""
    kinds = [(p, a) for p in POLARITAS for a in AGREGASI] * 3
    dok = docgen.build(2, kinds=kinds[:24], tahun=2024)  # even seed: narrative and SDM filled
    words = ("persentase pelaku usaha mikro kecil dan menengah binaan yang naik kelas setelah "
             "pendampingan pelatihan kewirausahaan sertifikasi produk dan akses permodalan").split()
    for s in dok.sasaran:
        s.uraian = f"{s.uraian} melalui {' '.join(words[:12])} akhir{s.kode}"
        for i in s.indikator:
            i.uraian = f"Indikator {i.kode} {' '.join(words)} {' '.join(words[:8])} akhir{i.kode}"
    # one name of some 130 words: a row taller than a page holds below the repeated header
    first = dok.sasaran[-1].indikator[0]
    first.uraian = first.uraian.replace(" akhir", f" {' '.join(words * 6)} akhir")
    dok.sdm = [SdmBaris(k, f"{k} baris {n} " + " ".join(words) * 2 + f" akhir{k}{n}", 3.0 + n)
               for k in ("golongan", "pendidikan") for n in range(6)]
    return dok


def _pdf_text(pdf: Path) -> str:
    """Lines as printed (-layout): the raw reading order may put a table's last numbers after
    the next caption."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=120).stdout


def _tables_with_captions(docx: Path) -> list[tuple[str, list[list[str]]]]:
    """(caption label, rows of cell texts) in document order."""
    doc = Document(str(docx))
    tables = iter(doc.tables)
    out, label = [], ""
    for el in doc.element.body:
        if el.tag == qn("w:p"):
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            m = re.match(r"(Tabel [0-9L]+\.\d+)", text)
            if m:
                label = m.group(1)
        elif el.tag == qn("w:tbl"):
            t = next(tables)
            rows = [[" ".join("".join(x.text or "" for x in p.iter(qn("w:t")))
                              for p in tc.iter(qn("w:p"))) for tc in tr.tc_lst]
                    for tr in t._tbl.tr_lst]
            out.append((label, rows))
    return out


def _segments(text: str, labels: list[str]) -> dict[str, str]:
    """Each caption's part of the PDF text: from its caption line to the next caption's."""
    lines = text.split("\n")
    at = {}
    k = 0
    for label in labels:
        while k < len(lines) and lines[k].strip() != label:
            k += 1
        at[label] = k
    out = {}
    for n, label in enumerate(labels):
        end = at[labels[n + 1]] if n + 1 < len(labels) else len(lines)
        out[label] = "\n".join(lines[at[label]:end])
    return out


def words(text: str) -> list[str]:
    """The words of a text as the PDF may print them: also split at hyphens and plus signs
    (Writer breaks a narrow cell's 'Sub-kegiatan' and '8+9+10+11' there) and between digits
    and letters (pdftotext prints a centred "5 K" header as "5K")."""
    return re.findall(r"\d+|[^\s\d+\-]+", text)


def rows_missing(docx: Path, pdf: Path) -> tuple[list[str], dict[str, int], int]:
    """(rows with a word missing from their table's part of the PDF, pages each table spans,
    rows checked). Words are counted, so a row whose tail was lost fails even where its first
    words are printed, and the order in which pdftotext reads split rows does not matter."""
    text = _pdf_text(pdf)
    tables = _tables_with_captions(docx)
    segs = _segments(text, [label for label, _rows in tables])
    missing, spans, checked = [], {}, 0
    for label, rows in tables:
        seg = segs[label]
        assert seg.strip(), f"{label} not found in the PDF"
        spans[label] = seg.count("\f") + 1
        have = Counter(words(seg))
        need: Counter[str] = Counter()
        for r, row in enumerate(rows):
            found = Counter(w for cell in row for w in words(cell))
            need += found
            checked += 1
            short = need - have
            if short:
                missing.append(f"{label} row {r}: {sorted(short)[:5]}")
                need -= found  # report each row once
    return missing, spans, checked


@pytest.fixture(scope="module")
def long_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("panjang") / "panjang.xlsx"
    write_workbook(long_agency(), path)
    return path


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_every_row_of_every_table_reaches_the_pdf(long_workbook: Path, tmp_path: Path,
                                                   kertas: str) -> None:
    out = tmp_path / f"panjang-{kertas}.docx"
    hasil = laporan(long_workbook, out, pdf=True, kertas=kertas)
    assert not hasil.draf and hasil.pdf is not None
    missing, spans, checked = rows_missing(out, hasil.pdf)
    # the premise: every table runs over at least one page break (but the E.81 lampiran's,
    # money rows only here: tests/test_laporan_renja.py makes those cross pages)
    e81 = {label for label, rows in _tables_with_captions(out) if rows[0][0] == "1. No"}
    assert len(e81) == 4
    assert all(n >= 2 for k, n in spans.items() if k not in e81), {
        k: n for k, n in spans.items() if n < 2 and k not in e81}
    assert len(spans) >= 20 and checked > 250
    assert missing == []


def _page_sizes(pdf: Path) -> set[tuple[int, int]]:
    """Every page's size in millimetres (width, height), read with pdfinfo."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                          text=True, timeout=60).stdout
    out = set()
    for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info):
        out.add((round(float(w) / 72 * 25.4), round(float(h) / 72 * 25.4)))
    return out


def test_paper_follows_the_workbook_and_kertas_overrides_it(sample_workbook: Path,
                                                            tmp_path: Path) -> None:
    """The sample's setting is A4; a workbook made with `new --kertas F4` prints on F4
    (216 x 330 mm, 8.5 x 13 in); `laporan --kertas A4` overrides it. Portrait pages and the
    landscape Bab III and lampiran keep the paper."""
    a4 = tmp_path / "a4.docx"
    assert run_main(["laporan", str(sample_workbook), "-o", str(a4), "--pdf"]) == 0
    assert _page_sizes(a4.with_suffix(".pdf")) == {(210, 297), (297, 210)}
    f4_book = tmp_path / "f4.xlsx"
    root = Path(__file__).resolve().parent.parent
    assert run_main(["new", "--data", str(root / "samples" / "denpasar_2019.yaml"), "--kertas",
                     "F4", "-o", str(f4_book)]) == 0
    f4 = tmp_path / "f4.docx"
    assert run_main(["laporan", str(f4_book), "-o", str(f4), "--pdf"]) == 0
    assert _page_sizes(f4.with_suffix(".pdf")) == {(216, 330), (330, 216)}
    back = tmp_path / "f4-as-a4.docx"
    assert run_main(["laporan", str(f4_book), "-o", str(back), "--pdf", "--kertas", "A4"]) == 0
    assert _page_sizes(back.with_suffix(".pdf")) == {(210, 297), (297, 210)}
