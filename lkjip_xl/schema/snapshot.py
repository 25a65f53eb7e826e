"""A plain snapshot of the layout: every sheet, form field, table, column and formula template.

The test suite compares it with the committed golden copy (tests/golden/layout.json), so a
change that would stop older workbooks from being read (a renamed header, a moved field, an
edited formula) is made deliberately: regenerate the copy in the same commit with

    python -m lkjip_xl.schema.snapshot tests/golden/layout.json

and, for an edited formula, keep the old template in `Column.earlier`.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from lkjip_xl.schema.sheets import SCHEMA_VERSION, SHEETS
from lkjip_xl.schema.types import Column, FormField, Table


def _column(c: Column) -> dict[str, Any]:
    out: dict[str, Any] = {"key": c.key, "header": c.header, "kind": c.kind}
    for name in ("choices", "bind", "since", "formula", "earlier"):
        value = getattr(c, name)
        if value not in ((), None, 1):
            out[name] = list(value) if isinstance(value, tuple) else value
    if c.ref is not None:
        out["ref"] = c.ref.table
    return out


def _field(f: FormField) -> dict[str, Any]:
    out: dict[str, Any] = {"key": f.key, "label": f.label, "row": f.row, "kind": f.kind}
    for name in ("choices", "name", "bind"):
        value = getattr(f, name)
        if value not in ((), None):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _table(t: Table) -> dict[str, Any]:
    out = {"key": t.key, "header_row": t.header_row, "row_key": t.row_key,
           "mirror": t.mirror, "unique": list(t.unique),
           "columns": [_column(c) for c in t.columns]}
    if t.moved_from:
        out["moved_from"] = list(t.moved_from)
    return out


def snapshot() -> dict[str, Any]:
    sheets = []
    for s in SHEETS:
        entry: dict[str, Any] = {"name": s.name, "kind": s.kind}
        if s.fields:
            entry["fields"] = [_field(f) for f in s.fields]
        tables = ((s.table,) if s.table else ()) + s.extra_tables
        if tables:
            entry["tables"] = [_table(t) for t in tables]
        if s.summary:
            entry["summary"] = [{"key": c.key, "row": c.row, "col": c.col, "formula": c.formula}
                                for c in s.summary]
        sheets.append(entry)
    return {"schema_version": SCHEMA_VERSION, "sheets": sheets}


def dumps() -> str:
    return json.dumps(snapshot(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        sys.stdout.write(dumps())
        return 0
    with open(args[0], "w", encoding="utf-8", newline="\n") as fh:
        fh.write(dumps())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
