"""Two checkouts of lkjip-xl, the same commands, one run: is any command slower after a change?

    python benchmarks/before_after.py --before ../old-checkout            # after = this checkout
    python benchmarks/before_after.py --before OLD --after NEW --repeat 5 --agencies 40 --rows 500

Every command runs as a user runs it (`python -m lkjip_xl ...`, a fresh process) with PYTHONPATH
pointing at one checkout; before and after alternate within each repeat so that a busy machine
slows both alike, and the best wall time and the peak memory of each are kept. Inputs are made
once, by the *before* checkout, so both read the same files (a later layout reads older workbooks;
an earlier one may not read later ones):

- the bundled sample's data (`new`), and its workbook (`verify`, `measure`, `export`);
- a synthetic document of `--rows` indicators and kegiatan (`new`, `verify`, `measure`);
- `--agencies` typical agency workbooks (`verify FOLDER --jobs 1`, `rekap FOLDER --jobs 1`);
- `lkjip-xl --help`.

The table gives both times and after / before; `--json` keeps every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.proc import Run, run_process  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

_PREPARE = r"""
import shutil, sys
from pathlib import Path
out, rows, agencies = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
from benchmarks.synth import synthetic_dokumen
from lkjip_xl import dataformat
dataformat.dump(synthetic_dokumen(rows), out / "big.yaml")
try:
    from lkjip_xl.planning.synthetic import write_synthetic
except ImportError:
    raise SystemExit("the before checkout has no planning.synthetic")
folder = out / "agencies"
folder.mkdir()
for n in range(agencies):
    write_synthetic((n, str(folder), 2019))
"""


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree)  # ahead of any installed lkjip_xl
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "lkjip_xl", *args]


def _check_trees(trees: dict[str, Path]) -> None:
    where = {side: subprocess.run([sys.executable, "-c", "import lkjip_xl; print(lkjip_xl.__file__)"],
                                  cwd=str(tree), env=_env(tree), capture_output=True,
                                  text=True).stdout.strip() for side, tree in trees.items()}
    for side, tree in trees.items():
        if not where[side].startswith(str(tree)):
            raise SystemExit(f"{side}: lkjip_xl loads from {where[side]}, not {tree}")


def prepare(before: Path, work: Path, rows: int, agencies: int) -> dict[str, Path]:
    """Inputs written by the before checkout, with its own benchmarks package."""
    env = _env(before)
    subprocess.run([sys.executable, "-c", _PREPARE, str(work), str(rows), str(agencies)],
                   env=env, check=True, cwd=str(before))
    paths = {"sample_yaml": ROOT / "samples" / "denpasar_2019.yaml",
             "big_yaml": work / "big.yaml", "agencies": work / "agencies"}
    for name, src in (("sample", paths["sample_yaml"]), ("big", paths["big_yaml"])):
        out = work / f"{name}.xlsx"
        subprocess.run(_cli("new", "--data", str(src), "-o", str(out), "--force"), cwd=str(before),
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        paths[name] = out
    return paths


def commands(p: dict[str, Path], out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("--help", ["--help"]),
        ("new sample", ["new", "--data", str(p["sample_yaml"]), "-o", str(out / "n.xlsx"),
                        "--force"]),
        ("verify sample", ["verify", str(p["sample"])]),
        ("measure sample", ["measure", str(p["sample"]), "-o", str(out / "m.xlsx"), "--force"]),
        ("export sample", ["export", str(p["sample"]), "-o", str(out / "e.yaml"), "--force"]),
        ("laporan sample", ["laporan", str(p["sample"]), "-o", str(out / "l.docx"), "--force"]),
        ("new big", ["new", "--data", str(p["big_yaml"]), "-o", str(out / "nb.xlsx"), "--force"]),
        ("verify big", ["verify", str(p["big"])]),
        ("measure big", ["measure", str(p["big"]), "-o", str(out / "mb.xlsx"), "--force"]),
        ("export big", ["export", str(p["big"]), "-o", str(out / "eb.yaml"), "--force"]),
        ("laporan big", ["laporan", str(p["big"]), "-o", str(out / "lb.docx"), "--force"]),
        ("verify folder (jobs 1)", ["verify", str(p["agencies"]), "--jobs", "1"]),
        ("rekap folder (jobs 1)", ["rekap", str(p["agencies"]), "-o", str(out / "r.xlsx"),
                                   "--jobs", "1", "--force"]),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", required=True, type=Path, help="the earlier checkout")
    ap.add_argument("--after", default=ROOT, type=Path, help="the later checkout (default: this)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--agencies", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    trees = {"before": a.before.resolve(), "after": a.after.resolve()}
    results: dict[str, dict[str, list[Run]]] = {}
    with tempfile.TemporaryDirectory(prefix="lkjip-ba-") as tmp:
        work = Path(tmp)
        print(f"inputs: {a.rows} rows, {a.agencies} agencies (written by {trees['before']})",
              flush=True)
        p = prepare(trees["before"], work, a.rows, a.agencies)
        for name, args in commands(p, work):
            results[name] = {"before": [], "after": []}
            for _ in range(a.repeat):
                for side, tree in trees.items():
                    # cwd is the checkout: `python -m` puts it first on sys.path
                    run = run_process(_cli(*args), a.timeout, env=_env(tree), cwd=str(tree))
                    results[name][side].append(run)
            b, f = (min(results[name][s], key=lambda r: r.wall_s) for s in ("before", "after"))
            if name == "--help":  # the checkouts really differ: a check of the set-up itself
                _check_trees(trees)
            ok = "" if b.ok and f.ok else f"  (exit {b.exit_code} / {f.exit_code})"
            print(f"{name:26s} {b.wall_s:8.3f} s {f.wall_s:8.3f} s  x{f.wall_s / b.wall_s:5.2f}"
                  f"   {max(r.maxrss_mb for r in results[name]['before']):6.0f} MB"
                  f" {max(r.maxrss_mb for r in results[name]['after']):6.0f} MB{ok}", flush=True)
    if a.json:
        a.json.write_text(json.dumps({
            "trees": {k: str(v) for k, v in trees.items()},
            "rows": a.rows, "agencies": a.agencies,
            "results": {n: {s: [{"wall_s": r.wall_s, "maxrss_mb": r.maxrss_mb,
                                 "exit_code": r.exit_code} for r in runs]
                            for s, runs in sides.items()} for n, sides in results.items()},
        }, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
