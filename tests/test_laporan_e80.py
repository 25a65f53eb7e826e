"""The Renstra evaluation (Formulir E.80) in the LKjIP document (issue #24): a lampiran after
the E.81's, only for a document with indicators below sasaran and a Renstra period, its parts
(columns 1-4 repeated) covering every numbered column of `kolom_e80` once, every number
`core.evaluasi_renstra`'s as printed, read back from the real .docx; through LibreOffice Writer,
every word of every row in the PDF on A4 and F4 and no rupiah amount broken over two lines."""

from __future__ import annotations

import copy
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from lkjip_xl.core.evaluasi_renstra import EvaluasiRenstra, evaluasi_renstra
from lkjip_xl.core.model import Dokumen
from lkjip_xl.engines import libreoffice
from lkjip_xl.laporan import laporan
from lkjip_xl.laporan.angka import angka
from lkjip_xl.schema.renja_columns import CATATAN_E80, kolom_e80, penanggung_jawab_e80
from lkjip_xl.workbook.write import write_workbook
from tests.renja_docs import denpasar, with_renja

HEADER = "1. No"
CAPTION = "Formulir E.80"
RENSTRA = "Tindak lanjut untuk Renstra berikutnya: memperluas sasaran koperasi sehat"


def _e80_tables(docx: Path) -> list[tuple[str, list[list[str]]]]:
    from tests.test_laporan_pdf import _tables_with_captions

    return [(label, rows) for label, rows in _tables_with_captions(docx)
            if rows[0][0] == HEADER and label in _e80_labels(docx)]


def _e80_labels(docx: Path) -> set[str]:
    text = [p.text for p in Document(str(docx)).paragraphs]
    return {m.group(1) for t in text if CAPTION in t
            for m in [re.match(r"(Tabel L\.\d+)", t)] if m}


def _doc() -> Dokumen:
    dok = with_renja(denpasar(), per_owner=2)
    dok.sasaran[0].tindak_lanjut_renstra = RENSTRA
    return dok


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dokumen, Path, Any]:
    tmp = tmp_path_factory.mktemp("laporan_e80")
    dok = _doc()
    write_workbook(dok, tmp / "wb.xlsx")
    hasil = laporan(tmp / "wb.xlsx", tmp / "lkjip.docx", kertas="A4")
    assert not hasil.draf
    return dok, tmp / "lkjip.docx", hasil


def _want(ev: EvaluasiRenstra, header: str, row_owner: int, row_ind: int | None) -> str:
    """The figure a header ("7 K", "12 Rp") shows for owner `row_owner`'s indicator `row_ind`
    (None: its money), as printed."""
    nomor, side = header.split(" ")
    col = next(k for k in kolom_e80(ev.awal, ev.akhir) if k.nomor == nomor)
    p = ev.pemilik[row_owner]
    kind = "percent" if col.persen else ("money" if side == "Rp" else "number")
    if side == "Rp":
        return angka(col.of(p.rp, "rp"), kind)
    b = p.indikator[row_ind].e80 if p.indikator and row_ind is not None else None
    return angka(col.of(b, "k"), kind)


def test_parts_cover_every_column_once_in_the_forms_order(built: Any) -> None:
    dok, docx, _ = built
    ev = evaluasi_renstra(dok)
    assert ev is not None
    tables = _e80_tables(docx)
    assert len(tables) >= 3
    printed = [h for _, rows in tables for h in rows[0][4:]]
    cols = kolom_e80(ev.awal, ev.akhir)
    want = [f"{k.nomor} {s}" for k in cols for s in ("K", "Rp") if s == "K" or not k.k_saja]
    pj = penanggung_jawab_e80(ev.awal, ev.akhir)
    assert printed == [*want, f"{pj[0]}. {pj[1]}"]
    for _, rows in tables:  # columns 1-4 repeated in every part
        assert rows[0][:4] == tables[0][1][0][:4]


def test_every_number_is_the_evaluations(built: Any) -> None:
    """Each part's rows: an owner's indicators one a row (K per row, Rp on the first only),
    every figure `evaluasi_renstra`'s as printed."""
    dok, docx, _ = built
    ev = evaluasi_renstra(dok)
    assert ev is not None
    checked = 0
    for _, rows in _e80_tables(docx):
        headers = rows[0]
        body = iter(rows[1:])
        for n, p in enumerate(ev.pemilik):
            for r in range(max(1, len(p.indikator))):
                row = next(body)
                if r == 0:
                    assert row[0] == str(n + 1) and row[2].endswith(p.renja.uraian)
                for c, h in enumerate(headers[4:], start=4):
                    if " " not in h or not h.split(" ")[0].isdigit() or h.endswith("jawab"):
                        continue
                    if h.endswith("Rp") and r > 0:
                        assert row[c] == "", (h, p.kode)
                    else:
                        assert row[c] == _want(ev, h, n, r if p.indikator else None), (h, p.kode)
                        checked += bool(row[c])
        assert next(body, None) is None
    assert checked > 300


