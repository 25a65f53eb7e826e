"""Hostile inputs against `lkjip-xl verify`: wall time and peak memory per class.

Every hostile class of tests/hostile.py (the small ones, the same content planted into a real
lkjip-xl workbook, and the large ones of `hostile.LARGE`, each at most 20 MB on disk) is written
to a temporary folder, then `python -m lkjip_xl verify FILE` runs as its own process; wall time
and the child's peak RSS come from `os.wait4` (benchmarks/proc.py). Targets (docs/security.md):
peak memory < 300 MB and time < 10 s for any input up to 20 MB.

    python benchmarks/hostile.py                # every class, a Markdown table
    python benchmarks/hostile.py --only bomb    # classes whose name contains "bomb"
    python benchmarks/hostile.py --json out.json

Exit code 0 when every class met both targets and exited 0, 1 or 3, else 1.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.proc import run_process  # noqa: E402
from tests import hostile  # noqa: E402

MAX_DISK = 20 * 1000 * 1000
PEAK_MB = 300.0
WALL_S = 10.0


def cases(good: Callable[[Path], Path]) -> dict[str, Callable[[Path], Path]]:
    out: dict[str, Callable[[Path], Path]] = dict(hostile.HOSTILE)
    for kind in hostile.LKJIP_VARIANTS:
        out["lkjip:" + kind] = (lambda k: lambda tmp: hostile.lkjip_variant(good(tmp), tmp, k))(
            kind)
    out.update(hostile.LARGE)
    return out


def _good(tmp: Path) -> Path:
    from lkjip_xl.dataformat import load
    from lkjip_xl.workbook.write import write_workbook

    path = tmp / "_baik.xlsx"
    write_workbook(load(ROOT / "samples" / "denpasar_2019.yaml"), path)
    return path


def measure_case(name: str, work: Path, timeout: float) -> dict[str, object]:
    folder = work / name.replace(":", "_")
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    # made in a process of its own: a child inherits the peak RSS of the process that forks it,
    # so this one must stay small for the figures of the next runs to be the verifier's own
    made = subprocess.run([sys.executable, __file__, "--make", name, str(folder)], check=True,
                          capture_output=True, text=True)
    path = Path(made.stdout.strip().splitlines()[-1])
    made_s = time.perf_counter() - t0
    size = path.stat().st_size
    row: dict[str, object] = {"case": name, "file": path.name, "bytes": size,
                              "make_s": round(made_s, 1)}
    if size > MAX_DISK:
        row.update(skipped=f"{size / 1e6:.1f} MB > 20 MB")
        return row
    run = run_process([sys.executable, "-m", "lkjip_xl", "verify", str(path)], timeout)
    first = next((ln.strip() for ln in run.stderr.splitlines() if ln.strip()), "")
    row.update(exit=run.exit_code, wall_s=round(run.wall_s, 2), peak_mb=round(run.maxrss_mb, 1),
               timed_out=run.timed_out, stderr=first[:160],
               ok=(not run.timed_out and run.exit_code in (0, 1, 3)
                   and run.maxrss_mb < PEAK_MB and run.wall_s < WALL_S))
    path.unlink()
    return row


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| class | size (MB) | exit | wall (s) | peak RSS (MB) | targets |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        size = f"{int(str(r['bytes'])) / 1e6:.2f}"
        if "skipped" in r:
            lines.append(f"| {r['case']} | {size} | - | - | - | skipped: {r['skipped']} |")
            continue
        verdict = "ok" if r["ok"] else ("TIMEOUT" if r["timed_out"] else "MISSED")
        lines.append(f"| {r['case']} | {size} | {r['exit']} | {r['wall_s']} | {r['peak_mb']} "
                     f"| {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="run the classes whose name contains this text")
    ap.add_argument("--json", type=Path, help="write the rows as JSON")
    ap.add_argument("--timeout", type=float, default=60.0, help="kill a run after N seconds")
    ap.add_argument("--make", nargs=2, metavar=("CLASS", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.make:  # the child that writes one input (see measure_case)
        print(cases(_good)[args.make[0]](Path(args.make[1])))
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="lkjip_hostile_bench_") as tmp:
        for name in cases(_good):
            if args.only and args.only not in name:
                continue
            row = measure_case(name, Path(tmp), args.timeout)
            rows.append(row)
            print(f"{name}: {row}", file=sys.stderr, flush=True)
    print(table(rows))
    print(f"\ntargets: peak RSS < {PEAK_MB:.0f} MB, wall < {WALL_S:.0f} s (process start and "
          "imports included), inputs up to 20 MB on disk")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0 if all(r.get("ok", True) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
