"""The limits a data document is read within: one agency's year is kilobytes, and a hostile file
(a huge file, a YAML alias bomb, a recursive alias) is refused with one line, never a crash."""

from __future__ import annotations

from lkjip_xl.core.errors import UnsafeFileError
from lkjip_xl.core.number_display import tampil

MAX_BYTES = 20 * 1024 * 1024  # one agency's year is kilobytes; anything near this is not a report
MAX_NODES = 1_000_000  # values after YAML aliases are expanded ("billion laughs" files are small)
MAX_DEPTH = 32  # the format nests 7 levels; recursive YAML aliases nest forever
MAX_PROBLEMS = 50  # problems listed at once; the rest are counted


def too_large(size: int) -> UnsafeFileError:
    mb, limit = size / 1024 / 1024, MAX_BYTES // 1024 // 1024
    return UnsafeFileError(
        f"berkas data terlalu besar ({tampil(mb, 'points', 'id', 1)} MB, batas {limit} MB)",
        f"data file too large ({tampil(mb, 'points', 'en', 1)} MB, limit {limit} MB)",
    )
