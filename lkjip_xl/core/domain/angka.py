"""Sums and means that skip empty values, the way Excel's SUM and AVERAGE skip blank cells.

`None` is "not reported" and is skipped; 0 is a value and counts. Unlike Excel (SUM of blanks is 0,
AVERAGE of blanks is #DIV/0!), both return None when nothing was reported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

Angka = float | None

# Two numbers this close (relative) are the same number when a rule turns numbers into a label or a
# flag (predicate band, improved or not, TW IV = annual target, a fall). Floating point makes
# 9.1 / 10 * 100 = 90.99999999999999, and LibreOffice's comparisons treat it as 91: without a
# tolerance a 91 % capaian would fall into the band below in Python and not in the workbook.
REL_TOL = 1e-9


def dekat(a: float, b: float) -> bool:
    """|a - b| <= 1e-9 * max(|a|, |b|): equal up to floating-point noise (no absolute slack)."""
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)


def lebih(a: float, b: float) -> bool:
    """a > b by more than noise: a > b and not dekat(a, b)."""
    return a > b and not dekat(a, b)


def jumlah(values: Iterable[float | None]) -> float | None:
    """Sum of the non-None values, added left to right as doubles; None if all are None."""
    total = 0.0
    seen = False
    for v in values:
        if v is not None:
            total += v
            seen = True
    return total if seen else None


def rerata(values: Iterable[float | None]) -> float | None:
    """Mean of the non-None values (their `jumlah` / their count); None if all are None."""
    present = [v for v in values if v is not None]
    total = jumlah(present)
    return None if total is None else total / len(present)


def terakhir(values: Iterable[float | None]) -> float | None:
    """The last non-None value; None if all are None."""
    last: float | None = None
    for v in values:
        if v is not None:
            last = v
    return last