def test_legend_footer_and_signatures(built: Any) -> None:
    dok, docx, _ = built
    ev = evaluasi_renstra(dok)
    assert ev is not None
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    e80 = text[text.index("EVALUASI TERHADAP HASIL RENSTRA"):]
    for k in kolom_e80(ev.awal, ev.akhir):  # every header and formula label from kolom_e80
        assert f"{k.nomor} {k.header}" + (f" ({k.rumus})" if k.rumus else "") in e80
    assert CATATAN_E80 in e80
    r = ev.ringkasan
    assert f"Rata-rata rasio capaian kinerja Renstra (%): {angka(r.rata_rata_rasio, 'percent')}" \
        in e80
    assert f"Predikat kinerja: {r.predikat}" in e80
    assert f"Penyerapan anggaran Renstra s.d. tahun berjalan (%): " \
           f"{angka(r.penyerapan, 'percent')}" in e80
    assert "Tindak lanjut yang diperlukan dalam Renja perangkat daerah berikutnya" in e80
    renstra = e80.split("Tindak lanjut yang diperlukan dalam Renstra perangkat daerah "
                        "berikutnya")[-1]
    assert renstra.lstrip().startswith(f"S1: {RENSTRA}")
    assert "Kepala Perangkat Daerah\tKepala Bappeda" in e80  # the E.81's signatures
    assert f"\t{dok.instansi.kepala.nama}\t(......" in e80


def test_only_with_indicators_below_sasaran_and_a_renstra_period(tmp_path: Path) -> None:
    """The Denpasar sample (no indicator below sasaran) and a document with indicators but no
    Renstra period print the E.81 lampiran only."""
    plain = denpasar()
    write_workbook(plain, tmp_path / "d.xlsx")
    laporan(tmp_path / "d.xlsx", tmp_path / "d.docx")
    no_period = copy.deepcopy(_doc())
    no_period.renstra = None  # and the year maps it places
    for s in no_period.sasaran:
        for i in s.indikator:
            i.target_renstra = {}
    for prog in no_period.program:
        prog.pagu_renstra = {}
        for owner in [prog, *prog.kegiatan, *(s for k in prog.kegiatan for s in k.sub_kegiatan)]:
            for ind in owner.indikator:
                ind.target_renstra = {}
    write_workbook(no_period, tmp_path / "n.xlsx")
    laporan(tmp_path / "n.xlsx", tmp_path / "n.docx")
    for docx in (tmp_path / "d.docx", tmp_path / "n.docx"):
        text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
        assert "Formulir E.81" in text and CAPTION not in text, docx.name


# ------------------------------------------------------------------ through LibreOffice Writer
needs_writer = pytest.mark.skipif(
    not libreoffice.available() or shutil.which("pdftotext") is None,
    reason="LibreOffice Writer / poppler not installed")


@pytest.mark.slow
@pytest.mark.libreoffice
@needs_writer
@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_every_e80_row_reaches_the_pdf(tmp_path: Path, kertas: str) -> None:
    from tests.test_laporan_pdf import _pdf_text, _segments, _tables_with_captions, words

    dok = with_renja(denpasar(), per_owner=3, long_names=True, seed=7)
    write_workbook(dok, tmp_path / "wb.xlsx")
    out = tmp_path / f"e80-{kertas}.docx"
    hasil = laporan(tmp_path / "wb.xlsx", out, pdf=True, kertas=kertas)
    assert hasil.pdf is not None
    text = _pdf_text(hasil.pdf)
    tables = _tables_with_captions(out)
    segs = _segments(text, [label for label, _ in tables])
    ours = _e80_tables(out)
    assert len(ours) >= 3
    checked = amounts = 0
    for label, rows in ours:
        seg = segs[label].split(CATATAN_E80[:30])[0]
        pages = seg.strip().count("\f") + 1
        assert pages >= 2, label  # the premise: each part crosses a page break
        assert seg.count(rows[0][0].split(" ")[0] + " ") >= pages, (label, pages)
        have = Counter(words(seg))
        need: Counter[str] = Counter()
        lines = seg.split("\n")
        for r, row in enumerate(rows):
            need += Counter(w for cell in row for w in words(cell))
            checked += 1
            assert not need - have, (label, r, sorted(need - have)[:5])
        # a rupiah amount printed whole on one line, never broken over two
        money = {c for row in rows[1:] for c in row if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}", c)}
        amounts += len(money)
        for m in money:
            assert any(m in ln for ln in lines), (label, m)
    assert checked > 300 and amounts > 20
