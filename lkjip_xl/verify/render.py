"""Render a verify Report for the terminal: findings grouped by sheet, then one summary line.

Reusable by batch mode: `render_text(report, lang)` for one file, `summary_line` for a total.
"""

from __future__ import annotations

from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.findings import Finding, Report
from lkjip_xl.verify.causes import consequences


def _cell(location: str) -> str:
    return location.split("!", 1)[1] if "!" in location else ""


SHOWN_CELLS = 4


def _consequence_lines(f: Finding, lang: str) -> list[str]:
    cells = f.params.get("akibat") or []
    if cells:
        first = ", ".join(cells[:SHOWN_CELLS]) + (", ..." if len(cells) > SHOWN_CELLS else "")
        return [line("causes.cells", lang, count=len(cells), first=first)]
    if f.params.get("cause"):
        return [line("causes.cause", lang, cause=f.params["cause"])]
    return []


def summary_line(report: Report, lang: str = "id", strict: bool = False) -> str:
    return line("summary", lang, path=report.path,
                verdict=line(f"verdict.{report.verdict(strict)}", lang), errors=report.errors,
                warnings=report.warnings, info=report.count("info"))


def render_text(report: Report, lang: str = "id", strict: bool = False) -> str:
    lang = "en" if lang == "en" else "id"
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.sheet, []).append(f)
    lines: list[str] = []
    for sheet, items in groups.items():
        title = sheet or line("workbook", lang)
        lines.append(f"== {title} ==")
        for f in items:
            where = _cell(f.location)
            head = f"  {line(f'level.label.{f.severity}', lang):<10} {where:<9} {f.code}"
            lines.append(head.rstrip())
            lines.append(f"      {f.message(lang)}")
            lines.extend(_consequence_lines(f, lang))
        lines.append("")
    roots, cells = consequences(report.findings)
    if roots:
        lines.append(line("causes", lang, roots=roots, cells=cells))
    lines.append(summary_line(report, lang, strict))
    return "\n".join(lines) + "\n"


__all__ = ["render_text", "summary_line"]
