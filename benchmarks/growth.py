"""How each command's cost grows with its work, before and after a change, in one run (issue #25).

    python benchmarks/growth.py --before ../before                       # 5,000 / 10,000 / 20,000
    python benchmarks/growth.py --before ../before --sizes 1000,2000 --json g.json --plot g.png
    python benchmarks/growth.py --before ../before --baselines           # + LibreOffice, floors

An agency of N rows has issue #25's shape (`synth.agency_of_rows`: N/5 indicators in sasaran of
five, 4N/5 kegiatan rows). For every size, its data (YAML) and its workbook are written by the
*before* checkout (`new`), so both checkouts read the same files; every command then runs as a
user runs it (`python -m lkjip_xl ...`, a fresh process, PYTHONPATH and working folder set to
the checkout), before and after alternating, `--repeat` times; the median wall time and the
median peak resident memory (`os.wait4`) are kept (every sample is in the JSON). The tables give
both per size; per command the growth from each size to the next and the factor per doubling of
the rows (2.0 = linear; the issue asks at most 2.2); with `--baselines`, LibreOffice's
recalculation, formualizer and the calamine read floor on the same workbook, and verify against
that floor. The machine's load average is recorded before and after each size (other jobs on
the cores slow both trees alike, but not the baselines, which run alone). `--plot` draws time
and memory against rows per command (matplotlib).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.before_after import _check_trees, _cli, _env  # noqa: E402
from benchmarks.proc import TASKS_PY, Run, run_process  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("new", "verify", "measure", "export", "laporan")
# the agency, made by the *after* tree's synth.py (pure model building), written by the before
# tree's lkjip_xl: an earlier benchmarks/ need not know the shape
_PREPARE = r"""
import importlib.util, sys
from pathlib import Path
synth_py, out, rows = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
spec = importlib.util.spec_from_file_location("growth_synth", synth_py)
synth = importlib.util.module_from_spec(spec)
spec.loader.exec_module(synth)
from lkjip_xl import dataformat
dataformat.dump(synth.agency_of_rows(rows), out)
"""


def _argv(cmd: str, data: Path, book: Path, out: Path) -> list[str]:
    return {
        "new": ["new", "--data", str(data), "-o", str(out / "n.xlsx"), "--force"],
        "verify": ["verify", str(book)],
        "measure": ["measure", str(book), "-o", str(out / "m.xlsx"), "--force"],
        "export": ["export", str(book), "-o", str(out / "e.yaml"), "--force"],
        "laporan": ["laporan", str(book), "-o", str(out / "l.docx"), "--force"],
    }[cmd]


def prepare(before: Path, work: Path, rows: int) -> tuple[Path, Path]:
    data, book = work / f"agency-{rows}.yaml", work / f"agency-{rows}.xlsx"
    env = _env(before)
    done = run_process([sys.executable, "-c", _PREPARE, str(ROOT / "benchmarks" / "synth.py"),
                        str(data), str(rows)], 3600, env=env, cwd=str(before))
    if done.exit_code:
        raise SystemExit(f"preparing {rows} rows failed: {done.stderr}")
    done = run_process(_cli("new", "--data", str(data), "-o", str(book), "--force"), 3600,
                       env=env, cwd=str(before))
    if done.exit_code:
        raise SystemExit(f"writing the {rows}-row workbook failed: {done.stderr}")
    return data, book


BASELINES = {"libreoffice": "soffice", "formualizer": "formualizer",
             "calamine": "python_calamine",  # task -> what it needs
             "read-grid": "lkjip_xl"}  # verify's own read alone (xlsx/stream.py), for the floor


def available_baselines() -> list[str]:
    """The baselines this machine can run: a library or program not installed is left out
    (python-calamine and formualizer are the `bench` extra; LibreOffice a system package)."""
    import shutil

    return [task for task, need in BASELINES.items()
            if (shutil.which(need) is not None if task == "libreoffice"
                else importlib.util.find_spec(need) is not None)]


def baselines(book: Path, timeout: float, tasks: list[str], repeat: int,
              lo_repeat: int) -> dict[str, list[Run]]:
    """LibreOffice's full recalculation and the read floors on the same workbook (the after
    tree's tasks.py), each a whole process; a run that fails is left out."""
    out: dict[str, list[Run]] = {}
    for task in tasks:
        for _ in range(lo_repeat if task == "libreoffice" else repeat):
            with tempfile.NamedTemporaryFile(suffix=".json") as res:
                run = run_process([sys.executable, TASKS_PY, task, res.name, str(book)], timeout,
                                  env=_env(ROOT), cwd=str(ROOT))
            if run.exit_code == 0:
                out.setdefault(task, []).append(run)
    return out


