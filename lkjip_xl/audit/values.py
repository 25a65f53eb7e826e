"""Excel's value semantics: coercion, comparison, number <-> text, rounding, date serials.

Values inside the evaluator are: float (every number; ints are widened on the way in so one
`type(v) is float` test suffices), str, bool, None (an empty cell), ErrorValue, and two containers:
`Rng` (a reference, kept as a reference until a consumer wants values, because INDEX, ISBLANK and
ROW need the reference itself) and `Arr` (an array: an array constant or an array-context result).

Where Excel and LibreOffice agree we follow both; where they differ we follow Excel and say so.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation
from typing import Any

from lkjip_xl.xlsx.grid import ErrorValue

NULL = ErrorValue("#NULL!")
DIV0 = ErrorValue("#DIV/0!")
VALUE = ErrorValue("#VALUE!")
REF = ErrorValue("#REF!")
NAME = ErrorValue("#NAME?")
NUM = ErrorValue("#NUM!")
NA = ErrorValue("#N/A")

ERRORS = {e.code: e for e in (NULL, DIV0, VALUE, REF, NAME, NUM, NA)}
ERRORS["#GETTING_DATA"] = ErrorValue("#GETTING_DATA")

# rtl::math::approxEqual's tolerance (LibreOffice), which is also what Excel's "15 digits" gives
_APPROX = 2.0 ** -48


class Rng:
    """A rectangle of cells on one sheet (1-based, inclusive). `sheet` is the evaluator's sheet."""

    __slots__ = ("sheet", "r1", "c1", "r2", "c2")

    def __init__(self, sheet: Any, r1: int, c1: int, r2: int, c2: int) -> None:
        self.sheet = sheet
        self.r1, self.c1, self.r2, self.c2 = r1, c1, r2, c2

    @property
    def rows(self) -> int:
        return self.r2 - self.r1 + 1

    @property
    def cols(self) -> int:
        return self.c2 - self.c1 + 1

    def is_cell(self) -> bool:
        return self.r1 == self.r2 and self.c1 == self.c2

    def __repr__(self) -> str:
        return f"Rng({getattr(self.sheet, 'name', self.sheet)!r}, {self.r1}, {self.c1}, {self.r2}, {self.c2})"


class Arr:
    """A 2-D array of scalar values (list of rows, all of one length)."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def flat(self) -> list[Any]:
        return [v for row in self.rows for v in row]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Arr) and self.rows == other.rows

    def __repr__(self) -> str:
        return f"Arr({self.rows!r})"


def is_error(v: Any) -> bool:
    return type(v) is ErrorValue


def widen(v: Any) -> Any:
    """A cell value from the grid in evaluator form (ints -> float, "#N/A" strings stay strings)."""
    t = type(v)
    if t is float or t is str or t is bool or v is None or t is ErrorValue:
        return v
    if t is int:
        return float(v)
    if isinstance(v, _dt.datetime):
        return datetime_to_serial(v)
    if isinstance(v, _dt.date):
        return datetime_to_serial(_dt.datetime(v.year, v.month, v.day))
    if isinstance(v, _dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400.0
    if isinstance(v, _dt.timedelta):
        return v.total_seconds() / 86400.0
    if isinstance(v, (int, float)):  # numpy scalars, Decimal subclasses of int, ...
        return float(v)
    return str(v)


# ---------------------------------------------------------------------------------------------
# numbers


def approx_equal(a: float, b: float) -> bool:
    if a == b:
        return True
    if a == 0.0 or b == 0.0:
        return False
    return abs(a - b) < abs(a) * _APPROX


def approx_add(a: float, b: float) -> float:
    """a + b, with the result snapped to 0 when it is only the float noise of a - a (Excel, Calc)."""
    r = a + b
    if r != 0.0 and ((a < 0.0) != (b < 0.0)) and approx_equal(a, -b):
        return 0.0
    return r


def checked(x: float) -> Any:
    if math.isnan(x) or math.isinf(x):
        return NUM
    return x


def to_num(v: Any) -> Any:
    """A scalar as a number for arithmetic: "" and text that is no number give #VALUE!."""
    t = type(v)
    if t is float:
        return v
    if v is None:
        return 0.0
    if t is bool:
        return 1.0 if v else 0.0
    if t is str:
        n = text_to_number(v)
        return VALUE if n is None else n
    if t is ErrorValue:
        return v
    return VALUE


