"""Render a verify Report for the terminal: findings grouped by sheet, then one summary line.

Reusable by batch mode: `render_text(report, lang)` for one file, `summary_line` for a total.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lkjip_xl.catalogue import language
from lkjip_xl.catalogue.lines import line
from lkjip_xl.core.findings import Finding, Report
from lkjip_xl.verify.causes import consequences
from lkjip_xl.verify.follow_on import cell_count


def _cell(location: str) -> str:
    return location.split("!", 1)[1] if "!" in location else ""


SHOWN_CELLS = 4
FORMULA_SHOWN = 60  # characters of a formula quoted in text; JSON keeps it whole


def _consequence_lines(f: Finding, lang: str) -> list[str]:
    cells = f.params.get("akibat") or []
    if cells:
        first = ", ".join(cells[:SHOWN_CELLS]) + (", ..." if len(cells) > SHOWN_CELLS else "")
        count = sum(cell_count(c) for c in cells)
        return [line("causes.cells", lang, count=count, first=first)]
    if f.params.get("cause"):
        return [line("causes.cause", lang, cause=f.params["cause"])]
    return []


def _short(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("=") and len(value) > FORMULA_SHOWN:
        return value[:FORMULA_SHOWN] + "..."
    return value


def _shortened(f: Finding) -> Finding:
    """The finding with long formulas cut for the terminal (3-5 KB formulas, quoted twice)."""
    params = dict(f.params)
    if isinstance(params.get("expected_formula"), str):
        params["expected_formula"] = _short("=" + params["expected_formula"])[1:]
    return replace(f, found=_short(f.found), expected=_short(f.expected), params=params)


def _folded(f: Finding, causes: set[str]) -> bool:
    """A consequence is printed under its cause, not on its own."""
    return bool(f.params.get("cause")) and f.params["cause"] in causes


def summary_line(report: Report, lang: str = "id", strict: bool = False) -> str:
    return line("summary", lang, path=report.path,
                verdict=line(f"verdict.{report.verdict(strict)}", lang), errors=report.errors,
                warnings=report.warnings, info=report.count("info"))


def render_text(report: Report, lang: str = "id", strict: bool = False) -> str:
    lang = language(lang)
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.sheet, []).append(f)
    causes = {f.location for f in report.findings if f.params.get("akibat")}
    lines: list[str] = []
    for sheet, items in groups.items():
        shown = [f for f in items if not _folded(f, causes)]
        if not shown:
            continue
        title = sheet or line("workbook", lang)
        lines.append(f"== {title} ==")
        for f in shown:
            where = _cell(f.location)
            head = f"  {line(f'level.label.{f.severity}', lang):<10} {where:<9} {f.code}"
            lines.append(head.rstrip())
            lines.append(f"      {_shortened(f).message(lang)}")
            lines.extend(_consequence_lines(f, lang))
        lines.append("")
    roots, cells = consequences(report.findings)
    if roots:
        lines.append(line("causes", lang, roots=roots, cells=cells))
    lines.append(summary_line(report, lang, strict))
    return "\n".join(lines) + "\n"


__all__ = ["render_text", "summary_line"]
