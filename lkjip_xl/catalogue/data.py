from __future__ import annotations

from .entry import Entry

ENTRIES: list[Entry] = []
