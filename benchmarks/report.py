"""Benchmark results: the table, the ratios to the baselines, the targets, the JSON.

Every figure is kept (`samples`); the table shows the best of the repeats (min wall time), the
usual choice for timing code on a shared machine. Ratios are `time / baseline time` measured in
the same run: below 1 is faster than the baseline.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Result:
    size: int | None  # rows of indicators (and about as many kegiatan rows); None: size-free
    name: str  # e.g. "verify", "libreoffice", "openpyxl"
    mode: str  # "process": the whole process, from exec to exit; "in-process": the work alone
    wall_s: float | None  # best of the samples; None when it did not run to the end
    maxrss_mb: float | None
    samples: list[float] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Target:
    text: str
    met: bool | None  # None: not measured in this run
    figures: str


# baselines a row is compared with: (column header, result name, mode)
BASELINES = (
    ("÷LO", "libreoffice", "in-process"),
    ("÷formualizer", "formualizer", "in-process"),
    ("÷openpyxl", "openpyxl", "in-process"),
    ("÷calamine", "calamine", "in-process"),
)


def find(results: list[Result], size: int | None, name: str, mode: str) -> Result | None:
    for r in results:
        if r.size == size and r.name == name and r.mode == mode:
            return r
    return None


def _fmt(x: float | None, digits: int = 3) -> str:
    if x is None:
        return "-"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}" if x < 1 else f"{x:.2f}"


def table(results: list[Result]) -> str:
    head = ["rows", "measurement", "mode", "time s", "ms/row", "peak MB"] + [b[0] for b in BASELINES]
    lines = [head]
    for r in results:
        per_row = (r.wall_s / r.size * 1000) if (r.wall_s is not None and r.size) else None
        row = [str(r.size) if r.size is not None else "-", r.name, r.mode,
               _fmt(r.wall_s) if r.error is None else f"({r.error[:30]})",
               _fmt(per_row), _fmt(r.maxrss_mb, 0)]
        for _, base, mode in BASELINES:
            b = find(results, r.size, base, mode)
            if r.size is None or b is None or b is r or b.wall_s is None or r.wall_s is None:
                row.append("")
            else:
                row.append(f"{r.wall_s / b.wall_s:.2f}")
        lines.append(row)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        cells = [c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _time(results: list[Result], size: int | None, name: str, mode: str) -> float | None:
    r = find(results, size, name, mode)
    return None if r is None else r.wall_s


def _nearest(sizes: list[int], want: int) -> int | None:
    big = [s for s in sizes if s >= 1000]
    return min(big, key=lambda s: abs(s - want)) if big else None


def targets(results: list[Result], sizes: list[int]) -> list[Target]:
    """The issue's targets, judged on this run's figures (at the size nearest 5,000 rows)."""
    out: list[Target] = []
    at = _nearest(sizes, 5000)
    tag = f"at {at} rows" if at is not None else "(no size >= 1,000 run)"

    def judge(text: str, a: float | None, b: float | None, factor: float, what: str,
              tag: str = tag) -> None:
        if a is None or b is None:
            out.append(Target(text, None, f"{what}: not measured {tag}"))
        else:
            out.append(Target(text, a <= b * factor, f"{what}: {a:.3f} s vs {b:.3f} s "
                                                     f"(ratio {a / b:.2f}, limit {factor:g}) {tag}"))

    v_proc = _time(results, at, "verify", "process")
    v_in = _time(results, at, "verify", "in-process")
    judge("verify at 5,000 rows >= 4x faster than LibreOffice's recalculation",
          v_proc, _time(results, at, "libreoffice", "in-process"), 0.25,
          "verify process / LibreOffice")
    judge("verify at 5,000 rows no slower than formualizer (load + evaluate all)",
          v_in, _time(results, at, "formualizer", "in-process"), 1.0,
          "verify in-process / formualizer")
    per_row = {s: t / s for s in sizes if 100 <= s <= 10000
               and (t := _time(results, s, "verify", "in-process")) is not None}
    if len(per_row) >= 2:
        hi, lo = max(per_row.values()), min(per_row.values())
        spread = ", ".join(f"{s}: {v * 1000:.2f} ms" for s, v in sorted(per_row.items()))
        out.append(Target("verify time per row flat within 2x from 100 to 10,000 rows",
                          hi <= 2 * lo, f"per row {spread} (max/min {hi / lo:.2f})"))
    else:
        out.append(Target("verify time per row flat within 2x from 100 to 10,000 rows", None,
                          "needs verify at two sizes between 100 and 10,000"))
    big = max((s for s in sizes if s >= 5000), default=None)
    r = find(results, big, "verify", "process") if big else None
    if r is not None and r.maxrss_mb is not None:
        out.append(Target("verify peak memory < 200 MB at 10,000 rows", r.maxrss_mb < 200,
                          f"{r.maxrss_mb:.0f} MB at {big} rows"))
    else:
        out.append(Target("verify peak memory < 200 MB at 10,000 rows", None,
                          "verify not run at >= 5,000 rows"))
    floor = _time(results, None, "python -c 'import openpyxl'", "process")
    judge("verify of the bundled sample (whole process) < 2x `python -c 'import openpyxl'`",
          _time(results, None, "verify sample", "process"), floor, 2.0, "verify sample / import",
          "")
    judge("`lkjip-xl --help` < 2x `python -c 'import openpyxl'`",
          _time(results, None, "lkjip-xl --help", "process"), floor, 2.0, "--help / import", "")
    for cmd in ("measure", "new"):
        judge(f"{cmd} at 5,000 rows within 2x of verify", _time(results, at, cmd, "process"),
              v_proc, 2.0, f"{cmd} process / verify process")
    return out


def targets_text(ts: list[Target]) -> str:
    mark = {True: "MET   ", False: "MISSED", None: "n/a   "}
    return "\n".join(f"[{mark[t.met]}] {t.text}\n          {t.figures}" for t in ts)


def compare(now: list[Result], before: list[dict[str, Any]]) -> str:
    """Each measurement of this run against the same one in an earlier JSON (time now / before)."""
    old = {(b["size"], b["name"], b["mode"]): b for b in before}
    lines = ["rows  measurement  mode  now s  before s  now/before"]
    for r in now:
        b = old.get((r.size, r.name, r.mode))
        if b is None or b.get("wall_s") is None or r.wall_s is None:
            continue
        lines.append(f"{r.size if r.size is not None else '-'}  {r.name}  {r.mode}  {r.wall_s:.3f}  "
                     f"{b['wall_s']:.3f}  {r.wall_s / b['wall_s']:.2f}")
    return "\n".join(lines)
