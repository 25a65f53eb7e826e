"""Messages of `measure`'s findings; its codes live in the shared table
(`lkjip_xl/catalogue/measure.py`) like every other area's."""

from __future__ import annotations

from lkjip_xl.catalogue import render_message
from lkjip_xl.catalogue.measure import ENTRIES
from lkjip_xl.core.findings import Finding

_BY_CODE = {e.code: e for e in ENTRIES}


def message(f: Finding, lang: str = "id") -> str:
    """The finding's message: measure's own codes here, the shared catalogue otherwise."""
    e = _BY_CODE.get(f.code)
    if e is None:
        try:
            text = render_message(f, lang)
        except Exception:  # noqa: BLE001 - a broken shared table must not hide the finding
            text = f.code
        if text == f.code:  # not (yet) in the shared catalogue: still say what was found
            extra = f" ({f.found!r} -> {f.expected!r})" if f.expected is not None else (
                f" ({f.found!r})" if f.found is not None else "")
            text = f.code + extra
        return text
    return render_message(f, lang)  # numbers in the reader's form, as every message
