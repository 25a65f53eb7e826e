"""The catalogue of finding codes: one table, stable kebab-case codes, templates in id and en.

Each area owns one module listing its entries (`ENTRIES`), so the table stays one table without
one file everybody edits. docs/findings.md is generated from it and a test keeps them equal.
Templates use str.format with the finding's params plus `found` and `expected`; numbers are
rendered by core/number_display.py's rule (a spec such as `{found:money}` names the kind).

`render` is the one way a message is made, for findings and for the commands' own lines
(`lines.py`, `laporan.py`) alike: the template of the language (`language`), each parameter in
the reader's form. A parameter given in both languages is `name` and `name_en`; an English
message shows `name_en` where its template says `{name}`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, Protocol

from lkjip_xl.catalogue.entry import Entry
from lkjip_xl.core.number_display import NUMBER_KINDS, is_number, pair, tampil


class _Finding(Protocol):  # what a message is rendered from (findings.Finding)
    code: str
    location: str
    found: Any
    expected: Any
    params: dict[str, Any]


def _load() -> dict[str, Entry]:
    # the table (some 200 entries over seven modules, ~10 ms) loads when the first message is
    # rendered: `new` and `--help` never need it
    from lkjip_xl.catalogue import audit, chain, data, guard, inputs, measure, structure

    table: dict[str, Entry] = {}
    for module in (guard, structure, inputs, chain, audit, data, measure):
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


# Numbers in messages follow core/number_display.py's rule in the message's language. A
# template may name a placeholder's kind as a format spec (`{found:money}`); without one, a
# parameter named below takes that kind, `found` and `expected` the finding's `number_kind`
# (verify sets it from the cell's column), and any other number is a value in an indicator's
# unit (floats) or an identifier-like integer never grouped (a row, a year).
PARAM_KINDS = {"count": "count", "indikator": "count", "kegiatan": "count", "cells": "count",
               "indikator_kosong": "count", "kegiatan_kosong": "count", "shown": "count",
               "total": "count", "roots": "count", "tahun": "year", "since": "year"}
EMPTY = {"id": "(kosong)", "en": "(empty)"}


class _Value:
    """One parameter of a message; formats itself by the template's spec or its own kind, with
    its partner (expected for found, and back) to show enough decimals to tell them apart."""

    __slots__ = ("value", "kind", "lang", "partner")

    def __init__(self, value: Any, kind: str | None, lang: str, partner: Any = None) -> None:
        self.value, self.kind, self.lang, self.partner = value, kind, lang, partner

    def __format__(self, spec: str) -> str:
        v = self.value
        # a formula's "" result is an empty cell to the reader, not a blank in the sentence
        if v is None or v == "":
            return EMPTY.get(self.lang, EMPTY["id"])
        if not is_number(v):
            return format(str(v), spec) if spec and spec not in NUMBER_KINDS else str(v)
        kind = spec or self.kind or ("number" if isinstance(v, float) else "year")
        if is_number(self.partner):
            return pair(v, self.partner, kind, self.lang)[0]
        return tampil(v, kind, self.lang)

    def __str__(self) -> str:
        return self.__format__("")


class _Default(dict):  # missing params render as "?" rather than raising
    def __missing__(self, key: str) -> _Value:
        return _Value("?", None, "id")


def language(lang: str | None) -> str:
    """The one rule for a message's language: English when asked for, else Bahasa Indonesia."""
    return "en" if lang == "en" else "id"


def pick(pair: tuple[str, str], lang: str | None) -> str:
    """The text of `lang` from a (Bahasa Indonesia, English) pair."""
    return pair[1] if language(lang) == "en" else pair[0]


def values(params: Mapping[str, Any], lang: str) -> dict[str, _Value]:
    """Parameters as a template sees them: each formats itself in the reader's form."""
    return {k: _Value(v, PARAM_KINDS.get(k), lang) for k, v in params.items()}


def render(pair: tuple[str, str], lang: str | None, params: Mapping[str, Any]) -> str:
    """A (Bahasa Indonesia, English) template pair in `lang` with its parameters: raw values
    are put in the reader's form; `message_params` gives a finding's, already wrapped."""
    lang = language(lang)
    if not isinstance(params, _Default):
        params = values(params, lang)
    return pick(pair, lang).format_map(params)


def message_params(finding: _Finding, lang: str = "id") -> dict[str, _Value]:
    """The finding's parameters as a template sees them (also the Temuan sheet's columns)."""
    lang = language(lang)
    kind = finding.params.get("number_kind")
    params = _Default(values(finding.params, lang))
    partners = {"found": finding.expected, "expected": finding.found}
    params.setdefault("found", _Value(finding.found, kind, lang, finding.expected))
    params.setdefault("expected", _Value(finding.expected, kind, lang, finding.found))
    params.setdefault("location", _Value(finding.location, None, lang))
    if lang == "en":  # a parameter given in both languages: the English one
        for k, v in finding.params.items():
            name = k[:-3]
            if k.endswith("_en") and name:
                params[name] = _Value(v, kind if name in partners else PARAM_KINDS.get(name),
                                      lang, partners.get(name))
    return params


def render_value(finding: _Finding, name: str, lang: str = "id") -> str:
    """`found` or `expected` in the reader's form, as the finding's message shows it ("" if
    None): the Temuan sheet's columns."""
    if getattr(finding, name) is None:
        return ""
    e = catalogue().get(finding.code)
    spec = ""
    if e is not None:  # the kind the template gives it, if any
        for _lit, field_name, field_spec, _conv in string.Formatter().parse(e.id):
            if field_name == name and field_spec:
                spec = field_spec
                break
    return format(message_params(finding, lang)[name], spec)


def render_message(finding: _Finding, lang: str = "id") -> str:
    """The finding's message. A code the table does not know, or a template its finding does not
    fit, still says what was found: a broken table must not hide a finding or end a run."""
    e = catalogue().get(finding.code)
    if e is not None:
        try:
            return render((e.id, e.en), lang, message_params(finding, lang))
        except (KeyError, IndexError, ValueError, TypeError):
            pass
    if finding.expected is not None:
        return f"{finding.code} ({finding.found!r} -> {finding.expected!r})"
    return f"{finding.code} ({finding.found!r})" if finding.found is not None else finding.code
