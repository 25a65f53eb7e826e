from __future__ import annotations

from . import Entry

ENTRIES: list[Entry] = []
