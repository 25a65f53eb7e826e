"""A cell's value as the reader wants it: text, number or nothing. One small toolkit, so every
module that reads a cell decides "empty", "the code typed here" and "a number" the same way.

A grid cell holds None, a float (or int), a bool, str or an ErrorValue. The variants differ on
purpose and say so in their names:
- `cell_text`: text as a spreadsheet shows it (a whole float without ".0"), None when empty;
- `plain_text`: any value's str(), stripped, None when empty (data files: a float keeps ".0");
- `is_blank`: nothing typed (None, or only blanks);
- `cell_number`: a number the cell holds as a number; text that looks like one is not one here
  (the reader's `_Conv.number` is where typed text is interpreted and reported).
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.xlsx.grid import ErrorValue


def is_blank(v: Any) -> bool:
    """Nothing typed: an empty cell or one holding only blanks (an error value is not blank)."""
    return v is None or (isinstance(v, str) and not v.strip())


def plain_text(v: Any) -> str | None:
    """str(v) with outer blanks dropped, None for None or nothing left."""
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def cell_text(v: Any) -> str | None:
    """A cell's value as text, the way the reader reads codes and labels: None when empty or an
    error value, a whole float without its ".0", outer blanks dropped."""
    if v is None or isinstance(v, ErrorValue):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


def cell_number(v: Any) -> float | None:
    """The number a cell holds as a number (bool excluded), else None."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return float(v)


__all__ = ["cell_number", "cell_text", "is_blank", "plain_text"]
