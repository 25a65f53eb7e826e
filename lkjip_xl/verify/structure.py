"""Structure of a workbook in the lkjip-xl layout: sheets, tables, columns, schema version.

Also works out where each table actually is (header row, column of every key, the rows its
formulas fill), which the formula and value checks use instead of the layout's positions, so a
table moved down or a column moved sideways is reported once here and not in every cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lkjip_xl.core.findings import Finding
from lkjip_xl.core.model import FORMAT_ID
from lkjip_xl.schema import SHEETS, TABLES, SummaryCell, Table, col_letter, quote_sheet
from lkjip_xl.schema.report_tables import REPORT_SHEETS
from lkjip_xl.schema.sheets import PROFIL
from lkjip_xl.workbook.read import LayoutRead, find_header, loc, locate
from lkjip_xl.xlsx.grid import SheetGrid, WorkbookGrid


@dataclass
class Placed:
    """Where one table of the layout sits in this workbook."""

    table: Table
    header_row: int
    columns: dict[str, int]  # key -> actual 1-based column
    first: int = 0  # first data row
    last: int = 0  # last row of the table's extent (formula rows or data rows)

    def __post_init__(self) -> None:
        self.first = self.header_row + 1
        if not self.last:
            self.last = self.header_row

    @property
    def capacity(self) -> int:
        return self.last - self.first + 1


@dataclass
class Structure:
    grid: WorkbookGrid
    lr: LayoutRead
    renamed: dict[str, str] = field(default_factory=dict)  # layout name -> name in the file
    placed: dict[str, Placed] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def sheet(self, layout_name: str) -> SheetGrid | None:
        return self.grid.sheet(self.renamed.get(layout_name, layout_name))


def placed_summary(st: Structure) -> Iterator[tuple[str, SummaryCell, int, int]]:
    """Every fixed computed cell (year headers, agency totals) at its place in this workbook:
    (sheet, cell, row, col), moved with its table's header and column."""
    for s in SHEETS:
        if not s.summary or s.table is None:
            continue
        p = st.placed.get(s.table.key)
        dr = (p.header_row - s.table.header_row) if p else 0
        for sc in s.summary:
            col_key = s.table.columns[sc.col - 1].key
            col = p.columns.get(col_key, sc.col) if p else sc.col
            yield s.name, sc, sc.row + dr, col


def _alias(grid: WorkbookGrid, renamed: dict[str, str]) -> WorkbookGrid:
    """A view of the grid in which renamed sheets carry their layout names again."""
    back = {v: k for k, v in renamed.items()}
    view = WorkbookGrid(grid.path, defined_names=grid.defined_names, percent_styles=grid.percent_styles,
                        text_styles=grid.text_styles, number_formats=grid.number_formats)
    for s in grid.sheets:
        if s.name in back:
            alias = SheetGrid(back[s.name], s.state, s.cells, s.hidden_rows, s.hidden_cols,
                              s.max_row, s.max_col, s.kind, s.part)
            view.sheets.append(alias)
        else:
            view.sheets.append(s)
    return view


def _find_renames(grid: WorkbookGrid) -> dict[str, str]:
    # measure's report sheets are ours too: their formulas read the computed sheets, and the
    # generic audit recomputes every one of them against its cached value
    known = {s.name for s in SHEETS} | set(REPORT_SHEETS)
    extra = [s for s in grid.sheets if s.name not in known and s.kind == "worksheet"]
    out: dict[str, str] = {}
    for s in SHEETS:
        if grid.sheet(s.name) is not None or not extra:
            continue
        for cand in extra:
            if cand.name in out.values():
                continue
            if s.table is not None and find_header(cand, s.table) is not None:
                out[s.name] = cand.name
                break
            if s.fields:
                labels = {f.label.strip().lower() for f in s.fields}
                seen = {str(cand.value(r, 1) or "").strip().lower() for r in range(1, 40)}
                if len(labels & seen) * 2 > len(labels):
                    out[s.name] = cand.name
                    break
    return out


