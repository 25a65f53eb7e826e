"""Findings and the report that owns the exit code.

Every finding has a stable kebab-case code from the catalogue (`lkjip_xl/catalogue.py`), a severity,
a location `Sheet!A1` (or a range, or "" for the whole file), the value found and the value expected,
and parameters that fill the catalogue's Indonesian / English message templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from lkjip_xl.catalogue import render_message

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_NOT_FILLED = 4
EXIT_NOT_LKJIP = 5

# The verdict of one file, worst last (a batch takes the worst of its files). Only "lulus" is a
# file a reviewer can accept; each other verdict has its own exit code so scripts can triage.
VERDICTS = ("lulus", "belum-diisi", "gagal", "bukan-format-lkjip", "tidak-terbaca")
VERDICT_EXIT = {"lulus": EXIT_OK, "belum-diisi": EXIT_NOT_FILLED, "gagal": EXIT_FINDINGS,
                "bukan-format-lkjip": EXIT_NOT_LKJIP, "tidak-terbaca": EXIT_UNREADABLE}


@dataclass
class Finding:
    code: str
    severity: Severity
    location: str = ""  # "Sheet!A1", "Sheet!A1:B4", "Sheet" or "" (the file)
    found: Any = None
    expected: Any = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def sheet(self) -> str:
        return self.location.split("!", 1)[0].strip("'") if self.location else ""

    def message(self, lang: str = "id") -> str:
        return render_message(self, lang)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        out = {
            "code": self.code,
            "severity": self.severity,
            "location": self.location,
            "found": _jsonable(self.found),
            "expected": _jsonable(self.expected),
            "message": self.message(lang),
        }
        # root causes (verify/causes.py): the computed cells an input changes, and the input a
        # wrong computed value follows from
        if "akibat" in self.params:
            out["consequences"] = list(self.params["akibat"])
        if "cause" in self.params:
            out["cause"] = self.params["cause"]
        return out


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


@dataclass
class Report:
    """The result of verifying one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    fatal: bool = False  # the file could not be read at all (exit 3)
    # the tables verify located (workbook.read.LayoutRead), kept so that a caller needing the
    # document too (batch summaries, rekap) does not read the file a second time; never
    # serialised, and dropped before a report leaves a worker process
    layout: Any = field(default=None, repr=False, compare=False)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: Any) -> None:
        self.findings.extend(findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    def open_errors(self) -> list[Finding]:
        """The findings that make every printed output of the workbook a DRAF (laporan's
        document, measure's Bab III sheets): verify's errors, which staff fix before signing,
        and an untouched year (`belum-diisi`): a report of no realisation is no report."""
        return [f for f in self.findings
                if f.severity == "error" or (f.code == "belum-diisi" and self.stats.get("belum_diisi"))]

    @property
    def valid(self) -> bool:
        return not self.fatal and self.errors == 0

    def verdict(self, strict: bool = False) -> str:
        """lulus | belum-diisi | gagal | bukan-format-lkjip | tidak-terbaca (see VERDICTS).

        Errors (or, with `strict`, warnings) fail a workbook before anything else is said of it:
        they are what staff must fix first. A workbook that is not in the lkjip-xl layout is never
        accepted; one in the layout with nothing reported yet is "belum diisi"."""
        if self.fatal:
            return "tidak-terbaca"
        if self.stats.get("layout") is False:
            return "bukan-format-lkjip"
        if self.errors or (strict and self.warnings):
            return "gagal"
        if self.stats.get("belum_diisi"):
            return "belum-diisi"
        return "lulus"

    def exit_code(self, strict: bool = False) -> int:
        return VERDICT_EXIT[self.verdict(strict)]

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def flatten(self, *keys: str) -> list[list[Any]]:
        """Rows of chosen attributes, e.g. flatten("code", "location"): one-line assertions in tests."""
        keys = keys or ("code", "location")
        return [[getattr(f, k) for k in keys] for f in self.findings]

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "path": self.path,
            "verdict": self.verdict(bool(self.stats.get("strict"))),
            "valid": self.valid,
            "fatal": self.fatal,
            "summary": {
                "errors": self.errors,
                "warnings": self.warnings,
                "info": self.count("info"),
            },
            "stats": self.stats,
            "findings": [f.to_dict(lang) for f in self.findings],
        }
