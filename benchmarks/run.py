"""Benchmark lkjip-xl against full recalculation engines and plain readers.

    python benchmarks/run.py [--sizes 10,100,1000] [--json out.json] [--repeat 3]
                             [--formulas-max 10] [--timeout 900] [--compare old.json]

See docs/benchmarks.md for what is measured, the targets and how to read the table.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as _dt
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.proc import Run, run_process, run_task, script  # noqa: E402
from benchmarks.report import Result, compare, table, targets, targets_text  # noqa: E402
from benchmarks.workbooks import Inputs, prepare  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "denpasar_2019.xlsx"


def has_command(name: str) -> bool:
    return importlib.util.find_spec(f"lkjip_xl.cli.{name}") is not None


def has_verify_lib() -> bool:
    return importlib.util.find_spec("lkjip_xl.verify") is not None


class Bench:
    def __init__(self, repeat: int, timeout: float, out: Callable[[str], None]) -> None:
        self.repeat = repeat
        self.timeout = timeout
        self.results: list[Result] = []
        self.out = out

    def _keep(self, size: int | None, name: str, mode: str, runs: list[Run],
              key: Callable[[Run], float | None]) -> Result:
        good = [r for r in runs if r.ok]
        times = [t for r in good if (t := key(r)) is not None]
        err = None
        if not good:
            last = runs[-1]
            err = ("timeout" if last.timed_out
                   else f"exit {last.exit_code}: {last.stderr.strip().splitlines()[-1:] or ''}")
        if err is None and not times:  # ran, but gave no figure (a task that failed inside)
            last = runs[-1]
            tail = last.stderr.strip().splitlines()[-1:] or [""]
            err = f"no figure (exit {last.exit_code}: {tail[0][:200]})"
        res = Result(size, name, mode, min(times) if times else None,
                     max(r.maxrss_mb for r in good) if good else None, times,
                     good[0].detail if good else {}, err)
        self.results.append(res)
        shown = f"{res.wall_s:.3f} s" if res.wall_s is not None else res.error
        self.out(f"    {name:<28} {mode:<10} {shown}")
        return res

    def process(self, size: int | None, name: str, cmd: list[str], repeat: int | None = None,
                timeout: float | None = None) -> Result:
        runs = []
        for _ in range(repeat or self.repeat):
            runs.append(run_process(cmd, timeout or self.timeout))
            if not runs[-1].ok:
                break
        return self._keep(size, name, "process", runs, lambda r: r.wall_s)

    def task(self, size: int | None, name: str, task: str, args: list[str],
             repeat: int | None = None, timeout: float | None = None) -> Result:
        runs = []
        for _ in range(repeat or self.repeat):
            runs.append(run_task(task, args, timeout or self.timeout))
            if not runs[-1].ok or runs[-1].exit_code != 0:
                break
        return self._keep(size, name, "in-process", runs, lambda r: r.detail.get("work_s"))


def floors(b: Bench, tmp: Path) -> None:
    b.out("start-up floors")
    py = sys.executable
    b.process(None, "python -c pass", [py, "-c", "pass"], repeat=max(5, b.repeat))
    b.process(None, "python -c 'import openpyxl'", [py, "-c", "import openpyxl"],
              repeat=max(5, b.repeat))
    b.process(None, "lkjip-xl --help", [script("lkjip-xl"), "--help"], repeat=max(5, b.repeat))
    if has_command("verify") and SAMPLE.exists():
        b.process(None, "verify sample", [script("lkjip-xl"), "verify", str(SAMPLE)],
                  repeat=max(5, b.repeat))
    if SAMPLE.exists() and has_command("laporan"):
        b.task(None, "laporan sample", "cli", ["laporan", str(SAMPLE), "-o",
                                               str(tmp / "sample.docx"), "--force"])
    if SAMPLE.exists():
        b.process(None, "export sample", [script("lkjip-xl"), "export", str(SAMPLE), "--format",
                                          "json", "-o", str(tmp / "sample.json"), "--force"],
                  repeat=max(5, b.repeat))


def one_size(b: Bench, inp: Inputs, tmp: Path, formulas_max: int, formulas_timeout: float,
             repeat: int) -> None:
    n, wb, cli = inp.size, str(inp.workbook), script("lkjip-xl")
    b.out(f"n={n} ({inp.indikator_rows} indicator rows, {inp.kegiatan_rows} kegiatan rows)")
    out = str(tmp / f"out-{n}.xlsx")
    # our commands, as a user runs them and in-process
    if has_command("verify"):
        b.process(n, "verify", [cli, "verify", wb], repeat)
        b.task(n, "verify", "cli", ["verify", wb], repeat)
        if has_verify_lib():
            b.task(n, "verify() library", "verify-lib", [wb], repeat)
    if has_command("measure"):
        b.process(n, "measure", [cli, "measure", wb, "-o", out, "--force"], repeat)
        b.task(n, "measure", "cli", ["measure", wb, "-o", out, "--force"], repeat)
    if has_command("laporan"):  # the LKjIP document (.docx, no PDF): verify, measure, write
        docx = str(tmp / f"laporan-{n}.docx")
        b.task(n, "laporan", "cli", ["laporan", wb, "-o", docx, "--force"], repeat)
    b.process(n, "new", [cli, "new", "--data", str(inp.yaml), "-o", out, "--force"], repeat)
    b.process(n, "new (json data)", [cli, "new", "--data", str(inp.json), "-o", out, "--force"],
              repeat)
    b.task(n, "new", "new-lib", [str(inp.yaml), out], repeat)
    js = str(tmp / f"out-{n}.json")
    b.process(n, "export", [cli, "export", wb, "--format", "json", "-o", js, "--force"], repeat)
    b.task(n, "export", "cli", ["export", wb, "--format", "json", "-o", js, "--force"], repeat)
    b.task(n, "read_grid", "read-grid", [wb], repeat)
    b.task(n, "read_workbook", "read-workbook", [wb], repeat)
    # the alternatives: full recalculation engines, then the floors (reading alone)
    b.task(n, "libreoffice", "libreoffice", [wb], 1)
    b.task(n, "formualizer", "formualizer", [wb], repeat)
    if n <= formulas_max:
        b.task(n, "formulas", "formulas", [wb], 1, timeout=formulas_timeout)
    b.task(n, "openpyxl", "openpyxl", [wb], repeat)
    b.task(n, "calamine", "calamine", [wb], repeat)


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                               text=True, timeout=10).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "") if out.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def meta(sizes: list[int]) -> dict[str, object]:
    import lkjip_xl

    return {"date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "lkjip_xl": lkjip_xl.__version__, "commit": _git_commit(),
            "python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "sizes": sizes,
            "commands": {c: has_command(c) for c in ("new", "verify", "measure", "export")}}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000",
                    help="indicator rows per workbook, comma separated (default 10,100,1000)")
    ap.add_argument("--json", type=Path, help="write every figure to this JSON file")
    ap.add_argument("--compare", type=Path, help="an earlier --json file to compare with")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per measurement up to 1,000 rows, best kept (default 3; "
                         "1 above 1,000 rows and for LibreOffice and formulas)")
    ap.add_argument("--formulas-max", type=int, default=10,
                    help="largest size given to the `formulas` package (default 10)")
    ap.add_argument("--formulas-timeout", type=float, default=60,
                    help="seconds before a `formulas` run is stopped (default 60)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run (default 900)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "lkjip-xl-bench",
                    help="where generated inputs are cached between runs")
    ap.add_argument("--no-floors", action="store_true", help="skip the start-up measurements")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        print(f"--sizes: whole numbers separated by commas, got {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 1:
        print("--sizes: at least one size >= 1", file=sys.stderr)
        return 2

    def say(text: str) -> None:
        print(text, flush=True)

    # pip byte-compiles a package it installs, and the baselines (openpyxl...) are installed
    # that way; an editable checkout run with PYTHONDONTWRITEBYTECODE=1 would instead compile
    # lkjip-xl from source in every measured process (~0.1 s). Compile it once, as pip would.
    import lkjip_xl

    compileall.compile_dir(str(Path(lkjip_xl.__file__).parent), quiet=1)
    b = Bench(args.repeat, args.timeout, say)
    prep: dict[int, dict[str, float | None]] = {}
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-out-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.no_floors:
            floors(b, tmp)
        for n in sizes:
            inp = prepare(n, args.workdir, say)
            prep[n] = {"write_s": inp.write_s, "libreoffice_prepare_s": inp.lo_prepare_s}
            one_size(b, inp, tmp, args.formulas_max, args.formulas_timeout,
                     args.repeat if n <= 1000 else 1)
    ts = targets(b.results, sizes)
    print()
    print(table(b.results))
    print()
    print(targets_text(ts))
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        print()
        print(compare(b.results, before.get("results", [])))
    if args.json:
        doc = {"meta": {**meta(sizes), "prepare": prep},
               "results": [r.to_dict() for r in b.results],
               "targets": [{"text": t.text, "met": t.met, "figures": t.figures} for t in ts]}
        args.json.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
