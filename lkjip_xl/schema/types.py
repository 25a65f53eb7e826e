"""Types of the declarative workbook layout, and rendering of formula templates.

A formula template is Excel text with `{key}` (a cell of the same table, same row) and
`{T.key}` (the same row of table T in another sheet) placeholders; every other name in it is
a defined name of the workbook (settings such as `NilaiTW`, or an input column such as
`PK_target`, which `Table.range_name` declares for every input column).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from lkjip_xl.xlsx.a1 import col_letter, quote_sheet

# memo: a long text of several paragraphs (a form field of its own, wrapped in a wide cell)
# plain: text written as is, never wrapped (a file name in rekap)
# points: efficiency points (core/number_display.py gives every numeric kind its decimals)
Kind = Literal["text", "memo", "code", "choice", "number", "money", "percent", "points", "int",
               "year", "label", "plain"]
SheetKind = Literal["guide", "settings", "input", "computed"]


@dataclass(frozen=True)
class Ref:
    """An input column that must name a code of another table (matched as the workbook's MATCH
    does), and the finding that reports a code found nowhere."""

    table: str
    finding: str


@dataclass(frozen=True)
class Parent:
    """Where a table's rows hang in the entity tree: under the rows of `table`, named by this
    table's `columns` (the parent's codes, outermost first; a deeper level adds its own)."""

    table: str
    columns: tuple[str, ...]
    # the row hangs under the deepest object its filled codes name, a prefix of `columns`: a
    # programme (only its code), a kegiatan or a sub-kegiatan (Indikator Program's rows)
    partial: bool = False


@dataclass(frozen=True)
class Level:
    """One level of the model objects a table's rows are: the list `collection` of the parent
    row's object (of the document for a table without parent), each named by column `code`
    (None: rows without a code, kept when their row key is filled)."""

    collection: str
    code: str | None = None
    repeats: bool = False  # a code seen again is another object (sub-kegiatan), not skipped


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Bahasa Indonesia, as the user sees it
    header_en: str
    kind: Kind = "text"
    width: float = 14
    formula: str | None = None  # template; None = an input column
    choices: tuple[str, ...] = ()
    required: bool = False
    nonnegative: bool = False
    note: str = ""  # the input message shown when the cell is selected (Bahasa Indonesia)
    # what the column binds (layout/binding.py): a path into the row's model object, e.g.
    # "target", "target_tw[0]", "target_renstra[awal+2]", "realisasi_lalu[tahun-1]",
    # "komponen.pembilang"; None for a code that places the row (kode, references, formulas)
    bind: str | None = None
    ref: Ref | None = None
    default: object = None  # the value an empty or unknown choice is read as
    unit: bool = False  # a number in the indicator's own unit (checked against its satuan)
    since: int = 1  # layout version that added it: older workbooks may lack the column
    # the formula's earlier templates, still in workbooks written by earlier releases: verify
    # recognises them (one warning per column) instead of calling each cell edited
    earlier: tuple[str, ...] = ()
    # what a formula column shows: a path into the row's measurement (`core.measurement`'s
    # row of the mirrored object, or the input row's own object for a lookup column)
    value: str | None = None
    matches: str | None = None  # a formula column giving the row of its code in this table
    # False: a working column of a computed table the printout leaves out (the Renja sheets'
    # own-money and per-year columns), declared after every printed one
    prints: bool = True

    @property
    def is_input(self) -> bool:
        return self.formula is None

    @property
    def optional(self) -> bool:
        return self.since > 1


@dataclass(frozen=True)
class Table:
    key: str  # short prefix of the table's defined names, e.g. "PK" -> PK_target
    sheet: str
    columns: tuple[Column, ...]
    default_capacity: int
    header_row: int = 4
    mirror: str | None = None  # computed tables: the input table whose rows they follow one to one
    row_key: str = "kode"  # the column that makes a row non-empty
    unique: tuple[str, ...] = ()  # the columns whose values together may appear once
    # the entity tree: the model lists an input table's rows are (a level per depth: kegiatan,
    # then their sub-kegiatan) and the table they hang under; a table with neither has the
    # rows of the table its `kode` refers to (one row per indicator: RKT, PK ...)
    levels: tuple[Level, ...] = ()
    parent: Parent | None = None
    # header rows earlier layouts wrote the table at: found there, it has not been shifted
    moved_from: tuple[int, ...] = ()

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    def last_row(self, capacity: int) -> int:
        return self.first_row + capacity - 1

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {c.key: i for i, c in enumerate(self.columns, start=1)}

    def index(self, key: str) -> int:
        """1-based column index of `key`."""
        try:
            return self._positions[key]
        except KeyError:
            raise KeyError(f"{self.key}.{key}") from None

    def column(self, key: str) -> Column:
        return self.columns[self.index(key) - 1]

    def letter(self, key: str) -> str:
        return col_letter(self.index(key))

    def range_name(self, key: str) -> str:
        return f"{self.key}_{key}"

    def range_ref(self, key: str, capacity: int) -> str:
        c = self.letter(key)
        return f"{quote_sheet(self.sheet)}!${c}${self.first_row}:${c}${self.last_row(capacity)}"


@dataclass(frozen=True)
class FormField:
    """One labelled value of a key/value sheet (Profil, Pengaturan): label in A, value in B."""

    key: str
    label: str
    label_en: str
    row: int
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    name: str | None = None  # defined name pointing at the value cell
    note: str = ""
    required: bool = False
    bind: str | None = None  # a path into the document, e.g. "instansi.kepala.nama"
    default: object = None


@dataclass(frozen=True)
class SummaryCell:
    """A computed cell at a fixed place outside a table (e.g. the agency total)."""

    key: str
    label: str
    label_en: str
    row: int
    col: int
    formula: str
    kind: Kind = "money"


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    kind: SheetKind
    table: Table | None = None
    fields: tuple[FormField, ...] = ()
    summary: tuple[SummaryCell, ...] = ()
    guide: tuple[str, ...] = ()  # short instructions printed at the top (row 2)
    extra_tables: tuple[Table, ...] = field(default=())  # e.g. the predicate table in Pengaturan
    since: int = 1  # layout version that added it: older workbooks may lack the sheet


_TOKEN = re.compile(r"\{(?:([A-Z]+)\.)?([a-z_0-9]+)\}")


def render(template: str, table: Table, row: int, tables: dict[str, Table]) -> str:
    """The formula text a template gives at `row` of `table`."""
    fmt, deltas = _compiled(template, table.key, tables)
    return fmt.format(*[row + d for d in deltas])


def renderer(template: str, table: Table, tables: dict[str, Table]) -> Callable[[int], str]:
    """`render` for one template at many rows: the lookup done once."""
    fmt, deltas = _compiled(template, table.key, tables)
    text = fmt.format
    if deltas == [0]:
        return text
    if len(deltas) == 2:
        other = deltas[1]
        return lambda row: text(row, row + other)
    return lambda row: text(*[row + d for d in deltas])


_COMPILED: dict[tuple[str, str], tuple[str, list[int]]] = {}

# where a placeholder points: (column index, first data row) of `key` in table T (None = own)
Locate = Callable[[str | None, str], tuple[int, int]]


def compile_template(template: str, own: Table, locate: Locate
                     ) -> tuple[str, list[int], dict[str, int]]:
    """A template as a format string whose slots are row numbers: slot 0 is the row itself, each
    other table referenced gets a slot at a fixed offset (its first row minus ours). Rendering
    a cell is then one str.format instead of a regex substitution per reference.

    Returns (format, offsets per slot, slot per referenced table key)."""
    own_col, own_first = locate(None, own.columns[0].key)
    deltas = [0]
    slots: dict[str, int] = {}
    parts: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        parts.append(template[pos:m.start()].replace("{", "{{").replace("}", "}}"))
        pos = m.end()
        other, key = m.group(1), m.group(2)
        col, first = locate(other, key)
        if other is None:
            parts.append(f"${col_letter(col)}{{0}}")
            continue
        if other not in slots:
            slots[other] = len(deltas)
            deltas.append(first - own_first)
        parts.append(f"{quote_sheet(TABLE_SHEETS[other])}!${col_letter(col)}{{{slots[other]}}}")
    parts.append(template[pos:].replace("{", "{{").replace("}", "}}"))
    return "".join(parts), deltas, slots


TABLE_SHEETS: dict[str, str] = {}  # table key -> sheet name, filled by layout.sheets


def _compiled(template: str, key: str, tables: dict[str, Table]) -> tuple[str, list[int]]:
    """`compile_template` at the layout's own positions, built once per (template, table)."""
    hit = _COMPILED.get((template, key))
    if hit is None:
        table = tables[key]

        def locate(other: str | None, col: str) -> tuple[int, int]:
            t = table if other is None else tables[other]
            return t.index(col), t.first_row

        fmt, deltas, _ = compile_template(template, table, locate)
        hit = _COMPILED[(template, key)] = (fmt, deltas)
    return hit