def summary(runs: list[Run]) -> dict[str, Any]:
    """The median of the runs' wall times and of their peak memories, and every sample."""
    return {"wall_s": statistics.median(r.wall_s for r in runs),
            "maxrss_mb": statistics.median(r.maxrss_mb for r in runs),
            "samples": [[round(r.wall_s, 3), round(r.maxrss_mb, 1)] for r in runs],
            "exit": [r.exit_code for r in runs]}


def per_doubling(small: float, large: float, n_small: int, n_large: int) -> float:
    """The factor each doubling of the rows multiplies the cost by (2.0: linear)."""
    if small <= 0 or n_large <= n_small:
        return float("nan")
    return float((large / small) ** (1 / math.log2(n_large / n_small)))


def growth(rows: dict[int, dict[str, Any]], cmd: str, side: str, what: str) -> float:
    sizes = sorted(n for n in rows if cmd in rows[n])
    if len(sizes) < 2:
        return float("nan")
    a, b = sizes[0], sizes[-1]
    return per_doubling(rows[a][cmd][side][what], rows[b][cmd][side][what], a, b)


def steps(rows: dict[int, dict[str, Any]], commands: list[str]) -> str:
    """Per command and tree, how time and memory grow from each size to the next, and the factor
    per doubling over the whole range (2.0: linear)."""
    sizes = sorted(rows)
    pairs = list(zip(sizes, sizes[1:]))
    head = ("| command | " + " | ".join(f"time x {a:,} -> {b:,}" for a, b in pairs)
            + " | " + " | ".join(f"memory x {a:,} -> {b:,}" for a, b in pairs)
            + " | per doubling, time / memory |")
    lines = [head, "|---" * (2 + 2 * len(pairs)) + "|"]
    for c in commands:
        for side in ("before", "after"):
            if not all(c in rows[n] for n in sizes):
                continue
            cell = [rows[b][c][side][w] / rows[a][c][side][w]
                    for w in ("wall_s", "maxrss_mb") for a, b in pairs]
            lines.append(f"| {c} {side} | " + " | ".join(f"{x:.2f}" for x in cell)
                         + f" | {growth(rows, c, side, 'wall_s'):.2f} / "
                           f"{growth(rows, c, side, 'maxrss_mb'):.2f} |")
    return "\n".join(lines)


def baseline_table(rows: dict[int, dict[str, Any]]) -> str:
    """LibreOffice, formualizer and the calamine floor per size, and verify (after) against the
    floor; empty when no baseline ran."""
    sizes = [n for n in sorted(rows) if rows[n].get("baselines")]
    if not sizes:
        return ""
    names = [t for t in BASELINES if any(t in rows[n]["baselines"] for n in sizes)]
    lines = ["| rows | " + " | ".join(names) + " | verify after | verify / calamine |"
             + (" read-grid / calamine |" if "read-grid" in names else ""),
             "|---" * (3 + len(names) + ("read-grid" in names)) + "|"]
    for n in sizes:
        b = rows[n]["baselines"]
        cells = [f"{b[t]['wall_s']:.2f} s, {b[t]['maxrss_mb']:.0f} MB" if t in b else ""
                 for t in names]
        v = rows[n].get("verify", {}).get("after")
        floor = b.get("calamine")
        cells.append(f"{v['wall_s']:.2f} s" if v else "")
        cells.append(f"{v['wall_s'] / floor['wall_s']:.1f}x" if v and floor else "")
        if "read-grid" in names:
            grid = b.get("read-grid")
            cells.append(f"{grid['wall_s'] / floor['wall_s']:.1f}x" if grid and floor else "")
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table(rows: dict[int, dict[str, Any]], commands: list[str]) -> str:
    sizes = sorted(rows)
    head = "| rows | " + " | ".join(f"{c} before | {c} after" for c in commands) + " |"
    lines = [head, "|---" * (1 + 2 * len(commands)) + "|"]
    for n in sizes:
        cells = []
        for c in commands:
            for side in ("before", "after"):
                m = rows[n].get(c, {}).get(side)
                cells.append("" if m is None else f"{m['wall_s']:.1f} s, {m['maxrss_mb']:.0f} MB")
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    if len(sizes) > 1:
        lines.append(f"| x per doubling ({sizes[0]:,} -> {sizes[-1]:,}), time / memory | "
                     + " | ".join(f"{growth(rows, c, s, 'wall_s'):.2f} / "
                                  f"{growth(rows, c, s, 'maxrss_mb'):.2f}"
                                  for c in commands for s in ("before", "after")) + " |")
    return "\n".join(lines)


