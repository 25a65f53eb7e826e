"""What the measure sheets share: the document, its measurement, every cell's value, the formats.

A report cell is a formula referring to one cell of the workbook's tables, with that cell's
cached value (the domain core's) as its own: `Ctx.ref` gives both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xlsxwriter.workbook import Workbook

from lkjip_xl.core.measurement import Pengukuran
from lkjip_xl.core.model import Dokumen
from lkjip_xl.core.year_end import note, partial_years
from lkjip_xl.measure.draf import Draf
from lkjip_xl.schema import SHEETS, TABLES
from lkjip_xl.schema.formats import REPORT_HEADER_FILL, REPORT_NUMBER_FORMATS
from lkjip_xl.schema.sheets import sheet as layout_sheet
from lkjip_xl.schema.types import col_letter, quote_sheet
from lkjip_xl.workbook.expected import Rows, capacities, computed_rows, input_rows, summary_values
from lkjip_xl.xlsx.whole_numbers import WholeNumbers


def blank(v: Any) -> Any:
    return "" if v is None else v


def escape_header(text: str) -> str:
    """`&` starts a control code in Excel page headers (&E toggles double underline)."""
    return text.replace("&", "&&")


class Formats:
    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.title = wb.add_format({"bold": True, "font_size": 13, "align": "center"})
        self.subtitle = wb.add_format({"bold": True, "font_size": 11, "align": "center"})
        self.caption = wb.add_format({"bold": True, "font_size": 10})
        self.note = wb.add_format({"italic": True, "font_size": 9, "font_color": "#444444"})
        self.incomplete = wb.add_format({"italic": True, "bold": True, "font_size": 9,
                                         "font_color": "#C00000", "text_wrap": True,
                                         "valign": "top"})
        self.header = wb.add_format({"bold": True, "text_wrap": True, "align": "center",
                                     "valign": "vcenter", "border": 1, "bg_color": REPORT_HEADER_FILL})
        self.whole = WholeNumbers(REPORT_NUMBER_FORMATS["int"])  # "66", not Excel's "66."
        self.sign = wb.add_format({"align": "center", "valign": "top", "text_wrap": True})
        self.sign_name = wb.add_format({"align": "center", "bold": True, "underline": 1})
        self.draf = wb.add_format({"bold": True, "font_size": 11, "align": "center",
                                   "font_color": "#C00000"})
        self._cells: dict[tuple[str, bool], Any] = {}

    def cell(self, kind: str, bold: bool = False) -> Any:
        key = (kind, bold)
        if key not in self._cells:
            props: dict[str, Any] = {"border": 1, "valign": "top", "bold": bold}
            if kind in REPORT_NUMBER_FORMATS:
                props["num_format"] = REPORT_NUMBER_FORMATS[kind]
            else:
                props["text_wrap"] = True
            self._cells[key] = self.wb.add_format(props)
        return self._cells[key]


@dataclass
class Ctx:
    dok: Dokumen
    p: Pengukuran
    triwulan: int = 4
    draf: Draf | None = None  # verify's open errors: every report sheet says DRAF
    rows: Rows = field(init=False)
    values: dict[str, list[dict[str, Any]]] = field(init=False)
    summary: dict[str, Any] = field(init=False)
    caps: dict[str, int] = field(init=False)
    # "Tahun belum lengkap: ..." under the capaian table ("" when every year is complete)
    incomplete_note: str = field(init=False)
    # lookups built once: a scan per indicator table was quadratic in big workbooks
    _sasaran_pos: dict[str, int] = field(init=False, repr=False)
    _indikator_of: dict[str, list[int]] = field(init=False, repr=False)
    _columns: dict[tuple[str, str, bool], tuple[str, int]] = field(
        init=False, repr=False, default_factory=dict)  # address prefix and first row

    def __post_init__(self) -> None:
        self.rows = Rows.of(self.dok)
        self._sasaran_pos = {}
        for n, s in enumerate(self.rows.sasaran):
            self._sasaran_pos.setdefault(s.kode, n)  # the first of a repeated code
        self._indikator_of = {}
        for n, (s, _) in enumerate(self.rows.indikator):
            self._indikator_of.setdefault(s.kode, []).append(n)
        self.values = {**input_rows(self.dok), **computed_rows(self.dok, self.p)}
        self.summary = summary_values(self.dok, self.p)
        self.caps = capacities(self.dok)
        self.incomplete_note = note(partial_years(self.dok, self.triwulan), self.triwulan)

    def address(self, table_key: str, key: str, index: int, absolute: bool = True) -> str:
        """`Sheet!$C$7`: column `key` of row `index` (0-based, document order) of a table."""
        where = self._columns.get((table_key, key, absolute))
        if where is None:
            t = TABLES[table_key]
            d = "$" if absolute else ""
            where = self._columns[(table_key, key, absolute)] = (
                f"{quote_sheet(t.sheet)}!{d}{t.letter(key)}{d}", t.first_row)
        return f"{where[0]}{where[1] + index}"

    def value(self, table_key: str, key: str, index: int) -> Any:
        rows = self.values.get(table_key, [])
        return blank(rows[index].get(key)) if index < len(rows) else ""

    def ref(self, table_key: str, key: str, index: int, kind: str) -> tuple[str, Any]:
        """(formula without "=", cached value) showing one table cell; empty stays empty."""
        a = self.address(table_key, key, index)
        v = self.value(table_key, key, index)
        if kind in ("text", "code", "choice"):
            return f"{a}&\"\"", ("" if v == "" else str(v))
        # an empty input cell reads as 0 in a formula; a quiet formula's "" must stay ""
        return f'IF({a}="","",{a})', v

    def field_ref(self, key: str) -> str:
        """`Profil!$B$7`: the value cell of a form field, wherever the layout declares it."""
        for s in SHEETS:
            for fld in s.fields:
                if fld.key == key:
                    return f"{quote_sheet(s.name)}!$B${fld.row}"
        raise KeyError(key)

    def summary_ref(self, sheet_name: str, key: str) -> tuple[str, Any]:
        for sc in layout_sheet(sheet_name).summary:
            if sc.key == key:

                a = f"{quote_sheet(sheet_name)}!${col_letter(sc.col)}${sc.row}"
                return f'IF({a}="","",{a})', blank(self.summary.get(f"{sheet_name}:{key}"))
        raise KeyError(key)

    def sasaran_index(self, kode: str) -> int | None:
        return self._sasaran_pos.get(kode)

    def indikator_rows(self, sasaran: str | None = None) -> list[int]:
        if sasaran is None:
            return list(range(len(self.rows.indikator)))
        return list(self._indikator_of.get(sasaran, ()))

    def groups(self, indices: list[int]) -> list[tuple[int, list[int]]]:
        """(sasaran row, its indicator rows): consecutive indicators of one sasaran share the
        per-sasaran cells of a report table (merged), in the workbook and in the document."""
        out: list[tuple[int, list[int]]] = []
        for n in indices:
            s_index = self.sasaran_index(self.rows.indikator[n][0].kode)
            assert s_index is not None  # every indicator's sasaran is a row of Sasaran
            if out and out[-1][0] == s_index:
                out[-1][1].append(n)
            else:
                out.append((s_index, [n]))
        return out

    def kegiatan_groups(self) -> list[tuple[str | None, list[int]]]:
        """Table 3.14's blocks: (sasaran code, or None for support programmes; AK kegiatan rows)."""
        order: dict[str | None, list[int]] = {s.kode: [] for s in self.rows.sasaran}
        for n, (prog, _k, sub) in enumerate(self.rows.kegiatan):
            if sub is None:
                order.setdefault(prog.sasaran, []).append(n)
        pendukung = order.pop(None, [])
        out: list[tuple[str | None, list[int]]] = [(k, v) for k, v in order.items() if v]
        if pendukung:
            out.append((None, pendukung))
        return out
