"""End to end for the planning unit: synthetic agencies written, some with injected faults, batch
verified (each fault in its own file, the clean files clean), consolidated; the rekap's numbers
equal each file's own measurement, and LibreOffice's recalculation of the rekap equals its cache.

The fast test runs 6 agencies; the slow one the issue's 40 (and LibreOffice).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl.core.domain import rerata
from lkjip_xl.core.findings import Report
from lkjip_xl.core.measurement import ukur
from lkjip_xl.engines.libreoffice import available as lo_available
from lkjip_xl.planning.batch import verify_many
from lkjip_xl.planning.build import write_agency_workbook
from lkjip_xl.planning.pool import run_pool
from lkjip_xl.planning.rekap import (
    INDIKATOR_COLS,
    INSTANSI_COLS,
    S_GAGAL,
    S_INDIKATOR,
    S_INSTANSI,
    write_rekap,
)
from lkjip_xl.planning.roster import output_name
from lkjip_xl.planning.synthetic import patch_cell, synthetic_dokumen, write_synthetic
from lkjip_xl.schema import TABLES
from lkjip_xl.workbook.expected import Rows
from lkjip_xl.workbook.read import read_workbook

FAULTS = {1: "typed-over", 3: "overspend", 4: "text-number"}


def _make(folder: Path, count: int) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Write `count` synthetic agencies, inject the faults; (paths, path -> (fault, location))."""
    jobs = [(n, str(folder), 2019) for n in range(count) if n != 3]
    paths = run_pool(write_synthetic, jobs, jobs=2, progress=False,
                     on_crash=lambda j, e: pytest.fail(f"{j}: {e}"))
    # spending above allocation: written through the data, as an agency would type it
    dok = synthetic_dokumen(3)
    prog, keg = dok.kegiatan()[-1]
    keg.realisasi = (keg.anggaran or 0) * 1.25
    over = str(folder / output_name(dok.instansi.nama, 2019))
    write_agency_workbook(dok, over, force=True)
    paths.insert(3, over)
    row = [k for _, k, s in Rows.of(dok).kegiatan if s is None].index(keg) + TABLES["KG"].first_row
    faults = {over: ("overspend", f"'Realisasi Anggaran'!{TABLES['KG'].letter('realisasi')}{row}")}
    # a computed cell typed over with a wrong number
    pkk = TABLES["PKK"]
    ref = f"{pkk.letter('capaian')}{pkk.first_row}"
    patch_cell(paths[1], pkk.sheet, ref, 123.0)
    faults[paths[1]] = ("typed-over", f"'{pkk.sheet}'!{ref}")
    # a number typed as text: the same target, as text
    pk = TABLES["PK"]
    target = synthetic_dokumen(4).indikator()[0][1].target
    assert target is not None
    ref = f"{pk.letter('target')}{pk.first_row}"
    patch_cell(paths[4], pk.sheet, ref, f"{target:g}")
    faults[paths[4]] = ("text-number", f"{pk.sheet}!{ref}")
    return paths, faults


def _check_batch(results: list[tuple[str, Report]], faults: dict[str, tuple[str, str]]) -> None:
    for path, r in results:
        assert not r.fatal, (path, r.flatten())
        errors = [f.location for f in r.findings if f.severity == "error"]
        if path not in faults:
            assert r.errors == 0 and r.warnings == 0, (path, r.flatten("code", "location"))
            continue
        kind, where = faults[path]
        if kind == "typed-over":
            assert where in errors, r.flatten("code", "location")
            assert "rumus-ditimpa-salah" in r.codes()
        elif kind == "overspend":
            assert [f for f in r.flatten("code", "location", "severity") if f[2] != "info"] \
                == [["realisasi-melebihi-anggaran", where, "error"]]
        else:  # the formulas skip the text: the input is the error, the stale cells follow it
            roots = [f for f in r.findings if f.code == "angka-sebagai-teks"]
            assert [(f.location, f.severity) for f in roots] == [(where, "error")]
            assert all(f.params.get("cause") == where for f in r.findings
                       if f.code == "nilai-salah"), r.flatten("code", "location")


