"""Numbers people type as text in Indonesian spreadsheets: `66%`, `0,5`, `1.234.567,89`,
`Rp 2.072.337.900`, `0,50 %`. DOMAIN.md: `0,5` is a decimal, never a range.

`parse` returns the number probably meant (in the unit written: `66%` -> 66.0) or None when the
text is not a number at all.
"""

from __future__ import annotations

import re

_CLEAN = re.compile(r"^\s*(?:rp\.?\s*)?(?P<num>[-+]?[\d.,\s]*\d)\s*(?P<pct>%)?\s*$", re.IGNORECASE)
_THOUSANDS_DOT = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse(text: str) -> float | None:
    m = _CLEAN.match(text)
    if not m:
        return None
    s = m.group("num").replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS_DOT.match(s):  # 1.234.567,89 (Indonesian)
        s = s.replace(".", "").replace(",", ".")
    elif _THOUSANDS_COMMA.match(s) and "." in s:  # 1,234,567.89 (English) with decimals
        s = s.replace(",", "")
    elif "," in s and "." not in s:  # 0,5 -> a decimal comma
        if s.count(",") > 1:
            return None
        s = s.replace(",", ".")
    elif "," in s and "." in s:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def is_percent_text(text: str) -> bool:
    return text.strip().endswith("%")
