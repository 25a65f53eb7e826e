"""`export`'s `pengukuran.renja` (issue #24 item 4): the E.81 of `core.evaluasi` carried as plain
numbers by level and code, through a real workbook written by `new --data` and read back by
`export`; re-importing the exported file ignores it and gives the same evaluation again."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from lkjip_xl.cli import run_main
from lkjip_xl.core import domain as d
from lkjip_xl.core.measurement import ukur
from lkjip_xl.dataformat import dumps, load
from tests.renja_docs import denpasar, with_renja


def close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None
                                         and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any], Path]:
    tmp = tmp_path_factory.mktemp("renja_export")
    dok = with_renja(denpasar(), per_owner=2)
    (tmp / "in.yaml").write_text(dumps(dok), encoding="utf-8")
    assert run_main(["new", "--data", str(tmp / "in.yaml"), "-o", str(tmp / "wb.xlsx")]) == 0
    assert run_main(["export", str(tmp / "wb.xlsx"), "--format", "yaml",
                     "-o", str(tmp / "out.yaml")]) == 0
    data = yaml.safe_load((tmp / "out.yaml").read_text(encoding="utf-8"))
    return dok, data, tmp


def test_every_owner_by_level_and_code(exported: Any) -> None:
    dok, data, _ = exported
    renja = data["pengukuran"]["renja"]
    assert set(renja) == {"program", "kegiatan", "sub_kegiatan", "ringkasan"}
    assert set(renja["program"]) == {p.kode for p in dok.program}
    assert set(renja["kegiatan"]) == {k.kode for p in dok.program for k in p.kegiatan}
    assert set(renja["sub_kegiatan"]) == {s.kode for p in dok.program for k in p.kegiatan
                                          for s in k.sub_kegiatan}
    assert len(renja["sub_kegiatan"]) >= 2
    for p in dok.program:
        entry = renja["program"][p.kode]
        assert set(entry["indikator"]) == {i.kode for i in p.indikator}
        assert entry["sasaran"] == p.sasaran
        assert len(entry["rp"]["tw"]) == 4 and "capaian_dipakai" not in entry["rp"]


def test_money_is_the_measurements_and_k_follows_the_domain(exported: Any) -> None:
    """Rp 7 / 12 / 12a of a programme are Bab III's budget, spending and absorption (weighted);
    each indicator's 12a K is the domain's capaian of its target and realisation."""
    dok, data, _ = exported
    renja, m = data["pengukuran"]["renja"], ukur(dok)
    for p in dok.program:
        rp = renja["program"][p.kode]["rp"]
        want = m.program[p.kode]
        assert close(rp["k7"], want.anggaran) and close(rp["k12"], want.realisasi_anggaran)
        assert close(rp["k12a"], want.penyerapan)
        for k in p.kegiatan:
            for level, owner in [("kegiatan", k)] + [("sub_kegiatan", s) for s in k.sub_kegiatan]:
                for i in owner.indikator:
                    got = renja[level][owner.kode]["indikator"][i.kode]
                    assert got["k7"] == i.target
                    assert close(got["k12a"], d.capaian(i.polaritas, i.target, got["k12"]))
                    assert close(got["k12"], i.realisasi_tw[3])
    assert close(renja["ringkasan"]["penyerapan"], m.total.penyerapan)
    assert renja["ringkasan"]["predikat"] is not None and renja["ringkasan"]["baris"] > 0


def test_json_export_is_plain_numbers(exported: Any) -> None:
    _, _, tmp = exported
    assert run_main(["export", str(tmp / "wb.xlsx"), "--format", "json",
                     "-o", str(tmp / "out.json")]) == 0
    data = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    k = data["pengukuran"]["renja"]["program"]["P4"]["indikator"]["I1"]
    assert all(v is None or isinstance(v, float) for key, v in k.items() if key != "tw")


def test_reimport_ignores_and_recomputes_it(exported: Any) -> None:
    """`new --data` of the exported file (renja inside) writes the same workbook facts; its
    export gives the same `renja` again, and a tampered `renja` is not read as input."""
    dok, data, tmp = exported
    data["pengukuran"]["renja"]["program"]["P4"]["rp"]["k7"] = 1.0  # not an input
    (tmp / "again.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load(tmp / "again.yaml").program == dok.program  # the schema accepts the section
    assert run_main(["new", "--data", str(tmp / "again.yaml"), "-o", str(tmp / "wb2.xlsx")]) == 0
    assert run_main(["export", str(tmp / "wb2.xlsx"), "--format", "yaml",
                     "-o", str(tmp / "out2.yaml")]) == 0
    again = yaml.safe_load((tmp / "out2.yaml").read_text(encoding="utf-8"))
    first = yaml.safe_load((tmp / "out.yaml").read_text(encoding="utf-8"))
    assert again["pengukuran"]["renja"] == first["pengukuran"]["renja"]
    assert again["pengukuran"]["renja"]["program"]["P4"]["rp"]["k7"] != 1.0


def test_a_document_without_indicators_below_sasaran(tmp_path: Path) -> None:
    """The Denpasar sample: every programme and kegiatan with its money, no indicator, an
    empty footer mean (no row), the absorption the document's."""
    src = tmp_path / "d.yaml"
    src.write_text(dumps(denpasar()), encoding="utf-8")
    assert run_main(["new", "--data", str(src), "-o", str(tmp_path / "d.xlsx")]) == 0
    assert run_main(["export", str(tmp_path / "d.xlsx"), "-o", str(tmp_path / "o.yaml")]) == 0
    renja = yaml.safe_load((tmp_path / "o.yaml").read_text(encoding="utf-8"))["pengukuran"]["renja"]
    assert all(not e["indikator"] for level in ("program", "kegiatan")
               for e in renja[level].values())
    assert renja["ringkasan"]["rata_rata_capaian"] is None and renja["ringkasan"]["baris"] == 0
    assert close(renja["ringkasan"]["penyerapan"], ukur(denpasar()).total.penyerapan)
