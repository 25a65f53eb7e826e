"""read_grid: every cell's formula and cached value, in one guarded streaming pass.

The file is checked by `guard.open_guarded` first; then sharedStrings, styles and each sheet are
streamed through pyexpat (DOCTYPE refused, see guard.new_parser) with plain callbacks, which is
several times faster than building element trees. Caps (cells, string length, shared-strings size,
time) are enforced while streaming: when one is reached the part stops being read and a finding is
added, so memory never grows with a hostile input. `<dimension>` is never read.

Values (docs/security.md has the full table):
- numbers are always float (1.0, not 1): one type for arithmetic; compare with == against ints;
- t="s" / "str" / "inlineStr" are str with Excel's _xHHHH_ escapes decoded (openpyxl leaves
  them encoded); t="b" is bool; t="e" is ErrorValue; t="d" (ISO 8601 dates) stays str;
- dates stored as serial numbers stay float: `WorkbookGrid.number_formats` tells which styles are
  date formats;
- a formula cell holds its formula with "=" and its cached value; shared formulas are expanded to
  every cell with openpyxl's Translator; array formulas are marked on every cell of their range;
  data-table formulas (t="dataTable") keep only their cached values.
"""

from __future__ import annotations

import gc
import math
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from lkjip_xl.core.errors import LkjipError, UnsafeFileError
from lkjip_xl.xlsx.a1 import quote_sheet
from lkjip_xl.xlsx.grid import CellStore, ErrorValue, SheetGrid, WorkbookGrid
from lkjip_xl.xlsx.guard import (
    DEFAULT_LIMITS,
    HAZARD_HINT,
    MAX_COL,
    MAX_ROW,
    ContainerInfo,
    Deadline,
    FindingSink,
    Limits,
    PartTimeout,
    feed_part,
    formula_hazards,
    new_parser,
    open_guarded,
)

if TYPE_CHECKING:
    from openpyxl.formula.translate import Translator

# ECMA-376 built-in number formats that matter here (percent: 9, 10; text: 49); the others read
# as General. Kept local so that reading a grid does not import openpyxl (and numpy): start-up.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%",
                   10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy",
                   15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
                   19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
                   37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)",
                   39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)", 45: "mm:ss",
                   46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@"}


def get_column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters

_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "http://purl.oclc.org/ooxml/spreadsheetml/main")

# The styles part is parsed with namespace processing: names are "uri local".
_NUMFMTS, _NUMFMT, _CELLXFS, _XF = range(4)
_TAGS = {f"{ns} {local}": code for ns in _NS
         for local, code in (("numFmts", _NUMFMTS), ("numFmt", _NUMFMT), ("cellXfs", _CELLXFS),
                             ("xf", _XF))}

_STYLES_MAX_BYTES = 32 * 1024 * 1024
_DIGITS = "0123456789"
_COLS: dict[str, int] = {}


def _columns() -> dict[str, int]:
    """Column letters to numbers, A to ZZ: the hot path's one dict lookup. Building all 16,384
    cost 30 ms on every run; a column past ZZ takes `_column_of`."""
    if not _COLS:
        _COLS.update((get_column_letter(i), i) for i in range(1, 26 * 27 + 1))
    return _COLS


def _column_of(letters: str) -> int | None:
    """A column's number from its letters (any case), None past XFD or for anything else."""
    n = _COLS.get(letters) or _col_number(letters)
    return n if n is not None and 0 < n <= MAX_COL else None


_HAZARD_WORDS = ("WEBSERVICE", "FILTERXML", "RTD", "CALL", "REGISTER.ID", "EXEC")


def _hazard_search(text: str) -> re.Match[str] | None:
    """`HAZARD_HINT.search(text)`, with plain substring tests first: the case-insensitive
    alternation costs tens of microseconds per long formula, most of read_grid's time on a
    workbook of formulas. Only ASCII text is pre-sieved, so the answer is always the regex's."""
    if "|" not in text and text.isascii():
        if "(" not in text:
            return None
        upper = text.upper()
        if not any(w in upper for w in _HAZARD_WORDS):
            return None
    return HAZARD_HINT.search(text)


def a1(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}" if 1 <= col <= MAX_COL else f"C{col}R{row}"


def _col_number(letters: str) -> int | None:
    if not letters or len(letters) > 7 or not letters.isascii() or not letters.isalpha():
        return None
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel's _xHHHH_ escapes (control characters); _x005F_ escapes a literal underscore."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