def _extent(sg: SheetGrid, table: Table, header_row: int, cols: dict[str, int]) -> int:
    """Last row of the table: the last row with a formula (or, for tables without formulas,
    with a value) in any of the table's columns."""
    formula_cols = [cols[c.key] for c in table.columns if c.formula and c.key in cols]
    use = formula_cols or list(cols.values())
    last = header_row
    store = sg.cells
    for r in store.rows():
        if r <= last:
            continue
        if formula_cols:
            if any(store.template(r, c) is not None for c in use):
                last = r
        elif any(store.value(r, c) not in (None, "") for c in use):
            last = r
    return last


def inspect_structure(grid: WorkbookGrid) -> Structure:
    """Locate the layout in the grid and report every structural difference."""
    renamed = _find_renames(grid)
    view = _alias(grid, renamed) if renamed else grid
    st = Structure(grid, locate(view), renamed)
    for layout_name, name in renamed.items():
        st.findings.append(Finding("sheet-diganti-nama", "error", _q(name), found=name,
                                   expected=layout_name))
    # measure's report sheets are ours too: their formulas read the computed sheets, and the
    # generic audit recomputes every one of them against its cached value
    known = {s.name for s in SHEETS} | set(REPORT_SHEETS)
    for s in SHEETS:
        if grid.sheet(s.name) is None and s.name not in renamed:
            if s.since > 1:  # a workbook from before the sheet existed
                st.findings.append(Finding("sheet-versi-baru", "info", "", expected=s.name,
                                           params={"since": s.since}))
            else:
                st.findings.append(Finding("sheet-hilang", "error", "", expected=s.name))
    for sg in grid.sheets:
        if sg.name not in known and sg.name not in renamed.values():
            st.findings.append(Finding("sheet-tambahan", "info", _q(sg.name), found=sg.name))
        if sg.state != "visible":
            st.findings.append(Finding("sheet-tersembunyi", "warning", _q(sg.name), found=sg.name,
                                       params={"state": sg.state}))
    st.findings.extend(_format_version(st.lr))
    st.findings.extend(_tables(st, view))
    return st


def _q(name: str) -> str:

    return quote_sheet(name)


def _format_version(lr: LayoutRead) -> Iterator[Finding]:
    form = lr.forms.get(PROFIL)
    if form is None:
        return
    value, row = form.get("format", (None, 0))
    if str(value or "").strip() != FORMAT_ID:
        where = loc(PROFIL, row, 2) if row else "Profil!B5"
        yield Finding("format-tidak-dikenal", "error", where, found=value, expected=FORMAT_ID)


def _tables(st: Structure, view: WorkbookGrid) -> Iterator[Finding]:
    for key, table in TABLES.items():
        sg = view.sheet(table.sheet)
        if sg is None:
            continue
        tr = st.lr.tables.get(key)
        if tr is None:
            yield Finding("tabel-tidak-ditemukan", "error", _q(table.sheet),
                          params={"table": key, "sheet": table.sheet})
            continue
        if tr.header_row != table.header_row and tr.header_row not in table.moved_from:
            yield Finding("tabel-bergeser", "warning", loc(table.sheet, tr.header_row, 1),
                          found=tr.header_row, expected=table.header_row,
                          params={"table": key, "sheet": table.sheet})
        for i, col in enumerate(table.columns, start=1):
            actual = tr.columns.get(col.key)
            if actual is None and col.optional:  # a workbook from before the column existed
                yield Finding("kolom-versi-baru", "info", loc(table.sheet, tr.header_row, i),
                              params={"header": col.header, "since": col.since})
            elif actual is None:
                yield Finding("kolom-hilang", "error", loc(table.sheet, tr.header_row, i),
                              params={"header": col.header})
            elif actual != i:
                yield Finding("kolom-dipindah", "warning", loc(table.sheet, tr.header_row, actual),
                              found=col_letter(actual), expected=col_letter(i),
                              params={"header": col.header})
        p = Placed(table, tr.header_row, dict(tr.columns))
        p.last = _extent(sg, table, tr.header_row, tr.columns)
        st.placed[key] = p


__all__ = ["Placed", "Structure", "inspect_structure"]
