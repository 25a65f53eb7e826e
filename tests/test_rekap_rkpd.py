"""rekap's *Evaluasi RKPD* sheet (issue #24 item 4): a folder of agencies whose sasaran name the
same RPJMD sasaran spelled differently, one failing verification; the real `rekap` command
writes the workbook, read back with openpyxl and recomputed by the formula evaluator."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lkjip_xl.audit import evaluate_grid
from lkjip_xl.cli import run_main
from lkjip_xl.core.domain.rkpd import kunci_acuan
from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.model import Dokumen
from lkjip_xl.planning.rekap_renja import JUMLAH, TANPA_ACUAN, rows_of
from lkjip_xl.schema.rekap_tables import EVALUASI_RKPD, HEADER_ROW, S_RKPD
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.compare import same_value
from lkjip_xl.xlsx.stream import read_grid
from tests.renja_docs import denpasar, with_renja

KEYS = [c.key for c in EVALUASI_RKPD.columns]
EKONOMI = "Meningkatnya daya saing ekonomi daerah"


def _agency(name: str, seed: int, acuan: tuple[str | None, ...], **kw: Any) -> Dokumen:
    dok = with_renja(denpasar(), seed=seed, acuan=acuan, **kw)
    dok.instansi.nama = name
    return dok


@pytest.fixture(scope="module")
def rekap(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Dokumen], Path]:
    folder = tmp_path_factory.mktemp("rkpd")
    docs = {
        "Dinas Koperasi": _agency("Dinas Koperasi", 1, (EKONOMI, None)),
        "Dinas Perdagangan": _agency("Dinas Perdagangan", 2,
                                     ("meningkatnya  Daya Saing Ekonomi daerah ",
                                      "Menurunnya kemiskinan")),
        "Dinas Sosial": _agency("Dinas Sosial", 3, ("Menurunnya   KEMISKINAN",), subs=False),
    }
    failing = _agency("Dinas Gagal", 4, (EKONOMI,))
    # a sub-kegiatan whose pagu no longer sums to its kegiatan's: an error, so left out
    sub = next(s for p in failing.program for k in p.kegiatan for s in k.sub_kegiatan)
    sub.anggaran = (sub.anggaran or 0) + 1_000_000
    for n, dok in enumerate([*docs.values(), failing]):
        write_workbook(dok, folder / f"opd-{n}.xlsx")
    out = folder / "out" / "rekap.xlsx"
    out.parent.mkdir()
    assert run_main(["rekap", str(folder), "-o", str(out), "--jobs", "1"]) == 1  # one failed
    return docs, out


def _lines(out: Path) -> list[tuple[str, dict[str, Any]]]:
    ws = openpyxl.load_workbook(out, data_only=True)[S_RKPD]
    lines = []
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        vals = {k: ws.cell(r, c).value for c, k in enumerate(KEYS, start=1)}
        if vals["uraian"] == JUMLAH:
            kind = "jumlah"
        elif vals["no"] is None and vals["instansi"]:
            kind = "judul"
        elif vals["no"] is not None:
            kind = "baris"
        else:
            continue
        lines.append((kind, vals))
    return lines


def test_groups_in_first_seen_order_spellings_matched_none_last(rekap: Any) -> None:
    _, out = rekap
    titles = [v["instansi"] for kind, v in _lines(out) if kind == "judul"]
    assert titles == [EKONOMI, "Menurunnya kemiskinan", TANPA_ACUAN]


def test_every_passing_agency_row_under_its_acuan(rekap: Any) -> None:
    docs, out = rekap
    lines = _lines(out)
    rows = [v for kind, v in lines if kind == "baris"]
    assert "Dinas Gagal" not in {v["instansi"] for v in rows}
    for name, dok in docs.items():
        want = rows_of(evaluasi_renja(dok), name)
        got = [v for v in rows if v["instansi"] == name]
        assert len(got) == len(want) > 20
        acuan = {s.kode: s.acuan_rpjmd for s in dok.sasaran}
        for v in got:
            expected = acuan.get(v["kode_sasaran"]) if v["kode_sasaran"] else None
            title = v["acuan"]
            assert (kunci_acuan(title) == kunci_acuan(expected) if expected
                    else title == TANPA_ACUAN), (name, v["kode"], title, expected)
    # the agency's own numbers, not recomputed: its P4 programme outcome's 12a K and Rp 7
    ev = evaluasi_renja(docs["Dinas Koperasi"])
    p4 = next(p for p in ev.pemilik if p.kode == "P4")
    first = next(v for v in rows if v["instansi"] == "Dinas Koperasi" and v["kode"] == "P4")
    assert math.isclose(first["k12a"], p4.indikator[0].k.k12a or 0)
    assert first["rp7"] == p4.rp.k7 and first["tingkat"] == "Program"


def test_money_line_sums_the_groups_programmes(rekap: Any) -> None:
    """Each group's Jumlah: every Rp column the sum of its programme rows (kegiatan rows are
    inside their programme's money), absorption from the sums (weighted), as read back."""
    _, out = rekap
    group: list[dict[str, Any]] = []
    checked = 0
    for kind, v in _lines(out):
        if kind == "judul":
            group = []
        elif kind == "baris":
            group.append(v)
        else:
            progs = [g for g in group if g["tingkat"] == "Program"]
            for key in ("rp5", "rp6", "rp7", "rp12", "rp13"):
                values = [g[key] for g in progs if g[key] is not None]
                assert v[key] == pytest.approx(sum(values)) if values else v[key] is None
            assert v["rp12a"] == pytest.approx(v["rp12"] / v["rp7"] * 100)
            checked += 1
    assert checked == 3


def test_formulas_recompute_to_their_cached_values(rekap: Any) -> None:
    _, out = rekap
    grid = read_grid(out)
    values = evaluate_grid(grid)
    sheet = grid.sheet(S_RKPD)
    assert sheet is not None
    formulas = [(r, c) for (r, c), cell in sheet.cells.items() if cell.formula]
    assert len(formulas) == 3 * 11  # three money lines: 9 sums and 2 percentages
    for r, c in formulas:
        assert same_value(values[(S_RKPD, r, c)], sheet.cells[(r, c)].value), (r, c)
