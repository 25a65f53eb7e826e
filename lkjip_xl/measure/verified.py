"""measure after verify: the rule laporan follows for its document, for the Bab III workbook.

verify's errors (`Report.open_errors`) make the output a DRAF (measure/draf.py) and the run
exit 1; the output is still written, so staff see what the report would say. verify's read of
the file is reused for the document, so the file is read once.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from lkjip_xl.core.findings import Report
from lkjip_xl.measure import measure, steps
from lkjip_xl.verify import verify
from lkjip_xl.xlsx.atomic import check_target


def measure_verified(src: str | os.PathLike[str], out: str | os.PathLike[str], *,
                     triwulan: int = 4, force: bool = False,
                     progress: Callable[[], None] | None = None) -> Report:
    """verify `src`, then measure it to `out`; DRAF while verify finds errors. `progress()`
    is called `verified_steps()` times (a progress bar's)."""
    check_target(out, (src,), force)  # refused before verify's time is spent
    judged = verify(src)
    if progress is not None:
        progress()
    return measure(src, out, triwulan=triwulan, force=force, judged=judged, progress=progress)


def verified_steps() -> int:
    """verify, then measure's own steps."""
    return 1 + steps()


__all__ = ["measure_verified", "verified_steps"]