_NUM_TEXT = re.compile(r"^\s*([+-]?)\s*(\$?)\s*(\()?\s*([0-9][0-9,]*\.?[0-9]*|\.[0-9]+)"
                       r"(?:[eE]([+-]?[0-9]+))?\s*(\))?\s*(%?)\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def text_to_number(s: str) -> float | None:
    """How Excel (en-US) reads text as a number in arithmetic and VALUE(): "1,234.5", "50%",
    "(12)", "1e3", "2024-01-31". None when it is no number."""
    m = _NUM_TEXT.match(s)
    if m:
        sign, _cur, lpar, digits, exp, rpar, pct = m.groups()
        if bool(lpar) != bool(rpar) or (lpar and sign):
            return None
        if "," in digits:  # thousands separators must sit in groups of three
            whole = digits.split(".")[0]
            if not re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", whole):
                return None
            digits = digits.replace(",", "")
        try:
            x = float(digits + (f"e{exp}" if exp else ""))
        except ValueError:
            return None
        if sign == "-" or lpar:
            x = -x
        if pct:
            x /= 100.0
        return x
    m = _ISO_DATE.match(s)
    if m:
        y, mo, d, hh, mm, ss = m.groups()
        try:
            serial = datetime_to_serial(_dt.datetime(int(y), int(mo), int(d)))
        except ValueError:
            return None
        if hh is not None:
            serial += (int(hh) * 3600 + int(mm) * 60 + int(ss or 0)) / 86400.0
        return serial
    m = _US_DATE.match(s)
    if m:
        try:
            return datetime_to_serial(_dt.datetime(int(m.group(3)), int(m.group(1)), int(m.group(2))))
        except ValueError:
            return None
    m = _TIME.match(s)
    if m:
        hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if mm < 60 and ss < 60:
            return (hh * 3600 + mm * 60 + ss) / 86400.0
    return None


def number_to_text(x: float) -> str:
    """A number as Excel's General format writes it in a formula result ("&", TEXT's "General")."""
    if x == 0:
        return "0"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    ax = abs(x)
    if 1e-9 <= ax < 1e15:
        s = format(Decimal(format(x, ".15g")), "f")
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return s
    mant, exp = format(x, ".14e").split("e")
    mant = mant.rstrip("0").rstrip(".")
    e = int(exp)
    return f"{mant}E{'+' if e >= 0 else '-'}{abs(e):02d}"


# ---------------------------------------------------------------------------------------------
# text and logic


def to_text(v: Any) -> Any:
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_text(v)
    if v is None:
        return ""
    if t is bool:
        return "TRUE" if v else "FALSE"
    if t is ErrorValue:
        return v
    return VALUE


def to_bool(v: Any) -> Any:
    """IF / AND / NOT condition: numbers are true when non-zero, "TRUE"/"FALSE" text is read."""
    t = type(v)
    if t is bool:
        return v
    if t is float:
        return v != 0.0
    if v is None:
        return False
    if t is str:
        u = v.strip().upper()
        if u == "TRUE":
            return True
        if u == "FALSE":
            return False
        return VALUE
    if t is ErrorValue:
        return v
    return VALUE


_TYPE_RANK = {float: 0, str: 1, bool: 2}


def compare(a: Any, b: Any) -> Any:
    """-1 / 0 / 1 as Excel orders scalars (numbers < text < logicals; text case-insensitive;
    an empty cell is 0, "" or FALSE as its partner's type says), or the first error."""
    ta, tb = type(a), type(b)
    if ta is ErrorValue:
        return a
    if tb is ErrorValue:
        return b
    if a is None:
        a = "" if tb is str else False if tb is bool else 0.0
        ta = type(a)
    if b is None:
        b = "" if ta is str else False if ta is bool else 0.0
        tb = type(b)
    if ta is tb:
        if ta is float:
            if approx_equal(a, b):
                return 0
            return -1 if a < b else 1
        if ta is str:
            a, b = a.lower(), b.lower()
        return 0 if a == b else (-1 if a < b else 1)
    ra, rb = _TYPE_RANK.get(ta, 3), _TYPE_RANK.get(tb, 3)
    return -1 if ra < rb else 1


# ---------------------------------------------------------------------------------------------
# rounding: Excel and Calc round the decimal number the user sees (15 significant digits), half
# away from zero. Python's round() and formulas' ROUND work on the binary double and get
# ROUND(1.005, 2) and ROUND(307.65/600*100, 2) wrong.


def _decimal(x: float) -> Decimal:
    return Decimal(format(x, ".15g"))


def round_excel(x: float, digits: float, mode: str = "half") -> Any:
    n = int(digits)  # Excel truncates the digits argument
    if not math.isfinite(x):
        return NUM
    if x == 0.0:
        return 0.0
    rounding = {"half": ROUND_HALF_UP, "up": ROUND_UP, "down": ROUND_DOWN}[mode]
    try:
        q = _decimal(x).quantize(Decimal(1).scaleb(-n), rounding=rounding)
    except InvalidOperation:  # more digits than the decimal context holds: nothing to round
        return x
    return float(q)


# ---------------------------------------------------------------------------------------------
# dates: serial numbers in the 1900 system, with Excel's fictitious 29 February 1900 (serial 60)

_EPOCH = _dt.datetime(1899, 12, 30)


def datetime_to_serial(d: _dt.datetime) -> float:
    delta = d - _EPOCH
    serial = delta.days + delta.seconds / 86400.0 + delta.microseconds / 86400e6
    if serial < 61:  # before 1 March 1900 Excel is one day behind the real calendar
        serial -= 1
    return float(serial)


def serial_to_date(serial: float) -> _dt.date | None:
    s = int(math.floor(serial))
    if s < 0 or s > 2958465:
        return None
    if s == 60:
        return None  # 1900-02-29 does not exist; callers special-case it
    if s < 60:
        s += 1
    return (_EPOCH + _dt.timedelta(days=s)).date()


def serial_ymd(serial: float) -> tuple[int, int, int] | None:
    if int(math.floor(serial)) == 60:
        return (1900, 2, 29)
    d = serial_to_date(serial)
    return None if d is None else (d.year, d.month, d.day)


def date_serial(y: int, m: int, d: int) -> float | None:
    """DATE(y, m, d): months and days overflow into the next year / month, as in Excel."""
    if 0 <= y < 1900:
        y += 1900
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    if y < 1900 or y > 9999:
        return None
    base = _dt.datetime(y, m, 1)
    serial = datetime_to_serial(base) + d - 1
    if serial < 0:
        return None
    return serial


class Unverifiable(Exception):
    """This cell's value cannot be recomputed here: its cached value stands in for it."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind  # "external", "dde-web", "unsupported", "syntax", "volatile"
        self.detail = detail


class RangeData:
    """The values of one rectangle, clamped to the workbook's used area, with lazy indexes."""

    __slots__ = ("vals", "nrows", "ncols", "nominal", "cache")

    def __init__(self, vals: list[Any], nrows: int, ncols: int, nominal: int) -> None:
        self.vals = vals
        self.nrows, self.ncols = nrows, ncols
        self.nominal = nominal  # cells in the rectangle as written (A:A is 1,048,576)
        self.cache: dict[Any, Any] = {}  # indexes built by criteria / lookup functions
