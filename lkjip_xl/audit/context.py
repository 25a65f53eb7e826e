"""What compiled formulas and the function table ask of the evaluator that runs them.

The compiler and the function helpers are handed the evaluator, and the evaluator owns the
compiler: typing that hand-over with `Evaluator` itself would make the two modules name each
other. They name this protocol instead, and `Evaluator` satisfies it (mypy checks so where the
evaluator hands itself to its `Compiler`).
"""

from __future__ import annotations

from typing import Any, Protocol

from lkjip_xl.audit.values import Arr, Rng


class EvalContext(Protocol):
    """The evaluator as a formula sees it: cells read on demand, ranges as values, names."""

    global_names: dict[str, str]  # NAME -> definition text
    local_names: dict[str, dict[str, str]]  # NAME -> sheet (lower case) -> definition text
    name_fns: dict[tuple[str, bool], Any]  # compiled definitions, by (text, array context)

    def get(self, sh: Any, r: int, c: int) -> Any: ...

    def current(self) -> tuple[Any, Any] | None: ...

    def sheet_by_name(self, name: str) -> Any: ...

    def intersect(self, rng: Rng, r: int, c: int) -> Any: ...

    def flat(self, rng: Rng) -> list[Any]: ...

    def to_arr(self, rng: Rng) -> Arr: ...


__all__ = ["EvalContext"]
