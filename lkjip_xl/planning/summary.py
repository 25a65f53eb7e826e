"""The batch summary: one row per file (agency, status, errors, warnings, mean capaian,
absorption), as a text table, JSON or CSV. CSV cells are neutralised against formula injection.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.findings import VERDICTS, Report
from lkjip_xl.core.number_display import is_number, tampil
from lkjip_xl.xlsx.safe_text import csv_row

COLUMNS = ("file", "instansi", "status", "errors", "warnings", "capaian_rata", "penyerapan")
TEXT_FINDINGS = 5  # findings listed per failing file in the text table


def status_of(report: Report, strict: bool = False) -> str:
    return report.verdict(strict or bool(report.stats.get("strict")))


def status_word(verdict: str, lang: str = "id") -> str:
    """A verdict (findings.VERDICTS) as a row of the summary names it: `lulus`, `passed`."""
    return line(f"status.{verdict}", lang)


def summary_rows(results: Sequence[tuple[str, Report]], lang: str = "id") -> list[dict[str, Any]]:
    rows = []
    for path, r in results:
        rk = r.stats.get("ringkasan") or {}
        rows.append({
            "file": str(path), "instansi": rk.get("instansi"),
            "status": status_word(status_of(r), lang),
            "errors": r.errors, "warnings": r.warnings,
            "capaian_rata": rk.get("capaian_rata"), "penyerapan": rk.get("penyerapan"),
        })
    return rows


# the two figures of a row are percentages; JSON keeps them as full-precision numbers, the text
# table and the CSV (read by people and their spreadsheets) show them in the reader's form
PERCENT_COLUMNS = ("capaian_rata", "penyerapan")


def _fmt(v: Any, lang: str = "id") -> str:
    if v is None:
        return "-"
    return tampil(v, "percent", lang) if is_number(v) else str(v)


def render_text(results: Sequence[tuple[str, Report]], lang: str = "id") -> str:
    rows = summary_rows(results, lang)
    table = [line("summary.headers", lang).split("|")]
    table += [[Path(r["file"]).name, r["instansi"] or "-", r["status"], str(r["errors"]),
               str(r["warnings"]), _fmt(r["capaian_rata"], lang), _fmt(r["penyerapan"], lang)] for r in rows]
    widths = [min(max(len(row[c]) for row in table), 48) for c in range(len(table[0]))]
    lines = []
    for n, row in enumerate(table):
        cells = [(v if len(v) <= widths[c] else v[: widths[c] - 1] + "…") for c, v in enumerate(row)]
        lines.append("  ".join(v.rjust(widths[c]) if c >= 3 else v.ljust(widths[c])
                               for c, v in enumerate(cells)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    counts = {k: sum(1 for _, r in results if status_of(r) == k) for k in VERDICTS}
    total = line("files", lang)
    lines.append("")
    lines.append(f"{len(results)} {total}: " + ", ".join(f"{counts[k]} {status_word(k, lang)}"
                                                        for k in VERDICTS
                                                        if counts[k] or k == "lulus"))
    for path, r in results:
        bad = [f for f in r.findings if f.severity == "error"]
        if not bad:
            continue
        lines.append("")
        lines.append(f"{Path(path).name}:")
        for f in bad[:TEXT_FINDINGS]:
            where = f"{f.location}: " if f.location else ""
            lines.append(f"  [{f.code}] {where}{f.message(lang)}")
        if len(bad) > TEXT_FINDINGS:
            more = len(bad) - TEXT_FINDINGS
            lines.append(line("more_errors.list", lang, count=more))
    return "\n".join(lines) + "\n"


def render_json(results: Sequence[tuple[str, Report]], lang: str = "id") -> str:
    files = []
    for row, (_, r) in zip(summary_rows(results, lang), results):
        d = r.to_dict(lang)
        d["stats"] = {k: v for k, v in d["stats"].items() if k != "ringkasan"}
        for f, fd in zip(r.findings, d["findings"]):
            fd["message"] = f.message(lang)
        files.append({**row, "report": d})
    out = {"files": files,
           "summary": {k: sum(1 for _, r in results if status_of(r) == k) for k in VERDICTS}}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def render_csv(results: Sequence[tuple[str, Report]], lang: str = "id") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(csv_row(line("summary.headers", lang).split("|")))
    for row in summary_rows(results, lang):
        # our own figures bypass the formula-injection guard: "-5,00" is a number, not a formula
        w.writerow([_fmt(row[c], lang) if c in PERCENT_COLUMNS and row[c] is not None
                    else csv_row([row[c]])[0] for c in COLUMNS])
    return buf.getvalue()


def render_summary(results: Sequence[tuple[str, Report]], fmt: str = "text",
                   lang: str = "id") -> str:
    if fmt == "json":
        return render_json(results, lang)
    if fmt == "csv":
        return render_csv(results, lang)
    return render_text(results, lang)


__all__ = ["render_summary", "render_text", "render_json", "render_csv", "summary_rows",
           "status_of", "status_word"]