# covers(row, col): the cell (1-based) lies where the caller writes afresh (see read_grid)
Covers = Callable[[int, int], bool]


class _Uncovered(Exception):
    """A skimmed sheet holds a cell outside what the caller rewrites: read it in full."""


class _Stop(Exception):
    """A cap was reached inside a handler: stop reading this part."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _true(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true", "on")


def _location(sheet: str, ref: str = "") -> str:
    q = quote_sheet(sheet)
    return f"{q}!{ref}" if ref else q


# ---------------------------------------------------------------------------------------------


def read_grid(path: str | os.PathLike[str], limits: Limits | None = None,
              skim: Mapping[str, Covers | None] | None = None) -> WorkbookGrid:
    """Read every cell's formula and cached value of an .xlsx, guarded (see module docstring).

    `skim` names sheets the caller will write afresh (measure): a sheet mapped to None is not
    read at all; one mapped to `covers(row, col)` is only scanned, and read in full only if a
    cell holding a value or formula lies outside what `covers` says the caller rewrites.
    A sheet left unread has `skimmed` set and no cells.

    Raises UnsafeFileError (or InputError for a missing file) when the file must not be read;
    caps reached while reading become findings in `WorkbookGrid.findings`.
    """
    limits = limits or DEFAULT_LIMITS
    deadline = Deadline(limits.timeout_s)
    # The cyclic GC would walk the growing cell dict again and again (a third of the time on a
    # 100,000-cell sheet); nothing read here forms cycles that must be freed during the read.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open_guarded(path, limits, deadline) as (zf, info):
            return _Reader(zf, info, limits, deadline, skim or {}).read()
    except LkjipError:
        raise
    except Exception as exc:  # noqa: BLE001 - never a traceback to the user; the cause is chained
        name = os.path.basename(os.fspath(path))
        raise UnsafeFileError(
            f"{name}: file tidak dapat dibaca ({type(exc).__name__}: {str(exc)[:200]})",
            f"{name}: the file cannot be read ({type(exc).__name__}: {str(exc)[:200]})",
        ) from exc
    finally:
        if gc_was_enabled:
            gc.enable()


class _Reader:
    def __init__(self, zf: zipfile.ZipFile, info: ContainerInfo, limits: Limits,
                 deadline: Deadline, skim: Mapping[str, Covers | None]) -> None:
        self.zf = zf
        self.skim = skim
        self.info = info
        self.limits = limits
        self.deadline = deadline
        self.sink = FindingSink(limits)
        self.strings: list[str] = []
        self.texts: dict[str, str] = {}  # formula text results, one object per distinct text
        self.cells_left = limits.max_cells
        self.grid = WorkbookGrid(path=info.path)

    def read(self) -> WorkbookGrid:
        info, grid = self.info, self.grid
        grid.calc_mode = info.calc_mode
        grid.iterate = info.iterate
        grid.full_calc_on_load = info.full_calc_on_load
        grid.date1904 = info.date1904
        grid.has_macros = info.has_macros
        grid.external_links = [link.target or link.part for link in info.external_links
                               if link.kind != "dde"]
        grid.dde_links = [f"{link.dde_service}|{link.dde_topic}" for link in info.external_links
                          if link.kind == "dde"]
        grid.findings.extend(info.findings)
        names = [s.name for s in info.sheets]
        for dn in info.defined_names:
            key = dn.name
            if dn.local_sheet is not None and dn.local_sheet < len(names):
                key = f"{quote_sheet(names[dn.local_sheet])}!{dn.name}"
            grid.defined_names[key] = dn.text
            if dn.hidden:
                grid.hidden_names.add(key)
        intern: dict[str, str] = {}  # formula templates, shared by every sheet
        for sp in info.sheets:
            grid.sheets.append(SheetGrid(name=sp.name, state=sp.state, kind=sp.kind,
                                         part=sp.part, cells=CellStore(intern=intern)))
        stopped = False
        try:
            if info.styles_part:
                self._read_styles(info.styles_part)
            if info.shared_strings_part:
                self._read_shared_strings(info.shared_strings_part)
            for sheet in grid.sheets:
                # Chart sheets have no cells; macro and dialog sheets are never read as data.
                if sheet.kind != "worksheet":
                    continue
                if stopped:
                    sheet.complete = False
                elif sheet.name in self.skim and self._skimmed(sheet):
                    continue
                else:
                    stopped = not self._read_sheet(sheet, sheet.part)
        except PartTimeout as exc:
            part = str(exc)
            where = next((_location(s.name) for s in grid.sheets if s.part == part), "")
            self.sink.add("batas-waktu-tercapai", where, None, self.limits.timeout_s, part=part)
            for sheet in grid.sheets:
                if sheet.kind == "worksheet" and not sheet.read:
                    sheet.complete = False
        grid.findings.extend(self.sink.close())
        return grid

    # -- styles ---------------------------------------------------------------------------

    def _read_styles(self, member: str) -> None:
        """Number formats of the cellXfs: which style ids are percent, text, dates..."""
        custom: dict[int, str] = {}
        xf_ids: list[int] = []
        inside = [False, False]  # in <numFmts> (not a dxf's numFmt), in <cellXfs>

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = _TAGS.get(name)
            if tag == _NUMFMT and inside[0]:
                try:
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
                except ValueError:
                    pass
            elif tag == _XF and inside[1]:
                try:
                    xf_ids.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    xf_ids.append(0)
            elif tag == _NUMFMTS:
                inside[0] = True
            elif tag == _CELLXFS:
                inside[1] = True

        def end(name: str) -> None:
            tag = _TAGS.get(name)
            if tag == _NUMFMTS:
                inside[0] = False
            elif tag == _CELLXFS:
                inside[1] = False

        p = new_parser()
        p.StartElementHandler = start
        p.EndElementHandler = end
        if not feed_part(self.zf, member, p, self.info.path, self.deadline, _STYLES_MAX_BYTES,
                         limits=self.limits):
            name = os.path.basename(self.info.path)
            raise UnsafeFileError(
                f"{name}: bagian {member} lebih dari {_STYLES_MAX_BYTES} byte; file ditolak",
                f"{name}: part {member} is over {_STYLES_MAX_BYTES} bytes; file refused")
        formats: list[str] = []
        for i, fmt_id in enumerate(xf_ids):
            code = custom.get(fmt_id)
            if code is None:
                code = BUILTIN_FORMATS.get(fmt_id, "General")
            formats.append(code)
            if fmt_id in (9, 10) or _is_percent(code):
                self.grid.percent_styles.add(i)
            if fmt_id == 49 or code.strip() == "@":
                self.grid.text_styles.add(i)
        self.grid.number_formats = formats

    # -- shared strings -------------------------------------------------------------------

    def _read_shared_strings(self, member: str) -> None:
        """The shared-strings table, streamed like a sheet (see _read_sheet for the tricks).

        Text is taken only from <t> elements outside <rPh> (phonetic runs), joined per <si>.
        """
        limits = self.limits
        strings = self.strings
        append = strings.append
        max_chars = limits.max_string_chars
        max_count = limits.max_shared_strings
        buf: list[str] = []  # every piece of character data since the last <si>
        parts: list[str] = []  # the text of the current <si>
        SI, T, RPH = "si", "t", "rPh"
        tpos = -1
        rph = 0
        in_si = False
        depth = 0

        def root(tag: str, attrs: dict[str, str]) -> None:
            nonlocal SI, T, RPH
            if ":" in tag:
                prefix = tag[: tag.index(":") + 1]
                SI, T, RPH = prefix + "si", prefix + "t", prefix + "rPh"
            p.StartElementHandler = start
            start(tag, attrs)

        def start(tag: str, attrs: dict[str, str]) -> None:
            nonlocal tpos, rph, in_si, depth
            depth += 1
            if tag == T:
                if not rph:
                    tpos = len(buf)
            elif tag == SI:
                if len(strings) >= max_count:
                    raise _Stop("count")
                buf.clear()
                parts.clear()
                in_si = True
            elif tag == RPH:
                rph += 1

        def end(tag: str) -> None:
            nonlocal tpos, rph, in_si, depth
            depth -= 1
            if tag == T:
                if tpos >= 0:
                    parts.append("".join(buf[tpos:]) if len(buf) - tpos != 1 else buf[tpos])
                    tpos = -1
            elif tag == SI:
                text = parts[0] if len(parts) == 1 else "".join(parts)
                if len(text) > max_chars:
                    raise _Stop("string")
                append(_unescape(text) if "_x" in text else text)
                in_si = False
            elif tag == RPH:
                rph -= 1

        def after_chunk() -> None:
            if not in_si:
                buf.clear()
            elif sum(map(len, buf)) > max_chars:
                raise _Stop("string")

        p = new_parser(namespaces=False)
        p.StartElementHandler = root
        p.EndElementHandler = end
        p.CharacterDataHandler = buf.append
        try:
            complete = feed_part(self.zf, member, p, self.info.path, self.deadline,
                                 limits.max_shared_strings_bytes, after_chunk=after_chunk,
                                 limits=limits, depth=lambda: depth)
            if not complete:
                self.sink.add("batas-teks-bersama-tercapai", "", None,
                              limits.max_shared_strings_bytes, what="bytes")
        except _Stop as stop:
            if stop.what == "string":
                self.sink.add("batas-teks-tercapai", "", None, max_chars, part=member,
                              where=f"{member} #{len(strings)}")
            else:
                self.sink.add("batas-teks-bersama-tercapai", "", None, max_count,
                              what="count")

    # -- sheets ---------------------------------------------------------------------------

    def _skimmed(self, sheet: SheetGrid) -> bool:
        """True if `sheet` (named in `skim`) may stay unread; False: read it in full."""
        covers = self.skim[sheet.name]
        if covers is not None and not self._all_covered(sheet.part, covers):
            return False
        sheet.skimmed = True
        return True

    def _all_covered(self, member: str, covers: Covers) -> bool:
        """Scan a sheet for a cell holding a value, formula or inline text outside `covers`.

        Only start tags reach Python (no text is collected, nothing is stored), so this costs a
        fraction of reading the sheet; the guard's byte, token, depth and time limits apply."""
        cols_get = _columns().get
        C, V, F, IS, DATA = "c", "v", "f", "is", "sheetData"
        outside = False  # the current cell lies outside `covers`
        depth = 0

        def root(tag: str, attrs: dict[str, str]) -> None:
            nonlocal C, V, F, IS, DATA
            prefix = tag[: tag.index(":") + 1] if ":" in tag else ""
            C, V, F, IS, DATA = (prefix + x for x in ("c", "v", "f", "is", "sheetData"))
            p.StartElementHandler = outer
            outer(tag, attrs)

        def outer(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth
            depth += 1
            if tag == DATA:
                p.StartElementHandler = inner

        def inner(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth, outside
            depth += 1
            if tag == C:
                ref = attrs.get("r") or ""
                letters = ref.rstrip(_DIGITS)
                digits = ref[len(letters):]
                col = cols_get(letters) or _column_of(letters)
                # no reference or an odd one: not provably covered
                outside = col is None or not digits.isdigit() or not covers(int(digits), col)
            elif outside and (tag == V or tag == F or tag == IS):
                raise _Uncovered

        def end(tag: str) -> None:
            nonlocal depth
            depth -= 1
            if tag == DATA:
                p.StartElementHandler = after

        def after(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth
            depth += 1

        p = new_parser(namespaces=False)
        p.StartElementHandler = root
        p.EndElementHandler = end
        try:
            feed_part(self.zf, member, p, self.info.path, self.deadline, limits=self.limits,
                      depth=lambda: depth)
        except _Uncovered:
            return False
        return True

    def _read_sheet(self, sheet: SheetGrid, member: str) -> bool:
        """Stream one sheet into `sheet`. False when the cell cap stopped it (stop all).

        This is the hot loop (a 100,000-cell sheet makes ~500,000 callbacks), written for speed:
        a parser without namespace processing (the prefix of the main namespace is taken from
        the root element), character data appended by the C method `list.append` with no
        Python frame, the cell's row taken from its <row> so that the column is one dict
        lookup, and closure variables for the state.
        """
        sheet.read = True
        limits = self.limits
        sink = self.sink
        strings = self.strings
        n_strings = len(strings)
        put = sheet.cells.put
        texts = self.texts
        hazard_of: dict[str | None, bool] = {}
        hidden_rows = sheet.hidden_rows
        hidden_cols = sheet.hidden_cols
        name = sheet.name
        max_chars = limits.max_string_chars
        cols_get = _columns().get
        isfinite = math.isfinite
        hazard_search = _hazard_search
        hazards = self.grid.formula_hazards
        # Shared-formula masters as text; their Translators (a tokenised formula, ~1 kB each)
        # are made on first use and kept in a small cache, so a sheet of 100,000 masters
        # cannot cost 100 MB of token lists.
        masters: dict[str, tuple[str, int, int]] = {}
        translators: dict[str, Translator] = {}
        arrays: list[tuple[int, int, str]] = []
        buf: list[str] = []  # every piece of character data since the last clear

        C, V, F, ROW, IS, T, RPH, COL = "c", "v", "f", "row", "is", "t", "rPh", "col"
        DATA = "sheetData"
        data_seen = False
        row = 0  # current row
        row_s = ""  # its number as written in <row r="..">
        row_k = 0  # len(row_s)
        col = 0  # current column
        skip = False  # the current cell lies outside the grid
        ctype: str | None = None
        style = 0
        vtext: str | None = None
        ftext: str | None = None
        fattrs: dict[str, str] | None = None
        istext: str | None = None
        is_parts: list[str] | None = None
        tpos = -1
        rph = 0
        collecting = False  # inside <v>, <f> or <is>: buf holds wanted text
        cells_left = self.cells_left
        max_row = 0
        max_col = 0
        charged_row = 0  # the row whose cost has been taken from the cell budget
        depth = 0  # element nesting, checked by feed_part after each chunk

        def slow_ref(ref: str) -> None:
            nonlocal row, col, skip
            letters = ref.rstrip(_DIGITS)
            digits = ref[len(letters):]
            c = _column_of(letters)
            if c is not None and digits.isdigit() and 0 < int(digits) <= MAX_ROW:
                row, col, skip = int(digits), c, False
                return
            skip = True
            n = _col_number(letters)
            if n is not None:
                col = n
            sink.add("sel-di-luar-batas", _location(name, ref), ref, "A1:XFD1048576")

        def root(tag: str, attrs: dict[str, str]) -> None:
            nonlocal C, V, F, ROW, IS, T, RPH, COL, DATA
            prefix = tag[: tag.index(":") + 1] if ":" in tag else ""
            if prefix:
                C, V, F, ROW, IS, T, RPH, COL, DATA = (
                    prefix + x for x in ("c", "v", "f", "row", "is", "t", "rPh", "col",
                                         "sheetData"))
            p.StartElementHandler = outer
            outer(tag, attrs)

        def start(tag: str, attrs: dict[str, str]) -> None:
            nonlocal row, row_s, row_k, col, skip, ctype, style, vtext, ftext, fattrs, istext
            nonlocal is_parts, tpos, rph, collecting, cells_left, depth
            depth += 1
            if tag == C:
                ref = attrs.get("r")
                if ref is None:
                    col += 1
                    skip = col > MAX_COL or not 0 < row <= MAX_ROW
                    if skip:
                        sink.add("sel-di-luar-batas", _location(name, a1(row, col)),
                                 a1(row, col), "A1:XFD1048576")
                elif row_k and ref.endswith(row_s):
                    c = cols_get(ref[:-row_k])
                    if c is None:
                        slow_ref(ref)
                    else:
                        col = c
                        skip = False
                else:
                    slow_ref(ref)
                ctype = attrs.get("t")
                s = attrs.get("s")
                if s is None:
                    style = 0
                else:
                    try:
                        style = int(s)
                    except ValueError:
                        style = 0
                vtext = ftext = fattrs = istext = None
            elif tag == V:
                buf.clear()
                collecting = True
            elif tag == F:
                buf.clear()
                collecting = True
                fattrs = attrs
            elif tag == ROW:
                r = attrs.get("r")
                if r is not None and r.isdigit():
                    row = int(r)
                    row_s = r
                    row_k = len(r) if row <= MAX_ROW and r[0] != "0" else 0
                else:
                    row += 1
                    row_s = str(row)
                    row_k = len(row_s) if row <= MAX_ROW else 0
                col = 0
                h = attrs.get("hidden")
                if h is not None and _true(h) and 0 < row <= MAX_ROW:
                    hidden_rows.add(row)
                    cells_left -= 1  # hidden rows cost memory too: they share the cell cap
                    if cells_left <= 0:
                        raise _Stop("cells")
            elif tag == IS:
                buf.clear()
                is_parts = []
                collecting = True
            elif tag == T:
                if is_parts is not None and not rph:
                    tpos = len(buf)
            elif tag == RPH:
                rph += 1

        def outer(tag: str, attrs: dict[str, str]) -> None:
            # Elements outside <sheetData>: only <cols> matters; <c>, <row> and friends count
            # only inside <sheetData> (a <c> in an extension list is not a cell).
            nonlocal depth, data_seen
            depth += 1
            if tag == COL and not data_seen:  # <cols> comes before <sheetData>
                if _true(attrs.get("hidden")):
                    try:
                        lo = max(1, int(attrs.get("min", "0")))
                        hi = min(MAX_COL, int(attrs.get("max", "0")))
                    except ValueError:
                        return
                    hidden_cols.update(range(lo, hi + 1))
            elif tag == DATA and not data_seen:
                data_seen = True
                p.StartElementHandler = start

        def end(tag: str) -> None:
            nonlocal collecting, vtext, ftext, istext, is_parts, tpos, rph, cells_left
            nonlocal depth
            depth -= 1
            if tag == C:
                if not skip:
                    finish_cell()
            elif tag == V:
                collecting = False
                vtext = "".join(buf)
                if len(vtext) > max_chars:
                    raise _Stop("string")
            elif tag == F:
                collecting = False
                ftext = "".join(buf)
                if len(ftext) > max_chars:
                    raise _Stop("string")
            elif tag == T:
                if tpos >= 0 and is_parts is not None:
                    is_parts.extend(buf[tpos:])
                    tpos = -1
            elif tag == IS:
                collecting = False
                text = "".join(is_parts or ())
                is_parts = None
                if len(text) > max_chars:
                    raise _Stop("string")
                istext = _unescape(text) if "_x" in text else text
            elif tag == RPH:
                rph -= 1
            elif tag == DATA:
                p.StartElementHandler = outer

        def finish_cell() -> None:
            """Store the cell just read (<c> closed, or a row matched by the fast path)."""
            nonlocal cells_left, max_row, max_col, charged_row
            t = ctype
            v = vtext
            value: Any
            if v is None:
                value = istext if t == "inlineStr" else None
            elif t is None or t == "n":
                try:
                    value = float(v)
                except ValueError:
                    if v.strip():
                        value = v
                        invalid(t, v)
                    else:  # <v></v>: openpyxl writes it for a formula never calculated
                        value = None
                else:
                    if not isfinite(value):
                        value = v
                        invalid(t, v)
            elif t == "s":
                try:
                    i = int(v)
                    if i < 0:
                        raise IndexError(i)
                    value = strings[i]
                except (ValueError, IndexError):
                    value = None
                    sink.add("teks-bersama-tidak-ada", _location(name, a1(row, col)), v,
                             n_strings)
            elif t == "str":
                value = _unescape(v) if "_x" in v else v
                # a formula's text result repeats (codes and names mirrored on every
                # computed sheet): one object per distinct text, as shared strings are
                value = texts.setdefault(value, value)
            elif t == "b":
                if v in ("1", "0", "true", "false"):
                    value = v in ("1", "true")
                else:
                    value = v
                    invalid(t, v)
            elif t == "e":
                value = ErrorValue(v) if v else None
            elif t == "inlineStr":
                value = istext if istext is not None else v
            elif t == "d":
                value = v
            else:
                value = v
                invalid(t, v)
            if fattrs is None:
                put(row, col, value, None, style)
            elif ftext and (not fattrs or "t" not in fattrs):
                # a plain <f> (LibreOffice writes <f aca="false">): the common formula
                tmpl = put(row, col, value, "=" + ftext, style)
                # the hazard words hold no digits: one answer per template (column)
                hazard = hazard_of.get(tmpl)
                if hazard is None:
                    hazard = hazard_of[tmpl] = hazard_search(ftext) is not None
                if hazard:
                    note_hazards(ftext)
            else:
                formula, array = formula_of()
                put(row, col, value, formula, style, array)
            if row > max_row:
                max_row = row
            if col > max_col:
                max_col = col
            if row == charged_row:
                cells_left -= 1
            else:  # the first cell of a row: the row's own lists and keys cost memory too
                cells_left -= 1 + ROW_COST
                charged_row = row
            if cells_left <= 0:
                raise _Stop("cells")

        def after_chunk() -> None:
            # Text outside <v>/<f>/<is> is never wanted: drop it. Wanted text is capped here
            # too, so one huge string never grows past max_chars plus one chunk.
            if not collecting:
                buf.clear()
            elif sum(map(len, buf)) + sum(map(len, is_parts or ())) > max_chars:
                raise _Stop("string")

        def note_hazards(text: str) -> None:
            loc = _location(name, a1(row, col))
            for hazard in formula_hazards(text):
                hazards.append((loc, hazard, "=" + text))

        def invalid(t: str | None, v: str) -> None:
            sink.add("nilai-sel-tidak-valid", _location(name, a1(row, col)), v[:100],
                     kind=t or "n")

        def formula_of() -> tuple[str | None, bool]:
            attrs = fattrs or {}
            text = ftext or ""
            ft = attrs.get("t")
            if ft == "shared":
                si = attrs.get("si", "")
                if text:
                    masters[si] = ("=" + text, row, col)
                    translators.pop(si, None)
                    if hazard_search(text) is not None:
                        note_hazards(text)
                    return "=" + text, False
                m = masters.get(si)
                if m is None:
                    sink.add("rumus-bersama-rusak", _location(name, a1(row, col)), si)
                    return None, False
                try:
                    tr = translators.get(si)
                    if tr is None:
                        if len(translators) >= 256:
                            translators.clear()
                        from openpyxl.formula.translate import Translator  # only for shared

                        tr = translators[si] = Translator(m[0], origin=a1(m[1], m[2]))
                    return tr.translate_formula(row_delta=row - m[1],
                                                col_delta=col - m[2]), False
                except Exception:  # noqa: BLE001 - a master openpyxl cannot tokenise
                    sink.add("rumus-bersama-rusak", _location(name, a1(row, col)), si)
                    return None, False
            if ft == "dataTable" or not text:
                return None, False
            if hazard_search(text) is not None:
                note_hazards(text)
            if ft == "array":
                arrays.append((row, col, attrs.get("ref") or a1(row, col)))
                return "=" + text, True
            return "=" + text, False

        p = new_parser(namespaces=False)
        p.StartElementHandler = root
        p.EndElementHandler = end
        p.CharacterDataHandler = buf.append
        go_on = True
        try:
            feed_part(self.zf, member, p, self.info.path, self.deadline, after_chunk=after_chunk,
                      limits=limits, depth=lambda: depth)
        except _Stop as stop:
            sheet.complete = False
            ref = a1(row, col)
            if stop.what == "cells":
                sink.add("batas-sel-tercapai", _location(name, ref), None, limits.max_cells)
                go_on = False
            else:
                loc = _location(name, ref)
                sink.add("batas-teks-tercapai", loc, None, max_chars, part=member, where=loc)
        except PartTimeout:
            sheet.complete = False
            raise
        finally:
            self.cells_left = cells_left
            sheet.max_row = max_row
            sheet.max_col = max_col
            _mark_arrays(sheet, arrays)
        return go_on


# What a row holding cells costs against the cell cap, on top of its cells: a row's lists and
# keys in the CellStore cost about what four dense cells do, so a file of one cell per row
# (the cheapest way to cost memory) stays within the same bound as a dense one.
ROW_COST = 4


def _mark_arrays(sheet: SheetGrid, arrays: list[tuple[int, int, str]]) -> None:
    """Mark every cell inside an array formula's range. The work is bounded (a crafted sheet
    of many whole-sheet array ranges must not cost cells x ranges): past the budget, only the
    masters stay marked."""
    if not arrays:
        return
    from openpyxl.utils.cell import range_boundaries

    budget = 4 * len(sheet.cells) + 100_000
    for row, col, ref in arrays:
        sheet.array_refs[(row, col)] = ref
        try:
            c1, r1, c2, r2 = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if c1 is None or r1 is None or c2 is None or r2 is None:
            continue
        area = (r2 - r1 + 1) * (c2 - c1 + 1)
        cells = sheet.cells
        if area <= len(cells):
            budget -= area
            if budget < 0:
                continue
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    cells.mark_array(r, c)
        else:
            budget -= len(cells)
            if budget < 0:
                continue
            for r, c in list(cells):
                if r1 <= r <= r2 and c1 <= c <= c2:
                    cells.mark_array(r, c)


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _is_percent(code: str) -> bool:
    """A number format that scales by 100: a % outside quotes, escapes and [..] sections."""
    return "%" in code and "%" in _QUOTED.sub("", code)
