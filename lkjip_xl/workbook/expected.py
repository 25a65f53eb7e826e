"""What every cell of the layout holds for one document: inputs from the model, and the
computed cells' values from the domain core (the cached values written beside each formula,
and the values the verifier expects).

Rows follow the document's order: indicator i of the document sits in row i of every
per-indicator table, kegiatan rows are followed by their sub-kegiatan rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import Any

from lkjip_xl.core.evaluasi import evaluasi_renja
from lkjip_xl.core.measurement import Pengukuran, baris, ukur
from lkjip_xl.core.model import (
    FORMAT_ID,
    Dokumen,
    Indikator,
    Kegiatan,
    Program,
    Sasaran,
    SubKegiatan,
)
from lkjip_xl.schema.sheets import (
    EVALUASI_INDIKATOR,
    PRIOR_YEARS,
    PROFIL,
    RENSTRA_SLOTS,
    SHEETS,
    TABLES,
)
from lkjip_xl.schema.types import Table
from lkjip_xl.workbook import tree
from lkjip_xl.workbook.binding import Years, fields_of, form_of, get
from lkjip_xl.workbook.tree import Chain

Row = dict[str, Any]
BLANK = ""  # what a quiet formula shows: the empty string


@dataclass
class Rows:
    """Which model object sits in which row of each table: the entity tree walked once
    (`workbook.tree`); the model's own lists kept for the report writers."""

    chains: dict[str, list[Chain]]

    @classmethod
    def of(cls, dok: Dokumen) -> Rows:
        return cls(tree.chains(dok))

    def count(self, table_key: str) -> int:
        return len(self.chains.get(table_key, ()))

    def _at(self, collection: str) -> list[Chain]:
        return self.chains[tree.top(collection).key]

    @cached_property
    def sasaran(self) -> list[Sasaran]:
        return [c[-1] for c in self._at("sasaran")]

    @cached_property
    def indikator(self) -> list[tuple[Sasaran, Indikator]]:
        return [(c[0], c[1]) for c in self.chains[tree.top("indikator").key]]

    @cached_property
    def program(self) -> list[Program]:
        return [c[-1] for c in self._at("program")]

    @cached_property
    def kegiatan(self) -> list[tuple[Program, Kegiatan, SubKegiatan | None]]:
        return [(c[0], c[1], c[2] if len(c) > 2 else None) for c in self._at("kegiatan")]


