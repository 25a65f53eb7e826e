"""lkjip-xl: SAKIP / LKjIP performance workbooks in Excel: generate, verify, measure.

The public API is imported lazily so that `lkjip-xl --help` stays fast.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:  # PEP 562 lazy exports
    if name == "verify":
        from lkjip_xl.verify import verify

        return verify
    if name == "measure":
        from lkjip_xl.measure import measure

        return measure
    raise AttributeError(name)
