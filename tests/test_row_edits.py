"""Rows inserted and deleted as staff do, in every table of every sheet, and what verify says.

The campaign (issue #21): LibreOffice itself (python3-uno, one start for every file) inserts an
empty row and deletes a row at the start, the middle and the end of the data of every table,
input and computed. Each edit must give ONE root-cause finding, on the sheet that was edited, at
the edited row, whose advice loses no typed data (never "delete" a row that holds data); every
other error must be folded under it as a consequence. Tables joined by code (RKT, PK, Rencana
Aksi, Realisasi Kinerja) and the small lists (predicate bands, SDM) take an edit in their middle in
their stride: nothing above info. The table is written to `LKJIP_XL_CAMPAIGN_TABLE` (or the test's
temporary folder) and printed with `-s`.

The route the advice gives, `export` then `new --data`, is run on damaged files too.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkjip_xl import dataformat
from lkjip_xl.cli import run_main
from lkjip_xl.core.findings import Finding, Report
from lkjip_xl.core.model import Dokumen, IndikatorProgram, SdmBaris
from lkjip_xl.schema import TABLES, quote_sheet
from lkjip_xl.schema.report_tables import DRAF_SHEET, REPORT_SHEETS
from lkjip_xl.verify import verify
from lkjip_xl.verify.render import render_text
from lkjip_xl.verify.row_edits import READ_BY_NAME, ROW_EDITS
from lkjip_xl.workbook.expected import input_rows
from lkjip_xl.workbook.write import write_workbook
from lkjip_xl.xlsx.stream import read_grid
from tests import corrupt as c
from tests.test_typed_in_libreoffice import SCRIPT, SYSTEM_PYTHON, _uno_missing

ROOT = Path(__file__).resolve().parent.parent
MIRRORED = {t.mirror for t in TABLES.values() if t.mirror}
COMPUTED = {k for k, t in TABLES.items() if t.mirror}
EXPECTED = {  # (kind of table, edit) -> root code; None: a legitimate edit, nothing above info
    ("input", "insert"): "baris-disisipkan", ("input", "delete"): "baris-dihapus",
    ("computed", "insert"): "baris-hitungan-disisipkan",
    ("computed", "delete"): "baris-hitungan-dihapus",
    ("by-code", "insert"): None, ("by-code", "delete"): None,
}
REPORT_HEAD = 7  # the report sheets' title block and first table's header
DELETING = ("Hapus baris", "Delete that", "Delete row")
TITLE = ("# Row edits through LibreOffice: the campaign's table\n\nWritten by "
         "`LKJIP_XL_CAMPAIGN_TABLE=docs/row-edits-campaign.md python -m pytest "
         "tests/test_row_edits.py -k campaign`: the sample `synthetic_rules` with three SDM lines; "
         "LibreOffice inserts an empty row and deletes a row at the first, middle and last data "
         "row of every table, and of the report sheets `measure` adds to the same workbook. For "
         "each: the finding above info that is not folded under a cause, "
         "where, and its advice (English; `-`: a legitimate edit, nothing above info).")


def _shown(v: object) -> object:
    return None if v == "" else v


def _kind(key: str) -> str:
    return "computed" if key in COMPUTED else "input" if key in MIRRORED else "by-code"


@dataclass
class Case:
    key: str  # a table of the layout, or a report sheet measure writes
    position: str  # awal, tengah, akhir
    edit: str  # insert, delete
    row: int
    path: Path

    @property
    def sheet(self) -> str:
        return TABLES[self.key].sheet if self.key in TABLES else self.key

    def expected(self) -> str | None:
        if self.key in REPORT_SHEETS:
            return "laporan-baris-disisipkan" if self.edit == "insert" else "laporan-baris-dihapus"
        if (_kind(self.key) == "by-code" and self.edit == "insert" and self.position == "awal"
                and self.key in READ_BY_NAME):
            return "baris-disisipkan"  # the named ranges formulas read now start below it
        return EXPECTED[(_kind(self.key), self.edit)]


def _document() -> Dokumen:
    dok = dataformat.load(ROOT / "samples" / "synthetic_rules.yaml")
    dok.sdm = [SdmBaris("golongan", g, n) for g, n in (("IV", 3.0), ("III", 12.0), ("II", 5.0))]
    # indicators below sasaran (sheet Indikator Program), so its rows are edited too
    for p in dok.program:
        p.indikator = [IndikatorProgram(f"{p.kode}-{i}", f"Capaian program {p.kode} ({i})", "%",
                                        target=80.0, realisasi=75.0) for i in (1, 2, 3)]
    return dok


def uno_jobs(jobs: list[dict[str, object]], folder: Path) -> None:
    """Every job in one LibreOffice start (tests/uno_type.py)."""
    job = folder / "jobs.json"
    job.write_text(json.dumps({"jobs": jobs}), encoding="utf-8")
    proc = subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(job)], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("rows")
    dok = _document()
    src = folder / "asli.xlsx"
    write_workbook(dok, src)
    counts = {k: len(v) for k, v in input_rows(dok).items()}
    cases, jobs = [], []
    for key, t in TABLES.items():
        n = counts[t.mirror or key]
        for position, i in (("awal", 0), ("tengah", n // 2), ("akhir", n - 1)):
            for edit in ("insert", "delete"):
                path = folder / f"{key}-{position}-{edit}.xlsx"
                row = t.first_row + i
                cases.append(Case(key, position, edit, row, path))
                jobs.append({"src": str(src), "dst": str(path),
                             "edits": [[t.sheet, str(row), f"<{edit}-row>"]]})
    # measure's report sheets: the first, a middle and the last row of their tables
    measured = folder / "terukur.xlsx"
    assert run_main(["measure", str(src), "-o", str(measured)]) == 0
    grid = read_grid(measured)
    for name in (n for n in REPORT_SHEETS if n != DRAF_SHEET):  # a clean workbook: no DRAF
        sg = grid.sheet(name)
        assert sg is not None
        rows = sorted({r for r, c in sg.cells.keys() if r > REPORT_HEAD
                       and _shown(sg.value(r, c)) is not None})
        for position, row in (("awal", rows[0]), ("tengah", rows[len(rows) // 2]),
                              ("akhir", rows[-1])):
            for edit in ("insert", "delete"):
                path = folder / f"{name}-{position}-{edit}.xlsx"
                cases.append(Case(name, position, edit, row, path))
                jobs.append({"src": str(measured), "dst": str(path),
                             "edits": [[name, str(row), f"<{edit}-row>"]]})
    uno_jobs(jobs, folder)
    return cases


def on_purpose(f: Finding) -> bool:
    """synthetic_rules leaves S4.2 unreported on purpose: at year end that is its one warning
    (`realisasi-kosong`, issue #21 item 1), whatever rows are edited around it."""
    return f.code == "realisasi-kosong" and f.params.get("kode") == "S4.2"


def loud(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.severity != "info" and not on_purpose(f)]


def roots(report: Report) -> list[Finding]:
    """What the report asks a person to fix: every finding above info not folded under a cause."""
    return [f for f in loud(report) if "cause" not in f.params]


def _row_empty(case: Case) -> bool:
    sg = verify(case.path).layout.grid.sheet(case.sheet)  # type: ignore[union-attr]
    t = TABLES[case.key]
    return all(sg.value(case.row, t.index(col.key)) in (None, "") for col in t.columns
               if col.is_input)


def _table_line(case: Case, report: Report) -> str:
    found = roots(report)
    if not found:
        return f"| {case.sheet} | {case.position} | {case.edit} | - | - | no finding above info |"
    f = found[0]
    advice = f.message("en").split("; ", 1)[-1]
    return f"| {case.sheet} | {case.position} | {case.edit} | `{f.code}` | {f.location} | {advice} |"


@pytest.mark.slow
def test_row_edit_campaign(campaign: list[Case], tmp_path: Path) -> None:
    lines = [TITLE, "", "| sheet | position | edit | finding | location | advice |",
             "|---|---|---|---|---|---|"]
    wrong = []
    for case in campaign:
        report = verify(case.path)
        lines.append(_table_line(case, report))
        found = roots(report)
        expected = case.expected()
        if expected is None:
            if (case.key, case.edit) == ("RK", "delete"):
                # the year-end rule (issue #21 item 1): an indicator of the PK whose realisation
                # row is gone is a warning, at its PK row (there is no row left to point at)
                want = [("realisasi-tanpa-baris", "warning")]
                if [(f.code, f.severity) for f in found] != want or \
                        any(f.code in ROW_EDITS for f in report.findings):
                    wrong.append((case, [(f.code, f.location) for f in found]))
                continue
            if found or any(f.code in ROW_EDITS for f in report.findings):
                wrong.append((case, [(f.code, f.location) for f in found]))
            continue
        where = (f"{quote_sheet(case.sheet)}!A{case.row}" if case.key in REPORT_SHEETS else
                 c.location(case.key, TABLES[case.key].columns[0].key,
                            case.row - TABLES[case.key].first_row))
        got = [(f.code, f.location) for f in found]
        if got != [(expected, where)]:
            wrong.append((case, got))
            continue
        text = found[0].message("id") + found[0].message("en")
        # a clerk knows the sheet, not the layout's table key ('tabel KG' meant nothing)
        assert case.sheet in found[0].message("id"), text
        assert case.key not in TABLES or f" {case.key} " not in text, text
        if any(word in text for word in DELETING) and _kind(case.key) == "input":
            assert _row_empty(case), f"advice deletes a row holding data: {case}"
    out = Path(os.environ.get("LKJIP_XL_CAMPAIGN_TABLE", tmp_path / "row-edits.md"))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    assert not wrong, wrong


@pytest.mark.slow
def test_a_deleted_indicator_row_is_one_cause_in_at_most_40_lines(campaign: list[Case]) -> None:
    case = next(x for x in campaign if (x.key, x.position, x.edit) == ("IK", "tengah", "delete"))
    report = verify(case.path)
    text = render_text(report)
    assert len(text.splitlines()) <= 40, text
    assert [f.code for f in roots(report)] == ["baris-dihapus"]
    # the consequences are kept, under their cause, in the JSON
    assert len(report.findings) > 10
    assert all(f.params["cause"] == roots(report)[0].location
               for f in report.findings if f.severity == "error" and f.code != "baris-dihapus")


@pytest.mark.slow
def test_export_then_new_restores_a_damaged_workbook(campaign: list[Case], tmp_path: Path) -> None:
    """The advice's route on the files it is given for: the inputs come back whole (a computed
    row edited, an input row inserted), or new --data names exactly what is missing."""
    for case in campaign:
        if case.position != "tengah" or _kind(case.key) == "by-code":
            continue
        data, new = tmp_path / f"{case.path.stem}.yaml", tmp_path / f"{case.path.stem}-baru.xlsx"
        # an indicator's Renstra row deleted: its other rows cannot travel, and export says
        # which (exit 1); the advice is to type the row back first (test below)
        left = case.key == "IK" and case.edit == "delete"
        assert run_main(["export", str(case.path), "-o", str(data)]) == (1 if left else 0)
        code = run_main(["new", "--data", str(data), "-o", str(new)])
        if case.edit == "delete" and _kind(case.key) == "input":
            assert code in (0, 3)  # a deleted sasaran/program: its uraian is asked for
            continue
        assert code == 0, case
        assert loud(verify(new)) == [], case


def test_export_then_new_on_a_file_with_a_row_deleted(tmp_path: Path,
                                                      sample_workbook: Path) -> None:
    """export reads a damaged workbook and writes data that new --data accepts (the block of
    support programmes under `pengukuran` used to be refused)."""
    damaged = c.edit(sample_workbook, tmp_path / "rusak.xlsx", c.insert_row("KG", 1))
    data, new = tmp_path / "data.yaml", tmp_path / "baru.xlsx"
    assert run_main(["export", str(damaged), "-o", str(data)]) == 0
    assert run_main(["new", "--data", str(data), "-o", str(new)]) == 0
    assert loud(verify(new)) == []
    kept = dataformat.load(data)
    assert len([k for _, k in kept.kegiatan()]) == len(
        [k for _, k in dataformat.load(ROOT / "samples" / "denpasar_2019.yaml").kegiatan()])


# Held out: edits the campaign does not make, typed in LibreOffice as staff do, on the sample.
PKK, IK, PK = TABLES["PKK"], TABLES["IK"], TABLES["PK"]
HELD_OUT: dict[str, list[list[str]]] = {
    # the case: a row deleted in the computed sheet Pengukuran Kinerja
    "pkk-row-deleted": [[PKK.sheet, "6", "<delete-row>"]],
    # a row inserted among the indicators and a new indicator typed into it
    "ik-row-inserted-and-typed": [[IK.sheet, "6", "<insert-row>"]] + [
        [IK.sheet, f"{IK.letter(k)}6", v] for k, v in (
            ("kode_sasaran", "S1"), ("kode", "S1.3"), ("uraian", "Indikator baru"),
            ("satuan", "%"), ("polaritas", "positif"), ("agregasi", "akhir"))],
    # a formula typed over with a number: the figures that read it follow it
    "capaian-typed-over": [[PKK.sheet, f"{PKK.letter('capaian')}5", "150"]],
    # an indicator code mistyped in PK
    "pk-code-mistyped": [[PK.sheet, f"{PK.letter('kode')}5", "S1.9"]],
}
HELD_OUT_ROOTS = {  # name -> (code, location, severity) of the one root cause
    "pkk-row-deleted": ("baris-hitungan-dihapus", f"'{PKK.sheet}'!A6", "error"),
    "ik-row-inserted-and-typed": ("baris-disisipkan-berisi", f"'{IK.sheet}'!A6", "error"),
    "capaian-typed-over": ("rumus-ditimpa-salah", f"'{PKK.sheet}'!{PKK.letter('capaian')}5",
                           "error"),
    "pk-code-mistyped": ("indikator-tidak-dikenal", f"{PK.sheet}!{PK.letter('kode')}5", "error"),
}


# Several edits in one file, on synthetic_rules (8 indicators, 15 kegiatan): the roots expected
AK = TABLES["AK"]
SEVERAL: dict[str, tuple[list[list[str]], list[tuple[str, str]]]] = {
    "two-adjacent-indicators-deleted": (
        [[IK.sheet, "6", "<delete-row>"], [IK.sheet, "6", "<delete-row>"]],
        [("baris-dihapus", f"'{IK.sheet}'!A6")]),
    "computed-row-deleted-and-input-row-inserted": (
        [[PKK.sheet, "7", "<delete-row>"], [IK.sheet, "10", "<insert-row>"]],
        [("baris-disisipkan", f"'{IK.sheet}'!A10"), ("baris-hitungan-dihapus", f"'{PKK.sheet}'!A7")]),
    "two-kegiatan-rows-deleted-in-the-computed-sheet": (
        [[AK.sheet, "8", "<delete-row>"], [AK.sheet, "12", "<delete-row>"]],
        [("baris-hitungan-dihapus", f"'{AK.sheet}'!A8"),
         ("baris-hitungan-dihapus", f"'{AK.sheet}'!A12")]),
}


@pytest.fixture(scope="module")
def held_out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("held-out")
    src, rules = folder / "denpasar.xlsx", folder / "rules.xlsx"
    write_workbook(dataformat.load(ROOT / "samples" / "denpasar_2019.yaml"), src)
    write_workbook(dataformat.load(ROOT / "samples" / "synthetic_rules.yaml"), rules)
    out = {name: folder / f"{name}.xlsx" for name in [*HELD_OUT, *SEVERAL]}
    jobs = [{"src": str(src), "dst": str(out[n]), "edits": e} for n, e in HELD_OUT.items()]
    jobs += [{"src": str(rules), "dst": str(out[n]), "edits": e} for n, (e, _) in SEVERAL.items()]
    uno_jobs(jobs, folder)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SEVERAL))
