"""Render a verify Report for the terminal: findings grouped by sheet, then one summary line.

Reusable by batch mode: `render_text(report, lang)` for one file, `summary_line` for a total.
"""

from __future__ import annotations

from ..findings import Finding, Report

_LABEL = {"id": {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"},
          "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO"}}


def _cell(location: str) -> str:
    return location.split("!", 1)[1] if "!" in location else ""


def summary_line(report: Report, lang: str = "id", strict: bool = False) -> str:
    e, w, i = report.errors, report.warnings, report.count("info")
    ok = report.exit_code(strict) == 0
    if lang == "en":
        verdict = "OK" if ok else ("UNREADABLE" if report.fatal else "FAILED")
        return f"{report.path}: {verdict}: {e} error(s), {w} warning(s), {i} info"
    verdict = "LULUS" if ok else ("TIDAK TERBACA" if report.fatal else "GAGAL")
    return f"{report.path}: {verdict}: {e} galat, {w} peringatan, {i} info"


def render_text(report: Report, lang: str = "id", strict: bool = False) -> str:
    lang = "en" if lang == "en" else "id"
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.sheet, []).append(f)
    lines: list[str] = []
    for sheet, items in groups.items():
        title = sheet or ("(buku kerja)" if lang == "id" else "(workbook)")
        lines.append(f"== {title} ==")
        for f in items:
            where = _cell(f.location)
            head = f"  {_LABEL[lang][f.severity]:<10} {where:<9} {f.code}"
            lines.append(head.rstrip())
            lines.append(f"      {f.message(lang)}")
        lines.append("")
    lines.append(summary_line(report, lang, strict))
    return "\n".join(lines) + "\n"


__all__ = ["render_text", "summary_line"]
