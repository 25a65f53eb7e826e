"""Formula text -> R1C1 shape -> syntax tree.

`shape_of(formula, row, col)` rewrites every A1 reference relative to the formula's own cell into
an R1C1 form between backticks, e.g. in F7 `=D7*$B$2+Data!A:A` becomes
``=`R[0]C[-2]`*`R2C2`+`Data!C1:C1` ``. Cells of one column filled from one formula share one shape,
so the shape is the key under which a formula is parsed and compiled once, and comparing shapes
is how the audit finds the cell whose formula differs from its neighbours'.

`parse(shape)` builds a small tree of tuples (see `Node` below) with a Pratt parser that follows
Excel's operator precedence (range ":" binds tightest, then negation, %, ^, * /, + -, &, and the
comparisons; "-2^2" is 4 in Excel).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lkjip_xl.audit.values import ERRORS
from lkjip_xl.xlsx.a1 import MAX_COL, MAX_ROW, col_index, col_letter, quote_sheet


class FormulaSyntaxError(ValueError):
    """The formula does not parse (or uses syntax the evaluator does not support)."""


class DdeFormula(FormulaSyntaxError):
    """A DDE link (`=app|topic!item`): reported, never run."""


_A1 = re.compile(
    r"""
    (?P<str>"(?:[^"]|"")*")
    |(?P<ws>\s+)
    |(?P<err>\#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA))
    |(?P<ref>
        (?<![\w.$'\]!\\])
        (?P<sheet>(?:'(?:[^']|'')+'|\[\d+\](?:[^\W\d][\w.]*)?|[^\W\d][\w.]*)!)?
        (?:
            (?P<c1>\$?[A-Za-z]{1,3}\$?\d+)(?::(?P<c2>\$?[A-Za-z]{1,3}\$?\d+))?
           |(?P<col1>\$?[A-Za-z]{1,3}):(?P<col2>\$?[A-Za-z]{1,3})
           |(?P<row1>\$?\d+):(?P<row2>\$?\d+)
        )
        (?![\w.(\[!\\])
    )
    """,
    re.VERBOSE,
)

_CELL_PARTS = re.compile(r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)")


def _axis(value: int, absolute: bool, base: int, letter: str) -> str:
    return f"{letter}{value}" if absolute else f"{letter}[{value - base}]"


def shape_of(formula: str, row: int, col: int) -> str:
    """The formula with its A1 references rewritten in R1C1 form relative to (row, col)."""
    text = formula[1:] if formula.startswith("=") else formula
    out: list[str] = []
    pos = 0
    for m in _A1.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws":
            # a space between two operands is Excel's intersection operator; elsewhere it is layout
            before = text[:m.start()].rstrip()[-1:]
            after = text[m.end():m.end() + 1]
            if before and after and (before.isalnum() or before in ")$'`") and (
                    after.isalnum() or after in "($'"):
                out.append(" ")
            continue
        if kind != "ref":
            out.append(m.group(0))
            continue
        body = _ref_body(m, row, col)
        if body is None:  # looked like a reference but is none (ZZZZ1, A0): keep the text
            out.append(m.group(0))
            continue
        out.append("`" + _sheet_key(m.group("sheet")) + body + "`")
    out.append(text[pos:])
    return "=" + "".join(out)


def _sheet_key(prefix: str | None) -> str:
    if not prefix:
        return ""
    name = prefix[:-1]
    if name.startswith("'"):
        name = name[1:-1].replace("''", "'")
    return name.replace("`", "") + "!"


def _ref_body(m: re.Match[str], row: int, col: int) -> str | None:
    if m.group("c1"):
        parts = []
        for text in (m.group("c1"), m.group("c2")):
            if text is None:
                continue
            cabs, letters, rabs, digits = _CELL_PARTS.fullmatch(text).groups()  # type: ignore[union-attr]
            r, c = int(digits), col_index(letters)
            if not (1 <= r <= MAX_ROW and 1 <= c <= MAX_COL):
                return None
            parts.append(_axis(r, bool(rabs), row, "R") + _axis(c, bool(cabs), col, "C"))
        return ":".join(parts)
    if m.group("col1"):
        cs = []
        for text in (m.group("col1"), m.group("col2")):
            c = col_index(text.lstrip("$"))
            if not 1 <= c <= MAX_COL:
                return None
            cs.append(_axis(c, text.startswith("$"), col, "C"))
        return ":".join(cs)
    rs = []
    for text in (m.group("row1"), m.group("row2")):
        r = int(text.lstrip("$"))
        if not 1 <= r <= MAX_ROW:
            return None
        rs.append(_axis(r, text.startswith("$"), row, "R"))
    return ":".join(rs)


# ---------------------------------------------------------------------------------------------
# the syntax tree


@dataclass(frozen=True)
class RefSpec:
    """A reference inside a shape: each bound is (value, absolute). Relative values are offsets
    from the formula's cell. `kind` is "cell", "area", "cols" or "rows"."""

    sheet: str | None  # None: the formula's own sheet
    kind: str
    r1: tuple[int, bool]
    c1: tuple[int, bool]
    r2: tuple[int, bool]
    c2: tuple[int, bool]

    @property
    def external(self) -> bool:
        return self.sheet is not None and self.sheet.startswith("[")

    def resolve(self, row: int, col: int) -> tuple[int, int, int, int]:
        """Absolute (r1, c1, r2, c2) for a formula in (row, col), ordered top-left first."""
        r1 = self.r1[0] if self.r1[1] else row + self.r1[0]
        c1 = self.c1[0] if self.c1[1] else col + self.c1[0]
        r2 = self.r2[0] if self.r2[1] else row + self.r2[0]
        c2 = self.c2[0] if self.c2[1] else col + self.c2[0]
        if self.kind == "cols":
            r1, r2 = 1, MAX_ROW
        elif self.kind == "rows":
            c1, c2 = 1, MAX_COL
        if r1 > r2:
            r1, r2 = r2, r1
        if c1 > c2:
            c1, c2 = c2, c1
        return r1, c1, r2, c2


_R1C1_AXIS = re.compile(r"([RC])(?:\[(-?\d+)\]|(\d+))")


def _parse_refspec(text: str) -> RefSpec:
    sheet = None
    if "!" in text:
        sheet, text = text.rsplit("!", 1)
    ends = text.split(":")
    bounds: list[dict[str, tuple[int, bool]]] = []
    for end in ends:
        got: dict[str, tuple[int, bool]] = {}
        for m in _R1C1_AXIS.finditer(end):
            got[m.group(1)] = (int(m.group(2)), False) if m.group(2) is not None else (
                int(m.group(3)), True)
        bounds.append(got)
    a, b = bounds[0], bounds[-1]
    if "R" in a and "C" in a:
        kind = "cell" if len(bounds) == 1 else "area"
        return RefSpec(sheet, kind, a["R"], a["C"], b["R"], b["C"])
    if "C" in a:
        return RefSpec(sheet, "cols", (1, True), a["C"], (MAX_ROW, True), b["C"])
    return RefSpec(sheet, "rows", a["R"], (1, True), b["R"], (MAX_COL, True))


# Node: ("num", float) ("str", s) ("bool", b) ("err", ErrorValue) ("missing",)
#       ("ref", RefSpec) ("name", NAME, scope-sheet|None) ("neg", n) ("pct", n)
#       ("bin", op, a, b) ("range", a, b) ("call", NAME, [args]) ("arr", [[node]])
Node = tuple[Any, ...]

_TOKEN = re.compile(
    r"""
    (?P<ref>`[^`]*`)
    |(?P<str>"(?:[^"]|"")*")
    |(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
    |(?P<err>\#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA))
    |(?P<func>[A-Za-z_\\][\w.]*\()
    |(?P<sheetref>(?:'(?:[^']|'')+'|\[\d+\][\w.]*|[^\W\d][\w.]*)!(?:\#REF!|[A-Za-z_\\][\w.?\\]*))
    |(?P<name>[^\W\d][\w.?\\]*|\\[\w.?\\]*)
    |(?P<op><>|<=|>=|[-+*/^&=<>%:])
    |(?P<punct>[(),;{}])
    |(?P<sp>\s+)
    |(?P<pipe>\|)
    |(?P<bad>.)
    """,
    re.VERBOSE,
)

_BINARY_BP = {":": 80, "^": 50, "*": 40, "/": 40, "+": 30, "-": 30, "&": 20,
              "=": 10, "<>": 10, "<": 10, ">": 10, "<=": 10, ">=": 10}
_NEG_BP = 60
_PCT_BP = 70
_PREFIXES = ("_XLFN._XLWS.", "_XLFN.", "_XLWS.", "_XLUDF.")


def function_name(raw: str) -> str:
    name = raw.upper()
    for p in _PREFIXES:
        if name.startswith(p):
            return name[len(p):]
    return name


def _tokens(shape: str) -> list[tuple[str, str]]:
    text = shape[1:] if shape.startswith("=") else shape
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "bad"
        if kind == "sp":
            out.append(("sp", " "))
            continue
        if kind == "pipe":
            raise DdeFormula("DDE link")
        if kind == "bad":
            raise FormulaSyntaxError(f"unexpected {m.group(0)!r}")
        out.append((kind, m.group(0)))
    # spaces only matter as the intersection operator, between two operands
    cleaned: list[tuple[str, str]] = []
    for i, tok in enumerate(out):
        if tok[0] != "sp":
            cleaned.append(tok)
            continue
        prev = cleaned[-1] if cleaned else None
        nxt = next((t for t in out[i + 1:] if t[0] != "sp"), None)
        if prev and nxt and (prev[0] in ("ref", "name", "sheetref") or prev[1] == ")") and (
                nxt[0] in ("ref", "name", "sheetref", "func") or nxt[1] == "("):
            raise FormulaSyntaxError("intersection operator")
    return cleaned


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise FormulaSyntaxError("unexpected end of formula")
        self.i += 1
        return tok

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok[1] != text:
            raise FormulaSyntaxError(f"expected {text!r}, got {tok[1]!r}")

    def expr(self, min_bp: int = 0) -> Node:
        left = self.prefix()
        while True:
            tok = self.peek()
            if tok is None or tok[0] != "op":
                return left
            op = tok[1]
            if op == "%":
                if _PCT_BP < min_bp:
                    return left
                self.i += 1
                left = ("pct", left)
                continue
            bp = _BINARY_BP[op]
            if bp <= min_bp:
                return left
            self.i += 1
            right = self.expr(bp)  # left-associative, ^ included (Excel: 2^3^2 = 64)
            left = ("range", left, right) if op == ":" else ("bin", op, left, right)

    def prefix(self) -> Node:
        kind, text = self.take()
        if kind == "op" and text in "+-":
            operand = self.expr(_NEG_BP)
            return ("neg", operand) if text == "-" else operand
        if kind == "num":
            return ("num", float(text))
        if kind == "str":
            return ("str", text[1:-1].replace('""', '"'))
        if kind == "err":
            return ("err", ERRORS[text])
        if kind == "ref":
            return ("ref", _parse_refspec(text[1:-1]))
        if kind == "func":
            return self.call(function_name(text[:-1]))
        if kind == "sheetref":
            sheet, name = text.rsplit("!", 1)
            if name == "#REF!":
                return ("err", ERRORS["#REF!"])
            if sheet.startswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
            return ("name", name.upper(), sheet)
        if kind == "name":
            upper = text.upper()
            if upper in ("TRUE", "FALSE"):
                return ("bool", upper == "TRUE")
            if "[" in text:
                raise FormulaSyntaxError("structured reference")
            return ("name", upper, None)
        if text == "(":
            inner = self.expr()
            if self.peek() == ("punct", ","):
                raise FormulaSyntaxError("union operator")
            self.expect(")")
            return inner
        if text == "{":
            return self.array()
        raise FormulaSyntaxError(f"unexpected {text!r}")

    def call(self, name: str) -> Node:
        args: list[Node] = []
        if self.peek() == ("punct", ")"):
            self.i += 1
            return ("call", name, args)
        while True:
            tok = self.peek()
            if tok is not None and tok[1] in (",", ")"):
                args.append(("missing",))
            else:
                args.append(self.expr())
            tok = self.take()
            if tok[1] == ")":
                return ("call", name, args)
            if tok[1] != ",":
                raise FormulaSyntaxError(f"expected ',' or ')', got {tok[1]!r}")

    def array(self) -> Node:
        rows: list[list[Node]] = [[]]
        while True:
            node = self.prefix()
            if node[0] not in ("num", "str", "bool", "err", "neg"):
                raise FormulaSyntaxError("array constants hold constants only")
            rows[-1].append(node)
            tok = self.take()
            if tok[1] == "}":
                break
            if tok[1] == ";":
                rows.append([])
            elif tok[1] != ",":
                raise FormulaSyntaxError(f"unexpected {tok[1]!r} in array constant")
        if len({len(r) for r in rows}) != 1:
            raise FormulaSyntaxError("ragged array constant")
        return ("arr", rows)


def parse(shape: str) -> Node:
    """The syntax tree of a shape (or of a plain formula without A1 references)."""
    p = _Parser(_tokens(shape))
    if p.peek() is None:
        raise FormulaSyntaxError("empty formula")
    node = p.expr()
    if p.peek() is not None:
        raise FormulaSyntaxError(f"unexpected {p.peek()[1]!r}")  # type: ignore[index]
    return node


def walk(node: Node) -> Any:
    """Every node of a tree, depth first."""
    yield node
    tag = node[0]
    if tag in ("neg", "pct"):
        yield from walk(node[1])
    elif tag == "bin":
        yield from walk(node[2])
        yield from walk(node[3])
    elif tag == "range":
        yield from walk(node[1])
        yield from walk(node[2])
    elif tag == "call":
        for a in node[2]:
            yield from walk(a)


_BACKTICK = re.compile(r"`([^`]*)`")


def skeleton(shape: str) -> str:
    """A shape with its references blanked: formulas alike but for where they point."""
    return _BACKTICK.sub("`ref`", shape)


class Renderer:
    """A shape written back in A1 form at any cell, fast: the pieces are prepared once.

    Used two ways: to show the formula a neighbour's pattern gives in a cell, and to skip the
    A1 -> R1C1 rewrite for a cell whose formula is its upper neighbour's shape rendered here
    (true for nearly every cell of a filled-down column)."""

    __slots__ = ("pieces",)

    def __init__(self, shape: str) -> None:
        self.pieces: list[Any] = []
        pos = 0
        for m in re.finditer(r'"(?:[^"]|"")*"|`[^`]*`', shape):
            self.pieces.append(shape[pos:m.start()])
            text = m.group(0)
            if text.startswith("`"):
                spec = _parse_refspec(text[1:-1])
                prefix = quote_sheet(spec.sheet) + "!" if spec.sheet else ""
                self.pieces.append(_ref_writer(prefix, spec))
            else:
                self.pieces.append(text)
            pos = m.end()
        self.pieces.append(shape[pos:])

    def render(self, row: int, col: int) -> str:
        return "".join([p if type(p) is str else p(row, col) for p in self.pieces])


def _axis_writer(v: tuple[int, bool], is_col: bool) -> Any:
    n, absolute = v
    if absolute:
        text = "$" + (col_letter(n) if is_col else str(n))
        return lambda base: text
    if is_col:
        return lambda base: col_letter(base + n) if base + n >= 1 else "#REF!"
    return lambda base: str(base + n) if base + n >= 1 else "#REF!"


def _ref_writer(prefix: str, spec: RefSpec) -> Any:
    c1, r1 = _axis_writer(spec.c1, True), _axis_writer(spec.r1, False)
    c2, r2 = _axis_writer(spec.c2, True), _axis_writer(spec.r2, False)
    if spec.kind == "cols":
        return lambda row, col: prefix + c1(col) + ":" + c2(col)
    if spec.kind == "rows":
        return lambda row, col: prefix + r1(row) + ":" + r2(row)
    if spec.kind == "cell":
        return lambda row, col: prefix + c1(col) + r1(row)
    return lambda row, col: prefix + c1(col) + r1(row) + ":" + c2(col) + r2(row)


def formula_at(shape: str, row: int, col: int) -> str:
    """The A1 formula a shape gives in cell (row, col): the neighbours' formula, had it been
    filled into this cell too."""
    return Renderer(shape).render(row, col)
