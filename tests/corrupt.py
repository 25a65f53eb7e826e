"""Damage a clean generated workbook the way users (and their spreadsheet programs) do.

Input damages use openpyxl (load, modify, save), which drops every cached value; damages to
cached values edit the sheet XML inside the zip, so all other cached values survive. Row and
column moves and sheet renames also rewrite the references in formulas and defined names, as
Excel and LibreOffice do when a user inserts a row or renames a sheet.
Cells are found through the layout (never a hard-coded column letter).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl

from lkjip_xl.schema import TABLES, quote_sheet


def cell_ref(table: str, key: str, index: int = 0) -> tuple[str, str]:
    """(sheet, A1) of row `index` (0-based) of a table's column `key`, at the layout's place."""
    t = TABLES[table]
    return t.sheet, f"{t.letter(key)}{t.first_row + index}"


def location(table: str, key: str, index: int = 0) -> str:
    sheet, ref = cell_ref(table, key, index)
    return f"{quote_sheet(sheet)}!{ref}"


# ---------------------------------------------------------------- openpyxl edits
def edit(src: Path, dst: Path, fn: Callable[[Any], None]) -> Path:
    wb = openpyxl.load_workbook(src)
    fn(wb)
    wb.save(dst)
    return dst


def set_value(table: str, key: str, value: Any, index: int = 0,
              as_text: bool = False) -> Callable[[Any], None]:
    """Type `value` into a cell; a str starting with "=" is a formula unless `as_text`."""
    def fn(wb: Any) -> None:
        sheet, ref = cell_ref(table, key, index)
        cell = wb[sheet][ref]
        cell.value = value
        if isinstance(value, str) and (as_text or not value.startswith("=")):
            cell.data_type = "s"
    return fn


def _rewrite_formulas(wb: Any, sub: Callable[[str], str]) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = sub(cell.value)
    for _name, dn in list(wb.defined_names.items()):
        dn.attr_text = sub(dn.attr_text)
    for ws in wb.worksheets:
        for _name, dn in list(ws.defined_names.items()):
            dn.attr_text = sub(dn.attr_text)


def _refs(sheet: str) -> re.Pattern[str]:
    cell = r"(\$?)([A-Z]{1,3})(\$?)(\d+)"
    return re.compile(re.escape(quote_sheet(sheet)) + "!" + cell + "(?::" + cell + ")?")


def insert_row(table: str, index: int = 1) -> Callable[[Any], None]:
    """Insert a row inside an input table; references below it move down (Excel's behaviour)."""
    t = TABLES[table]
    at = t.first_row + index

    def shift(m: re.Match[str]) -> str:
        r1 = int(m.group(4))
        out = f"{quote_sheet(t.sheet)}!{m.group(1)}{m.group(2)}{m.group(3)}{r1 + (r1 >= at)}"
        if m.group(6):
            r2 = int(m.group(8))
            out += f":{m.group(5)}{m.group(6)}{m.group(7)}{r2 + (r2 >= at)}"
        return out

    def fn(wb: Any) -> None:
        wb[t.sheet].insert_rows(at)
        _rewrite_formulas(wb, lambda f: _refs(t.sheet).sub(shift, f))
    return fn


def delete_row(table: str, index: int = 1) -> Callable[[Any], None]:
    """Delete a row inside an input table: references to it become #REF!, those below move up."""
    t = TABLES[table]
    at = t.first_row + index

    def shift(m: re.Match[str]) -> str:
        r1 = int(m.group(4))
        if m.group(6):
            r2 = int(m.group(8))
            return (f"{quote_sheet(t.sheet)}!{m.group(1)}{m.group(2)}{m.group(3)}{r1 - (r1 > at)}"
                    f":{m.group(5)}{m.group(6)}{m.group(7)}{r2 - (r2 >= at)}")
        if r1 == at:
            return f"{quote_sheet(t.sheet)}!#REF!"
        return f"{quote_sheet(t.sheet)}!{m.group(1)}{m.group(2)}{m.group(3)}{r1 - (r1 > at)}"

    def fn(wb: Any) -> None:
        wb[t.sheet].delete_rows(at)
        _rewrite_formulas(wb, lambda f: _refs(t.sheet).sub(shift, f))
    return fn


def rename_sheet(old: str, new: str) -> Callable[[Any], None]:
    def fn(wb: Any) -> None:
        wb[old].title = new
        pattern = re.compile(r"(?<![A-Za-z0-9_.'])(?:'" + re.escape(old) + "'|" + re.escape(old) + ")!")
        _rewrite_formulas(wb, lambda f: pattern.sub(quote_sheet(new).replace("\\", "\\\\") + "!", f))
    return fn


def move_column(table: str, key: str) -> Callable[[Any], None]:
    """Cut a column and paste it just right of the table; references follow it."""
    t = TABLES[table]
    src = t.index(key)
    dst = len(t.columns) + 1
    from lkjip_xl.schema import col_letter

    old, new = col_letter(src), col_letter(dst)

    def sub(m: re.Match[str]) -> str:
        text = m.group(0)
        return re.sub(rf"(!\$?){old}(\$?\d+)", rf"\g<1>{new}\g<2>", text).replace(
            f":${old}$", f":${new}$").replace(f":{old}", f":{new}")

    def fn(wb: Any) -> None:
        ws = wb[t.sheet]
        ws.move_range(f"{old}1:{old}{ws.max_row}", cols=dst - src)
        _rewrite_formulas(wb, lambda f: _refs(t.sheet).sub(sub, f))
    return fn


def hidden_feeder(table: str, key: str, value: float) -> Callable[[Any], None]:
    def fn(wb: Any) -> None:
        ws = wb.create_sheet("Data")
        ws["A1"] = value
        ws.sheet_state = "hidden"
        sheet, ref = cell_ref(table, key)
        wb[sheet][ref] = "=Data!A1"
    return fn


# ---------------------------------------------------------------- zip edits (cached values kept)
def _sheet_part(z: zipfile.ZipFile, sheet: str) -> str:
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    m = re.search(r'<sheet name="' + re.escape(escape(sheet)) + r'"[^>]*r:id="(rId\d+)"', wb)
    assert m, sheet
    t = re.search(r'Id="' + m.group(1) + r'"[^>]*Target="([^"]+)"', rels) or re.search(
        r'Target="([^"]+)"[^>]*Id="' + m.group(1) + '"', rels)
    assert t
    target = t.group(1).lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


def edit_xml(src: Path, dst: Path, sheet: str, fn: Callable[[str], str]) -> Path:
    with zipfile.ZipFile(src) as z:
        part = _sheet_part(z, sheet)
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == part:
                data = fn(data.decode()).encode()
            out.writestr(info, data)
    return dst


def _cell_xml(ref: str) -> re.Pattern[str]:
    return re.compile(r'<c r="' + ref + r'"([^>]*?)(?:/>|>(.*?)</c>)', re.S)


def stale_value(table: str, key: str, value: float, index: int = 0) -> Callable[[Path, Path], Path]:
    """Change the cached value of a formula cell, keeping its formula."""
    sheet, ref = cell_ref(table, key, index)

    def run(src: Path, dst: Path) -> Path:
        def fn(xml: str) -> str:
            def sub(m: re.Match[str]) -> str:
                attrs = re.sub(r'\s+t="[^"]*"', "", m.group(1))
                formula = re.search(r"<f>.*?</f>", m.group(2) or "", re.S)
                assert formula, ref
                return f'<c r="{ref}"{attrs}>{formula.group(0)}<v>{value!r}</v></c>'
            new, n = _cell_xml(ref).subn(sub, xml, count=1)
            assert n == 1, ref
            return new
        return edit_xml(src, dst, sheet, fn)
    return run


def typed_constants(changes: list[tuple[str, str, int, float]]) -> Callable[[Path, Path], Path]:
    """Replace formula cells by typed numbers (table, key, row index, value), in the XML."""
    def run(src: Path, dst: Path) -> Path:
        by_sheet: dict[str, list[tuple[str, float]]] = {}
        for table, key, index, value in changes:
            sheet, ref = cell_ref(table, key, index)
            by_sheet.setdefault(sheet, []).append((ref, value))
        current = src
        for n, (sheet, cells) in enumerate(by_sheet.items()):
            target = dst if n == len(by_sheet) - 1 else dst.with_suffix(f".{n}.xlsx")

            def fn(xml: str, cells: list[tuple[str, float]] = cells) -> str:
                for ref, value in cells:
                    def sub(m: re.Match[str], ref: str = ref, value: float = value) -> str:
                        attrs = re.sub(r'\s+t="[^"]*"', "", m.group(1))
                        return f'<c r="{ref}"{attrs}><v>{value!r}</v></c>'
                    xml, k = _cell_xml(ref).subn(sub, xml, count=1)
                    assert k == 1, ref
                return xml
            edit_xml(current, target, sheet, fn)
            current = target
        if current != dst:
            shutil.copy(current, dst)
        return dst
    return run


__all__ = ["cell_ref", "location", "edit", "set_value", "insert_row", "delete_row",
           "rename_sheet", "move_column", "hidden_feeder", "stale_value", "typed_constants"]
