"""What number did the person who typed this text mean? ("1.234,5", "Rp 2.072.337.900", "66%")

Staff type Indonesian forms (DOMAIN.md, "Numbers people type"): "." groups thousands and ","
marks decimals, "Rp" leads money, "%" may follow after a space. Excel then keeps the cell as text
and SUM skips it. `typed_number` returns the number most probably meant (as Excel would store
it: 66% is 0.66), or None when the text is no number at all. Where the text reads both ways
("1.234": one thousand two hundred thirty-four in Indonesian, 1.234 in English) the Indonesian
reading wins, as the workbooks are Indonesian, and the other is returned as the alternative.
"""

from __future__ import annotations

import math
import re

_ID_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.234.567,89
_EN_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")  # 1,234,567.89
_ID_DECIMAL = re.compile(r"^\d*,\d+$")  # 0,5
_EN_DECIMAL = re.compile(r"^\d*\.\d+$")  # 0.5
_PLAIN = re.compile(r"^\d+$")
_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.I)


def typed_number(text: str) -> tuple[float, float | None] | None:
    """(probable value, other reading or None), or None when `text` is no number."""
    s = text.replace("\u00a0", " ").strip()
    if not s or not any(ch.isdigit() for ch in s):
        return None
    money = bool(_PREFIX.match(s))
    s = _PREFIX.sub("", s)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s[:1] in "+-":
        negative, s = s[0] == "-", s[1:].strip()
    money = money or bool(_PREFIX.match(s))
    s = _PREFIX.sub("", s)
    percent = s.endswith("%")
    if percent:
        s = s[:-1].strip()
    if " " in s:  # digits grouped by spaces are an ID (NIP "19610804 198603 1 019"), not a number
        return None
    value: float | None
    other: float | None = None
    if _PLAIN.match(s):
        if len(s) > 15:  # beyond Excel's 15 digits: an identifier (NIP has 18, NIK 16), no number
            return None
        value = float(s)
    elif _ID_GROUPED.match(s):
        value = float(s.replace(".", "").replace(",", "."))
        if "," not in s and s.count(".") == 1:
            other = float(s)
    elif _EN_GROUPED.match(s):
        value = float(s.replace(",", ""))
        if "." not in s and s.count(",") == 1:
            # "1,234": English thousands, or an Indonesian decimal; prefer Indonesian
            value, other = float(s.replace(",", ".")), value
    elif _ID_DECIMAL.match(s):
        value = float(s.replace(",", "."))
    elif _EN_DECIMAL.match(s):
        value = float(s)
    else:
        try:
            value = float(s) if re.fullmatch(r"\d+(?:\.\d+)?[eE][+-]?\d+", s) else None
        except ValueError:
            value = None
    if value is None:
        return None
    if money:  # "Rp 1.500" is rupiah: the dot groups thousands
        other = None

    def finish(x: float) -> float:
        x = -x if negative else x
        return x / 100.0 if percent else x
    return finish(value), (finish(other) if other is not None else None)


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