def test_several_row_edits_each_found_where_made(held_out: dict[str, Path], name: str) -> None:
    report = verify(held_out[name])
    assert [(f.code, f.location) for f in roots(report)] == SEVERAL[name][1], render_text(report)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_edit_has_one_root_at_its_cell(held_out: dict[str, Path], name: str) -> None:
    report = verify(held_out[name])
    found = roots(report)
    assert [(f.code, f.location, f.severity) for f in found] == [HELD_OUT_ROOTS[name]], \
        render_text(report)
    text = found[0].message("id") + found[0].message("en")
    if found[0].code in ROW_EDITS and found[0].sheet == IK.sheet:
        assert not any(word in text for word in DELETING)  # the row holds the new indicator
    # every other error is a consequence of it, printed under it
    assert all(f.params.get("cause") == found[0].location for f in report.findings
               if f in loud(report) and f is not found[0])
    assert len(render_text(report).splitlines()) <= 40


@pytest.mark.slow
def test_an_overwritten_formula_lists_the_cells_that_follow_it(held_out: dict[str, Path]) -> None:
    """capaian typed over: capaian dipakai, predikat and the sasaran's figures read it."""
    report = verify(held_out["capaian-typed-over"])
    root = roots(report)[0]
    assert len(root.params["akibat"]) >= 3, render_text(report)
    assert f"'{PKK.sheet}'!{PKK.letter('capaian_dipakai')}5" in root.params["akibat"]
    assert "ikut salah" in render_text(report)