def _rows(ws: Any, cols: tuple[tuple[str, str, str, float], ...]) -> list[dict[str, Any]]:
    keys = [c[0] for c in cols]
    out = []
    for values in ws.iter_rows(min_row=5, values_only=True):
        if values[0] is None:
            continue
        out.append(dict(zip(keys, values)))
    return out


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None or a == "" or b == "":
        return (a in (None, "")) and (b in (None, ""))
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _check_rekap(rekap: Path, results: list[tuple[str, Report]],
                 faults: dict[str, tuple[str, str]]) -> None:
    wb = openpyxl.load_workbook(rekap, data_only=True)
    agencies = {r["file"]: r for r in _rows(wb[S_INSTANSI], INSTANSI_COLS)}
    indicators = {(r["no"], r["kode"]): r for r in _rows(wb[S_INDIKATOR], INDIKATOR_COLS)}
    failed_files = {row[1] for row in wb[S_GAGAL].iter_rows(min_row=5, values_only=True) if row[1]}
    with_errors = {Path(p).name for p, r in results if r.errors}
    assert failed_files == with_errors == {Path(p).name for p in faults}
    assert len(agencies) == len(results) - len(with_errors)
    total_a = total_r = 0.0
    for path, _ in results:
        name = Path(path).name
        if name in with_errors:
            assert name not in agencies
            continue
        dok, _lr = read_workbook(path)  # the file's own measurement, read independently
        p = ukur(dok)
        row = agencies[name]
        assert row["instansi"] == dok.instansi.nama
        assert _close(row["anggaran"], p.total.anggaran)
        assert _close(row["realisasi"], p.total.realisasi_anggaran)
        assert _close(row["penyerapan"], p.total.penyerapan)
        assert _close(row["capaian"], rerata(u.capaian_dipakai for u in p.indikator.values()))
        assert row["n_indikator"] == len(p.indikator)
        for kode, u in p.indikator.items():
            ind = indicators[(row["no"], kode)]
            assert _close(ind["capaian_dipakai"], u.capaian_dipakai)
            assert ind["predikat"] == u.predikat
        total_a += p.total.anggaran or 0
        total_r += p.total.realisasi_anggaran or 0
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=5, values_only=True) if r[0]}
    assert _close(summary["Total anggaran"], total_a)
    assert _close(summary["Total realisasi anggaran"], total_r)
    assert _close(summary["Penyerapan anggaran wilayah (%)"], total_r / total_a * 100)
    pens = sorted((r["penyerapan"], r["rank_penyerapan"]) for r in agencies.values())
    assert pens[-1][1] == 1 and pens[0][1] == len(agencies)


Batch = tuple[list[str], dict[str, tuple[str, str]], list[tuple[str, Report]]]


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Six agencies (three with a fault), written and batch-verified once for this module."""
    folder = tmp_path_factory.mktemp("six")
    paths, faults = _make(folder, 6)
    return paths, faults, verify_many(paths, jobs=2, progress=False)


def test_batch_and_rekap_small(six: Batch, tmp_path: Path) -> None:
    paths, faults, results = six
    assert [p for p, _ in results] == paths
    _check_batch(results, faults)
    rekap = tmp_path / "rekap.xlsx"
    res = write_rekap(results, rekap)
    assert len(res.included) == 3 and len(res.failed) == 3
    _check_rekap(rekap, results, faults)


@pytest.mark.slow
def test_forty_agencies_end_to_end(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    paths, faults = _make(folder, 40)
    assert len({Path(p).name for p in paths}) == 40
    results = verify_many(paths, jobs=2, progress=False)
    _check_batch(results, faults)
    rekap = tmp_path / "rekap.xlsx"
    write_rekap(results, rekap)
    _check_rekap(rekap, results, faults)
    if lo_available():
        from tests.lo_compare import mismatches

        n, bad = mismatches(rekap, tmp_path / "lo")
        assert n > 200 and bad == []


@pytest.mark.libreoffice
@pytest.mark.skipif(not lo_available(), reason="LibreOffice not installed")
def test_rekap_recalculates_in_libreoffice(six: Batch, tmp_path: Path) -> None:
    from tests.lo_compare import mismatches

    results = six[2]
    rekap = tmp_path / "rekap.xlsx"
    write_rekap(results, rekap, include_errors=True)  # every kind of row, failed ones too
    n, bad = mismatches(rekap, tmp_path / "lo")
    assert n > 30 and bad == []
