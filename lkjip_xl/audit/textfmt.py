"""TEXT(value, format) for the number formats workbooks use: 0, 0.00, #,##0, 0%, literal prefixes
and suffixes ("Rp "#,##0), sections pos;neg;zero, General, @, and dates (dd/mm/yyyy, mmmm yyyy).
Anything else raises `Unsupported` and the caller asks the `formulas` package instead.
Month and day names are English, as in an en-US Excel or LibreOffice.
"""

from __future__ import annotations

import re
from typing import Any

from lkjip_xl.audit import values as xv
from lkjip_xl.xlsx.grid import ErrorValue


class Unsupported(Exception):
    pass


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _sections(fmt: str) -> list[str]:
    out, buf, quoted, i = [], [], False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(fmt):
            buf.append(fmt[i:i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            out.append("".join(buf))
            buf = []
            i += 1
            continue
        buf.append(ch)
        i += 1
    out.append("".join(buf))
    return out


def _tokens(section: str) -> list[tuple[str, str]]:
    """("lit", text) and ("code", text) pieces of one section."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.index('"', i + 1) if '"' in section[i + 1:] else len(section)
            out.append(("lit", section[i + 1:j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            out.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2
        elif ch == "[":
            j = section.find("]", i)
            tag = section[i + 1:j] if j > 0 else ""
            if re.fullmatch(r"(?i)black|blue|cyan|green|magenta|red|white|yellow|color\d+", tag):
                i = j + 1
                continue
            raise Unsupported(f"[{tag}]")
        else:
            out.append(("code", ch))
            i += 1
    return out


def format_value(v: Any, fmt: str) -> Any:
    if type(v) is ErrorValue:
        return v
    sections = _sections(fmt)
    if fmt.strip().lower() in ("general", ""):
        return xv.to_text(v) if fmt.strip() else ""
    if v is None:
        v = 0.0
    if type(v) is bool:
        return xv.to_text(v)
    if type(v) is str:
        n = xv.text_to_number(v)
        if n is None:
            if len(sections) >= 4:
                return "".join(t if k == "lit" else (v if t == "@" else t)
                               for k, t in _tokens(sections[3]))
            return v
        v = n
    x = float(v)
    if fmt.strip() == "@":
        return xv.number_to_text(x)
    if x < 0 and len(sections) >= 2:
        section, x, sign = sections[1], -x, ""
    elif x == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if x < 0 else ""
        x = abs(x)
    toks = _tokens(section)
    codes = "".join(t for k, t in toks if k == "code")
    if re.search(r"[yYdDhHsS]|[mM]", re.sub(r"(?i)am/pm|a/p", "", codes)) and not re.search(
            r"[0#?]", codes):
        return _date(x, toks)
    return sign + _number(x, toks)


def _number(x: float, toks: list[tuple[str, str]]) -> str:
    places = [i for i, (k, t) in enumerate(toks) if k == "code" and t in "0#?"]
    if not places:
        return "".join(t for _, t in toks)
    first, last = places[0], places[-1]
    middle = toks[first:last + 1]
    if any(k == "lit" or t not in "0#?,." for k, t in middle):
        raise Unsupported("literal inside the number")
    after = toks[last + 1:]
    pct = sum(1 for k, t in toks if k == "code" and t == "%")
    scale = 0
    while after and after[0] == ("code", ","):
        scale += 1
        after = after[1:]
    for k, t in toks[:first] + after:
        if k == "code" and t not in "%$-+()/: " and not t.isspace():
            raise Unsupported(t)
    x = x * 100 ** pct / 1000 ** scale
    pattern = "".join(t for _, t in middle)
    int_pat, _, dec_pat = pattern.partition(".")
    group = "," in int_pat
    int_pat = int_pat.replace(",", "")
    dec_pat = dec_pat.replace(",", "")
    q = xv.round_excel(x, len(dec_pat)) if x else 0.0
    if type(q) is ErrorValue:
        raise Unsupported("overflow")
    text = f"{q:.{len(dec_pat)}f}"
    ipart, _, dpart = text.partition(".")
    min_int = int_pat.count("0")
    ipart = ipart.lstrip("0")
    if group and ipart:
        ipart = f"{int(ipart):,}"
    ipart = ipart.rjust(min_int, "0")
    num = ipart
    if dec_pat:
        required = len(dec_pat.rstrip("#?"))
        kept = dpart.rstrip("0")
        if len(kept) < required:
            kept = dpart[:required]
        num = ipart + "." + kept
    prefix = "".join(t for _, t in toks[:first])
    suffix = "".join(t for _, t in after)
    return prefix + num + suffix


def _date(x: float, toks: list[tuple[str, str]]) -> str:
    import datetime as _dt

    ymd = xv.serial_ymd(x)
    if ymd is None:
        raise Unsupported("date out of range")
    y, mo, d = ymd
    secs = int(round((x - int(x)) * 86400))
    hh, mm, ss = secs // 3600 % 24, secs // 60 % 60, secs % 60
    items: list[tuple[str, str]] = []  # ("lit", text), ("run", "yyyy"), ("ampm", "")
    i = 0
    while i < len(toks):
        k, t = toks[i]
        if k == "code" and t.lower() in "ymdhs":
            j = i
            while j < len(toks) and toks[j][0] == "code" and toks[j][1].lower() == t.lower():
                j += 1
            items.append(("run", t.lower() * (j - i)))
            i = j
            continue
        if k == "code" and "".join(tt for _, tt in toks[i:i + 5]).lower() == "am/pm":
            items.append(("ampm", ""))
            i += 5
            continue
        items.append(("lit", t))
        i += 1
    runs = [t for k, t in items if k == "run"]
    ampm = any(k == "ampm" for k, _ in items)
    out = []
    n = 0
    for k, t in items:
        if k == "lit":
            out.append(t)
            continue
        if k == "ampm":
            out.append("AM" if hh < 12 else "PM")
            continue
        prev = runs[n - 1] if n > 0 else ""
        nxt = runs[n + 1] if n + 1 < len(runs) else ""
        n += 1
        w = len(t)
        if t[0] == "y":
            out.append(str(y) if w > 2 else f"{y % 100:02d}")
        elif t[0] == "m" and (prev.startswith("h") or nxt.startswith("s")):
            out.append(f"{mm:02d}" if w >= 2 else str(mm))
        elif t[0] == "m":
            name = _MONTHS[mo - 1]
            out.append([str(mo), f"{mo:02d}", name[:3], name, name[0]][min(w, 5) - 1])
        elif t[0] == "d":
            if w <= 2:
                out.append(f"{d:02d}" if w == 2 else str(d))
            else:
                wd = "Wednesday" if (y, mo, d) == (1900, 2, 29) else _DAYS[
                    _dt.date(y, mo, d).weekday()]
                out.append(wd[:3] if w == 3 else wd)
        elif t[0] == "h":
            h = (hh % 12 or 12) if ampm else hh
            out.append(f"{h:02d}" if w >= 2 else str(h))
        else:
            out.append(f"{ss:02d}" if w >= 2 else str(ss))
    return "".join(out)
