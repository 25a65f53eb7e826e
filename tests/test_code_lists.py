"""Code columns offer the codes of the table they refer to (issue #21, item 6).

Every input column that declares `ref=` (indicator codes in RKT, PK, Rencana Aksi and Realisasi
Kinerja, sasaran codes in Renstra & IKU and Program, programme codes in Realisasi Anggaran) gets a
list validation whose source is the referred table's code column over its whole capacity (its
defined name), derived from the declarations, not wired by hand. LibreOffice keeps them, and a row
inserted in the referred table in Calc grows the list with it (python3-uno).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from lkjip_xl.cli import run_main
from lkjip_xl.engines.libreoffice import available, convert
from lkjip_xl.schema import TABLES
from lkjip_xl.verify import verify
from tests.test_typed_in_libreoffice import SYSTEM_PYTHON, _uno_missing

SEED = Path(__file__).resolve().parent.parent / "samples" / "denpasar_2019.yaml"


def _declared() -> dict[tuple[str, str], str]:
    """(sheet, column letter) -> the defined name its list must read, from the layout."""
    out = {}
    for t in TABLES.values():
        for c in t.columns:
            if c.ref is not None and c.is_input:
                target = TABLES[c.ref.table]
                out[(t.sheet, t.letter(c.key))] = target.range_name(target.unique[0])
    return out


def _lists(path: Path) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(sheet, column letter) -> (formula, range, error style) of every list read from a name."""
    wb = load_workbook(path)
    out = {}
    for ws in wb:
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list" and dv.formula1 and not dv.formula1.startswith('"'):
                rng = str(dv.sqref)
                letter = re.match(r"[A-Z]+", rng)
                assert letter is not None
                out[(ws.title, letter.group())] = (dv.formula1, rng, dv.errorStyle)
    return out


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lists") / "denpasar.xlsx"
    assert run_main(["new", "--data", str(SEED), "-o", str(out)]) == 0
    return out


def test_every_reference_column_lists_the_codes_it_refers_to(seed: Path) -> None:
    want = _declared()
    assert {s for s, _ in want} >= {"RKT", "PK", "Rencana Aksi", "Realisasi Kinerja",
                                    "Realisasi Anggaran", "Program", "Renstra & IKU"}
    got = _lists(seed)
    assert {k: v[0] for k, v in got.items()} == want
    wb = load_workbook(seed)
    for (sheet, letter), (name, rng, style) in got.items():
        assert style == "warning"  # a code not listed yet can still be typed
        key = name.split("_", 1)[0]
        t = TABLES[key]
        # the name covers the referred column's whole capacity, not only the rows filled
        dest = list(wb.defined_names[name].destinations)
        assert dest == [(t.sheet, t.range_ref(t.unique[0], t.default_capacity).split("!", 1)[1])]
        assert rng.startswith(f"{letter}{TABLES[_key_of(sheet, letter)].first_row}")


def _key_of(sheet: str, letter: str) -> str:
    return next(t.key for t in TABLES.values() if t.sheet == sheet and t.mirror is None
                and any(t.letter(c.key) == letter and c.ref for c in t.columns))


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_lists_and_verify_stays_quiet(seed: Path, tmp_path: Path) -> None:
    if not available():
        pytest.skip("LibreOffice (soffice) is not installed")
    saved = convert(seed, tmp_path)
    assert {k: v[0] for k, v in _lists(saved).items()} == _declared()
    report = verify(saved)
    assert report.verdict() == "lulus"
    assert [f.code for f in report.findings if f.severity != "info"] == []


PROBE = Path(__file__).with_name("uno_probe.py")


def run_probe(tmp_path: Path, **job: Any) -> dict[str, Any]:
    """Row edits made in Calc (tests/uno_probe.py under the system Python), and what Calc says."""
    job.setdefault("out", str(tmp_path / "probe-out.json"))
    path = tmp_path / "probe-job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    proc = subprocess.run([SYSTEM_PYTHON, str(PROBE), str(path)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out: dict[str, Any] = json.loads(Path(job["out"]).read_text(encoding="utf-8"))
    return out


@pytest.mark.libreoffice
def test_a_row_inserted_in_calc_is_in_the_list(seed: Path, tmp_path: Path) -> None:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    ik = TABLES["IK"]
    row = ik.first_row + 1  # between S1.1 and S2.1
    got = run_probe(tmp_path, src=str(seed), dst=None,
                    ops=[["insert_row", ik.sheet, row],
                         ["type", ik.sheet, f"{ik.letter('kode')}{row}", "S1.9"]],
                    names=["IK_kode"], validations=[["PK", "A5"]])
    assert got["validations"]["PK!A5"] == ["LIST", "IK_kode"]
    # the name grew by the inserted row: the list PK picks from now offers S1.9 too
    c = ik.letter("kode")
    assert got["names"]["IK_kode"] == (
        f"$'Renstra & IKU'.${c}${ik.first_row}:${c}${ik.first_row + ik.default_capacity}")