def test_a_deleted_row_folds_its_consequences_in_text_and_keeps_them_in_json(
        tmp_path: Path, sample_workbook: Path) -> None:
    damaged = c.edit(sample_workbook, tmp_path / "hapus.xlsx", c.delete_row("IK", 1))
    report = verify(damaged)
    assert [(f.code, f.location) for f in roots(report)] == [
        ("baris-dihapus", c.location("IK", "kode_sasaran", 1))]
    text = render_text(report)
    assert len(text.splitlines()) <= 40, text
    assert "sel ikut salah" in text
    data = report.to_dict("id")
    followers = [f for f in data["findings"] if f.get("cause")]
    assert followers and all(f["cause"] == roots(report)[0].location for f in followers)


def test_long_formulas_are_cut_in_text_and_whole_in_json(tmp_path: Path,
                                                          sample_workbook: Path) -> None:
    t = TABLES["PKK"]
    long = "=" + "+".join(f"{t.letter('realisasi')}5/{t.letter('target')}5" for _ in range(30))
    damaged = c.edit(sample_workbook, tmp_path / "rumus.xlsx", c.set_value("PKK", "capaian", long))
    report = verify(damaged)
    edited = [f for f in report.findings if f.code == "rumus-diubah"]
    assert edited and edited[0].found == long
    text = render_text(report)
    assert long not in text and long[:60] + "..." in text
    assert all(len(line) < 400 for line in text.splitlines())


