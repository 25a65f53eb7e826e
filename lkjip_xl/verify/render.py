"""Render a verify Report for the terminal: findings grouped by sheet, then one summary line.

Reusable by batch mode: `render_text(report, lang)` for one file, `summary_line` for a total.
"""

from __future__ import annotations

from ..findings import Finding, Report
from .causes import consequences

_LABEL = {"id": {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"},
          "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO"}}


def _cell(location: str) -> str:
    return location.split("!", 1)[1] if "!" in location else ""


VERDICT_TEXT = {
    "id": {"lulus": "LULUS", "belum-diisi": "BELUM DIISI", "gagal": "GAGAL",
           "bukan-format-lkjip": "BUKAN FORMAT LKJIP", "tidak-terbaca": "TIDAK TERBACA"},
    "en": {"lulus": "PASSED", "belum-diisi": "NOT FILLED IN", "gagal": "FAILED",
           "bukan-format-lkjip": "NOT AN LKJIP WORKBOOK", "tidak-terbaca": "UNREADABLE"},
}
SHOWN_CELLS = 4


def _consequence_lines(f: Finding, lang: str) -> list[str]:
    cells = f.params.get("akibat") or []
    if cells:
        first = ", ".join(cells[:SHOWN_CELLS]) + (", ..." if len(cells) > SHOWN_CELLS else "")
        return [f"      -> {len(cells)} sel hitungan ikut salah karenanya: {first}" if lang == "id"
                else f"      -> {len(cells)} computed cell(s) wrong because of it: {first}"]
    if f.params.get("cause"):
        return [f"      -> akibat isian {f.params['cause']}" if lang == "id"
                else f"      -> follows from the input {f.params['cause']}"]
    return []


def summary_line(report: Report, lang: str = "id", strict: bool = False) -> str:
    e, w, i = report.errors, report.warnings, report.count("info")
    verdict = VERDICT_TEXT["en" if lang == "en" else "id"][report.verdict(strict)]
    if lang == "en":
        return f"{report.path}: {verdict}: {e} error(s), {w} warning(s), {i} info"
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
            lines.extend(_consequence_lines(f, lang))
        lines.append("")
    roots, cells = consequences(report.findings)
    if roots:
        lines.append(f"{roots} isian perlu diperbaiki; {cells} sel hitungan ikut salah karenanya"
                     if lang == "id" else
                     f"{roots} input(s) to fix; {cells} computed cell(s) are wrong because of them")
    lines.append(summary_line(report, lang, strict))
    return "\n".join(lines) + "\n"


__all__ = ["render_text", "summary_line"]
