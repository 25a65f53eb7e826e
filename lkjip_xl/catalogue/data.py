from __future__ import annotations

from lkjip_xl.catalogue.entry import Entry

ENTRIES: list[Entry] = []
