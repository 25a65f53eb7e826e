"""lkjip-xl: SAKIP / LKjIP performance workbooks in Excel: generate, verify, measure.

The library's entry points live in their packages, imported only when used (so `lkjip-xl --help`
stays fast): `from lkjip_xl.verify import verify`, `from lkjip_xl.measure import measure`,
`from lkjip_xl.laporan import laporan`. (The package does not re-export them: a name such as
`lkjip_xl.verify` is the subpackage as soon as anything imports it, so a function of the same
name there could only ever be had by replacing the module's class.)
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
