"""The catalogue of finding codes: one table, stable kebab-case codes, templates in id and en.

Each area owns one module listing its entries (`ENTRIES`), so the table stays one table without
one file everybody edits. docs/findings.md is generated from it and a test keeps them equal.
Templates use str.format with the finding's params plus `found` and `expected`.
"""

from __future__ import annotations

from typing import Any, Protocol

from lkjip_xl.catalogue.entry import Entry


class _Finding(Protocol):  # what a message is rendered from (findings.Finding)
    code: str
    location: str
    found: Any
    expected: Any
    params: dict[str, Any]


def _load() -> dict[str, Entry]:
    # the table (some 200 entries over six modules, ~10 ms) loads when the first message is
    # rendered: `new` and `--help` never need it
    from lkjip_xl.catalogue import audit, data, guard, inputs, measure, structure

    table: dict[str, Entry] = {}
    for module in (guard, structure, inputs, audit, data, measure):
        for entry in module.ENTRIES:
            if entry.code in table:
                raise RuntimeError(f"duplicate finding code {entry.code}")
            table[entry.code] = entry
    return table


_TABLE: dict[str, Entry] | None = None


def catalogue() -> dict[str, Entry]:
    global _TABLE
    if _TABLE is None:
        _TABLE = _load()
    return _TABLE


def entry(code: str) -> Entry:
    return catalogue()[code]


class _Default(dict):  # missing params render as "?" rather than raising
    def __missing__(self, key: str) -> str:
        return "?"


def _fmt(value: Any) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def render_message(finding: _Finding, lang: str = "id") -> str:
    e = catalogue().get(finding.code)
    if e is None:
        return finding.code
    params = _Default({k: _fmt(v) for k, v in finding.params.items()})
    params.setdefault("found", _fmt(finding.found))
    params.setdefault("expected", _fmt(finding.expected))
    params.setdefault("location", finding.location)
    template = e.en if lang == "en" else e.id
    return template.format_map(params)