def test_the_temuan_sheet_lists_consequences_under_their_cause(tmp_path: Path,
                                                                sample_workbook: Path) -> None:
    import openpyxl

    damaged = c.edit(sample_workbook, tmp_path / "hapus.xlsx", c.delete_row("IK", 1))
    out = tmp_path / "bertanda.xlsx"
    assert run_main(["verify", str(damaged), "--annotate", str(out)]) == 1
    rows = list(openpyxl.load_workbook(out)["Temuan"].iter_rows(min_row=2, values_only=True))
    codes = [str(r[0]) for r in rows]
    root = codes.index("baris-dihapus")
    followers = [r for r in rows if str(r[0]).startswith("  -> ")]
    assert followers, codes
    # every consequence sits in the block right after its cause, saying what it follows from
    block = codes[root + 1:root + 1 + len(followers)]
    assert all(code.startswith("  -> ") for code in block), codes
    assert all(c.location("IK", "kode_sasaran", 1) in str(r[5]) for r in followers)
    assert "ikut salah" in str(rows[root][5])


@pytest.mark.slow
def test_the_advice_for_a_deleted_renstra_row_loses_nothing(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    """The new user's case: an indicator's Renstra row deleted in Calc. Its RKT, PK, Rencana
    Aksi and realisation rows are still in the file; export names each one it cannot carry
    (exit 1) instead of dropping them silently, and the advice (type the row back, then export
    and new --data) gives the whole agency back, every input of that indicator included."""
    import openpyxl

    reason = _uno_missing()
    if reason:
        pytest.skip(reason)
    sample = dataformat.load(ROOT / "samples" / "denpasar_2019.yaml")
    src = tmp_path / "asli.xlsx"
    write_workbook(sample, src)
    row = IK.first_row + 1  # the second indicator
    ws = openpyxl.load_workbook(src)[IK.sheet]
    typed = [[IK.sheet, f"{col.column_letter}{row}", str(col.value)] for col in ws[row][:len(IK.columns)]
             if col.value is not None and not str(col.value).startswith("=")]
    broken, back = tmp_path / "rusak.xlsx", tmp_path / "pulih.xlsx"
    uno_jobs([{"src": str(src), "dst": str(broken), "edits": [[IK.sheet, str(row), "<delete-row>"]]}],
             tmp_path)
    gone = [i for _, i in sample.indikator()][1].kode
    assert run_main(["export", str(broken), "--tanpa-pengukuran", "-o",
                     str(tmp_path / "rusak.yaml")]) == 1
    err = capsys.readouterr().err
    for key in ("RKT", "PK", "RA", "RK"):
        assert f"{quote_sheet(TABLES[key].sheet)}!A" in err and gone in err, err
    # the advice, followed literally: the row typed back, then export and new --data
    uno_jobs([{"src": str(broken), "dst": str(back),
               "edits": [[IK.sheet, str(row), "<insert-row>"], *typed]}], tmp_path)
    data, new = tmp_path / "data.yaml", tmp_path / "baru.xlsx"
    assert run_main(["export", str(back), "--tanpa-pengukuran", "-o", str(data)]) == 0
    assert run_main(["new", "--data", str(data), "-o", str(new)]) == 0
    assert loud(verify(new)) == []
    assert dataformat.to_dict(dataformat.load(data)) == dataformat.to_dict(sample)
