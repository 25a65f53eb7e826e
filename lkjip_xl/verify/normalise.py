"""Formula text in a canonical form, so that equal formulas compare equal whoever saved them.

LibreOffice rewrites formula text on save: it may add `_xlfn.` prefixes, write `TRUE()` for
`TRUE`, quote sheet names that need no quotes ('RKT'!A1), write 1E-9 as 0.000000001, change
letter case or spacing. None of
that changes the formula; string literals are kept exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lkjip_xl.schema import quote_sheet

_STRING = re.compile(r'"(?:[^"]|"")*"')
_PREFIX = re.compile(r"_XL(?:FN|WS|UDF)\.")
_BOOL_CALL = re.compile(r"\b(TRUE|FALSE)\(\)")
_NEEDLESS_QUOTES = re.compile(r"'([A-Z_][A-Z0-9_.]*)'!")
_SPACE = re.compile(r"\s+")
# a number literal, not part of a reference or a name (A1, $B$5, PR_MIN, LOG10(...))
_NUMBER = re.compile(r"(?<![A-Z0-9_$.!])(\d+\.?\d*(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?)(?![A-Z0-9_(.!$:])")


def _number(m: re.Match[str]) -> str:
    return repr(float(m.group(1)))  # 1E-9, 0.000000001 and 1e-09 are one number


def _outside(text: str) -> str:
    text = _SPACE.sub("", text.upper())
    text = _PREFIX.sub("", text)
    text = _BOOL_CALL.sub(r"\1", text)
    text = _NEEDLESS_QUOTES.sub(r"\1!", text)
    return _NUMBER.sub(_number, text)


@lru_cache(maxsize=65536)
def normalise(formula: str) -> str:
    """Canonical text of a formula (with or without its leading '=')."""
    text = formula.strip()
    if text.startswith("="):
        text = text[1:]
    out: list[str] = []
    pos = 0
    for m in _STRING.finditer(text):
        out.append(_outside(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_outside(text[pos:]))
    return "".join(out)


def rename_sheets(formula: str, renamed: dict[str, str]) -> str:
    """Replace references to renamed sheets by their layout names (quoted as the layout quotes)."""

    for layout_name, actual in renamed.items():
        quoted = re.escape("'" + actual.replace("'", "''") + "'")
        pattern = r"(?<![A-Za-z0-9_.'])(?:" + quoted + "|" + re.escape(actual) + ")!"
        replacement = f"{quote_sheet(layout_name)}!".replace("\\", "\\\\")
        formula = re.sub(pattern, replacement, formula)
    return formula


__all__ = ["normalise", "rename_sheets"]
