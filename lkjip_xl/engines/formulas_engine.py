"""The `formulas` package as a fallback evaluator and as an independent second opinion.

Three uses, all behind this one adapter so the package can be swapped:
- `call_function(name, args)`: one call of a function our evaluator does not implement
  (DATEDIF, STDEV, EOMONTH...), compiled once per (name, argument count) as
  `=NAME(X1, X2, ...)` and fed the argument values.
- `evaluate_formula(text, lookup)`: one whole formula, its inputs read through `lookup`.
- `recalculate(path)`: the whole workbook through `formulas.ExcelModel` (slow: small files only).

Known weaknesses of the package (why it is a fallback, not the engine): ROUND works on the binary
double (ROUND(1.005, 2) gives 1), and a model of a large workbook takes minutes to build.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from typing import Any

from lkjip_xl.audit.values import Arr
from lkjip_xl.core.errors import LkjipError
from lkjip_xl.xlsx.a1 import parse_cell
from lkjip_xl.xlsx.grid import ErrorValue


class FormulasError(LkjipError):
    """The `formulas` package could not compile or compute something."""


def _formulas() -> Any:
    try:
        import formulas
    except ImportError as exc:  # pragma: no cover - it is a dependency
        raise FormulasError("paket formulas tidak terpasang", "formulas is not installed") from exc
    return formulas


@lru_cache(maxsize=512)
def _compiled(text: str) -> Any:
    formulas = _formulas()
    try:
        return formulas.Parser().ast(text)[1].compile()
    except Exception as exc:
        raise FormulasError(f"formulas tidak dapat mengompilasi {text}",
                            f"formulas cannot compile {text}") from exc


def _placeholders(n: int) -> list[str]:
    return [f"X{i + 1}" for i in range(n)]


@lru_cache(maxsize=256)
def knows(name: str, nargs: int) -> bool:
    """Whether `formulas` implements function `name` (checked by compiling a call to it)."""
    try:
        formulas = _formulas()
        from formulas.functions import get_functions

        if name.upper() not in get_functions():
            return False
        _compiled(f"={name}({','.join(_placeholders(nargs))})")
        del formulas
        return True
    except Exception:
        return False


def knows_all(names: Any) -> bool:
    """Whether `formulas` implements every one of these function names."""
    try:
        from formulas.functions import get_functions

        table = get_functions()
    except Exception:
        return False
    return all(n.upper() in table for n in names)


def to_formulas(v: Any) -> Any:
    """One of our values as `formulas` wants it (arrays as numpy object arrays)."""
    import numpy as np
    import schedula as sh
    from formulas.tokens.operand import XlError


    if isinstance(v, Arr):
        return np.array([[to_formulas(x) for x in row] for row in v.rows], dtype=object)
    if v is None:
        return sh.EMPTY
    if isinstance(v, ErrorValue):
        return XlError(v.code)
    return v


def to_python(v: Any) -> Any:
    """A `formulas` result as a plain value: numbers as float, errors as ErrorValue,
    empty as None; a 1x1 array as its element."""
    import numpy as np
    import schedula as sh
    from formulas.tokens.operand import XlError

    if isinstance(v, np.ndarray):
        if v.size == 0:
            return None
        if v.size == 1:
            return to_python(v.reshape(-1)[0])

        return Arr([[to_python(x) for x in row] for row in np.atleast_2d(v).tolist()])
    if v is sh.EMPTY:
        return None
    if isinstance(v, XlError):
        return ErrorValue(str(v))
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, float, np.integer, np.floating)):
        x = float(v)
        if math.isnan(x) or math.isinf(x):
            return ErrorValue("#NUM!")
        return x
    if isinstance(v, str):
        return v
    if hasattr(v, "value"):
        return to_python(v.value)
    return str(v)


def call_function(name: str, args: Sequence[Any]) -> Any:
    fn = _compiled(f"={name}({','.join(_placeholders(len(args)))})")
    try:
        return to_python(fn(*[to_formulas(a) for a in args]))
    except Exception as exc:
        raise FormulasError(f"formulas gagal menghitung {name}",
                            f"formulas failed to compute {name}") from exc


def evaluate_formula(text: str, lookup: Callable[[str], Any]) -> Any:
    """One formula; `lookup("A1:B3")` / `lookup("SHEET2!A1")` gives each input's value."""
    fn = _compiled(text)
    try:
        inputs = [to_formulas(lookup(ref)) for ref in fn.inputs]
        return to_python(fn(*inputs))
    except FormulasError:
        raise
    except Exception as exc:
        raise FormulasError(f"formulas gagal menghitung {text}",
                            f"formulas failed to compute {text}") from exc


def recalculate(path: str | os.PathLike[str],
                sheet_names: Mapping[str, str] | None = None,
                cells: Collection[tuple[str, int, int]] | None = None,
                ) -> dict[tuple[str, int, int], Any]:
    """Cells of the workbook as `formulas.ExcelModel` computes them (all it reports, or only
    `cells`, given as (sheet, row, col)).

    `formulas` upper-cases sheet names; `sheet_names` (upper -> real) restores them.
    """
    formulas = _formulas()

    try:
        model = formulas.ExcelModel().loads(str(path)).finish()
        solution = model.calculate()
    except Exception as exc:
        raise FormulasError(f"formulas gagal menghitung {path}",
                            f"formulas failed to compute {path}") from exc
    names = dict(sheet_names or {})
    wanted = set(cells) if cells is not None else None
    out: dict[tuple[str, int, int], Any] = {}
    for key, value in solution.items():
        ref = str(key)
        if "!" not in ref or ":" in ref.split("!", 1)[1]:
            continue
        sheet_part, cell_part = ref.rsplit("!", 1)
        sheet = sheet_part.strip("'")
        if "]" in sheet:
            sheet = sheet.split("]", 1)[1]
        sheet = names.get(sheet.upper(), sheet)
        try:
            row, col = parse_cell(cell_part)
        except ValueError:
            continue
        if wanted is None or (sheet, row, col) in wanted:
            out[(sheet, row, col)] = to_python(getattr(value, "value", value))
    return out
