"""Numbers people type as text in Indonesian spreadsheets: `66%`, `0,5`, `1.234.567,89`,
`Rp 2.072.337.900`, `0,50 %`. DOMAIN.md: `0,5` is a decimal, never a range.

One parser serves the reader and the formula audit (`lkjip_xl.audit.numtext`); `parse` gives
the number probably meant, in the unit written (`66%` -> 66.0), or None when the text is no number
(digits grouped by spaces, such as a NIP, are an identifier).
"""

from __future__ import annotations

import math

from lkjip_xl.audit.numtext import typed_number


def parse(text: str) -> float | None:
    s = text.strip()
    if s.endswith("%"):  # in the indicator's own unit: "66%" typed for a % indicator means 66
        s = s[:-1]
    got = typed_number(s)
    if got is None or not math.isfinite(got[0]):  # "1e309" overflows: no number anyone meant
        return None
    return got[0]


def is_percent_text(text: str) -> bool:
    return text.strip().endswith("%")