def capacities(dok: Dokumen, minimum: dict[str, int] | None = None) -> dict[str, int]:
    """Rows prepared per table: room for the data plus spare rows to fill in by hand (a short
    list on a settings sheet gets none)."""
    rows = Rows.of(dok)
    out: dict[str, int] = {}
    for key, t in TABLES.items():
        if t.mirror:
            continue
        n = rows.count(key)
        base = (minimum or {}).get(key, t.default_capacity)
        out[key] = max(base, n) if tree.listed(t) else max(base, n + max(10, n // 5))
    for key, t in TABLES.items():
        if t.mirror:
            out[key] = out[t.mirror]
    return out


def _blank(v: Any) -> Any:
    return BLANK if v is None else v


def _ya(v: bool | None) -> str:
    return BLANK if v is None else ("Ya" if v else "Tidak")


def input_rows(dok: Dokumen) -> dict[str, list[Row]]:
    """The values of every input table, row by row (None = leave the cell empty): the codes
    that place a row in the hierarchy from its chain, the bound columns from the model through
    the layout's declarations."""
    rows = Rows.of(dok)
    years = Years(dok.renstra.awal if dok.renstra else None, dok.tahun)
    out: dict[str, list[Row]] = {}
    for key, t in TABLES.items():
        if t.mirror is None:
            out[key] = [{**tree.place(t, c), **tree.shown(t, c[-1]), **fields_of(t, c[-1], years)}
                        for c in rows.chains[key]]
    return out


def _getter(path: str) -> Callable[[Any], Any]:
    """A path into a measured row, compiled: thousands of rows read a few paths (an absent
    part, a kegiatan row's sub-kegiatan, gives None)."""
    if "[" in path:
        return lambda row: get(row, path)
    if "." not in path:
        return attrgetter(path)
    first, rest = path.split(".", 1)
    part, inner = attrgetter(first), _getter(rest)

    def walk(row: Any) -> Any:
        obj = part(row)
        return None if obj is None else inner(obj)
    return walk


def _shows(t: Table) -> list[tuple[str, Callable[[Any], Any], Any]]:
    """Each computed column's key, the getter of the measured value it shows, its default."""
    out = []
    for c in t.columns:
        if c.value is None:
            raise ValueError(f"{t.key}.{c.key}: a computed column names the value it shows")
        out.append((c.key, _getter(c.value), BLANK if c.default is None else c.default))
    return out


def computed_rows(dok: Dokumen, p: Pengukuran | None = None,
                  row_factory: Callable[[str, Row], Any] | None = None) -> dict[str, list[Any]]:
    """The value of every computed cell, by the domain core (blank where a formula is quiet):
    each computed table's rows are the measured rows of the objects its input table's rows are
    (`core.measurement.baris`), each column the value it declares it shows (`Column.value`).

    `row_factory(table_key, row)` turns each row into what is kept (a caller holding 10,000
    rows keeps them compact); by default the row dict itself."""
    p = p or ukur(dok)
    chains = tree.chains(dok)
    keep: Callable[[str, Row], Any] = row_factory or (lambda _key, row: row)
    measured: dict[str, list[Any]] = {}
    out: dict[str, list[Any]] = {}
    for key, t in TABLES.items():
        if t.mirror is None:
            continue
        src = tree.source(t).key
        if src not in measured:
            measured[src] = [baris(dok, p, c, n, RENSTRA_SLOTS, PRIOR_YEARS)
                             for n, c in enumerate(chains[src], start=1)]
        shows = _shows(t)
        # a cell shows its value, quiet (or its column's default) when absent, a yes/no as Ya / Tidak
        out[key] = [keep(key, {k: dflt if (v := g(r)) is None or v == "" else
                               ("Ya" if v else "Tidak") if v is True or v is False else v
                               for k, g, dflt in shows})
                    for r in measured[src]]
    return out


def summary_values(dok: Dokumen, p: Pengukuran | None = None) -> dict[str, Any]:
    """Values of the fixed computed cells (year headers, agency totals), by SummaryCell key."""
    p = p or ukur(dok)
    out: dict[str, Any] = {}
    awal = dok.renstra.awal if dok.renstra else None
    for s in SHEETS:  # the year rows above Renstra targets and earlier years' columns
        keys = {c.key for c in s.summary}
        for n in range(1, RENSTRA_SLOTS + 1):
            if f"tahun_tr{n}" in keys:
                out[f"{s.name}:tahun_tr{n}"] = BLANK if awal is None else awal + n - 1
        for k in range(1, PRIOR_YEARS + 1):
            if f"tahun_rl{k}" in keys:
                out[f"{s.name}:tahun_rl{k}"] = dok.tahun - k
    for key, blok in (("pendukung", p.pendukung), ("total", p.total)):
        out[f"Anggaran & Efisiensi:{key}_anggaran"] = _blank(blok.anggaran)
        out[f"Anggaran & Efisiensi:{key}_realisasi"] = _blank(blok.realisasi_anggaran)
        out[f"Anggaran & Efisiensi:{key}_penyerapan"] = _blank(blok.penyerapan)
    footer = evaluasi_renja(dok).ringkasan  # the E.81's footer (schema/renja_tables.py)
    for key in ("rata_rata_capaian", "predikat", "rata_rata_capaian_renstra", "penyerapan"):
        out[f"{EVALUASI_INDIKATOR.sheet}:{key}"] = _blank(getattr(footer, key))
    return out


def form_values(dok: Dokumen) -> dict[str, dict[str, Any]]:
    """The key/value sheets' values, by sheet and field key."""
    out = {s.name: form_of(s.fields, dok) for s in SHEETS if s.fields}
    out[PROFIL] = {"format": FORMAT_ID, **out[PROFIL]}
    return out
