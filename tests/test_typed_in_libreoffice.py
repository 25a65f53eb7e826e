"""Staff's own edits, typed through LibreOffice itself (python3-uno), then verified.

The empty workbook of `new --tahun 2025 --instansi "Dinas Uji"` is filled the way a new user does
it: every yellow cell typed in Calc (text as text, numbers as typed), one table filled after a gap
of empty rows, then Calc recalculates and saves as .xlsx. verify must then be clean (errors and
warnings: none) and every computed cell must hold the domain core's value.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core.model import (
    DEFAULT_PREDIKAT,
    Dokumen,
    Indikator,
    Instansi,
    Kegiatan,
    Kepala,
    Program,
    Renstra,
    Sasaran,
)
from lkjip_xl.core.pengukuran_export import pengukuran_section
from lkjip_xl.schema import SHEETS, TABLES, col_letter
from lkjip_xl.workbook.expected import form_values, input_rows
from lkjip_xl.workbook.export import export_workbook
from tests.docgen import build
from tests.test_differential import _same_tree, loud, on_purpose

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("uno_type.py")
Edit = tuple[str, str, str]


def _uno_missing() -> str | None:
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} not found (python3-uno needs the system Python)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        return "the system Python cannot import uno: apt-get install python3-uno"
    return None


def new_user_document() -> Dokumen:
    """The issue's new user: 2 sasaran, 3 indicators (positif/akhir, positif/rata_rata,
    negatif/akhir), Renstra targets 2021-2026, realisation given for 2024 and 2025 only."""
    def ind(kode: str, pol: str, agr: str, base: float, real: float, lalu: float) -> Indikator:
        years = {y: round(base + (y - 2021) * (1 if pol == "positif" else -1), 2)
                 for y in range(2021, 2027)}
        return Indikator(kode, f"Indikator {kode}", "%", pol, agr, target_renstra=years,
                         target_rkt=years[2025], target=years[2025], realisasi=real,
                         realisasi_lalu={2024: lalu})
    return Dokumen(
        tahun=2025, renstra=Renstra(2021, 2026),
        instansi=Instansi("Dinas Uji", "Kota Uji", Kepala("Kepala Uji", "19750101 200003 2 001",
                                                            "Kepala Dinas", "Pembina")),
        sasaran=[Sasaran("S1", "Meningkatnya layanan", indikator=[
                     ind("S1.1", "positif", "akhir", 70, 76.5, 73),
                     ind("S1.2", "positif", "rata_rata", 90, 93.5, 92)]),
                 Sasaran("S2", "Menurunnya keluhan", indikator=[
                     ind("S2.1", "negatif", "akhir", 20, 15.5, 16)])],
        program=[Program("P1", "Program layanan", "S1", [
                     Kegiatan("P1.01", "Kegiatan layanan", 250_000_000, 231_500_000)]),
                 Program("P2", "Program penunjang", None, [
                     Kegiatan("P2.01", "Administrasi", 120_000_000, 118_250_500),
                     Kegiatan("P2.02", "Sarana", 80_000_000, 64_000_000)]),
                 # every sasaran served by a programme (else `sasaran-tanpa-program`); its
                 # kegiatan are not typed yet
                 Program("P3", "Program penanganan keluhan", "S2")])


def _typed(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def edits_for(dok: Dokumen, gaps: dict[str, int] | None = None) -> list[Edit]:
    """What a person types into an empty template to enter `dok`: every known input value, at
    the layout's cells. `gaps[table] = k` leaves k empty rows before that table's last row."""
    gaps = gaps or {}
    out: list[Edit] = []
    forms = form_values(dok)
    for sheet in SHEETS:
        for f in sheet.fields:
            v = forms.get(sheet.name, {}).get(f.key)
            if f.kind != "label" and v is not None:
                out.append((sheet.name, f"B{f.row}", _typed(v)))
    for key, rows in input_rows(dok).items():
        t = TABLES[key]
        for n, row in enumerate(rows):
            at = n + (gaps.get(key, 0) if n == len(rows) - 1 else 0)
            for ck, v in row.items():
                if not t.column(ck).is_input or (v is None and key != "PR"):
                    continue  # the template's predicate bands are prefilled: None clears one
                out.append((t.sheet, f"{col_letter(t.index(ck))}{t.first_row + at}", _typed(v)))
    # the template comes with the default predicate bands: a shorter table clears the rest
    pr = TABLES["PR"]
    for n in range(len(dok.pengaturan.predikat), len(DEFAULT_PREDIKAT)):
        out += [(pr.sheet, f"{pr.letter(k)}{pr.first_row + n}", "") for k in ("min", "label")]
    return out


def type_into(src: Path, dst: Path, edits: list[Edit]) -> Path:
    job = dst.with_suffix(".job.json")
    job.write_text(json.dumps({"src": str(src), "dst": str(dst), "edits": edits}), encoding="utf-8")
    proc = subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(job)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert dst.exists()
    return dst


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tpl") / "kosong.xlsx"
    assert run_main(["new", "--tahun", "2025", "--instansi", "Dinas Uji", "-o", str(out)]) == 0
    return out


@pytest.mark.libreoffice
@pytest.mark.parametrize("case", ["pengguna-baru", "dokumen-acak-1", "dokumen-acak-2"])
def test_typed_in_libreoffice_verifies_clean(case: str, empty_template: Path, tmp_path: Path
                                              ) -> None:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    if case == "pengguna-baru":
        dok = new_user_document()
        gaps = {"KG": 3, "RK": 2}  # the last kegiatan and realisation rows typed after empty rows
    else:
        dok = build(int(case[-1]) * 7919, tahun=2025,  # the empty template's year
                    kinds=[("positif", "rata_rata"), ("negatif", "kumulatif"), ("rentang", "akhir"),
                           ("positif", None)])
        gaps = {"KG": 1}
    typed = type_into(empty_template, tmp_path / f"{case}.xlsx", edits_for(dok, gaps))
    assert loud(typed, on_purpose(dok)) == []
    got = export_workbook(typed)["pengukuran"]
    assert _same_tree(got, pengukuran_section(dok))


def test_edits_cover_every_input_of_the_document() -> None:
    """The typing plan itself: every value the document has lands in an input cell."""
    dok = new_user_document()
    edits = edits_for(dok, {"KG": 3})
    cells = {(s, c) for s, c, _ in edits}
    assert len(cells) == len(edits)
    kg = TABLES["KG"]
    assert ("Realisasi Anggaran", f"{kg.letter('kode_kegiatan')}{kg.first_row + 5}") in cells
    assert ("Realisasi Anggaran", f"{kg.letter('kode_kegiatan')}{kg.first_row + 2}") not in cells
    assert json.dumps(edits)  # plain data for the uno script


@pytest.mark.libreoffice
def test_narrative_typed_in_libreoffice_survives_whole(empty_template: Path, tmp_path: Path) -> None:
    """Long text typed into Calc (several paragraphs, a leading "=", quotes, "93,37 %"): the
    workbook reads back every character, the SDM table and each sasaran's analysis."""
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    dok = build(2, tahun=2025)
    assert dok.narasi.kata_pengantar and "\n" in dok.narasi.kata_pengantar
    typed = type_into(empty_template, tmp_path / "narasi.xlsx", edits_for(dok))
    got = export_workbook(typed)
    want = dataformat.to_dict(dok)
    assert got["narasi"] == want["narasi"]
    assert got["sdm"] == want["sdm"]
    for g, w in zip(got["sasaran"], want["sasaran"]):
        for key in ("pendorong", "penghambat", "upaya", "program_penunjang"):
            assert g[key] == w[key], key
    assert loud(typed, on_purpose(dok)) == []
