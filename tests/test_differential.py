"""The workbook's formulas, the domain core and verify are three statements of one rule; LibreOffice
proves they agree, document after generated document.

Each document of `tests/docgen.py` goes through `new` (write_workbook) and `measure`; LibreOffice
recalculates and saves every file (many files per LibreOffice start); then for each file:
- every formula's recalculated value equals the value we cached (and so the domain core, which
  verify checks the cached values against);
- verify reports no error and no warning, before and after the round trip, but for the
  `realisasi-kosong` each indicator the generator leaves unreported on purpose must have;
- export's `pengukuran` is unchanged by the round trip, and measure's output carries it too.

CI runs a bounded set that still reaches every setting and every polaritas x agregasi pair (the
"forced" documents below). `LKJIP_XL_CAMPAIGN=N` adds N random documents (a long campaign: run it
once with `-s` to see the coverage table and the disagreement count).
"""

from __future__ import annotations

import itertools
import math
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from lkjip_xl.core.model import AGREGASI, METODE_EFISIENSI, NILAI_TW, POLARITAS, RUMUS_NEGATIF, Dokumen
from lkjip_xl.core.year_end import reported_indikator, reported_kegiatan
from lkjip_xl.measure import measure
from lkjip_xl.verify import verify
from lkjip_xl.workbook.export import export_workbook
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.grid import ErrorValue
from lkjip_xl.xlsx.stream import read_grid
from tests import docgen

ALL_KINDS = [(p, a) for p in POLARITAS for a in (*AGREGASI, None)]
BATCH = 25  # files per LibreOffice start


def forced_documents() -> list[Dokumen]:
    """Every rumus_negatif x metode_efisiensi x nilai_tw, each with all twelve polaritas x agregasi
    pairs; the cap and the predicate table cycle through their values."""
    out = []
    combos = itertools.product(RUMUS_NEGATIF, METODE_EFISIENSI, NILAI_TW)
    caps = itertools.cycle(docgen.BATAS)
    tables = itertools.cycle(sorted(docgen.PREDIKAT_TABLES))
    for n, (rn, me, tw) in enumerate(combos):
        out.append(docgen.build(1000 + n, rumus_negatif=rn, metode_efisiensi=me, nilai_tw=tw,
                                batas_capaian=next(caps), predikat=next(tables), kinds=ALL_KINDS))
    return out


def _plain(v: Any) -> Any:
    if v is None or v == "":
        return None
    if isinstance(v, ErrorValue):
        return str(v)
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    return v


def _same(a: Any, b: Any) -> bool:
    a, b = _plain(a), _plain(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)


