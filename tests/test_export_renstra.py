"""`export`'s `pengukuran.renstra_eval` (issue #24, the E.80): `core.evaluasi_renstra`'s rows
carried as plain numbers by level and code, through a real workbook written by `new --data` and
read back by `export`; absent without a Renstra period; re-importing ignores it."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from lkjip_xl.cli import run_main
from lkjip_xl.core.domain.renstra_eval import BarisE80
from lkjip_xl.core.evaluasi_renstra import evaluasi_renstra
from lkjip_xl.dataformat import dumps, load
from tests.renja_docs import denpasar, with_renja


def close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None
                                         and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))


def _export(dok: Any, tmp: Path, fmt: str = "yaml") -> dict[str, Any]:
    (tmp / "in.yaml").write_text(dumps(dok), encoding="utf-8")
    assert run_main(["new", "--data", str(tmp / "in.yaml"), "-o", str(tmp / "wb.xlsx"),
                     "--force"]) == 0
    out = tmp / f"out.{fmt}"
    assert run_main(["export", str(tmp / "wb.xlsx"), "--format", fmt, "-o", str(out),
                     "--force"]) == 0
    text = out.read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text) if fmt == "yaml" else json.loads(text)
    return data


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any], Path]:
    tmp = tmp_path_factory.mktemp("renstra_export")
    dok = with_renja(denpasar(), per_owner=2)
    return dok, _export(dok, tmp), tmp


def _same_side(got: dict[str, Any], b: BarisE80, side: str) -> None:
    if side == "k":
        assert close(got["kondisi_awal"], b.kondisi_awal)
        assert close(got["target_akhir"], b.target_akhir_k)
    else:
        assert close(got["target_akhir"], b.target_akhir_rp)
        assert close(got["realisasi_sd"], b.realisasi_rp_sd)
    assert [y["tahun"] for y in got["tahun"]] == [t.tahun for t in b.tahun]
    for y, t in zip(got["tahun"], b.tahun):
        for key in ("target", "realisasi", "rasio"):
            assert close(y[key], getattr(t, f"{key}_{side}")), (t.tahun, key, side)


def test_every_number_is_the_evaluations(exported: Any) -> None:
    """Every owner by level and code, every year of every indicator and of every owner's money,
    each number equal to `evaluasi_renstra`'s; the footer likewise."""
    dok, data, _ = exported
    e80 = data["pengukuran"]["renstra_eval"]
    ev = evaluasi_renstra(dok)
    assert ev is not None and dok.renstra is not None
    assert (e80["awal"], e80["akhir"]) == (dok.renstra.awal, dok.renstra.akhir)
    assert set(e80) == {"awal", "akhir", "program", "kegiatan", "sub_kegiatan", "ringkasan"}
    assert sum(len(e80[level]) for level in ("program", "kegiatan", "sub_kegiatan")) \
        == len(ev.pemilik)
    assert len(e80["sub_kegiatan"]) >= 2
    filled = 0
    for p in ev.pemilik:
        entry = e80[p.tingkat][p.kode]
        assert entry["uraian"] == p.renja.uraian and entry["sasaran"] == p.renja.kode_sasaran
        _same_side(entry["rp"], p.rp, "rp")
        assert set(entry["indikator"]) == {b.indikator.kode for b in p.indikator}
        for b in p.indikator:
            _same_side(entry["indikator"][b.indikator.kode], b.e80, "k")
            filled += sum(t.rasio_k is not None for t in b.e80.tahun)
    assert filled > 20  # the premise: past years realised, ratios filled
    r = e80["ringkasan"]
    assert close(r["rata_rata_rasio"], ev.ringkasan.rata_rata_rasio)
    assert close(r["penyerapan"], ev.ringkasan.penyerapan)
    assert r["predikat"] == ev.ringkasan.predikat and r["rasio"] == ev.ringkasan.rasio > 0


def test_later_years_are_null_and_json_is_plain_numbers(exported: Any) -> None:
    dok, data, tmp = exported
    e80 = data["pengukuran"]["renstra_eval"]
    for y in e80["program"]["P4"]["indikator"]["I1"]["tahun"]:
        if y["tahun"] > dok.tahun:
            assert y["realisasi"] is None and y["rasio"] is None
    assert run_main(["export", str(tmp / "wb.xlsx"), "--format", "json",
                     "-o", str(tmp / "out.json"), "--force"]) == 0
    jdata = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    k = jdata["pengukuran"]["renstra_eval"]["program"]["P4"]["indikator"]["I1"]
    assert all(v is None or isinstance(v, float) for key, v in k.items() if key != "tahun")
    assert all(isinstance(y["tahun"], int) for y in k["tahun"])
    assert jdata["pengukuran"]["renstra_eval"] == data["pengukuran"]["renstra_eval"]


def test_reimport_ignores_and_recomputes_it(exported: Any) -> None:
    """`new --data` of the exported file (renstra_eval inside: the schema accepts it) writes the
    same facts; a tampered figure is not read as input."""
    dok, data, tmp = exported
    data = copy.deepcopy(data)
    first = copy.deepcopy(data["pengukuran"]["renstra_eval"])
    data["pengukuran"]["renstra_eval"]["program"]["P4"]["rp"]["target_akhir"] = 1.0
    (tmp / "again.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load(tmp / "again.yaml").program == dok.program
    assert run_main(["new", "--data", str(tmp / "again.yaml"), "-o", str(tmp / "wb2.xlsx")]) == 0
    assert run_main(["export", str(tmp / "wb2.xlsx"), "--format", "yaml",
                     "-o", str(tmp / "out2.yaml")]) == 0
    again = yaml.safe_load((tmp / "out2.yaml").read_text(encoding="utf-8"))
    assert again["pengukuran"]["renstra_eval"] == first


def test_absent_without_a_renstra_period(tmp_path: Path) -> None:
    dok = denpasar()
    dok.renstra = None  # and the year maps it places
    for s in dok.sasaran:
        for i in s.indikator:
            i.target_renstra = {}
    data = _export(dok, tmp_path)
    assert "renstra_eval" not in data["pengukuran"] and "renja" in data["pengukuran"]
