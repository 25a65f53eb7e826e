"""The benchmark cannot rot: its pieces run for real at the smallest size.

The full benchmark (LibreOffice, formualizer, big sizes) is `python benchmarks/run.py`; here the
synthetic data, the process measurement and the in-process tasks are run on a tiny workbook
written without LibreOffice, and the report is built from the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.proc import run_process, run_task, script  # noqa: E402
from benchmarks.report import Result, table, targets, targets_text  # noqa: E402
from benchmarks.run import parse_args  # noqa: E402
from benchmarks.synth import kegiatan_rows, synthetic_dokumen  # noqa: E402
from lkjip_xl.core.measurement import ukur  # noqa: E402
from lkjip_xl.dataformat import dumps, loads  # noqa: E402
from lkjip_xl.workbook.generate import check_fits_layout  # noqa: E402
from lkjip_xl.workbook.write import write_workbook  # noqa: E402


@pytest.mark.parametrize("n", [1, 7, 10, 23])
def test_synthetic_document_has_the_rows_asked_for_and_is_valid(n: int) -> None:
    dok = synthetic_dokumen(n)
    assert len(dok.indikator()) == n
    assert kegiatan_rows(dok) == n
    check_fits_layout(dok)
    again = loads(dumps(dok, "json"), "json")  # valid for the data format (schema + semantics)
    assert len(again.indikator()) == n
    assert synthetic_dokumen(n) == dok  # deterministic: runs compare


def test_synthetic_document_covers_every_polaritas_and_agregasi() -> None:
    dok = synthetic_dokumen(12)
    kinds = {(i.polaritas, i.agregasi) for _, i in dok.indikator()}
    assert {"positif", "negatif", "rentang"} <= {p for p, _ in kinds}
    assert {"akhir", "kumulatif", "rata_rata"} <= {a for _, a in kinds}
    p = ukur(dok)
    assert any(u.capaian is None for u in p.indikator.values())  # a not-yet-reported indicator
    assert sum(u.capaian is not None for u in p.indikator.values()) >= 8
    assert any(k.sub_kegiatan for _, k in dok.kegiatan())


def test_process_measurement_reports_time_memory_and_exit_code() -> None:
    ok = run_process([sys.executable, "-c", "x = bytearray(60 * 1024 * 1024)"], timeout=60)
    assert ok.exit_code == 0 and ok.ok
    assert ok.maxrss_mb > 60  # the child's own peak, from wait4
    failed = run_process([sys.executable, "-c", "import sys; sys.exit(3)"], timeout=60)
    assert failed.exit_code == 3 and not failed.ok
    slow = run_process([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)
    assert slow.timed_out and slow.wall_s < 10


def test_tasks_run_on_a_tiny_workbook_and_feed_the_report(tmp_path: Path) -> None:
    wb = tmp_path / "tiny.xlsx"
    data = tmp_path / "tiny.json"
    dok = synthetic_dokumen(3)
    data.write_text(dumps(dok, "json"), encoding="utf-8")
    write_workbook(dok, wb)
    results: list[Result] = []
    for name, task, args in (("new", "new-lib", [str(data), str(tmp_path / "new.xlsx")]),
                             ("read_grid", "read-grid", [str(wb)]),
                             ("openpyxl", "openpyxl", [str(wb)]),
                             ("calamine", "calamine", [str(wb)]),
                             ("export", "cli", ["export", str(wb), "--format", "json"])):
        run = run_task(task, args, timeout=120)
        assert run.exit_code == 0, run.stderr
        assert run.detail["work_s"] > 0, name
        results.append(Result(3, name, "in-process", run.detail["work_s"], run.maxrss_mb,
                              [run.detail["work_s"]], run.detail))
    assert (tmp_path / "new.xlsx").stat().st_size > 10_000
    assert results[1].detail["cells"] > 1000  # read_grid read the sheets
    assert results[4].detail["exit_code"] == 0  # export ran clean
    help_run = run_process([script("lkjip-xl"), "--help"], timeout=60)
    assert help_run.exit_code == 0
    results.append(Result(None, "lkjip-xl --help", "process", help_run.wall_s, help_run.maxrss_mb))
    text = table(results)
    assert "read_grid" in text and "÷openpyxl" in text
    ts = targets(results, [3])
    assert len(ts) == 8 and all(t.met is None for t in ts)  # nothing measured at 5,000 rows
    assert "n/a" in targets_text(ts)


def test_command_line_defaults() -> None:
    args = parse_args([])
    assert args.sizes == "10,100,1000" and args.repeat == 3


def test_before_after_runs_two_checkouts_and_writes_its_figures(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]
                                                                ) -> None:
    """benchmarks/before_after.py at the smallest size, this checkout against itself: every
    command runs, from the checkout named, and the JSON holds a figure per run."""
    import json

    from benchmarks.before_after import main

    out = tmp_path / "ba.json"
    assert main(["--before", str(ROOT), "--after", str(ROOT), "--repeat", "1", "--rows", "3",
                 "--agencies", "2", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "(exit" not in printed  # every command ran to a full result (exit 0 or 1)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["results"]) == 13  # with export and laporan (issue #25)
    for sides in data["results"].values():
        for runs in sides.values():
            assert len(runs) == 1 and runs[0]["wall_s"] > 0 and runs[0]["exit_code"] in (0, 1)


def test_growth_table_runs_both_trees_at_every_size(tmp_path: Path, capsys: Any) -> None:
    """benchmarks/growth.py (issue #25's table) end to end at tiny sizes, this tree as both."""
    import json

    from benchmarks.growth import main, per_doubling

    assert per_doubling(1.0, 4.0, 5000, 20000) == pytest.approx(2.0)  # linear
    assert per_doubling(1.0, 16.0, 5000, 20000) == pytest.approx(4.0)  # quadratic
    out = tmp_path / "g.json"
    assert main(["--before", str(ROOT), "--sizes", "20,40", "--commands", "verify,export",
                 "--json", str(out), "--plot", str(tmp_path / "g.png")]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["sizes"] == [20, 40]
    for n in ("20", "40"):
        for cmd in ("verify", "export"):
            for side in ("before", "after"):
                m = data["rows"][n][cmd][side]
                assert m["wall_s"] > 0 and m["maxrss_mb"] > 10 and m["exit"] == [0]
    shown = capsys.readouterr().out
    assert "| rows | verify before | verify after |" in shown and "x per doubling" in shown
    assert "| export after | " in shown and "time x 20 -> 40" in shown
    assert (tmp_path / "g.png").read_bytes()[:4] == b"\x89PNG"


def test_growth_baselines_median_and_floor_ratio() -> None:
    """The median of the repeats is kept; verify is set against the calamine floor, and a size
    without the floor (python-calamine not installed) leaves that cell empty."""
    from benchmarks.growth import baseline_table, summary
    from benchmarks.proc import Run

    m = summary([Run(3.0, 90, 0), Run(1.0, 50, 0), Run(2.0, 70, 0)])
    assert (m["wall_s"], m["maxrss_mb"], len(m["samples"])) == (2.0, 70, 3)
    rows = {5000: {"verify": {"after": {"wall_s": 2.0}},
                   "baselines": {"calamine": {"wall_s": 0.25, "maxrss_mb": 40.0},
                                 "libreoffice": {"wall_s": 9.0, "maxrss_mb": 440.0}}},
            20000: {"verify": {"after": {"wall_s": 8.0}},
                    "baselines": {"libreoffice": {"wall_s": 70.0, "maxrss_mb": 900.0}}}}
    shown = baseline_table(rows).splitlines()
    assert shown[0] == "| rows | libreoffice | calamine | verify after | verify / calamine |"
    assert shown[2] == "| 5,000 | 9.00 s, 440 MB | 0.25 s, 40 MB | 2.00 s | 8.0x |"
    assert shown[3] == "| 20,000 | 70.00 s, 900 MB |  | 8.00 s |  |"
    assert baseline_table({100: {}}) == ""