def plot(rows: dict[int, dict[str, Any]], commands: list[str], target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(rows)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), dpi=100)
    for ax, what, label in ((axes[0], "wall_s", "time (s)"), (axes[1], "maxrss_mb", "peak MB")):
        for k, c in enumerate(commands):
            colour = f"C{k}"
            for side, style in (("before", "--"), ("after", "-")):
                pts = [(n, rows[n][c][side][what]) for n in sizes if c in rows[n]]
                if pts:
                    ax.plot(*zip(*pts), style, marker="o", color=colour,
                            label=f"{c} ({side})")
        if len(sizes) > 1:  # what linear growth looks like: slope 1 on log-log axes
            ax.plot(sizes, [sizes[0] and min(rows[sizes[0]][c]["after"][what]
                                             for c in commands) * n / sizes[0] for n in sizes],
                    ":", color="grey", label="linear")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(sizes, [f"{n:,}" for n in sizes])
        ax.minorticks_off()
        ax.set_xlabel("rows (N/5 indicators, 4N/5 kegiatan), log scale")
        ax.set_ylabel(f"{label}, log scale")
        ax.grid(alpha=0.3)
    axes[1].axhline(200, color="#C00000", linewidth=0.8, linestyle=":")
    axes[0].legend(fontsize=7, ncol=2)
    axes[1].set_yticks([50, 100, 200, 500, 1000, 2000], ["50", "100", "200", "500", "1000",
                                                         "2000"])
    fig.suptitle("lkjip-xl: cost per command against rows (dashed: before, solid: after; "
                 "parallel to the dotted line: linear)")
    fig.tight_layout()
    fig.savefig(target)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", required=True, type=Path, help="the earlier checkout")
    ap.add_argument("--after", default=ROOT, type=Path, help="the later checkout (default: this)")
    ap.add_argument("--sizes", default="5000,10000,20000")
    ap.add_argument("--commands", default=",".join(COMMANDS))
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (median kept)")
    ap.add_argument("--libreoffice-repeat", type=int, default=1,
                    help="runs of LibreOffice's recalculation (over a minute each at 20,000 rows)")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--baselines", action="store_true",
                    help="also LibreOffice's recalculation, formualizer, calamine")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--plot", type=Path)
    a = ap.parse_args(argv)
    sizes = sorted({int(s) for s in a.sizes.split(",") if s.strip()})
    commands = [c for c in a.commands.split(",") if c]
    if not sizes or any(c not in COMMANDS for c in commands):
        raise SystemExit(f"--sizes: whole numbers; --commands: some of {', '.join(COMMANDS)}")
    trees = {"before": a.before.resolve(), "after": a.after.resolve()}
    _check_trees(trees)
    rows: dict[int, dict[str, Any]] = {}
    tasks = available_baselines() if a.baselines else []
    if a.baselines:
        missing = sorted(set(BASELINES) - set(tasks))
        if missing:
            print(f"baselines not installed, left out: {', '.join(missing)}", flush=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-growth-") as tmp:
        work = Path(tmp)
        for n in sizes:
            data, book = prepare(trees["before"], work, n)
            rows[n] = {"load": {"before": os.getloadavg()}}
            for cmd in commands:
                runs: dict[str, list[Run]] = {"before": [], "after": []}
                for _ in range(a.repeat):
                    for side, tree in trees.items():
                        runs[side].append(run_process(_cli(*_argv(cmd, data, book, work)),
                                                      a.timeout, env=_env(tree), cwd=str(tree)))
                rows[n][cmd] = {s: summary(rs) for s, rs in runs.items()}
                b, f = rows[n][cmd]["before"], rows[n][cmd]["after"]
                bad = [r for rs in runs.values() for r in rs if not r.ok]
                print(f"{n:>7,} {cmd:8s} {b['wall_s']:8.2f} s {b['maxrss_mb']:6.0f} MB"
                      f"   {f['wall_s']:8.2f} s {f['maxrss_mb']:6.0f} MB"
                      f"{'  (failed: ' + bad[0].stderr[-200:] + ')' if bad else ''}", flush=True)
            for task, bruns in baselines(book, a.timeout, tasks, a.repeat,
                                         a.libreoffice_repeat).items():
                m = rows[n].setdefault("baselines", {})[task] = summary(bruns)
                print(f"{n:>7,} {task:12s} {m['wall_s']:8.2f} s {m['maxrss_mb']:6.0f} MB",
                      flush=True)
            rows[n]["load"]["after"] = os.getloadavg()
            print(f"{n:>7,} load average (1, 5, 15 min): before "
                  f"{' '.join(f'{x:.1f}' for x in rows[n]['load']['before'])}, after "
                  f"{' '.join(f'{x:.1f}' for x in rows[n]['load']['after'])}", flush=True)
    print()
    print(table(rows, commands))
    print()
    print(steps(rows, commands))
    floors = baseline_table(rows)
    if floors:
        print()
        print(floors)
    if a.json:
        a.json.write_text(json.dumps({"trees": {k: str(v) for k, v in trees.items()},
                                      "sizes": sizes, "repeat": a.repeat, "statistic": "median",
                                      "rows": rows}, indent=1),
                          encoding="utf-8")
    if a.plot:
        plot(rows, commands, a.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