def _same_tree(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_tree(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_tree(x, y) for x, y in zip(a, b))
    return _same(a, b)


def formula_disagreements(ours: Path, theirs: Path) -> tuple[int, list[str]]:
    """(formula cells compared, cells where LibreOffice's value differs from our cached one)."""
    mine, lo = read_grid(ours), read_grid(theirs)
    n, bad = 0, []
    for sg in mine.sheets:
        other = lo.sheet(sg.name)
        for (r, c), cell in sg.cells.items():
            if not cell.formula:
                continue
            n += 1
            got = other.value(r, c) if other is not None else "(sheet missing)"
            if not _same(cell.value, got):
                bad.append(f"{ours.name} {sg.name}!R{r}C{c}: cached {cell.value!r}, "
                           f"LibreOffice {got!r}, formula {cell.formula}")
    return n, bad


def on_purpose(dok: Dokumen) -> frozenset[str]:
    """The indicators the generator leaves "belum dilaporkan" on purpose (docgen's `belum-lapor`:
    in the PK, nothing typed in Realisasi Kinerja). At year end, in a document where anything is
    reported, verify rightly warns `realisasi-kosong` at each (one rule with a deleted row,
    issue #21): the only warning a generated document may have."""
    if not any(reported_indikator(i) for _, i in dok.indikator()) and not any(
            reported_kegiatan(k) for _, k in dok.kegiatan()):
        return frozenset()  # "belum diisi": nothing is due yet, so no warning at all
    return frozenset(i.kode for _, i in dok.indikator() if not reported_indikator(i))


def loud(path: Path, unreported: frozenset[str] = frozenset()) -> list[str]:
    """verify's errors and warnings (info is allowed), but for `realisasi-kosong` at exactly the
    indicators in `unreported`; each of those must be warned (a rule that went quiet is loud)."""
    found = verify(path).findings
    warned = {f.params.get("kode") for f in found if f.code == "realisasi-kosong"}
    return [f"{path.name} {f.severity} {f.code} {f.location}: {f.message('en')}"
            for f in found if f.severity != "info" and not (
                f.code == "realisasi-kosong" and f.params.get("kode") in unreported)] + [
        f"{path.name}: no realisasi-kosong for {kode}" for kode in sorted(unreported - warned)]


def run_documents(doks: list[Dokumen], work: Path) -> tuple[int, list[str]]:
    """The whole differential check for a list of documents; (formula cells, disagreements)."""
    from lkjip_xl.engines import libreoffice

    src, lo_dir = work / "src", work / "lo"
    src.mkdir(parents=True, exist_ok=True)
    cells, bad = 0, []
    made: list[tuple[Path, Path, frozenset[str]]] = []
    for n, dok in enumerate(doks):
        book, measured = src / f"d{n}.xlsx", src / f"m{n}.xlsx"
        write_workbook(dok, book)
        unreported = on_purpose(dok)
        bad += loud(book, unreported)
        report = measure(book, measured, force=True)
        bad += [f"measure {book.name}: {f.code} {f.location}" for f in report.findings
                if f.severity != "info" and not (f.code == "realisasi-kosong"
                                                 and f.params.get("kode") in unreported)]
        bad += loud(measured, unreported)
        made.append((book, measured, unreported))
    files = [p for book, measured, _ in made for p in (book, measured)]
    for k in range(0, len(files), BATCH):
        libreoffice.convert_many(files[k:k + BATCH], lo_dir)
    for book, measured, unreported in made:
        before = export_workbook(book)["pengukuran"]
        for ours in (book, measured):
            theirs = lo_dir / ours.name
            n, diff = formula_disagreements(ours, theirs)
            cells += n
            bad += diff
            bad += [f"after LibreOffice: {m}" for m in loud(theirs, unreported)]
            if not _same_tree(export_workbook(theirs)["pengukuran"], before):
                bad.append(f"{ours.name}: export's pengukuran changed by the LibreOffice round trip")
    return cells, bad


def _needs_libreoffice() -> None:
    from lkjip_xl.engines import libreoffice

    if not libreoffice.available():
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")


@pytest.mark.libreoffice
def test_every_setting_and_kind_agrees_across_workbook_domain_and_verify(tmp_path: Path) -> None:
    _needs_libreoffice()
    doks = forced_documents()
    cov = docgen.coverage(doks)
    assert len(cov["polaritas x agregasi"]) == len(ALL_KINDS)
    for key, values in (("rumus_negatif", RUMUS_NEGATIF), ("metode_efisiensi", METODE_EFISIENSI),
                        ("nilai_tw", NILAI_TW)):
        assert set(cov[key]) == set(values)
    assert len(cov["batas_capaian"]) == len(docgen.BATAS)
    assert set(cov["predikat"]) == set(docgen.PREDIKAT_TABLES)
    missing = [k for k in ("target 0", "realisasi 0", "belum dilaporkan", "TW kosong",
                           "tahun lalu kosong", "PK Perubahan", "komponen", "program pendukung",
                           "sub-kegiatan", "kegiatan tanpa anggaran") if not cov["nilai"][k]]
    assert missing == []
    cells, bad = run_documents(doks, tmp_path)
    assert cells > 50_000
    assert bad == []


@pytest.mark.libreoffice
@pytest.mark.slow
def test_campaign(tmp_path: Path) -> None:
    """LKJIP_XL_CAMPAIGN=N python -m pytest tests/test_differential.py -k campaign -s --timeout 0"""
    n = int(os.environ.get("LKJIP_XL_CAMPAIGN", "0") or 0)
    if n <= 0:
        pytest.skip("set LKJIP_XL_CAMPAIGN=N to run N random documents")
    _needs_libreoffice()
    first = int(os.environ.get("LKJIP_XL_CAMPAIGN_SEED", "0") or 0)
    doks = [docgen.build(first + s) for s in range(n)]
    cells, bad = 0, []
    for k in range(0, n, BATCH):
        c, b = run_documents(doks[k:k + BATCH], tmp_path / f"b{k}")
        cells += c
        bad += b
        print(f"campaign: {min(k + BATCH, n)}/{n} documents, {cells} formula cells, "
              f"{len(bad)} disagreements", flush=True)
        for line in b[:5]:
            print("  " + line, flush=True)
    print(f"\ncampaign: {n} documents (seeds {first}..{first + n - 1}), {cells} formula cells, "
          f"{len(bad)} disagreements")
    for key, counter in docgen.coverage(doks).items():
        print(f"  {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))
    assert bad == [], "\n".join(bad[:30])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dok=docgen.documents())
def test_generated_documents_verify_clean(dok: Dokumen, tmp_path_factory: pytest.TempPathFactory
                                          ) -> None:
    """Without a spreadsheet program: every generated document's workbook verifies clean, and its
    export gives back the domain's measurement (the cheap half, over many more documents)."""
    from lkjip_xl.core.pengukuran_export import pengukuran_section

    out = tmp_path_factory.mktemp("gen") / "d.xlsx"
    write_workbook(dok, out)
    assert loud(out, on_purpose(dok)) == []
    assert _same_tree(export_workbook(out)["pengukuran"], pengukuran_section(dok))
