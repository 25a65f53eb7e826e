"""When a value found in a workbook is the value expected: the one comparison rule of every check.

Numbers agree within 1e-9 relative (the domain's own noise, domain.angka.REL_TOL) plus 1e-9
absolute, because LibreOffice snaps differences near zero (0.1+0.2-0.3 is cached as 0). Empty
and "" are the same (a quiet formula shows ""), a bool is only a bool, error values agree by
code, and text agrees once stripped (inputs are read stripped) with a whole float read as the
integer it shows (a code 2019 typed as a number).
"""

from __future__ import annotations

import math
from typing import Any

from lkjip_xl.core.domain.angka import REL_TOL
from lkjip_xl.xlsx.grid import ErrorValue

ABS_TOL = 1e-9
_NUMBERS = (int, float)


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= ABS_TOL + REL_TOL * max(abs(a), abs(b))


def same_value(found: Any, expected: Any) -> bool:
    tf, te = type(found), type(expected)
    if tf is float and te is float:  # the common case first
        return abs(found - expected) <= ABS_TOL + REL_TOL * max(abs(found), abs(expected))
    if expected is None or expected == "":
        return found is None or found == ""
    if found is None or found == "":
        return False
    if tf is bool or te is bool:
        return tf is te and found == expected
    if tf is ErrorValue or te is ErrorValue:
        return tf is te and found.code == expected.code
    if isinstance(expected, _NUMBERS):
        if not isinstance(found, _NUMBERS) or math.isnan(found):
            return False
        return same_number(float(found), float(expected))
    if tf is float and found.is_integer():
        found = int(found)
    return str(found).strip() == str(expected).strip()


__all__ = ["ABS_TOL", "REL_TOL", "same_number", "same_value"]
