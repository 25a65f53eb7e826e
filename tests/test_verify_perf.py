"""verify is linear: a workbook of thousands of kegiatan rows takes time proportional to its size
(layout cells are compared as normalised text and domain values, never evaluated one by one)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.core.model import Dokumen, Kegiatan
from lkjip_xl.verify import verify
from lkjip_xl.workbook.write import write_workbook

ROOT = Path(__file__).resolve().parent.parent


def big(n: int) -> Dokumen:
    """The seed document with `n` kegiatan spread over its programmes."""
    dok = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    i = 0
    while sum(len(p.kegiatan) for p in dok.program) < n:
        p = dok.program[i % len(dok.program)]
        p.kegiatan.append(Kegiatan(f"{p.kode}.X{i:05d}", f"Kegiatan {i}",
                                   anggaran=1_000_000.0 + i, realisasi=900_000.0 + i))
        i += 1
    return dok


def _timed(path: Path) -> float:
    started = time.perf_counter()
    report = verify(path)
    elapsed = time.perf_counter() - started
    assert [f for f in report.findings if f.severity != "info"] == []
    return elapsed


@pytest.mark.slow
def test_verify_is_not_quadratic(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xlsx", tmp_path / "large.xlsx"
    write_workbook(big(1000), small)
    write_workbook(big(5000), large)
    t_small, t_large = _timed(small), _timed(large)
    print(f"\nverify: 1,000 kegiatan {t_small:.1f} s, 5,000 kegiatan {t_large:.1f} s")
    assert t_large < 10 * t_small  # 5x the rows; quadratic would be 25x
