"""Batch verification at a planning unit's scale: N typical agency workbooks, jobs=1 vs jobs=2.

    python benchmarks/batch_verify.py                 # 40 workbooks
    python benchmarks/batch_verify.py --count 500     # 500 (40 distinct agencies, copied)
    python benchmarks/batch_verify.py --count 500 --jobs 2   # only the parallel run

Each configuration runs in a fresh process; peak memory is the largest resident set of that
process and of its workers (ru_maxrss). The workbooks are synthetic agencies
(lkjip_xl.planning.synthetic): 1-3 sasaran, 1-3 indicators each, 3-5 programmes, 1-5 kegiatan
per programme, the layout's default capacities (60 indicator rows, 300 kegiatan rows).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

DISTINCT = 40


def make_workbooks(folder: Path, count: int) -> list[str]:
    from lkjip_xl.planning.pool import run_pool
    from lkjip_xl.planning.synthetic import write_synthetic

    distinct = min(count, DISTINCT)
    made = run_pool(write_synthetic, [(n, str(folder / "src"), 2019) for n in range(distinct)],
                    jobs=2, label="membuat", progress=False,
                    on_crash=lambda job, exc: (_ for _ in ()).throw(exc))
    out = []
    for i in range(count):
        src = Path(made[i % distinct])
        dst = folder / f"{i:04d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(str(dst))
    return out


def _run(paths: list[str], jobs: int, q: Any) -> None:
    from lkjip_xl.planning.batch import verify_many

    t0 = time.perf_counter()
    results = verify_many(paths, jobs, progress=False)
    elapsed = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = max(me.ru_maxrss, kids.ru_maxrss)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    q.put({"jobs": jobs, "seconds": elapsed, "peak_mb": peak_kb / 1024, "cpu": cpu,
           "valid": sum(1 for _, r in results if r.valid),
           "fatal": sum(1 for _, r in results if r.fatal)})


def measure(paths: list[str], jobs: int) -> dict[str, Any]:
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_run, args=(paths, jobs, q))
    p.start()
    out: dict[str, Any] = q.get()
    p.join()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as tmp:
        folder = Path(tmp)
        (folder / "src").mkdir()
        t0 = time.perf_counter()
        paths = make_workbooks(folder, args.count)
        made = time.perf_counter() - t0
        size = sum(os.path.getsize(p) for p in paths) / len(paths) / 1024
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        print(f"{args.count} workbooks ({min(args.count, DISTINCT)} distinct agencies, "
              f"{size:.0f} KiB each) written in {made:.1f} s; cores: {os.cpu_count()}")
        rows = [measure(paths, j) for j in args.jobs]
    base = next((r["seconds"] for r in rows if r["jobs"] == 1), None)
    print()
    print(f"{'files':>6} {'jobs':>5} {'total s':>9} {'s/file':>8} {'files/min':>10} "
          f"{'cpu s/file':>10} {'peak MiB':>9} {'speed-up':>9} {'valid':>6} {'fatal':>6}")
    for r in rows:
        speed = f"{base / r['seconds']:.2f}x" if base else "-"
        print(f"{args.count:>6} {r['jobs']:>5} {r['seconds']:>9.1f} "
              f"{r['seconds'] / args.count:>8.2f} {60 * args.count / r['seconds']:>10.1f} "
              f"{r['cpu'] / args.count:>10.2f} "
              f"{r['peak_mb']:>9.0f} {speed:>9} {r['valid']:>6} {r['fatal']:>6}")


if __name__ == "__main__":
    main()
